/**
 * A benchmark in the terms of the period it is compared with: converted where the conversion is
 * sound, refused with a reason otherwise, and skipped when the figure measures something else.
 *
 * - A figure whose `measures` says it is not the metric (a lifetime repeat-buyer share against a
 *   period's repeat rate) is never compared.
 * - Rates, multiples and durations (`none`: AOV, margin, win rate, LTV:CAC, payback months) do not
 *   depend on the period's length: compared as published, whatever its period.
 * - Churn and retention compound: over k periods, retention r becomes r^k and churn c becomes
 *   1 − (1 − c)^k — annual = 1 − (1 − monthly)^12, monthly = 1 − (1 − annual)^(1/12), quarterly
 *   = 1 − (1 − monthly)^3. Flows (`additive`) scale by k. k must be a whole number of months
 *   (month, quarter, year) or days (day, week): weeks do not divide months or years evenly, so
 *   those conversions are refused, as are figures over a `lifetime` or with no stated period.
 * - Distinct counts and other shares (`other`: customers, repeat rate, active ratio) have no sound
 *   conversion: only a figure of the same period is compared.
 * - A period to date (5 of 31 days): flows compare with the figure prorated by days; churn,
 *   retention and the `other` metrics are not compared (a month's churn after five days is not a
 *   month's churn); rates compare as they are.
 */
import type { MetricError, MetricValue } from '../errors';
import { isMetricError } from '../errors';
import type { BenchmarkComparison, CompareOptions } from './compare';
import { compareToBenchmark } from './compare';
import type { BenchmarkEntry, BenchmarkPeriod, BenchmarkRange } from './types';

/** How a metric's value depends on the length of the period it is measured over. */
export type PeriodScaling = 'none' | 'additive' | 'survival' | 'loss' | 'other';

/** The calendar lengths a compared value can cover. */
export type CalendarUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The period the compared value covers. */
export interface ComparedPeriod {
  readonly unit: CalendarUnit;
  /** Days the value covers (to date). */
  readonly days: number;
  /** Days of the whole period. */
  readonly periodDays: number;
  /** For reasons: `Dec 2026`. */
  readonly label?: string;
}

/** The metric the value is of. */
export interface ComparedMetric {
  readonly id: string;
  readonly better: 'higher' | 'lower';
  readonly scaling: PeriodScaling;
  /** The metric's definition in words (`won over won plus lost, among …`), for reasons. */
  readonly definition?: string;
}

/** A figure ready to compare: its range in the compared period's terms and how it got there. */
export interface PreparedBenchmark {
  readonly range: BenchmarkRange;
  /** Conversions and prorating, in words (empty when the figure is used as published). */
  readonly notes: readonly string[];
}

/** Why a figure is not compared. */
export interface SkippedBenchmark {
  readonly skipped: string;
}

export function isSkipped(value: unknown): value is SkippedBenchmark {
  return typeof value === 'object' && value !== null && 'skipped' in value;
}

const MONTHS: Readonly<Partial<Record<BenchmarkPeriod, number>>> = { month: 1, quarter: 3, year: 12 };
const DAYS: Readonly<Partial<Record<BenchmarkPeriod, number>>> = { day: 1, week: 7 };
const ADJECTIVE: Readonly<Record<CalendarUnit, string>> = {
  day: 'daily',
  week: 'weekly',
  month: 'monthly',
  quarter: 'quarterly',
  year: 'annual',
};

/** How many `from` periods make a `to` period, when it is a whole number (or its inverse). */
function factor(from: BenchmarkPeriod, to: CalendarUnit): number | null {
  if (from === to) return 1;
  const months = [MONTHS[from], MONTHS[to]];
  if (months[0] && months[1]) return months[1] / months[0];
  const days = [DAYS[from], DAYS[to]];
  if (days[0] && days[1]) return days[1] / days[0];
  return null;
}

/** `an annual`, `a monthly`. */
const an = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function exponent(k: number): string {
  return k >= 1 ? String(k) : `(1/${Math.round(1 / k)})`;
}

function mapRange(range: BenchmarkRange, f: (x: number) => number): BenchmarkRange {
  return {
    ...(range.value !== undefined ? { value: f(range.value) } : {}),
    ...(range.min !== undefined ? { min: f(range.min) } : {}),
    ...(range.max !== undefined ? { max: f(range.max) } : {}),
  };
}

function rangeOf(entry: BenchmarkRange): BenchmarkRange {
  return mapRange(entry, (x) => x);
}

