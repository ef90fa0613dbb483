/**
 * What kinds of values a column holds, counted over a sample: the evidence role detection weighs
 * against header names (a `Date` header over text like `abc` is probably not the date).
 */
import type { CellValue } from '../cell';
import { isBlank, isExcelError } from '../cell';
import { dateFromText, MAX_SERIAL_1900, serialToEpochDays } from './dates';
import { amountFromText, looksLikeMoneyText } from './numbers';
import { statusFromText } from './status';

export interface ColumnProfile {
  readonly nonBlank: number;
  readonly numbers: number;
  /** Numbers with a fractional part. */
  readonly decimals: number;
  /** Numbers that are plausible 1900-system serials of 1970–2100 (possible dates, possible amounts). */
  readonly serialLike: number;
  /** Numbers that are valid 1900-system serials at all (1900–2200). */
  readonly serialValid: number;
  /** Integers shaped `yyyymmdd` (19000101–22001231) that are valid dates. */
  readonly yyyymmdd: number;
  readonly dateObjects: number;
  /** Text that parses as a date in some day/month order. */
  readonly dateText: number;
  /** Text that parses as an amount. */
  readonly amountText: number;
  /** Amount text with a currency marker, percent sign or decimal separator. */
  readonly moneyText: number;
  /** Text that is a known pipeline status. */
  readonly statusText: number;
  /** Any other text. */
  readonly otherText: number;
  readonly booleans: number;
  readonly errors: number;
}

/** 1970-01-01 and 2100-01-01 as 1900-system serials. */
const SERIAL_1970 = 25569;
const SERIAL_2100 = 73051;

function isYyyymmdd(value: number): boolean {
  if (!Number.isInteger(value) || value < 19000101 || value > 22001231) return false;
  const month = Math.floor(value / 100) % 100;
  const day = value % 100;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

/**
 * Counts value kinds in a column sample.
 *
 * @example
 * profileColumn(['2026-11-28', 'abc', 12.5]).dateText // 1
 */
export function profileColumn(values: readonly CellValue[]): ColumnProfile {
  const p = {
    nonBlank: 0,
    numbers: 0,
    decimals: 0,
    serialLike: 0,
    serialValid: 0,
    yyyymmdd: 0,
    dateObjects: 0,
    dateText: 0,
    amountText: 0,
    moneyText: 0,
    statusText: 0,
    otherText: 0,
    booleans: 0,
    errors: 0,
  };
  for (const value of values) {
    if (isBlank(value)) continue;
    p.nonBlank++;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) continue;
      p.numbers++;
      if (!Number.isInteger(value)) p.decimals++;
      if (value >= SERIAL_1970 && value < Math.min(SERIAL_2100, MAX_SERIAL_1900)) p.serialLike++;
      if (isYyyymmdd(value)) p.yyyymmdd++;
      else if (typeof serialToEpochDays(value) === 'number') p.serialValid++;
    } else if (typeof value === 'string') {
      // Text without a digit is neither an amount nor a date: skip the parsers (label columns).
      if (!hasDigit(value)) {
        if (isExcelError(value)) p.errors++;
        else if (statusFromText(value) !== undefined) p.statusText++;
        else p.otherText++;
      } else if (isExcelError(value)) p.errors++;
      else if (typeof amountFromText(value) === 'number') {
        p.amountText++;
        if (looksLikeMoneyText(value)) p.moneyText++;
        else if (/^\s*\d{8}\s*$/.test(value) && isYyyymmdd(Number(value))) p.yyyymmdd++;
      } else if (
        typeof dateFromText(value, 'mdy') === 'number' ||
        typeof dateFromText(value, 'dmy') === 'number'
      ) {
        p.dateText++;
      } else if (statusFromText(value) !== undefined) p.statusText++;
      else p.otherText++;
    } else if (typeof value === 'boolean') p.booleans++;
    else if (value instanceof Date) p.dateObjects++;
  }
  return p;
}

/** Share of non-blank cells that can be read as dates (any valid serial included). */
export function dateShare(p: ColumnProfile): number {
  return p.nonBlank === 0 ? 0 : (p.dateObjects + p.dateText + p.yyyymmdd + p.serialValid) / p.nonBlank;
}

/** Share of non-blank cells that look like dates by value alone (serials of 1970–2100 only). */
export function likelyDateShare(p: ColumnProfile): number {
  return p.nonBlank === 0 ? 0 : (p.dateObjects + p.dateText + p.yyyymmdd + p.serialLike) / p.nonBlank;
}

/** Share of non-blank cells that are dates beyond doubt (not bare numbers in serial range). */
export function strongDateShare(p: ColumnProfile): number {
  return p.nonBlank === 0 ? 0 : (p.dateObjects + p.dateText + p.yyyymmdd) / p.nonBlank;
}

/** Share of non-blank cells that read as amounts. */
export function numberShare(p: ColumnProfile): number {
  return p.nonBlank === 0 ? 0 : (p.numbers + p.amountText) / p.nonBlank;
}

/** Share of non-blank cells that are text labels (statuses included). */
export function textShare(p: ColumnProfile): number {
  return p.nonBlank === 0 ? 0 : (p.otherText + p.statusText) / p.nonBlank;
}
