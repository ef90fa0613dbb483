/**
 * Periods as half-open day ranges [start, end) with a stable integer index per unit, so that
 * rows can be bucketed with one arithmetic step and neighbouring periods are index ± 1.
 *
 * Conventions (where a definition had to choose):
 * - Weeks start on `calendar.weekStartsOn` (ISO Monday by default). A week belongs to the year that
 *   holds its fourth day, so week 1 is the week containing 4 January — exactly ISO 8601 for Monday
 *   weeks, and the same rule for other week starts. Some years have a week 53.
 * - Fiscal quarters and years start in `calendar.fiscalYearStartMonth`. A fiscal year is named by the
 *   calendar year in which it ends (July 2026 – June 2027 is FY2027), the common convention.
 *   Months and days are calendar periods whatever the fiscal year.
 */
import type { Calendar, PeriodUnit } from './calendar';
import { DEFAULT_CALENDAR } from './calendar';
import { civilFromDays, daysFromCivil, formatDay } from './civil';

export interface Period {
  readonly unit: PeriodUnit;
  /** Consecutive integers for consecutive periods of the same unit and calendar. */
  readonly index: number;
  /** First epoch day (inclusive). */
  readonly start: number;
  /** Epoch day after the last (exclusive). */
  readonly end: number;
  /** Machine key: `2026-11-28`, `2026-W48`, `2026-11`, `2026-Q4` / `FY2027-Q2`, `2026` / `FY2027`. */
  readonly key: string;
  /** Human label: `28 Nov 2026`, `2026-W48`, `Nov 2026`, `Q4 2026` / `FY2027 Q2`, `2026` / `FY2027`. */
  readonly label: string;
  /** The calendar the period was made in; neighbours are taken in the same calendar. */
  readonly calendar: Calendar;
}

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Monday 1969-12-29 is week-aligned for ISO weeks; other starts shift from it. */
function weekAnchor(calendar: Calendar): number {
  return -3 + (calendar.weekStartsOn - 1);
}

function isFiscal(calendar: Calendar): boolean {
  return calendar.fiscalYearStartMonth !== 1;
}

/**
 * The index of the period of `unit` that contains `epochDay`.
 * @example periodIndex(daysFromCivil(2026, 11, 28), 'month') // 2026 * 12 + 10
 */
export function periodIndex(
  epochDay: number,
  unit: PeriodUnit,
  calendar: Calendar = DEFAULT_CALENDAR,
): number {
  const day = Math.floor(epochDay);
  switch (unit) {
    case 'day':
      return day;
    case 'week':
      return Math.floor((day - weekAnchor(calendar)) / 7);
    default: {
      const { year, month } = civilFromDays(day);
      return monthIndexToUnit(year * 12 + month - 1, unit, calendar);
    }
  }
}

/** Maps a calendar month index (`year * 12 + month − 1`) to a month, quarter or year index. */
export function monthIndexToUnit(
  monthIndex: number,
  unit: PeriodUnit,
  calendar: Calendar = DEFAULT_CALENDAR,
): number {
  const shifted = monthIndex - (calendar.fiscalYearStartMonth - 1);
  if (unit === 'quarter') return Math.floor(shifted / 3);
  if (unit === 'year') return Math.floor(shifted / 12);
  return monthIndex;
}

/** The period of `unit` with the given index. */
export function periodAt(index: number, unit: PeriodUnit, calendar: Calendar = DEFAULT_CALENDAR): Period {
  return { ...periodParts(index, unit, calendar), calendar };
}

