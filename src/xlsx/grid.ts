/**
 * A table of cells seen through `cell(row, column)`, whatever holds them: a row matrix, or the
 * columns a CSV is read into (`core/ingest/columnar`). Writers take a grid so they never need the
 * rows copied into the shape they write.
 */
import type { CellValue } from '../core/cell';
import { cellGrid, type CellGrid } from '../core/ingest/columnar';

export type { CellGrid } from '../core/ingest/columnar';

/**
 * A row matrix as a grid (no copy): its width is its widest row.
 * @example gridOfRows([['Date', 'Amount'], [new Date(0), 5]]).cell(1, 1) // 5
 */
export function gridOfRows(rows: readonly (readonly CellValue[])[]): CellGrid {
  return cellGrid(rows);
}
