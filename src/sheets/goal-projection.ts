/**
 * The weekly review's goal projection notes: for each flow metric with a goal this week, where the
 * week is headed (`weekProjections`: ETS when eight complete weeks precede it, else the run rate)
 * as a share of the week's goal, with the status judged on it, in one sentence.
 */
import type { SeriesSource } from '../core/analyses/period-forecast';
import { weekProjections } from '../core/analyses/week-projection';
import type { MetricValue } from '../core/errors';
import { projectionSentence } from '../core/goals';
import { getMetric, type MetricId, type MetricInputs } from '../core/metrics';
import type { Calendar, Period } from '../core/periods';

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
  return weekProjections(inputs, week, asOf, goals, ids, toDate, calendar).map((p) => {
    const label = getMetric(p.id).label.en;
    const reach = projectionSentence(p.value, p.goal, p.interval).replace('of target', "of the week's goal");
    if (p.method.kind === 'ets') {
      const left = p.daysLeft === 1 ? 'day' : `${p.daysLeft} days`;
      return `${label}: ${reach}, ${p.status} — ${p.method.model} on ${p.method.weeks} complete weeks: ${p.id === 'revenue' ? 'revenue' : label.toLowerCase()} to date + the forecast of the ${left} left.`;
    }
    return `${label}: ${reach} at the run rate, ${p.status} (${p.method.reason}).`;
  });
}
