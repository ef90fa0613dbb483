import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import {
  ingestOrders,
  ingestPipeline,
  ingestSpend,
  ingestTargets,
  ingestTable,
} from '../../../src/core/ingest/ingest';
import type { CellValue } from '../../../src/core/cell';
import { STATUS_CODE, dictValue, type TableKind } from '../../../src/core/table';

const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000;
const DATA = join(__dirname, '../../../../shared/data');

describe('ingestOrders', () => {
  const sheet: CellValue[][] = [
    ['Monthly sales'],
    [],
    ['Tanggal', 'Pelanggan', 'Total', 'Qty', 'Wilayah', 'Catatan'],
    ['28/11/2026', 'Budi', 'Rp 1.250.000,00', 2, 'Jawa', 'ok'],
    ['29/11/2026', 1001, 'Rp 1.250', '#N/A', 'Bali', ''],
    ['abc', 'Sari', 'Rp 5.000', 1, 'Jawa', 'x'],
    ['', '', '', '', '', ''],
    ['30/11/2026', 'Sari', '#N/A', 1, 'Jawa', 'late'],
    ['1/12/2026', 'Budi', '(Rp 10.000)', 1, 'Sumatra', ''],
    [],
  ];

  test('reads values, skips bad rows with sheet row numbers, counts blank rows', () => {
    const { table, report, formats } = ingestOrders(sheet, { firstRowNumber: 5 });
    expect(table).not.toBeNull();
    const t = table!;
    expect(t.length).toBe(3);
    expect(Array.from(t.date)).toEqual([utc(2026, 11, 28), utc(2026, 11, 29), utc(2026, 12, 1)]);
    expect(Array.from(t.amount)).toEqual([1250000, 1250, -10000]);
    expect(Array.from(t.sourceRow)).toEqual([8, 9, 13]);
    expect(Array.from(t.quantity!)).toEqual([2, NaN, 1]);
    expect([0, 1, 2].map((i) => dictValue(t.customer!, i))).toEqual(['Budi', '1001', 'Budi']);
    expect([0, 1, 2].map((i) => dictValue(t.dimensions.region!, i))).toEqual(['Jawa', 'Bali', 'Sumatra']);
    expect([0, 1, 2].map((i) => dictValue(t.extra.Catatan, i))).toEqual(['ok', undefined, undefined]);
    expect(t.mapping).toMatchObject({
      date: 'Tanggal',
      customer: 'Pelanggan',
      amount: 'Total',
      quantity: 'Qty',
      region: 'Wilayah',
    });
    expect(report).toMatchObject({ rowsRead: 7, rowsUsed: 3, rowsSkipped: 4 });
    expect(report.issues).toEqual([
      { row: 9, column: 'Qty', value: '#N/A', reason: 'Excel error #N/A', severity: 'warning' },
      { row: 10, column: 'Tanggal', value: 'abc', reason: "'abc' is not a date", severity: 'skipped' },
      { row: 12, column: 'Total', value: '#N/A', reason: 'Excel error #N/A', severity: 'skipped' },
    ]);
    expect(report.notes).toContain('2 blank rows skipped (not listed).');
    expect(formats).toContainEqual({ role: 'date', column: 0, header: 'Tanggal', dateOrder: 'dmy' });
    expect(formats).toContainEqual({
      role: 'amount',
      column: 2,
      header: 'Total',
      numberStyle: 'comma-decimal',
      currency: 'Rp',
    });
  });

  test('options fix the header row, formats and mapping', () => {
    const values: CellValue[][] = [
      ['a', 'b', 'c'],
      ['1/2/2026', '1.250', '1,5'],
      ['3/4/2026', '2.000', '2'],
    ];
    const { table, detection } = ingestOrders(values, {
      headerRow: 0,
      dateOrder: 'dmy',
      numberStyle: 'comma-decimal',
      mapping: { date: 'a', amount: 2, quantity: 'b' },
    });
    expect(Array.from(table!.date)).toEqual([utc(2026, 2, 1), utc(2026, 4, 3)]);
    expect(Array.from(table!.amount)).toEqual([1.5, 2]);
    expect(Array.from(table!.quantity!)).toEqual([1250, 2000]);
    expect(detection.roles.amount?.confidence).toBe(1);
  });

  test('1904 date system', () => {
    const { table } = ingestOrders(
      [
        ['Date', 'Amount'],
        [0, 1],
        [43830, 2],
      ],
      { dateSystem: '1904' },
    );
    expect(Array.from(table!.date)).toEqual([utc(1904, 1, 1), utc(2024, 1, 1)]);
  });

  test('a missing required role gives a null table and says what is missing', () => {
    const result = ingestOrders([
      ['Customer', 'Region'],
      ['Budi', 'Jawa'],
    ]);
    expect(result.table).toBeNull();
    expect(result.error).toMatch(/date column/);
    expect(result.error).toMatch(/amount column/);
    expect(result.error).toMatch(/'Customer', 'Region'/);
    expect(result.report.rowsRead).toBe(1);
  });

  test('a required role mapped to an unknown header is an error, not a silent guess', () => {
    const result = ingestOrders(
      [
        ['Date', 'Amount'],
        [45292, 5],
      ],
      { mapping: { amount: 'Revenue' } },
    );
    expect(result.table).toBeNull();
    expect(result.report.notes?.[0]).toMatch(/'Revenue'/);
  });

  test('maxIssues caps the stored issues; counts stay exact; the first rows are kept', () => {
    const values: CellValue[][] = [['Date', 'Amount']];
    for (let i = 0; i < 50; i++) values.push([i % 2 === 0 ? 'bad' : 45292, i % 2 === 0 ? 1 : 'bad']);
    const { report } = ingestOrders(values, { maxIssues: 5 });
    expect(report.rowsSkipped).toBe(50);
    expect(report.issues.map((issue) => issue.row)).toEqual([2, 3, 4, 5, 6]);
    expect(report.issuesOmitted).toBe(45);
  });

  test('headerless CDNOW file: all rows, the same total as an independent sum', () => {
    const lines = readFileSync(join(DATA, 'cdnow_sample.txt'), 'utf8').trim().split(/\r?\n/);
    const rows = lines.map((line) => line.trim().split(/\s+/));
    const { table, report, detection } = ingestOrders(rows, { mapping: { customer: 0, quantity: 3 } });
    expect(detection.roles.date?.column).toBe(2);
    expect(detection.roles.amount?.column).toBe(4);
    expect(report).toMatchObject({ rowsRead: 6919, rowsUsed: 6919, rowsSkipped: 0 });
    const total = rows.reduce((sum, r) => sum + Number(r[4]), 0);
    expect(Array.from(table!.amount).reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
    expect(Math.min(...table!.date)).toBe(utc(1997, 1, 1));
    expect(Math.max(...table!.date)).toBe(utc(1998, 6, 30));
    expect(table!.customer!.dictionary.length).toBe(2357);
  });
});

describe('ingestPipeline on the CRM pipeline file', () => {
  const rows = readFileSync(join(DATA, 'crm_sales_pipeline.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(','));
  const { table, report } = ingestPipeline(rows);

  test('rows without an engage date (prospecting) are skipped and reported', () => {
    expect(report).toMatchObject({ rowsRead: 8800, rowsUsed: 8300, rowsSkipped: 500 });
    expect(report.issues[0]).toMatchObject({ column: 'engage_date', reason: 'blank', severity: 'skipped' });
    const prospecting = rows.findIndex((r, i) => i > 0 && r[5] === '');
    expect(report.issues[0].row).toBe(prospecting + 1);
  });

  test('statuses, values and closing dates match an independent count', () => {
    const t = table!;
    const count = (code: number) => t.status.filter((s) => s === code).length;
    expect(count(STATUS_CODE.won)).toBe(4238);
    expect(count(STATUS_CODE.lost)).toBe(2473);
    expect(count(STATUS_CODE.open)).toBe(1589);
    const wonValue = rows
      .slice(1)
      .filter((r) => r[4] === 'Won')
      .reduce((s, r) => s + Number(r[7]), 0);
    let sum = 0;
    for (let i = 0; i < t.length; i++) if (t.status[i] === STATUS_CODE.won) sum += t.value![i];
    expect(sum).toBe(wonValue);
    for (let i = 0; i < t.length; i++)
      expect(Number.isNaN(t.closed[i])).toBe(t.status[i] === STATUS_CODE.open);
    expect(t.created[0]).toBe(utc(2016, 10, 20));
    expect(t.closed[0]).toBe(utc(2017, 3, 1));
    expect(t.rep!.dictionary.length).toBe(30);
    expect(Object.keys(t.extra).sort()).toEqual(['account', 'product']);
  });
});

describe('ingestSpend and ingestTargets', () => {
  test('spend by month text', () => {
    const { table } = ingestSpend([
      ['Month', 'Channel', 'Spend'],
      ['2026-10', 'Ads', '$1,200.50'],
      ['Nov 2026', 'Email', 300],
    ]);
    expect(Array.from(table!.date)).toEqual([utc(2026, 10, 1), utc(2026, 11, 1)]);
    expect(Array.from(table!.spend)).toEqual([1200.5, 300]);
  });

  test('targets rows with period keys', () => {
    const { table, report } = ingestTargets([
      ['Metric', 'Period', 'Target', 'Rep'],
      ['revenue', '2026-Q1', 'Rp 100.000.000', 'Sari'],
      ['orders', 2026, 500, ''],
      ['aov', 46082, 200, 'Budi'],
      ['revenue', 'someday', 1, 'Sari'],
    ]);
    expect(table!.rows).toEqual([
      { metric: 'revenue', period: '2026-Q1', target: 100000000, rep: 'Sari', sourceRow: 2 },
      { metric: 'orders', period: '2026', target: 500, sourceRow: 3 },
      { metric: 'aov', period: '2026-03', target: 200, rep: 'Budi', sourceRow: 4 },
    ]);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ row: 5, column: 'Period', severity: 'skipped' });
  });

  test('unknown pipeline statuses count as open with a warning', () => {
    const { table, report } = ingestPipeline([
      ['Created', 'Stage'],
      [45292, 'On Hold'],
      [45293, 'Kalah'],
    ]);
    expect(Array.from(table!.status)).toEqual([STATUS_CODE.open, STATUS_CODE.lost]);
    expect(report.issues[0]).toMatchObject({ row: 2, severity: 'warning' });
  });
});

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.double(),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(''),
  fc.date(),
  fc.constant(new Date(NaN)),
  fc.constantFrom(
    '#N/A',
    '$1,250.00',
    'Rp 1.250.000,00',
    '(125.00)',
    '2026-11-28',
    '28/11/2026',
    '11/28/2026',
    'Won',
    'Lost',
    'Date',
    'Amount',
    'Tanggal',
    'Status',
    'Created',
    'Metric',
    'Period',
    'Target',
    'Spend',
    '2026-Q1',
    '60',
  ),
  fc.integer({ min: 1, max: 80000 }),
);
const sheet = fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 25 });

