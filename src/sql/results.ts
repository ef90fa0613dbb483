/**
 * From result rows back to the engine's values. A metric's SQL column holds its value, NULL when it
 * cannot be computed, and `<id>__why` a token saying why; the token and the window give the same
 * `MetricError` the engine returns (code and reason), so the two routes compare value for value:
 *
 * | token | error | reason |
 * |---|---|---|
 * | `none:<what>` | `#DIV/0!` | no <what> in <window> |
 * | `previous:<what>` | `#DIV/0!` | no <what> in <the window before> |
 * | `empty:<what>` | `#N/A` | no <what> in <window> |
 * | `gaps` | `#N/A` | no customer with orders on two days up to the end of <window> |
 * | `clv:active` | `#DIV/0!` | no customers in the 12 months before <to-date end> |
 * | `clv:previous` | `#N/A` | needs orders in the 12 months before <a year before it> to measure yearly churn |
 * | `clv:margin` | `#DIV/0!` | revenue is 0 |
 * | `cac:zero` | `#DIV/0!` | CAC is 0 |
 * | `payback:zero` | `#DIV/0!` | monthly gross profit per customer is 0 |
 * | `cycle:zero` | `#DIV/0!` | the sales cycle length is 0 |
 * | `young` | `#N/A` | leads of <window> are younger than M days, the time 90 % of deals take to close |
 * | `column:<what>:<table>` | `#N/A` | needs a <what> column in the <table> table |
 *
 * Errors that do not depend on the data (a missing table or column, a window after the as-of day)
 * are decided here, before any row is read, in the engine's order.
 */
import type { MetricError, MetricValue } from '../core/errors';
import { metricError } from '../core/errors';
import type { MetricId } from '../core/metrics';
import { CONVERSION_CLOSE_SHARE, isOrderMetric, isPipelineMetric } from '../core/metrics';
import { yearBefore } from '../core/metrics/orders-history';
import { needsColumn, needsTable, startsAfterAsOf } from '../core/metrics/rules';
import { formatDay } from '../core/periods';
import { metricColumns } from './orders-query';
import type { SqlSources } from './source';
import type { PlannedWindow } from './windows';

/** A result row as a driver returns it: column name → value. */
export type ResultRow = Readonly<Record<string, unknown>>;

