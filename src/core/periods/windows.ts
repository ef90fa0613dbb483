/**
 * Ranges of periods, "to date" windows and reading period keys back.
 */
import type { Calendar, PeriodUnit } from './calendar';
import { DEFAULT_CALENDAR } from './calendar';
import { daysFromCivil, parseDay } from './civil';
import type { Period } from './period';
import { periodAt, periodIndex, samePeriodLastYear, weekPeriod } from './period';

/** A half-open day range [start, end). */
export interface DayWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * The last `count` periods of `unit`, oldest first, ending with the period that contains `asOf`.
 * @example lastPeriods(asOf, 'month', 12) // the trailing year of months
 */
export function lastPeriods(
  asOf: number,
  unit: PeriodUnit,
  count: number,
  calendar: Calendar = DEFAULT_CALENDAR,
): Period[] {
  const last = periodIndex(asOf, unit, calendar);
  const periods: Period[] = [];
  for (let index = last - Math.max(0, count) + 1; index <= last; index++)
    periods.push(periodAt(index, unit, calendar));
  return periods;
}

/** All periods of `unit` that overlap [startDay, endDay), oldest first. */
export function periodsBetween(
  startDay: number,
  endDay: number,
  unit: PeriodUnit,
  calendar: Calendar = DEFAULT_CALENDAR,
): Period[] {
  if (!(endDay > startDay)) return [];
  const first = periodIndex(startDay, unit, calendar);
  const last = periodIndex(endDay - 1, unit, calendar);
  const periods: Period[] = [];
  for (let index = first; index <= last; index++) periods.push(periodAt(index, unit, calendar));
  return periods;
}

/**
 * The part of `period` up to and including the as-of day: [start, min(end, asOf + 1)).
 * Empty (start = end) when the period starts after the as-of day.
 */
export function toDateWindow(period: Period, asOf: number): DayWindow {
  const end = Math.min(period.end, Math.floor(asOf) + 1);
  return { start: period.start, end: Math.max(period.start, end) };
}

/** Share of the period's days elapsed by the end of the as-of day, in [0, 1]. */
export function elapsedShare(period: Period, asOf: number): number {
  const window = toDateWindow(period, asOf);
  return (window.end - window.start) / (period.end - period.start);
}

/**
 * Reads a period key: `2026-11-28` (day), `2026-W48` (week), `2026-11` (month), `2026-Q4`,
 * `Q4 2026`, `FY2027-Q1` (quarter), `2026`, `FY2027` (year). Quarter and year keys are read in
 * the calendar's fiscal year (named by the year in which it ends). Returns null when unreadable.
 * @example parsePeriodKey('FY2027-Q1', calendarOf({ fiscalYearStartMonth: 7 })) // Jul–Sep 2026
 */
export function parsePeriodKey(key: unknown, calendar: Calendar = DEFAULT_CALENDAR): Period | null {
  if (typeof key === 'number' && Number.isInteger(key) && key >= 1000 && key <= 9999) key = String(key);
  if (typeof key !== 'string') return null;
  const text = key.trim().toUpperCase().replace(/\s+/g, ' ');
  const fiscal = calendar.fiscalYearStartMonth !== 1;
  const yearIndex = (name: number) => (fiscal ? name - 1 : name);

  const day = parseDay(text);
  if (day !== null) return periodAt(day, 'day', calendar);

  let match = /^(\d{4})-?W(\d{1,2})$/.exec(text);
  if (match) return weekPeriod(Number(match[1]), Number(match[2]), calendar);

  match = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (match) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) return null;
    return periodAt(Number(match[1]) * 12 + month - 1, 'month', calendar);
  }

  match =
    /^(?:FY ?)?(\d{4}) ?-? ?Q([1-4])$/.exec(text) ??
    swapQuarter(/^Q([1-4]) ?-? ?(?:FY ?)?(\d{4})$/.exec(text));
  if (match) return periodAt(yearIndex(Number(match[1])) * 4 + Number(match[2]) - 1, 'quarter', calendar);

  match = /^(FY ?)?(\d{4})$/.exec(text);
  if (match) return periodAt(yearIndex(Number(match[2])), 'year', calendar);

  return null;
}