describe('sheet width', () => {
  // The width is first taken from the top rows and checked as every row is read; a wider row far
  // down must give the same result as if the width had been known from the start.
  const rows = (n: number): CellValue[][] => {
    const out: CellValue[][] = [['Date', 'Amount', 'Region']];
    for (let i = 0; i < n; i++) out.push([45292 + (i % 30), 10 + i, i % 2 ? 'North' : 'South']);
    return out;
  };

  it('counts a wide row below the top rows as columns', () => {
    const values = rows(3000);
    values[2500] = [45300, 5, 'East', 'Jakarta', 'x'];
    const { table, detection } = ingestOrders(values);
    expect(table!.length).toBe(3000);
    expect(detection.unassigned).toEqual([3, 4]);
    expect(table!.extra['Column D']).toBeUndefined(); // one text cell in a blank column: no sample evidence
    expect(table!.amount[2499]).toBe(5);
  });

  it('gives the same table and detection as a sheet with that width from the top', () => {
    const values = rows(3000);
    values[2999] = [45300, 5, 'East', 'Jakarta'];
    const padded = values.map((row, i) => (i === 1 ? [...row, ''] : row));
    const a = ingestOrders(values);
    const b = ingestOrders(padded);
    expect(a.detection).toEqual(b.detection);
    expect(a.report).toEqual(b.report);
    expect(Array.from(a.table!.amount)).toEqual(Array.from(b.table!.amount));
    expect(a.table!.dimensions.region!.dictionary).toEqual(b.table!.dimensions.region!.dictionary);
  });

  it('names the headers of wide rows in a missing-role message', () => {
    const values: CellValue[][] = [['Region', 'Note']];
    for (let i = 0; i < 2000; i++) values.push(['North', 'n']);
    values[1500] = ['North', 'n', 'extra'];
    const { error, table } = ingestOrders(values);
    expect(table).toBeNull();
    expect(error).toContain("'Column C'");
  });
});

