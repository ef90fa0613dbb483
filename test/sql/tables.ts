/**
 * Test helper: the engine's tables written into a database table, column for column under their
 * headers, with `_row` holding the row order, and the `SqlSources` that read them back. Both routes
 * then compute on the very same rows.
 */
import type { DictColumn, OrdersTable, PipelineTable, SpendTable } from '../../src/core/table';
import { STATUS_CODE } from '../../src/core/table';
import type { ColumnType, Dialect } from '../../src/sql/dialect';
import type { SourceColumn, SqlSources, TableSource } from '../../src/sql/source';

type AnyTable = OrdersTable | PipelineTable | SpendTable;

interface Column {
  readonly name: string;
  readonly role?: string;
  readonly sqlType: 'date' | 'timestamp' | 'double' | 'text';
  readonly at: (i: number) => string | number | null;
}

const text = (column: DictColumn) => (i: number) =>
  column.codes[i] < 0 ? null : column.dictionary[column.codes[i]];
const num = (values: Float64Array) => (i: number) => (Number.isFinite(values[i]) ? values[i] : null);

function dateColumn(name: string, role: string, values: Float64Array): Column {
  let fraction = false;
  for (const v of values) if (Number.isFinite(v) && v !== Math.floor(v)) fraction = true;
  return { name, role, sqlType: fraction ? 'timestamp' : 'date', at: num(values) };
}

const STATUS_TEXT = ['Open', 'Won', 'Lost'];

function columnsOf(table: AnyTable): Column[] {
  const m = table.mapping as Record<string, string | undefined>;
  const name = (role: string) => m[role] ?? role;
  const cols: Column[] = [];
  const dict = (role: string, column: DictColumn | undefined) => {
    if (column) cols.push({ name: name(role), role, sqlType: 'text', at: text(column) });
  };
  const number = (role: string, values: Float64Array | undefined) => {
    if (values) cols.push({ name: name(role), role, sqlType: 'double', at: num(values) });
  };
  if (table.kind === 'orders') {
    cols.push(dateColumn(name('date'), 'date', table.date));
    number('amount', table.amount);
    dict('order_id', table.orderId);
    dict('customer', table.customer);
    number('quantity', table.quantity);
    // Cost as the engine holds it (amount − profit already applied).
    if (table.cost)
      cols.push({ name: m.cost ?? 'cost', role: 'cost', sqlType: 'double', at: num(table.cost) });
    for (const [role, column] of Object.entries(table.dimensions)) dict(role, column);
  } else if (table.kind === 'pipeline') {
    cols.push(dateColumn(name('created'), 'created', table.created));
    cols.push({
      name: name('status'),
      role: 'status',
      sqlType: 'text',
      at: (i) => STATUS_TEXT[table.status[i]],
    });
    if (table.mapping.closed !== undefined) cols.push(dateColumn(name('closed'), 'closed', table.closed));
    number('value', table.value);
    dict('id', table.id);
    dict('rep', table.rep);
    dict('source', table.source);
    dict('region', table.region);
  } else {
    cols.push(dateColumn(name('date'), 'date', table.date));
    number('spend', table.spend);
    dict('channel', table.channel);
    if (table.end) cols.push(dateColumn(name('end'), 'end', table.end));
    dict('period', table.period);
  }
  for (const [header, column] of Object.entries(table.extra))
    if (!cols.some((c) => c.name.toLowerCase() === header.toLowerCase()))
      cols.push({ name: header, sqlType: 'text', at: text(column) });
  return cols;
}

function literal(d: Dialect, column: Column, value: string | number | null): string {
  if (value === null) return 'NULL';
  if (column.sqlType === 'text') return d.str(String(value));
  if (column.sqlType === 'double') return Number(value).toPrecision(17);
  const ms = Math.round(Number(value) * 86_400_000);
  const iso = new Date(ms).toISOString();
  return column.sqlType === 'date'
    ? `DATE '${iso.slice(0, 10)}'`
    : `TIMESTAMP '${iso.slice(0, 23).replace('T', ' ')}'`;
}

const SQL_TYPES: Record<Column['sqlType'], (d: Dialect) => string> = {
  date: () => 'DATE',
  timestamp: () => 'TIMESTAMP',
  double: (d) => d.double,
  text: (d) => d.text,
};

const COLUMN_TYPES: Record<Column['sqlType'], ColumnType> = {
  date: 'date',
  timestamp: 'timestamp',
  double: 'number',
  text: 'text',
};

/** CREATE TABLE and INSERT statements (batches of 500 rows) holding `table` as `name`. */
export function tableStatements(d: Dialect, name: string, table: AnyTable): string[] {
  const cols = columnsOf(table);
  const create = `CREATE TABLE ${d.ident(name)} (_row BIGINT, ${cols
    .map((c) => `${d.ident(c.name)} ${SQL_TYPES[c.sqlType](d)}`)
    .join(', ')})`;
  const out = [create];
  for (let from = 0; from < table.length; from += 500) {
    const rows: string[] = [];
    for (let i = from; i < Math.min(table.length, from + 500); i++)
      rows.push(`(${[String(i), ...cols.map((c) => literal(d, c, c.at(i)))].join(', ')})`);
    out.push(`INSERT INTO ${d.ident(name)} VALUES ${rows.join(', ')}`);
  }
  return out;
}

/** The source reading a table written by `tableStatements`. */
export function tableSource<Role extends string>(
  d: Dialect,
  name: string,
  table: AnyTable,
): TableSource<Role> {
  const columns: Record<string, SourceColumn> = {};
  const extra: Record<string, SourceColumn> = {};
  for (const c of columnsOf(table)) {
    const column = { name: c.name, type: COLUMN_TYPES[c.sqlType] };
    if (c.role) columns[c.role] = column;
    else extra[c.name] = column;
  }
  return {
    relation: d.ident(name),
    columns: columns as TableSource<Role>['columns'],
    extra,
    rowOrder: d.ident('_row'),
  };
}

/** Statements and sources for every given table (named orders, pipeline, spend). */
export function loadTables(
  d: Dialect,
  tables: { orders?: OrdersTable; pipeline?: PipelineTable; spend?: SpendTable },
  prefix = '',
): { statements: string[]; sources: SqlSources } {
  const statements: string[] = [];
  const sources: { orders?: TableSource<any>; pipeline?: TableSource<any>; spend?: TableSource<any> } = {};
  for (const kind of ['orders', 'pipeline', 'spend'] as const) {
    const table = tables[kind];
    if (!table) continue;
    const name = prefix ? `${prefix}_${kind}` : kind;
    statements.push(`DROP TABLE IF EXISTS ${d.ident(name)}`, ...tableStatements(d, name, table));
    sources[kind] = tableSource(d, name, table);
  }
  return { statements, sources };
}

export { STATUS_CODE };
