/**
 * Pipeline metrics over contiguous windows, in one pass over the opportunities.
 *
 * Choices (stated in docs/metrics.md):
 * - Opportunities created after the as-of day are ignored; one closed after the as-of day is
 *   still open as of that day (its outcome was not known yet).
 * - A won or lost opportunity without a close date counts as won/lost for conversion_rate but
 *   belongs to no "closed in P" window, and is not open.
 * - Open at the end of P: created before the end (capped at the as-of day) and not closed before it.
 * - Lead conversion is a cohort rule: of the leads created in P that are old enough to have
 *   closed, the share won as of the as-of day. "Old enough" = created at least M days before the
 *   as-of day, where M is the 90th percentile (nearest rank) of the whole days from creation to
 *   close of every opportunity closed (won or lost) to date, over the whole pipeline (also for a
 *   part of it). Without any closed opportunity to measure M, every lead counts.
 */
import type { MetricValue } from '../errors';
import { metricError } from '../errors';
import { pipelineVelocity } from '../formulas';
import type { PipelineTable } from '../table';
import { STATUS_CODE } from '../table';
import { windowOf } from './buckets';
import type { PipelineMetricId } from './ids';
import type { MetricWindow } from './inputs';
import { needsColumn, noneIn, nothingToSummarise, startsAfterAsOf } from './rules';
import { formatDay } from '../periods';

/** The age a lead needs for lead conversion, measured on the deals closed to date. */
export interface ConversionCohort {
  /** M: 90 % of the deals closed to date closed within this many days; null when none closed. */
  readonly closeDays: number | null;
  /** Opportunities closed (won or lost) to date with a known close date: what M is measured on. */
  readonly closedDeals: number;
  /** The latest creation day of a lead old enough (as-of day − M). */
  readonly lastCreatedDay: number;
}

/** Share of closed deals whose close time M covers. */
export const CONVERSION_CLOSE_SHARE = 0.9;

const PIPELINE_ROOTS = new WeakMap<PipelineTable, PipelineTable>();
const COHORTS = new WeakMap<PipelineTable, { asOf: number; cohort: ConversionCohort }>();

/** Records that `child` holds rows of `parent` (used by `filterInputs`): the cohort rule's M is the whole pipeline's. */
export function linkFilteredPipeline(child: PipelineTable, parent: PipelineTable): void {
  PIPELINE_ROOTS.set(child, PIPELINE_ROOTS.get(parent) ?? parent);
}

/**
 * The lead-conversion cohort rule as of `asOf`: M, the 90th percentile (nearest rank) of the days
 * from creation to close over every opportunity closed to date, in the whole pipeline the table
 * belongs to.
 * @example conversionCohort(pipeline, parseDay('2026-12-05')!) // { closeDays: 63, closedDeals: 1043, lastCreatedDay: … 2026-10-03 }
 */
export function conversionCohort(table: PipelineTable, asOf: number): ConversionCohort {
  const root = PIPELINE_ROOTS.get(table) ?? table;
  const asOfDay = Math.floor(asOf);
  const cached = COHORTS.get(root);
  if (cached && cached.asOf === asOfDay) return cached.cohort;
  const days: number[] = [];
  const { created, closed, status } = root;
  for (let i = 0; i < root.length; i++) {
    const c = Math.floor(created[i]);
    const d = Math.floor(closed[i]);
    if (status[i] === STATUS_CODE.open || !(c <= asOfDay) || !(d <= asOfDay)) continue;
    days.push(Math.max(0, d - c));
  }
  days.sort((a, b) => a - b);
  const closeDays = days.length ? days[Math.ceil(CONVERSION_CLOSE_SHARE * days.length) - 1] : null;
  const cohort = {
    closeDays,
    closedDeals: days.length,
    lastCreatedDay: closeDays === null ? asOfDay : asOfDay - closeDays,
  };
  COHORTS.set(root, { asOf: asOfDay, cohort });
  return cohort;
}

