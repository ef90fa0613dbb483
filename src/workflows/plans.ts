/**
 * What building the dashboard and refreshing the review add to the sheet plans beyond the data:
 * KPI goals and benchmarks for the dashboard, weekly goal pace and carried-over actions for the
 * review, the measurement schedule, and the saved configuration (mappings, where each table came
 * from, goals, currency, refresh history).
 */
import type { BenchmarkEntry, BenchmarkRange, BenchmarkSet, ComparedPeriod } from '../core/benchmarks';
import {
  benchmarksFor,
  benchmarkSet,
  compareForPeriod,
  isSkipped,
  librarySet,
  pickBenchmark,
} from '../core/benchmarks';
import type { MetricValue } from '../core/errors';
import { isMetricError, metricError } from '../core/errors';
import type { Goal, GoalTracking } from '../core/goals';
import { curvePace, trackGoal } from '../core/goals';
import type { MetricId, MetricInputs } from '../core/metrics';
import { getMetric, isMetricId } from '../core/metrics';
import type { Calendar, Period, PeriodUnit } from '../core/periods';
import { parseDay, parsePeriodKey, parsePeriodUnit } from '../core/periods';
import type { HistoryScheduleRow } from '../core/schedule';
import { scheduleFromHistory } from '../core/schedule';
import { refreshHistory, savedCurrency, savedGoals, withCurrency, withGoals } from '../sheets/config-records';
import type { SavedFigure } from '../sheets/config-records';
import type { Currency } from '../core/currency';
import type { TargetsTable } from '../core/table';
import { goalsFromTargets } from '../core/goals';
import { METRIC_IDS, metricIdFromText } from '../core/metrics';

import type { BenchmarkLine } from '../sheets/dashboard-sections';
import type { Mapping } from '../core/table';
import type { SalesMetricsConfig } from '../sheets/config';
import type { KpiTarget } from '../sheets/dashboard';
import type { PlanFigures } from '../sheets/figures';
import { figuresOf } from '../sheets/figures';
import { defaultKpis } from '../sheets/dashboard';
import type { ActionItem } from '../sheets/review';
import { ACTIONS_AREA, openActions, reviewSheetName } from '../sheets/review';
import { comparedMetric, historyStartOf, makeEvaluate, traitsOf } from './evaluate';
import type { WorkbookPort } from './port';

/**
 * Business-wide goals: the unscoped ones, plus, for a flow metric and period that has none, the
 * sum of its per-region goals (regions partition the business; per-rep goals are left alone, a
 * rep can sell in several regions). Targets sheets often hold only regional rows.
 */
export function overallGoals(goals: readonly Goal[]): Goal[] {
  const out = goals.filter((goal) => !goal.scope);
  const covered = new Set(out.map((goal) => `${goal.metric}|${goal.period.key}`));
  const sums = new Map<string, Goal>();
  for (const goal of goals) {
    if (!goal.scope || goal.scope.rep !== undefined || goal.scope.region === undefined) continue;
    if (!isMetricId(goal.metric) || getMetric(goal.metric).kind !== 'flow') continue;
    const key = `${goal.metric}|${goal.period.key}`;
    if (covered.has(key)) continue;
    const sum = sums.get(key);
    sums.set(
      key,
      sum
        ? { ...sum, target: sum.target + goal.target }
        : { ...goal, id: key, scope: undefined, notes: 'sum of the regional goals' },
    );
  }
  return [...out, ...[...sums.values()].map(({ scope: _scope, ...goal }) => goal as Goal)];
}

/** What `kpiTargets` needs to pace curve metrics and place benchmarks against this period's values. */
export interface KpiTargetContext {
  readonly inputs: MetricInputs;
  readonly asOf: number;
  readonly calendar: Calendar;
  /** Figures computed elsewhere (the SQL route); default: the engine over `inputs`. */
  readonly figures?: PlanFigures;
}

/**
 * KPI goals for the dashboard's current period — the whole period's target; the sheet paces flows
 * to the as-of day — from business-wide goals (`overallGoals`) whose period contains the
 * dashboard's; plus an industry's benchmark for each metric.
 *
 * With the context (the tables and the as-of day):
 * - `goalToDate` for the metrics paced along last period's curve (customers, returning customers,
 *   retention, churn, active ratio; see `curvePace`), and how (`goalToDateNote`);
 * - benchmarks in this period's terms (`pickBenchmark`): a published range as `benchmarkRange`
 *   (low–high, never a midpoint) with `benchmark` the point of the range nearest to the actual (so
 *   actual − benchmark is the gap to the range: 0 inside it); a single figure or an open range's
 *   bound as `benchmark`; conversions and the figure's caveat in `benchmarkNote`. A metric whose
 *   figures all measure something else, or cannot be put in this period's terms, gets
 *   `benchmarkSkipped` with the reason and no figure to compare.
 */
