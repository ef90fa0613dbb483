/**
 * A database table or a file read by DuckDB, turned into a `TableSource`: its columns as the
 * database describes them, a sample of rows read through the engine's own role detection (the
 * same headers, aliases and value checks as a sheet; `--map role=column` wins), and how each
 * mapped column holds its values (DATE, TIMESTAMP, numbers, yyyymmdd integers, date text in the
 * order the sample shows).
 */
import type { CellValue } from '../core/cell';
import type { IngestOptions } from '../core/ingest';
import { ingestTable } from '../core/ingest';
import type { Mapping, SalesTable } from '../core/table';
import type { ColumnType } from '../sql/dialect';
import type { SourceColumn, TableSource } from '../sql/source';
import type { DescribedColumn, SqlEngine } from './engine';
import { EngineError } from './engine';

export type DiscoverKind = 'orders' | 'pipeline' | 'spend';

/** Rows read to detect the roles (as many as ingestion profiles). */
const SAMPLE_ROWS = 300;

const DATE_ROLES = new Set(['date', 'created', 'closed', 'end', 'expected_close']);
const NUMBER_ROLES = new Set(['amount', 'quantity', 'cost', 'profit', 'value', 'spend']);

export interface DiscoverOptions {
  /** `--map role=column`. */
  readonly mapping?: Mapping;
  /** Columns the relation adds that are not data (DuckDB's `file_row_number`). */
  readonly hidden?: readonly string[];
  /** The rows' order expression (see `TableSource.rowOrder`). */
  readonly rowOrder?: string;
  readonly dateOrder?: IngestOptions['dateOrder'];
}

export interface Discovered<Role extends string> {
  readonly source: TableSource<Role>;
  readonly mapping: Mapping;
  /** Ingestion's notes on the sample (how columns were read). */
  readonly notes: readonly string[];
}

/** A driver value as a cell: dates as dates, big integers as numbers, the rest as text. */
function cellOf(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value;
  return String(value);
}

function columnType(
  role: string | undefined,
  described: DescribedColumn,
  sample: readonly CellValue[],
  order?: string,
): ColumnType {
  const t = described.type;
  if (role && DATE_ROLES.has(role)) {
    if (t === 'date') return 'date';
    if (t === 'timestamp') return 'timestamp';
    if (t === 'integer' || t === 'number') return 'yyyymmdd';
    const texts = sample.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (texts.length > 0 && texts.every((v) => /^\s*\d{8}\s*$/.test(v))) return 'yyyymmdd';
    return order === 'dmy' ? 'text-dmy' : order === 'mdy' ? 'text-mdy' : 'text-ymd';
  }
  if (t === 'integer' || t === 'number') return 'number';
  if (role && NUMBER_ROLES.has(role)) return 'text';
  return 'text';
}

/**
 * Reads `relation`'s columns and a sample, detects the roles and returns the source.
 * @example const { source } = await discoverTable(db, 'orders', '"orders"', { mapping: { customer: 'cust_id' } });
 */
export async function discoverTable<Role extends string>(
  engine: SqlEngine,
  kind: DiscoverKind,
  relation: string,
  options: DiscoverOptions = {},
): Promise<Discovered<Role>> {
  const hidden = new Set(options.hidden ?? []);
  const described = (await engine.describe(relation)).filter((c) => !hidden.has(c.name));
  const names = described.map((c) => c.name);
  const list = names.map((n) => engine.dialect.ident(n)).join(', ');
  const rows = await engine.query(`SELECT ${list} FROM ${relation} LIMIT ${SAMPLE_ROWS}`);
  const values: CellValue[][] = [names, ...rows.map((row) => names.map((n) => cellOf(row[n])))];
  const mapping = options.mapping && Object.keys(options.mapping).length ? options.mapping : undefined;
  const unknown = Object.entries(mapping ?? {}).filter(([, header]) => !names.includes(String(header)));
  if (unknown.length)
    throw new EngineError(
      `--map: ${unknown.map(([role, header]) => `${role}=${header}`).join(', ')}: no such column (columns: ${names.join(', ')})`,
    );
  const result = ingestTable(kind, values, { mapping, headerRow: 0, dateOrder: options.dateOrder });
  const table = result.table as SalesTable | null;
  if (!table)
    throw new EngineError(
      `${kind}: ${(result.error ?? 'no usable rows in the sample').replace(/\s*\n\s*/g, ' ')}`,
    );
  const columns: Record<string, SourceColumn> = {};
  const orderOf = new Map(result.formats.map((f) => [f.header, f.dateOrder]));
  const sampleOf = (name: string) => values.slice(1).map((row) => row[names.indexOf(name)]);
  for (const [role, header] of Object.entries(table.mapping)) {
    const column = described.find((c) => c.name === header);
    if (!column) continue;
    columns[role] = { name: header, type: columnType(role, column, sampleOf(header), orderOf.get(header)) };
  }
  // As ingestion does: without a close column, the expected-close column dates the won and lost deals.
  if (kind === 'pipeline' && !columns.closed && columns.expected_close)
    columns.closed = columns.expected_close;
  const extra: Record<string, SourceColumn> = {};
  for (const header of Object.keys((table as { extra?: Record<string, unknown> }).extra ?? {})) {
    const column = described.find((c) => c.name === header);
    if (column && !Object.values(columns).some((c) => c.name === header))
      extra[header] = { name: header, type: columnType(undefined, column, []) };
  }
  return {
    source: { relation, columns: columns as TableSource<Role>['columns'], extra, rowOrder: options.rowOrder },
    mapping: table.mapping,
    notes: result.report.notes ?? [],
  };
}