/**
 * The rule in words, for notes beside the figures.
 * @example conversionNote(pipeline, asOf) // "lead conversion counts the leads created by 2026-10-03 (63 days before 2026-12-05): 90 % of the 1,043 deals closed to date closed within 63 days"
 */
export function conversionNote(table: PipelineTable, asOf: number): string {
  const { closeDays, closedDeals, lastCreatedDay } = conversionCohort(table, asOf);
  if (closeDays === null)
    return 'lead conversion counts every lead: no deal has closed yet to measure how long deals take';
  const share = Math.round(CONVERSION_CLOSE_SHARE * 100);
  return (
    `lead conversion counts the leads created by ${formatDay(lastCreatedDay)} (${closeDays} days before ` +
    `${formatDay(asOf)}): ${share} % of the ${closedDeals.toLocaleString('en-US')} deals closed to date closed within ${closeDays} days`
  );
}

interface PipelineAggregates {
  leads: Float64Array;
  /** Leads old enough for conversion (see `conversionCohort`), and those of them won. */
  matureLeads: Float64Array;
  leadsWon: Float64Array;
  won: Float64Array;
  lost: Float64Array;
  wonValue: Float64Array;
  wonWithValue: Float64Array;
  cycleSum: Float64Array;
  cycles: number[][];
  openCount: Float64Array;
  openValue: Float64Array;
}