export function kpiTargets(
  goals: readonly Goal[],
  period: Period,
  industry: BenchmarkSet | null,
  context?: KpiTargetContext,
): Partial<Record<MetricId, KpiTarget>> {
  const out: Partial<Record<MetricId, Mutable<KpiTarget>>> = {};
  const cut = context
    ? Math.min(period.end, Math.max(period.start, Math.floor(context.asOf) + 1))
    : period.end;
  for (const [metric, target] of Object.entries(goalsFor(goals, period))) {
    const id = metric as MetricId;
    const traits = traitsOf(id);
    out[id] = { goal: target };
    if (traits.pace && context && cut > period.start) {
      const paced = curvePace(target, traits, period, cut, makeEvaluate(figuresOf(context), id, context));
      out[id] = { goal: target, goalToDate: paced.expected, goalToDateNote: paced.basis };
    }
  }
  if (!industry) return out;
  const ids = [...new Set(industry.metrics.map((entry) => entry.metric))].filter(isMetricId);
  const values = context ? kpiValues(figuresOf(context), ids, period, context) : undefined;
  const compared = comparedPeriod(period, cut);
  ids.forEach((id, m) => {
    const picked = pickBenchmark(benchmarksFor(industry, id), compared, comparedMetric(id));
    if (!picked) return;
    const { entry } = picked;
    const target: Mutable<KpiTarget> = { ...out[id], benchmarkSource: sourceOf(entry, industry) };
    if ('skipped' in picked) {
      target.benchmarkSkipped = picked.skipped;
      if (entry.note) target.benchmarkNote = entry.note;
    } else {
      const { range, notes } = picked.prepared;
      const note = [...notes, entry.note].filter(Boolean).join('. ');
      if (note) target.benchmarkNote = note;
      const actual = values?.[m];
      if (range.value !== undefined) target.benchmark = range.value;
      else if (range.min !== undefined && range.max !== undefined) {
        target.benchmarkRange = { low: range.min, high: range.max };
        if (typeof actual === 'number') target.benchmark = Math.min(range.max, Math.max(range.min, actual));
      } else target.benchmark = range.min ?? range.max;
    }
    out[id] = target;
  });
  return out;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Each metric over the period to date, as the dashboard computes it (against all of P−1). */
function kpiValues(
  figures: PlanFigures,
  ids: readonly MetricId[],
  period: Period,
  context: { asOf: number; calendar: Calendar },
): MetricValue[] | undefined {
  const usable = ids.filter((id) => getMetric(id).requires.every((r) => figures.hasTable(r.table)));
  if (usable.length === 0) return undefined;
  const values = figures.suite(usable, [period], { asOf: context.asOf, calendar: context.calendar })[0];
  return ids.map((id) => {
    const i = usable.indexOf(id);
    return i < 0 ? metricError('#N/A', `no table for ${id}`) : values[i];
  });
}

/** The dashboard period as a benchmark comparison sees it: its unit and the days covered to date. */
function comparedPeriod(period: Period, cut: number): ComparedPeriod {
  return {
    unit: period.unit,
    days: Math.max(0, cut - period.start),
    periodDays: period.end - period.start,
    label: period.label,
  };
}

/** `Source (2025; data 2024)`, or with `, ` as the separator `Source, 2025; data 2024`. */
function sourceOf(entry: BenchmarkEntry, set: BenchmarkSet, separator?: string): string {
  const years = [
    entry.year !== undefined ? String(entry.year) : '',
    entry.dataYear !== undefined ? `data ${entry.dataYear}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const source = entry.source ?? set.name;
  if (!years) return source;
  return separator ? `${source}${separator}${years}` : `${source} (${years})`;
}

/** An industry of the benchmark library, or null. */
export function industrySet(id: string | undefined): BenchmarkSet | null {
  return id === undefined ? null : librarySet(id);
}

/**
 * Weekly goals for the review's goal pace: each business-wide goal (`overallGoals`) whose period contains the
 * week, prorated to seven days (rates and levels keep their target).
 */
export function weeklyGoals(goals: readonly Goal[], week: Period): Partial<Record<MetricId, number>> {
  return goalsFor(goals, week);
}

/**
 * Each metric's goal for `period`, from the shortest business-wide goal (`overallGoals`) whose
 * period contains its start: as is for the same period, prorated by days for a flow metric with a
 * longer goal (a quarter's revenue × 30 / 92 for November), the target itself for rates and levels.
 * Metrics paced along last period's curve (customers, returning customers, retention, churn, active
 * ratio) take only a goal for the same period: a quarter's customers or churn is no month's.
 */
export function goalsFor(goals: readonly Goal[], period: Period): Partial<Record<MetricId, number>> {
  const out: Partial<Record<MetricId, number>> = {};
  const length = (goal: Goal) => goal.period.end - goal.period.start;
  const candidates = overallGoals(goals)
    .filter(
      (goal) =>
        isMetricId(goal.metric) && goal.period.start <= period.start && period.start < goal.period.end,
    )
    .filter((goal) => length(goal) >= period.end - period.start)
    .sort((a, b) => length(a) - length(b));
  for (const goal of candidates) {
    const id = goal.metric as MetricId;
    if (out[id] !== undefined) continue;
    if (traitsOf(id).pace) {
      if (goal.period.start === period.start && goal.period.end === period.end) out[id] = goal.target;
      continue;
    }
    const flow = getMetric(id).kind === 'flow';
    out[id] = flow ? (goal.target * (period.end - period.start)) / length(goal) : goal.target;
  }
  return out;
}

/**
 * Open actions of the latest earlier review, when this week's sheet does not exist yet (`undefined`
 * when it does: its own actions stay). The latest, not just last week's: a week without a review
 * (a holiday) must not drop open items.
 */
export async function carriedActions(port: WorkbookPort, week: Period): Promise<ActionItem[] | undefined> {
  const names = await port.sheetNames();
  if (names.includes(reviewSheetName(week))) return undefined;
  const previous = latestReviewBefore(names, week);
  return previous ? openActions(await port.readPeopleArea(previous, ACTIONS_AREA)) : [];
}

/** The name of the latest `Review YYYY-Www` sheet for a week before `week`, if any. */
export function latestReviewBefore(sheetNames: readonly string[], week: Period): string | undefined {
  let best: { name: string; index: number } | undefined;
  for (const name of sheetNames) {
    const match = /^Review (\d{4}-W\d{2})$/.exec(name);
    const period = match ? parsePeriodKey(match[1], week.calendar) : null;
    if (!period || period.unit !== 'week' || period.index >= week.index) continue;
    if (!best || period.index > best.index) best = { name, index: period.index };
  }
  return best?.name;
}

/** The side tables whose place (and column mapping) a configuration saves beside the orders'. */
const SIDE_KINDS = ['pipeline', 'spend', 'targets'] as const;

/**
 * The configuration with the orders mapping and source recorded, and where the side tables read
 * this time came from with the columns people mapped for them (a side table read without a mapping
 * drops the one saved; other sections, and side tables not read this time, kept).
 */
export function withOrdersSource(
  config: SalesMetricsConfig,
  mapping: Mapping,
  sheet: string,
  sideSources: Readonly<Record<string, string>> = {},
  sideMappings: Readonly<Record<string, Mapping>> = {},
): SalesMetricsConfig {
  const mappings: Record<string, unknown> = {
    ...config.mappings,
    orders: mapping,
    sources: { ...(config.mappings.sources ?? {}), ...sideSources, orders: sheet },
  };
  for (const kind of SIDE_KINDS) {
    if (sideSources[kind] === undefined) continue;
    if (sideMappings[kind] !== undefined) mappings[kind] = sideMappings[kind];
    else delete mappings[kind];
  }
  return { ...config, mappings };
}

/**
 * The configuration without the saved places and column mappings of the side tables (pipeline,
 * spend, targets): a build records those it read this time, so a later review reads the same ones.
 */
export function withoutSideSources(config: SalesMetricsConfig): SalesMetricsConfig {
  const side = (kind: string) => (SIDE_KINDS as readonly string[]).includes(kind);
  const mappings = Object.fromEntries(Object.entries(config.mappings).filter(([kind]) => !side(kind)));
  const sources = config.mappings.sources;
  if (sources) mappings.sources = Object.fromEntries(Object.entries(sources).filter(([kind]) => !side(kind)));
  return { ...config, mappings };
}

/** The KPIs the dashboard shows by default (the dashboard plan's own list). */
export const dashboardKpis = defaultKpis;

/**
 * Goals whose period contains the as-of day, tracked (for the dashboard's goal pacing), over the
 * figures handed in (the SQL route's) or the engine's over `inputs`.
 */
export function activeGoalTracking(
  goals: readonly Goal[],
  inputs: MetricInputs,
  asOf: number,
  calendar: Calendar,
  figures?: PlanFigures,
): GoalTracking[] {
  const source = figuresOf({ inputs, ...(figures ? { figures } : {}) });
  return goals
    .filter((goal) => isMetricId(goal.metric) && goal.period.start <= asOf && asOf < goal.period.end)
    .map((goal) => {
      const id = goal.metric as MetricId;
      const firstDay = historyStartOf(source, id);
      return trackGoal(goal, {
        asOf,
        traits: traitsOf(id),
        evaluate: makeEvaluate(source, id, { asOf, calendar }),
        ...(firstDay === undefined ? {} : { history: { firstDay } }),
      });
    });
}

/**
 * The industry's figures (then people's own and competitors') set against this period's values to
 * date, for the metrics the loaded tables can compute: each figure once, in this period's terms
 * (`compareForPeriod`: converted where sound), with the figure's caveat in the note; a figure that
 * measures something else or cannot be put in this period's terms is listed with the reason it is
 * not compared. Metrics without a value are left out.
 */
export function benchmarkLines(
  industry: BenchmarkSet | null,
  inputs: MetricInputs,
  period: Period,
  asOf: number,
  calendar: Calendar,
  extra: readonly BenchmarkSet[] = [],
  figures?: PlanFigures,
): BenchmarkLine[] {
  const source = figuresOf({ inputs, ...(figures ? { figures } : {}) });
  const sets = [...(industry ? [industry] : []), ...extra];
  const ids = [...new Set(sets.flatMap((set) => set.metrics.map((entry) => entry.metric)))].filter(
    (metric): metric is MetricId =>
      isMetricId(metric) && getMetric(metric).requires.every((r) => source.hasTable(r.table)),
  );
  if (ids.length === 0) return [];
  const values = source.suite(ids, [period], { asOf, calendar })[0];
  const cut = Math.min(period.end, Math.max(period.start, Math.floor(asOf) + 1));
  const compared = comparedPeriod(period, cut);
  const lines: BenchmarkLine[] = [];
  for (const set of sets) {
    for (const entry of set.metrics) {
      const m = ids.indexOf(entry.metric as MetricId);
      if (m < 0) continue;
      const value = values[m];
      const result = compareForPeriod(value, entry, compared, comparedMetric(ids[m]));
      if (isMetricError(result)) continue;
      const source = sourceOf(entry, set, ', ');
      const caveat = entry.note;
      if (isSkipped(result)) {
        lines.push({
          metric: entry.metric,
          value,
          benchmark: publishedRange(entry),
          skipped: result.skipped,
          ...(caveat ? { note: caveat } : {}),
          source,
        });
        continue;
      }
      const note = [...result.notes, caveat].filter(Boolean).join('. ');
      lines.push({
        metric: entry.metric,
        value,
        benchmark: result.benchmark,
        comparison: result,
        ...(note ? { note } : {}),
        source,
      });
    }
  }
  return lines;
}

/** The figure as published (value or range). */
function publishedRange(entry: BenchmarkEntry): BenchmarkRange {
  return {
    ...(entry.value !== undefined ? { value: entry.value } : {}),
    ...(entry.min !== undefined ? { min: entry.min } : {}),
    ...(entry.max !== undefined ? { max: entry.max } : {}),
  };
}

/** People's own and competitor figures as benchmark sets (each figure in its metric's unit). */
export function figureSets(figures: readonly SavedFigure[]): BenchmarkSet[] {
  const unitOf = (metric: string) => {
    if (!isMetricId(metric)) return 'count';
    const unit = getMetric(metric).unit;
    return unit === 'number' ? 'multiple' : unit;
  };
  return (['own', 'competitor'] as const).flatMap((kind) => {
    const metrics = figures
      .filter((f) => f.kind === kind)
      .map((f) => ({ metric: f.metric, value: f.value, unit: unitOf(f.metric), source: f.source }));
    if (metrics.length === 0) return [];
    const { set } = benchmarkSet({
      id: kind,
      name: kind === 'own' ? 'Your figure' : 'Competitor',
      kind,
      metrics,
    });
    return [set];
  });
}

/**
 * The measurement schedule of the KPIs from the configuration's refresh history, this refresh
 * (`today`) included: cadences from `cadences.metrics`, the default cadences otherwise.
 */
export function kpiSchedule(
  kpis: readonly MetricId[],
  config: SalesMetricsConfig,
  today: number,
  calendar: Calendar,
): HistoryScheduleRow[] {
  const record = (value: unknown): Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const settings: Record<string, PeriodUnit> = {};
  for (const [metric, unit] of Object.entries(record(config.cadences.metrics))) {
    const parsed = parsePeriodUnit(unit);
    if (parsed) settings[metric] = parsed;
  }
  return scheduleFromHistory(kpis, refreshHistory(config), today, settings, calendar);
}

/** The day of a refresh stamp (`YYYY-MM-DD HH:mm`) as an epoch day. */
export function stampDay(refreshedAt: string): number {
  return parseDay(refreshedAt.slice(0, 10)) ?? 0;
}

/** Goals from a Targets table (metric names as people type them), reporting unusable rows. */
export function targetGoals(
  table: TargetsTable | undefined,
  report: (message: string) => void,
  calendar: Calendar,
): Goal[] {
  if (!table) return [];
  const rows = table.rows.map((row) => ({ ...row, metric: metricIdFromText(row.metric) ?? row.metric }));
  const { goals, problems } = goalsFromTargets({ ...table, rows }, calendar, { metrics: METRIC_IDS });
  for (const p of problems.slice(0, 5)) report(`targets row ${p.row} not used: ${p.reason}`);
  return goals;
}

/**
 * The goals of a refresh: from the Targets table when one is given (they replace the saved ones),
 * else the goals the configuration saved at an earlier build. `saved` says which.
 */
export function goalsOf(
  table: TargetsTable | undefined,
  config: SalesMetricsConfig,
  report: (message: string) => void,
  calendar: Calendar,
): { goals: Goal[]; saved: boolean } {
  if (table) return { goals: targetGoals(table, report, calendar), saved: false };
  const { goals, skipped, source } = savedGoals(config, calendar);
  if (goals.length > 0)
    report(`goals: ${goals.length} saved in the workbook${source ? ` (from ${source})` : ''}`);
  if (skipped > 0) report(`${skipped} saved goal(s) could not be read and are left out`);
  return { goals, saved: true };
}

/** The metrics the weekly review refreshes (its comparison table). */
export const REVIEW_METRICS: readonly MetricId[] = ['revenue', 'orders', 'aov', 'customers', 'new_customers'];

/** The currency of a refresh and where it came from. */
export interface ChosenCurrency {
  readonly value: Currency | undefined;
  readonly how: 'flag' | 'saved' | 'data';
  /** Save it in the configuration (a flag or a first detection). */
  readonly save: boolean;
}

/**
 * The currency chosen for this refresh (`null`: none, explicitly), then the saved setting, then
 * what the data is written in.
 */
export function chosenCurrency(
  chosen: Currency | null | undefined,
  config: SalesMetricsConfig,
  detected: Currency | undefined,
): ChosenCurrency {
  if (chosen !== undefined) return { value: chosen ?? undefined, how: 'flag', save: true };
  const saved = savedCurrency(config);
  if (saved !== undefined) return { value: saved ?? undefined, how: 'saved', save: false };
  return { value: detected, how: 'data', save: detected !== undefined };
}

/** The configuration with this refresh's choices saved: goals from a Targets table, the currency. */
export function withSavedChoices(
  config: SalesMetricsConfig,
  choices: { goals?: readonly Goal[]; goalsSource?: string; currency?: ChosenCurrency },
): SalesMetricsConfig {
  let out = config;
  if (choices.goals && choices.goals.length > 0)
    out = withGoals(out, choices.goals, choices.goalsSource ?? 'Targets');
  if (choices.currency?.save) out = withCurrency(out, choices.currency.value ?? null);
  return out;
}

/**
 * A refresh stamp for the sheets: the local date and time of `now`, to the minute.
 * @example refreshStamp(new Date(2026, 11, 5, 9, 30)) // '2026-12-05 09:30'
 */
export function refreshStamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}
