/**
 * Narrowing the inputs to part of the business (one rep, a set of regions), for breakdowns and
 * goals scoped to a rep or region. Tables are never mutated: filtering returns new tables that
 * share dictionaries with the originals (codes keep their meaning).
 */
import type { DictColumn, OrdersTable, PipelineTable, SpendTable } from '../table';
import { ORDER_DIMENSIONS } from '../table';
import type { MetricInputs } from './inputs';
import { linkFilteredOrders } from './orders-prep';
import { linkFilteredPipeline } from './pipeline-metrics';

/** The key under which blank dimension values are grouped and filtered. */
export const BLANK_KEY = '(blank)';

export type RowPredicate = (row: number) => boolean;

/**
 * - `{ dimension, keys }`: rows whose text in that dimension is one of `keys` (`BLANK_KEY` for
 *   blanks), in every table that has the dimension; tables without it are dropped (their metrics
 *   then say which table is missing).
 * - `{ orders?, pipeline?, spend? }`: per-table row masks (1 = keep) or predicates; a table
 *   without an entry is kept whole.
 */
export type InputFilter =
  | { readonly dimension: string; readonly keys: readonly string[] }
  | {
      readonly orders?: Uint8Array | RowPredicate;
      readonly pipeline?: Uint8Array | RowPredicate;
      readonly spend?: Uint8Array | RowPredicate;
    };

type AnyTable = OrdersTable | PipelineTable | SpendTable;

const PIPELINE_DIMENSIONS: Readonly<Record<string, 'rep' | 'source' | 'region'>> = {
  rep: 'rep',
  source: 'source',
  channel: 'source',
  region: 'region',
};
const SPEND_DIMENSIONS: Readonly<Record<string, 'channel'>> = { channel: 'channel', source: 'channel' };

function norm(text: string): string {
  return text.trim().toLowerCase();
}

/** The text column a role gives a table (orders' customer included), if the table has it. */
function roleColumn(table: AnyTable, role: string): DictColumn | undefined {
  if (table.kind === 'orders') {
    if (role === 'customer') return table.customer;
    return (ORDER_DIMENSIONS as readonly string[]).includes(role)
      ? table.dimensions[role as (typeof ORDER_DIMENSIONS)[number]]
      : undefined;
  }
  if (table.kind === 'pipeline') {
    const name = PIPELINE_DIMENSIONS[role];
    return name ? table[name] : undefined;
  }
  const name = SPEND_DIMENSIONS[role];
  return name ? table[name] : undefined;
}

/** Role names a table can be broken down by (one per column; pipeline `source`, spend `channel`). */
function dimensionRoles(table: AnyTable): string[] {
  const roles =
    table.kind === 'orders'
      ? [...ORDER_DIMENSIONS, 'customer']
      : table.kind === 'pipeline'
        ? ['rep', 'source', 'region']
        : ['channel'];
  return roles.filter((role) => roleColumn(table, role) !== undefined);
}

/**
 * The text column of `table` that a dimension name refers to. A header comes first: the column
 * with that header (case-insensitive), whether it plays a role (`Customer ID`) or not (`City`,
 * `Sub-Category`); else a role (`region`, `rep`…; pipeline `source` and spend `channel` stand in
 * for each other). Undefined when the table has no such column.
 * @example dimensionColumn(orders, 'City')?.dictionary   // ['Henderson', 'Los Angeles', …]
 * @example dimensionColumn(orders, 'region')?.dictionary // ['East', 'West', …]
 */
export function dimensionColumn(table: AnyTable, dimension: string): DictColumn | undefined {
  const key = norm(dimension);
  for (const role of dimensionRoles(table)) {
    const header = table.mapping[role as keyof typeof table.mapping];
    if (header !== undefined && norm(header) === key) return roleColumn(table, role);
  }
  for (const [header, extra] of Object.entries(table.extra)) if (norm(header) === key) return extra;
  return roleColumn(table, key);
}

/**
 * What a table can be broken down by: role names and column headers (role columns' and other
 * text columns'), for messages that list the choices.
 * @example dimensionNames(orders) // { roles: ['category', 'region', 'customer'], headers: ['Category', 'Region', 'Customer ID', 'City'] }
 */
export function dimensionNames(table: AnyTable): { roles: string[]; headers: string[] } {
  const roles = dimensionRoles(table);
  const headers = roles
    .map((role) => table.mapping[role as keyof typeof table.mapping])
    .filter((header): header is string => header !== undefined);
  return { roles, headers: [...headers, ...Object.keys(table.extra)] };
}

/**
 * The message for a dimension name no table has, listing the roles and headers that exist.
 * @example unknownDimension('Town', [orders]) // "no column or role named 'Town' (roles: region, customer; headers: Region, Customer ID, City)"
 */
