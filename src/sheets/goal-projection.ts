/**
 * The weekly review's goal projection: for each flow metric with a goal this week, where the week
 * is headed — the ETS forecaster's whole-week value (to date + the forecast of the days left,
 * with its 80 % interval) when at least eight complete weeks precede it, the run rate otherwise —
 * as a share of the week's goal, with the status judged on it (`goalStatus`, the usual
 * thresholds).
 */
import type { SeriesSource } from '../core/analyses/period-forecast';
import { etsOutlook, MIN_ETS_PERIODS } from '../core/analyses/period-forecast';
import { isMetricError, type MetricValue } from '../core/errors';
import { goalStatus, projectionSentence } from '../core/goals';
import { getMetric, type MetricId, type MetricInputs } from '../core/metrics';
import { periodCoverage, type Calendar, type Period } from '../core/periods';

/**
 * One sentence per flow metric with a weekly goal, while the week runs; the weekly series come from
 * the tables, or from figures computed elsewhere (the SQL route's).
 * @example weekProjectionNotes({ orders }, week, asOf, { revenue: 70_000 }, ['revenue'], { revenue: 30_000 })
 *   // ['Revenue: projected to reach 96 % of the week's goal (interval 88–104 %), on track — ETS(A,N,N) on 40 complete weeks: revenue to date + the forecast of the 4 days left.']
 */
export function weekProjectionNotes(
  inputs: MetricInputs | SeriesSource,
  week: Period,
  asOf: number,
  goals: Readonly<Partial<Record<MetricId, number>>> | undefined,
  ids: readonly MetricId[],
  toDate: readonly MetricValue[],
  calendar?: Calendar,
): string[] {
  if (!goals) return [];
  const day = Math.floor(asOf);
  if (day < week.start || day >= week.end) return [];
  const coverage = periodCoverage(week, day);
  if (!coverage.partial) return [];
  const share = coverage.days / coverage.daysInPeriod;
  const left = coverage.daysInPeriod - coverage.days;
  const out: string[] = [];
  ids.forEach((id, m) => {
    const goal = goals[id];
    const def = getMetric(id);
    const actual = toDate[m];
    if (goal === undefined || def.kind !== 'flow' || isMetricError(actual) || !(goal > 0)) return;
    const label = def.label.en;
    const outlook = etsOutlook(id, inputs, { asOf: day, unit: 'week', calendar, horizon: 0, levels: [0.8] });
    if ('points' in outlook && outlook.points[0]?.partial) {
      const p = outlook.points[0];
      const status = goalStatus(p.mean, goal, def.better);
      out.push(
        `${label}: ${projectionSentence(p.mean, goal, { low: p.lower[0], high: p.upper[0] }).replace('of target', "of the week's goal")}, ${status} — ${outlook.result.name} on ${outlook.series.length} complete weeks: ${id === 'revenue' ? 'revenue' : label.toLowerCase()} to date + the forecast of the ${left === 1 ? 'day' : `${left} days`} left.`,
      );
      return;
    }
    const runRate = actual / share;
    const status = goalStatus(actual, goal * share, def.better);
    const why = 'reason' in outlook ? outlook.reason : `fewer than ${MIN_ETS_PERIODS} complete weeks`;
    out.push(
      `${label}: ${projectionSentence(runRate, goal).replace('of target', "of the week's goal")} at the run rate, ${status} (${why}).`,
    );
  });
  return out;
}
