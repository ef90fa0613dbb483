/**
 * The full value of the period holding the as-of day, while it is not over, from the ETS
 * forecaster: the actual to date plus the share of the days left of the period's forecast. The
 * series is the metric's complete periods before it (at most 60, from the first period the data
 * cover whole), so five days of December never count as a month.
 */
import { isMetricError, type MetricValue } from '../errors';
import {
  backtest,
  forecastSeries,
  modelWords,
  seasonLengthOf,
  type BacktestResult,
  type ForecastResult,
} from '../forecast';
import { computeSuite, getMetric, type MetricId, type MetricInputs } from '../metrics';
import {
  DEFAULT_CALENDAR,
  lastPeriods,
  periodCoverage,
  shiftPeriod,
  type Calendar,
  type Period,
  type PeriodUnit,
} from '../periods';
import { possibleRange } from './trend';

/** Complete periods the forecaster sees at most, and at least for an ETS forecast. */
const MAX_PERIODS = 60;
export const MIN_ETS_PERIODS = 8;

export interface EtsPeriodForecast {
  readonly period: Period;
  readonly toDate: number;
  readonly daysElapsed: number;
  readonly daysInPeriod: number;
  /** The whole period's value: to date + the forecast × days left ÷ days in the period. */
  readonly forecast: number;
  /** The same with the forecast's 80 % interval in place of its mean. */
  readonly low: number;
  readonly high: number;
  /** `ETS(M,A,N)`. */
  readonly model: string;
  /** Complete periods fitted. */
  readonly fitted: number;
  readonly method: string;
}

/**
 * The ETS forecast of a flow metric's as-of period, or null when the period is over, the metric
 * is not a flow, or fewer than `MIN_ETS_PERIODS` complete periods precede it.
 * @example etsPeriodForecast('revenue', { orders }, { asOf, unit: 'month' })?.forecast // all of December
 */
export function etsPeriodForecast(
  id: MetricId,
  inputs: MetricInputs,
  options: { readonly asOf: number; readonly unit: PeriodUnit; readonly calendar?: Calendar },
): EtsPeriodForecast | null {
  if (getMetric(id).kind !== 'flow') return null;
  const calendar = options.calendar ?? DEFAULT_CALENDAR;
  const periods = lastPeriods(options.asOf, options.unit, MAX_PERIODS + 1, calendar);
  const current = periods[periods.length - 1];
  const coverage = periodCoverage(current, options.asOf);
  if (!coverage.partial) return null;
  const first = firstDay(inputs);
  if (first === undefined) return null;
  const history = periods.slice(0, -1).filter((p) => p.start >= first);
  if (history.length < MIN_ETS_PERIODS) return null;
  const suite = computeSuite(inputs, [id], [...history, current], { asOf: options.asOf, calendar });
  const values: MetricValue[] = suite.values.map((row) => row[0]);
  if (values.some(isMetricError)) return null;
  const series = values.slice(0, -1) as number[];
  const toDate = values[values.length - 1] as number;
  const result = forecastSeries(series, { unit: options.unit, horizon: 1, levels: [0.8] });
  if (isMetricError(result)) return null;
  const [low, high] = possibleRange(id);
  const cut = (v: number) => Math.min(high, Math.max(low, v));
  const point = result.forecast[0];
  const left = (coverage.daysInPeriod - coverage.days) / coverage.daysInPeriod;
  const whole = (v: number) => toDate + cut(v) * left;
  return {
    period: current,
    toDate,
    daysElapsed: coverage.days,
    daysInPeriod: coverage.daysInPeriod,
    forecast: whole(point.mean),
    low: whole(point.lower[0]),
    high: whole(point.upper[0]),
    model: result.name,
    fitted: series.length,
    method: `${id} to date (${coverage.days} of ${coverage.daysInPeriod} days) + the ${result.name} forecast of ${current.key} (fitted on ${series.length} complete ${options.unit}s, model with the smallest AICc) × ${coverage.daysInPeriod - coverage.days} remaining days ÷ ${coverage.daysInPeriod}`,
  };
}

/** The first day of the data's table the metric reads (orders, pipeline or spend). */
export function firstDay(inputs: MetricInputs): number | undefined {
  const dates = inputs.orders?.date ?? inputs.pipeline?.created ?? inputs.spend?.date;
  if (!dates || dates.length === 0) return undefined;
  let first = Infinity;
  for (let i = 0; i < dates.length; i++) if (dates[i] < first) first = dates[i];
  return Number.isFinite(first) ? Math.floor(first) : undefined;
}

/**
 * Where an outlook reads its series: the first day of the data and the metric per period. The
 * engine's tables by default; results computed elsewhere (a database) give the same outlook.
 */
export interface SeriesSource {
  readonly firstDay: number | undefined;
  suite(
    ids: readonly MetricId[],
    periods: readonly Period[],
    options: { asOf: number; calendar: Calendar },
  ): MetricValue[][];
}

/** The engine's tables as a series source. */
export function seriesSourceOf(inputs: MetricInputs): SeriesSource {
  return {
    firstDay: firstDay(inputs),
    suite: (ids, periods, options) => computeSuite(inputs, ids, periods, options).values,
  };
}

