/**
 * Cells stored column by column: per column, one code per row into the column's distinct values.
 * A file reader fills this instead of a row-major matrix of strings: dates, amounts, ids and labels
 * repeat, so a million-row file holds a few hundred thousand distinct values rather than eight
 * million strings, and each column reader parses every distinct value once (see `readers.ts`).
 * The rows stay recoverable exactly: `columnarRow` gives the array a row-major reader would have
 * given, ragged rows and blank lines included.
 */
import type { CellValue } from '../cell';
import type { IdNumbers } from './int-codes';
import type { SpareMemory } from '../spare-memory';

/** One column: a code per row into `values`, `-1` where the row has no such field. */
export interface CellColumn {
  readonly codes: Int32Array;
  /** The column's distinct values, in order of first appearance. */
  readonly values: readonly CellValue[];
  /**
   * The values that are ids of one shape, as numbers (a file reader's; their texts in `values`
   * are made on first read), so that ingestion can encode them without their texts.
   */
  readonly ids?: IdNumbers;
}

/** A table of cells stored by column. */
export interface ColumnarCells {
  readonly rowCount: number;
  /** Fields in each row (the length of the row's array in a row-major reading). */
  readonly widths: Int32Array;
  readonly columns: readonly CellColumn[];
  /** Memory for the table made of these cells, when the reader set some aside. */
  readonly memory?: SpareMemory;
}

/** The cells ingestion accepts: rows of cells, or the same cells stored by column. */
export type TableCells = readonly (readonly CellValue[] | null | undefined)[] | ColumnarCells;

/** A view of cells by row and column, whichever way they are stored. */
export interface CellGrid {
  readonly rowCount: number;
  /** Width of the widest row. */
  readonly columnCount: number;
  /** The cell at `row`, `column` (both 0-based); `undefined` beyond the row's fields. */
  cell(row: number, column: number): CellValue;
}

/**
 * A row-and-column view of either storage: for columnar cells, `cell(r, c)` is exactly
 * `columnarRow(cells, r)[c]`.
 * @example cellGrid([['Date', 'Amount'], ['2026-01-05']]).cell(1, 1) // undefined
 */
export function cellGrid(cells: TableCells): CellGrid {
  if (isColumnar(cells)) {
    return {
      rowCount: cells.rowCount,
      columnCount: widestRow(cells),
      cell: (r, c) => columnarCell(cells, r, c),
    };
  }
  let columnCount = 0;
  for (const row of cells) if (Array.isArray(row) && row.length > columnCount) columnCount = row.length;
  return { rowCount: cells.length, columnCount, cell: (r, c) => cells[r]?.[c] ?? undefined };
}

/** Code of a field a row does not have. */
export const ABSENT = -1;

/** True for cells stored by column. */
export function isColumnar(cells: unknown): cells is ColumnarCells {
  return (
    typeof cells === 'object' &&
    cells !== null &&
    !Array.isArray(cells) &&
    (cells as ColumnarCells).widths instanceof Int32Array &&
    Array.isArray((cells as ColumnarCells).columns)
  );
}

/** Number of rows of either storage. */
export function rowCountOf(cells: TableCells): number {
  return isColumnar(cells) ? cells.rowCount : cells.length;
}

/** The cell at row `r`, column `c` (`undefined` beyond the row's fields). */
export function columnarCell(cells: ColumnarCells, r: number, c: number): CellValue {
  const column = cells.columns[c];
  if (column === undefined || r < 0 || r >= cells.rowCount) return undefined;
  const code = column.codes[r];
  return code < 0 ? undefined : column.values[code];
}

/**
 * Row `r` as a row-major reader gives it: as many cells as the row had fields.
 * @example columnarRow(cells, 0) // ['Date', 'Amount']
 */
export function columnarRow(cells: ColumnarCells, r: number): CellValue[] {
  const width = cells.widths[r];
  const row = new Array<CellValue>(width);
  for (let c = 0; c < width; c++) row[c] = columnarCell(cells, r, c);
  return row;
}

/** Rows `[from, to)` as arrays (see {@link columnarRow}). */
export function columnarRows(cells: ColumnarCells, from = 0, to = cells.rowCount): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = Math.max(0, from); r < Math.min(to, cells.rowCount); r++) rows.push(columnarRow(cells, r));
  return rows;
}

