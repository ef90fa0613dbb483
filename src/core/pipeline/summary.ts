/**
 * The pipeline forecast of a period as of a day: weighted pipeline, the open pipeline by forecast
 * category, what is due in the period, the stale deals, the deals won in the period, and coverage
 * of the remaining quota (docs/metrics.md "Pipeline forecast and quota").
 */
import type { MetricValue } from '../errors';
import { metricError } from '../errors';
import { formatDay } from '../periods';
import type { PipelineTable } from '../table';
import { STATUS_CODE } from '../table';
import { isCounted, type OpenDeal, type OpenPipeline } from './open-deals';
import { OPEN_CATEGORIES, type OpenCategory } from './stages';

/** Counts and sums over a set of open deals. */
export interface DealTotals {
  readonly count: number;
  /** Σ value (deals without a value add nothing). */
  readonly value: number;
  /** Σ probability × value (deals without a probability or value add nothing). */
  readonly weighted: number;
  /** Deals of the set without a value. */
  readonly withoutValue: number;
  /** Deals of the set with a value but no probability. */
  readonly withoutProbability: number;
}

export interface PeriodWindow {
  readonly start: number;
  readonly end: number;
  /** How the period is named in reasons (`2026-Q4`). */
  readonly key: string;
}

export interface PipelineSummary {
  readonly period: PeriodWindow;
  /** Every open deal, stale ones included. */
  readonly open: DealTotals;
  readonly stale: DealTotals;
  /** The deals the forecast counts: the open ones less the stale (unless they are included). */
  readonly counted: DealTotals;
  /** The counted deals by forecast category; they add up to `counted`. */
  readonly byCategory: Readonly<Record<OpenCategory, DealTotals>>;
  /** Counted deals expected to close in the period (from the as-of day to its end). */
  readonly due: DealTotals;
  /** Won deals closed in the period up to the as-of day (the closed category). */
  readonly closedWon: { readonly count: number; readonly value: number };
}

/**
 * Totals over deals.
 * @example dealTotals([{ value: 1000, probability: 0.4 }, { value: 500, probability: NaN }]) // count 2, value 1500, weighted 400, withoutProbability 1
 */
export function dealTotals(deals: readonly Pick<OpenDeal, 'value' | 'probability'>[]): DealTotals {
  let value = 0;
  let weighted = 0;
  let withoutValue = 0;
  let withoutProbability = 0;
  for (const deal of deals) {
    if (deal.value !== deal.value) {
      withoutValue++;
      continue;
    }
    value += deal.value;
    if (deal.probability === deal.probability) weighted += deal.probability * deal.value;
    else withoutProbability++;
  }
  return { count: deals.length, value, weighted, withoutValue, withoutProbability };
}

/** Rep names compare trimmed and case-insensitively (`Ayu Lestari` = `ayu lestari `). */
export function repKey(name: string | undefined): string {
  return (name ?? '').trim().toLowerCase();
}

/**
 * Won deals closed in [start, min(end, A + 1)), optionally of one rep: count and Σ value.
 * @example wonInWindow(pipeline, { start, end, key: '2026-Q4' }, asOf).value // 182400
 */
export function wonInWindow(
  table: PipelineTable,
  period: PeriodWindow,
  asOf: number,
  rep?: string,
): { count: number; value: number } {
  const asOfDay = Math.floor(asOf);
  const end = Math.min(period.end, asOfDay + 1);
  // The rep's dictionary codes, found once: comparing codes per row spares a string per row.
  const wanted = rep === undefined ? undefined : repKey(rep);
  const codes =
    wanted === undefined || !table.rep
      ? undefined
      : new Set(table.rep.dictionary.flatMap((name, code) => (repKey(name) === wanted ? [code] : [])));
  if (wanted !== undefined && !codes) return { count: 0, value: 0 };
  let count = 0;
  let value = 0;
  for (let i = 0; i < table.length; i++) {
    if (table.status[i] !== STATUS_CODE.won) continue;
    const d = Math.floor(table.closed[i]);
    // As the pipeline metrics count a won deal: created by the as-of day, closed in the window.
    if (!(d >= period.start && d < end) || !(Math.floor(table.created[i]) <= asOfDay)) continue;
    if (codes && !codes.has(table.rep!.codes[i])) continue;
    count++;
    const v = table.value ? table.value[i] : NaN;
    if (v === v) value += v;
  }
  return { count, value };
}

