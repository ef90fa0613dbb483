/**
 * Orders metrics over a run of contiguous windows: one bucketing pass, one aggregation pass,
 * then each metric is read off the aggregates (rules for empty windows in `rules.ts`).
 */
import type { MetricValue } from '../errors';
import { metricError } from '../errors';
import { averageOrderValue, grossMargin, DEFAULT_LIFESPAN_CAP_YEARS } from '../formulas';
import type { OrdersTable } from '../table';
import type { OrderMetricId } from './ids';
import { ORDER_METRIC_IDS } from './ids';
import type { MetricWindow } from './inputs';
import type { OrderAggregates } from './orders-aggregate';
import { aggregateOrders } from './orders-aggregate';
import { customersEverBefore, trailingYearClvSeries } from './orders-history';
import { medianUsualGapBefore } from './order-gaps';
import type { OrdersPrep } from './orders-prep';
import { prepareOrders } from './orders-prep';
import { needsColumn, noneIn, startsAfterAsOf, toDateEnd } from './rules';

const CUSTOMER_METRICS: ReadonlySet<OrderMetricId> = new Set<OrderMetricId>([
  'customers',
  'sales_per_customer',
  'new_customers',
  'returning_customers',
  'purchase_frequency',
  'repeat_rate',
  'retention_rate',
  'churn_rate',
  'active_ratio',
  'days_between_orders',
  'clv',
]);

/** What a window-metric reader needs besides the aggregates. */
export interface OrderReadContext {
  readonly table: OrdersTable;
  readonly windows: readonly MetricWindow[];
  readonly agg: OrderAggregates;
  readonly windowsPerGroup: number;
}

/**
 * The value of an orders metric read from the aggregates of composite bucket `b` (not for the
 * history metrics active_ratio, days_between_orders and clv).
 */
export function readOrderMetric(id: OrderMetricId, ctx: OrderReadContext, b: number): MetricValue {
  const { table, agg } = ctx;
  const w = b % ctx.windowsPerGroup;
  const window = ctx.windows[w];
  if (CUSTOMER_METRICS.has(id) && !table.customer) return needsColumn('customer');
  const revenue = agg.revenue[b];
  switch (id) {
    case 'revenue':
      return revenue;
    case 'orders':
      return agg.orders[b];
    case 'aov':
      return agg.orders[b] === 0 ? noneIn('orders', window) : averageOrderValue(revenue, agg.orders[b]);
    case 'units':
      return table.quantity ? agg.units[b] : needsColumn('quantity');
    case 'avg_price':
      if (!table.quantity) return needsColumn('quantity');
      return agg.units[b] === 0 ? noneIn('units sold', window) : revenue / agg.units[b];
    case 'customers':
      return agg.customers[b];
    case 'sales_per_customer':
      return agg.customers[b] === 0
        ? noneIn('customers', window)
        : agg.revenueWithCustomer[b] / agg.customers[b];
    case 'new_customers':
      return agg.newCustomers[b];
    case 'returning_customers':
      return agg.customers[b] - agg.firstTimers[b];
    case 'purchase_frequency':
      return agg.customers[b] === 0
        ? noneIn('customers', window)
        : agg.ordersWithCustomer[b] / agg.customers[b];
    case 'repeat_rate':
      return agg.customers[b] === 0 ? noneIn('customers', window) : agg.repeatCustomers[b] / agg.customers[b];
    case 'retention_rate':
    case 'churn_rate': {
      const previous = agg.customers[b - 1];
      if (w === 0 || !(previous > 0)) return noneIn('customers', ctx.windows[Math.max(0, w - 1)]);
      const retention = agg.retained[b] / previous;
      return id === 'retention_rate' ? retention : 1 - retention;
    }
    case 'gross_margin':
      if (!table.cost) return needsColumn('cost');
      return agg.revenueWithCost[b] === 0
        ? noneIn('revenue with a cost', window)
        : grossMargin(agg.revenueWithCost[b], agg.cost[b]);
    default:
      return metricError('#VALUE!', `${id} is not read from window aggregates`);
  }
}

/** Windows as bounds: window k = [bounds[k], bounds[k+1]). Windows must be contiguous. */
export function windowBounds(windows: readonly MetricWindow[]): number[] {
  return [...windows.map((w) => w.start), windows[windows.length - 1].end];
}

/**
 * Orders metrics for windows 1..K of `windows` (window 0 is the one before, used for retention).
 * Returns values[k − 1][metric].
 */
