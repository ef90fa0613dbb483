/**
 * The pure logic behind the pane's "Goals & benchmarks" step: reading numbers as people type
 * them, checking goal and figure rows, setting a target from last year or from a benchmark, and
 * the data of the split preview. No React, no Office: the component only renders what this gives.
 */
import type { BenchmarkEntry } from '../core/benchmarks';
import { benchmarksFor, librarySet, pickBenchmark } from '../core/benchmarks';
import { isMetricError } from '../core/errors';
import type { Evaluate, GoalScope, SplitMethod, SplitUnit } from '../core/goals';
import { baselineGoal, betterEnd, goalId, numberGoal, splitGoal } from '../core/goals';
import { parseAmount, type NumberStyle } from '../core/ingest';
import type { MetricId, MetricUnit } from '../core/metrics';
import { getMetric } from '../core/metrics';
import type { Calendar, Period } from '../core/periods';
import { parsePeriodKey, samePeriodLastYear, weekNumberOf } from '../core/periods';
import { comparedMetric, traitsOf } from '../workflows/evaluate';
import { dayLabel, monthLabel } from './format';
import type { GoalRow, OwnFigure } from './model';
import type { GoalsStrings } from './strings-goals';

/** What can be wrong with a field; the strings' `problems` say it in words. */
export type FieldProblem = keyof GoalsStrings['problems'];

/** Metrics whose value can be negative (a loss-making month), so a negative figure is legitimate. */
const SIGNED: ReadonlySet<MetricId> = new Set(['gross_margin', 'marketing_roi']);
/** Ratios that can pass 100 % (a return of 250 %); every other ratio is a share of a whole. */
const UNBOUNDED: ReadonlySet<MetricId> = new Set(['marketing_roi']);

/**
 * The decimal style of a locale, so that an ambiguous `1.250` reads the way its people write it.
 * @example numberStyleOf('id-ID') // 'comma-decimal'
 */
export function numberStyleOf(locale: string): NumberStyle {
  try {
    const parts = new Intl.NumberFormat(locale).formatToParts(1.5);
    return parts.find((p) => p.type === 'decimal')?.value === ',' ? 'comma-decimal' : 'dot-decimal';
  } catch {
    return 'dot-decimal';
  }
}

/**
 * A typed number in either style (`1.250.000`, `1,250,000`, `12,5`, `15%`); a trailing `%`
 * divides by 100 and is reported. Null when the text is not a number.
 * @example readNumber('12,5%', 'dot-decimal') // { value: 0.125, percent: true }
 */
export function readNumber(text: string, style: NumberStyle): { value: number; percent: boolean } | null {
  let trimmed = text.trim();
  if (trimmed === '') return null;
  // Indian grouping (12,34,567.50) is refused by the ingest parser, which expects threes; it is
  // unambiguous, so its commas are dropped here.
  if (style === 'dot-decimal' && /^[+-]?\d{1,2}(,\d\d)+,\d{3}(\.\d*)?\s*%?$/.test(trimmed))
    trimmed = trimmed.replace(/,/g, '');
  const result = parseAmount(trimmed, style);
  return 'error' in result ? null : { value: result.value, percent: trimmed.includes('%') };
}

/**
 * A metric's value as typed in its field. Rates are typed in percent (`15` and `15%` both mean
 * 0.15), because that is how people speak of them; other units refuse a `%`.
 * @example parseValue('1.250.000', 'revenue', 'dot-decimal') // { value: 1250000 }
 * @example parseValue('12,5', 'win_rate', 'comma-decimal')   // { value: 0.125 }
 */
export function parseValue(
  text: string,
  metric: MetricId,
  style: NumberStyle,
): { value: number } | { problem: FieldProblem } {
  if (text.trim() === '') return { problem: 'required' };
  const read = readNumber(text, style);
  if (!read) return { problem: 'notANumber' };
  const unit = getMetric(metric).unit;
  if (unit !== 'ratio' && read.percent) return { problem: 'noPercent' };
  const value = unit === 'ratio' && !read.percent ? read.value / 100 : read.value;
  if (value < 0 && !SIGNED.has(metric)) return { problem: 'negative' };
  if (unit === 'ratio' && value > 1 && !UNBOUNDED.has(metric)) return { problem: 'over100' };
  if (unit === 'count' && !Number.isInteger(value)) return { problem: 'notWhole' };
  return { value };
}

