/**
 * Catalogue metrics on column ranges: SALES.METRIC and the named orders functions (SALES.REVENUE,
 * SALES.CUSTOMERS…) all compute through the metric engine (`core/metrics`), so a cell, the
 * dashboard and the CLI agree on every definition (refunds are never orders, an order id spread
 * over lines is one order, new customers are new to the whole range…).
 */
import type { MetricValue } from '../core/errors';
import type { MetricId } from '../core/metrics';
import { computeWindows, getMetric, metricIdFromText } from '../core/metrics';
import { previousPeriod } from '../core/periods';
import type { OrdersTable } from '../core/table';
import {
  cellsArg,
  isOmitted,
  optionalDateArg,
  optionalPeriodArg,
  optionalTextColumnArg,
  textArg,
  textColumnArg,
} from './args';
import { ordersFromColumns } from './columns';
import { invalidArgument, valueOrThrow } from './errors';
import type { RowWindow } from './window';
import { rowWindow } from './window';

/**
 * A metric over the rows of a window: for a period, the engine's value for that period to the
 * as-of day; without one, over every row up to the as-of day.
 */
export function metricInWindow(id: MetricId, orders: OrdersTable, window: RowWindow): number {
  return valueOrThrow(metricsInWindow([id], orders, window)[0]);
}

/**
 * Several metrics over the rows of one window, in one pass over the table (the table functions
 * compute every metric their cells ask of a window at once); values in the order of `ids`.
 */
export function metricsInWindow(
  ids: readonly MetricId[],
  orders: OrdersTable,
  window: RowWindow,
): MetricValue[] {
  const options = { asOf: window.asOf };
  if (window.period)
    return computeWindows({ orders }, ids, [previousPeriod(window.period), window.period], options)[0];
  let first = window.asOf;
  for (let i = 0; i < orders.length; i++) if (orders.date[i] < first) first = orders.date[i];
  const start = Math.floor(first);
  const all = { start, end: window.end, key: 'all dates to the as-of date' };
  return computeWindows({ orders }, ids, [{ start: start - 1, end: start, key: 'before' }, all], options)[0];
}

/** The metric an orders function reads from its columns, period and as-of arguments. */
export function ordersMetric(
  id: MetricId,
  orders: OrdersTable,
  period: unknown,
  asOf: unknown,
  needsPeriod = false,
): number {
  const unit = optionalPeriodArg(period, 'period') ?? (needsPeriod ? 'month' : undefined);
  return metricInWindow(id, orders, rowWindow(orders.date, unit, optionalDateArg(asOf, 'asOf')));
}

/** Metrics that compare with the previous period: without a period they use months. */
export const NEEDS_PERIOD: ReadonlySet<MetricId> = new Set<MetricId>(['retention_rate', 'churn_rate']);

/**
 * An orders metric of the catalogue named by id, English or Indonesian label or short name.
 * @example ordersMetricArg('retensi', 'metric') // 'retention_rate'
 */
export function ordersMetricArg(value: unknown, name: string): MetricId {
  const text = textArg(value, name);
  const id = metricIdFromText(text);
  if (!id)
    invalidArgument(
      name,
      `'${text.slice(0, 40)}' is not a metric (try revenue, orders, aov, customers, retention_rate)`,
    );
  const definition = getMetric(id);
  if (definition.table !== 'orders') {
    invalidArgument(
      name,
      `${id} needs ${definition.table === 'pipeline' ? 'a pipeline' : 'marketing spend'}, not orders columns`,
    );
  }
  return id;
}

/**
 * SALES.METRIC(metricId, dates, amounts, [customers], [period], [asOf], [orderIds], [costs]): any
 * orders metric of the catalogue by id, English or Indonesian label or short name ("aov",
 * "Average order value", "retensi"), for the period containing `asOf` (default: the latest date
 * in the data). On order lines, `orderIds` makes the lines of one order one order (a blank id is
 * an order of its own) and `costs` gives gross margin and a margin-based CLV, so the cell reads
 * what the dashboard reads; without them each row is an order and CLV uses margin 1.
 * @example metric('aov', dates, amounts, null, 'month', null, orderIds, null) // revenue ÷ distinct orders of the latest month
 */
export function metric(
  metricId: unknown,
  dates: unknown,
  amounts: unknown,
  customers: unknown,
  period: unknown,
  asOf: unknown,
  orderIds?: unknown,
  costs?: unknown,
): number {
  const id = ordersMetricArg(metricId, 'metricId');
  const definition = getMetric(id);
  const customerCells = optionalTextColumnArg(customers, 'customers');
  const needs = (role: string) => definition.requires.some((r) => r.role === role);
  if (needs('customer') && customerCells === undefined)
    invalidArgument('customers', `${id} needs the customers column`);
  const costCells = isOmitted(costs) ? undefined : cellsArg(costs, 'costs');
  if (needs('cost') && costCells === undefined) invalidArgument('costs', `${id} needs the costs column`);
  const orders = ordersFromColumns({
    dates: cellsArg(dates, 'dates'),
    amounts: cellsArg(amounts, 'amounts'),
    customers: customerCells,
    orderIds: isOmitted(orderIds) ? undefined : textColumnArg(orderIds, 'orderIds'),
    costs: costCells,
  });
  return ordersMetric(id, orders, period, asOf, NEEDS_PERIOD.has(id));
}
