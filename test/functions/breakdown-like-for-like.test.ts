/**
 * SALES.BREAKDOWN's growth compares like for like: a period not over on the as-of day against as
 * many days from the start of the period before, as the dashboard's breakdowns do. Expected
 * figures are added up by hand here (and, on the sample, from its rows in the test).
 */
import { join } from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { col, errorCell, expectExcelError, serial } from './setup';

/** Growth against a base of 0: the base's #DIV/0! in its cell. */
const GROWTH_OF_NOTHING = errorCell('#DIV/0!');
import { IMPLEMENTATIONS as F } from '../../src/functions/registry';

// North: Nov 2 100, Nov 20 300, Dec 3 150 | South: Nov 5 200, Nov 6 50, Dec 1 100, Dec 5 60
// (order ids: South's Dec 1 and Dec 5 lines are one order S1 … refunds below).
const ROWS: [string, string, string, number][] = [
  ['2026-11-02', 'North', 'N1', 100],
  ['2026-11-20', 'North', 'N2', 300],
  ['2026-12-03', 'North', 'N3', 100],
  ['2026-12-03', 'North', 'N3', 50],
  ['2026-11-05', 'South', 'S0', 200],
  ['2026-11-06', 'South', 'S9', 50],
  ['2026-12-01', 'South', 'S1', 100],
  ['2026-12-05', 'South', 'S2', 60],
];
const D = col(...ROWS.map((r) => serial(r[0])));
const G = col(...ROWS.map((r) => r[1]));
const O = col(...ROWS.map((r) => r[2]));
const A = col(...ROWS.map((r) => r[3]));

