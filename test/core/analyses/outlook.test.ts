/**
 * The dashboard's revenue outlook (`etsOutlook`): the as-of period whole (to date + the forecast
 * of the days left) and the periods after it, from the complete periods before the as-of day;
 * the backtest on the same series; and nothing after the as-of day changes any of it (property).
 */
import fc from 'fast-check';
import { etsOutlook } from '../../../src/core/analyses/period-forecast';
import { backtest, forecastSeries } from '../../../src/core/forecast';
import { isMetricError } from '../../../src/core/errors';
import { daysFromCivil } from '../../../src/core/periods';
import { ordersTable } from '../metrics/tables';

const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);

/** Two orders a month from January 2025 for `months` months, then 700 on the 4th of the next. */
function orders(monthly: readonly number[], after: readonly { date: number; amount: number }[] = []) {
  const date: number[] = [];
  const amount: number[] = [];
  monthly.forEach((total, k) => {
    const [y, m] = [2025 + Math.floor(k / 12), (k % 12) + 1];
    date.push(day(y, m, 1), day(y, m, 15));
    amount.push(total / 2, total / 2);
  });
  const k = monthly.length;
  const [y, m] = [2025 + Math.floor(k / 12), (k % 12) + 1];
  date.push(day(y, m, 4));
  amount.push(700);
  for (const o of after) {
    date.push(o.date);
    amount.push(o.amount);
  }
  return {
    table: ordersTable({ date, amount }),
    asOf: day(y, m, 10),
    days: new Date(Date.UTC(y, m, 0)).getUTCDate(),
  };
}

const series = Array.from({ length: 14 }, (_, k) => 2000 + 35 * k + (((k * 7) % 5) - 2) * 90);

describe('etsOutlook', () => {
  it('forecasts the as-of month whole and the months after it, as forecastSeries does', () => {
    const { table, asOf, days } = orders(series); // as of 10 March 2026: 10 of 31 days
    const got = etsOutlook('revenue', { orders: table }, { asOf, unit: 'month', horizon: 3, backtest: true });
    if (!('points' in got)) throw new Error(got.reason);
    const reference = forecastSeries(series, { unit: 'month', horizon: 4, levels: [0.8, 0.95] });
    if (isMetricError(reference)) throw new Error(reference.reason);
    expect(got.result.name).toBe(reference.name);
    expect(got.series.map((p) => p.value)).toEqual(series);
    expect(got.points.map((p) => [p.period.key, p.partial])).toEqual([
      ['2026-03', true],
      ['2026-04', false],
      ['2026-05', false],
      ['2026-06', false],
    ]);
    const left = (days - 10) / days;
    expect(got.points[0].mean).toBeCloseTo(700 + reference.forecast[0].mean * left, 6);
    expect(got.points[0].lower[1]).toBeCloseTo(700 + reference.forecast[0].lower[1] * left, 6);
    got.points.slice(1).forEach((p, k) => {
      expect(p.mean).toBeCloseTo(reference.forecast[k + 1].mean, 6);
      expect(p.upper[0]).toBeCloseTo(reference.forecast[k + 1].upper[0], 6);
    });
    expect(got.current).toMatchObject({ toDate: 700, daysElapsed: 10, daysInPeriod: days });
    expect(got.backtest).toEqual(backtest(series, { horizon: 3, seasonLength: 12 }));
  });

  it('starts after a complete as-of month, and says why there is no outlook', () => {
    const { table } = orders(series);
    const complete = etsOutlook(
      'revenue',
      { orders: table },
      { asOf: day(2026, 2, 28), unit: 'month', horizon: 2 },
    );
    if (!('points' in complete)) throw new Error(complete.reason);
    expect(complete.current).toBeNull();
    expect(complete.series).toHaveLength(14);
    expect(complete.points.map((p) => [p.period.key, p.partial])).toEqual([
      ['2026-03', false],
      ['2026-04', false],
    ]);
    const short = orders(series.slice(0, 7));
    expect(
      etsOutlook('revenue', { orders: short.table }, { asOf: short.asOf, unit: 'month', horizon: 3 }),
    ).toEqual({
      reason: '7 complete months of history, 8 needed for a forecast',
    });
    expect(
      etsOutlook('aov', { orders: table }, { asOf: day(2026, 3, 10), unit: 'month', horizon: 3 }),
    ).toEqual({
      reason: 'aov is not a flow',
    });
  });

  it('cannot look ahead: orders after the as-of day change nothing', () => {
    const base = orders(series.slice(0, 10)); // as of 10 November 2025
    const reference = etsOutlook(
      'revenue',
      { orders: base.table },
      { asOf: base.asOf, unit: 'month', horizon: 2, backtest: true },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            offset: fc.integer({ min: 1, max: 200 }),
            amount: fc.double({ min: -500, max: 1e6, noNaN: true }),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        (extra) => {
          const later = orders(
            series.slice(0, 10),
            extra.map((o) => ({ date: base.asOf + o.offset, amount: o.amount })),
          );
          const got = etsOutlook(
            'revenue',
            { orders: later.table },
            { asOf: later.asOf, unit: 'month', horizon: 2, backtest: true },
          );
          expect(got).toEqual(reference);
        },
      ),
      { numRuns: 8 },
    );
  });
});
