/**
 * A goal's projected end-of-period value, the one its status is judged on.
 *
 * Flow goals (revenue, orders…) are projected by the ETS forecaster when the data hold at least
 * `MIN_ETS_PERIODS` complete periods of the goal's unit before the goal's period, counted from
 * the first period the data cover whole (as the dashboard's FC): the actual to date + the
 * forecast of the whole period × days remaining ÷ days in the period, with the forecast's 80 %
 * prediction interval put through the same sum. The period holding the as-of day is never fitted.
 * Everything else (shorter histories, rates, stocks, metrics paced along last period's curve) is
 * projected at the run rate, and the note says which.
 */
import type { MetricValue } from '../errors';
import { isMetricError } from '../errors';
import { forecastSeries } from '../forecast/forecast';
import type { Period } from '../periods';
import { previousPeriod } from '../periods';
import type { Evaluate, GoalScope, MetricTraits } from './types';
import { periodWindow } from './windows';

/** Complete periods the ETS projection needs at least, and fits at most. */
export const MIN_ETS_PERIODS = 8;
const MAX_ETS_PERIODS = 60;
/** Level of the projection's interval. */
export const PROJECTION_LEVEL = 0.8;

/** What the ETS projection needs beyond the goal: where the data begin. */
export interface ProjectionHistory {
  /** The first epoch day of the data the metric reads; periods starting before it are left out. */
  readonly firstDay: number;
}

export interface EtsGoalProjection {
  /** Actual to date + the whole period's forecast × days remaining ÷ days. */
  readonly value: number;
  /** The same with the 80 % interval's ends in place of the forecast. */
  readonly low: number;
  readonly high: number;
  readonly level: number;
  /** `ETS(M,A,M)`. */
  readonly model: string;
  /** Complete periods fitted. */
  readonly fitted: number;
}

/** The complete periods before `period` the data cover whole, oldest first (at most 60). */
export function historyPeriods(period: Period, firstDay: number): Period[] {
  const out: Period[] = [];
  let p = previousPeriod(period);
  while (out.length < MAX_ETS_PERIODS && p.start >= firstDay) {
    out.push(p);
    p = previousPeriod(p);
  }
  return out.reverse();
}

/**
 * The ETS projection of a flow goal, or the reason there is none.
 * @example etsGoalProjection(goal.period, traits, evaluate, actual, 21, 31, { firstDay })
 *   // { value: 412_000, low: 380_000, high: 441_000, model: 'ETS(M,N,M)', fitted: 36, level: 0.8 }
 */
export function etsGoalProjection(
  period: Period,
  traits: MetricTraits,
  evaluate: Evaluate,
  actual: number,
  daysRemaining: number,
  scope: GoalScope | undefined,
  history: ProjectionHistory | undefined,
): EtsGoalProjection | { readonly reason: string } {
  if (traits.kind !== 'flow' || traits.pace)
    return { reason: `${traits.id} is not a flow: projected at the run rate` };
  if (!history) return { reason: 'no history given: projected at the run rate' };
  const periods = historyPeriods(period, Math.floor(history.firstDay));
  const unit = period.unit;
  if (periods.length < MIN_ETS_PERIODS)
    return {
      reason: `${periods.length} complete ${unit}s of history, ${MIN_ETS_PERIODS} needed for a forecast: projected at the run rate`,
    };
  const values: MetricValue[] = periods.map((p) => evaluate(periodWindow(p), scope));
  const bad = values.findIndex((v) => isMetricError(v) || !Number.isFinite(v));
  if (bad >= 0) return { reason: `${periods[bad].label} has no ${traits.id}: projected at the run rate` };
  const series = values as number[];
  const result = forecastSeries(series, { unit, horizon: 1, levels: [PROJECTION_LEVEL] });
  if (isMetricError(result)) return { reason: `${result.reason}: projected at the run rate` };
  const floor = series.every((v) => v >= 0) ? 0 : -Infinity;
  const days = period.end - period.start;
  const whole = (v: number) => actual + (Math.max(floor, v) * daysRemaining) / days;
  const point = result.forecast[0];
  return {
    value: whole(point.mean),
    low: whole(point.lower[0]),
    high: whole(point.upper[0]),
    level: PROJECTION_LEVEL,
    model: result.name,
    fitted: series.length,
  };
}

/**
 * "96 %" of a ratio, whole percent.
 * @example percentOf(0.957) // '96 %'
 */
export function percentText(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}

/**
 * The status sentence: "projected to reach 96 % of target (interval 88–104 %)".
 * @example projectionSentence(96, 100, { low: 88, high: 104 }) // 'projected to reach 96 % of target (interval 88–104 %)'
 */
export function projectionSentence(
  value: MetricValue,
  target: number,
  interval?: { readonly low: number; readonly high: number },
): string {
  if (isMetricError(value)) return `no projection: ${value.reason}`;
  if (!(target !== 0 && Number.isFinite(target))) return 'no projection against a target of 0';
  const reach = `projected to reach ${percentText(value / target)} of target`;
  if (!interval) return reach;
  const low = Math.round((interval.low / target) * 100);
  const high = Math.round((interval.high / target) * 100);
  return `${reach} (interval ${Math.min(low, high)}–${Math.max(low, high)} %)`;
}
