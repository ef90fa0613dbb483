/**
 * A table of cells seen through `cell(row, column)`, whatever holds them: a row matrix today, a
 * column-major table tomorrow. Writers take a grid so they never need the rows copied into the
 * shape they write.
 */
import type { CellValue } from '../core/cell';

/** Cells by 0-based row and column; `cell` past a short row gives `null`. */
export interface CellGrid {
  readonly rowCount: number;
  readonly columnCount: number;
  cell(row: number, column: number): CellValue;
}

/**
 * A row matrix as a grid (no copy): its width is its widest row.
 * @example gridOfRows([['Date', 'Amount'], [new Date(0), 5]]).cell(1, 1) // 5
 */
export function gridOfRows(rows: readonly (readonly CellValue[])[]): CellGrid {
  let width = 0;
  for (const row of rows) if (row.length > width) width = row.length;
  return {
    rowCount: rows.length,
    columnCount: width,
    cell: (row, column) => rows[row]?.[column] ?? null,
  };
}
