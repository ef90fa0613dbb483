import { fitLine, lineOfSeries, trend } from '../../../src/core/analyses/trend';
import { metricError } from '../../../src/core/errors';
import { lastPeriods } from '../../../src/core/periods';
import { daysFromCivil } from '../../../src/core/periods';
import { ordersTable } from '../metrics/tables';

describe('fitLine', () => {
  test('exact line', () => {
    expect(fitLine([0, 1, 2], [1, 3, 5])).toEqual({ slope: 2, intercept: 1, r2: 1, n: 3 });
  });
  test('noisy points: slope and R² by hand', () => {
    // x̄ = 1.5, ȳ = 2.5; Sxy = 4, Sxx = 5, Syy = 5 → slope 0.8, intercept 1.3, R² = 16 / 25
    const fit = fitLine([0, 1, 2, 3], [1, 3, 2, 4])!;
    expect(fit.slope).toBeCloseTo(0.8, 12);
    expect(fit.intercept).toBeCloseTo(1.3, 12);
    expect(fit.r2).toBeCloseTo(0.64, 12);
  });
  test('fewer than two points or no spread', () => {
    expect(fitLine([1], [1])).toBeNull();
    expect(fitLine([2, 2], [1, 3])).toBeNull();
  });
});

/** Two years of months, revenue 100 + 10k in month k, one order a month; nothing in 2023-06. */
function monthly(skip?: number) {
  const date: number[] = [];
  const amount: number[] = [];
  for (let k = 0; k < 24; k++) {
    if (k === skip) continue;
    date.push(daysFromCivil(2023, k + 1, 15));
    amount.push(100 + 10 * k);
  }
  return ordersTable({ date, amount, customer: date.map(() => 'x') });
}
const asOf = daysFromCivil(2024, 12, 31);

describe('trend', () => {
  test('slope, forecast and seasonal naive on a straight series', () => {
    const t = trend('revenue', { orders: monthly() }, { asOf, unit: 'month', count: 24, horizon: 3 });
    expect(t.series).toHaveLength(24);
    expect(t.fit!.slope).toBeCloseTo(10, 9);
    expect(t.fit!.r2).toBeCloseTo(1, 12);
    expect(t.forecast.map((p) => [p.period.key, Math.round(p.value as number)])).toEqual([
      ['2025-01', 340],
      ['2025-02', 350],
      ['2025-03', 360],
    ]);
    expect(t.seasonalNaive!.map((p) => p.value)).toEqual([220, 230, 240]);
  });

  test('error periods are skipped in the fit and listed', () => {
    const t = trend('aov', { orders: monthly(5) }, { asOf, unit: 'month', count: 24, horizon: 1 });
    expect(t.skipped.map((p) => p.period.key)).toEqual(['2023-06']);
    expect(t.skipped[0].value).toMatchObject({ error: '#DIV/0!' });
    expect(t.fit!.n).toBe(23);
    expect(t.fit!.slope).toBeCloseTo(10, 9);
  });

  test('no seasonal naive without a year of history', () => {
    const short = ordersTable({
      date: [daysFromCivil(2024, 9, 1), daysFromCivil(2024, 12, 1)],
      amount: [1, 2],
    });
    const t = trend('revenue', { orders: short }, { asOf, unit: 'month', count: 6, horizon: 2 });
    expect(t.seasonalNaive).toBeNull();
    expect(t.forecast).toHaveLength(2);
  });
});

/**
 * Revenue by hand, one order a month: Jan 100, Feb 130, Mar 150, Apr 190, May 1–10 40 (and 999 on
 * 20 May, after the as-of day 2026-05-10). The line through Jan–Apr (x = 0…3): x̄ 1.5, ȳ 142.5,
 * Sxy 145, Sxx 5, Syy 4,275 → slope 29, intercept 99, r² 145² / (5 × 4,275); at May (x = 4) 215.
 */
