/**
 * Puts the read columns together into the table of each kind, keeping only the used rows.
 * When every used row comes first (the usual case: skipped rows are trailing blanks), columns are
 * shortened with `subarray` instead of copied.
 */
import type {
  ColumnRole,
  DictColumn,
  Mapping,
  OrderDimension,
  SalesTable,
  TableKind,
  TargetRow,
} from '../table';
import { ORDER_DIMENSIONS, STATUS_CODE } from '../table';
import { type Frame, ROW_USED } from './frame';
import type { RoleColumn } from './columns';
import type { RoleDetection } from './roles';

export interface TableParts {
  readonly kind: TableKind;
  readonly frame: Frame;
  readonly headers: readonly string[];
  readonly detection: RoleDetection;
  readonly columns: Partial<Record<ColumnRole, RoleColumn>>;
  /** Unassigned text columns kept as breakdown dimensions, by header (not yet compacted). */
  readonly extras: ReadonlyMap<string, DictColumn>;
}

/** The used rows: their data-row indexes, or `index: null` when they are exactly the first `length` rows. */
interface Kept {
  readonly index: Int32Array | null;
  readonly length: number;
}

function keptRows(fate: Uint8Array): Kept {
  const USED = ROW_USED;
  let used = 0;
  for (let i = 0; i < fate.length; i++) if (fate[i] === USED) used++;
  let prefix = true;
  for (let i = 0; i < used && prefix; i++) if (fate[i] !== USED) prefix = false;
  // The usual case (every used row first) needs no index: columns are cut with `subarray`.
  if (prefix) return { index: null, length: used };
  const index = new Int32Array(used);
  let k = 0;
  for (let i = 0; i < fate.length; i++) if (fate[i] === USED) index[k++] = i;
  return { index, length: used };
}

/** Data row index of the `k`-th used row. */
function rowOf(kept: Kept, k: number): number {
  return kept.index === null ? k : kept.index[k];
}

function gather<T extends Float64Array | Int32Array | Uint8Array>(data: T, kept: Kept): T {
  const n = kept.length;
  const index = kept.index;
  if (index === null) return (n === data.length ? data : data.subarray(0, n)) as T;
  const out = new (data.constructor as { new (length: number): T })(n);
  for (let k = 0; k < n; k++) out[k] = data[index[k]];
  return out;
}

function gatherDict(column: DictColumn, kept: Kept): DictColumn {
  return { codes: gather(column.codes, kept), dictionary: column.dictionary };
}

function numbers(parts: TableParts, role: ColumnRole, kept: Kept): Float64Array | undefined {
  const column = parts.columns[role];
  return column && (column.type === 'number' || column.type === 'date')
    ? gather(column.data, kept)
    : undefined;
}

function dict(parts: TableParts, role: ColumnRole, kept: Kept): DictColumn | undefined {
  const column = parts.columns[role];
  return column && column.type === 'dict' ? gatherDict(column.data, kept) : undefined;
}

/**
 * Cost of each row: the cost column, else amount − profit when the table has a profit column and
 * no cost column (a refund's negative amount and profit give its negative cost the same way);
 * a row without a profit has no cost, so gross margin leaves it out.
 */
function orderCost(parts: TableParts, kept: Kept, amount: Float64Array): Float64Array | undefined {
  const cost = numbers(parts, 'cost', kept);
  if (cost) return cost;
  const profit = numbers(parts, 'profit', kept);
  if (!profit) return undefined;
  const out = new Float64Array(amount.length);
  for (let k = 0; k < out.length; k++) out[k] = amount[k] - profit[k];
  return out;
}

function mappingOf(detection: RoleDetection): Mapping {
  const mapping: Mapping = {};
  for (const [role, guess] of Object.entries(detection.roles))
    if (guess) mapping[role as ColumnRole] = guess.header;
  return mapping;
}

function extras(parts: TableParts, kept: Kept): Record<string, DictColumn> {
  const out: Record<string, DictColumn> = {};
  for (const [header, column] of parts.extras) out[header] = gatherDict(column, kept);
  return out;
}

function sourceRows(frame: Frame, kept: Kept): Int32Array {
  const rows = frame.columns?.memory?.int32s(kept.length) ?? new Int32Array(kept.length);
  const offset = frame.firstRowNumber + frame.start;
  for (let k = 0; k < rows.length; k++) rows[k] = rowOf(kept, k) + offset;
  return rows;
}

function targetsTable(parts: TableParts, kept: Kept, mapping: Mapping): SalesTable {
  const metric = parts.columns.metric;
  const period = parts.columns.period;
  const target = parts.columns.target;
  const rep = dict(parts, 'rep', kept);
  const region = dict(parts, 'region', kept);
  const rows: TargetRow[] = [];
  const offset = parts.frame.firstRowNumber + parts.frame.start;
  for (let k = 0; k < kept.length; k++) {
    const i = rowOf(kept, k);
    if (metric?.type !== 'dict' || period?.type !== 'period' || target?.type !== 'number') break;
    const row: { -readonly [K in keyof TargetRow]: TargetRow[K] } = {
      metric: metric.data.dictionary[metric.data.codes[i]],
      period: period.data[i] as string,
      target: target.data[i],
      sourceRow: i + offset,
    };
    if (rep && rep.codes[k] >= 0) row.rep = rep.dictionary[rep.codes[k]];
    if (region && region.codes[k] >= 0) row.region = region.dictionary[region.codes[k]];
    rows.push(row);
  }
  return { kind: 'targets', rows, mapping };
}

