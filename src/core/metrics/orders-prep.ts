/**
 * Per-table preparation shared by every orders metric: usable rows, order keys and each
 * customer's order history, computed once per (table, as-of) and cached.
 *
 * Choices (stated in docs/metrics.md):
 * - A row is usable when its date and amount are numbers, its day is not after the as-of day and
 *   lies in years 1–9999 (Excel's own range; keeps day arithmetic in 32-bit integers).
 * - Rows with amount < 0 are refunds: they reduce revenue (and units/cost as entered) but never
 *   make an order, an active customer or a purchase in a customer's history. An order whose lines
 *   in a period are all refunds is not an order of that period.
 * - An order id whose lines fall in several periods counts as an order in each of them (orders is
 *   "distinct order ids in P"); in customer histories an order is dated by its first purchase line.
 * - A row without an order id (or with a blank one) is an order of its own.
 * - Customer lifecycle facts (first and second order day: new, returning, repeat) come from the
 *   whole business: a table made by `filterInputs` keeps a link to the table it came from (and to
 *   its rows there).
 * - A new customer is credited to the row of their first order ever: their first purchase line by
 *   day, the first in table order among lines of that day. "New customers of rep X" are the
 *   customers whose first order ever is a row of rep X, so the parts of a breakdown add up to the
 *   whole.
 */
import type { OrdersTable } from '../table';
import { shareSpareMemory, spareInt32s, spareUint8s } from '../spare-memory';
import { bucketDays, bucketsOfRows, rowRange, rowsInBuckets } from './buckets';

/** 0001-01-01 and 9999-12-31 as epoch days. */
const FIRST_DAY = -719162;
const LAST_DAY = 2932896;

/** Day value for unusable rows: below any real day, so it never falls in a window. */
export const NO_DAY = -2147483648;

export interface CustomerHistory {
  /** Customer code → first index into `days` (length = customers + 1). */
  readonly offsets: Int32Array;
  /** Order days of each customer, ascending (one entry per distinct order). */
  readonly days: Int32Array;
  /** First order day per customer code (`Infinity` when none). */
  readonly firstDay: Float64Array;
  /** Second order day per customer code (`Infinity` when fewer than two orders). */
  readonly secondDay: Float64Array;
  /** Every customer's first order day, ascending (customers with orders only). */
  readonly sortedFirstDays: Float64Array;
}

export interface OrdersPrep {
  readonly table: OrdersTable;
  readonly asOf: number;
  /** Floored day per row, or `NO_DAY` when the row is unusable or after the as-of day. */
  readonly day: Int32Array;
  readonly minDay: number;
  readonly maxDay: number;
  /** Dense order key per row (rows without an id get keys of their own); null without an order-id column. */
  readonly orderKey: Int32Array | null;
  readonly orderKeyCount: number;
  /** Number of customer codes (dictionary size), 0 without a customer column. */
  readonly customerCount: number;
  /** Window index per row for windows with these bounds (cached: breakdowns reuse it). Do not mutate. */
  bucketsFor(bounds: readonly number[]): Int32Array;
  /** The rows inside those windows, ascending (cached with the buckets). Do not mutate. */
  rowsWithin(bounds: readonly number[]): Int32Array;
  /**
   * The window of each row of `rowsWithin(bounds)`, in that order (cached). A date-sorted table
   * makes them for those rows only, without `bucketsFor`'s array over every row. Do not mutate.
   */
  bucketsWithin(bounds: readonly number[]): Int32Array;
  /**
   * Scratch mark arrays for distinct counting, reused across calls so that each aggregation does
   * not allocate and zero an array per order id. A caller takes `stamps` consecutive stamps
   * starting at the returned `base` (marks never hold a stamp ≥ base before the call).
   * `customerOrder` marks orders counted among the orders that have a customer.
   */
  marks(stamps: number): {
    order: Int32Array | null;
    customerOrder: Int32Array | null;
    customer: Int32Array | null;
    base: number;
  };
  /** Results already computed on this table and as-of date (tables are immutable), by a caller's key. */
  readonly results: Map<string, unknown>;
  /** This table's own customer histories (lazy). */
  history(): CustomerHistory | null;
  /** First/second order days from the whole business (the root table's history). */
  lifecycle(): CustomerHistory | null;
  /**
   * 1 for the rows of this table that are their customer's first order row in the whole business
   * (see the module comment), 0 elsewhere; null without a customer column.
   */
  firstOrderRows(): Uint8Array | null;
}

