import { col, errorCell, expectExcelError, serial } from './setup';

/** Growth against a base of 0: the base's #DIV/0! in its cell. */
const GROWTH_OF_NOTHING = errorCell('#DIV/0!');
import { IMPLEMENTATIONS as F } from '../../src/functions/registry';
import { rfm } from '../../src/core/analyses/rfm';
import { ordersFromColumns } from '../../src/functions/columns';
import { columnArg } from '../../src/functions/args';

// 2026-01-05 a West 100 | 2026-01-20 b East 50 | 2026-02-03 a West 70 | 2026-02-10 c (blank) 30 | 2026-02-11 c East −10
const D = col(
  serial('2026-01-05'),
  serial('2026-01-20'),
  serial('2026-02-03'),
  serial('2026-02-10'),
  serial('2026-02-11'),
);
const C = col('a', 'b', 'a', 'c', 'c');
const R = col('West', 'East', 'West', '', 'East');
const A = col(100, 50, 70, 30, -10);

describe('SALES.BREAKDOWN', () => {
  it('revenue per group with share, best first, then the total', () => {
    expect(F.BREAKDOWN(R, A, null, null, null, null)).toEqual([
      ['Group', 'Revenue', 'Share'],
      ['West', 170, 170 / 240],
      ['East', 40, 40 / 240],
      ['(blank)', 30, 30 / 240],
      ['Total', 240, 1],
    ]);
  });

  it('orders count no refunds; aov has no share', () => {
    const orders = F.BREAKDOWN(R, A, 'orders', null, null, null);
    expect(orders[0]).toEqual(['Group', 'Orders', 'Share']);
    expect(orders[1]).toEqual(['West', 2, 0.5]);
    expect(orders[orders.length - 1]).toEqual(['Total', 4, 1]);
    const aov = F.BREAKDOWN(R, A, 'AOV', null, null, null);
    expect(aov[1]).toEqual(['West', 85, errorCell()]);
    expect(aov[aov.length - 1]).toEqual(['Total', 60, errorCell()]);
  });

  it('with dates and a period: that period, with growth (text #N/A where it cannot be computed)', () => {
    // As of 11 Feb (the latest date) February is not over: Feb 1–11 against Jan 1–11 (West 100).
    const rows = F.BREAKDOWN(R, A, null, D, 'month', null);
    expect(rows[0]).toEqual(['Group', 'Revenue', 'Share', 'Growth vs first 11 days of 2026-01']);
    const west = rows.find((r) => r[0] === 'West')!;
    expect(west[1]).toBe(70);
    expect(west[3]).toBeCloseTo(-0.3, 12);
    expect(rows.find((r) => r[0] === '(blank)')![3]).toEqual(GROWTH_OF_NOTHING);
    expect(rows.find((r) => r[0] === 'East')![3]).toEqual(GROWTH_OF_NOTHING); // nothing on Jan 1–11
    const total = rows[rows.length - 1];
    expect(total[0]).toBe('Total');
    expect(total[1]).toBe(90);
    expect(total[3]).toBeCloseTo(90 / 100 - 1, 12);
    // A complete February compares with all of January (150).
    const whole = F.BREAKDOWN(R, A, null, D, 'month', serial('2026-02-28'));
    expect(whole[0][3]).toBe('Growth vs 2026-01');
    expect(whole[whole.length - 1].slice(1)).toEqual([90, 1, 90 / 150 - 1]);
    expect(whole.find((r) => r[0] === 'East')![3]).toBeCloseTo(-10 / 50 - 1, 12);
    // Dates without a period: every row up to asOf.
    expect(F.BREAKDOWN(R, A, null, D, null, serial('2026-01-31'))).toEqual([
      ['Group', 'Revenue', 'Share'],
      ['West', 100, 100 / 150],
      ['East', 50, 50 / 150],
      ['Total', 150, 1],
    ]);
  });

  it('errors', () => {
    expectExcelError(
      () => F.BREAKDOWN(R, col(1), null, null, null, null),
      '#VALUE!',
      'dimension has 5 rows but amounts has 1',
    );
    expectExcelError(() => F.BREAKDOWN(R, A, 'churn', null, null, null), '#VALUE!', 'metric');
    expectExcelError(
      () => F.BREAKDOWN(R, A, null, null, 'month', null),
      '#VALUE!',
      'period: needs the dates',
    );
    expectExcelError(() => F.BREAKDOWN(col('', ''), col('', ''), null, null, null, null), '#N/A');
  });
});

describe('SALES.RFM', () => {
  it('one row per customer, matching the engine and hand counts', () => {
    const rows = F.RFM(D, C, A, null);
    expect(rows[0]).toEqual(['Customer', 'Recency', 'Frequency', 'Monetary', 'R', 'F', 'M', 'Segment']);
    expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual([
      // asOf defaults to the last order day, 10 Feb: the refund on the 11th is not an order.
      ['a', 7, 2, 170],
      ['b', 21, 1, 50],
      ['c', 0, 1, 30],
    ]);
    const table = ordersFromColumns({
      dates: columnArg(D, 'd'),
      customers: columnArg(C, 'c'),
      amounts: columnArg(A, 'a'),
    });
    const core = rfm(table);
    if ('error' in core) throw new Error(core.reason);
    expect(rows.slice(1)).toEqual(
      core.customers.map((c) => [c.id, c.recency, c.frequency, c.monetary, c.r, c.f, c.m, c.segment]),
    );
  });

  it('asOf moves recency; errors', () => {
    expect(F.RFM(D, C, A, serial('2026-03-01'))[3].slice(1, 4)).toEqual([19, 1, 20]);
    expectExcelError(() => F.RFM(D, col('a'), A, null), '#VALUE!', 'customers');
    expectExcelError(() => F.RFM(col(''), col(''), col(''), null), '#N/A');
  });
});

describe('SALES.TREND', () => {
  const dates = col(
    serial('2026-01-15'),
    serial('2026-02-15'),
    serial('2026-03-15'),
    serial('2026-04-15'),
    serial('2026-04-16'),
  );
  const values = col(10, 20, 30, 25, 15);

  it('actuals, the least-squares line and its forecast', () => {
    const rows = F.TREND(dates, values, 'month', 2, 4, null);
    expect(rows[0]).toEqual(['Period', 'Start', 'Actual', 'Trend', 'Type']);
    expect(rows.map((r) => r[0])).toEqual([
      'Period',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(rows.slice(1, 5).map((r) => r[2])).toEqual([10, 20, 30, 40]);
    rows.slice(1).forEach((r, x) => expect(r[3]).toBeCloseTo(10 + 10 * x, 9));
    expect(rows[5]).toEqual([
      '2026-05',
      serial('2026-05-01'),
      errorCell(),
      expect.closeTo(50, 9),
      'forecast',
    ]);
    expect(rows[1][4]).toBe('actual');
  });

  it('defaults to 12 periods; empty periods count as 0', () => {
    const rows = F.TREND(dates, values, 'bulan', 0, null, null);
    expect(rows).toHaveLength(13);
    expect(rows[1][2]).toBe(0); // May 2025
  });

  it('errors', () => {
    expectExcelError(() => F.TREND(dates, values, 'month', -1, null, null), '#VALUE!', 'horizon');
    expectExcelError(() => F.TREND(dates, values, 'month', 1, 1, null), '#VALUE!', 'periods');
    expectExcelError(
      () => F.TREND(dates, col(1), 'month', 1, null, null),
      '#VALUE!',
      'dates has 5 rows but values has 1',
    );
  });
});
