/**
 * One pass over an orders table to per-customer aggregates, indexed by the customer column's
 * dictionary code, for the retention analyses (cohorts, RFM, customer lists).
 *
 * What counts (one rule for all of them):
 * - rows without a customer, with a non-finite date or amount, or dated after the as-of day are ignored;
 * - a row is an *order* unless its amount is negative: a refund (negative amount) is not activity,
 *   so a customer with only refunds has no orders, no first/last order day, and is not a customer
 *   of these analyses; zero-amount rows are orders (free orders, samples);
 * - revenue is net: refunds reduce the revenue of the customer who has them;
 * - orders are counted as distinct order ids when the table has them (an order id counts once, for
 *   the customer of its first order row), else one per row.
 */
import type { MetricError } from '../errors';
import { metricError } from '../errors';
import type { OrdersTable } from '../table';

export interface CustomerActivity {
  /** Customer names by code. */
  readonly ids: readonly string[];
  /** Per code: first and last order day (epoch day, integer), NaN without orders. */
  readonly firstDay: Float64Array;
  readonly lastDay: Float64Array;
  /** Per code: orders (distinct order ids or rows). */
  readonly orders: Float64Array;
  /** Per code: net revenue. */
  readonly revenue: Float64Array;
  /** Customers with at least one order. */
  readonly customers: number;
  /** Customers with rows up to the as-of day but only refunds. */
  readonly refundOnlyCustomers: number;
  /** The as-of day used (integer epoch day). */
  readonly asOf: number;
}

/** The last order day of the table (a default as-of date), or null when there is none. */
export function lastOrderDay(orders: OrdersTable): number | null {
  let last = -Infinity;
  for (let i = 0; i < orders.length; i++) {
    if (orders.amount[i] >= 0 && orders.date[i] > last) last = orders.date[i];
  }
  return Number.isFinite(last) ? Math.floor(last) : null;
}

/** Resolves an optional as-of day: the given one, else the last order day. */
export function resolveAsOf(orders: OrdersTable, asOf: number | undefined): number | MetricError {
  if (asOf !== undefined)
    return Number.isFinite(asOf) ? Math.floor(asOf) : metricError('#VALUE!', 'the as-of date is not a date');
  return lastOrderDay(orders) ?? metricError('#N/A', 'no orders');
}

/**
 * Per-customer first/last order day, order count and net revenue up to `asOf` (inclusive).
 * `#VALUE!` without a customer column.
 * @example customerActivity(orders, parseDay('2026-06-30')!).lastDay[code]
 */
export function customerActivity(orders: OrdersTable, asOf: number): CustomerActivity | MetricError {
  if (!orders.customer) return metricError('#VALUE!', 'the orders have no customer column');
  const { codes, dictionary } = orders.customer;
  const n = dictionary.length;
  const end = Math.floor(asOf);
  const firstDay = new Float64Array(n).fill(NaN);
  const lastDay = new Float64Array(n).fill(NaN);
  const count = new Float64Array(n);
  const revenue = new Float64Array(n);
  const seen = new Uint8Array(n);
  const orderCodes = orders.orderId?.codes;
  const orderOwner = orders.orderId ? new Int32Array(orders.orderId.dictionary.length).fill(-1) : null;
  const { date, amount } = orders;
  for (let i = 0; i < orders.length; i++) {
    const c = codes[i];
    const value = amount[i];
    const d = Math.floor(date[i]);
    if (c < 0 || !(d <= end) || !Number.isFinite(value)) continue;
    seen[c] = 1;
    revenue[c] += value;
    if (value < 0) continue;
    // NaN compares false: the first order sets both days.
    if (!(d >= firstDay[c])) firstDay[c] = d;
    if (!(d <= lastDay[c])) lastDay[c] = d;
    const o = orderCodes ? orderCodes[i] : -1;
    if (o < 0) count[c]++;
    else if (orderOwner![o] < 0) {
      orderOwner![o] = c;
      count[c]++;
    }
  }
  let customers = 0;
  let refundOnlyCustomers = 0;
  for (let c = 0; c < n; c++) {
    if (count[c] > 0) customers++;
    else if (seen[c]) refundOnlyCustomers++;
  }
  return {
    ids: dictionary,
    firstDay,
    lastDay,
    orders: count,
    revenue,
    customers,
    refundOnlyCustomers,
    asOf: end,
  };
}