describe('properties', () => {
  test('nothing throws, and rows read = used + skipped, for every kind', () => {
    fc.assert(
      fc.property(
        sheet,
        fc.constantFrom<TableKind>('orders', 'pipeline', 'spend', 'targets'),
        (values, kind) => {
          const result = ingestTable(kind, values);
          expect(result.report.rowsRead).toBe(result.report.rowsUsed + result.report.rowsSkipped);
          // The last-resort catch in ingestTable must never be what answered.
          if (result.table === null) expect(result.error).toMatch(/^Could not find/);
          else if (result.table.kind === 'targets')
            expect(result.table.rows.length).toBe(result.report.rowsUsed);
          else expect(result.table.length).toBe(result.report.rowsUsed);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('holes and non-array rows do not throw either', () => {
    const values: unknown[] = [['Date', 'Amount'], undefined, null, [45292, 5], undefined, 'oops', 7];
    delete values[4]; // a hole, as in a sparse array
    expect(4 in values).toBe(false);
    const result = ingestOrders(values as CellValue[][]);
    expect(result.table?.length).toBe(1);
  });

  const dateCell = fc.oneof(
    fc.integer({ min: 1, max: 120000 }),
    fc.constantFrom('2026-11-28', '28/11/2026', '1/2/2026', 'x', '', '#N/A'),
  );
  const amountCell = fc.oneof(
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.constantFrom('$1,250.00', '1.250', '(5)', 'abc', '', true),
  );

  test('shuffling rows permutes the output without changing the multiset of (date, amount)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(dateCell, amountCell), { maxLength: 60 }),
        fc.integer(),
        (pairs, seed) => {
          const rows: CellValue[][] = pairs.map(([d, a]) => [d, a]);
          const shuffled = [...rows];
          let s = seed;
          for (let i = shuffled.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1103515245) + 12345) | 0;
            const j = Math.abs(s) % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
          }
          const key = (values: CellValue[][]) => {
            const t = ingestOrders([['Date', 'Amount'], ...values]).table!;
            return Array.from(t.date, (d, i) => `${d}|${t.amount[i]}`).sort();
          };
          expect(key(shuffled)).toEqual(key(rows));
        },
      ),
      { numRuns: 300 },
    );
  });
});