describe('SALES.BREAKDOWN growth, like for like', () => {
  it('December 1–5 against November 1–5 (before: against all of November)', () => {
    expect(F.BREAKDOWN(G, A, null, D, 'month', serial('2026-12-05'))).toEqual([
      ['Group', 'Revenue', 'Share', 'Growth vs first 5 days of 2026-11'],
      ['South', 160, 160 / 310, 160 / 200 - 1], // was 160 / 250 − 1
      ['North', 150, 150 / 310, 150 / 100 - 1], // was 150 / 400 − 1
      ['Total', 310, 1, 310 / 300 - 1], // was 310 / 650 − 1
    ]);
    // The latest date is the default as-of day.
    expect(F.BREAKDOWN(G, A, null, D, 'month', null)).toEqual(
      F.BREAKDOWN(G, A, null, D, 'month', serial('2026-12-05')),
    );
  });

  it('one day into the period: the first day of the period before', () => {
    const rows = F.BREAKDOWN(G, A, null, D, 'month', serial('2026-12-01'));
    expect(rows[0][3]).toBe('Growth vs first day of 2026-11');
    expect(rows.find((r) => r[0] === 'South')![3]).toEqual(GROWTH_OF_NOTHING); // nothing on 1 November
    expect(rows[rows.length - 1]).toEqual(['Total', 100, 1, GROWTH_OF_NOTHING]);
  });

  it('a complete period against the whole period before', () => {
    const rows = F.BREAKDOWN(G, A, null, D, 'month', serial('2026-11-30'));
    expect(rows[0][3]).toBe('Growth vs 2026-10');
    expect(rows[rows.length - 1]).toEqual(['Total', 650, 1, GROWTH_OF_NOTHING]);
  });

  it('a period longer than the one before is cut at its end (30 March against all of February)', () => {
    const dates = col(serial('2026-02-10'), serial('2026-02-28'), serial('2026-03-30'));
    const rows = F.BREAKDOWN(col('x', 'x', 'x'), col(10, 30, 60), null, dates, 'month', null);
    expect(rows).toEqual([
      ['Group', 'Revenue', 'Share', 'Growth vs 2026-02'],
      ['x', 60, 1, 60 / 40 - 1],
      ['Total', 60, 1, 60 / 40 - 1],
    ]);
  });

  it('weeks: Monday to Wednesday against Monday to Wednesday of the week before', () => {
    // 2026-12-02 is a Wednesday of ISO week 49; week 48 runs 23–29 November.
    const dates = col(
      serial('2026-11-23'),
      serial('2026-11-25'),
      serial('2026-11-26'),
      serial('2026-11-30'),
      serial('2026-12-02'),
    );
    const rows = F.BREAKDOWN(
      col('x', 'x', 'x', 'x', 'x'),
      col(10, 20, 400, 5, 25),
      null,
      dates,
      'week',
      serial('2026-12-02'),
    );
    expect(rows[0][3]).toBe('Growth vs first 3 days of 2026-W48');
    expect(rows[rows.length - 1]).toEqual(['Total', 30, 1, 30 / 30 - 1]);
  });

  it('orders and aov with order ids count an order once', () => {
    const orders = F.BREAKDOWN(G, A, 'orders', D, 'month', serial('2026-12-05'), O);
    expect(orders).toEqual([
      ['Group', 'Orders', 'Share', 'Growth vs first 5 days of 2026-11'],
      ['South', 2, 2 / 3, 2 / 1 - 1],
      ['North', 1, 1 / 3, 1 / 1 - 1],
      ['Total', 3, 1, 3 / 2 - 1],
    ]);
    const aov = F.BREAKDOWN(G, A, 'aov', D, 'month', serial('2026-12-05'), O);
    expect(aov[1]).toEqual(['North', 150, errorCell(), 150 / 100 - 1]);
    expect(aov[aov.length - 1]).toEqual(['Total', 310 / 3, errorCell(), 310 / 3 / 150 - 1]);
    // Without ids North's two lines of N3 are two orders.
    expect(F.BREAKDOWN(G, A, 'orders', D, 'month', serial('2026-12-05'))[1]).toEqual(['North', 2, 0.5, 1]);
  });

  it('refunds reduce revenue in the window they are dated in', () => {
    const rows = F.BREAKDOWN(
      col('x', 'x', 'x'),
      col(100, -30, 50),
      null,
      col(serial('2026-11-02'), serial('2026-11-04'), serial('2026-12-03')),
      'month',
      serial('2026-12-05'),
    );
    expect(rows[rows.length - 1]).toEqual(['Total', 50, 1, 50 / 70 - 1]);
  });

  it('bad arguments are #VALUE!', () => {
    expectExcelError(
      () => F.BREAKDOWN(G, A, null, D, 'month', null, col('N1')),
      '#VALUE!',
      'dimension has 8 rows but orderIds has 1',
    );
    expectExcelError(() => F.BREAKDOWN(G, A, null, D, 'fortnight', null), '#VALUE!', 'period');
  });

  it('property: total growth is the period to date against the same number of days of the period before', () => {
    const start = serial('2026-01-01');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: -50, max: 500 })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.integer({ min: 31, max: 400 }),
        (rows, asOffset) => {
          const asOf = start + asOffset;
          const table = F.BREAKDOWN(
            rows.map(() => ['x']),
            rows.map((r) => [r[1]]),
            null,
            rows.map((r) => [start + r[0]]),
            'month',
            asOf,
          );
          const day = new Date((asOf - 25569) * 86400000);
          const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()];
          const monthStart = Date.UTC(y, m, 1) / 86400000 + 25569;
          const monthEnd = Date.UTC(y, m + 1, 1) / 86400000 + 25569;
          const previousStart = Date.UTC(y, m - 1, 1) / 86400000 + 25569;
          const complete = asOf + 1 === monthEnd;
          const baseEnd = complete ? monthStart : Math.min(previousStart + d, monthStart);
          const sum = (from: number, to: number) =>
            rows.reduce((s, r) => (start + r[0] >= from && start + r[0] < to ? s + r[1] : s), 0);
          const current = sum(monthStart, asOf + 1);
          const base = sum(previousStart, baseEnd);
          const total = table[table.length - 1];
          expect(total[1]).toBeCloseTo(current, 9);
          if (base === 0) expect(total[3]).toEqual(GROWTH_OF_NOTHING);
          else expect(total[3]).toBeCloseTo(current / base - 1, 9);
          const days = baseEnd - previousStart;
          const previousKey = new Date((previousStart - 25569) * 86400000).toISOString().slice(0, 7);
          const wholeBase = baseEnd === monthStart;
          expect(table[0][3]).toBe(
            wholeBase
              ? `Growth vs ${previousKey}`
              : `Growth vs first ${days === 1 ? 'day' : `${days} days`} of ${previousKey}`,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('SALES.BREAKDOWN on the bundled sample as of 2026-12-05', () => {
  it('regions: December 1–5 against November 1–5, added up from the rows', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(__dirname, '../../samples/sales-sample.xlsx'));
    const sheet = workbook.getWorksheet('Orders')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const at = (name: string) => header.indexOf(name) + 1;
    const dates: unknown[][] = [];
    const regions: unknown[][] = [];
    const amounts: unknown[][] = [];
    const current = new Map<string, number>();
    const base = new Map<string, number>();
    const [dec1, dec5, nov1, nov5] = ['2026-12-01', '2026-12-05', '2026-11-01', '2026-11-05'].map(serial);
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const date = (row.getCell(at('Order Date')).value as Date).getTime() / 86400000 + 25569;
      const region = String(row.getCell(at('Region')).value);
      const amount = row.getCell(at('Amount')).value as number;
      dates.push([date]);
      regions.push([region]);
      amounts.push([amount]);
      const day = Math.floor(date);
      if (day >= dec1 && day <= dec5) current.set(region, (current.get(region) ?? 0) + amount);
      if (day >= nov1 && day <= nov5) base.set(region, (base.get(region) ?? 0) + amount);
    });
    const rows = F.BREAKDOWN(regions, amounts, null, dates, 'month', dec5);
    expect(rows[0][3]).toBe('Growth vs first 5 days of 2026-11');
    for (const row of rows.slice(1, -1)) {
      const key = row[0] as string;
      expect(row[1]).toBeCloseTo(current.get(key)!, 6);
      expect(row[3]).toBeCloseTo(current.get(key)! / base.get(key)! - 1, 9);
    }
    const sumOf = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    const total = rows[rows.length - 1];
    expect(total[3]).toBeCloseTo(sumOf(current) / sumOf(base) - 1, 9);
    // The dashboard's month-to-date revenue change: −11.9 % (all of November would give −84.3 %).
    expect(total[3]).toBeCloseTo(-0.1188, 4);
  });
});
