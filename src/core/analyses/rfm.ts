/**
 * RFM analysis: recency (days from the last order to the as-of day), frequency (orders) and
 * monetary (net revenue) per customer up to the as-of day, each scored 1–5 by quintile, and the
 * usual named segments from one table of rules.
 *
 * Scoring rule (deterministic, ties never split): customers are ranked by value (most recent,
 * most orders, most revenue score highest); a value's rank is the number of customers with a
 * strictly worse value (so tied customers share the rank of the first of them), and
 * score = ⌊5 · rank / n⌋ + 1. With many one-order customers they all share F = 1 and the next
 * frequency scores higher at once; scores therefore need not use every value 1–5.
 *
 * Segments use the common grid of R against FM = ⌈(F + M) / 2⌉ (see `RFM_SEGMENT_RULES`).
 * Activity (what an order is, refunds, order ids) follows `customer-activity.ts`; customers with
 * only refunds are not scored and are counted in `refundOnlyCustomers`.
 */
import type { MetricError, MetricValue } from '../errors';
import { isMetricError, metricError } from '../errors';
import type { OrdersTable } from '../table';
import type { CustomerActivity } from './customer-activity';
import { customerActivity, resolveAsOf } from './customer-activity';

export const RFM_SEGMENTS = [
  'Champions',
  'Loyal',
  'Potential Loyalist',
  'New',
  'Promising',
  'Need Attention',
  'About to Sleep',
  'At Risk',
  "Can't Lose",
  'Hibernating',
  'Lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export interface RfmSegmentRule {
  readonly segment: RfmSegment;
  /** Inclusive R score range. */
  readonly r: readonly [number, number];
  /** Inclusive FM score range, FM = ⌈(F + M) / 2⌉. */
  readonly fm: readonly [number, number];
}

/**
 * The segment grid (R rows, FM columns); the first matching rule wins (only Lost and Hibernating
 * overlap, at R 1 / FM 1, which is Lost):
 *
 * | R \ FM | 1              | 2                  | 3                  | 4         | 5          |
 * |--------|----------------|--------------------|--------------------|-----------|------------|
 * | 5      | New            | Potential Loyalist | Potential Loyalist | Champions | Champions  |
 * | 4      | Promising      | Potential Loyalist | Potential Loyalist | Loyal     | Loyal      |
 * | 3      | About to Sleep | About to Sleep     | Need Attention     | Loyal     | Loyal      |
 * | 2      | Hibernating    | Hibernating        | At Risk            | At Risk   | Can't Lose |
 * | 1      | Lost           | Hibernating        | At Risk            | At Risk   | Can't Lose |
 */
export const RFM_SEGMENT_RULES: readonly RfmSegmentRule[] = [
  { segment: 'Champions', r: [5, 5], fm: [4, 5] },
  { segment: 'Loyal', r: [3, 4], fm: [4, 5] },
  { segment: 'Potential Loyalist', r: [4, 5], fm: [2, 3] },
  { segment: 'New', r: [5, 5], fm: [1, 1] },
  { segment: 'Promising', r: [4, 4], fm: [1, 1] },
  { segment: 'Need Attention', r: [3, 3], fm: [3, 3] },
  { segment: 'About to Sleep', r: [3, 3], fm: [1, 2] },
  { segment: 'At Risk', r: [1, 2], fm: [3, 4] },
  { segment: "Can't Lose", r: [1, 2], fm: [5, 5] },
  { segment: 'Lost', r: [1, 1], fm: [1, 1] },
  { segment: 'Hibernating', r: [1, 2], fm: [1, 2] },
];

/** The segment of an (R, F, M) score triple: the first rule that matches. */
export function rfmSegment(r: number, f: number, m: number): RfmSegment {
  const fm = Math.ceil((f + m) / 2);
  for (const rule of RFM_SEGMENT_RULES) {
    if (r >= rule.r[0] && r <= rule.r[1] && fm >= rule.fm[0] && fm <= rule.fm[1]) return rule.segment;
  }
  return 'Hibernating'; // unreachable for scores 1–5: the grid is complete
}

export interface RfmCustomer {
  readonly id: string;
  /** Days from the last order to the as-of day. */
  readonly recency: number;
  readonly frequency: number;
  readonly monetary: number;
  readonly r: number;
  readonly f: number;
  readonly m: number;
  readonly segment: RfmSegment;
}