const BY_REP = new WeakMap<OpenPipeline, Map<string, OpenDeal[]>>();

/** The open deals grouped by rep key, once per open pipeline (a leaderboard asks for every rep). */
function dealsByRep(open: OpenPipeline): Map<string, OpenDeal[]> {
  let groups = BY_REP.get(open);
  if (!groups) {
    groups = new Map();
    for (const deal of open.deals) {
      const key = repKey(deal.rep);
      const list = groups.get(key);
      if (list) list.push(deal);
      else groups.set(key, [deal]);
    }
    BY_REP.set(open, groups);
  }
  return groups;
}

/**
 * The pipeline forecast of `period` as of the open pipeline's day, for every deal or one rep's.
 * @example summarisePipeline(table, openPipeline(table, asOf), { start, end, key: '2026-Q4' }).due.value
 */
export function summarisePipeline(
  table: PipelineTable,
  open: OpenPipeline,
  period: PeriodWindow,
  rep?: string,
): PipelineSummary {
  const deals = rep === undefined ? open.deals : (dealsByRep(open).get(repKey(rep)) ?? []);
  const counted = deals.filter((d) => isCounted(open, d));
  const byCategory = Object.fromEntries(
    OPEN_CATEGORIES.map((c) => [c, dealTotals(counted.filter((d) => d.category === c))]),
  ) as Record<OpenCategory, DealTotals>;
  const due = counted.filter((d) => d.expectedClose >= period.start && d.expectedClose < period.end);
  return {
    period,
    open: dealTotals(deals),
    stale: dealTotals(deals.filter((d) => d.stale)),
    counted: dealTotals(counted),
    byCategory,
    due: dealTotals(due),
    closedWon: wonInWindow(table, period, open.asOf, rep),
  };
}

/**
 * Pipeline coverage: the open pipeline due in the period ÷ the quota still to reach (the quota
 * less what is achieved to date). An error value says why there is none: no quota, or nothing
 * left to cover.
 * @example pipelineCoverage(300000, 500000, 400000, '2026-Q4') // 3
 * @example pipelineCoverage(300000, undefined, 400000, '2026-Q4') // #N/A "no revenue target for 2026-Q4"
 */
export function pipelineCoverage(
  due: number,
  quota: number | undefined,
  achieved: number,
  periodKey: string,
): MetricValue {
  if (quota === undefined || !Number.isFinite(quota))
    return metricError('#N/A', `no revenue target for ${periodKey}: coverage needs a quota`);
  const remaining = quota - achieved;
  if (remaining === 0)
    return metricError('#DIV/0!', `the quota of ${periodKey} is met exactly: nothing remains to cover`);
  if (remaining < 0)
    return metricError(
      '#N/A',
      `the quota of ${periodKey} is exceeded by ${Math.round(-remaining).toLocaleString('en-US')}: nothing remains to cover`,
    );
  return due / remaining;
}

/** The open pipeline's rules in words, for notes beside the figures. */
export function pipelineRulesNote(open: OpenPipeline): string {
  const cycle =
    open.medianCycleDays === null
      ? 'no won deal has closed yet, so no deal is stale and open deals without an expected close date have none'
      : `median sales cycle ${open.medianCycleDays} days (${open.wonDeals.toLocaleString('en-US')} won deals closed by ${formatDay(open.asOf)}); stale = open more than ${open.staleMultiple} × ${open.medianCycleDays} = ${open.staleAfterDays} days`;
  const stale = open.includeStale
    ? 'stale deals are counted'
    : 'stale deals are left out of the forecast figures';
  return `${cycle}; ${stale}.`;
}
