/**
 * The at-risk and lost customers through SQL with the thresholds given (`rfm --risk-factor`,
 * `--lost-factor`, `--lost-after`), as the engine's `silentCustomers` takes them; the review's
 * lists with the default thresholds are `silentSql` in `customer-lists.ts`. The database gives each
 * customer silent past the at-risk line or the day limit (last order day, distinct order days, the
 * usual gap, revenue to date); the lists are sorted here as the engine sorts them.
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

export interface SilentThresholds {
  /** Usual gaps of silence that make a customer at risk (default 2). */
  readonly factor?: number;
  /** Usual gaps of silence that make a customer lost (default 3, at least `factor`). */
  readonly lostFactor?: number;
  /** Days of silence after which a customer is lost whatever their gap (default 365). */
  readonly lostAfterDays?: number;
}

/** The thresholds with the engine's defaults filled in (`lostFactor` at least `factor`). */
function thresholdsOf(given: SilentThresholds): Required<SilentThresholds> {
  const factor = given.factor ?? 2;
  return {
    factor,
    lostFactor: Math.max(given.lostFactor ?? 3, factor),
    lostAfterDays: given.lostAfterDays ?? 365,
  };
}

/**
 * `cust, last_day, order_days, usual, revenue` of the customers silent past `factor` usual gaps or
 * `lostAfterDays` days at the as-of day.
 * @example silentThresholdSql(duckdb, orders, asOf, { factor: 1.5, lostAfterDays: 180 })
 */
export function silentThresholdSql(
  d: Dialect,
  orders: OrdersSource,
  asOf: number,
  given: SilentThresholds = {},
): string {
  const { factor, lostAfterDays } = thresholdsOf(given);
  const day = Math.floor(asOf);
  const ctes = [
    ...ordersRowCtes(d, orders, asOf, undefined, false),
    ...orderDayCtes(orders.columns.order_id !== undefined),
    `hg AS (SELECT cid, day, LAG(day) OVER (PARTITION BY cid ORDER BY day) AS pday FROM hd)`,
    `gaps AS (SELECT cid, day - pday AS gap FROM hg WHERE pday IS NOT NULL)`,
    `usual AS (${medianSelect(d, ['cid'], 'gap', 'gaps', 'usual')})`,
    `last AS (SELECT cid, MAX(day) AS last_day, COUNT(*) AS order_days FROM hd GROUP BY cid)`,
    `rev AS (SELECT cust, SUM(revenue) AS revenue FROM b WHERE cust IS NOT NULL GROUP BY cust)`,
  ];
  return (
    `WITH\n${materialized(d, ctes).join(',\n')}\n` +
    `SELECT life.cust, CAST(last.last_day AS ${d.double}) AS last_day, CAST(last.order_days AS ${d.double}) AS order_days,\n` +
    `  CAST(usual.usual AS ${d.double}) AS usual, CAST(rev.revenue AS ${d.double}) AS revenue\n` +
    `FROM usual JOIN last ON last.cid = usual.cid JOIN life ON life.cid = usual.cid JOIN rev ON rev.cust = life.cust\n` +
    `WHERE ${day} - last.last_day > ${factor} * usual.usual OR ${day} - last.last_day > ${lostAfterDays}`
  );
}

/**
 * The at-risk and lost lists from `silentThresholdSql`'s rows, as `silentCustomers` returns them.
 * @example silentThresholdFromRows(rows, asOf, { factor: 1.5 }).atRisk[0] // { id: 'C-104', daysSinceLastOrder: 75, … }
 */
export function silentThresholdFromRows(
  rows: readonly ResultRow[],
  asOf: number,
  given: SilentThresholds = {},
): SilentCustomers | MetricError {
  const { factor, lostFactor, lostAfterDays } = thresholdsOf(given);
  if (!(factor > 0)) return metricError('#VALUE!', 'the factor must be positive');
  if (!(lostAfterDays > 0))
    return metricError('#VALUE!', 'the days before a customer is lost must be positive');
  const day = Math.floor(asOf);
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
