/**
 * The quota leaderboard of a build through SQL: with quotas per rep in the targets and no pipeline
 * table, `pipelineForecast` measures each rep by the revenue of their orders in the quota's period
 * to date; here the database adds those up (`src/sql/rep-revenue.ts`) and the leaderboard is made
 * by the same `quotaLeaderboard`. The forecast by open deals needs the pipeline's deals in memory
 * and is not made on this route (a pipeline table gives no leaderboard here yet).
 */
import type { Goal } from '../core/goals';
import { quotaLeaderboard, repQuotas } from '../core/goals/quota';
import { metricError } from '../core/errors';
import type { Calendar, Period } from '../core/periods';
import { periodOf } from '../core/periods';
import type { PipelineForecast, PipelineSettings } from '../core/pipeline';
import { repKey } from '../core/pipeline';
import type { SqlEngine } from '../engines/engine';
import { repRevenueFromRows, repRevenueSql } from '../sql/rep-revenue';
import type { OrdersSource } from '../sql/source';

/** Said on the command line when a pipeline table is read: what the sheets leave out. */
export const NO_PIPELINE_FORECAST =
  'no pipeline forecast or quota leaderboard: the open deals are not read through SQL yet';

/** The team's revenue quota: the shortest business-wide revenue goal holding the as-of day. */
function teamQuota(teamGoals: readonly Goal[], day: number): Goal | undefined {
  return teamGoals
    .filter((g) => g.scope === undefined && g.metric === 'revenue')
    .filter((g) => g.period.start <= day && day < g.period.end)
    .sort((a, b) => a.period.end - a.period.start - (b.period.end - b.period.start))[0];
}

/**
 * The leaderboard of the quotas per rep as of `asOf`, from the orders in the database; undefined
 * without a quota per rep holding the day.
 * @example await sqlQuotaForecast(engine, orders, { goals, teamGoals: overallGoals(goals) }, asOf, calendar, {})
 */
export async function sqlQuotaForecast(
  engine: SqlEngine,
  orders: OrdersSource,
  quotas: { readonly goals: readonly Goal[]; readonly teamGoals: readonly Goal[] },
  asOf: number,
  calendar: Calendar,
  settings: PipelineSettings,
): Promise<PipelineForecast | undefined> {
  const day = Math.floor(asOf);
  const quotaLines = repQuotas(quotas.goals, day);
  if (quotaLines.length === 0) return undefined;
  const goal = teamQuota(quotas.teamGoals, day);
  const period = goal?.period ?? periodOf(day, 'quarter', calendar);
  const cutOf = (p: Period) => Math.min(p.end, Math.max(p.start, day + 1));
  // Revenue per rep key over each period asked (the team's, each quota's), read once per range.
  const ranges = new Map<string, Map<string, number>>();
  const byRep = new Map<string, Map<string, number>>();
  for (const p of [period, ...quotaLines.map((q) => q.period)]) {
    const [start, end] = [p.start, cutOf(p)];
    const key = `${start}|${end}`;
    if (ranges.has(key)) continue;
    const names = repRevenueFromRows(await engine.query(repRevenueSql(engine.dialect, orders, start, end)));
    ranges.set(key, names);
    const sums = new Map<string, number>();
    for (const [name, revenue] of names) sums.set(repKey(name), (sums.get(repKey(name)) ?? 0) + revenue);
    byRep.set(key, sums);
  }
  const team = ranges.get(`${period.start}|${cutOf(period)}`)!;
  const achieved = [...team.values()].reduce((sum, revenue) => sum + revenue, 0);
  const leaderboard = quotaLeaderboard({
    goals: quotas.goals,
    asOf: day,
    ...(orders.columns.rep
      ? {
          ordersRevenue: (start: number, end: number, rep: string) =>
            byRep.get(`${start}|${end}`)?.get(repKey(rep)) ?? 0,
        }
      : {}),
    reps: orders.columns.rep ? [...team.keys()].filter((name) => name !== '') : [],
    period,
  });
  return {
    asOf: day,
    period,
    ...(goal ? { quota: goal.target } : {}),
    achieved,
    achievedFrom: 'orders',
    coverage: metricError('#N/A', 'needs a pipeline table'),
    leaderboard,
    settings,
  };
}