/** Builds the table of `parts.kind` from the read columns. */
export function buildTable(parts: TableParts): SalesTable {
  const kept = keptRows(parts.frame.fate);
  const mapping = mappingOf(parts.detection);
  if (parts.kind === 'targets') return targetsTable(parts, kept, mapping);
  const base = {
    length: kept.length,
    sourceRow: sourceRows(parts.frame, kept),
    mapping,
    extra: extras(parts, kept),
  };
  const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
  if (parts.kind === 'orders') {
    const dimensions: Partial<Record<OrderDimension, DictColumn>> = {};
    for (const dimension of ORDER_DIMENSIONS) {
      const column = dict(parts, dimension, kept);
      if (column) dimensions[dimension] = column;
    }
    const amount = numbers(parts, 'amount', kept) as Float64Array;
    return {
      kind: 'orders',
      ...base,
      date: numbers(parts, 'date', kept) as Float64Array,
      amount,
      ...optional('orderId', dict(parts, 'order_id', kept)),
      ...optional('customer', dict(parts, 'customer', kept)),
      ...optional('quantity', numbers(parts, 'quantity', kept)),
      ...optional('cost', orderCost(parts, kept, amount)),
      dimensions,
    };
  }
  if (parts.kind === 'pipeline') {
    const statusColumn = parts.columns.status;
    const status =
      statusColumn?.type === 'status' ? gather(statusColumn.data, kept) : new Uint8Array(kept.length);
    // `closed` is the closing date of closed deals; for open ones a date there is an expected close.
    const closeColumn = numbers(parts, 'closed', kept);
    const expectedColumn = numbers(parts, 'expected_close', kept);
    // Without a close column, the expected-close column dates the won and lost deals too.
    const closed = (closeColumn ?? expectedColumn)?.slice() ?? new Float64Array(kept.length).fill(NaN);
    const expectedClose = expectedOpenClose(status, closeColumn, expectedColumn);
    for (let k = 0; k < closed.length; k++) if (status[k] === STATUS_CODE.open) closed[k] = NaN;
    return {
      kind: 'pipeline',
      ...base,
      created: numbers(parts, 'created', kept) as Float64Array,
      status,
      closed,
      ...optional('value', numbers(parts, 'value', kept)),
      ...optional('id', dict(parts, 'id', kept)),
      ...optional('rep', dict(parts, 'rep', kept)),
      ...optional('source', dict(parts, 'source', kept)),
      ...optional('region', dict(parts, 'region', kept)),
      ...optional('expectedClose', expectedClose),
      ...optional('probability', probabilities(numbers(parts, 'probability', kept))),
      ...optional('stage', dict(parts, 'stage', kept)),
      ...optional('forecastCategory', dict(parts, 'forecast_category', kept)),
    };
  }
  return {
    kind: 'spend',
    ...base,
    date: numbers(parts, 'date', kept) as Float64Array,
    spend: numbers(parts, 'spend', kept) as Float64Array,
    ...optional('channel', dict(parts, 'channel', kept)),
    ...optional('end', numbers(parts, 'end', kept)),
    ...optional('period', periodDict(parts, kept)),
  };
}

/** A period-key column (a spend table's `period`) as a dictionary column over the used rows. */
function periodDict(parts: TableParts, kept: Kept): DictColumn | undefined {
  const column = parts.columns.period;
  if (column?.type !== 'period') return undefined;
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(kept.length);
  for (let k = 0; k < kept.length; k++) {
    const key = column.data[rowOf(kept, k)];
    if (key === undefined) {
      codes[k] = -1;
      continue;
    }
    let code = index.get(key);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(key);
      index.set(key, code);
    }
    codes[k] = code;
  }
  return { codes, dictionary };
}

/**
 * Expected close of each open deal: the expected-close column, else the date an open row carries
 * in the close column; `NaN` for won and lost deals. Undefined when neither column exists.
 */
function expectedOpenClose(
  status: Uint8Array,
  closeColumn: Float64Array | undefined,
  expectedColumn: Float64Array | undefined,
): Float64Array | undefined {
  if (!closeColumn && !expectedColumn) return undefined;
  const out = new Float64Array(status.length).fill(NaN);
  for (let k = 0; k < out.length; k++) {
    if (status[k] !== STATUS_CODE.open) continue;
    const expected = expectedColumn ? expectedColumn[k] : NaN;
    out[k] = expected === expected ? expected : closeColumn ? closeColumn[k] : NaN;
  }
  return out;
}

/**
 * Win probabilities as shares: `60%` reads as 0.6 already; a number above 1 (up to 100) is a
 * percentage written without the sign (60 → 0.6). Anything outside 0–100 is left out (`NaN`).
 */
function probabilities(column: Float64Array | undefined): Float64Array | undefined {
  if (!column) return undefined;
  const out = new Float64Array(column.length);
  for (let k = 0; k < out.length; k++) {
    const p = column[k];
    out[k] = !(p >= 0 && p <= 100) ? NaN : p > 1 ? p / 100 : p;
  }
  return out;
}
