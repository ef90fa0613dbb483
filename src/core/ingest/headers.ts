/**
 * Header rows: finding the one in a block of cells, making header texts usable (unique, never
 * blank), and comparing them the way people mean them (`Order Date` = `order_date` = `ORDERDATE`).
 */
import type { CellValue } from '../cell';
import { isBlank, isExcelError } from '../cell';
import { amountFromText } from './numbers';
import { dateFromText } from './dates';

/** How many rows from the top may hold the header (title rows and notes come first in real sheets). */
export const HEADER_SCAN_ROWS = 10;

/**
 * Case-, accent-, space-, underscore-, dash- and punctuation-insensitive form of a header.
 *
 * @example
 * normalizeHeader('Order Date') === normalizeHeader('order_date') // true ('orderdate')
 * normalizeHeader('Tanggal Pésanan')                              // 'tanggalpesanan'
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Spreadsheet column letters of a 0-based column index.
 *
 * @example
 * columnLetter(0)  // 'A'
 * columnLetter(27) // 'AB'
 */
export function columnLetter(index: number): string {
  let n = Math.max(0, Math.floor(index)) + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** True for text that reads as a label: not a number, amount, date, boolean or Excel error. */
function isLabel(value: CellValue): boolean {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (text === '' || isExcelError(text)) return false;
  if (typeof amountFromText(text) === 'number') return false;
  // A date in either day/month order (`28/11/2026`) is data, not a label.
  return typeof dateFromText(text) !== 'number' && typeof dateFromText(text, 'dmy') !== 'number';
}

/**
 * A header sits over data of another kind: some column has a label above a number or date
 * (`data`). When no column does, only a row of nothing but labels can be a header (`labels`: an
 * all-text table, or a title over the header); a row that itself holds numbers or dates and
 * matches the row below is a first data row (headerless files).
 */
function looksAboveData(
  row: readonly CellValue[],
  below: readonly CellValue[] | undefined,
): 'data' | 'labels' | undefined {
  let onlyLabels = true;
  for (let c = 0; c < row.length; c++) {
    const label = isLabel(row[c]);
    if (!label && !isBlank(row[c])) onlyLabels = false;
    const under = Array.isArray(below) ? below[c] : undefined;
    if (label && !isBlank(under) && !isLabel(under)) return 'data';
  }
  return onlyLabels ? 'labels' : undefined;
}

function nonBlankCount(row: readonly CellValue[] | undefined): number {
  if (!Array.isArray(row)) return 0;
  let count = 0;
  for (const value of row) if (!isBlank(value)) count++;
  return count;
}

/** Non-blank rows looked at below a candidate to learn how wide the table is. */
const TABLE_WIDTH_ROWS = 5;

/**
 * How wide the table below row `r` is: the most non-blank cells among the next few non-blank
 * rows (the header and the first data rows when `r` is a title).
 */
function tableWidthBelow(values: readonly (readonly CellValue[])[], r: number): number {
  let width = 0;
  let seen = 0;
  for (let b = r + 1; b < values.length && b <= r + HEADER_SCAN_ROWS && seen < TABLE_WIDTH_ROWS; b++) {
    const count = nonBlankCount(values[b]);
    if (count === 0) continue;
    seen++;
    if (count > width) width = count;
  }
  return width;
}

/**
 * Finds the header row: the first row among the first {@link HEADER_SCAN_ROWS} where more than
 * half of the non-blank cells are labels, that is more than half as wide as the table below it
 * (so titles like `Sales 2026` in A1, or `Laporan Penjualan` and `Toko Maju` over a four-column
 * table, are passed over, whatever the rows between them hold), and that has data below it (or
 * nothing at all below: then it heads an empty table). Returns `'none'` when no row qualifies
 * (headerless data such as CDNOW).
 *
 * @example
 * detectHeaderRow([['Sales report'], [], ['Date', 'Amount'], [45292, 10]]) // 2
 * detectHeaderRow([['Laporan', 'Toko Maju'], ['Oktober 2026'], ['Tanggal', 'Sales', 'Pelanggan', 'Total'], [45292, 'Budi', 'Ani', 10]]) // 2
 * detectHeaderRow([[45292, 10], [45293, 12]])                              // 'none'
 */
export function detectHeaderRow(values: readonly (readonly CellValue[])[]): number | 'none' {
  const limit = Math.min(values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const kind = headerKind(values, r);
    if (kind === 'data') return r;
    if (kind !== 'labels') continue;
    // Labels over labels: a header over an all-text table, or a title row over the real header
    // (which sits over data and is wider).
    const next = nextFilledRow(values, r);
    if (
      next >= 0 &&
      headerKind(values, next) === 'data' &&
      nonBlankCount(values[next]) > nonBlankCount(values[r])
    )
      continue;
    return r;
  }
  return 'none';
}

/** The next non-blank row within {@link HEADER_SCAN_ROWS} below `r`, or −1. */
function nextFilledRow(values: readonly (readonly CellValue[])[], r: number): number {
  for (let b = r + 1; b < values.length && b <= r + HEADER_SCAN_ROWS; b++)
    if (nonBlankCount(values[b]) > 0) return b;
  return -1;
}

/** Whether row `r` could head the table, and over what (see {@link looksAboveData}). */
function headerKind(values: readonly (readonly CellValue[])[], r: number): 'data' | 'labels' | undefined {
  const row = values[r];
  const filled = nonBlankCount(row);
  if (filled === 0) return undefined;
  let labels = 0;
  for (const value of row) if (isLabel(value)) labels++;
  if (labels * 2 <= filled) return undefined;
  const below = nextFilledRow(values, r);
  // A lone row of labels with nothing below is the header of an empty table.
  if (below < 0) return looksAboveData(row, undefined);
  const tableWidth = tableWidthBelow(values, r);
  if (tableWidth >= 2 && (filled < 2 || (filled * 2 <= tableWidth && filled < tableWidth))) return undefined;
  return looksAboveData(row, values[below]);
}

/**
 * Header texts for `width` columns: trimmed cell text, `Column A`… for blank cells or when there is
 * no header row, and a ` (2)` suffix on repeats so that every header names one column.
 *
 * @example
 * makeHeaders(['Date', '', 'Date'], 3) // ['Date', 'Column B', 'Date (2)']
 */
export function makeHeaders(row: readonly CellValue[] | undefined, width: number): string[] {
  const headers: string[] = [];
  const seen = new Map<string, number>();
  for (let c = 0; c < width; c++) {
    const value = Array.isArray(row) ? row[c] : undefined;
    let text = headerText(value);
    if (text === '') text = `Column ${columnLetter(c)}`;
    const key = text.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    headers.push(count > 1 ? `${text} (${count})` : text);
  }
  return headers;
}

/**
 * Groups of columns whose header cells hold the same text (case aside), each group in column
 * order; blank headers are not grouped.
 * @example repeatedHeaders(['Date', 'Amount', 'Region', 'amount'], 4) // [[1, 3]]
 */
export function repeatedHeaders(row: readonly CellValue[] | undefined, width: number): number[][] {
  if (!Array.isArray(row)) return [];
  const groups = new Map<string, number[]>();
  for (let c = 0; c < Math.min(width, row.length); c++) {
    const text = headerText(row[c]);
    if (text === '') continue;
    const key = text.toLowerCase();
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

function headerText(value: CellValue): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date && Number.isFinite(value.getTime())) return value.toISOString().slice(0, 10);
  return '';
}
