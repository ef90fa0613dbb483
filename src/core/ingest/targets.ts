/**
 * Period cells of a targets table → period keys that `parsePeriodKey` reads.
 */
import type { CellValue } from '../cell';
import { isExcelError } from '../cell';
import { parsePeriodKey } from '../periods/windows';
import { dateFromText, dateOrReason, MAX_YEAR, MIN_YEAR } from './dates';

function monthKeyOfEpoch(epoch: number): string {
  // Civil month from epoch days without Date objects (Hinnant's civil_from_days).
  const z = Math.floor(epoch) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

const PERIOD_HINT = 'not a period (use e.g. 2026, 2026-Q1, 2026-03, 2026-W05 or FY2027)';

/**
 * A target's period key, or why the cell is not one. A whole number 1900–2200 is a year; a date
 * (serial, `Date`, or month text like `Nov 2026`) stands for its month; other text is kept as
 * typed when `parsePeriodKey` can read it.
 *
 * @example
 * periodKeyOf(2026)        // '2026'
 * periodKeyOf('Q1 2026')   // 'Q1 2026'
 * periodKeyOf(46082)       // '2026-03'
 */
export function periodKeyOf(value: CellValue): string | { error: string } {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR) return String(value);
    const epoch = dateOrReason(value);
    return typeof epoch === 'number' ? monthKeyOfEpoch(epoch) : { error: PERIOD_HINT };
  }
  if (value instanceof Date) {
    const epoch = dateOrReason(value);
    return typeof epoch === 'number' ? monthKeyOfEpoch(epoch) : { error: epoch };
  }
  if (typeof value !== 'string')
    return { error: value === null || value === undefined ? 'blank' : PERIOD_HINT };
  const text = value.trim();
  if (text === '') return { error: 'blank' };
  if (isExcelError(text)) return { error: `Excel error ${text.toUpperCase()}` };
  if (parsePeriodKey(text) !== null) return text;
  const epoch = dateFromText(text);
  return typeof epoch === 'number' ? monthKeyOfEpoch(epoch) : { error: PERIOD_HINT };
}
