/**
 * What the table functions compute from an ingested table: the same code paths as the range
 * functions (metric.ts, breakdown.ts), so SALES.TABLE("Orders", "aov", "month") and
 * SALES.METRIC("aov", Orders[Date], Orders[Amount], …, "month") give the same number.
 */
import { computeSuite, dimensionColumn, getMetric } from '../../core/metrics';
import { unknownDimension } from '../../core/metrics/filter';
import type { MetricId } from '../../core/metrics';
import type { PeriodUnit } from '../../core/periods';
import { periodAt, periodIndex } from '../../core/periods';
import type { OrdersTable } from '../../core/table';
import { breakdownSpill } from '../breakdown';
import { serialOf } from '../date-system';
import { invalidArgument, notAvailable } from '../errors';
import { metricInWindow, NEEDS_PERIOD } from '../metric';
import type { Spill } from '../spill';
import { spill } from '../spill';
import { latestDay, rowWindow } from '../window';

/** A metric request read from a cell's arguments. */
export interface MetricRequest {
  readonly id: MetricId;
  readonly unit: PeriodUnit | undefined;
  /** The as-of epoch day; default the latest date in the table. */
  readonly asOf: number | undefined;
}

const ROLE_FIELD: Readonly<Record<string, keyof OrdersTable>> = {
  customer: 'customer',
  orderId: 'orderId',
  quantity: 'quantity',
  cost: 'cost',
  profit: 'cost',
};

/** `#VALUE!` naming the column a metric needs and the table lacks. */
function requireColumns(name: string, orders: OrdersTable, id: MetricId): void {
  for (const { role } of getMetric(id).requires) {
    const field = ROLE_FIELD[role];
    if (field && orders[field] === undefined)
      invalidArgument('metric', `${id} needs the ${role} column, which ${name} does not have`);
  }
}

/**
 * SALES.TABLE: the metric for the period containing the as-of day (every row up to it without a
 * period; retention and churn use months then, as SALES.METRIC does).
 * @example tableMetric('Orders', orders, { id: 'revenue', unit: 'month', asOf: undefined }) // revenue of the latest month
 */
export function tableMetric(name: string, orders: OrdersTable, request: MetricRequest): number {
  requireColumns(name, orders, request.id);
  const unit = request.unit ?? (NEEDS_PERIOD.has(request.id) ? 'month' : undefined);
  return metricInWindow(request.id, orders, rowWindow(orders.date, unit, request.asOf));
}

/**
 * SALES.TABLEBYPERIOD: the metric for every period from the first order's to the as-of day's,
 * each counted up to the as-of day (the last one to date). Columns: Period, Start, the metric.
 */
export function tableByPeriod(
  name: string,
  orders: OrdersTable,
  request: MetricRequest & { unit: PeriodUnit },
): Spill {
  requireColumns(name, orders, request.id);
  const asOf = Math.floor(request.asOf ?? latestDay(orders.date));
  let firstDay = Infinity;
  for (let i = 0; i < orders.length; i++) if (orders.date[i] < firstDay) firstDay = orders.date[i];
  const first = periodIndex(Math.floor(firstDay), request.unit);
  const last = periodIndex(asOf, request.unit);
  if (!(first <= last)) notAvailable(`${name} has no orders up to the as-of date`);
  const periods = Array.from({ length: last - first + 1 }, (_, k) => periodAt(first + k, request.unit));
  const suite = computeSuite({ orders }, [request.id], periods, { asOf });
  return spill(
    ['Period', 'Start', getMetric(request.id).label.en],
    periods.map((period, k) => [period.key, serialOf(period.start), suite.values[k][0]]),
  );
}

/** SALES.TABLEBREAKDOWN: SALES.BREAKDOWN over the table's own columns. */
export function tableBreakdown(
  name: string,
  orders: OrdersTable,
  dimension: string,
  request: MetricRequest,
): Spill {
  const groups = dimensionColumn(orders, dimension);
  if (!groups) invalidArgument('dimension', `${name}: ${unknownDimension(dimension, [orders])}`);
  const asOf = Math.floor(request.asOf ?? latestDay(orders.date));
  return breakdownSpill(orders, groups, request.id, request.unit, asOf);
}
