import { col, expectExcelError, serial } from './setup';
import { IMPLEMENTATIONS as F } from '../../src/functions/registry';
import { setClock } from '../../src/functions/clock';

describe('formula functions', () => {
  it('AOV: revenue ÷ orders, over a number or a range', () => {
    expect(F.AOV(1000, 8)).toBe(125);
    // Blanks and text are left out, as SUM does: (100 + 50 + 30) / 3.
    expect(F.AOV(col(100, 50, '', 'n/a', 30), null)).toBe(60);
    // A refund reduces revenue but is not an order: (100 + 50 − 30) / 2.
    expect(F.AOV(col(100, 50, -30), null)).toBe(60);
    // Order ids: distinct ids are the orders (two lines of order A).
    expect(F.AOV(col(100, 50, 30), col('A', 'A', 'B'))).toBe(90);
    expectExcelError(() => F.AOV(100, 0), '#DIV/0!');
    expectExcelError(() => F.AOV(col('', ''), null), '#N/A');
    expectExcelError(() => F.AOV('lots', 3), '#VALUE!', 'amounts');
  });

  it('CAC: spend ÷ new customers, adding up ranges', () => {
    expect(F.CAC(5000, 50)).toBe(100);
    expect(F.CAC(col(2000, 3000), col(20, '', 30))).toBe(100);
    expectExcelError(() => F.CAC(5000, 0), '#DIV/0!');
  });

  it('CLV: AOV × frequency × lifespan × margin (published worked example 85 × 3.2 × 4 = 1,088)', () => {
    expect(F.CLV(85, 3.2, 4, null)).toBeCloseTo(1088, 9);
    expect(F.CLV(85, 3.2, 4, 0.5)).toBeCloseTo(544, 9);
    expectExcelError(() => F.CLV(85, -1, 4, null), '#NUM!');
    expectExcelError(() => F.CLV(85, 'x', 4, null), '#VALUE!', 'frequencyPerYear');
  });

  it('LIFESPAN: 1 ÷ churn, capped', () => {
    expect(F.LIFESPAN(0.25, null)).toBe(4);
    expect(F.LIFESPAN(0, null)).toBe(10);
    expect(F.LIFESPAN(0.01, 5)).toBe(5);
    expectExcelError(() => F.LIFESPAN(1.5, null), '#NUM!');
    expectExcelError(() => F.LIFESPAN(0.2, 0), '#VALUE!', 'capYears');
  });

  it('CONVERSIONRATE, GROWTH, ATTAINMENT, MARGIN, ROI, LTVCAC, PAYBACK, FORECASTACCURACY', () => {
    expect(F.CONVERSIONRATE(30, 1200)).toBe(0.025);
    expectExcelError(() => F.CONVERSIONRATE(3, 0), '#DIV/0!');
    expectExcelError(() => F.CONVERSIONRATE(-3, 10), '#VALUE!', 'conversions');
    expect(F.GROWTH(120, 100)).toBeCloseTo(0.2, 12);
    expectExcelError(() => F.GROWTH(120, 0), '#DIV/0!');
    expect(F.ATTAINMENT(80, 100)).toBe(0.8);
    expect(F.MARGIN(col(600, 400), 600)).toBe(0.4);
    expect(F.ROI(10000, 2000, 0.5)).toBe(1.5);
    expect(F.ROI(10000, 2000, null)).toBe(4);
    expect(F.LTVCAC(900, 300)).toBe(3);
    expect(F.PAYBACK(600, 100, 0.5)).toBe(12);
    expect(F.PAYBACK(600, 100, null)).toBe(6);
    expectExcelError(() => F.PAYBACK(600, 0, null), '#DIV/0!');
    expect(F.FORECASTACCURACY(100, 90)).toBeCloseTo(0.9, 12);
    expect(F.FORECASTACCURACY(100, 300)).toBe(0);
  });

  it('BREAKEVEN: units and revenue; #NUM! when the price does not cover the variable cost', () => {
    expect(F.BREAKEVEN(10000, 50, 30, null)).toBe(500);
    expect(F.BREAKEVEN(10000, 50, 30, 'revenue')).toBe(25000);
    expect(F.BREAKEVEN(10000, 50, 30, 'Pendapatan')).toBe(25000);
    expectExcelError(() => F.BREAKEVEN(10000, 30, 30, null), '#NUM!');
    expectExcelError(() => F.BREAKEVEN(10000, 50, 30, 'profit'), '#VALUE!', 'measure');
  });

  it('PACE: actual ÷ target share elapsed (as-of day counted), default today', () => {
    // 10-day period, 5 days elapsed by the end of 5 Jan: expected 50 of 100.
    expect(F.PACE(50, 100, serial('2026-01-01'), serial('2026-01-10'), serial('2026-01-05'))).toBe(1);
    expect(F.PACE(40, 100, serial('2026-01-01'), serial('2026-01-10'), serial('2026-01-05'))).toBeCloseTo(0.8, 12);
    // After the end: the whole target is due.
    expect(F.PACE(90, 100, serial('2026-01-01'), serial('2026-01-10'), serial('2026-03-01'))).toBeCloseTo(0.9, 12);
    expectExcelError(() => F.PACE(0, 100, serial('2026-01-01'), serial('2026-01-10'), serial('2025-12-01')), '#N/A');
    expectExcelError(() => F.PACE(1, 100, serial('2026-01-10'), serial('2026-01-01'), null), '#VALUE!', 'periodEnd');
    expectExcelError(() => F.PACE(1, 0, serial('2026-01-01'), serial('2026-01-10'), serial('2026-01-05')), '#DIV/0!');
    setClock(() => new Date(2026, 0, 2, 12));
    try {
      expect(F.PACE(20, 100, serial('2026-01-01'), serial('2026-01-10'), null)).toBe(1);
    } finally {
      setClock();
    }
  });
});
