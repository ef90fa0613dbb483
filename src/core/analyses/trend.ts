/**
 * Trend of one metric: the last N periods, an ordinary-least-squares line through them, a linear
 * forecast of the next k periods, and a seasonal-naive forecast (the same period a year earlier)
 * when a year of history exists. Periods whose value is an error are left out of the fit and
 * listed, so the caller can say so.
 */
import type { MetricValue } from '../errors';
import { isMetricError } from '../errors';
import type { Period, PeriodUnit } from '../periods';
import { DEFAULT_CALENDAR, lastPeriods, samePeriodLastYear, shiftPeriod } from '../periods';
import { computeSuite } from '../metrics';
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

export interface TrendResult {
  readonly id: MetricId;
  readonly series: readonly TrendPoint[];
  /** Null when fewer than two periods have a value. */
  readonly fit: LinearFit | null;
  /** Periods left out of the fit, with their error. */
  readonly skipped: readonly TrendPoint[];
  readonly forecast: readonly TrendPoint[];
  /** Null when the year before the forecast periods is not covered by data. */
  readonly seasonalNaive: readonly TrendPoint[] | null;
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

/**
 * @example
 * const t = trend('revenue', { orders }, { asOf, unit: 'month', count: 24, horizon: 3 });
 * t.fit?.slope // revenue added per month
 * t.forecast.map((p) => p.value) // next three months on the line
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
  const xs: number[] = [];
  const ys: number[] = [];
  const skipped: TrendPoint[] = [];
  series.forEach((point, i) => {
    if (isMetricError(point.value)) skipped.push(point);
    else (xs.push(i), ys.push(point.value));
  });
  const fit = fitLine(xs, ys);
  const forecast = fit
    ? future.map((period, k) => ({ period, value: fit.intercept + fit.slope * (count + k) }))
    : [];
  // A year of history exists when some row is dated in or before the year-ago period of the first forecast.
  const seasonalNaive =
    horizon > 0 && hasDataBefore(inputs, lastYear[0].end)
      ? future.map((period, k) => ({ period, value: suite.values[periods.length + k][0] }))
      : null;
  return { id, series, fit, skipped, forecast, seasonalNaive };
}

/** True when some table has a row dated before `day` (a year of history exists). */
function hasDataBefore(inputs: MetricInputs, day: number): boolean {
  const dates = [inputs.orders?.date, inputs.pipeline?.created, inputs.spend?.date];
  return dates.some((column) => column !== undefined && column.some((d) => d < day));
}
