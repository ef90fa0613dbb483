/**
 * Spend over time: every spend row covers a span of days and its amount is spread evenly over
 * them, so any window (a week, a month to date, a quarter) gets its share.
 *
 * The span of a row, by the first rule that applies:
 * 1. **a period key** in the row's `period` cell (`2026-11`, `2026-W47`, `2026-Q4`, `2026`, read with
 *    `parsePeriodKey` in the calendar): that period;
 * 2. **an end date** on or after the row's date: from the date to the end date, both included;
 * 3. **inferred from the dates** of the rows without either, per channel (the whole table without a
 *    channel column), looking at their distinct dates up to the as-of day:
 *    - all on the first day of a month: **months**, or **quarters** when all start a quarter and
 *      consecutive dates are at least 3 months apart, or **years** when all start a year and are at
 *      least 12 months apart (quarters and years of the calendar's fiscal year);
 *    - else all on the calendar's first day of the week: **weeks**;
 *    - else each row is **its own day**.
 *    A channel with a single date takes the unit inferred from the whole table's dates (other than
 *    days) when its date starts such a period; otherwise a single date is a month when it is the
 *    1st, else a day.
 *
 * A window [start, end) gets spend × (days of the span inside the window and not after the as-of
 * day) / (days of the span). Rows dated after the as-of day, and rows with a blank spend, count
 * nowhere (nor in the inference). So a monthly spend of 3,100 dated 1 December is 100 a day: 500
 * for 1–5 December, 700 for any week inside December, all of it for December or Q4.
 */
import type { Calendar } from '../periods';
import { civilFromDays, DEFAULT_CALENDAR, parsePeriodKey, periodOf } from '../periods';
import type { SpendTable } from '../table';

/** How the span of a row was found: from its period key, its end date, or the inferred unit. */
export type SpanSource = 'period' | 'range' | 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Each row's span [start, end) in epoch days; `NaN` for rows that count nowhere. */
export interface SpendSpans {
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly source: readonly SpanSource[];
  /** The unit inferred per channel key (`''` for the whole table or blank channels). */
  readonly inferred: ReadonlyMap<string, InferredUnit>;
}

export type InferredUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Months since year 0 of an epoch day on the first of a month, or null when it is not the 1st. */
function monthStartIndex(day: number): number | null {
  const { year, month, day: dom } = civilFromDays(day);
  return dom === 1 ? year * 12 + month - 1 : null;
}

/** True when `day` is the first day of its `unit` period in `calendar`. */
function startsPeriod(day: number, unit: InferredUnit, calendar: Calendar): boolean {
  return periodOf(day, unit, calendar).start === day;
}

/**
 * The unit a set of spend dates is given in, by the rule of the module comment. `days` are epoch
 * days in any order (repeats allowed); an empty list is `day`.
 * @example inferSpanUnit([20393, 20424, 20454], DEFAULT_CALENDAR) // 'month' (1 Nov, 1 Dec 2025, 1 Jan 2026)
 */
export function inferSpanUnit(days: readonly number[], calendar: Calendar = DEFAULT_CALENDAR): InferredUnit {
  const distinct = [...new Set(days.map(Math.floor))].sort((a, b) => a - b);
  if (distinct.length === 0) return 'day';
  const months = distinct.map(monthStartIndex);
  if (months.every((m) => m !== null)) {
    if (distinct.length === 1) return 'month';
    let spacing = Infinity;
    for (let k = 1; k < months.length; k++) spacing = Math.min(spacing, months[k]! - months[k - 1]!);
    if (spacing >= 12 && distinct.every((d) => startsPeriod(d, 'year', calendar))) return 'year';
    if (spacing >= 3 && distinct.every((d) => startsPeriod(d, 'quarter', calendar))) return 'quarter';
    return 'month';
  }
  if (distinct.length > 1 && distinct.every((d) => startsPeriod(d, 'week', calendar))) return 'week';
  return 'day';
}

/** [start, end) of the `unit` period holding `day`. */
function spanOf(day: number, unit: InferredUnit, calendar: Calendar): [number, number] {
  if (unit === 'day') return [day, day + 1];
  const p = periodOf(day, unit, calendar);
  return [p.start, p.end];
}

const SPANS = new WeakMap<SpendTable, { key: string; spans: SpendSpans }>();

/**
 * The span of every row of a spend table as of `asOf` (cached per table, as-of day and calendar).
 * @example spendSpans(spend, parseDay('2026-12-05')!).source[0] // 'month'
 */
