/**
 * Total rows are not orders: labelled ones (TOTAL, Subtotal, Jumlah, Grand total, Total
 * Keseluruhan) and keyless rows whose amount sums the rows above them are skipped with a reason;
 * real orders that only look alike are kept.
 */
import type { CellValue } from '../../../src/core/cell';
import { ingestOrders, ingestSpend } from '../../../src/core/ingest';
import { summaryLabel, withoutUnusedCodes } from '../../../src/core/ingest/summary-rows';
import { dictValue } from '../../../src/core/table';

const HEADER = ['Date', 'Order ID', 'Customer', 'Region', 'Amount'];

function read(rows: readonly (readonly CellValue[])[]) {
  const result = ingestOrders([HEADER, ...rows]);
  expect(result.table).not.toBeNull();
  return { table: result.table!, report: result.report };
}

describe('summaryLabel', () => {
  test.each([
    ['TOTAL', 'strong'],
    ['Total:', 'strong'],
    ['Grand total', 'strong'],
    ['GRAND TOTAL', 'strong'],
    ['Sub-total', 'strong'],
    ['Subtotal Jawa', 'strong'],
    ['Jumlah', 'strong'],
    ['Jumlah Oktober 2026', 'strong'],
    ['Total Keseluruhan', 'strong'],
    ['total_penjualan', 'strong'],
    ['Total Oktober', 'weak'],
    ['Total Wine & More', 'weak'],
    ['Budi', undefined],
    ['Totally Fresh', undefined],
    ['Summit Ltd', undefined],
    ['', undefined],
  ])('%p → %p', (text, expected) => expect(summaryLabel(text)).toBe(expected));
});

describe('labelled total rows', () => {
  test('TOTAL, Subtotal and Grand total rows with dates are skipped with their row and reason', () => {
    // Orders: 100 + 250 + 150 = 500; the summary rows (500, 350, 500) are not counted.
    const { table, report } = read([
      ['2026-10-05', 'O-1', 'Budi', 'Jawa', 100],
      ['2026-10-06', 'O-2', 'Sari', 'Bali', 250],
      ['2026-10-15', '', 'Subtotal', '', 350],
      ['2026-10-20', 'O-3', 'Andi', 'Jawa', 150],
      ['2026-10-31', 'TOTAL', '', '', 500],
      ['2026-10-31', '', 'Grand total:', 'ALL', 500],
    ]);
    expect(Array.from(table.amount)).toEqual([100, 250, 150]);
    expect(report).toMatchObject({ rowsRead: 6, rowsUsed: 3, rowsSkipped: 3 });
    expect(report.issues).toEqual([
      {
        row: 4,
        column: 'Customer',
        value: 'Subtotal',
        reason: "a total row ('Subtotal'), not an order",
        severity: 'skipped',
      },
      {
        row: 6,
        column: 'Order ID',
        value: 'TOTAL',
        reason: "a total row ('TOTAL'), not an order",
        severity: 'skipped',
      },
      {
        row: 7,
        column: 'Customer',
        value: 'Grand total:',
        reason: "a total row ('Grand total:'), not an order",
        severity: 'skipped',
      },
    ]);
    // Texts only the skipped rows held are gone from the columns' dictionaries.
    expect(table.customer!.dictionary).toEqual(['Budi', 'Sari', 'Andi']);
    expect(table.orderId!.dictionary).toEqual(['O-1', 'O-2', 'O-3']);
    expect(table.dimensions.region!.dictionary).toEqual(['Jawa', 'Bali']);
    expect([0, 1, 2].map((i) => dictValue(table.customer!, i))).toEqual(['Budi', 'Sari', 'Andi']);
  });

  test('a customer called Total Wine with an order id is an order', () => {
    const { table } = read([
      ['2026-10-05', 'O-1', 'Total Wine & More', 'Jawa', 100],
      ['2026-10-06', 'O-2', 'Sari', 'Bali', 250],
      ['2026-10-31', '', 'Total Oktober', '', 350],
    ]);
    expect(Array.from(table.amount)).toEqual([100, 250]);
    expect(table.customer!.dictionary).toEqual(['Total Wine & More', 'Sari']);
  });

  test('a Jumlah row in a spend table is not spend', () => {
    const result = ingestSpend([
      ['Bulan', 'Kanal', 'Biaya'],
      ['2026-09', 'Ads', 300],
      ['2026-10', 'Ads', 200],
      ['2026-10', 'Jumlah', 500],
    ]);
    expect(Array.from(result.table!.spend)).toEqual([300, 200]);
    expect(result.report.issues[0]).toMatchObject({
      row: 4,
      reason: "a total row ('Jumlah'), not a spend entry",
    });
  });
});

