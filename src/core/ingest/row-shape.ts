/**
 * Rows of a delimited text file that do not have the header's shape. In a CSV a row with more
 * fields than the header is almost always a value split at an unquoted separator: `1,000` written
 * without quotes in a comma-separated file becomes the fields `1` and `000`, and reading the row
 * would count an order of 1 instead of 1,000. Such rows are skipped with the reason.
 */
import type { CellValue } from '../cell';
import { isBlank } from '../cell';
import { type Frame, ROW_SKIPPED, rowAt, rowWidth } from './frame';
import { columnLetter } from './headers';

/** Columns up to the last non-blank header cell. */
export function headerWidthOf(row: readonly CellValue[] | null | undefined): number {
  if (!Array.isArray(row)) return 0;
  let width = row.length;
  while (width > 0 && isBlank(row[width - 1])) width--;
  return width;
}

const SMALL_GROUP = /^[-+(]?\d{1,3}$/;
const THREE_DIGITS = /^\d{3}(?:[.,]\d+)?\)?$/;

function text(value: CellValue): string {
  return typeof value === 'string' ? value.trim() : String(value ?? '');
}

/** Why a row has more fields than the header: a number split at its thousands separator, if one shows. */
function splitReason(row: readonly CellValue[], width: number, last: number, delimiter: string): string {
  const shown = delimiter === '\t' ? 'tab' : delimiter === 'whitespace' ? 'space' : delimiter;
  for (let c = 0; c < last; c++) {
    const left = text(row[c]);
    const right = text(row[c + 1]);
    if (SMALL_GROUP.test(left) && THREE_DIGITS.test(right)) {
      const joined = delimiter.length === 1 ? `${left}${delimiter}${right}` : `${left} ${right}`;
      return `more fields than the header (${last + 1} for ${width}): an unquoted ${joined}?`;
    }
  }
  return `more fields than the header (${last + 1} for ${width}): a value with an unquoted ${shown}?`;
}

/**
 * Skips every data row with a non-blank field beyond the header's `width`, logging the reason
 * against the first extra column. Returns how many rows were skipped.
 * @example skipOverlongRows(frame, 3, ',', headers) // row "2026-10-05,A,1,000" → skipped: "more fields than the header (4 for 3): an unquoted 1,000?"
 */
export function skipOverlongRows(
  frame: Frame,
  width: number,
  delimiter: string,
  headers: readonly string[],
): number {
  let skipped = 0;
  const { start, fate } = frame;
  for (let i = 0; i < frame.count; i++) {
    if (rowWidth(frame, i) <= width) continue;
    const row = rowAt(frame, i);
    if (row === null || row === undefined || typeof row !== 'object') continue;
    const last = headerWidthOf(row) - 1;
    if (last < width) continue;
    fate[i] = ROW_SKIPPED;
    skipped++;
    const column = headers[width] ?? `Column ${columnLetter(width)}`;
    frame.log.add(
      frame.firstRowNumber + start + i,
      width,
      column,
      row[width],
      splitReason(row, width, last, delimiter),
      'skipped',
    );
  }
  return skipped;
}