/** Length of the longest row among rows `[from, to)`. */
export function widestRow(cells: ColumnarCells, from = 0, to = cells.rowCount): number {
  const { widths } = cells;
  let widest = 0;
  for (let r = Math.max(0, from); r < Math.min(to, cells.rowCount); r++)
    if (widths[r] > widest) widest = widths[r];
  return widest;
}

/** True when a value is blank as ingestion judges it (see `isBlank` in `cell.ts`). */
function blankValue(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** True when every cell of row `r` is blank. */
export function isBlankColumnarRow(cells: ColumnarCells, r: number): boolean {
  const width = cells.widths[r];
  for (let c = 0; c < width; c++) if (!blankValue(columnarCell(cells, r, c))) return false;
  return true;
}

/**
 * A growable column of codes and distinct values; the building block of every columnar reader.
 * Values are told apart as a `Map` does (so `1` and `'1'` are two values).
 */
export class ColumnBuilder {
  private codes: Int32Array;
  private readonly values: CellValue[] = [];
  private readonly index = new Map<CellValue, number>();

  constructor(capacity = 1024) {
    this.codes = new Int32Array(Math.max(16, capacity)).fill(ABSENT);
  }

  /** Code of `value`, added to the distinct values when new. */
  codeOf(value: CellValue): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    return code;
  }

  /** Sets row `r`'s code (growing the column as needed). */
  set(r: number, code: number): void {
    if (r >= this.codes.length) {
      let size = this.codes.length * 2;
      while (size <= r) size *= 2;
      const grown = new Int32Array(size).fill(ABSENT);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[r] = code;
  }

  /** The column over `rowCount` rows. */
  finish(rowCount: number): CellColumn {
    if (rowCount > this.codes.length) this.set(rowCount - 1, ABSENT);
    return { codes: this.codes.subarray(0, rowCount), values: this.values };
  }
}

/**
 * Builds columnar cells from any source of rows: whole rows (`pushRow`) or cell by cell
 * (`pushCell` then `endRow`). Trailing blank rows can be dropped at the end, as the CSV reader does.
 * @example
 * const builder = new ColumnarBuilder();
 * builder.pushRow(['Date', 'Amount']);
 * builder.pushCell(0, '2026-01-05');
 * builder.pushCell(1, 12.5);
 * builder.endRow();
 * columnarRows(builder.finish()) // [['Date', 'Amount'], ['2026-01-05', 12.5]]
 */
export class ColumnarBuilder {
  private readonly columns: ColumnBuilder[] = [];
  private widths = new Int32Array(1024);
  private rows = 0;
  private width = 0;

  /** Adds a whole row. */
  pushRow(row: readonly CellValue[]): void {
    for (let c = 0; c < row.length; c++) this.pushCell(c, row[c]);
    this.endRow(row.length);
  }

  /** Sets a cell of the current row (cells may come in any column order; gaps read as missing). */
  pushCell(column: number, value: CellValue): void {
    while (this.columns.length <= column) this.columns.push(new ColumnBuilder());
    const builder = this.columns[column];
    builder.set(this.rows, builder.codeOf(value));
    if (column + 1 > this.width) this.width = column + 1;
  }

  /** Ends the current row; `width` is its number of fields (default: up to its last cell pushed). */
  endRow(width = this.width): void {
    if (this.rows >= this.widths.length) {
      const grown = new Int32Array(this.widths.length * 2);
      grown.set(this.widths);
      this.widths = grown;
    }
    this.widths[this.rows++] = width;
    this.width = 0;
  }

  /** Rows ended so far. */
  get rowCount(): number {
    return this.rows;
  }

  /** The cells; with `dropTrailingBlanks`, blank rows at the end are left out. */
  finish(dropTrailingBlanks = false): ColumnarCells {
    const columns = this.columns.map((builder) => builder.finish(this.rows));
    let cells: ColumnarCells = { rowCount: this.rows, widths: this.widths.subarray(0, this.rows), columns };
    if (dropTrailingBlanks) cells = withoutTrailingBlankRows(cells);
    return cells;
  }
}

/** The cells without their trailing blank rows (a file's last empty lines). */
export function withoutTrailingBlankRows(cells: ColumnarCells): ColumnarCells {
  let rowCount = cells.rowCount;
  while (rowCount > 0 && isBlankColumnarRow(cells, rowCount - 1)) rowCount--;
  if (rowCount === cells.rowCount) return cells;
  return {
    rowCount,
    widths: cells.widths.subarray(0, rowCount),
    columns: cells.columns.map((column) => ({ ...column, codes: column.codes.subarray(0, rowCount) })),
  };
}
