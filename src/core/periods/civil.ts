/**
 * Calendar arithmetic on epoch days (days since 1970-01-01, proleptic Gregorian, UTC).
 * Pure integer maths (after H. Hinnant's civil-date algorithms), no `Date` objects, so it is
 * fast and free of time-zone effects.
 */

export interface CivilDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

/** Epoch day of a calendar date. Month and day may overflow; they are normalised. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const monthIndex = year * 12 + (month - 1);
  const y0 = Math.floor(monthIndex / 12);
  const m0 = monthIndex - y0 * 12 + 1;
  const y = m0 <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m0 + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + (day - 1);
}

/** Calendar date of an epoch day (its integer part). */
export function civilFromDays(epochDay: number): CivilDate {
  const z = Math.floor(epochDay) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2
    ? isLeapYear(year)
      ? 29
      : 28
    : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** ISO weekday of an epoch day: Monday = 1 … Sunday = 7 (1970-01-01 was a Thursday). */
export function isoWeekday(epochDay: number): number {
  const d = Math.floor(epochDay);
  return ((((d + 3) % 7) + 7) % 7) + 1;
}

/** Calendar month index `year * 12 + (month − 1)` of an epoch day. */
export function monthIndexOf(epochDay: number): number {
  const { year, month } = civilFromDays(epochDay);
  return year * 12 + month - 1;
}

/** `YYYY-MM-DD` of an epoch day. */
export function formatDay(epochDay: number): string {
  const { year, month, day } = civilFromDays(epochDay);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Epoch day of an ISO `YYYY-MM-DD` text, or `null` when it is not a real date.
 * @example parseDay('2024-02-29') // 19782
 */
export function parseDay(text: string): number | null {
  const match = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

function pad(n: number, width: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(n)).padStart(width, '0');
}
