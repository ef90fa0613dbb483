/**
 * The weekly review's customer lists through SQL, as the engine's `customerActivity` and
 * `silentCustomers` define them: customers whose first order falls in a window (with their net
 * revenue to date), and customers silent for longer than their usual gap (the median gap between
 * their distinct order days, each order dated by its first purchase line) or a year.
 */
import type { MetricError } from '../core/errors';
import { metricError } from '../core/errors';
import type { AtRiskCustomer, SilentCustomers } from '../core/analyses/customer-lists';
import { formatDay } from '../core/periods';
import type { Dialect } from './dialect';
import { medianSelect, orderDayCtes } from './history';
import { materialized } from './orders-query';
import { ordersRowCtes } from './orders-rows';
import type { ResultRow } from './results';
import { numberOf } from './results';
import type { OrdersSource } from './source';

/** How long a silence makes a customer at risk or lost (`rfm --risk-factor`, `--lost-factor`, `--lost-after`). */
export interface SilentThresholds {
  /** Usual gaps of silence that make a customer at risk (default 2). */
  readonly factor?: number;
  /** Usual gaps of silence that make a customer lost (default 3, at least `factor`). */
  readonly lostFactor?: number;
  /** Days of silence after which a customer is lost whatever their gap (default 365). */
  readonly lostAfterDays?: number;
}

/** The thresholds with `silentCustomers`' defaults filled in (`lostFactor` at least `factor`). */
export function thresholdsOf(given: SilentThresholds = {}): Required<SilentThresholds> {
  const factor = given.factor ?? 2;
  return {
    factor,
    lostFactor: Math.max(given.lostFactor ?? 3, factor),
    lostAfterDays: given.lostAfterDays ?? 365,
  };
}

/** A customer whose first order falls in the window, with their revenue to date. */
export interface FirstOrder {
  readonly id: string;
  readonly first: number;
  readonly revenue: number;
}

const revenueCte = `rev AS (SELECT cust, SUM(revenue) AS revenue FROM b WHERE cust IS NOT NULL GROUP BY cust)`;

/** `cust, first, revenue` of the customers whose first order day is in [start, end). */
export function firstOrdersSql(
  d: Dialect,
  orders: OrdersSource,
  asOf: number,
  start: number,
  end: number,
): string {
  const ctes = [...ordersRowCtes(d, orders, asOf, undefined, false).slice(0, 4), revenueCte];
  return (
    `WITH\n${materialized(d, ctes).join(',\n')}\n` +
    `SELECT fo.cust, CAST(fo.first_day AS ${d.double}) AS first, CAST(rev.revenue AS ${d.double}) AS revenue\n` +
    `FROM fo JOIN rev ON rev.cust = fo.cust WHERE fo.first_day >= ${start} AND fo.first_day < ${end}`
  );
}

export function firstOrdersFromRows(rows: readonly ResultRow[]): FirstOrder[] {
  return rows
    .map((row) => ({
      id: String(row.cust),
      first: numberOf(row.first)!,
      revenue: numberOf(row.revenue) ?? 0,
    }))
    .sort((a, b) => b.revenue - a.revenue || a.id.localeCompare(b.id));
}

/**
 * `cust, last_day, order_days, usual, revenue` of the customers silent past the at-risk line or the
 * day limit (a year by default).
 * @example silentSql(duckdb, orders, asOf, { factor: 1.5, lostAfterDays: 180 })
 */
export function silentSql(
  d: Dialect,
  orders: OrdersSource,
  asOf: number,
  thresholds: SilentThresholds = {},
): string {
  const { factor, lostAfterDays } = thresholdsOf(thresholds);
  const day = Math.floor(asOf);
  const hasOrderId = orders.columns.order_id !== undefined;
  const ctes = [
    ...ordersRowCtes(d, orders, asOf, undefined, false),
    ...orderDayCtes(hasOrderId),
    `hg AS (SELECT cid, day, LAG(day) OVER (PARTITION BY cid ORDER BY day) AS pday FROM hd)`,
    `gaps AS (SELECT cid, day - pday AS gap FROM hg WHERE pday IS NOT NULL)`,
    `usual AS (${medianSelect(d, ['cid'], 'gap', 'gaps', 'usual')})`,
    `last AS (SELECT cid, MAX(day) AS last_day, COUNT(*) AS order_days FROM hd GROUP BY cid)`,
    revenueCte,
  ];
  return (
    `WITH\n${materialized(d, ctes).join(',\n')}\n` +
    `SELECT life.cust, CAST(last.last_day AS ${d.double}) AS last_day, CAST(last.order_days AS ${d.double}) AS order_days,\n` +
    `  CAST(usual.usual AS ${d.double}) AS usual, CAST(rev.revenue AS ${d.double}) AS revenue\n` +
    `FROM usual JOIN last ON last.cid = usual.cid JOIN life ON life.cid = usual.cid JOIN rev ON rev.cust = life.cust\n` +
    `WHERE ${day} - last.last_day > ${factor} * usual.usual OR ${day} - last.last_day > ${lostAfterDays}`
  );
}

/** The at-risk and lost lists from `silentSql`'s rows (the same thresholds), sorted as the engine sorts them. */
export function silentFromRows(
  rows: readonly ResultRow[],
  asOf: number,
  thresholds: SilentThresholds = {},
): SilentCustomers | MetricError {
  const { factor, lostFactor, lostAfterDays } = thresholdsOf(thresholds);
  const day = Math.floor(asOf);
  if (!Number.isFinite(day)) return metricError('#VALUE!', 'the as-of date is not a date');
  if (!(factor > 0)) return metricError('#VALUE!', 'the factor must be positive');
  if (!(lostAfterDays > 0))
    return metricError('#VALUE!', 'the days before a customer is lost must be positive');
  const atRisk: AtRiskCustomer[] = [];
  const lost: AtRiskCustomer[] = [];
  for (const row of rows) {
    const last = numberOf(row.last_day)!;
    const usualGapDays = numberOf(row.usual)!;
    const daysSinceLastOrder = day - last;
    const isLost = daysSinceLastOrder > lostFactor * usualGapDays || daysSinceLastOrder > lostAfterDays;
    if (!isLost && daysSinceLastOrder <= factor * usualGapDays) continue;
    (isLost ? lost : atRisk).push({
      id: String(row.cust),
      lastOrder: formatDay(last),
      daysSinceLastOrder,
      usualGapDays,
      overdueRatio: daysSinceLastOrder / usualGapDays,
      orderDays: numberOf(row.order_days)!,
      revenue: numberOf(row.revenue) ?? 0,
    });
  }
  const byValue = (a: AtRiskCustomer, b: AtRiskCustomer) =>
    b.revenue - a.revenue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { atRisk: atRisk.sort(byValue), lost: lost.sort(byValue), factor, lostFactor, lostAfterDays };
}
