/**
 * Narrowing the inputs to part of the business (one rep, a set of regions), for breakdowns and
 * goals scoped to a rep or region. Tables are never mutated: filtering returns new tables that
 * share dictionaries with the originals (codes keep their meaning).
 */
import type { DictColumn, OrdersTable, PipelineTable, SpendTable } from '../table';
import { ORDER_DIMENSIONS } from '../table';
import type { MetricInputs } from './inputs';
import { linkFilteredOrders } from './orders-prep';

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

/**
 * The text column of `table` that a dimension name refers to: a role (`region`, `rep`…; pipeline
 * `source` and spend `channel` stand in for each other), the header it was mapped from, or an
 * extra text column by header. Undefined when the table has no such column.
 * @example dimensionColumn(orders, 'Region')?.dictionary // ['East', 'West', …]
 */
export function dimensionColumn(table: AnyTable, dimension: string): DictColumn | undefined {
  const key = norm(dimension);
  let column: DictColumn | undefined;
  if (table.kind === 'orders') {
    const role = (ORDER_DIMENSIONS as readonly string[]).includes(key)
      ? (key as (typeof ORDER_DIMENSIONS)[number])
      : undefined;
    column = role ? table.dimensions[role] : undefined;
    if (!column) {
      for (const d of ORDER_DIMENSIONS)
        if (table.mapping[d] !== undefined && norm(table.mapping[d]!) === key) column = table.dimensions[d];
    }
    if (!column && (key === 'customer' || (table.mapping.customer && norm(table.mapping.customer) === key)))
      column = table.customer;
  } else if (table.kind === 'pipeline') {
    const role =
      PIPELINE_DIMENSIONS[key] ??
      (['rep', 'source', 'region'] as const).find((r) => table.mapping[r] && norm(table.mapping[r]!) === key);
    column = role ? table[role] : undefined;
  } else {
    const role =
      SPEND_DIMENSIONS[key] ??
      (table.mapping.channel && norm(table.mapping.channel) === key ? 'channel' : undefined);
    column = role ? table[role] : undefined;
  }
  if (column) return column;
  for (const [header, extra] of Object.entries(table.extra)) if (norm(header) === key) return extra;
  return undefined;
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
  const filtered = pickRows(table, rowsOf(table.length, keep));
  if (table.kind === 'orders') linkFilteredOrders(filtered as OrdersTable, table);
  return filtered;
}

/**
 * The inputs restricted to part of the business. New-customer facts still come from the whole
 * orders table (a customer new to the business who bought from rep X is new for rep X).
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
