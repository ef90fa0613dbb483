/**
 * Quota per rep (docs/metrics.md "Quota per rep"): a rep's quota is the revenue target of the
 * Targets rows naming that rep, for the shortest period holding the as-of day (rows of one rep and
 * period, one per region, add up). Per rep, as of A:
 *
 * - actual: revenue of the rep's orders in the period to A when the orders have a rep column,
 *   else the value of the rep's won deals closed in the period to A;
 * - attainment = actual ÷ quota; pace = the share of the period's days gone by A (A included),
 *   i.e. the share of the quota expected by today; vs pace = attainment − pace;
 * - run rate = actual ÷ days gone × days in the period;
 * - forecast = actual + the rep's weighted pipeline due in the period (open deals not stale,
 *   probability × value, expected to close by the period's end); the run rate without a pipeline;
 * - coverage = the rep's open pipeline due in the period ÷ (quota − actual).
 */
import type { MetricValue } from '../errors';
import { metricError } from '../errors';
import type { Period } from '../periods';
import type { PipelineTable } from '../table';
import { pipelineCoverage, repKey, summarisePipeline, type DealTotals, type OpenPipeline } from '../pipeline';
import type { Goal } from './types';

export interface QuotaInputs {
  /** Every goal; the revenue goals scoped to a rep are the quotas. */
  readonly goals: readonly Goal[];
  readonly asOf: number;
  /** The open pipeline as of A and its table, for won deals, forecast and coverage. */
  readonly pipeline?: { readonly table: PipelineTable; readonly open: OpenPipeline };
  /**
   * Revenue of one rep's orders over [start, end), when the orders can say (a rep column);
   * omit to measure reps by their won deals.
   */
  readonly ordersRevenue?: (start: number, end: number, rep: string) => MetricValue;
  /** Reps seen in the data (orders, pipeline): those without a quota are listed too. */
  readonly reps?: readonly string[];
  /** The period of a rep without a quota (default: the period most quotas have). */
  readonly period?: Period;
}

export interface RepQuotaLine {
  /** The rep's name as the targets (or, without a quota, the data) write it. */
  readonly rep: string;
  readonly period: Period;
  /** The quota; undefined for a rep without one. */
  readonly quota?: number;
  readonly actual: MetricValue;
  readonly actualFrom: 'orders' | 'won deals';
  readonly attainment: MetricValue;
  /** Share of the period gone by A: the share of the quota expected by today. */
  readonly pace: number;
  /** Attainment − pace. */
  readonly vsPace: MetricValue;
  readonly runRate: MetricValue;
  readonly forecast: MetricValue;
  readonly forecastFrom: 'pipeline' | 'run rate';
  /** The rep's counted open deals due in the period (undefined without a pipeline). */
  readonly due?: DealTotals;
  readonly coverage: MetricValue;
  /** The rep's stale open deals. */
  readonly stale: number;
}

const noQuota = (rep: string, period: Period) =>
  metricError('#N/A', `no revenue quota for ${rep} in ${period.key}`);

/** Each rep's quota: the shortest revenue goal period holding A, its rows summed. */
export function repQuotas(
  goals: readonly Goal[],
  asOf: number,
): { rep: string; period: Period; quota: number }[] {
  const day = Math.floor(asOf);
  const best = new Map<string, { rep: string; period: Period; quota: number }>();
  const length = (p: Period) => p.end - p.start;
  for (const goal of goals) {
    const rep = goal.scope?.rep;
    if (
      goal.metric !== 'revenue' ||
      rep === undefined ||
      !(goal.period.start <= day && day < goal.period.end)
    )
      continue;
    const key = repKey(rep);
    const current = best.get(key);
    if (!current || length(goal.period) < length(current.period))
      best.set(key, { rep, period: goal.period, quota: goal.target });
    else if (current.period.key === goal.period.key)
      best.set(key, { ...current, quota: current.quota + goal.target });
  }
  return [...best.values()];
}

