/**
 * What the table functions compute from an ingested table: the same code paths as the range
 * functions (metric.ts, breakdown.ts), so SALES.TABLE("Orders", "aov", "month") and
 * SALES.METRIC("aov", Orders[Date], Orders[Amount], …, "month") give the same number.
 */
import { computeSuite, dimensionColumn, getMetric } from '../../core/metrics';
import { unknownDimension } from '../../core/metrics/filter';
import type { MetricValue } from '../../core/errors';
import type { MetricId } from '../../core/metrics';
import type { PeriodUnit } from '../../core/periods';
import { periodAt, periodIndex } from '../../core/periods';
import type { OrdersTable } from '../../core/table';
import { breakdownSpill } from '../breakdown';
import { serialOf } from '../date-system';
import { invalidArgument, notAvailable, valueOrThrow } from '../errors';
import { metricsInWindow, NEEDS_PERIOD } from '../metric';
import type { Spill } from '../spill';
import { spill } from '../spill';
import { latestDay, windowAt } from '../window';
import type { IngestedTable } from './cache';

/** A metric request read from a cell's arguments. */
export interface MetricRequest {
  readonly id: MetricId;
  readonly unit: PeriodUnit | undefined;
  /** The as-of epoch day; default the latest date in the table. */
  readonly asOf: number | undefined;
}

/** What a SALES.TABLE cell asks of its table (its `demand` in the cache). */
export interface MetricDemand extends MetricRequest {
  readonly kind: 'metric';
}

function isMetricDemand(value: unknown): value is MetricDemand {
  return typeof value === 'object' && value !== null && (value as MetricDemand).kind === 'metric';
}

const ROLE_FIELD: Readonly<Record<string, keyof OrdersTable>> = {
  customer: 'customer',
  orderId: 'orderId',
  quantity: 'quantity',
  cost: 'cost',
  profit: 'cost',
};

/** The column a metric needs and the table lacks, if any. */
function missingColumn(orders: OrdersTable, id: MetricId): string | undefined {
  return getMetric(id).requires.find(({ role }) => ROLE_FIELD[role] && orders[ROLE_FIELD[role]] === undefined)
    ?.role;
}

/** Computed once per version: a scan of a million dates is not free. */
function memo<T>(table: IngestedTable, key: string, compute: () => T): T {
  if (!table.memo.has(key)) table.memo.set(key, compute());
  return table.memo.get(key) as T;
}

function latestOf(table: IngestedTable): number {
  return memo(table, 'latest', () => latestDay(table.orders.date));
}

/** The window a request means: its period (months for retention and churn) and as-of day. */
function resolve(
  table: IngestedTable,
  request: MetricRequest,
): { unit: PeriodUnit | undefined; asOf: number } {
  return {
    unit: request.unit ?? (NEEDS_PERIOD.has(request.id) ? 'month' : undefined),
    asOf: Math.floor(request.asOf ?? latestOf(table)),
  };
}

/**
 * SALES.TABLE: the metric for the period containing the as-of day (every row up to it without a
 * period; retention and churn use months then, as SALES.METRIC does). Every metric the table's
 * cells ask of the same window is computed in one pass, the first time one of them is needed.
 * @example tableMetric(table, { id: 'revenue', unit: 'month', asOf: undefined }) // revenue of the latest month
 */
export function tableMetric(table: IngestedTable, request: MetricRequest): number {
  const missing = missingColumn(table.orders, request.id);
  if (missing)
    invalidArgument('metric', `${request.id} needs the ${missing} column, which ${table.name} does not have`);
  const { unit, asOf } = resolve(table, request);
  const key = `metric|${unit ?? 'all'}|${asOf}`;
  let values = table.memo.get(key) as Map<MetricId, MetricValue> | undefined;
  if (!values?.has(request.id)) {
    const wanted = new Set<MetricId>([request.id]);
    for (const demand of table.demands()) {
      if (!isMetricDemand(demand) || missingColumn(table.orders, demand.id)) continue;
      const window = resolve(table, demand);
      if (window.unit === unit && window.asOf === asOf) wanted.add(demand.id);
    }
    const ids = [...wanted].filter((id) => !values?.has(id));
    const computed = metricsInWindow(ids, table.orders, windowAt(asOf, unit));
    values = new Map(values);
    ids.forEach((id, k) => values!.set(id, computed[k]));
    table.memo.set(key, values);
  }
  return valueOrThrow(values.get(request.id)!);
}

/**
 * SALES.TABLEBYPERIOD: the metric for every period from the first order's to the as-of day's,
 * each counted up to the as-of day (the last one to date). Columns: Period, Start, the metric.
 */
export function tableByPeriod(table: IngestedTable, request: MetricRequest & { unit: PeriodUnit }): Spill {
  const missing = missingColumn(table.orders, request.id);
  if (missing)
    invalidArgument('metric', `${request.id} needs the ${missing} column, which ${table.name} does not have`);
  const asOf = Math.floor(request.asOf ?? latestOf(table));
  return memo(table, `byPeriod|${request.id}|${request.unit}|${asOf}`, () => {
    const { orders } = table;
    let firstDay = Infinity;
    for (let i = 0; i < orders.length; i++) if (orders.date[i] < firstDay) firstDay = orders.date[i];
    const first = periodIndex(Math.floor(firstDay), request.unit);
    const last = periodIndex(asOf, request.unit);
    if (!(first <= last)) notAvailable(`${table.name} has no orders up to the as-of date`);
    const periods = Array.from({ length: last - first + 1 }, (_, k) => periodAt(first + k, request.unit));
    const suite = computeSuite({ orders }, [request.id], periods, { asOf });
    return spill(
      ['Period', 'Start', getMetric(request.id).label.en],
      periods.map((period, k) => [period.key, serialOf(period.start), suite.values[k][0]]),
    );
  });
}

/** SALES.TABLEBREAKDOWN: SALES.BREAKDOWN over the table's own columns (a header or a role). */
export function tableBreakdown(table: IngestedTable, dimension: string, request: MetricRequest): Spill {
  const asOf = Math.floor(request.asOf ?? latestOf(table));
  return memo(
    table,
    `breakdown|${dimension.trim().toLowerCase()}|${request.id}|${request.unit}|${asOf}`,
    () => {
      const groups = dimensionColumn(table.orders, dimension);
      if (!groups)
        invalidArgument('dimension', `${table.name}: ${unknownDimension(dimension, [table.orders])}`);
      return breakdownSpill(table.orders, groups, request.id, request.unit, asOf);
    },
  );
}
