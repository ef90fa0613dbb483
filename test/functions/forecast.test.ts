/**
 * SALES.FORECAST: the series is the complete periods of the values added up per period, the
 * period holding the as-of day forecast whole while it is not over; the spill's numbers are the
 * engine's forecaster's on that series.
 */
import { forecastSeries } from '../../src/core/forecast';
import { isMetricError } from '../../src/core/errors';
import { daysFromCivil } from '../../src/core/periods';
import { forecastTable } from '../../src/functions/forecast';

const serial = (y: number, m: number, d: number) => daysFromCivil(y, m, d) + 25569;
const column = (values: readonly unknown[]) => values.map((v) => [v]);

/** Two order lines a month from 2024-01 to 2026-11 plus three days of December 2026. */
function data() {
  const dates: number[] = [];
  const amounts: number[] = [];
  const monthly: number[] = [];
  for (let k = 0; k < 35; k++) {
    const [y, m] = [2024 + Math.floor(k / 12), (k % 12) + 1];
    const total = 1000 + 20 * k + (m === 12 ? 300 : 0) + (((k * 37) % 11) - 5) * 12;
    dates.push(serial(y, m, 3), serial(y, m, 20));
    amounts.push(total * 0.4, total * 0.6);
    monthly.push(total);
  }
  dates.push(serial(2026, 12, 2));
  amounts.push(500);
  return { dates, amounts, monthly };
}

describe('SALES.FORECAST', () => {
  it('fits the complete months and forecasts December whole, then the months after', () => {
    const { dates, amounts, monthly } = data();
    const out = forecastTable(column(dates), column(amounts), 'month', 3, null, null);
    // The data start on 2024-01-03, inside January 2024: the series runs from February 2024.
    const expected = forecastSeries(monthly.slice(1), { unit: 'month', horizon: 3, levels: [0.95] });
    if (isMetricError(expected)) throw new Error(expected.reason);
    expect(out[0]).toEqual(['Period', 'Start', `Forecast ${expected.name}`, 'Low 95%', 'High 95%']);
    expect(out.slice(1).map((r) => r[0])).toEqual(['2026-12 (whole)', '2027-01', '2027-02']);
    expect(out[1][1]).toBe(serial(2026, 12, 1));
    out.slice(1).forEach((row, k) => {
      expect(row[2]).toBeCloseTo(expected.forecast[k].mean, 9);
      expect(row[3]).toBeCloseTo(expected.forecast[k].lower[0], 9);
      expect(row[4]).toBeCloseTo(expected.forecast[k].upper[0], 9);
      expect(row[3] as number).toBeLessThan(row[2] as number);
      expect(row[4] as number).toBeGreaterThan(row[2] as number);
    });
  });

  it('leaves out a first month the data start inside, and takes the as-of month when it is over', () => {
    const { dates, amounts, monthly } = data();
    // A row on 2023-12-28 makes December 2023 a first month the data start inside: not fitted.
    const withEarly = forecastTable(
      column([serial(2023, 12, 28), ...dates]),
      column([9999, ...amounts]),
      'month',
      1,
      serial(2026, 11, 30),
      0.8,
    );
    const expected = forecastSeries(monthly, { unit: 'month', horizon: 1, levels: [0.8] });
    if (isMetricError(expected)) throw new Error(expected.reason);
    expect(withEarly[0].slice(3)).toEqual(['Low 80%', 'High 80%']);
    expect(withEarly[1][0]).toBe('2026-12');
    expect(withEarly[1][2]).toBeCloseTo(expected.forecast[0].mean, 9);
  });

  it('says why when the series is too short or an argument is wrong', () => {
    const short = () =>
      forecastTable(column([serial(2026, 1, 1), serial(2026, 2, 1)]), column([1, 2]), 'month', 2, null, null);
    expect(short).toThrow(/a forecast needs 3/);
    const { dates, amounts } = data();
    expect(() => forecastTable(column(dates), column(amounts), 'month', 0, null, null)).toThrow(
      /horizon: must be a whole number from 1 to 120/,
    );
    expect(() => forecastTable(column(dates), column(amounts), 'month', 2, null, 1.5)).toThrow(
      /level: must be from 50% to 99.9%/,
    );
  });
});
