/**
 * Dates as they arrive from Excel and files, turned into epoch days (days since 1970-01-01 UTC;
 * the fraction is the time of day): Excel serials (1900 and 1904 systems), `Date` objects,
 * ISO text, `d/m/y` and `m/d/y` text, `yyyymmdd`, and English or Indonesian month names.
 *
 * Everything outside years 1900–2200 is rejected, so that an amount column is not read as dates.
 */
import type { CellValue } from '../cell';
import { isExcelError } from '../cell';
import { monthFromName, isWeekdayName } from './month-names';

export type DateOrder = 'dmy' | 'mdy' | 'ymd';
export type DateSystem = '1900' | '1904';
export type DateResult = { value: number } | { error: string };

export interface DateOptions {
  /** How to read `1/2/2026`-style text. Default `mdy` (Excel's US default). */
  readonly order?: DateOrder;
  /** Excel's date system for serial numbers. Default `1900`. */
  readonly system?: DateSystem;
  /** Read five-digit text (`46000`) as a serial day number: a CSV column of Excel serials. */
  readonly serialText?: boolean;
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** Epoch day of a calendar date (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function epochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** First and last+1 epoch day of the plausible range. */
const MIN_EPOCH = epochDay(MIN_YEAR, 1, 1);
const END_EPOCH = epochDay(MAX_YEAR + 1, 1, 1);

/** Serial of 1900-01-01 is 1; from serial 61 (1900-03-01) on, `epoch = serial − 25569`. */
const SERIAL_1900_OFFSET = 25569;
/** 1904 system: serial 0 is 1904-01-01 = epoch day −24107. */
const SERIAL_1904_OFFSET = 24107;
/** Largest serial (exclusive) inside the plausible range, 1900 system. */
export const MAX_SERIAL_1900 = END_EPOCH + SERIAL_1900_OFFSET;

/** Epoch day of a validated calendar date and time, or the reason it is not a date. */
export function civilToEpoch(year: number, month: number, day: number, seconds = 0): number | string {
  if (!(month >= 1 && month <= 12)) return `month ${month} does not exist`;
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) return `year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`;
  const days = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (!(day >= 1 && day <= days)) return `day ${day} does not exist in ${year}-${pad2(month)}`;
  return epochDay(year, month, day) + seconds / 86400;
}

/**
 * Epoch days of an Excel serial, or the reason it is not a date.
 *
 * @example
 * serialToEpochDays(61)            // -25508 (1900-03-01)
 * serialToEpochDays(60)            // '…1900-02-29…' (the day Excel invents)
 * serialToEpochDays(0, '1904')     // -24107 (1904-01-01)
 */
export function serialToEpochDays(serial: number, system: DateSystem = '1900'): number | string {
  if (!Number.isFinite(serial)) return 'not a finite number';
  let epoch: number;
  if (system === '1904') {
    if (serial < 0) return `serial ${serial} is before 1904-01-01`;
    epoch = serial - SERIAL_1904_OFFSET;
  } else {
    if (serial < 1) return `serial ${serial} is before 1900-01-01`;
    if (serial >= 60 && serial < 61)
      return 'serial 60 is 1900-02-29, a day that does not exist (Excel leap-year bug)';
    // Excel counts the non-existent 1900-02-29, so serials before it are one day closer to 1970.
    epoch = serial < 60 ? serial - (SERIAL_1900_OFFSET - 1) : serial - SERIAL_1900_OFFSET;
  }
  if (epoch < MIN_EPOCH || epoch >= END_EPOCH) return `serial ${serial} is outside ${MIN_YEAR}–${MAX_YEAR}`;
  return epoch;
}

/** A number in a date column: `yyyymmdd` when it has that shape, else a serial. */
export function dateFromNumber(value: number, system: DateSystem = '1900'): number | string {
  if (Number.isInteger(value) && value >= 19000101 && value <= 22001231) {
    return civilToEpoch(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
  }
  return serialToEpochDays(value, system);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Seconds after midnight of `h:mm[:ss[.fff]] [AM|PM]`, or `undefined`. */
function parseTime(
  hText: string,
  mText: string,
  sText: string | undefined,
  fraction: string | undefined,
  meridiem: string | undefined,
): number | undefined {
  let hours = Number(hText);
  const minutes = Number(mText);
  const secs = sText === undefined ? 0 : Number(sText) + (fraction ? Number(`0.${fraction}`) : 0);
  if (meridiem) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || secs >= 60) return undefined;
  return hours * 3600 + minutes * 60 + secs;
}

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([AaPp][Mm])?`;
const ISO_RE = new RegExp(
  String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+${TIME})?\s*(?:Z|[+-]\d{2}:?\d{2})?$`,
);
const NUMERIC_RE = new RegExp(String.raw`^(\d{1,4})([/.\-])(\d{1,2})\2(\d{1,4})\.?(?:[T ]+${TIME})?$`);
const YEAR_MONTH_RE = /^(\d{4})-(\d{1,2})$/;
const TIME_TOKEN_RE = new RegExp(`^${TIME}$`);

/** Two-digit years: 00–29 → 2000s, 30–99 → 1900s (Excel's pivot). */
function fullYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

function withTime(
  year: number,
  month: number,
  day: number,
  m: RegExpMatchArray,
  at: number,
): number | string {
  if (m[at] === undefined) return civilToEpoch(year, month, day);
  const seconds = parseTime(m[at], m[at + 1], m[at + 2], m[at + 3], m[at + 4]);
  if (seconds === undefined) return `time '${m[0].slice(m[0].search(/\d{1,2}:/))}' is not a time of day`;
  return civilToEpoch(year, month, day, seconds);
}

/** `28 Nov 2026`, `Nov 28, 2026`, `Sat 28 November 2026 10:30`, `28 Agustus 2026`, `Nov 2026`. */
function parseWithMonthName(text: string): number | string | undefined {
  // Cheap rejection first (this runs on every non-date text a column profile meets): text that
  // starts with a word must start with a month or weekday name.
  const lead = /^[a-z']+/i.exec(text);
  if (lead && monthFromName(lead[0].toLowerCase()) === undefined && !isWeekdayName(lead[0].toLowerCase()))
    return undefined;
  const tokens = text
    .toLowerCase()
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .split(/[\s,/-]+|\.(?!\d)/)
    .filter((t) => t !== '');
  let month: number | undefined;
  const numbers: string[] = [];
  let seconds = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const time = TIME_TOKEN_RE.exec(token);
    if (time) {
      let meridiem = time[5];
      if (!meridiem && (tokens[i + 1] === 'am' || tokens[i + 1] === 'pm')) meridiem = tokens[++i];
      const parsed = parseTime(time[1], time[2], time[3], time[4], meridiem);
      if (parsed === undefined) return `time '${token}' is not a time of day`;
      seconds = parsed;
    } else if (/^\d+$/.test(token)) {
      numbers.push(token);
    } else {
      const found = monthFromName(token);
      if (found !== undefined && month === undefined) month = found;
      else if (!isWeekdayName(token)) return undefined;
    }
  }
  if (month === undefined) return undefined;
  if (numbers.length === 1 && numbers[0].length === 4) return civilToEpoch(Number(numbers[0]), month, 1);
  if (numbers.length !== 2) return undefined;
  // The four-digit number is the year; otherwise the last number is (`28 Nov 26`, `Nov 28 26`).
  const yearIndex = numbers[0].length === 4 ? 0 : 1;
  const dayText = numbers[1 - yearIndex];
  if (dayText.length > 2) return undefined;
  return civilToEpoch(fullYear(numbers[yearIndex]), month, Number(dayText), seconds);
}

/**
 * Epoch days of date text, or the reason it is not a date.
 *
 * @example
 * dateFromText('2026-11-28T10:30')      // 20785.4375
 * dateFromText('28/11/2026', 'dmy')     // 20785
 * dateFromText('Nov 28, 2026')          // 20785
 */
export function dateFromText(raw: string, order: DateOrder = 'mdy'): number | string {
  const text = raw.trim();
  if (text === '') return 'blank';
  if (isExcelError(text)) return `Excel error ${text.toUpperCase()}`;
  if (text.length > 60) return 'not a date';
  let m = ISO_RE.exec(text);
  if (m) return withTime(Number(m[1]), Number(m[2]), Number(m[3]), m, 4);
  m = NUMERIC_RE.exec(text);
  if (m) {
    const [a, b, c] = [m[1], m[3], m[4]];
    if (a.length === 4) return withTime(Number(a), Number(b), Number(c), m, 5);
    if (a.length > 2 || (c.length !== 2 && c.length !== 4)) return `'${text}' is not a date`;
    if (order === 'ymd') return withTime(fullYear(a), Number(b), Number(c), m, 5);
    const [day, month] = order === 'dmy' ? [a, b] : [b, a];
    return withTime(fullYear(c), Number(month), Number(day), m, 5);
  }
  if (/^\d{8}$/.test(text)) return dateFromNumber(Number(text));
  m = YEAR_MONTH_RE.exec(text);
  if (m) return civilToEpoch(Number(m[1]), Number(m[2]), 1);
  const named = /[a-z]/i.test(text) ? parseWithMonthName(text) : undefined;
  if (named !== undefined) return named;
  return `'${text.length > 40 ? `${text.slice(0, 37)}...` : text}' is not a date`;
}

/** Epoch days or reason, for any cell value. */
export function dateOrReason(value: CellValue, options: DateOptions = {}): number | string {
  if (typeof value === 'number') return dateFromNumber(value, options.system);
  if (typeof value === 'string') {
    const serial = options.serialText ? dateFromSerialText(value, options.system) : undefined;
    return serial ?? dateFromText(value, options.order);
  }
  if (value === null || value === undefined) return 'blank';
  if (typeof value === 'boolean') return `${value ? 'TRUE' : 'FALSE'} is a boolean, not a date`;
  if (value instanceof Date) {
    const time = value.getTime();
    if (!Number.isFinite(time)) return 'invalid Date object';
    const epoch = time / 86400000;
    if (epoch < MIN_EPOCH || epoch >= END_EPOCH) return `date outside ${MIN_YEAR}–${MAX_YEAR}`;
    return epoch;
  }
  return 'not a date';
}

/**
 * Parses a date cell into epoch days.
 *
 * @example
 * parseDate(45292)                       // { value: 19723 } (2024-01-01)
 * parseDate('28/11/2026', { order: 'dmy' }) // { value: 20785 }
 * parseDate('2026-02-30')                // { error: 'day 30 does not exist in 2026-02' }
 */
export function parseDate(value: CellValue, options?: DateOptions): DateResult {
  const result = dateOrReason(value, options);
  return typeof result === 'number' ? { value: result } : { error: result };
}

/** What the cells of a column say about the order of day and month. */
export interface DateOrderEvidence {
  readonly order: DateOrder;
  /** Cells whose first part is > 12 (so it must be a day). */
  readonly dmyVotes: number;
  /** Cells whose second part is > 12. */
  readonly mdyVotes: number;
  /** Cells with a two-digit-year-first shape that only fits `yy/mm/dd`. */
  readonly ymdVotes: number;
  /** Both dmy and mdy evidence: the majority won, and the loser's cells will fail. */
  readonly conflicting: boolean;
  /** No cell decided; `order` is the fallback. */
  readonly fallback: boolean;
  /** Cells that fit both day/month orders with different dates (`05/10/2026`, not `05/05/2026`). */
  readonly ambiguous: number;
  /** The first such cell, trimmed, as an example for notes. */
  readonly example?: string;
  /** Text cells holding an Excel serial day number (`46000`, `46000.5`), as CSV files give them. */
  readonly serialTexts: number;
  /** The first such cell, trimmed. */
  readonly serialExample?: string;
}

/**
 * Text of an Excel serial day number: five digits (1927-05-18 … 2173-10-14), maybe a time
 * fraction. CSV files written from Excel carry dates this way when the column had no date format.
 */
const SERIAL_TEXT_RE = /^\d{5}(?:\.\d+)?$/;

/**
 * Epoch days of serial-number text in a date column (`'46000'` → 2025-12-09), or `undefined` when
 * the text is not one.
 * @example dateFromSerialText('46000') // 20431
 */
export function dateFromSerialText(text: string, system: DateSystem = '1900'): number | undefined {
  const trimmed = text.trim();
  if (!SERIAL_TEXT_RE.test(trimmed)) return undefined;
  const result = serialToEpochDays(Number(trimmed), system);
  return typeof result === 'number' ? result : undefined;
}

const ORDER_PROBE_RE = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})\.?(?:[T ].*)?$/;

