/**
 * The entry points everything else calls: one metric for one period, a whole suite of metrics
 * over many periods (one pass per table family), growth and year-over-year.
 */
import type { MetricValue } from '../errors';
import { isMetricError, metricError } from '../errors';
import type { Period } from '../periods';
import {
  formatDay,
  isPartialPeriod,
  likeForLike,
  periodAt,
  previousPeriod,
  samePeriodLastYear,
} from '../periods';
import type { MarketingMetricId, MetricId, OrderMetricId, PipelineMetricId } from './ids';
import { isOrderMetric, isPipelineMetric } from './ids';
import type { MetricInputs, MetricOptions, MetricWindow } from './inputs';
import { computeMarketingWindows } from './marketing-metrics';
import { computeOrderWindows } from './orders-metrics';
import { computePipelineWindows } from './pipeline-metrics';
import { needsTable } from './rules';

export interface SuiteOptions extends MetricOptions {
  /** Also compute every metric over the whole span of the periods (first start → last end). */
  readonly totals?: boolean;
}

export interface SuiteResult {
  readonly periods: readonly Period[];
  readonly ids: readonly MetricId[];
  /** values[periodIndex][metricIndex] */
  readonly values: MetricValue[][];
  /** Each metric over the whole span, when asked for (`totals: true`). */
  readonly totals?: MetricValue[];
}

/** Longest run of consecutive indices computed as one window run rather than period by period. */
const MAX_RUN = 5000;

/**
 * Metrics for contiguous windows 1..K of `windows` (window 0 is the one before, for retention and
 * growth); values[k − 1][metric], in the order of `ids`.
 */
export function computeWindows(
  inputs: MetricInputs,
  ids: readonly MetricId[],
  windows: readonly MetricWindow[],
  options: MetricOptions,
): MetricValue[][] {
  const out: MetricValue[][] = windows.slice(1).map(() => new Array<MetricValue>(ids.length));
  const orderIds: OrderMetricId[] = [];
  const pipelineIds: PipelineMetricId[] = [];
  const marketingIds: MarketingMetricId[] = [];
  const slots = { orders: [] as number[], pipeline: [] as number[], marketing: [] as number[] };
  ids.forEach((id, m) => {
    if (isOrderMetric(id)) (orderIds.push(id), slots.orders.push(m));
    else if (isPipelineMetric(id)) (pipelineIds.push(id), slots.pipeline.push(m));
    else (marketingIds.push(id as MarketingMetricId), slots.marketing.push(m));
  });
  const place = (values: MetricValue[][], at: number[]) =>
    values.forEach((row, k) => row.forEach((v, j) => (out[k][at[j]] = v)));
  const fill = (error: MetricValue, at: number[]) =>
    out.forEach((row) => at.forEach((m) => (row[m] = error)));
  if (orderIds.length) {
    if (inputs.orders)
      place(
        computeOrderWindows(inputs.orders, orderIds, windows, options.asOf, options.lifespanCapYears),
        slots.orders,
      );
    else fill(needsTable('orders'), slots.orders);
  }
  if (pipelineIds.length) {
    if (inputs.pipeline)
      place(computePipelineWindows(inputs.pipeline, pipelineIds, windows, options.asOf), slots.pipeline);
    else fill(needsTable('pipeline'), slots.pipeline);
  }
  if (marketingIds.length) {
    place(
      computeMarketingWindows(
        inputs.orders,
        inputs.spend,
        marketingIds,
        windows,
        options.asOf,
        options.lifespanCapYears,
        options.calendar,
      ),
      slots.marketing,
    );
  }
  return out;
}

/**
 * Every metric in `ids` for every period: periods of one unit and calendar are computed in one
 * pass over each table, whatever their number.
 * @example
 * const months = lastPeriods(asOf, 'month', 12);
 * const suite = computeSuite({ orders }, ['revenue', 'aov'], months, { asOf });
 * suite.values[11][0] // revenue of the as-of month
 */
export function computeSuite(
  inputs: MetricInputs,
  ids: readonly MetricId[],
  periods: readonly Period[],
  options: SuiteOptions,
): SuiteResult {
  const values: MetricValue[][] = new Array(periods.length);
  const groups = new Map<string, number[]>();
  periods.forEach((p, i) => {
    const key = `${p.unit}|${p.calendar.weekStartsOn}|${p.calendar.fiscalYearStartMonth}`;
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  });
  for (const members of groups.values()) {
    const indices = members.map((i) => periods[i].index);
    const first = Math.min(...indices);
    const last = Math.max(...indices);
    const sample = periods[members[0]];
    if (last - first < MAX_RUN) {
      const run: Period[] = [];
      for (let index = first - 1; index <= last; index++)
        run.push(periodAt(index, sample.unit, sample.calendar));
      const runValues = computeWindows(inputs, ids, run, options);
      for (const i of members) values[i] = runValues[periods[i].index - first];
    } else {
      for (const i of members)
        values[i] = computeWindows(inputs, ids, [previousPeriod(periods[i]), periods[i]], options)[0];
    }
  }
  const result: SuiteResult = { periods, ids, values };
  if (!options.totals || periods.length === 0) return result;
  const start = Math.min(...periods.map((p) => p.start));
  const end = Math.max(...periods.map((p) => p.end));
  const span: MetricWindow = { start, end, key: `${periods[0].key}..${periods[periods.length - 1].key}` };
  const before: MetricWindow = { start: start - (end - start), end: start, key: 'the span before' };
  return { ...result, totals: computeWindows(inputs, ids, [before, span], options)[0] };
}