const ROOTS = new WeakMap<OrdersTable, OrdersTable>();
/** Row of the root table each row of a filtered table is. */
const ROOT_ROWS = new WeakMap<OrdersTable, Int32Array>();
const CACHE = new WeakMap<OrdersTable, OrdersPrep>();

/**
 * Records that `child` holds rows `rows` (ascending indexes) of `parent` (used by `filterInputs`).
 */
export function linkFilteredOrders(child: OrdersTable, parent: OrdersTable, rows: Int32Array): void {
  ROOTS.set(child, ROOTS.get(parent) ?? parent);
  const parentRows = ROOT_ROWS.get(parent);
  ROOT_ROWS.set(child, parentRows ? rows.map((r) => parentRows[r]) : rows);
}

/** The table a filtered table came from (itself when it is not filtered). */
export function rootOrders(table: OrdersTable): OrdersTable {
  return ROOTS.get(table) ?? table;
}

/** The cached preparation of `table` for `asOf`. */
export function prepareOrders(table: OrdersTable, asOf: number): OrdersPrep {
  const asOfDay = Math.floor(asOf);
  const cached = CACHE.get(table);
  if (cached && cached.asOf === asOfDay) return cached;
  const prep = buildPrep(table, asOfDay);
  CACHE.set(table, prep);
  return prep;
}