const CUSTOMER_METRICS: ReadonlySet<MetricId> = new Set<MetricId>([
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

const MARKETING: ReadonlySet<MetricId> = new Set<MetricId>([
  'cac',
  'marketing_roi',
  'ltv_cac',
  'cac_payback_months',
]);
const CLOSE_DATE_METRICS: ReadonlySet<MetricId> = new Set<MetricId>([
  'win_rate',
  'avg_deal_size',
  'sales_cycle_days',
  'sales_cycle_days_median',
  'pipeline_velocity',
]);

/**
 * The error of a metric that needs no data to decide (missing table or column), or null. `late`
 * windows are handled by the caller in the engine's order (after a missing table).
 */
export function staticError(
  id: MetricId,
  sources: SqlSources,
): { error: MetricError; beforeLate: boolean } | null {
  const o = sources.orders?.columns;
  if (MARKETING.has(id)) {
    if (!sources.spend) return { error: needsTable('marketing spend'), beforeLate: true };
    if (!o) return { error: needsTable('orders'), beforeLate: true };
    if (id !== 'marketing_roi' && !o.customer) return { error: needsColumn('customer'), beforeLate: false };
    return null;
  }
  if (isOrderMetric(id)) {
    if (!o) return { error: needsTable('orders'), beforeLate: true };
    if (CUSTOMER_METRICS.has(id) && !o.customer) return { error: needsColumn('customer'), beforeLate: false };
    if ((id === 'units' || id === 'avg_price') && !o.quantity)
      return { error: needsColumn('quantity'), beforeLate: false };
    if (id === 'gross_margin' && !o.cost && !o.profit)
      return { error: needsColumn('cost'), beforeLate: false };
    return null;
  }
  if (isPipelineMetric(id)) {
    const p = sources.pipeline?.columns;
    if (!p) return { error: needsTable('pipeline'), beforeLate: true };
    if (id === 'avg_deal_size' && !p.value)
      return { error: needsColumn('value', 'pipeline'), beforeLate: false };
    if (CLOSE_DATE_METRICS.has(id) && !p.closed)
      return { error: needsColumn('close date', 'pipeline'), beforeLate: false };
  }
  return null;
}

/** Context a token needs beyond its window. */
export interface ReasonContext {
  /** Lead conversion's M (days), when known. */
  readonly closeDays?: number | null;
}

/** The error a why-token stands for in `window` (`before`: the window before it in its run). */
export function errorOf(
  token: string,
  window: PlannedWindow,
  before: PlannedWindow | undefined,
  ctx: ReasonContext,
): MetricError {
  const [kind, what, table] = token.split(':');
  switch (kind) {
    case 'none':
      return metricError('#DIV/0!', `no ${what} in ${window.key}`);
    case 'previous':
      return metricError('#DIV/0!', `no ${what} in ${(before ?? window).key}`);
    case 'empty':
      return metricError('#N/A', `no ${what} in ${window.key}`);
    case 'gaps':
      return metricError('#N/A', `no customer with orders on two days up to the end of ${window.key}`);
    case 'clv':
      if (what === 'active')
        return metricError('#DIV/0!', `no customers in the 12 months before ${formatDay(window.toDate)}`);
      if (what === 'previous')
        return metricError(
          '#N/A',
          `needs orders in the 12 months before ${formatDay(yearBefore(window.toDate))} to measure yearly churn`,
        );
      return metricError('#DIV/0!', 'revenue is 0');
    case 'cac':
      return metricError('#DIV/0!', 'CAC is 0');
    case 'payback':
      return metricError('#DIV/0!', 'monthly gross profit per customer is 0');
    case 'cycle':
      return metricError('#DIV/0!', 'the sales cycle length is 0');
    case 'young':
      return metricError(
        '#N/A',
        `leads of ${window.key} are younger than ${ctx.closeDays} days, the time ${Math.round(
          CONVERSION_CLOSE_SHARE * 100,
        )} % of deals take to close`,
      );
    case 'column':
      return needsColumn(what, table);
    default:
      return metricError('#VALUE!', `unknown result ${token}`);
  }
}

/** A number from a driver value (numbers, bigints, numeric strings). */
export function numberOf(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return null;
}

/**
 * Values of `ids` for one group: values[s][w − 1][metric] for every run `s` of `windows`, as the
 * engine's `computeWindows` returns them per run. `rows` are that group's rows of the orders and
 * pipeline statements (either may be missing: the metric is then 0-valued as an empty window).
 */
export function readValues(
  ids: readonly MetricId[],
  windows: readonly PlannedWindow[],
  sources: SqlSources,
  rowAt: (s: number, w: number) => ResultRow | undefined,
  ctx: ReasonContext,
): MetricValue[][][] {
  // An empty group's row is the statements' sentinel row: every aggregate 0.
  const runs = new Map<number, PlannedWindow[]>();
  for (const x of windows) runs.set(x.s, [...(runs.get(x.s) ?? []), x]);
  const out: MetricValue[][][] = [];
  for (const [s, run] of [...runs].sort((a, b) => a[0] - b[0])) {
    run.sort((a, b) => a.w - b.w);
    out[s] = run.slice(1).map((window, k) => {
      const before = run[k];
      const row = rowAt(s, window.w);
      return ids.map((id) => valueOf(id, window, before, row, sources, ctx));
    });
  }
  return out;
}

function valueOf(
  id: MetricId,
  window: PlannedWindow,
  before: PlannedWindow,
  row: ResultRow | undefined,
  sources: SqlSources,
  ctx: ReasonContext,
): MetricValue {
  const fixed = staticError(id, sources);
  if (fixed?.beforeLate) return fixed.error;
  if (window.late) return startsAfterAsOf(window, window.toDate - 1)!;
  if (fixed) return fixed.error;
  const cols = metricColumns(id);
  const why = row?.[cols.why];
  if (typeof why === 'string' && why !== '') return errorOf(why, window, before, ctx);
  const value = numberOf(row?.[cols.value]);
  return value ?? 0;
}
