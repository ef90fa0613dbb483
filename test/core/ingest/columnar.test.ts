/**
 * The columnar route (cells stored by column, read once per distinct value) against the row route
 * (a 2-D array of cells): the same tables, the same report, the same formats, on random and messy
 * delimited files and on arbitrary cells.
 */
import * as fc from 'fast-check';
import type { CellValue } from '../../../src/core/cell';
import {
  ColumnarBuilder,
  cellGrid,
  columnarRow,
  columnarRows,
  ingestTable,
  type IngestOptions,
  type TableCells,
} from '../../../src/core/ingest';
import type { TableKind } from '../../../src/core/table';
import { parseCsv } from '../../../src/xlsx/read-csv';
import { parseCsvColumns } from '../../../src/xlsx/read-csv-columns';

function columnsOf(rows: readonly (readonly CellValue[])[]) {
  const builder = new ColumnarBuilder();
  for (const row of rows) builder.pushRow(row);
  return builder.finish();
}

/** Both routes give the same result (table, report, detection, formats, notes). */
function expectSameIngestion(
  kind: TableKind,
  rows: readonly (readonly CellValue[])[],
  cells: TableCells,
  options: IngestOptions = {},
) {
  const byRow = ingestTable(kind, rows, options);
  const byColumn = ingestTable(kind, cells, options);
  expect(byColumn).toEqual(byRow);
  return byRow;
}

describe('ColumnarBuilder', () => {
  it('stores rows by column with each distinct value once, and gives the rows back', () => {
    const builder = new ColumnarBuilder();
    builder.pushRow(['Date', 'Amount', 'Region']);
    builder.pushRow(['2026-01-05', '10', 'Bali']);
    builder.pushCell(0, '2026-01-06');
    builder.pushCell(2, 'Bali');
    builder.endRow();
    builder.pushRow(['']);
    const cells = builder.finish();
    expect(cells.rowCount).toBe(4);
    expect(Array.from(cells.widths)).toEqual([3, 3, 3, 1]);
    expect(cells.columns[2].values).toEqual(['Region', 'Bali']);
    expect(Array.from(cells.columns[2].codes)).toEqual([0, 1, 1, -1]);
    expect(columnarRow(cells, 2)).toEqual(['2026-01-06', undefined, 'Bali']);
    expect(columnarRows(cells, 3)).toEqual([['']]);
  });

  it('drops trailing blank rows when asked, as the CSV reader does', () => {
    const builder = new ColumnarBuilder();
    for (const row of [['a'], [''], ['b'], [' ', ''], ['']]) builder.pushRow(row);
    expect(columnarRows(builder.finish(true))).toEqual([['a'], [''], ['b']]);
  });

  it('gives a grid view with the same cells as the rows', () => {
    const rows = [['Date', 'Amount'], ['2026-01-05'], ['2026-01-06', '3', 'extra']];
    const grid = cellGrid(columnsOf(rows));
    expect(grid.rowCount).toBe(3);
    expect(grid.columnCount).toBe(3);
    expect(grid.cell(1, 1)).toBeUndefined();
    expect(grid.cell(2, 2)).toBe('extra');
    expect(grid.cell(9, 0)).toBeUndefined();
    expect(cellGrid(rows).cell(2, 2)).toBe('extra');
  });
});