export interface RfmSegmentSummary {
  readonly segment: RfmSegment;
  readonly customers: number;
  readonly revenue: number;
  /** Segment revenue / total net revenue (`#DIV/0!` when the total is not positive). */
  readonly revenueShare: MetricValue;
}

export interface RfmResult {
  readonly asOf: number;
  /** Scored customers in the order of the customer dictionary. */
  readonly customers: RfmCustomer[];
  /** All segments in rule order, empty ones included. */
  readonly segments: RfmSegmentSummary[];
  readonly rules: readonly RfmSegmentRule[];
  readonly refundOnlyCustomers: number;
}

/**
 * Quintile scores of `values` (higher value = higher score), ties sharing the score of their
 * first rank. Sorts a copy of the values and binary-searches each one: O(n log n), no objects.
 */
export function quintileScores(values: Float64Array): Uint8Array {
  const sorted = values.slice().sort();
  const n = values.length;
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let lo = 0;
    let hi = n;
    const v = values[i];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    scores[i] = Math.floor((5 * lo) / n) + 1;
  }
  return scores;
}

/**
 * RFM scores and segments at `asOf` (default: the last order day). `#VALUE!` without a customer
 * column, `#N/A` when no customer has an order.
 * @example
 * rfm(orders, { asOf: parseDay('2026-06-30')! }).segments
 * // [{ segment: 'Champions', customers: 41, revenue: 52310, revenueShare: 0.31 }, ...]
 */
export function rfm(orders: OrdersTable, options: { readonly asOf?: number } = {}): RfmResult | MetricError {
  const asOf = resolveAsOf(orders, options.asOf);
  if (isMetricError(asOf)) return asOf;
  const activity = customerActivity(orders, asOf);
  if (isMetricError(activity)) return activity;
  return rfmFromActivity(activity);
}

/** RFM from precomputed aggregates (lets callers share one pass over the orders). */
export function rfmFromActivity(activity: CustomerActivity): RfmResult | MetricError {
  const { ids, lastDay, orders, revenue, asOf } = activity;
  if (activity.customers === 0) return metricError('#N/A', 'no customer has an order up to the as-of date');
  const codes = new Int32Array(activity.customers);
  let n = 0;
  for (let c = 0; c < ids.length; c++) if (orders[c] > 0) codes[n++] = c;
  const recency = new Float64Array(n);
  const negatedRecency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const c = codes[k];
    recency[k] = asOf - lastDay[c];
    negatedRecency[k] = -recency[k];
    frequency[k] = orders[c];
    monetary[k] = revenue[c];
  }
  const r = quintileScores(negatedRecency);
  const f = quintileScores(frequency);
  const m = quintileScores(monetary);
  // The rules resolved once into a 5 × 5 (R, FM) grid of segment indexes.
  const grid = new Uint8Array(36);
  for (let rs = 1; rs <= 5; rs++)
    for (let fm = 1; fm <= 5; fm++) grid[rs * 6 + fm] = RFM_SEGMENTS.indexOf(rfmSegment(rs, fm, fm));
  const customers: RfmCustomer[] = new Array(n);
  const segmentCustomers = new Float64Array(RFM_SEGMENTS.length);
  const segmentRevenue = new Float64Array(RFM_SEGMENTS.length);
  let total = 0;
  for (let k = 0; k < n; k++) {
    const index = grid[r[k] * 6 + ((f[k] + m[k] + 1) >> 1)];
    customers[k] = {
      id: ids[codes[k]],
      recency: recency[k],
      frequency: frequency[k],
      monetary: monetary[k],
      r: r[k],
      f: f[k],
      m: m[k],
      segment: RFM_SEGMENTS[index],
    };
    segmentCustomers[index]++;
    segmentRevenue[index] += monetary[k];
    total += monetary[k];
  }
  const segments = RFM_SEGMENTS.map((segment, index) => {
    const revenueShare: MetricValue =
      total > 0 ? segmentRevenue[index] / total : metricError('#DIV/0!', 'total revenue is not positive');
    return { segment, customers: segmentCustomers[index], revenue: segmentRevenue[index], revenueShare };
  });
  return {
    asOf,
    customers,
    segments,
    rules: RFM_SEGMENT_RULES,
    refundOnlyCustomers: activity.refundOnlyCustomers,
  };
}
