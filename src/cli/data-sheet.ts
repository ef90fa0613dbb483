/**
 * A CSV's rows as the `Data` sheet of a built workbook, typed so native formulas see what the
 * engine sees.
 */
import type { CellValue } from '../core/cell';
import type { IngestOptions } from '../core/ingest';
import { detectHeaderRow, makeHeaders } from '../core/ingest';
import type { OrdersTable } from '../core/table';
import type { CellGrid } from '../xlsx/grid';

/** Rows looked at to find the header row (it sits near the top). */
const HEAD_ROWS = 1_000;

type TypedRole = 'date' | 'amount' | 'quantity' | 'cost';
const TYPED_ROLES: readonly TypedRole[] = ['date', 'amount', 'quantity', 'cost'];

/**
 * The rows of a CSV as the `Data` sheet of a built workbook, seen through the CSV's own grid
 * (nothing copied): dates, amounts, quantities and costs of the rows ingestion used become real
 * dates and numbers (so native formulas see them); every other cell, and every skipped row,
 * stays as the text it was. A header-less file gets a header row of role names.
 * @example typedDataGrid(gridOfRows(rows), result.table, options).cell(1, 0) // a Date
 */
export function typedDataGrid(grid: CellGrid, table: OrdersTable, options: IngestOptions): CellGrid {
  const head: CellValue[][] = [];
  for (let r = 0; r < Math.min(grid.rowCount, HEAD_ROWS); r++)
    head.push(Array.from({ length: grid.columnCount }, (_, c) => grid.cell(r, c)));
  const headerRow = options.headerRow === 'none' ? 'none' : detectHeaderRow(head);
  const width = grid.columnCount;
  const headers = makeHeaders(headerRow === 'none' ? undefined : head[headerRow], width);
  // Per column, the typed values of the roles it holds (by source row), later roles winning.
  const typed = new Map<number, { values: Float64Array; isDate: boolean }[]>();
  for (const role of TYPED_ROLES) {
    const header = table.mapping[role];
    const column = header === undefined ? -1 : headers.indexOf(header);
    const values = table[role];
    if (column < 0 || !values) continue;
    const byRow = new Float64Array(grid.rowCount).fill(NaN);
    for (let i = 0; i < table.length; i++) {
      const row = table.sourceRow[i] - 1;
      if (row >= 0 && row < grid.rowCount && Number.isFinite(values[i])) byRow[row] = values[i];
    }
    const list = typed.get(column) ?? [];
    list.unshift({ values: byRow, isDate: role === 'date' });
    typed.set(column, list);
  }
  const shift = headerRow === 'none' ? 1 : 0;
  return {
    rowCount: grid.rowCount + shift,
    columnCount: width,
    cell(row: number, column: number): CellValue {
      if (row < shift) return headers[column] ?? null;
      const source = row - shift;
      const roles = typed.get(column);
      if (roles)
        for (const { values, isDate } of roles) {
          const value = values[source];
          if (value === value) return isDate ? new Date(Math.round(value * 86_400_000)) : value;
        }
      return grid.cell(source, column);
    },
  };
}

/**
 * A grid's rows as a matrix (each row as wide as its last filled cell).
 * @example rowsOfGrid(gridOfRows([['a', null]])) // [['a']]
 */
export function rowsOfGrid(grid: CellGrid): CellValue[][] {
  const rows: CellValue[][] = new Array(grid.rowCount);
  for (let r = 0; r < grid.rowCount; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < grid.columnCount; c++) {
      const value = grid.cell(r, c);
      if (value !== null && value !== undefined) {
        while (row.length < c) row.push(null);
        row.push(value);
      }
    }
    rows[r] = row;
  }
  return rows;
}
