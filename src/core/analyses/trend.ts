/**
 * Trend of one metric: the last N periods, an ordinary-least-squares line through them, a linear
 * forecast of the next k periods, and a seasonal-naive forecast (the same period a year earlier)
 * when a year of history exists. Periods whose value is an error are left out of the fit and
 * listed, so the caller can say so; so is the period holding the as-of day when it is not over
 * (partial), whose full value is forecast apart from the line (`current`).
 */
import type { MetricValue } from '../errors';
import { isMetricError, metricError } from '../errors';
import type { Period, PeriodUnit } from '../periods';
import { DEFAULT_CALENDAR, lastPeriods, periodCoverage, samePeriodLastYear, shiftPeriod } from '../periods';
import { computeSuite, getMetric } from '../metrics';
import type { MetricId, MetricInputs, MetricOptions } from '../metrics';

export interface TrendOptions extends MetricOptions {
  readonly unit: PeriodUnit;
  /** Periods in the series, ending with the one holding the as-of date (default 12). */
  readonly count?: number;
  /** Periods to forecast after the series (default 3). */
  readonly horizon?: number;
}

export interface LinearFit {
  /** Change per period. */
  readonly slope: number;
  /** Fitted value at the first period of the series (x = 0). */
  readonly intercept: number;
  /** Coefficient of determination; 1 when every point is on the line (or all equal). */
  readonly r2: number;
  /** Points used. */
  readonly n: number;
}

export interface TrendPoint {
  readonly period: Period;
  readonly value: MetricValue;
}

/** The forecast of the full value of the period that holds the as-of day, while it is not over. */
export interface CurrentForecast {
  readonly period: Period;
  /** The metric over the period up to the as-of day. */
  readonly toDate: MetricValue;
  /** Days of the period up to and including the as-of day. */
  readonly daysElapsed: number;
  readonly daysInPeriod: number;
  /**
   * Flow metrics: to date + the line's value for the period × remaining days ÷ days in the period.
   * Other metrics: the line's value for the period. The line's value is cut back to what the metric
   * can be (`possibleRange`: no negative counts, no share above 100 %). `#N/A` without a line.
   */
  readonly forecast: MetricValue;
  /** How `forecast` was made, in words. */
  readonly method: string;
}

export interface TrendResult {
  readonly id: MetricId;
  readonly series: readonly TrendPoint[];
  /** Null when fewer than two complete periods have a value. */
  readonly fit: LinearFit | null;
  /** Periods left out of the fit, with their error. */
  readonly skipped: readonly TrendPoint[];
  /** Periods left out of the fit because they are not over on the as-of day, with their value to date. */
  readonly partial: readonly TrendPoint[];
  readonly forecast: readonly TrendPoint[];
  /** Null when the year before the forecast periods is not covered by data. */
  readonly seasonalNaive: readonly TrendPoint[] | null;
  /** The full value of the as-of period, when it is not over on the as-of day. */
  readonly current?: CurrentForecast;
}

/**
 * OLS line through (x, y) points.
 * @example fitLine([0, 1, 2], [1, 3, 5]) // { slope: 2, intercept: 1, r2: 1, n: 3 }
 */
export function fitLine(xs: readonly number[], ys: readonly number[]): LinearFit | null {
  const n = xs.length;
  if (n < 2) return null;
  let sx = 0,
    sy = 0;
  for (let i = 0; i < n; i++) ((sx += xs[i]), (sy += ys[i]));
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0,
    sxy = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept, r2, n };
}

/** Shares of customers, leads or deals: a line beyond 0–100 % is cut back to it. */
const SHARES: ReadonlySet<MetricId> = new Set<MetricId>([
  'repeat_rate',
  'retention_rate',
  'churn_rate',
  'active_ratio',
  'conversion_rate',
  'win_rate',
]);

/**
 * The values a metric can take, for cutting a straight line back to them: shares 0–1, gross margin
 * at most 1, marketing ROI at least −1, amounts, counts and durations at least 0.
 * @example possibleRange('repeat_rate') // [0, 1]
 */
export function possibleRange(id: MetricId): readonly [number, number] {
  if (SHARES.has(id)) return [0, 1];
  if (id === 'gross_margin') return [-Infinity, 1];
  if (id === 'marketing_roi') return [-1, Infinity];
  return [0, Infinity];
}

/** `value` cut back to the metric's possible range. */
function bounded(id: MetricId, value: number): number {
  const [low, high] = possibleRange(id);
  return Math.min(high, Math.max(low, value));
}

/**
 * The forecast of the full value of a period not over on the as-of day, at series position `x`.
 * A flow adds the line's value for the remaining share of the period to the actual to date; a
 * ratio or a level is the line's value (its to-date value is not pro-rated).
 */