const DATES = [
  '2026-01-05',
  '05/01/2026',
  '13/02/2026',
  '2/3/2026',
  '2026-02-30',
  'abc',
  '',
  ' ',
  '45292',
  'Jan 5, 2026',
  '#N/A',
];
const AMOUNTS = [
  '12.50',
  '1,250.00',
  '1.250,00',
  '12,5',
  '1,000',
  'Rp 1.250.000',
  '$3',
  'n/a',
  '',
  '-5',
  '(7.25)',
  '75.000',
  '#N/A',
  '€ 9,99',
];
const IDS = ['SO-0001', 'SO-0002', 'SO-0017', '0012', '1001', '', 'TOTAL', '#N/A'];
const CUSTOMERS = ['Budi', ' Ani ', 'Acme, Inc.', 'Total Wine', '', 'x"y', 'Grand Total', 'Jumlah'];
const REGIONS = ['Jakarta', 'Bali', 'Bäli', '', 'Subtotal Jawa', 'Line\nbreak'];
const STAGES = ['Won', 'Lost', 'Open', 'Closed Won', 'Negotiation', 'weird', ''];
const METRICS = ['revenue', 'orders', 'aov', 'nonsense', ''];
const PERIODS = ['2026-Q1', '2026-01', 'Jan 2026', '2026', 'later', ''];

const HEADERS: Readonly<Record<TableKind, readonly string[]>> = {
  orders: ['Order Date', 'Order ID', 'Customer', 'Amount', 'Region'],
  pipeline: ['Created', 'Stage', 'Value', 'Opportunity ID', 'Region'],
  spend: ['Date', 'Spend', 'Channel'],
  targets: ['Metric', 'Period', 'Target'],
};

const POOLS: Readonly<Record<TableKind, readonly (readonly string[])[]>> = {
  orders: [DATES, IDS, CUSTOMERS, AMOUNTS, REGIONS],
  pipeline: [DATES, STAGES, AMOUNTS, IDS, REGIONS],
  spend: [DATES, AMOUNTS, REGIONS],
  targets: [METRICS, PERIODS, AMOUNTS],
};

/** A row of a messy file: mostly values from each column's pool, sometimes ragged or blank. */
function messyRow(kind: TableKind) {
  const pools = POOLS[kind];
  return fc
    .tuple(
      fc.tuple(...pools.map((pool) => fc.nat(pool.length - 1))),
      fc.constantFrom('plain', 'plain', 'plain', 'plain', 'short', 'long', 'blank'),
    )
    .map(([picks, shape]) => {
      const row = picks.map((pick, c) => pools[c][pick]);
      if (shape === 'short') return row.slice(0, Math.max(1, row.length - 2));
      if (shape === 'long') return [...row, '000'];
      if (shape === 'blank') return [''];
      return row;
    });
}

