/**
 * A source that has its cells by column (a workbook file's sheet) reads as the same source with
 * rows: the same orders, report and notes, and the same place of the columns for native formulas.
 */
import fc from 'fast-check';
import type { CellValue } from '../../src/core/cell';
import type { IngestOptions } from '../../src/core/ingest';
import type { SourceSheet } from '../../src/workflows/port';
import { ordersSourceOf, readOrders } from '../../src/workflows/sources';
import { SheetColumns } from '../../src/xlsx/sheet-columns';

function sources(rows: CellValue[][]): { byRow: SourceSheet; byColumn: SourceSheet } {
  const columns = new SheetColumns();
  for (const row of rows) columns.push(row);
  const cells = columns.finish();
  const base = {
    name: 'Orders',
    kind: 'sheet' as const,
    hidden: false,
    origin: { sheet: 'Orders', row: 1, column: 1 },
  };
  return {
    byRow: { ...base, rows: async () => rows },
    byColumn: { ...base, rows: async () => rows, cells: async () => cells },
  };
}

const day = fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d)));
const value: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(null, '', ' ', 'n/a', 0, -0, true),
  fc.double({ min: -100, max: 5000, noNaN: true }),
  fc.constantFrom('Ani', 'Budi', '1.250,50', '2026-01-05'),
  day,
);
const row = fc.tuple(
  fc.oneof(day, day, fc.integer({ min: 45000, max: 46000 }), value),
  fc.oneof(fc.constantFrom('C1', 'C2', 'C3'), value),
  fc.oneof(fc.double({ min: 0, max: 900, noNaN: true }), value),
  fc.array(value, { maxLength: 2 }),
);

describe('a source read by column', () => {
  it('reads and places the orders as the same source read by row (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 30 }),
        fc.constantFrom<IngestOptions>({}, { headerRow: 0 }),
        fc.boolean(),
        async (data, options, title) => {
          const rows: CellValue[][] = [
            ...(title ? [['Sales 2025'], []] : []),
            ['Date', 'Customer', 'Amount', 'Note'],
            ...data.map(([date, customer, amount, rest]) => [date, customer, amount, ...rest]),
          ];
          const { byRow, byColumn } = sources(rows);
          let fromRows;
          try {
            fromRows = await readOrders(byRow, options, 'book.xlsx');
          } catch (error) {
            await expect(readOrders(byColumn, options, 'book.xlsx')).rejects.toEqual(error);
            return;
          }
          const fromColumns = await readOrders(byColumn, options, 'book.xlsx');
          expect(fromColumns.result).toEqual(fromRows.result);
          expect(
            ordersSourceOf(byColumn, fromColumns.cells, fromColumns.table, options, 'book.xlsx'),
          ).toEqual(ordersSourceOf(byRow, fromRows.cells, fromRows.table, options, 'book.xlsx'));
        },
      ),
      { numRuns: 150 },
    );
  });
});
