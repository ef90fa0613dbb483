import { tableDateRange, type AsOfSource } from '../core/data-range';
import { isMetricError, metricError, type MetricValue } from '../core/errors';
import { computeWindows, type OrderMetricId } from '../core/metrics';
import { likeForLike, periodOf, previousPeriod, type Period } from '../core/periods';
import type { OrdersTable } from '../core/table';

/** One headline figure: this period, the one before, and the relative change. */
export interface Kpi {
  readonly id: OrderMetricId;
  readonly current: MetricValue;
  readonly previous: MetricValue;
  /** current / previous − 1. */
  readonly change: MetricValue;
}

export interface HeadlineKpis {
  /** The as-of day (epoch day): the one set in the pane, else the latest order date. */
  readonly asOf: number;
  /** `given` when the pane's as-of setting chose the day, `data` for the latest order date. */
  readonly asOfSource: AsOfSource;
  /** The month holding `asOf`, counted up to `asOf`. */
  readonly period: Period;
  readonly previousPeriod: Period;
  /** The days of the previous month compared: as many as have passed of this month. */
  readonly previousWindow: { readonly start: number; readonly end: number };
  readonly kpis: readonly Kpi[];
}

/**
 * Latest order day (the latest date with a readable amount, as every surface takes it), or null for
 * a table without orders.
 */
export function latestOrderDay(table: OrdersTable): number | null {
  return tableDateRange(table)?.last ?? null;
}

/** Same rules as the engine's growth: errors pass through with their period, a zero base is #DIV/0!. */
function changeOf(
  id: OrderMetricId,
  current: MetricValue,
  base: MetricValue,
  basePeriod: Period,
): MetricValue {
  if (isMetricError(current)) return current;
  if (isMetricError(base)) return metricError(base.error, `${id} of ${basePeriod.key}: ${base.reason}`);
  if (base === 0) return metricError('#DIV/0!', `${id} was 0 in ${basePeriod.key}`);
  return current / base - 1;
}

/**
 * Revenue, orders, AOV (and customers when the table has a customer column) for the month of the
 * as-of day to date, against the same days of the month before (like for like: 1–27 March
 * against 1–27 February). The as-of day is the one given (the pane's setting), else the latest
 * order date, never the clock, so the pane shows the same figures for the same data on any day.
 *
 * @example
 * const h = headlineKpis(table); // table's last order on 27 Mar 2026
 * h?.period.key; // '2026-03'
 * h?.kpis[0]; // { id: 'revenue', current: 22379, previous: …, change: … } (1–27 Feb as the base)
 */
export function headlineKpis(table: OrdersTable, given?: number): HeadlineKpis | null {
  const latest = latestOrderDay(table);
  if (latest === null) return null;
  const isGiven = given !== undefined && Number.isFinite(given);
  const asOf = isGiven ? Math.floor(given) : latest;
  const ids: OrderMetricId[] = ['revenue', 'orders', 'aov'];
  if (table.customer) ids.push('customers');
  const period = periodOf(asOf, 'month');
  const before = previousPeriod(period);
  const w = likeForLike(period, asOf);
  const inputs = { orders: table };
  // Each window with the whole month before it, as retention needs.
  const [current] = computeWindows(inputs, ids, [before, { ...w.current, key: period.key }], { asOf });
  const [previous] = computeWindows(
    inputs,
    ids,
    [previousPeriod(before), { ...w.previous, key: before.key }],
    { asOf },
  );
  const kpis = ids.map((id, m) => ({
    id,
    current: current[m],
    previous: previous[m],
    change: changeOf(id, current[m], previous[m], before),
  }));
  return {
    asOf,
    asOfSource: isGiven ? 'given' : 'data',
    period,
    previousPeriod: before,
    previousWindow: { start: w.previous.start, end: w.previous.end },
    kpis,
  };
}
