/**
 * A source that carries the reading already made of its rows (a CSV read once for its new
 * workbook) is not read again with the same options, and is read again with others.
 */
import type { CellValue } from '../../src/core/cell';
import { ingestOrders, type IngestOptions } from '../../src/core/ingest';
import type { SourceSheet } from '../../src/workflows/port';
import { readOrders } from '../../src/workflows/sources';

const rows: CellValue[][] = [
  ['Date', 'Order ID', 'Customer', 'Amount'],
  ['2026-01-05', 'A1', 'C1', '100'],
  ['2026-01-06', 'A2', 'C2', '50.5'],
];

describe('readOrders with a source read already', () => {
  const options: IngestOptions = {};
  const result = ingestOrders(rows, options);
  let reads = 0;
  const source: SourceSheet = {
    name: 'orders.csv',
    kind: 'file',
    hidden: false,
    ingested: { options, result },
    rows: async () => {
      reads++;
      return rows;
    },
  };

  it('uses that reading with the same options', async () => {
    const read = await readOrders(source, options, 'orders.csv');
    expect(read.result).toBe(result);
    expect(read.table.length).toBe(2);
    expect(Array.from(read.table.amount)).toEqual([100, 50.5]);
  });

  it('reads the rows again with other options', async () => {
    const other: IngestOptions = { mapping: { amount: 'Amount' } };
    const read = await readOrders(source, other, 'orders.csv');
    expect(read.result).not.toBe(result);
    expect(Array.from(read.table.amount)).toEqual([100, 50.5]);
    expect(reads).toBe(2);
  });
});
