/**
 * A1 references: conversions between `B3` / `A1:H15` and 1-based row/column numbers,
 * plus sheet-qualified references (`'Review 2026-W48'!$A$2:$A$13`) used by charts and
 * named ranges. Pure string arithmetic, shared by every renderer.
 */

/** A 1-based cell position. */
export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

/** An inclusive rectangle of cells, 1-based. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Excel's largest column (XFD) and row. */
export const MAX_COLUMN = 16384;
export const MAX_ROW = 1048576;

/**
 * Column number → letters.
 * @example columnLetters(1) // 'A'; columnLetters(28) // 'AB'
 */
export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * Letters → column number (case-insensitive).
 * @example columnNumber('AB') // 28
 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Position → A1 address.
 * @example toA1(3, 2) // 'B3'
 */
export function toA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

const CELL_PATTERN = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/**
 * A1 address (with or without `$`) → position; `undefined` when it is not a cell address
 * or lies outside the sheet.
 * @example fromA1('$B$3') // { row: 3, column: 2 }
 */
export function fromA1(address: string): CellPosition | undefined {
  const match = CELL_PATTERN.exec(address.trim());
  if (!match) return undefined;
  const column = columnNumber(match[1]);
  const row = Number(match[2]);
  if (row < 1 || row > MAX_ROW || column < 1 || column > MAX_COLUMN) return undefined;
  return { row, column };
}

/**
 * `A1:H15` (or a single cell) → normalised rectangle; `undefined` when malformed.
 * @example parseRange('H15:A1') // { top: 1, left: 1, bottom: 15, right: 8 }
 */
export function parseRange(range: string): CellRange | undefined {
  const parts = range.split(':');
  if (parts.length > 2) return undefined;
  const a = fromA1(parts[0]);
  const b = parts.length === 2 ? fromA1(parts[1]) : a;
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/**
 * Rectangle → `A1:H15` (or `A1` for a single cell); `absolute` adds `$`.
 * @example formatRange({ top: 2, left: 1, bottom: 13, right: 1 }, true) // '$A$2:$A$13'
 */
export function formatRange(range: CellRange, absolute = false): string {
  const d = absolute ? '$' : '';
  const start = `${d}${columnLetters(range.left)}${d}${range.top}`;
  if (range.top === range.bottom && range.left === range.right) return start;
  return `${start}:${d}${columnLetters(range.right)}${d}${range.bottom}`;
}

/** True when the position lies inside the rectangle. */
export function rangeContains(range: CellRange, position: CellPosition): boolean {
  return (
    position.row >= range.top &&
    position.row <= range.bottom &&
    position.column >= range.left &&
    position.column <= range.right
  );
}

/** Every A1 address inside the rectangle, row by row. */
export function cellsOf(range: CellRange): string[] {
  const out: string[] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) out.push(toA1(r, c));
  }
  return out;
}

/**
 * Quotes a sheet name for use in a reference when Excel requires it.
 * @example quoteSheetName('Review 2026-W48') // "'Review 2026-W48'"
 */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !fromA1(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * `Sheet!$A$2:$A$13` (quoted or not) → sheet name and rectangle; `undefined` when malformed.
 * @example parseSheetRef("'Review 2026-W48'!$B$2:$B$5") // { sheet: 'Review 2026-W48', range: {...} }
 */
export function parseSheetRef(ref: string): { sheet: string; range: CellRange } | undefined {
  const bang = ref.lastIndexOf('!');
  if (bang <= 0) return undefined;
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const range = parseRange(ref.slice(bang + 1));
  return range && sheet ? { sheet, range } : undefined;
}

/**
 * Sheet name + rectangle → absolute sheet-qualified reference.
 * @example sheetRef('Dashboard', parseRange('A2:A13')!) // 'Dashboard!$A$2:$A$13'
 */
export function sheetRef(sheet: string, range: CellRange): string {
  return `${quoteSheetName(sheet)}!${formatRange(range, true)}`;
}
