/**
 * The reference of a window's retention: the whole period before the window's period (P−1),
 * whatever part of P the window covers.
 */
import {
  computeSuite,
  computeWindows,
  retentionReference,
  retentionWindows,
} from '../../../src/core/metrics';
import { calendarOf, parsePeriodKey } from '../../../src/core/periods';
import { day, ordersTable } from './tables';

// November: a, b, c; December 1–5: a; 6–31: b.
const orders = ordersTable({
  date: ['2026-11-03', '2026-11-10', '2026-11-20', '2026-12-02', '2026-12-20'],
  amount: [10, 10, 10, 10, 10],
  customer: ['a', 'b', 'c', 'a', 'b'],
});

describe('retentionReference', () => {
  test('the whole period before, in the calendar', () => {
    expect(retentionReference(day('2026-12-01'), 'month').key).toBe('2026-11');
    expect(retentionReference(day('2026-12-05'), 'month').key).toBe('2026-11');
    expect(retentionReference(day('2026-03-01'), 'week', calendarOf({ weekStartsOn: 7 })).key).toBe(
      '2026-W08',
    );
    expect(retentionReference(day('2026-01-01'), 'quarter').key).toBe('2025-Q4');
    expect(retentionReference(day('2026-07-01'), 'year', calendarOf({ fiscalYearStartMonth: 7 })).key).toBe(
      'FY2026',
    );
  });

  test('a month to date measured against all of the month before, as the suite does', () => {
    const toDate = { start: day('2026-12-01'), end: day('2026-12-06'), key: '2026-12 to 2026-12-05' };
    const windows = retentionWindows(toDate, 'month')!;
    expect(windows[0]).toEqual({ start: day('2026-11-01'), end: day('2026-12-01'), key: '2026-11' });
    const asOf = day('2026-12-31');
    const [[retention]] = computeWindows({ orders }, ['retention_rate'], windows, { asOf });
    expect(retention).toBeCloseTo(1 / 3, 12); // a of {a, b, c}
    const whole = computeSuite({ orders }, ['retention_rate'], [parsePeriodKey('2026-12')!], { asOf });
    expect(whole.values[0][0]).toBeCloseTo(2 / 3, 12); // a and b of {a, b, c}
  });

  test('a window that does not start its period has no contiguous reference', () => {
    expect(
      retentionWindows({ start: day('2026-12-02'), end: day('2026-12-06'), key: 'x' }, 'month'),
    ).toBeNull();
  });
});