export function unknownDimension(name: string, tables: readonly AnyTable[]): string {
  const roles = new Set<string>();
  const headers = new Set<string>();
  for (const table of tables) {
    const names = dimensionNames(table);
    names.roles.forEach((r) => roles.add(r));
    names.headers.forEach((h) => headers.add(h));
  }
  const list = (set: Set<string>) => (set.size > 0 ? [...set].join(', ') : 'none');
  return `no column or role named '${name}' (roles: ${list(roles)}; headers: ${list(headers)})`;
}

/** 1 for rows whose dimension text is one of `keys`. */
function keyMask(column: DictColumn, keys: readonly string[]): Uint8Array {
  const wanted = new Set(keys.map(norm));
  const codeWanted = Uint8Array.from(column.dictionary, (text) => (wanted.has(norm(text)) ? 1 : 0));
  const blank = wanted.has(norm(BLANK_KEY));
  const mask = new Uint8Array(column.codes.length);
  for (let i = 0; i < mask.length; i++) {
    const code = column.codes[i];
    mask[i] = code < 0 ? (blank ? 1 : 0) : codeWanted[code];
  }
  return mask;
}

function isDict(value: unknown): value is DictColumn {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as DictColumn).codes instanceof Int32Array &&
    Array.isArray((value as DictColumn).dictionary)
  );
}

/** A copy of `table` with only the given rows (ascending row numbers). */
export function pickRows<T extends AnyTable>(table: T, rows: Int32Array): T {
  const pickArray = <A extends Float64Array | Int32Array | Uint8Array>(source: A): A => {
    const out = new (source.constructor as { new (n: number): A })(rows.length);
    for (let j = 0; j < rows.length; j++) out[j] = source[rows[j]];
    return out;
  };
  const pickDict = (column: DictColumn): DictColumn => ({
    codes: pickArray(column.codes),
    dictionary: column.dictionary,
  });
  const pickRecord = (record: Readonly<Record<string, DictColumn | undefined>>) =>
    Object.fromEntries(Object.entries(record).map(([k, c]) => [k, c && pickDict(c)]));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(table)) {
    if (key === 'length') out[key] = rows.length;
    else if (key === 'dimensions' || key === 'extra')
      out[key] = pickRecord(value as Record<string, DictColumn>);
    else if (value instanceof Float64Array || value instanceof Int32Array || value instanceof Uint8Array)
      out[key] = value.length === table.length ? pickArray(value) : value;
    else if (isDict(value)) out[key] = pickDict(value);
    else out[key] = value;
  }
  return out as unknown as T;
}

function rowsOf(length: number, keep: Uint8Array | RowPredicate): Int32Array {
  const test = typeof keep === 'function' ? keep : (i: number) => keep[i] === 1;
  let count = 0;
  for (let i = 0; i < length; i++) if (test(i)) count++;
  const rows = new Int32Array(count);
  let j = 0;
  for (let i = 0; i < length; i++) if (test(i)) rows[j++] = i;
  return rows;
}

function filterTable<T extends AnyTable>(
  table: T | undefined,
  keep: Uint8Array | RowPredicate | undefined,
): T | undefined {
  if (!table || keep === undefined) return table;
  const rows = rowsOf(table.length, keep);
  const filtered = pickRows(table, rows);
  if (table.kind === 'orders') linkFilteredOrders(filtered as OrdersTable, table, rows);
  if (table.kind === 'pipeline') linkFilteredPipeline(filtered as PipelineTable, table);
  return filtered;
}

/**
 * The inputs restricted to part of the business. New-customer facts still come from the whole
 * orders table: a customer is new for the part that holds their first order row ever (a customer
 * whose first order was with rep X is a new customer of rep X, and of no other rep).
 * @example filterInputs({ orders, pipeline }, { dimension: 'rep', keys: ['Ana'] })
 * @example filterInputs({ orders }, { orders: (i) => orders.amount[i] > 100 })
 */
export function filterInputs(inputs: MetricInputs, filter: InputFilter): MetricInputs {
  if ('dimension' in filter) {
    const by = (table: AnyTable | undefined): Uint8Array | null => {
      const column = table && dimensionColumn(table, filter.dimension);
      return column ? keyMask(column, filter.keys) : null;
    };
    const orders = by(inputs.orders);
    const pipeline = by(inputs.pipeline);
    const spend = by(inputs.spend);
    return {
      orders: orders ? filterTable(inputs.orders, orders) : undefined,
      pipeline: pipeline ? filterTable(inputs.pipeline, pipeline) : undefined,
      spend: spend ? filterTable(inputs.spend, spend) : undefined,
    };
  }
  return {
    orders: filterTable(inputs.orders, filter.orders),
    pipeline: filterTable(inputs.pipeline, filter.pipeline),
    spend: filterTable(inputs.spend, filter.spend),
  };
}
