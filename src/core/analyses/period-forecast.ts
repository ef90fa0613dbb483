/**
 * The full value of the period holding the as-of day, while it is not over, from the ETS
 * forecaster: the actual to date plus the share of the days left of the period's forecast. The
 * series is the metric's complete periods before it (at most 60, from the first period the data
 * cover whole), so five days of December never count as a month.
 */
import { isMetricError, type MetricValue } from '../errors';
import { forecastSeries } from '../forecast';
import { computeSuite, getMetric, type MetricId, type MetricInputs } from '../metrics';
import {
  DEFAULT_CALENDAR,
  lastPeriods,
  periodCoverage,
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
function firstDay(inputs: MetricInputs): number | undefined {
  const dates = inputs.orders?.date ?? inputs.pipeline?.created ?? inputs.spend?.date;
  if (!dates || dates.length === 0) return undefined;
  let first = Infinity;
  for (let i = 0; i < dates.length; i++) if (dates[i] < first) first = dates[i];
  return Number.isFinite(first) ? Math.floor(first) : undefined;
}