/**
 * Infers day/month order from a column's text cells: a first part > 12 proves `dmy`, a second
 * part > 12 proves `mdy`. Conflicting evidence → the majority (ties → `fallback`); no evidence →
 * `fallback` (default `mdy`, Excel's US default; callers may pass their locale's).
 */
export function inferDateOrderEvidence(
  values: readonly CellValue[],
  fallback: DateOrder = 'mdy',
): DateOrderEvidence {
  let dmyVotes = 0;
  let mdyVotes = 0;
  let ymdVotes = 0;
  let ambiguous = 0;
  let example: string | undefined;
  let serialTexts = 0;
  let serialExample: string | undefined;
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const text = value.trim();
    if (SERIAL_TEXT_RE.test(text)) {
      serialTexts++;
      serialExample ??= text;
      continue;
    }
    const m = ORDER_PROBE_RE.exec(text);
    if (!m || m[1].length === 4) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    const c = Number(m[3]);
    if (m[1].length === 2 && a > 31 && c <= 31) ymdVotes++;
    else if (a > 12 && b <= 12) dmyVotes++;
    else if (b > 12 && a <= 12) mdyVotes++;
    else if (a !== b && a >= 1 && b >= 1 && a <= 12 && b <= 12) {
      ambiguous++;
      example ??= text;
    }
  }
  const conflicting = dmyVotes > 0 && mdyVotes > 0;
  let order: DateOrder = fallback;
  if (ymdVotes > dmyVotes && ymdVotes > mdyVotes) order = 'ymd';
  else if (dmyVotes > mdyVotes) order = 'dmy';
  else if (mdyVotes > dmyVotes) order = 'mdy';
  return {
    order,
    dmyVotes,
    mdyVotes,
    ymdVotes,
    conflicting,
    fallback: dmyVotes + mdyVotes + ymdVotes === 0,
    ambiguous,
    ...(example !== undefined ? { example } : {}),
    serialTexts,
    ...(serialExample !== undefined ? { serialExample } : {}),
  };
}

/**
 * Infers the day/month order of a column of date text.
 *
 * @example
 * inferDateOrder(['1/2/2026', '28/11/2026'])  // 'dmy'
 * inferDateOrder(['1/2/2026'])                // 'mdy' (no evidence: the default)
 */
export function inferDateOrder(values: readonly CellValue[], fallback: DateOrder = 'mdy'): DateOrder {
  return inferDateOrderEvidence(values, fallback).order;
}