describe('trend with a partial period', () => {
  const table = ordersTable({
    date: ['2026-01-15', '2026-02-15', '2026-03-15', '2026-04-15', '2026-05-03', '2026-05-20'].map((d) => {
      const [y, m, dd] = d.split('-').map(Number);
      return daysFromCivil(y, m, dd);
    }),
    amount: [100, 130, 150, 190, 40, 999],
    customer: ['a', 'a', 'a', 'a', 'a', 'a'],
  });
  const may10 = daysFromCivil(2026, 5, 10);

  test('the month to date is left out of the fit and listed as partial', () => {
    const t = trend('revenue', { orders: table }, { asOf: may10, unit: 'month', count: 5, horizon: 2 });
    expect(t.series.map((p) => p.value)).toEqual([100, 130, 150, 190, 40]);
    expect(t.partial.map((p) => [p.period.key, p.value])).toEqual([['2026-05', 40]]);
    expect(t.skipped).toEqual([]);
    expect(t.fit!.n).toBe(4);
    expect(t.fit!.slope).toBeCloseTo(29, 12);
    expect(t.fit!.intercept).toBeCloseTo(99, 12);
    expect(t.fit!.r2).toBeCloseTo(145 ** 2 / (5 * 4275), 12);
    expect(t.forecast.map((p) => [p.period.key, p.value])).toEqual([
      ['2026-06', expect.closeTo(244, 9)],
      ['2026-07', expect.closeTo(273, 9)],
    ]);
  });

  test('forecasts the full month of a flow: to date + the line × remaining days ÷ days in the month', () => {
    const t = trend('revenue', { orders: table }, { asOf: may10, unit: 'month', count: 5, horizon: 2 });
    expect(t.current).toMatchObject({ toDate: 40, daysElapsed: 10, daysInPeriod: 31 });
    expect(t.current!.period.key).toBe('2026-05');
    expect(t.current!.forecast).toBeCloseTo(40 + (215 * 21) / 31, 9);
    expect(t.current!.method).toBe(
      "revenue to date (10 of 31 days) + the trend line's value for 2026-05 × 21 remaining days ÷ 31",
    );
  });

  test('a ratio is forecast by the line alone', () => {
    const t = trend('aov', { orders: table }, { asOf: may10, unit: 'month', count: 5, horizon: 0 });
    expect(t.fit!.slope).toBeCloseTo(29, 12);
    expect(t.current!.toDate).toBe(40);
    expect(t.current!.forecast).toBeCloseTo(215, 9);
    expect(t.current!.method).toMatch(/^the trend line's value for 2026-05/);
  });

  test('with the month to date in the fit, the slope would be pulled down (the old behaviour)', () => {
    // All five points, x = 0…4: x̄ 2, ȳ 122; Sxy = −2·−22 − 1·8 + 0 + 1·68 + 2·−82 = −60, Sxx 10 → −6.
    expect(fitLine([0, 1, 2, 3, 4], [100, 130, 150, 190, 40])!.slope).toBeCloseTo(-6, 12);
  });

  test('a complete last period is fitted and has no current forecast', () => {
    const t = trend(
      'revenue',
      { orders: table },
      { asOf: daysFromCivil(2026, 5, 31), unit: 'month', count: 5, horizon: 1 },
    );
    expect(t.partial).toEqual([]);
    expect(t.current).toBeUndefined();
    expect(t.fit!.n).toBe(5);
    expect(t.series[4].value).toBe(1039);
  });

  test('weeks: the ISO week to date (Mon–Wed) is left out', () => {
    // Weeks of 2026-W18…W20 (Mon 27 Apr, 4 May, 11 May); as of Wednesday 13 May: W20 has 3 of 7 days.
    const weekly = ordersTable({
      date: [daysFromCivil(2026, 4, 28), daysFromCivil(2026, 5, 5), daysFromCivil(2026, 5, 12)],
      amount: [70, 140, 30],
    });
    const t = trend(
      'revenue',
      { orders: weekly },
      { asOf: daysFromCivil(2026, 5, 13), unit: 'week', count: 3, horizon: 0 },
    );
    expect(t.partial.map((p) => p.period.key)).toEqual(['2026-W20']);
    expect(t.fit!.slope).toBeCloseTo(70, 12);
    // Line at x = 2: 70 + 70·2 = 210; 30 + 210 × 4 / 7 = 150.
    expect(t.current).toMatchObject({ daysElapsed: 3, daysInPeriod: 7 });
    expect(t.current!.forecast).toBeCloseTo(150, 9);
  });

  test('without two complete periods there is no line and the current forecast says so', () => {
    const t = trend('revenue', { orders: table }, { asOf: may10, unit: 'month', count: 2, horizon: 1 });
    expect(t.fit).toBeNull();
    expect(t.forecast).toEqual([]);
    expect(t.current!.toDate).toBe(40);
    expect(t.current!.forecast).toMatchObject({ error: '#N/A' });
  });
});

describe('lineOfSeries: the line of values computed elsewhere', () => {
  const may10 = daysFromCivil(2026, 5, 10);
  const periods = lastPeriods(may10, 'month', 5);

  test('by hand: Jan–Apr on the line, May to date forecast (the partial-period case above)', () => {
    const series = periods.map((period, i) => ({ period, value: [100, 130, 150, 190, 40][i] }));
    const line = lineOfSeries('revenue', series, may10);
    expect(line.fit!.slope).toBeCloseTo(29, 12);
    expect(line.partial.map((p) => p.period.key)).toEqual(['2026-05']);
    expect(line.current!.forecast).toBeCloseTo(40 + (215 * 21) / 31, 9);
  });

  test('a period whose value is an error is left out of the fit and listed', () => {
    const error = metricError('#DIV/0!', 'no orders');
    const series = periods.map((period, i) => ({
      period,
      value: i === 1 ? error : [100, 0, 150, 190, 40][i],
    }));
    const line = lineOfSeries('revenue', series, may10);
    expect(line.skipped.map((p) => p.period.key)).toEqual(['2026-02']);
    expect(line.fit!.n).toBe(3);
  });

  test("gives what trend gives over the engine's values", () => {
    const table = ordersTable({
      date: ['2026-01-15', '2026-02-15', '2026-03-01', '2026-04-15', '2026-05-03'].map((d) => {
        const [y, m, dd] = d.split('-').map(Number);
        return daysFromCivil(y, m, dd);
      }),
      amount: [100, 130, 150, 190, 40],
      customer: ['a', 'b', 'a', 'c', 'b'],
    });
    for (const id of ['revenue', 'aov', 'orders', 'repeat_rate'] as const) {
      const t = trend(id, { orders: table }, { asOf: may10, unit: 'month', count: 5, horizon: 0 });
      const line = lineOfSeries(id, t.series, may10);
      expect(line).toEqual({ fit: t.fit, skipped: t.skipped, partial: t.partial, current: t.current });
    }
  });
});
