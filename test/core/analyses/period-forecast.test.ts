/**
 * The as-of period's revenue forecast from the ETS forecaster: actual to date + the forecast of
 * the whole period × the share of its days left, fitted on the complete periods before it only.
 */
import { etsPeriodForecast, MIN_ETS_PERIODS } from '../../../src/core/analyses/period-forecast';
import { isMetricError } from '../../../src/core/errors';
import { forecastSeries } from '../../../src/core/forecast';
import { daysFromCivil } from '../../../src/core/periods';
import { ordersTable } from '../metrics/tables';

const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);

/** Monthly revenue from January 2025 (two rows a month), and 1–10 of the as-of month. */
function orders(months: number) {
  const date: number[] = [];
  const amount: number[] = [];
  const monthly: number[] = [];
  for (let k = 0; k < months; k++) {
    const [y, m] = [2025 + Math.floor(k / 12), (k % 12) + 1];
    const total = 2000 + 35 * k + (((k * 7) % 5) - 2) * 90;
    date.push(day(y, m, 1), day(y, m, 15));
    amount.push(total / 2, total / 2);
    monthly.push(total);
  }
  const [y, m] = [2025 + Math.floor(months / 12), (months % 12) + 1];
  date.push(day(y, m, 4));
  amount.push(700);
  return {
    table: ordersTable({ date, amount }),
    monthly,
    asOf: day(y, m, 10),
    daysInMonth: new Date(Date.UTC(y, m, 0)).getUTCDate(),
  };
}

describe('etsPeriodForecast', () => {
  it('adds the forecast of the days left to the actual to date', () => {
    const { table, monthly, asOf, daysInMonth } = orders(20);
    const got = etsPeriodForecast('revenue', { orders: table }, { asOf, unit: 'month' })!;
    const reference = forecastSeries(monthly, { unit: 'month', horizon: 1, levels: [0.8] });
    if (isMetricError(reference)) throw new Error(reference.reason);
    const left = (daysInMonth - 10) / daysInMonth;
    expect(got.toDate).toBe(700);
    expect(got.fitted).toBe(20);
    expect(got.model).toBe(reference.name);
    expect(got.forecast).toBeCloseTo(700 + reference.forecast[0].mean * left, 6);
    expect(got.low).toBeCloseTo(700 + reference.forecast[0].lower[0] * left, 6);
    expect(got.high).toBeCloseTo(700 + reference.forecast[0].upper[0] * left, 6);
    expect(got.method).toContain(`+ the ${reference.name} forecast of`);
  });

  it('gives way to the trend line on short histories, complete periods and non-flows', () => {
    const short = orders(MIN_ETS_PERIODS - 1);
    expect(
      etsPeriodForecast('revenue', { orders: short.table }, { asOf: short.asOf, unit: 'month' }),
    ).toBeNull();
    const { table } = orders(20);
    expect(
      etsPeriodForecast('revenue', { orders: table }, { asOf: day(2026, 8, 31), unit: 'month' }),
    ).toBeNull();
    expect(etsPeriodForecast('aov', { orders: table }, { asOf: day(2026, 9, 10), unit: 'month' })).toBeNull();
  });
});