function buildPrep(table: OrdersTable, asOf: number): OrdersPrep {
  const n = table.length;
  const day = spareInt32s(table, n);
  let minDay = Infinity;
  let maxDay = -Infinity;
  // Every row usable and in day order (a date-sorted sheet): windows are ranges of rows.
  let ascending = true;
  let last = NO_DAY;
  const { date, amount } = table;
  for (let i = 0; i < n; i++) {
    const d = Math.floor(date[i]);
    if (d >= FIRST_DAY && d <= LAST_DAY && d <= asOf && Number.isFinite(amount[i])) {
      day[i] = d;
      if (d < minDay) minDay = d;
      if (d > maxDay) maxDay = d;
      if (d < last) ascending = false;
      last = d;
    } else {
      day[i] = NO_DAY;
      ascending = false;
    }
  }
  let orderKey: Int32Array | null = null;
  let orderKeyCount = n;
  if (table.orderId) {
    const codes = table.orderId.codes;
    let next = table.orderId.dictionary.length;
    orderKey = spareInt32s(table, n);
    for (let i = 0; i < n; i++) orderKey[i] = codes[i] >= 0 ? codes[i] : next++;
    orderKeyCount = next;
  }
  const customerCount = table.customer ? table.customer.dictionary.length : 0;
  let history: CustomerHistory | null | undefined;
  let firstRows: Uint8Array | null | undefined;
  // The last few sets of windows asked for (breakdowns ask again for the same ones).
  const windowRows = new Map<string, { buckets?: Int32Array; rows?: Int32Array; rowBuckets?: Int32Array }>();
  const windowEntry = (bounds: readonly number[]) => {
    const key = bounds.join(',');
    let entry = windowRows.get(key);
    if (!entry) {
      if (windowRows.size >= 4) windowRows.delete(windowRows.keys().next().value!);
      entry = {};
      windowRows.set(key, entry);
    }
    return entry;
  };
  let orderMarks: Int32Array | null = null;
  let customerOrderMarks: Int32Array | null = null;
  let customerMarks: Int32Array | null = null;
  let nextStamp = 1;
  /** 0, 1, 2, … one per row: the rows of a date-sorted table inside windows are a view of it. */
  let rowNumbers: Int32Array | undefined;
  const prep: OrdersPrep = {
    table,
    asOf,
    day,
    minDay,
    maxDay,
    orderKey,
    orderKeyCount,
    customerCount,
    results: new Map(),
    bucketsFor(bounds) {
      const entry = windowEntry(bounds);
      entry.buckets ??= bucketDays(day, bounds, minDay, maxDay, ascending);
      return entry.buckets;
    },
    marks(stamps) {
      if (!orderMarks && orderKey) orderMarks = spareInt32s(table, orderKeyCount);
      if (!customerMarks && customerCount > 0) customerMarks = spareInt32s(table, customerCount);
      if (!customerOrderMarks && orderKey && customerCount > 0)
        customerOrderMarks = spareInt32s(table, orderKeyCount);
      if (nextStamp + stamps + 1 > 2_000_000_000) {
        orderMarks?.fill(0);
        customerOrderMarks?.fill(0);
        customerMarks?.fill(0);
        nextStamp = 1;
      }
      const base = nextStamp;
      nextStamp += stamps + 1; // + 1: the stamp before `base` never matches a fresh call's buckets
      return { order: orderMarks, customerOrder: customerOrderMarks, customer: customerMarks, base };
    },
    rowsWithin(bounds) {
      const entry = windowEntry(bounds);
      if (!entry.rows) {
        if (ascending) {
          const range = rowsOfRange(day, bounds, minDay, maxDay);
          // A large range is a view of the row numbers, made once for the table.
          if (range[1] - range[0] > day.length >> 2) {
            rowNumbers ??= consecutive(0, day.length, spareInt32s(table, day.length));
            entry.rows = rowNumbers.subarray(range[0], range[1]);
          } else entry.rows = consecutive(range[0], range[1]);
        } else entry.rows = rowsInBuckets(prep.bucketsFor(bounds));
      }
      return entry.rows;
    },
    bucketsWithin(bounds) {
      const entry = windowEntry(bounds);
      if (!entry.rowBuckets) {
        const rows = prep.rowsWithin(bounds);
        entry.rowBuckets = ascending
          ? bucketsOfConsecutiveRows(day, bounds, rows, spareInt32s(table, rows.length))
          : bucketsOfRows(prep.bucketsFor(bounds), rows);
      }
      return entry.rowBuckets;
    },
    history() {
      if (history === undefined) {
        history = buildHistory(prep);
        if (history) shareSpareMemory(table, history);
      }
      return history;
    },
    lifecycle() {
      const root = rootOrders(table);
      return root === table ? prep.history() : prepareOrders(root, asOf).history();
    },
    firstOrderRows() {
      if (firstRows !== undefined) return firstRows;
      const root = rootOrders(table);
      const rootRows = ROOT_ROWS.get(table);
      if (root === table || !rootRows) {
        firstRows = markFirstOrderRows(prep);
      } else {
        const rootMarks = prepareOrders(root, asOf).firstOrderRows();
        firstRows = rootMarks && Uint8Array.from(rootRows, (r) => rootMarks[r]);
      }
      return firstRows;
    },
  };
  return prep;
}

/** Rows inside windows `bounds` of ascending `day` (every row usable): one range of rows, `[from, to)`. */
function rowsOfRange(
  day: Int32Array,
  bounds: readonly number[],
  minDay: number,
  maxDay: number,
): [number, number] {
  const k = bounds.length - 1;
  if (k <= 0) return [0, 0];
  const lo = Math.max(bounds[0], minDay);
  const hi = Math.min(bounds[k] - 1, maxDay);
  if (!(hi >= lo)) return [0, 0];
  return rowRange(day, lo, hi);
}