export function spendSpans(
  table: SpendTable,
  asOf: number,
  calendar: Calendar = DEFAULT_CALENDAR,
): SpendSpans {
  const asOfDay = Math.floor(asOf);
  const key = `${asOfDay}|${calendar.weekStartsOn}|${calendar.fiscalYearStartMonth}`;
  const cached = SPANS.get(table);
  if (cached && cached.key === key) return cached.spans;
  const spans = buildSpans(table, asOfDay, calendar);
  SPANS.set(table, { key, spans });
  return spans;
}

function buildSpans(table: SpendTable, asOfDay: number, calendar: Calendar): SpendSpans {
  const n = table.length;
  const start = new Float64Array(n).fill(NaN);
  const end = new Float64Array(n).fill(NaN);
  const source = new Array<SpanSource>(n).fill('day');
  // Period keys are read once per distinct text.
  const periodSpans = table.period?.dictionary.map((text) => {
    const p = parsePeriodKey(text, calendar);
    return p ? [p.start, p.end] : null;
  });
  const toInfer = new Map<string, number[]>(); // channel key → rows
  for (let i = 0; i < n; i++) {
    const day = Math.floor(table.date[i]);
    if (!(day <= asOfDay) || !Number.isFinite(table.spend[i])) continue;
    const code = table.period ? table.period.codes[i] : -1;
    const period = code >= 0 ? periodSpans![code] : null;
    if (period) {
      start[i] = period[0];
      end[i] = period[1];
      source[i] = 'period';
      continue;
    }
    const last = table.end ? Math.floor(table.end[i]) : NaN;
    if (last >= day) {
      start[i] = day;
      end[i] = last + 1;
      source[i] = 'range';
      continue;
    }
    const channel = table.channel
      ? table.channel.codes[i] >= 0
        ? table.channel.dictionary[table.channel.codes[i]]
        : ''
      : '';
    const rows = toInfer.get(channel) ?? [];
    rows.push(i);
    toInfer.set(channel, rows);
  }
  const dayOf = (i: number) => Math.floor(table.date[i]);
  const allRows = [...toInfer.values()].flat();
  const tableUnit = inferSpanUnit(allRows.map(dayOf), calendar);
  const inferred = new Map<string, InferredUnit>();
  for (const [channel, rows] of toInfer) {
    const days = rows.map(dayOf);
    let unit = inferSpanUnit(days, calendar);
    const single = new Set(days).size === 1;
    if (single && tableUnit !== 'day' && startsPeriod(days[0], tableUnit, calendar)) unit = tableUnit;
    inferred.set(channel, unit);
    for (const i of rows) {
      const [s, e] = spanOf(dayOf(i), unit, calendar);
      start[i] = s;
      end[i] = e;
      source[i] = unit;
    }
  }
  return { start, end, source, inferred };
}

/**
 * Spend per window: window k = [bounds[k], bounds[k+1]) gets each row's amount × the share of the
 * row's span inside it and not after the as-of day. Bounds ascending.
 * @example spreadSpend(spend, [day('2026-12-01'), day('2026-12-06')], day('2026-12-05')) // [500] for 3,100 over December
 */
export function spreadSpend(
  table: SpendTable,
  bounds: readonly number[],
  asOf: number,
  calendar: Calendar = DEFAULT_CALENDAR,
): Float64Array {
  const k = bounds.length - 1;
  const out = new Float64Array(Math.max(0, k));
  if (k <= 0) return out;
  const { start, end } = spendSpans(table, asOf, calendar);
  const cap = Math.min(bounds[k], Math.floor(asOf) + 1);
  for (let i = 0; i < table.length; i++) {
    const s = start[i];
    const e = end[i];
    if (!(e > s)) continue; // NaN: the row counts nowhere
    const lo = Math.max(s, bounds[0]);
    const hi = Math.min(e, cap);
    if (!(hi > lo)) continue;
    const perDay = table.spend[i] / (e - s);
    let w = firstWindow(lo, bounds);
    for (; w < k && bounds[w] < hi; w++) {
      const days = Math.min(hi, bounds[w + 1]) - Math.max(lo, bounds[w]);
      if (days > 0) out[w] += perDay * days;
    }
  }
  return out;
}

/** Index of the window holding `day` (≥ bounds[0]), by binary search. */
function firstWindow(day: number, bounds: readonly number[]): number {
  let lo = 0;
  let hi = bounds.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (bounds[mid] <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Words for an inferred unit, for notes: "each row covers its month". */
export function describeSpanUnit(unit: InferredUnit): string {
  return unit === 'day' ? 'each row is its own day' : `each row covers its ${unit}`;
}
