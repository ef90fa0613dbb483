/**
 * The open deals of a pipeline as of a day, each with its win probability, forecast category,
 * expected close and whether it is stale (docs/metrics.md "Pipeline forecast and quota").
 *
 * - Open as of A: created by A and not won or lost by A (a deal closed after A is still open on
 *   A, as in `pipeline_value`); a won or lost deal without a close date is not open.
 * - Probability: the row's probability column, else its stage in the stage table (defaults,
 *   overridden by the configuration), else the win rate to date (won ÷ won + lost closed by A).
 * - Category: the row's forecast-category column, else from the probability (commit from 90 %,
 *   best case from 70 %, pipeline below).
 * - Expected close: the expected-close column (or an open row's date in the close column), else
 *   a median sales cycle after creation; a date that has passed while the deal is still open
 *   counts as A itself (the deal is late, not gone) and the deal is marked overdue.
 * - Stale: open for more days than `staleMultiple` × the median sales cycle (days from creation
 *   to close of the won deals closed by A); exactly at the threshold is not stale.
 */
import type { PipelineTable } from '../table';
import { dictValue, STATUS_CODE } from '../table';
import {
  categoryFromText,
  categoryOfProbability,
  stageProbability,
  stageTable,
  type OpenCategory,
  type StageTable,
} from './stages';

/** Settings of the pipeline forecast, as the configuration and the command line give them. */
export interface PipelineSettings {
  /** Stage name → probability (0–1, or a percentage): replaces or adds to the default table. */
  readonly stageProbabilities?: Readonly<Record<string, unknown>>;
  /** A deal is stale when open longer than this many median sales cycles (default 2). */
  readonly staleMultiple?: number;
  /** Count stale deals in the weighted pipeline, the categories, coverage and forecasts. */
  readonly includeStale?: boolean;
}

export const DEFAULT_STALE_MULTIPLE = 2;

export type ProbabilitySource = 'column' | 'stage' | 'win rate' | 'none';

export interface OpenDeal {
  /** Index of the row in the table. */
  readonly index: number;
  /** Row number as the user sees it. */
  readonly sourceRow: number;
  readonly id?: string;
  readonly rep?: string;
  readonly stage?: string;
  /** Epoch day the deal was created. */
  readonly created: number;
  /** Whole days from creation to the as-of day. */
  readonly ageDays: number;
  /** The deal's value; `NaN` when blank. */
  readonly value: number;
  /** Win probability 0–1; `NaN` when nothing gives one. */
  readonly probability: number;
  readonly probabilityFrom: ProbabilitySource;
  readonly category: OpenCategory;
  /** Epoch day the deal is expected to close (never before the as-of day); `NaN` when unknown. */
  readonly expectedClose: number;
  readonly expectedFrom: 'column' | 'cycle' | 'none';
  /** The stated or estimated close date has passed while the deal is open. */
  readonly overdue: boolean;
  readonly stale: boolean;
}