/**
 * The window of each of `rows`, consecutive rows of ascending `day` inside windows `bounds` (see
 * {@link rowsOfRange}): what `bucketDays` gives those rows.
 */
function bucketsOfConsecutiveRows(
  day: Int32Array,
  bounds: readonly number[],
  rows: Int32Array,
  out: Int32Array = new Int32Array(rows.length),
): Int32Array {
  if (rows.length === 0) return out;
  const from = rows[0];
  let w = 0;
  for (let j = 0; j < out.length; j++) {
    const d = day[from + j];
    while (bounds[w + 1] <= d) w++;
    out[j] = w;
  }
  return out;
}

/** `[from, from + 1, …, to − 1]` (in `numbers`, of that length, when given). */
function consecutive(from: number, to: number, numbers: Int32Array = new Int32Array(to - from)): Int32Array {
  for (let j = 0; j < numbers.length; j++) numbers[j] = from + j;
  return numbers;
}

/** Marks each customer's first order row (earliest day, then earliest row) of a root table. */
function markFirstOrderRows(prep: OrdersPrep): Uint8Array | null {
  const { table, day } = prep;
  if (!table.customer) return null;
  const customer = table.customer.codes;
  const amount = table.amount;
  const first = new Int32Array(prep.customerCount).fill(-1);
  const unusable = NO_DAY;
  for (let i = 0; i < table.length; i++) {
    const c = customer[i];
    const d = day[i];
    if (c < 0 || d === unusable || !(amount[i] >= 0)) continue;
    const best = first[c];
    if (best < 0 || d < day[best]) first[c] = i;
  }
  const marks = spareUint8s(table, table.length);
  for (let c = 0; c < first.length; c++) if (first[c] >= 0) marks[first[c]] = 1;
  return marks;
}

/** Each customer's distinct order days, ascending, by two counting sorts (day, then customer). */
function buildHistory(prep: OrdersPrep): CustomerHistory | null {
  const { table, day, orderKey, orderKeyCount, customerCount } = prep;
  if (!table.customer) return null;
  const customer = table.customer.codes;
  const amount = table.amount;
  const n = table.length;
  const quick = historyOfSortedTable(prep, customer);
  if (quick) return quick;
  // 1. Purchase rows with a customer, grouped by customer (counting sort; rows keep table order).
  const offsets = new Int32Array(customerCount + 1);
  for (let i = 0; i < n; i++) {
    if (day[i] !== NO_DAY && amount[i] >= 0 && customer[i] >= 0) offsets[customer[i] + 1]++;
  }
  for (let c = 0; c < customerCount; c++) offsets[c + 1] += offsets[c];
  const m = offsets[customerCount];
  const fill = offsets.slice(0, customerCount);
  const rowDay = spareInt32s(table, m);
  const rowKey = orderKey ? spareInt32s(table, m) : null;
  for (let i = 0; i < n; i++) {
    if (day[i] === NO_DAY || !(amount[i] >= 0) || customer[i] < 0) continue;
    const at = fill[customer[i]]++;
    rowDay[at] = day[i];
    if (rowKey) rowKey[at] = orderKey![i];
  }
  // 2. Each customer's distinct orders, dated by their first purchase line: with a customer's rows
  // in day order, the first row of each order key gives its day. Sheets are usually sorted by date,
  // so most blocks are already in order and are only checked. An order id shared by two customers
  // is an order of each (the result does not depend on row order).
  const days = spareInt32s(table, m);
  const mark = rowKey ? spareInt32s(table, orderKeyCount) : null;
  let w = 0;
  for (let c = 0; c < customerCount; c++) {
    const from = offsets[c];
    const to = offsets[c + 1];
    offsets[c] = w;
    let sorted = true;
    for (let t = from + 1; t < to && sorted; t++) if (rowDay[t] < rowDay[t - 1]) sorted = false;
    if (!sorted) sortBlockByDay(rowDay, rowKey, from, to);
    for (let t = from; t < to; t++) {
      if (mark) {
        if (mark[rowKey![t]] === c + 1) continue;
        mark[rowKey![t]] = c + 1;
      }
      days[w++] = rowDay[t];
    }
  }
  offsets[customerCount] = w;
  return withLifecycle(offsets, days.subarray(0, w), customerCount);
}