function aggregatePipeline(
  table: PipelineTable,
  windows: readonly MetricWindow[],
  asOf: number,
  lastCreatedDay: number,
): PipelineAggregates {
  const k = windows.length;
  const bounds = [...windows.map((w) => w.start), windows[k - 1].end];
  const make = () => new Float64Array(k);
  const agg: PipelineAggregates = {
    leads: make(),
    matureLeads: make(),
    leadsWon: make(),
    won: make(),
    lost: make(),
    wonValue: make(),
    wonWithValue: make(),
    cycleSum: make(),
    cycles: windows.map(() => []),
    openCount: new Float64Array(k + 1),
    openValue: new Float64Array(k + 1),
  };
  const asOfDay = Math.floor(asOf);
  const { created, closed, status, value } = table;
  for (let i = 0; i < table.length; i++) {
    const c = created[i];
    if (!(Math.floor(c) <= asOfDay)) continue;
    const closedDay = Math.floor(closed[i]);
    const closedKnown = closedDay === closedDay;
    const decided = status[i] !== STATUS_CODE.open && !(closedKnown && closedDay > asOfDay);
    const won = decided && status[i] === STATUS_CODE.won;
    const createdWindow = windowOf(Math.floor(c), bounds);
    if (createdWindow >= 0) {
      agg.leads[createdWindow]++;
      if (Math.floor(c) <= lastCreatedDay) {
        agg.matureLeads[createdWindow]++;
        if (won) agg.leadsWon[createdWindow]++;
      }
    }
    if (decided && closedKnown) {
      const w = windowOf(closedDay, bounds);
      if (w >= 0) {
        if (won) {
          agg.won[w]++;
          const v = value ? value[i] : NaN;
          if (v === v) {
            agg.wonValue[w] += v;
            agg.wonWithValue[w]++;
          }
          const cycle = closed[i] - c;
          agg.cycleSum[w] += cycle;
          agg.cycles[w].push(cycle);
        } else {
          agg.lost[w]++;
        }
      }
    }
    // Open over windows [from, to): created before a window's end and not closed before it.
    if (decided && !closedKnown) continue;
    const from = Math.floor(c) < bounds[0] ? 0 : createdWindow;
    if (from < 0) continue;
    const to = decided ? Math.max(from, closedDay >= bounds[k] ? k : windowOf(closedDay, bounds)) : k;
    const v = value ? value[i] : NaN;
    agg.openCount[from]++;
    agg.openCount[to]--;
    if (v === v) {
      agg.openValue[from] += v;
      agg.openValue[to] -= v;
    }
  }
  for (let w = 1; w <= k; w++) {
    agg.openCount[w] += agg.openCount[w - 1];
    agg.openValue[w] += agg.openValue[w - 1];
  }
  return agg;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function read(
  id: PipelineMetricId,
  table: PipelineTable,
  agg: PipelineAggregates,
  w: number,
  window: MetricWindow,
  cohort: ConversionCohort,
): MetricValue {
  const closedMissing = table.mapping.closed === undefined && !hasAnyClosed(table);
  switch (id) {
    case 'leads':
      return agg.leads[w];
    case 'conversion_rate':
      if (agg.leads[w] === 0) return noneIn('leads created', window);
      if (agg.matureLeads[w] === 0)
        return metricError(
          '#N/A',
          `leads of ${window.key} are younger than ${cohort.closeDays} days, the time ${Math.round(
            CONVERSION_CLOSE_SHARE * 100,
          )} % of deals take to close`,
        );
      return agg.leadsWon[w] / agg.matureLeads[w];
    case 'win_rate':
      if (closedMissing) return needsColumn('close date', 'pipeline');
      return agg.won[w] + agg.lost[w] === 0
        ? noneIn('deals closed', window)
        : agg.won[w] / (agg.won[w] + agg.lost[w]);
    case 'avg_deal_size':
      if (!table.value) return needsColumn('value', 'pipeline');
      if (closedMissing) return needsColumn('close date', 'pipeline');
      return agg.wonWithValue[w] === 0
        ? noneIn('won deals closed', window)
        : agg.wonValue[w] / agg.wonWithValue[w];
    case 'sales_cycle_days':
      if (closedMissing) return needsColumn('close date', 'pipeline');
      return agg.won[w] === 0 ? nothingToSummarise('won deals closed', window) : agg.cycleSum[w] / agg.won[w];
    case 'sales_cycle_days_median':
      if (closedMissing) return needsColumn('close date', 'pipeline');
      return agg.won[w] === 0 ? nothingToSummarise('won deals closed', window) : median(agg.cycles[w]);
    case 'pipeline_value':
      return table.value ? agg.openValue[w] : needsColumn('value', 'pipeline');
    case 'pipeline_velocity': {
      const parts = (['win_rate', 'avg_deal_size', 'sales_cycle_days'] as const).map((p) =>
        read(p, table, agg, w, window, cohort),
      );
      for (const part of parts) if (typeof part !== 'number') return part;
      return pipelineVelocity(agg.openCount[w], parts[0] as number, parts[1] as number, parts[2] as number);
    }
  }
}

const ANY_CLOSED = new WeakMap<PipelineTable, boolean>();
function hasAnyClosed(table: PipelineTable): boolean {
  let known = ANY_CLOSED.get(table);
  if (known === undefined) {
    known = table.closed.some((d) => d === d);
    ANY_CLOSED.set(table, known);
  }
  return known;
}

/**
 * Pipeline metrics for windows 1..K (window 0, the one before, is computed and dropped).
 * Returns values[k − 1][metric].
 */
export function computePipelineWindows(
  table: PipelineTable,
  ids: readonly PipelineMetricId[],
  windows: readonly MetricWindow[],
  asOf: number,
): MetricValue[][] {
  // Rows after the as-of day never land in a window (created later: ignored; closed later: still
  // open), so the windows need no capping.
  const cohort = conversionCohort(table, asOf);
  const agg = aggregatePipeline(table, windows, asOf, cohort.lastCreatedDay);
  const out: MetricValue[][] = [];
  for (let k = 1; k < windows.length; k++) {
    const late = startsAfterAsOf(windows[k], asOf);
    out.push(ids.map((id) => late ?? read(id, table, agg, k, windows[k], cohort)));
  }
  return out;
}

export const PIPELINE_NEEDS_TABLE = metricError('#N/A', 'needs a pipeline table');