export interface OpenPipeline {
  readonly asOf: number;
  readonly deals: readonly OpenDeal[];
  /** Median days from creation to close of the won deals closed by A; null when none. */
  readonly medianCycleDays: number | null;
  /** Won deals closed by A with a close date: what the median is measured on. */
  readonly wonDeals: number;
  /** Won ÷ (won + lost) of the deals closed by A; null when none closed. */
  readonly winRate: number | null;
  readonly staleMultiple: number;
  /** A deal open longer than this many days is stale; null without a median cycle. */
  readonly staleAfterDays: number | null;
  readonly includeStale: boolean;
  /** Settings that could not be used, in words. */
  readonly problems: readonly string[];
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median cycle and win rate of the deals closed by `asOfDay`. */
function closedHistory(table: PipelineTable, asOfDay: number) {
  const cycles: number[] = [];
  let won = 0;
  let lost = 0;
  for (let i = 0; i < table.length; i++) {
    const c = Math.floor(table.created[i]);
    const d = Math.floor(table.closed[i]);
    if (table.status[i] === STATUS_CODE.open || !(c <= asOfDay) || !(d <= asOfDay)) continue;
    if (table.status[i] === STATUS_CODE.won) {
      won++;
      cycles.push(Math.max(0, d - c));
    } else lost++;
  }
  cycles.sort((a, b) => a - b);
  return {
    medianCycleDays: cycles.length ? median(cycles) : null,
    wonDeals: won,
    winRate: won + lost > 0 ? won / (won + lost) : null,
  };
}

/**
 * A deal's probability. `recorded` is false for a deal closed after A: its row holds the final
 * stage, not the one it had on A, so it weighs as a deal of unknown stage.
 */
function probabilityOf(
  table: PipelineTable,
  i: number,
  stages: StageTable,
  winRate: number | null,
  recorded: boolean,
): { probability: number; from: ProbabilitySource; stage?: string } {
  const stage = table.stage && recorded ? dictValue(table.stage, i) : undefined;
  const given = table.probability && recorded ? table.probability[i] : NaN;
  if (given === given) return { probability: given, from: 'column', stage };
  const staged = stage === undefined ? undefined : stageProbability(stage, stages);
  if (staged !== undefined) return { probability: staged, from: 'stage', stage };
  if (winRate !== null) return { probability: winRate, from: 'win rate', stage };
  return { probability: NaN, from: 'none', stage };
}

function categoryOf(table: PipelineTable, i: number, probability: number, recorded: boolean): OpenCategory {
  const text = table.forecastCategory && recorded ? dictValue(table.forecastCategory, i) : undefined;
  const named = text === undefined ? undefined : categoryFromText(text);
  // A deal still open cannot be in the closed category yet: the sheet means it is as good as won.
  if (named === 'closed') return 'commit';
  return named ?? categoryOfProbability(probability === probability ? probability : undefined);
}

/**
 * The open deals as of `asOf` with their probability, category, expected close and staleness.
 * @example openPipeline(pipeline, parseDay('2026-12-05')!).deals.filter((d) => d.stale).length // 1589
 */
export function openPipeline(
  table: PipelineTable,
  asOf: number,
  settings: PipelineSettings = {},
): OpenPipeline {
  const asOfDay = Math.floor(asOf);
  const { table: stages, problems } = stageTable(settings.stageProbabilities);
  let staleMultiple = settings.staleMultiple ?? DEFAULT_STALE_MULTIPLE;
  if (!(staleMultiple > 0) || !Number.isFinite(staleMultiple)) {
    problems.push(
      `stale multiple ${String(settings.staleMultiple)} is not a positive number; ${DEFAULT_STALE_MULTIPLE} used`,
    );
    staleMultiple = DEFAULT_STALE_MULTIPLE;
  }
  const history = closedHistory(table, asOfDay);
  const staleAfterDays = history.medianCycleDays === null ? null : staleMultiple * history.medianCycleDays;
  const deals: OpenDeal[] = [];
  for (let i = 0; i < table.length; i++) {
    const created = Math.floor(table.created[i]);
    if (!(created <= asOfDay)) continue;
    const closedDay = Math.floor(table.closed[i]);
    const decided = table.status[i] !== STATUS_CODE.open;
    if (decided && !(closedDay > asOfDay)) continue;
    const { probability, from, stage } = probabilityOf(table, i, stages, history.winRate, !decided);
    const stated = table.expectedClose && !decided ? Math.floor(table.expectedClose[i]) : NaN;
    const estimated = history.medianCycleDays === null ? NaN : created + history.medianCycleDays;
    const expected = stated === stated ? stated : Math.ceil(estimated);
    const ageDays = asOfDay - created;
    deals.push({
      index: i,
      sourceRow: table.sourceRow[i],
      ...(table.id ? { id: dictValue(table.id, i) } : {}),
      ...(table.rep ? { rep: dictValue(table.rep, i) } : {}),
      ...(stage !== undefined ? { stage } : {}),
      created,
      ageDays,
      value: table.value ? table.value[i] : NaN,
      probability,
      probabilityFrom: from,
      category: categoryOf(table, i, probability, !decided),
      expectedClose: expected === expected ? Math.max(expected, asOfDay) : NaN,
      expectedFrom: stated === stated ? 'column' : expected === expected ? 'cycle' : 'none',
      overdue: expected < asOfDay,
      stale: staleAfterDays !== null && ageDays > staleAfterDays,
    });
  }
  return {
    asOf: asOfDay,
    deals,
    ...history,
    staleMultiple,
    staleAfterDays,
    includeStale: settings.includeStale === true,
    problems,
  };
}

/** True when the deal counts in the forecast figures (not stale, or stale ones included). */
export function isCounted(pipeline: OpenPipeline, deal: OpenDeal): boolean {
  return pipeline.includeStale || !deal.stale;
}
