/**
 * SALES.REVENUE straight from Excel's 2-D ranges. On a whole-column range the general path
 * (cells → typed columns → table) allocates tens of megabytes per call, and in a workbook that
 * holds a million-row table each allocation can set off a full garbage collection; revenue needs
 * none of it. When every cell is a date serial, a number or a blank, the sum is taken in two
 * passes over the ranges as they are. Anything else (text, dates outside the serial range, other
 * shapes, no usable row) returns `undefined` and the caller takes the general path, so both give
 * the same answer under the same row rules (columns.ts); tests check they agree.
 */
import type { PeriodUnit } from '../core/periods';
import { serialSpan } from './date-system';
import { windowAt } from './window';

function isBlankValue(cell: unknown): boolean {
  return cell === '' || cell === null || cell === undefined;
}

/**
 * Σ amounts of the rows dated in the window, or `undefined` when the general path is needed.
 * @example numericRevenue([[45292], [45293]], [[10], [20]], undefined, undefined) // 30
 */
export function numericRevenue(
  dates: unknown,
  amounts: unknown,
  period: PeriodUnit | undefined,
  asOf: number | undefined,
): number | undefined {
  if (!Array.isArray(dates) || !Array.isArray(amounts) || dates.length !== amounts.length) return undefined;
  const rows = dates.length;
  const { first, end: last, offset } = serialSpan();
  let latest = -Infinity;
  for (let i = 0; i < rows; i++) {
    const dateRow = dates[i];
    const amountRow = amounts[i];
    if (
      !Array.isArray(dateRow) ||
      dateRow.length !== 1 ||
      !Array.isArray(amountRow) ||
      amountRow.length !== 1
    ) {
      return undefined;
    }
    const d = dateRow[0];
    const a = amountRow[0];
    if (d === 0 && (a === 0 || isBlankValue(a))) continue; // a blank row on older builds
    if (typeof d === 'number') {
      if (!(d >= first && d < last)) return undefined;
      if (typeof a === 'number') {
        if (a - a !== 0) return undefined;
        if (d > latest) latest = d;
      } else if (!isBlankValue(a)) {
        return undefined;
      }
    } else if (!isBlankValue(d) || !(typeof a === 'number' || isBlankValue(a))) {
      return undefined;
    }
  }
  if (latest === -Infinity) return undefined;
  const window = windowAt(asOf ?? latest - offset, period);
  const start = window.start + offset;
  const end = window.end + offset;
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    const d = (dates[i] as unknown[])[0];
    const a = (amounts[i] as unknown[])[0];
    if (typeof d === 'number' && typeof a === 'number' && d >= start && d < end) sum += a;
  }
  return sum;
}
