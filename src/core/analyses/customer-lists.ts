/**
 * Customer lists for action: who is slipping away (at risk) and who deserves a loyalty programme.
 * Activity rules (orders vs refunds, as-of day) follow `customer-activity.ts`.
 */
import type { MetricError } from '../errors';
import { isMetricError, metricError } from '../errors';
import { formatDay } from '../periods';
import type { OrdersTable } from '../table';
import { customerGaps } from '../metrics/order-gaps';
import { prepareOrders } from '../metrics/orders-prep';
import { resolveAsOf } from './customer-activity';
import type { RfmCustomer, RfmResult, RfmSegment } from './rfm';
import { rfm } from './rfm';

export interface AtRiskCustomer {
  readonly id: string;
  /** `YYYY-MM-DD` of the last order. */
  readonly lastOrder: string;
  readonly daysSinceLastOrder: number;
  /** Median gap between consecutive order days (the gaps of `days_between_orders`). */
  readonly usualGapDays: number;
  /** Days since the last order / usual gap. */
  readonly overdueRatio: number;
  /** Distinct order days. */
  readonly orderDays: number;
  readonly revenue: number;
}

export interface AtRiskOptions {
  readonly asOf?: number;
  /** How many usual gaps of silence make a customer at risk. Default 2. */
  readonly factor?: number;
  /** How many usual gaps of silence make a customer lost. Default 3 (at least `factor`). */
  readonly lostFactor?: number;
  /** Days of silence after which a customer is lost whatever their gap. Default 365. */
  readonly lostAfterDays?: number;
}

/** Customers gone quiet, judged against their own rhythm at the as-of day. */
export interface SilentCustomers {
  /** Silent for more than `factor` usual gaps, not yet lost. */
  readonly atRisk: AtRiskCustomer[];
  /** Silent for more than `lostFactor` usual gaps or `lostAfterDays` days. */
  readonly lost: AtRiskCustomer[];
  readonly factor: number;
  readonly lostFactor: number;
  readonly lostAfterDays: number;
}

/**
 * Customers who stopped buying, judged by their usual gap — the median gap between their
 * consecutive order days, each order dated by its first purchase line, as `days_between_orders`
 * reads it (`metrics/order-gaps.ts`) — at the as-of day: at risk when silent for more than `factor` (default 2)
 * usual gaps, lost when silent for more than `lostFactor` (default 3) usual gaps or more than
 * `lostAfterDays` (default 365) days, whichever comes first. Customers with a single order day have
 * no usual gap and are in neither list. Each list is sorted by revenue (most valuable first), then id.
 * @example silentCustomers(orders, { asOf: parseDay('2026-06-30')! }).atRisk // [{ id: 'C-104', daysSinceLastOrder: 75, usualGapDays: 30, ... }]
 */
export function silentCustomers(
  orders: OrdersTable,
  options: AtRiskOptions = {},
): SilentCustomers | MetricError {
  const { factor = 2, lostAfterDays = 365 } = options;
  const lostFactor = Math.max(options.lostFactor ?? 3, factor);
  if (!orders.customer) return metricError('#VALUE!', 'the orders have no customer column');
  if (!(factor > 0)) return metricError('#VALUE!', 'the factor must be positive');
  if (!(lostAfterDays > 0))
    return metricError('#VALUE!', 'the days before a customer is lost must be positive');
  const asOf = resolveAsOf(orders, options.asOf);
  if (isMetricError(asOf)) return asOf;
  const { codes, dictionary } = orders.customer;
  const history = prepareOrders(orders, asOf).history();
  if (!history) return metricError('#VALUE!', 'the orders have no customer column');
  // The usual gaps are those of `days_between_orders` (metrics/order-gaps.ts).
  const { usualGap, orderDays, lastDay } = customerGaps(history);
  const revenue = new Float64Array(dictionary.length);
  for (let i = 0; i < orders.length; i++) {
    const c = codes[i];
    if (c >= 0 && Math.floor(orders.date[i]) <= asOf && Number.isFinite(orders.amount[i]))
      revenue[c] += orders.amount[i];
  }
  const atRisk: AtRiskCustomer[] = [];
  const lost: AtRiskCustomer[] = [];
  for (let c = 0; c < dictionary.length; c++) {
    const usualGapDays = usualGap[c];
    if (Number.isNaN(usualGapDays)) continue;
    const last = lastDay[c];
    const daysSinceLastOrder = asOf - last;
    const isLost = daysSinceLastOrder > lostFactor * usualGapDays || daysSinceLastOrder > lostAfterDays;
    if (!isLost && daysSinceLastOrder <= factor * usualGapDays) continue;
    (isLost ? lost : atRisk).push({
      id: dictionary[c],
      lastOrder: formatDay(last),
      daysSinceLastOrder,
      usualGapDays,
      overdueRatio: daysSinceLastOrder / usualGapDays,
      orderDays: orderDays[c],
      revenue: revenue[c],
    });
  }
  const byValue = (a: AtRiskCustomer, b: AtRiskCustomer) =>
    b.revenue - a.revenue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { atRisk: atRisk.sort(byValue), lost: lost.sort(byValue), factor, lostFactor, lostAfterDays };
}

/**
 * The at-risk list of {@link silentCustomers}: silent for more than `factor` (default 2) usual
 * gaps but not yet lost. Sorted by revenue (most valuable first), then id.
 * @example atRiskCustomers(orders, { asOf: parseDay('2026-06-30')! }) // [{ id: 'C-104', daysSinceLastOrder: 75, usualGapDays: 30, ... }]
 */
export function atRiskCustomers(
  orders: OrdersTable,
  options: AtRiskOptions = {},
): AtRiskCustomer[] | MetricError {
  const silent = silentCustomers(orders, options);
  return isMetricError(silent) ? silent : silent.atRisk;
}

export interface LoyaltyOptions {
  readonly asOf?: number;
  /** Segments whose customers are candidates. Default Champions and Loyal. */
  readonly segments?: readonly RfmSegment[];
  /** At most this many, the highest spenders first. Default: all. */
  readonly limit?: number;
}

/**
 * Loyalty-programme candidates: customers in the Champions and Loyal RFM segments (or the given
 * segments), sorted by revenue (highest first), then id.
 * @example loyaltyCandidates(orders, { asOf: parseDay('2026-06-30')!, limit: 50 })
 */
export function loyaltyCandidates(
  orders: OrdersTable,
  options: LoyaltyOptions = {},
): RfmCustomer[] | MetricError {
  const result = rfm(orders, { asOf: options.asOf });
  return isMetricError(result) ? result : loyaltyFromRfm(result, options);
}

/**
 * The loyalty candidates among customers already scored (by `rfm` or by the database): the same
 * selection and order as `loyaltyCandidates`.
 * @example loyaltyFromRfm(result)[0] // { id: 'C-7', segment: 'Champions', monetary: 12_400, … }
 */
export function loyaltyFromRfm(result: RfmResult, options: Omit<LoyaltyOptions, 'asOf'> = {}): RfmCustomer[] {
  const { segments = ['Champions', 'Loyal'], limit = Infinity } = options;
  const wanted = new Set<RfmSegment>(segments);
  return result.customers
    .filter((c) => wanted.has(c.segment))
    .sort((a, b) => b.monetary - a.monetary || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, Math.max(0, limit));
}
