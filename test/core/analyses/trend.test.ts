import { fitLine, trend } from '../../../src/core/analyses/trend';
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
    expect(t.forecast.map((p) => [p.period.key, Math.round(p.value as number)])).toEqual([['2025-01', 340], ['2025-02', 350], ['2025-03', 360]]);
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
    const short = ordersTable({ date: [daysFromCivil(2024, 9, 1), daysFromCivil(2024, 12, 1)], amount: [1, 2] });
    const t = trend('revenue', { orders: short }, { asOf, unit: 'month', count: 6, horizon: 2 });
    expect(t.seasonalNaive).toBeNull();
    expect(t.forecast).toHaveLength(2);
  });
});
