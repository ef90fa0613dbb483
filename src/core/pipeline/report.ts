/**
 * The pipeline forecast and the quota leaderboard of a refresh: the open pipeline as of the as-of
 * day with the settings, the team's quota period and its coverage, and one line
 * per rep (docs/metrics.md "Pipeline forecast and quota").
 */
import type { MetricValue } from '../errors';
import { metricError } from '../errors';
import type { Goal } from '../goals/types';
import { quotaLeaderboard, repQuotas, type RepQuotaLine } from '../goals/quota';
import type { MetricInputs } from '../metrics/inputs';
import type { Calendar, Period } from '../periods';
import { periodOf } from '../periods';
import type { OrdersTable } from '../table';
import { dictValue } from '../table';
import { openPipeline, type OpenPipeline, type PipelineSettings } from './open-deals';
import { pipelineCoverage, repKey, summarisePipeline, type PipelineSummary } from './summary';

export interface PipelineForecast {
  readonly asOf: number;
  /** The open deals as of A; undefined without a pipeline table (quotas from the orders alone). */
  readonly open?: OpenPipeline;
  /** The team's quota period: the shortest business-wide revenue goal holding A, else A's quarter. */
  readonly period: Period;
  readonly team?: PipelineSummary;
  /** The team's revenue quota for the period (undefined without a revenue target). */
  readonly quota?: number;
  /** Revenue to date in the period: the orders' revenue, else the won deals'. */
  readonly achieved: number;
  readonly achievedFrom: 'orders' | 'won deals';
  /** Due pipeline ÷ (quota − achieved), or why not. */
  readonly coverage: MetricValue;
  readonly leaderboard: readonly RepQuotaLine[];
  readonly settings: PipelineSettings;
}

/**
 * The orders' revenue as the forecast reads it: added up from the orders in memory
 * (`ordersRevenueOf`), or where the orders are (a database).
 */
export interface OrdersRevenue {
  /** Σ amount of the orders dated in [start, end). */
  readonly total: (start: number, end: number) => number;
  /**
   * Σ amount of the orders dated in [start, end) per rep key (`repKey`); absent when the orders
   * have no rep column.
   */
  readonly byRep?: (start: number, end: number) => ReadonlyMap<string, number>;
  /** The reps' names, as written, of the orders dated in [start, end) (repeats allowed). */
  readonly reps: (start: number, end: number) => Iterable<string>;
}

/** Σ amount of the orders dated in [start, end), per rep (trimmed, case-insensitive). */
function revenueByRep(orders: OrdersTable, start: number, end: number): Map<string, number> {
  const out = new Map<string, number>();
  const rep = orders.dimensions.rep;
  if (!rep) return out;
  for (let i = 0; i < orders.length; i++) {
    const d = Math.floor(orders.date[i]);
    if (!(d >= start && d < end)) continue;
    const key = repKey(dictValue(rep, i));
    out.set(key, (out.get(key) ?? 0) + orders.amount[i]);
  }
  return out;
}

function revenueBetween(orders: OrdersTable, start: number, end: number): number {
  let sum = 0;
  for (let i = 0; i < orders.length; i++) {
    const d = Math.floor(orders.date[i]);
    if (d >= start && d < end) sum += orders.amount[i];
  }
  return sum;
}

function* repsBetween(orders: OrdersTable, start: number, end: number): Iterable<string> {
  const rep = orders.dimensions.rep;
  if (!rep) return;
  for (let i = 0; i < orders.length; i++) {
    const d = Math.floor(orders.date[i]);
    const name = d >= start && d < end ? dictValue(rep, i) : undefined;
    if (name) yield name;
  }
}

/**
 * The revenue of an orders table in memory, as `pipelineForecast` reads it by default.
 * @example ordersRevenueOf(orders).total(q4.start, asOf + 1) // 182400
 */
export function ordersRevenueOf(orders: OrdersTable): OrdersRevenue {
  return {
    total: (start, end) => revenueBetween(orders, start, end),
    ...(orders.dimensions.rep !== undefined
      ? { byRep: (start: number, end: number) => revenueByRep(orders, start, end) }
      : {}),
    reps: (start, end) => repsBetween(orders, start, end),
  };
}

/** The team's revenue quota: the shortest business-wide revenue goal holding the as-of day. */
export function teamQuota(goals: readonly Goal[], asOf: number): Goal | undefined {
  return goals
    .filter((g) => g.scope === undefined)
    .filter((g) => g.metric === 'revenue' && g.period.start <= asOf && asOf < g.period.end)
    .sort((a, b) => a.period.end - a.period.start - (b.period.end - b.period.start))[0];
}

/**
 * The forecast of a refresh, or undefined when there is neither a pipeline table nor a quota per
 * rep (with quotas and no pipeline: the leaderboard from the orders, without forecast by deals). `goals` are every goal (the
 * rep-scoped revenue goals are the quotas); `teamGoals` the business-wide ones (regional goals
 * summed where no unscoped one exists), whose revenue goal is the team's quota. `revenue` is the
 * orders' revenue, by default added up from `inputs.orders` (without orders: the won deals').
 * @example pipelineForecast(inputs, { goals, teamGoals: overallGoals(goals) }, asOf, calendar)?.coverage // 2.4
 */
export function pipelineForecast(
  inputs: MetricInputs,
  quotas: { readonly goals: readonly Goal[]; readonly teamGoals: readonly Goal[] },
  asOf: number,
  calendar: Calendar,
  settings: PipelineSettings = {},
  revenue: OrdersRevenue | undefined = inputs.orders ? ordersRevenueOf(inputs.orders) : undefined,
): PipelineForecast | undefined {
  const table = inputs.pipeline;
  const goals = quotas.goals;
  const day = Math.floor(asOf);
  if (!table && repQuotas(goals, day).length === 0) return undefined;
  const open = table ? openPipeline(table, day, settings) : undefined;
  const goal = teamQuota(quotas.teamGoals, day);
  const period = goal?.period ?? periodOf(day, 'quarter', calendar);
  const team = table && open ? summarisePipeline(table, open, period) : undefined;
  const cut = Math.min(period.end, day + 1);
  const achieved = revenue ? revenue.total(period.start, cut) : (team?.closedWon.value ?? 0);
  const byRep = new Map<string, ReadonlyMap<string, number>>();
  const sumsOf = revenue?.byRep;
  const ordersRevenue = sumsOf
    ? (start: number, end: number, rep: string) => {
        const key = `${start}|${end}`;
        let sums = byRep.get(key);
        if (!sums) byRep.set(key, (sums = sumsOf(start, end)));
        return sums.get(repKey(rep)) ?? 0;
      }
    : undefined;
  // Reps active in the period: an open deal, or an order in the period to date.
  const reps = new Set<string>();
  for (const deal of open?.deals ?? []) if (deal.rep) reps.add(deal.rep);
  for (const name of revenue?.reps(period.start, cut) ?? []) reps.add(name);
  const leaderboard = quotaLeaderboard({
    goals,
    asOf: day,
    ...(table && open ? { pipeline: { table, open } } : {}),
    ...(ordersRevenue ? { ordersRevenue } : {}),
    reps: [...reps],
    period,
  });
  return {
    asOf: day,
    ...(open && team ? { open, team } : {}),
    period,
    ...(goal ? { quota: goal.target } : {}),
    achieved,
    achievedFrom: revenue ? 'orders' : 'won deals',
    coverage: team
      ? pipelineCoverage(team.due.value, goal?.target, achieved, period.key)
      : metricError('#N/A', 'needs a pipeline table'),
    leaderboard,
    settings,
  };
}