/**
 * The common case of a sheet sorted by date whose order ids each belong to one customer: in
 * table order an order's first purchase line is also its first by day (ties keep table order), so
 * each customer's distinct order days come out ascending from one counting pass and one scatter
 * of the first lines. Null when the rows are not in day order or an order id has two customers
 * (the general route then applies).
 */
function historyOfSortedTable(prep: OrdersPrep, customer: Int32Array): CustomerHistory | null {
  const { table, day, orderKey, orderKeyCount, customerCount } = prep;
  const amount = table.amount;
  const n = table.length;
  const unusable = NO_DAY;
  const counts = new Int32Array(customerCount + 1);
  // owner[key] = customer code + 1 of the order's first purchase line (0 = not seen yet).
  const owner = orderKey ? spareInt32s(table, orderKeyCount) : null;
  const firstLine = spareUint8s(table, n);
  let lastDay = unusable;
  for (let i = 0; i < n; i++) {
    const d = day[i];
    const c = customer[i];
    if (d === unusable || !(amount[i] >= 0) || c < 0) continue;
    if (d < lastDay) return null;
    lastDay = d;
    if (owner) {
      const key = orderKey![i];
      const seen = owner[key];
      if (seen === c + 1) continue;
      if (seen !== 0) return null;
      owner[key] = c + 1;
    }
    firstLine[i] = 1;
    counts[c + 1]++;
  }
  for (let c = 0; c < customerCount; c++) counts[c + 1] += counts[c];
  const offsets = counts;
  const fill = offsets.slice(0, customerCount);
  const days = spareInt32s(table, offsets[customerCount]);
  for (let i = 0; i < n; i++) if (firstLine[i] === 1) days[fill[customer[i]]++] = day[i];
  return withLifecycle(offsets, days, customerCount);
}

/** First and second order days per customer and the sorted first days, from the histories. */
function withLifecycle(offsets: Int32Array, days: Int32Array, customerCount: number): CustomerHistory {
  // 3. Lifecycle facts.
  const firstDay = new Float64Array(customerCount).fill(Infinity);
  const secondDay = new Float64Array(customerCount).fill(Infinity);
  let withOrders = 0;
  for (let c = 0; c < customerCount; c++) {
    const from = offsets[c];
    const to = offsets[c + 1];
    if (to > from) {
      firstDay[c] = days[from];
      withOrders++;
      if (to - from > 1) secondDay[c] = days[from + 1];
    }
  }
  const sortedFirstDays = new Float64Array(withOrders);
  let f = 0;
  for (let c = 0; c < customerCount; c++) if (firstDay[c] !== Infinity) sortedFirstDays[f++] = firstDay[c];
  sortedFirstDays.sort();
  return { offsets, days, firstDay, secondDay, sortedFirstDays };
}

/** Sorts rows [from, to) of the parallel arrays by day (stable, so ties keep table order). */
function sortBlockByDay(rowDay: Int32Array, rowKey: Int32Array | null, from: number, to: number): void {
  const index = Array.from({ length: to - from }, (_, k) => from + k).sort(
    (a, b) => rowDay[a] - rowDay[b] || a - b,
  );
  const dayCopy = index.map((t) => rowDay[t]);
  const keyCopy = rowKey ? index.map((t) => rowKey[t]) : null;
  for (let k = 0; k < index.length; k++) {
    rowDay[from + k] = dayCopy[k];
    if (rowKey) rowKey[from + k] = keyCopy![k];
  }
}

/** Number of entries of an ascending array below `limit` (binary search). */
export function countBelow(sorted: ArrayLike<number>, limit: number, from = 0, to = sorted.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo - from;
}
