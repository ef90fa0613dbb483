/**
 * Where a running week is headed for each flow metric with a goal that week: the ETS forecaster's
 * whole-week value (to date + the forecast of the days left, with its 80 % interval) when at least
 * `MIN_ETS_PERIODS` complete weeks precede it, the run rate (to date ÷ the share of the week gone)
 * otherwise, with the status judged on it (`goalStatus`, the usual thresholds). The review's notes
 * and the task pane's *This week* both read it.
 */
import { isMetricError, type MetricValue } from '../errors';
import { goalStatus, type GoalStatus } from '../goals';
import { getMetric, type MetricId, type MetricInputs } from '../metrics';
import { periodCoverage, type Calendar, type Period } from '../periods';
import { etsOutlook, MIN_ETS_PERIODS, type SeriesSource } from './period-forecast';

/** How a week's projection was made. */
export type WeekProjectionMethod =
  | {
      readonly kind: 'ets';
      /** `ETS(A,N,N)`. */
      readonly model: string;
      /** Complete weeks fitted. */
      readonly weeks: number;
    }
  | {
      readonly kind: 'run rate';
      /** Why there is no forecast (too few complete weeks, a gap in the history…). */
      readonly reason: string;
    };

export interface WeekProjection {
  readonly id: MetricId;
  readonly goal: number;
  /** The projected whole-week value. */
  readonly value: number;
  /** The 80 % interval's ends (ETS only). */
  readonly interval?: { readonly low: number; readonly high: number };
  readonly status: GoalStatus;
  readonly method: WeekProjectionMethod;
  /** Days of the week still to come after the as-of day. */
  readonly daysLeft: number;
}

/**
 * The projection of each flow metric of `ids` with a positive goal this week, while the week runs
 * (none once it is complete or before it starts); `toDate` holds each metric's value to date.
 * @example weekProjections({ orders }, week, asOf, { revenue: 70_000 }, ['revenue'], [30_000])
 *   // [{ id: 'revenue', goal: 70_000, value: 67_200, interval: { low: 61_600, high: 72_800 }, status: 'on track', method: { kind: 'ets', … }, daysLeft: 4 }]
 */
export function weekProjections(
  inputs: MetricInputs | SeriesSource,
  week: Period,
  asOf: number,
  goals: Readonly<Partial<Record<MetricId, number>>> | undefined,
  ids: readonly MetricId[],
  toDate: readonly MetricValue[],
  calendar?: Calendar,
): WeekProjection[] {
  if (!goals) return [];
  const day = Math.floor(asOf);
  if (day < week.start || day >= week.end) return [];
  const coverage = periodCoverage(week, day);
  if (!coverage.partial) return [];
  const share = coverage.days / coverage.daysInPeriod;
  const daysLeft = coverage.daysInPeriod - coverage.days;
  const out: WeekProjection[] = [];
  ids.forEach((id, m) => {
    const goal = goals[id];
    const def = getMetric(id);
    const actual = toDate[m];
    if (goal === undefined || def.kind !== 'flow' || isMetricError(actual) || !(goal > 0)) return;
    const outlook = etsOutlook(id, inputs, { asOf: day, unit: 'week', calendar, horizon: 0, levels: [0.8] });
    if ('points' in outlook && outlook.points[0]?.partial) {
      const p = outlook.points[0];
      out.push({
        id,
        goal,
        value: p.mean,
        interval: { low: p.lower[0], high: p.upper[0] },
        status: goalStatus(p.mean, goal, def.better),
        method: { kind: 'ets', model: outlook.result.name, weeks: outlook.series.length },
        daysLeft,
      });
      return;
    }
    out.push({
      id,
      goal,
      value: actual / share,
      status: goalStatus(actual, goal * share, def.better),
      method: {
        kind: 'run rate',
        reason: 'reason' in outlook ? outlook.reason : `fewer than ${MIN_ETS_PERIODS} complete weeks`,
      },
      daysLeft,
    });
  });
  return out;
}