/**
 * A growth rate as typed, in percent (`10`, `10%`, `-5`); empty means no growth.
 * @example parseGrowth('12,5', 'comma-decimal') // { value: 0.125 }
 */
export function parseGrowth(text: string, style: NumberStyle): { value: number } | { problem: FieldProblem } {
  if (text.trim() === '') return { value: 0 };
  const read = readNumber(text, style);
  if (!read) return { problem: 'notANumber' };
  const value = read.percent ? read.value : read.value / 100;
  return value <= -1 ? { problem: 'growthFloor' } : { value };
}

/**
 * A value written back into its field, in the locale's style (rates in percent, no `%`).
 * @example valueText(0.125, 'win_rate', 'id-ID') // '12,5'
 */
export function valueText(value: number, metric: MetricId, locale: string): string {
  const unit = getMetric(metric).unit;
  const digits = unit === 'ratio' || unit === 'number' ? 4 : unit === 'count' ? 0 : 2;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(
    unit === 'ratio' ? value * 100 : value,
  );
}

/** `value` rounded to `n` significant digits, by exact integer steps (no 0.1-style drift). */
function significant(value: number, n: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const exponent = n - 1 - Math.floor(Math.log10(Math.abs(value)));
  return exponent >= 0
    ? Math.round(value * 10 ** exponent) / 10 ** exponent
    : Math.round(value / 10 ** -exponent) * 10 ** -exponent;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/**
 * A computed target rounded the way a manager would state it: money and counts to four
 * significant digits (1,358,024.68 → 1,358,000; counts whole), rates to a tenth of a percentage
 * point, days and months to one decimal.
 * @example roundForUnit(1358024.68, 'currency') // 1358000
 */
export function roundForUnit(value: number, unit: MetricUnit): number {
  switch (unit) {
    case 'currency':
      return round(significant(value, 4), 2);
    case 'count':
      return Math.round(significant(value, 4));
    case 'ratio':
      return round(value, 3);
    case 'days':
    case 'months':
      return round(value, 1);
    default:
      return round(value, 2);
  }
}

/**
 * A goal period as typed, read in the calendar; days are refused.
 * @example checkPeriod('2026-Q4', calendar) // { period: Oct–Dec 2026 }
 */
export function checkPeriod(
  text: string,
  calendar: Calendar,
): { period: Period } | { problem: FieldProblem } {
  if (text.trim() === '') return { problem: 'required' };
  const period = parsePeriodKey(text, calendar);
  if (!period) return { problem: 'badPeriod' };
  return period.unit === 'day' ? { problem: 'dayPeriod' } : { period };
}

type PeriodWords = Pick<
  GoalsStrings,
  'quarterLabel' | 'fiscalYearLabel' | 'fiscalQuarterLabel' | 'weekLabel'
>;

/**
 * A period's name in the pane's language (the engine's labels are English only).
 * @example periodLabel(parsePeriodKey('2026-Q4')!, 'id-ID', goalsStrings('id')) // 'Kuartal 4 2026'
 */
export function periodLabel(period: Period, locale: string, words: PeriodWords): string {
  const fiscal = period.calendar.fiscalYearStartMonth !== 1;
  switch (period.unit) {
    case 'year':
      return fiscal ? words.fiscalYearLabel(String(period.index + 1)) : String(period.index);
    case 'quarter': {
      const year = Math.floor(period.index / 4);
      const quarter = String(period.index - year * 4 + 1);
      return fiscal
        ? words.fiscalQuarterLabel(quarter, String(year + 1))
        : words.quarterLabel(quarter, String(year));
    }
    case 'month':
      return monthLabel(period.start, locale);
    case 'week': {
      const { weekYear, week } = weekNumberOf(period.start, period.calendar);
      return words.weekLabel(String(week), String(weekYear));
    }
    default:
      return dayLabel(period.start, locale);
  }
}

/**
 * The label shown under a period field, with its days when the name alone does not tell them
 * (a week, or a fiscal year that starts in July).
 * @example describePeriod(parsePeriodKey('2026-W48')!, 'en', words) // 'Week 48, 2026 · Nov 23, 2026 – Nov 29, 2026'
 */
export function describePeriod(period: Period, locale: string, words: PeriodWords): string {
  const label = periodLabel(period, locale, words);
  const fiscal = period.calendar.fiscalYearStartMonth !== 1 && period.unit !== 'month';
  if (period.unit !== 'week' && !fiscal) return label;
  return `${label} · ${dayLabel(period.start, locale)} – ${dayLabel(period.end - 1, locale)}`;
}

/**
 * A scope as a `<select>` value: `''`, `rep:Ani`, `region:West` (names are user text, hence the prefix).
 * @example scopeKey({ region: 'West' }) // 'region:West'
 */
export function scopeKey(scope?: GoalScope): string {
  if (scope?.rep !== undefined) return `rep:${scope.rep}`;
  return scope?.region !== undefined ? `region:${scope.region}` : '';
}

/** The scope of a `<select>` value made by {@link scopeKey}. @example scopeOf('rep:Ani') // { rep: 'Ani' } */
export function scopeOf(key: string): GoalScope | undefined {
  if (key.startsWith('rep:')) return { rep: key.slice(4) };
  return key.startsWith('region:') ? { region: key.slice(7) } : undefined;
}

/** A goal row as its fields hold it: texts as typed, so a wrong entry is kept to be corrected. */
export interface GoalDraft {
  readonly id: string;
  readonly metric: MetricId;
  readonly period: string;
  readonly scope: string;
  readonly target: string;
  readonly basis?: string;
}

/** A saved goal put back in its fields. @example goalDraft(row, 'id-ID').target // '1.250.000' */
export function goalDraft(row: GoalRow, locale: string): GoalDraft {
  return {
    id: row.id,
    metric: row.metric,
    period: row.period,
    scope: scopeKey(row.scope),
    target: valueText(row.target, row.metric, locale),
    ...(row.basis ? { basis: row.basis } : {}),
  };
}

/** One draft checked: the goal it makes, or what is wrong with its fields. */
export interface GoalCheck {
  readonly draft: GoalDraft;
  readonly period?: Period;
  readonly row?: GoalRow;
  readonly periodProblem?: FieldProblem;
  readonly targetProblem?: FieldProblem;
}

/**
 * Checks every draft; a second goal for the same metric, period and scope is refused, since the
 * dashboard could not tell which one to track.
 * @example checkGoals([{ id: 'g1', metric: 'revenue', period: '2026', scope: '', target: '1,5' }], calendar, 'en')[0].row?.target // 1.5
 */
export function checkGoals(drafts: readonly GoalDraft[], calendar: Calendar, locale: string): GoalCheck[] {
  const style = numberStyleOf(locale);
  const seen = new Set<string>();
  return drafts.map((draft) => {
    const period = checkPeriod(draft.period, calendar);
    const target = parseValue(draft.target, draft.metric, style);
    const scope = scopeOf(draft.scope);
    let periodProblem = 'problem' in period ? period.problem : undefined;
    if ('period' in period) {
      const id = goalId(draft.metric, period.period, scope);
      if (seen.has(id)) periodProblem = 'duplicate';
      seen.add(id);
    }
    const check = {
      draft,
      ...('period' in period ? { period: period.period } : {}),
      ...(periodProblem ? { periodProblem } : {}),
      ...('problem' in target ? { targetProblem: target.problem } : {}),
    };
    if (periodProblem || !('period' in period) || 'problem' in target) return check;
    const row: GoalRow = {
      id: draft.id,
      metric: draft.metric,
      period: period.period.key,
      ...(scope ? { scope } : {}),
      target: target.value,
      ...(draft.basis ? { basis: draft.basis } : {}),
    };
    return { ...check, row };
  });
}

/**
 * The first `prefix-n` not taken, for a new row's id.
 * @example newId('goal', ['goal-1', 'goal-2']) // 'goal-3'
 */
export function newId(prefix: string, taken: readonly string[]): string {
  const used = new Set(taken);
  let n = taken.length + 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** A target worked out for a row, and how, in the words shown beside it. */
export interface Suggestion {
  readonly target: number;
  readonly basis: string;
}

export type LastYearResult =
  | (Suggestion & { readonly baseline: number })
  | {
      readonly problem: 'noBaseline' | 'baselineUnfinished';
      readonly period: string;
      readonly reason?: string;
    };

/**
 * Target = the same period last year × (1 + growth), rounded for the unit (see
 * {@link roundForUnit}); basis text such as `2025 + 10 %`. A baseline that is an error, zero
 * (no sales recorded then) or still running on `asOf` gives no target rather than a wrong one.
 * @example fromLastYear({ metric: 'revenue', period: y2026, growth: 0.1, evaluate, locale: 'en', words })
 *   // 2025 revenue 550 → { target: 605, basis: '2025 + 10 %', baseline: 550 }
 */
export function fromLastYear(input: {
  metric: MetricId;
  period: Period;
  scope?: GoalScope;
  growth: number;
  evaluate: Evaluate;
  /** The last day the figures cover (epoch day); a baseline period ending after it is unfinished. */
  asOf?: number;
  locale: string;
  words: PeriodWords;
}): LastYearResult {
  const last = samePeriodLastYear(input.period);
  const label = periodLabel(last, input.locale, input.words);
  if (input.asOf !== undefined && last.end > Math.floor(input.asOf) + 1)
    return { problem: 'baselineUnfinished', period: label };
  const spec = { metric: input.metric, period: input.period, ...(input.scope ? { scope: input.scope } : {}) };
  const goal = baselineGoal(spec, { kind: 'last-year' }, input.growth, input.evaluate);
  if (isMetricError(goal)) return { problem: 'noBaseline', period: label, reason: goal.reason };
  const baseline = goal.basis.kind === 'baseline' ? goal.basis.baseline : NaN;
  const target = roundForUnit(goal.target, getMetric(input.metric).unit);
  if (!Number.isFinite(baseline) || baseline === 0 || target === 0)
    return { problem: 'noBaseline', period: label };
  const percent = new Intl.NumberFormat(input.locale, { maximumFractionDigits: 1 }).format(
    Math.abs(input.growth) * 100,
  );
  return { target, baseline, basis: `${label} ${input.growth < 0 ? '\u2212' : '+'} ${percent} %` };
}

/**
 * Whether a metric's goal is paced along last period's curve and never split (customers,
 * returning customers, retention, churn, active ratio).
 * @example isCurvePaced('customers') // true
 */
export function isCurvePaced(metric: MetricId): boolean {
  return traitsOf(metric).pace !== undefined;
}

/**
 * Target from the industry's figure for the metric that can be set against the goal's period
 * (`pickBenchmark`): one published for the goal's unit first (monthly churn for a month goal),
 * then one not tied to a period, then the others converted where sound (a quarter's churn from a
 * monthly figure: 1 − (1 − c)^3); a range gives its better end (the lower end when lower is
 * better). Basis `Source year`, plus the conversion. `{ skipped }` with the reason when every
 * figure measures something else (session conversion against leads won) or another period; null
 * when the industry has none for the metric.
 * @example fromBenchmark('churn_rate', 'month', 'b2b-saas', 'en') // { target: 0.03, basis: 'Optifai Sales Ops Benchmark 2025 (…) 2025', … }
 */
export function fromBenchmark(
  metric: MetricId,
  unit: Period['unit'] | undefined,
  industry: string,
  language: 'en' | 'id',
): (Suggestion & { readonly entry: BenchmarkEntry }) | { readonly skipped: string } | null {
  const set = librarySet(industry, language);
  const entries = set ? benchmarksFor(set, metric) : [];
  if (entries.length === 0 || unit === undefined) return null;
  const picked = pickBenchmark(entries, { unit, days: 1, periodDays: 1 }, comparedMetric(metric));
  if (!picked) return null;
  if ('skipped' in picked) return { skipped: picked.skipped };
  const { entry, prepared } = picked;
  const pick = betterEnd(prepared.range, traitsOf(metric));
  if (isMetricError(pick)) return null;
  const source = [entry.source, entry.year].filter((part) => part !== undefined).join(' ');
  const basis = prepared.notes.length > 0 ? `${source} (${prepared.notes.join('; ')})` : source;
  return { target: pick.value, basis, entry };
}

/**
 * Units a goal of this period can be split into (a week is the smallest goal).
 * @example splitUnits(parsePeriodKey('2026-11')!) // ['week']
 */
export function splitUnits(period: Period): SplitUnit[] {
  if (period.unit === 'year' || period.unit === 'quarter') return ['month', 'week'];
  return period.unit === 'month' ? ['week'] : [];
}

export interface SplitPreviewPart {
  readonly key: string;
  readonly label: string;
  readonly target: number;
  /** A week cut by the goal period's first or last day. */
  readonly partial: boolean;
}

export interface SplitPreviewData {
  readonly parts: readonly SplitPreviewPart[];
  /** `same-rate` for rates and levels; `even` when `seasonal` was asked for but fell back. */
  readonly applied: SplitMethod | 'same-rate';
  readonly fallbackReason?: string;
}

/**
 * A goal's months or weeks, by days or by last year's shape; whole counts for count metrics,
 * cents otherwise, summing exactly to the target. Null when the goal cannot be split that way.
 * @example splitPreview(revenueQ1, { unit: 'month', method: 'even', calendar, locale: 'en', words }).parts.length // 3
 */
export function splitPreview(
  row: GoalRow,
  options: {
    unit: SplitUnit;
    method: SplitMethod;
    calendar: Calendar;
    evaluate?: Evaluate;
    locale: string;
    words: PeriodWords;
  },
): SplitPreviewData | null {
  const period = parsePeriodKey(row.period, options.calendar);
  const goal =
    period &&
    numberGoal({ metric: row.metric, period, ...(row.scope ? { scope: row.scope } : {}) }, row.target);
  if (!goal || isMetricError(goal)) return null;
  const split = splitGoal(goal, {
    unit: options.unit,
    method: options.method,
    traits: traitsOf(row.metric),
    decimals: getMetric(row.metric).unit === 'count' ? 0 : 2,
    ...(options.evaluate ? { evaluate: options.evaluate } : {}),
  });
  if (isMetricError(split)) return null;
  const parts = split.parts.map((part) => {
    const sub = parsePeriodKey(part.key, options.calendar);
    const label = sub ? periodLabel(sub, options.locale, options.words) : part.label;
    return { key: part.key, label, target: part.target, partial: part.partial };
  });
  return {
    parts,
    applied: split.applied,
    ...(split.fallbackReason ? { fallbackReason: split.fallbackReason } : {}),
  };
}

/** An own or competitor figure as its fields hold it. */
export interface FigureDraft {
  readonly id: string;
  readonly metric: MetricId;
  readonly value: string;
  readonly kind: OwnFigure['kind'];
  readonly source: string;
}

/** A saved figure put back in its fields. @example figureDraft(figure, 'id-ID').value // '120,5' */
export function figureDraft(figure: OwnFigure, locale: string): FigureDraft {
  return { ...figure, value: valueText(figure.value, figure.metric, locale) };
}

export interface FigureCheck {
  readonly draft: FigureDraft;
  readonly figure?: OwnFigure;
  readonly valueProblem?: FieldProblem;
  readonly sourceProblem?: FieldProblem;
}

/**
 * Checks figure drafts: a value in the metric's unit and a source (a figure nobody can trace
 * is no benchmark).
 * @example checkFigures([{ id: 'f1', metric: 'aov', value: '120', kind: 'competitor', source: 'Rival' }], 'en')[0].figure?.value // 120
 */
export function checkFigures(drafts: readonly FigureDraft[], locale: string): FigureCheck[] {
  const style = numberStyleOf(locale);
  return drafts.map((draft) => {
    const value = parseValue(draft.value, draft.metric, style);
    const source = draft.source.trim();
    const problems = {
      ...('problem' in value ? { valueProblem: value.problem } : {}),
      ...(source === '' ? { sourceProblem: 'sourceRequired' as const } : {}),
    };
    if ('problem' in value || source === '') return { draft, ...problems };
    const { id, metric, kind } = draft;
    return { draft, figure: { id, metric, value: value.value, kind, source } };
  });
}

/**
 * True when two goal lists hold the same goals (to tell the parent's echo from a new list).
 * @example sameGoals([row], [{ ...row }]) // true
 */
export function sameGoals(a: readonly GoalRow[], b: readonly GoalRow[]): boolean {
  const key = (g: GoalRow) =>
    JSON.stringify([g.id, g.metric, g.period, g.scope?.rep, g.scope?.region, g.target, g.basis]);
  return a.length === b.length && a.every((g, i) => key(g) === key(b[i]));
}

/** True when two figure lists hold the same figures. @example sameFigures([figure], [{ ...figure }]) // true */
export function sameFigures(a: readonly OwnFigure[], b: readonly OwnFigure[]): boolean {
  const key = (f: OwnFigure) => JSON.stringify([f.id, f.metric, f.value, f.kind, f.source]);
  return a.length === b.length && a.every((f, i) => key(f) === key(b[i]));
}