/** One period of an outlook: the forecast with its interval at each level. */
export interface OutlookPoint {
  readonly period: Period;
  readonly mean: number;
  /** lower[i], upper[i]: the interval at levels[i]. */
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  /** The as-of period, not over: to date + the forecast of the days left (as the KPI FC). */
  readonly partial: boolean;
}

export interface EtsOutlook {
  readonly id: MetricId;
  readonly unit: PeriodUnit;
  readonly levels: readonly number[];
  /** The complete periods fitted, oldest first. */
  readonly series: readonly { readonly period: Period; readonly value: number }[];
  /** The as-of period while it is not over, with its value to date. */
  readonly current: {
    readonly period: Period;
    readonly toDate: number;
    readonly daysElapsed: number;
    readonly daysInPeriod: number;
  } | null;
  readonly result: ForecastResult;
  /** The as-of period (when not over), then `horizon` periods after it. */
  readonly points: readonly OutlookPoint[];
  /** `damped trend, multiplicative season of 12, multiplicative errors`. */
  readonly words: string;
  /** Rolling-origin backtest of the same choice against seasonal naive and a line, when asked for. */
  readonly backtest: BacktestResult | null;
}

/**
 * The ETS outlook of a flow metric from the as-of day: the as-of period's whole value while it is
 * not over (to date + the forecast × the days left, as the KPI FC) and the `horizon` periods
 * after it, with intervals at `levels`; the model in words; and, when `backtest` is set, the
 * rolling-origin backtest (`backtestHorizon` steps, default `horizon`). A reason instead when
 * the metric is not a flow, a value is missing, or fewer than `MIN_ETS_PERIODS` complete periods
 * (from the first one the data cover whole) precede the as-of day.
 * @example etsOutlook('revenue', { orders }, { asOf, unit: 'month', horizon: 3, backtest: true })
 */
export function etsOutlook(
  id: MetricId,
  inputs: MetricInputs | SeriesSource,
  options: {
    readonly asOf: number;
    readonly unit: PeriodUnit;
    readonly calendar?: Calendar;
    readonly horizon: number;
    readonly levels?: readonly number[];
    readonly backtest?: boolean;
    readonly backtestHorizon?: number;
  },
): EtsOutlook | { readonly reason: string } {
  if (getMetric(id).kind !== 'flow') return { reason: `${id} is not a flow` };
  const calendar = options.calendar ?? DEFAULT_CALENDAR;
  const unit = options.unit;
  const asOf = Math.floor(options.asOf);
  const periods = lastPeriods(asOf, unit, MAX_PERIODS + 1, calendar);
  const last = periods[periods.length - 1];
  const coverage = periodCoverage(last, asOf);
  const source = 'suite' in inputs ? inputs : seriesSourceOf(inputs);
  const first = source.firstDay;
  if (first === undefined) return { reason: 'there are no dated rows' };
  const history = (coverage.partial ? periods.slice(0, -1) : periods.slice(1)).filter(
    (p) => p.start >= first,
  );
  if (history.length < MIN_ETS_PERIODS)
    return {
      reason: `${history.length} complete ${unit}s of history, ${MIN_ETS_PERIODS} needed for a forecast`,
    };
  const all = coverage.partial ? [...history, last] : history;
  const values: MetricValue[] = source.suite([id], all, { asOf, calendar }).map((row) => row[0]);
  const bad = values.findIndex(isMetricError);
  if (bad >= 0)
    return { reason: `${all[bad].label} has no ${id}: ${(values[bad] as { reason: string }).reason}` };
  const series = history.map((period, i) => ({ period, value: values[i] as number }));
  const levels = options.levels ?? [0.8, 0.95];
  const steps = (coverage.partial ? 1 : 0) + options.horizon;
  const result = forecastSeries(
    series.map((p) => p.value),
    { unit, horizon: steps, levels },
  );
  if (isMetricError(result)) return { reason: result.reason };
  const [low, high] = possibleRange(id);
  const cut = (v: number) => Math.min(high, Math.max(low, v));
  const toDate = coverage.partial ? (values[values.length - 1] as number) : 0;
  const left = coverage.partial ? (coverage.daysInPeriod - coverage.days) / coverage.daysInPeriod : 1;
  const points: OutlookPoint[] = result.forecast.map((point, k) => {
    const partial = coverage.partial && k === 0;
    const value = (v: number) => (partial ? toDate + cut(v) * left : cut(v));
    return {
      period: coverage.partial ? shiftPeriod(last, k) : shiftPeriod(last, k + 1),
      mean: value(point.mean),
      lower: point.lower.map(value),
      upper: point.upper.map(value),
      partial,
    };
  });
  const test = options.backtest
    ? backtest(
        series.map((p) => p.value),
        {
          horizon: options.backtestHorizon ?? Math.max(1, options.horizon),
          seasonLength: seasonLengthOf(unit),
        },
      )
    : null;
  return {
    id,
    unit,
    levels,
    series,
    current: coverage.partial
      ? { period: last, toDate, daysElapsed: coverage.days, daysInPeriod: coverage.daysInPeriod }
      : null,
    result,
    points,
    words: modelWords(result.model.spec, result.model.seasonLength),
    backtest: test,
  };
}