/** The metric's own definition in the reason's words: `Share of … to date.` → `share of … to date`. */
function ours(metric: ComparedMetric): string {
  const whole = (metric.definition ?? metric.id).trim();
  const text = (/^(.+?)\.\s/.exec(whole)?.[1] ?? whole).replace(/\.$/, '');
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The figure in the terms of `period`, or why it is not compared (see the module comment).
 * @example benchmarkForPeriod({ metric: 'churn_rate', value: 0.1, unit: 'ratio', period: 'year' },
 *   { unit: 'month', days: 30, periodDays: 30 }, { id: 'churn_rate', better: 'lower', scaling: 'loss' })
 *   // { range: { value: 0.00874 }, notes: ['annual 10% per month: 1 − (1 − 10%)^(1/12)'] }
 */
export function benchmarkForPeriod(
  entry: BenchmarkEntry,
  period: ComparedPeriod,
  metric: ComparedMetric,
): PreparedBenchmark | SkippedBenchmark {
  if (entry.measures) return { skipped: `measures ${entry.measures}, not this metric (${ours(metric)})` };
  const { scaling } = metric;
  const unit = period.unit;
  const partial = period.days < period.periodDays;
  const name = metric.id.replace(/_/g, ' ');
  if (partial && (scaling === 'survival' || scaling === 'loss' || scaling === 'other'))
    return {
      skipped: `${period.label ?? `the ${unit}`} covers ${period.days} of ${period.periodDays} days: ${name} to date is not a whole ${unit}'s`,
    };
  const from = entry.period;
  const notes: string[] = [];
  let range = rangeOf(entry);
  if (from !== undefined && from !== unit && scaling === 'none') {
    if (from !== 'any')
      notes.push(
        `${capital(an(from === 'lifetime' ? 'lifetime' : ADJECTIVE[from]))} figure, compared as published (${name} does not depend on the period's length)`,
      );
  } else if (from !== undefined && from !== unit) {
    if (from === 'any' || from === 'lifetime')
      return {
        skipped:
          from === 'any'
            ? `the figure states no period, so a ${unit}'s ${name} cannot be set against it`
            : `a lifetime figure cannot be set against a ${unit}'s ${name}`,
      };
    if (scaling === 'other')
      return { skipped: `${an(ADJECTIVE[from])} ${name} does not convert to ${an(ADJECTIVE[unit])} one` };
    const k = factor(from, unit);
    if (k === null)
      return {
        skipped: `${an(ADJECTIVE[from])} figure does not convert to ${an(ADJECTIVE[unit])} one (a ${unit} is not a whole number of ${from}s)`,
      };
    const conversion = `${capital(an(ADJECTIVE[from]))} figure converted to ${ADJECTIVE[unit]}`;
    if (scaling === 'survival') {
      range = mapRange(range, (r) => r ** k);
      notes.push(`${conversion}: r^${exponent(k)}`);
    } else if (scaling === 'loss') {
      range = mapRange(range, (c) => 1 - (1 - c) ** k);
      notes.push(`${conversion}: 1 − (1 − c)^${exponent(k)}`);
    } else {
      range = mapRange(range, (v) => v * k);
      notes.push(`${conversion}: × ${k >= 1 ? k : `1/${Math.round(1 / k)}`}`);
    }
  }
  if (partial && scaling === 'additive') {
    const share = period.days / period.periodDays;
    range = mapRange(range, (v) => v * share);
    notes.push(`Prorated to ${period.days} of ${period.periodDays} days`);
  }
  return { range, notes };
}

/** A comparison in the compared period's terms, with the conversions made. */
export interface PeriodComparison extends BenchmarkComparison {
  readonly notes: readonly string[];
}

/**
 * Compares a value with a figure after putting the figure in the value's period's terms: a
 * comparison, the reason it is skipped, or the value's own error.
 * @example compareForPeriod(0.02, monthlyChurn3to5, month, churnMetric) // { status: 'better', gap: -0.01, … }
 */
export function compareForPeriod(
  value: MetricValue,
  entry: BenchmarkEntry,
  period: ComparedPeriod,
  metric: ComparedMetric,
  options: CompareOptions = {},
): PeriodComparison | SkippedBenchmark | MetricError {
  const prepared = benchmarkForPeriod(entry, period, metric);
  if (isSkipped(prepared)) return prepared;
  const comparison = compareToBenchmark(value, prepared.range, metric, options);
  if (isMetricError(comparison)) return comparison;
  return { ...comparison, notes: prepared.notes };
}

/**
 * The figure of `entries` to compare with: the first that can be compared, preferring one
 * published for the same period, then one not tied to a period, then the rest in order; when none
 * can, the first one's reason.
 * @example pickBenchmark(benchmarksFor(saas, 'churn_rate'), quarter, churn) // the monthly 3–5 % cubed
 */
export function pickBenchmark(
  entries: readonly BenchmarkEntry[],
  period: ComparedPeriod,
  metric: ComparedMetric,
):
  { entry: BenchmarkEntry; prepared: PreparedBenchmark } | { entry: BenchmarkEntry; skipped: string } | null {
  if (entries.length === 0) return null;
  const rank = (e: BenchmarkEntry) =>
    e.period === period.unit ? 0 : e.period === undefined || e.period === 'any' ? 1 : 2;
  const ordered = entries
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => rank(a.entry) - rank(b.entry) || a.i - b.i);
  for (const { entry } of ordered) {
    const prepared = benchmarkForPeriod(entry, period, metric);
    if (!isSkipped(prepared)) return { entry, prepared };
  }
  const first = benchmarkForPeriod(entries[0], period, metric) as SkippedBenchmark;
  return { entry: entries[0], skipped: first.skipped };
}