function currentForecast(
  id: MetricId,
  point: TrendPoint,
  x: number,
  fit: LinearFit | null,
  asOf: number,
): CurrentForecast {
  const { days, daysInPeriod } = periodCoverage(point.period, asOf);
  const remaining = daysInPeriod - days;
  const base = { period: point.period, toDate: point.value, daysElapsed: days, daysInPeriod };
  const flow = getMetric(id).kind === 'flow';
  if (!fit) {
    return {
      ...base,
      forecast: metricError('#N/A', 'fewer than two complete periods have a value to fit a trend'),
      method: 'no forecast: the trend line needs two complete periods with a value',
    };
  }
  const raw = fit.intercept + fit.slope * x;
  const line = bounded(id, raw);
  const cut = line !== raw ? `, cut back from ${raw.toPrecision(4)} to what ${id} can be` : '';
  if (!flow) {
    return {
      ...base,
      forecast: line,
      method: `the trend line's value for ${point.period.key}${cut} (${id} is not a sum over days, so its value to date is not pro-rated)`,
    };
  }
  if (isMetricError(point.value)) {
    return { ...base, forecast: point.value, method: `no forecast: ${id} to date is not available` };
  }
  return {
    ...base,
    forecast: point.value + (line * remaining) / daysInPeriod,
    method: `${id} to date (${days} of ${daysInPeriod} days) + the trend line's value for ${point.period.key}${cut} × ${remaining} remaining days ÷ ${daysInPeriod}`,
  };
}

/**
 * @example
 * const t = trend('revenue', { orders }, { asOf, unit: 'month', count: 24, horizon: 3 });
 * t.fit?.slope // revenue added per month, from complete months only
 * t.forecast.map((p) => p.value) // next three months on the line
 * t.current?.forecast // the as-of month's full revenue: to date + the line for the days left
 */
export function trend(id: MetricId, inputs: MetricInputs, options: TrendOptions): TrendResult {
  const count = Math.max(1, Math.floor(options.count ?? 12));
  const horizon = Math.max(0, Math.floor(options.horizon ?? 3));
  const calendar = options.calendar ?? DEFAULT_CALENDAR;
  const periods = lastPeriods(options.asOf, options.unit, count, calendar);
  const future = Array.from({ length: horizon }, (_, k) => shiftPeriod(periods[periods.length - 1], k + 1));
  const lastYear = future.map(samePeriodLastYear);
  const suite = computeSuite(inputs, [id], [...periods, ...lastYear], options);
  const series = periods.map((period, i) => ({ period, value: suite.values[i][0] }));
  const { fit, skipped, partial, current } = lineOfSeries(id, series, options.asOf);
  const forecast = fit
    ? future.map((period, k) => ({ period, value: bounded(id, fit.intercept + fit.slope * (count + k)) }))
    : [];
  // A year of history exists when some row is dated in or before the year-ago period of the first forecast.
  const seasonalNaive =
    horizon > 0 && hasDataBefore(inputs, lastYear[0].end)
      ? future.map((period, k) => ({ period, value: suite.values[periods.length + k][0] }))
      : null;
  const result = { id, series, fit, skipped, partial, forecast, seasonalNaive };
  return current ? { ...result, current } : result;
}

/**
 * The line through a series' complete periods with a value, the periods left out of it, and the
 * forecast of the period holding the as-of day while it is not over: `trend` on values computed
 * elsewhere (the SQL route's).
 * @example lineOfSeries('orders', periods.map((period, i) => ({ period, value: values[i][0] })), asOf).current?.forecast
 */
export function lineOfSeries(
  id: MetricId,
  series: readonly TrendPoint[],
  asOf: number,
): Pick<TrendResult, 'fit' | 'skipped' | 'partial' | 'current'> {
  const xs: number[] = [];
  const ys: number[] = [];
  const skipped: TrendPoint[] = [];
  const partial: TrendPoint[] = [];
  let partialAt = -1;
  series.forEach((point, i) => {
    if (periodCoverage(point.period, asOf).partial) {
      partial.push(point);
      partialAt = i;
    } else if (isMetricError(point.value)) skipped.push(point);
    else (xs.push(i), ys.push(point.value));
  });
  const fit = fitLine(xs, ys);
  if (partialAt < 0) return { fit, skipped, partial };
  return { fit, skipped, partial, current: currentForecast(id, series[partialAt], partialAt, fit, asOf) };
}

/** True when some table has a row dated before `day` (a year of history exists). */
function hasDataBefore(inputs: MetricInputs, day: number): boolean {
  const dates = [inputs.orders?.date, inputs.pipeline?.created, inputs.spend?.date];
  return dates.some((column) => column !== undefined && column.some((d) => d < day));
}