/** The period most quotas have (ties: the shortest), or undefined without quotas. */
function commonPeriod(quotas: readonly { period: Period }[]): Period | undefined {
  const counts = new Map<string, { period: Period; n: number }>();
  for (const { period } of quotas) {
    const c = counts.get(period.key);
    counts.set(period.key, { period, n: (c?.n ?? 0) + 1 });
  }
  return [...counts.values()].sort(
    (a, b) => b.n - a.n || a.period.end - a.period.start - (b.period.end - b.period.start),
  )[0]?.period;
}

function line(inputs: QuotaInputs, rep: string, period: Period, quota: number | undefined): RepQuotaLine {
  const day = Math.floor(inputs.asOf);
  const cut = Math.min(period.end, Math.max(period.start, day + 1));
  const days = period.end - period.start;
  const gone = cut - period.start;
  const pace = gone / days;
  const fromOrders = inputs.ordersRevenue?.(period.start, cut, rep);
  const summary = inputs.pipeline
    ? summarisePipeline(inputs.pipeline.table, inputs.pipeline.open, period, rep)
    : undefined;
  const actual: MetricValue =
    fromOrders ??
    (summary
      ? summary.closedWon.value
      : metricError('#N/A', 'needs an orders table with a rep column or a pipeline'));
  const actualFrom = fromOrders !== undefined ? 'orders' : 'won deals';
  const number = typeof actual === 'number' ? actual : undefined;
  const attainment: MetricValue =
    quota === undefined
      ? noQuota(rep, period)
      : number === undefined
        ? (actual as MetricValue)
        : quota === 0
          ? metricError('#DIV/0!', `the quota of ${rep} for ${period.key} is 0`)
          : number / quota;
  const runRate: MetricValue =
    number === undefined
      ? actual
      : gone === 0
        ? metricError('#N/A', `${period.key} has not started by the as-of day`)
        : (number / gone) * days;
  const forecast: MetricValue = summary && number !== undefined ? number + summary.due.weighted : runRate;
  return {
    rep,
    period,
    ...(quota !== undefined ? { quota } : {}),
    actual,
    actualFrom,
    attainment,
    pace,
    vsPace: typeof attainment === 'number' ? attainment - pace : attainment,
    runRate,
    forecast,
    forecastFrom: summary ? 'pipeline' : 'run rate',
    ...(summary ? { due: summary.due } : {}),
    coverage: !summary
      ? metricError('#N/A', 'needs a pipeline table')
      : number === undefined
        ? actual
        : pipelineCoverage(summary.due.value, quota, number, period.key),
    stale: summary?.stale.count ?? 0,
  };
}

/**
 * The quota leaderboard: one line per rep with a quota (best attainment first), then the reps of
 * the data without one (by name).
 * @example quotaLeaderboard({ goals, asOf, pipeline: { table, open } })[0] // { rep: 'Ayu Lestari', attainment: 0.82, pace: 0.74, … }
 */
export function quotaLeaderboard(inputs: QuotaInputs): RepQuotaLine[] {
  const quotas = repQuotas(inputs.goals, inputs.asOf);
  const withQuota = quotas.map((q) => line(inputs, q.rep, q.period, q.quota));
  withQuota.sort(
    (a, b) =>
      (typeof b.attainment === 'number' ? b.attainment : -Infinity) -
        (typeof a.attainment === 'number' ? a.attainment : -Infinity) || a.rep.localeCompare(b.rep),
  );
  const period = inputs.period ?? commonPeriod(quotas);
  if (!period) return withQuota;
  const known = new Set(quotas.map((q) => repKey(q.rep)));
  // Each rep once, as first written.
  const others = new Map<string, string>();
  for (const rep of inputs.reps ?? []) {
    const key = repKey(rep);
    if (key !== '' && !known.has(key) && !others.has(key)) others.set(key, rep.trim());
  }
  return [
    ...withQuota,
    ...[...others.values()]
      .sort((a, b) => a.localeCompare(b))
      .map((rep) => line(inputs, rep, period, undefined)),
  ];
}
