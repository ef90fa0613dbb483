/**
 * SALES.TREND leaves the period holding the as-of day out of the line while it is not over.
 * Revenue by hand: Jan 100, Feb 130 (80 + 50), Mar 150, Apr 190, May 1–3 40. The line through
 * Jan–Apr (x = 0…3): x̄ 1.5, ȳ 142.5, Sxy 145, Sxx 5 → slope 29, intercept 99. With May to date in
 * the fit (the old behaviour) the slope was −6: x̄ 2, ȳ 122, Sxy −60, Sxx 10.
 */
import { col, errorCell, expectExcelError, serial } from './setup';
import { IMPLEMENTATIONS as F } from '../../src/functions/registry';

const dates = col(
  serial('2026-01-10'),
  serial('2026-02-05'),
  serial('2026-02-20'),
  serial('2026-03-31'),
  serial('2026-04-01'),
  serial('2026-05-03'),
);
const values = col(100, 80, 50, 150, 190, 40);

describe('SALES.TREND with a period not over on the as-of day', () => {
  it('marks the month to date partial and fits the line on complete months only', () => {
    const rows = F.TREND(dates, values, 'month', 2, 5, null); // as of 2026-05-03, the latest date
    expect(rows.map((r) => [r[0], r[2], r[4]])).toEqual([
      ['Period', 'Actual', 'Type'],
      ['2026-01', 100, 'actual'],
      ['2026-02', 130, 'actual'],
      ['2026-03', 150, 'actual'],
      ['2026-04', 190, 'actual'],
      ['2026-05', 40, 'partial'],
      ['2026-06', errorCell(), 'forecast'],
      ['2026-07', errorCell(), 'forecast'],
    ]);
    const trend = rows.slice(1).map((r) => r[3] as number);
    [99, 128, 157, 186, 215, 244, 273].forEach((expected, x) => expect(trend[x]).toBeCloseTo(expected, 9));
  });

  it('fits every month when the as-of day is the last of its month', () => {
    const rows = F.TREND(dates, values, 'month', 0, 5, serial('2026-05-31'));
    expect(rows[5][4]).toBe('actual');
    // x = 0…4, y = 100, 130, 150, 190, 40: slope −6, intercept 134.
    rows.slice(1).forEach((r, x) => expect(r[3]).toBeCloseTo(134 - 6 * x, 9));
  });

  it('needs two complete periods', () => {
    expectExcelError(() => F.TREND(dates, values, 'month', 1, 2, null), '#N/A', 'complete');
  });
});