export function computeOrderWindows(
  table: OrdersTable,
  ids: readonly OrderMetricId[],
  windows: readonly MetricWindow[],
  asOf: number,
  lifespanCapYears = DEFAULT_LIFESPAN_CAP_YEARS,
): MetricValue[][] {
  const prep = prepareOrders(table, asOf);
  const bounds = windowBounds(windows);
  // Breakdowns by several dimensions ask for the same totals: answer repeats from the table's memo.
  const memoKey = `windows|${bounds.join(',')}|${windows.map((w) => w.key).join(',')}|${ids.join(',')}|${lifespanCapYears}`;
  const memo = prep.results.get(memoKey) as MetricValue[][] | undefined;
  if (memo) return memo.map((row) => [...row]);
  const rowIds = prep.rowsWithin(bounds);
  const bucket = prep.bucketsWithin(bounds);
  const ends = windows.map((w) => toDateEnd(w, asOf));
  const agg = aggregateOrders(
    prep,
    bucket,
    windows.length,
    windows.length,
    bounds.slice(0, -1),
    ends,
    rowIds,
  );
  const ctx: OrderReadContext = { table, windows, agg, windowsPerGroup: windows.length };
  const history = historyValues(prep, ids, windows, ends, agg, 0, lifespanCapYears);
  const out: MetricValue[][] = [];
  for (let k = 1; k < windows.length; k++) {
    const late = startsAfterAsOf(windows[k], asOf);
    out.push(ids.map((id) => late ?? history.get(id)?.[k] ?? readOrderMetric(id, ctx, k)));
  }
  if (prep.results.size >= 16) prep.results.delete(prep.results.keys().next().value!);
  prep.results.set(
    memoKey,
    out.map((row) => [...row]),
  );
  return out;
}

/** active_ratio, days_between_orders and clv per window (index = window), when asked for. */
export function historyValues(
  prep: OrdersPrep,
  ids: readonly OrderMetricId[],
  windows: readonly MetricWindow[],
  ends: readonly number[],
  agg: OrderAggregates,
  groupOffset: number,
  capYears: number,
): Map<OrderMetricId, MetricValue[]> {
  const out = new Map<OrderMetricId, MetricValue[]>();
  const wanted = ids.filter((id) => id === 'active_ratio' || id === 'days_between_orders' || id === 'clv');
  if (wanted.length === 0) return out;
  const history = prep.history();
  if (!history) {
    for (const id of wanted)
      out.set(
        id,
        windows.map(() => needsColumn('customer')),
      );
    return out;
  }
  for (const id of wanted) {
    if (id === 'active_ratio') {
      const ever = customersEverBefore(history, ends);
      out.set(
        id,
        windows.map((w, k) =>
          ever[k] === 0 ? noneIn('customers to date', w) : agg.customers[groupOffset + k] / ever[k],
        ),
      );
    } else if (id === 'days_between_orders') {
      const medians = medianUsualGapBefore(history, ends);
      out.set(
        id,
        windows.map((w, k) =>
          Number.isNaN(medians[k])
            ? metricError('#N/A', `no customer with orders on two days up to the end of ${w.key}`)
            : medians[k],
        ),
      );
    } else {
      out.set(id, trailingYearClvSeries(prep, history, ends, capYears));
    }
  }
  return out;
}

/** Orders metrics that can be read per group from one grouped pass (all but the history ones). */
export const GROUPABLE_ORDER_METRICS: ReadonlySet<OrderMetricId> = new Set<OrderMetricId>(
  ORDER_METRIC_IDS.filter((id) => id !== 'active_ratio' && id !== 'days_between_orders' && id !== 'clv'),
);

/**
 * Orders metrics per group for windows 1..K in one pass over the rows inside the windows.
 * A row's group is `groupOfCode[codes[i] + 1]` (so blanks, code −1, map through index 0; −1 =
 * leave the row out). Returns values[group][k − 1][metric] and, per group, whether it has any row
 * in windows 1..K. Only `GROUPABLE_ORDER_METRICS`.
 */
export function computeGroupedOrderWindows(
  table: OrdersTable,
  ids: readonly OrderMetricId[],
  windows: readonly MetricWindow[],
  asOf: number,
  codes: Int32Array,
  groupOfCode: Int32Array,
  groupCount: number,
): { values: MetricValue[][][]; present: Uint8Array } {
  const prep = prepareOrders(table, asOf);
  const bounds = windowBounds(windows);
  const k = windows.length;
  const rowIds = prep.rowsWithin(bounds);
  const windowOfRows = prep.bucketsWithin(bounds);
  const bucket = new Int32Array(rowIds.length);
  const present = new Uint8Array(groupCount);
  // Window 0 is read only by retention and churn (customers of the window before): without them,
  // its rows are left out of the pass.
  const firstWindow = ids.includes('retention_rate') || ids.includes('churn_rate') ? 0 : 1;
  for (let j = 0; j < rowIds.length; j++) {
    const w = windowOfRows[j];
    const g = groupOfCode[codes[rowIds[j]] + 1];
    if (g < 0 || w < firstWindow) {
      bucket[j] = -1;
      continue;
    }
    if (w > 0) present[g] = 1;
    bucket[j] = g * k + w;
  }
  const ends = windows.map((w) => toDateEnd(w, asOf));
  const agg = aggregateOrders(prep, bucket, groupCount * k, k, bounds.slice(0, -1), ends, rowIds);
  const ctx: OrderReadContext = { table, windows, agg, windowsPerGroup: k };
  const values: MetricValue[][][] = [];
  for (let g = 0; g < groupCount; g++) {
    const rows: MetricValue[][] = [];
    for (let w = 1; w < k; w++) {
      const late = startsAfterAsOf(windows[w], asOf);
      rows.push(ids.map((id) => late ?? readOrderMetric(id, ctx, g * k + w)));
    }
    values.push(rows);
  }
  return { values, present };
}