function toCsv(
  rows: readonly (readonly string[])[],
  delimiter: string,
  lineEnd: string,
  quoteAll: boolean,
): string {
  const quote = (field: string) =>
    quoteAll || /["\r\n]/.test(field) || field.includes(delimiter) ? `"${field.replace(/"/g, '""')}"` : field;
  return rows.map((row) => row.map(quote).join(delimiter)).join(lineEnd) + lineEnd;
}

describe('ingestion of columnar cells', () => {
  it('matches the row route on random messy delimited files of every kind', () => {
    let tables = 0;
    let withIssues = 0;
    fc.assert(
      fc.property(
        fc
          .constantFrom<TableKind>('orders', 'pipeline', 'spend', 'targets')
          .chain((kind) => fc.tuple(fc.constant(kind), fc.array(messyRow(kind), { maxLength: 40 }))),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 }),
        ([kind, body], delimiter, lineEnd, bom, quoteAll, title, blanksAbove) => {
          const top: string[][] = [];
          if (title) top.push(['Laporan Penjualan']);
          for (let i = 0; i < blanksAbove; i++) top.push(['']);
          const text =
            (bom ? '\uFEFF' : '') +
            toCsv([...top, [...HEADERS[kind]], ...body], delimiter, lineEnd, quoteAll) +
            (lineEnd + lineEnd).repeat(blanksAbove);
          const rows = parseCsv(text, { delimiter: delimiter as ',' }).rows;
          const columns = parseCsvColumns(text, { delimiter: delimiter as ',' });
          expect(columnarRows(columns.cells)).toEqual(rows);
          const result = expectSameIngestion(kind, rows, columns.cells, { delimiter });
          expectSameIngestion(kind, rows, columns.cells, {});
          if (result.report.rowsUsed > 0) tables++;
          if (result.report.issues.length > 0) withIssues++;
        },
      ),
      { numRuns: 300 },
    );
    // The files were messy enough to skip rows, and usable enough to give tables.
    expect(tables).toBeGreaterThan(60);
    expect(withIssues).toBeGreaterThan(60);
  });

  it('matches the row route where the file reader gives ids of one shape as numbers', () => {
    // Ids of a shape (`SO-00042`, `100234`) come from the CSV reader as numbers whose texts are made
    // on first read; ingestion encodes them by number where its own id pattern is the same shape,
    // or as a number's text where the digits have no leading zero.
    const rare = fc.oneof(
      fc.integer({ min: 0, max: 99_999_999 }).map((n) => `SO-${String(n).padStart(8, '0')}`),
      fc.integer({ min: 0, max: 2000 }).map((n) => String(n).padStart(4, '0')),
      fc.constantFrom('', '', ' SO-00001', 'SO-00001 ', 'TOTAL', '#N/A', 'so-00001', '1001', '0999'),
    );
    // Mostly one shape, so that ingestion detects its pattern in the column (90% of a sample).
    const usual = {
      prefixed: fc.oneof(
        {
          weight: 4,
          arbitrary: fc.integer({ min: 0, max: 300 }).map((n) => `SO-${String(n).padStart(5, '0')}`),
        },
        fc.integer({ min: 0, max: 99_999 }).map((n) => `SO-${String(n).padStart(5, '0')}`),
      ),
      digits: fc.integer({ min: 0, max: 99_999 }).map((n) => String(n).padStart(5, '0')),
      // Ids that start like a summary label (`Total 00042`): their texts are tested.
      label: fc.integer({ min: 0, max: 300 }).map((n) => `Total ${String(n).padStart(5, '0')}`),
      // Numbers too far apart for the id tables: some are kept under their texts.
      wide: fc.oneof(
        fc.integer({ min: 0, max: 99_999_999 }).map((n) => `SO-${String(n).padStart(8, '0')}`),
        fc.integer({ min: 0, max: 9 }).map((n) => `SO-${String(n).padStart(8, '0')}`),
      ),
    };
    fc.assert(
      fc.property(
        fc.constantFrom<keyof typeof usual>('prefixed', 'digits', 'label', 'wide').chain((shape) => {
          const id = fc.oneof({ weight: 30, arbitrary: usual[shape] }, { weight: 1, arbitrary: rare });
          const row = fc.tuple(
            fc.constantFrom(...DATES.slice(0, 4)),
            id,
            id,
            fc.constantFrom(...AMOUNTS.slice(0, 5)),
          );
          return fc.array(row, { minLength: 25, maxLength: 80 });
        }),
        fc.boolean(),
        (body, sameIds) => {
          const lines = body.map(([date, a, b, amount]) => [date, a, sameIds ? a : b, amount]);
          const text = toCsv(
            [['Order Date', 'Order ID', 'Customer ID', 'Amount'], ...lines],
            ',',
            '\n',
            false,
          );
          const rows = parseCsv(text, { delimiter: ',' }).rows;
          const columns = parseCsvColumns(text, { delimiter: ',' });
          expect(columnarRows(columns.cells)).toEqual(rows);
          expectSameIngestion('orders', rows, columns.cells, {});
        },
      ),
      { numRuns: 300 },
    );
  });

  // Ids starting like a summary label (`Total 0000042`) are judged as labels where a row has no
  // customer; other ids are not made into texts for that.
  it.each(['SO-', 'Total '])(
    'matches the row route on more ids than a dictionary makes texts for at once (%s)',
    (prefix) => {
      const lines = ['Order Date,Order ID,Customer ID,Amount'];
      for (let i = 0; i < 70_000; i++) {
        const customer = i % 997 === 0 ? '' : String(1000 + (i % 5000));
        lines.push(
          `2026-01-${String((i % 28) + 1).padStart(2, '0')},${prefix}${String(i).padStart(7, '0')},${customer},1`,
        );
      }
      const text = lines.join('\n');
      const rows = parseCsv(text, { delimiter: ',' }).rows;
      const { cells } = parseCsvColumns(text, { delimiter: ',' });
      expect(cells.columns[1].ids?.numbers.length).toBe(70_001);
      const byRow = ingestTable('orders', rows);
      const byColumn = ingestTable('orders', cells);
      const orderIds = (result: typeof byRow) => {
        const column = result.table?.kind === 'orders' ? result.table.orderId : undefined;
        return column && { codes: column.codes, texts: [...column.dictionary] };
      };
      expect(orderIds(byColumn)).toEqual(orderIds(byRow));
      expect(byColumn.report).toEqual(byRow.report);
      expect(byRow.report.rowsSkipped).toBe(prefix === 'SO-' ? 0 : 71);
    },
  );

  it('matches the row route with every option a host passes', () => {
    fc.assert(
      fc.property(
        fc.array(messyRow('orders'), { maxLength: 30 }),
        fc.constantFrom<IngestOptions>(
          { dateOrder: 'dmy', numberStyle: 'comma-decimal' },
          { dateOrder: 'mdy', numberStyle: 'dot-decimal', maxIssues: 3 },
          { mapping: { date: 'Order Date', amount: 'Amount', customer: 'Region' } },
          { mapping: { date: 0, amount: 3 }, headerRow: 'none' },
          { headerRow: 0, firstRowNumber: 5 },
          { delimiter: ';', defaultDateOrder: 'dmy' },
        ),
        (body, options) => {
          const rows = [[...HEADERS.orders], ...body];
          expectSameIngestion('orders', rows, columnsOf(rows), options);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('matches the row route on arbitrary cells (numbers, booleans, dates, errors, missing cells)', () => {
    const cell = fc.oneof(
      fc.constantFrom<CellValue>(
        '',
        ' ',
        '#N/A',
        'TOTAL',
        '2026-01-05',
        '05/01/2026',
        '1,250.00',
        'Budi',
        null,
        undefined,
      ),
      fc.double({ noNaN: false }),
      fc.integer({ min: 40000, max: 50000 }),
      fc.boolean(),
      fc.date({
        min: new Date(Date.UTC(2000, 0, 1)),
        max: new Date(Date.UTC(2030, 0, 1)),
        noInvalidDate: true,
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 30 }), (body) => {
        const rows: CellValue[][] = [['Date', 'Order ID', 'Customer', 'Amount', 'Region'], ...body];
        expectSameIngestion('orders', rows, columnsOf(rows));
      }),
      { numRuns: 200 },
    );
  });

  it('reports the same rows and reasons on a file with summary rows, split numbers and blanks', () => {
    const text = [
      'Laporan Penjualan',
      '',
      'Tanggal;No Order;Pelanggan;Total;Wilayah',
      '05/10/2026;SO-1;Budi;1.250,50;Jakarta',
      '06/10/2026;SO-2;Ani;2.000,00;Bali',
      '',
      '07/10/2026;SO-3;Citra;abc;Bali',
      '08/10/2026;SO-4;Dewi;1;000;Bali',
      'TOTAL;;;3.250,50;',
      '',
    ].join('\r\n');
    const rows = parseCsv(text).rows;
    const columns = parseCsvColumns(text);
    const result = expectSameIngestion('orders', rows, columns.cells, { delimiter: columns.delimiter });
    expect(result.report.rowsUsed).toBe(2);
    expect(result.report.issues.map((issue) => [issue.row, issue.column])).toEqual([
      [7, 'Total'],
      [8, 'Column F'],
      [9, 'Tanggal'],
    ]);
  });
});