describe('unlabelled total rows', () => {
  test('a keyless row equal to the rows above it since the previous total is skipped', () => {
    // Block 1: 100 + 250 = 350 (row 4 sums it); block 2: 150 + 50 = 200 (row 7); all: 550 (row 8).
    const { table, report } = read([
      ['2026-10-05', 'O-1', 'Budi', 'Jawa', 100],
      ['2026-10-06', 'O-2', 'Sari', 'Bali', 250],
      ['2026-10-15', '', '', '', 350],
      ['2026-10-20', 'O-3', 'Andi', 'Jawa', 150],
      ['2026-10-21', 'O-4', 'Dewi', 'Bali', 50],
      ['2026-10-31', '', '', '', 200],
      ['2026-10-31', '', '', '', 550],
    ]);
    expect(Array.from(table.amount)).toEqual([100, 250, 150, 50]);
    expect(report.issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [4, 'Amount', 'a total row: no order id or customer, and 350 is the sum of the 2 rows above it'],
      [7, 'Amount', 'a total row: no order id or customer, and 200 is the sum of the 2 rows above it'],
      [8, 'Amount', 'a total row: no order id or customer, and 550 is the sum of the 4 rows above it'],
    ]);
  });

  test('a keyless row that is not a sum, or a row with a customer that is, stays', () => {
    const { table } = read([
      ['2026-10-05', 'O-1', 'Budi', 'Jawa', 100],
      ['2026-10-06', 'O-2', 'Sari', 'Bali', 250],
      ['2026-10-07', '', '', 'Jawa', 120],
      ['2026-10-08', 'O-4', 'Dewi', 'Bali', 470],
    ]);
    expect(Array.from(table.amount)).toEqual([100, 250, 120, 470]);
  });

  test('where many rows have no key (walk-in sales), sums are not taken for totals', () => {
    // 10 + 10 = 20 by chance: with two keyless rows of three, a keyless row is nothing unusual.
    const { table } = read([
      ['2026-10-05', 'O-1', 'Budi', 'Jawa', 10],
      ['2026-10-06', '', '', 'Jawa', 10],
      ['2026-10-07', '', '', 'Jawa', 20],
    ]);
    expect(Array.from(table.amount)).toEqual([10, 10, 20]);
  });
});

describe('withoutUnusedCodes', () => {
  test('renumbers the codes left, in their order', () => {
    const column = { codes: Int32Array.from([0, 1, 2, 1, -1]), dictionary: ['a', 'b', 'c'] };
    const fate = Uint8Array.from([0, 1, 0, 1, 0]);
    const pruned = withoutUnusedCodes(column, fate);
    expect(pruned.dictionary).toEqual(['a', 'c']);
    expect(Array.from(pruned.codes)).toEqual([0, -1, 1, -1, -1]);
  });

  test('returns the column itself when every text is used', () => {
    const column = { codes: Int32Array.from([0, 1]), dictionary: ['a', 'b'] };
    expect(withoutUnusedCodes(column, Uint8Array.from([0, 0]))).toBe(column);
  });
});