function swapQuarter(match: RegExpExecArray | null): RegExpExecArray | null {
  if (!match) return null;
  const swapped = [match[0], match[2], match[1]] as unknown as RegExpExecArray;
  return swapped;
}

/** The first day of a calendar year (a convenience for tests and callers). */
export function yearStart(year: number): number {
  return daysFromCivil(year, 1, 1);
}

/** One side of a like-for-like comparison: a period cut to as many days as the period compared. */
export interface ComparedWindow extends DayWindow {
  /** The whole period the window lies in. */
  readonly period: Period;
  /** Days in the window. */
  readonly days: number;
  /** True when the window stops before its period ends. */
  readonly partial: boolean;
}

/** The as-of period to date and the same days of the period before and of a year earlier. */
export interface LikeForLike {
  readonly current: ComparedWindow;
  readonly previous: ComparedWindow;
  readonly priorYear: ComparedWindow;
}

function firstDays(period: Period, days: number): ComparedWindow {
  const end = Math.min(period.end, period.start + days);
  return { period, start: period.start, end, days: end - period.start, partial: end < period.end };
}

/**
 * Like-for-like windows: `period` up to the as-of day, and the same number of days from the start
 * of the period before and of the same period a year earlier (cut at their own end when shorter:
 * 1–31 March compares with 1–28 February). A complete period compares with complete periods.
 * @example
 * const { current, previous, priorYear } = likeForLike(periodOf(parseDay('2026-12-05')!, 'month'), parseDay('2026-12-05')!);
 * // current 2026-12-01…05, previous 2026-11-01…05, priorYear 2025-12-01…05 (5 days each)
 */
export function likeForLike(period: Period, asOf: number): LikeForLike {
  const current = toDateWindow(period, asOf);
  const days = current.end - current.start;
  const cut = (other: Period) =>
    days < period.end - period.start ? firstDays(other, days) : firstDays(other, Infinity);
  return {
    current: { ...current, period, days, partial: current.end < period.end },
    previous: cut(periodAt(period.index - 1, period.unit, period.calendar)),
    priorYear: cut(samePeriodLastYear(period)),
  };
}

/**
 * True when the as-of day falls inside `period` before its last day: the period is not over yet
 * and its figures are to date. A period that has ended, or starts after the as-of day, is not.
 * @example isPartialPeriod(periodOf(parseDay('2026-12-05')!, 'month'), parseDay('2026-12-05')!) // true
 */
export function isPartialPeriod(period: Period, asOf: number): boolean {
  const day = Math.floor(asOf);
  return day >= period.start && day < period.end - 1;
}

/** How much of a period the as-of day covers. */
export interface PeriodCoverage {
  /** True when the period is not over on the as-of day (see `isPartialPeriod`). */
  readonly partial: boolean;
  /** Days of the period up to and including the as-of day (0 when it starts later). */
  readonly days: number;
  /** Days in the whole period. */
  readonly daysInPeriod: number;
  /**
   * Last day covered (epoch day): the as-of day when partial, the period's last day when it is
   * over, the day before it starts when it starts after the as-of day.
   */
  readonly lastDay: number;
}

/**
 * Days of `period` covered on the as-of day.
 * @example periodCoverage(periodOf(parseDay('2026-12-05')!, 'month'), parseDay('2026-12-05')!)
 * // { partial: true, days: 5, daysInPeriod: 31, lastDay: parseDay('2026-12-05') }
 */
export function periodCoverage(period: Period, asOf: number): PeriodCoverage {
  const window = toDateWindow(period, asOf);
  return {
    partial: isPartialPeriod(period, asOf),
    days: window.end - window.start,
    daysInPeriod: period.end - period.start,
    lastDay: window.end - 1,
  };
}