function periodParts(index: number, unit: PeriodUnit, calendar: Calendar): Omit<Period, 'calendar'> {
  const fiscalShift = calendar.fiscalYearStartMonth - 1;
  switch (unit) {
    case 'day': {
      const { year, month, day } = civilFromDays(index);
      return {
        unit,
        index,
        start: index,
        end: index + 1,
        key: formatDay(index),
        label: `${day} ${MONTH_ABBR[month - 1]} ${year}`,
      };
    }
    case 'week': {
      const start = weekAnchor(calendar) + index * 7;
      const { weekYear, week } = weekNumberOf(start, calendar);
      const key = `${weekYear}-W${String(week).padStart(2, '0')}`;
      return { unit, index, start, end: start + 7, key, label: key };
    }
    case 'month': {
      const year = Math.floor(index / 12);
      const month = index - year * 12 + 1;
      const key = `${year}-${String(month).padStart(2, '0')}`;
      return {
        unit,
        index,
        start: monthStart(index),
        end: monthStart(index + 1),
        key,
        label: `${MONTH_ABBR[month - 1]} ${year}`,
      };
    }
    case 'quarter': {
      const firstMonth = index * 3 + fiscalShift;
      const fiscalYear = Math.floor(index / 4);
      const quarter = index - fiscalYear * 4 + 1;
      const yearName = fiscalYearName(fiscalYear, calendar);
      const key = `${yearName}-Q${quarter}`;
      const label = isFiscal(calendar) ? `${yearName} Q${quarter}` : `Q${quarter} ${yearName}`;
      return { unit, index, start: monthStart(firstMonth), end: monthStart(firstMonth + 3), key, label };
    }
    case 'year': {
      const firstMonth = index * 12 + fiscalShift;
      const key = fiscalYearName(index, calendar);
      return {
        unit,
        index,
        start: monthStart(firstMonth),
        end: monthStart(firstMonth + 12),
        key,
        label: key,
      };
    }
  }
}

/** The period of `unit` containing `epochDay`. */
export function periodOf(epochDay: number, unit: PeriodUnit, calendar: Calendar = DEFAULT_CALENDAR): Period {
  return periodAt(periodIndex(epochDay, unit, calendar), unit, calendar);
}

/** The period `n` steps away (negative = earlier). */
export function shiftPeriod(period: Period, n: number): Period {
  return periodAt(period.index + n, period.unit, period.calendar);
}

/** The period just before (P−1 in docs/metrics.md). */
export function previousPeriod(period: Period): Period {
  return shiftPeriod(period, -1);
}

/**
 * The same period a year earlier (DAX SAMEPERIODLASTYEAR for months, quarters and years).
 * A day maps to the same date (29 Feb → 28 Feb); a week to the same week number, with week 53
 * mapping to the last week of a 52-week year.
 */
export function samePeriodLastYear(period: Period): Period {
  const calendar = period.calendar;
  switch (period.unit) {
    case 'day': {
      const { year, month, day } = civilFromDays(period.start);
      const lastYear =
        month === 2 && day === 29 ? daysFromCivil(year - 1, 2, 28) : daysFromCivil(year - 1, month, day);
      return periodAt(lastYear, 'day', calendar);
    }
    case 'week': {
      const { weekYear, week } = weekNumberOf(period.start, calendar);
      const firstWeek = week1Index(weekYear - 1, calendar);
      const weeksInYear = week1Index(weekYear, calendar) - firstWeek;
      return periodAt(firstWeek + Math.min(week, weeksInYear) - 1, 'week', calendar);
    }
    case 'month':
      return shiftPeriod(period, -12);
    case 'quarter':
      return shiftPeriod(period, -4);
    case 'year':
      return shiftPeriod(period, -1);
  }
}

/** Week-year and week number (1–53) of the week containing `epochDay`. */
export function weekNumberOf(
  epochDay: number,
  calendar: Calendar = DEFAULT_CALENDAR,
): { weekYear: number; week: number } {
  const index = periodIndex(epochDay, 'week', calendar);
  const fourthDay = weekAnchor(calendar) + index * 7 + 3;
  const weekYear = civilFromDays(fourthDay).year;
  return { weekYear, week: index - week1Index(weekYear, calendar) + 1 };
}

/** Number of weeks (52 or 53) in a week-year. */
export function weeksInWeekYear(weekYear: number, calendar: Calendar = DEFAULT_CALENDAR): number {
  return week1Index(weekYear + 1, calendar) - week1Index(weekYear, calendar);
}

/** Week 1 is the week that contains 4 January. */
function week1Index(weekYear: number, calendar: Calendar): number {
  return periodIndex(daysFromCivil(weekYear, 1, 4), 'week', calendar);
}

function monthStart(monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  return daysFromCivil(year, monthIndex - year * 12 + 1, 1);
}

function fiscalYearName(yearIndex: number, calendar: Calendar): string {
  return isFiscal(calendar) ? `FY${yearIndex + 1}` : String(yearIndex);
}

/** The week period with the given week-year and week number (null when the year has no such week). */
export function weekPeriod(
  weekYear: number,
  week: number,
  calendar: Calendar = DEFAULT_CALENDAR,
): Period | null {
  if (!Number.isInteger(week) || week < 1 || week > weeksInWeekYear(weekYear, calendar)) return null;
  return periodAt(week1Index(weekYear, calendar) + week - 1, 'week', calendar);
}