/**
 * One metric for one period.
 * @example computeMetric('aov', { orders }, periodOf(asOf, 'month'), { asOf }) // 125.4 or { error: '#DIV/0!', reason: 'no orders in 2026-11' }
 */
export function computeMetric(
  id: MetricId,
  inputs: MetricInputs,
  period: Period,
  options: MetricOptions,
): MetricValue {
  return computeWindows(inputs, [id], [previousPeriod(period), period], options)[0][0];
}

/**
 * Relative change `current / base − 1`, with errors and zero bases explained; `baseKey` names the
 * base in reasons (`2026-10`, `2026-11 to 2026-11-05`).
 */
export function relativeChange(
  id: MetricId,
  current: MetricValue,
  base: MetricValue,
  baseKey: string,
): MetricValue {
  if (isMetricError(current)) return current;
  if (isMetricError(base)) return metricError(base.error, `${id} of ${baseKey}: ${base.reason}`);
  if (base === 0) return metricError('#DIV/0!', `${id} was 0 in ${baseKey}`);
  return current / base - 1;
}

/** What a change is measured against: the period before (growth) or a year earlier (yoy). */
export type ChangeBase = 'previous' | 'priorYear';

/** The two windows a change compares. */
export interface ComparedWindows {
  /** P, or P up to the as-of day when P is partial (key `2026-12 to 2026-12-05`). */
  readonly current: MetricWindow;
  /** The base: P−1 or the same period a year earlier, cut to as many days when P is partial. */
  readonly base: MetricWindow;
  /** The whole period the base lies in. */
  readonly basePeriod: Period;
  /** True when P is partial on the as-of day and both sides cover its first days only. */
  readonly likeForLike: boolean;
}

/**
 * The windows growth or year over year compares. A period that is over compares with the whole
 * base period; a partial one (see `isPartialPeriod`) compares its days to date with the same
 * number of days from the start of the base period, cut at the base's own end when it is shorter.
 * @example
 * comparedWindows(periodOf(asOf, 'month'), 'previous', parseDay('2026-12-05')!)
 * // current 2026-12-01…05, base 2026-11-01…05, likeForLike true
 */
export function comparedWindows(period: Period, against: ChangeBase, asOf: number): ComparedWindows {
  const basePeriod = against === 'previous' ? previousPeriod(period) : samePeriodLastYear(period);
  if (!isPartialPeriod(period, asOf))
    return { current: period, base: basePeriod, basePeriod, likeForLike: false };
  const windows = likeForLike(period, asOf);
  const base = against === 'previous' ? windows.previous : windows.priorYear;
  const toKey = (p: Period, end: number) => (end < p.end ? `${p.key} to ${formatDay(end - 1)}` : p.key);
  return {
    current: {
      start: windows.current.start,
      end: windows.current.end,
      key: toKey(period, windows.current.end),
    },
    base: { start: base.start, end: base.end, key: toKey(basePeriod, base.end) },
    basePeriod,
    likeForLike: true,
  };
}

/** A change of several metrics: the windows compared, the values on each side and the change. */
export interface ChangeResult extends ComparedWindows {
  readonly values: MetricValue[];
  readonly baseValues: MetricValue[];
  /** values / baseValues − 1 per metric, in the order of `ids`. */
  readonly changes: MetricValue[];
}

/**
 * Growth (`previous`) or year over year (`priorYear`) of every metric in `ids`, like for like
 * when P is partial. Each window is computed with the whole period before it, so retention and
 * churn of P to date keep all of P−1 as their reference, and those of P−1 to the same day all of
 * P−2 (or of the period before the year-ago one).
 * @example computeChanges({ orders }, ['revenue', 'aov'], periodOf(asOf, 'month'), 'previous', { asOf }).changes // [0.08, -0.02]
 */
export function computeChanges(
  inputs: MetricInputs,
  ids: readonly MetricId[],
  period: Period,
  against: ChangeBase,
  options: MetricOptions,
): ChangeResult {
  const windows = comparedWindows(period, against, options.asOf);
  const [values] = computeWindows(inputs, ids, [previousPeriod(period), windows.current], options);
  const [baseValues] = computeWindows(
    inputs,
    ids,
    [previousPeriod(windows.basePeriod), windows.base],
    options,
  );
  const changes = ids.map((id, m) => relativeChange(id, values[m], baseValues[m], windows.base.key));
  return { ...windows, values, baseValues, changes };
}

/**
 * Growth of any metric: m(P) / m(P−1) − 1. When P is partial on the as-of day, P to date against
 * the same number of days of P−1 (1–5 December against 1–5 November).
 * @example computeGrowth('revenue', { orders }, periodOf(asOf, 'month'), { asOf }) // 0.08
 */
export function computeGrowth(
  id: MetricId,
  inputs: MetricInputs,
  period: Period,
  options: MetricOptions,
): MetricValue {
  return computeChanges(inputs, [id], period, 'previous', options).changes[0];
}

/**
 * Year-over-year change of any metric: m(P) / m(same period a year earlier) − 1. When P is
 * partial on the as-of day, P to date against the same number of days of the year-ago period.
 * @example computeYoy('revenue', { orders }, periodOf(asOf, 'quarter'), { asOf }) // 0.12
 */
export function computeYoy(
  id: MetricId,
  inputs: MetricInputs,
  period: Period,
  options: MetricOptions,
): MetricValue {
  return computeChanges(inputs, [id], period, 'priorYear', options).changes[0];
}
