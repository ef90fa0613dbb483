/**
 * Growth and year over year of a period that is not over on the as-of day: the days to date
 * against the same days of the period before and of a year earlier, figures by hand.
 */
import fc from 'fast-check';
import {
  comparedWindows,
  computeChanges,
  computeGrowth,
  computeYoy,
} from '../../../src/core/metrics/compute';
import {
  calendarOf,
  civilFromDays,
  daysInMonth,
  formatDay,
  periodOf,
  PERIOD_UNITS,
} from '../../../src/core/periods';
import { day, ordersTable } from './tables';

/**
 * As of Saturday 2026-12-05:
 *   2025-12: a 100 (02), b 50 (04), c 1,000 (20)          → Dec 1–5 2025: 150, 2 orders
 *   2026-10: a 40, b 60, c 30                             → customers {a, b, c}
 *   2026-11: a 200 (01), a 50 (03), b 100 (05), c 999 (06), d 500 (20)
 *                                                          → Nov 1–5: 350, 3 orders; all Nov 1,849
 *   2026-12: a 300 (03), d 60 (05), e 10,000 (06, after the as-of day)
 *                                                          → Dec 1–5: 360, 2 orders
 */
const T = ordersTable({
  date: [
    '2025-12-02',
    '2025-12-04',
    '2025-12-20',
    '2026-10-10',
    '2026-10-20',
    '2026-10-25',
    '2026-11-01',
    '2026-11-03',
    '2026-11-05',
    '2026-11-06',
    '2026-11-20',
    '2026-12-03',
    '2026-12-05',
    '2026-12-06',
  ],
  customer: ['a', 'b', 'c', 'a', 'b', 'c', 'a', 'a', 'b', 'c', 'd', 'a', 'd', 'e'],
  amount: [100, 50, 1000, 40, 60, 30, 200, 50, 100, 999, 500, 300, 60, 10000],
});
const asOf = day('2026-12-05');
const december = periodOf(asOf, 'month');
const inputs = { orders: T };

describe('growth and year over year of a partial period', () => {
  it('compares 1–5 December with 1–5 November, not all of November', () => {
    expect(computeGrowth('revenue', inputs, december, { asOf })).toBeCloseTo(360 / 350 - 1, 12);
    expect(computeGrowth('orders', inputs, december, { asOf })).toBeCloseTo(2 / 3 - 1, 12);
    // Ratios from the to-date windows: AOV 180 against 350 / 3.
    expect(computeGrowth('aov', inputs, december, { asOf })).toBeCloseTo(180 / (350 / 3) - 1, 12);
  });

  it('compares 1–5 December with 1–5 December a year earlier', () => {
    expect(computeYoy('revenue', inputs, december, { asOf })).toBeCloseTo(360 / 150 - 1, 12);
    expect(computeYoy('orders', inputs, december, { asOf })).toBe(0);
  });

  it('keeps the whole period before as the reference of retention on each side', () => {
    // Dec 1–5 {a, d} of all November {a, b, c, d} = 1/2; Nov 1–5 {a, b} of all October {a, b, c} = 2/3.
    const result = computeChanges(inputs, ['retention_rate'], december, 'previous', { asOf });
    expect(result.values[0]).toBeCloseTo(1 / 2, 12);
    expect(result.baseValues[0]).toBeCloseTo(2 / 3, 12);
    expect(result.changes[0]).toBeCloseTo(0.5 / (2 / 3) - 1, 12);
  });

  it('names the windows compared and explains a failing base with them', () => {
    const result = computeChanges(inputs, ['revenue', 'retention_rate'], december, 'priorYear', { asOf });
    expect(result.likeForLike).toBe(true);
    expect(result.current.key).toBe('2026-12 to 2026-12-05');
    expect(result.base.key).toBe('2025-12 to 2025-12-05');
    expect([formatDay(result.base.start), formatDay(result.base.end - 1)]).toEqual([
      '2025-12-01',
      '2025-12-05',
    ]);
    expect(result.basePeriod.key).toBe('2025-12');
    // Nobody bought in November 2025: the year-ago retention has no reference.
    expect(result.changes[1]).toMatchObject({
      error: '#DIV/0!',
      reason: expect.stringMatching(/^retention_rate of 2025-12 to 2025-12-05: /),
    });
  });

  it('compares a complete period with whole periods, as before', () => {
    const november = periodOf(day('2026-11-15'), 'month');
    const result = computeChanges(inputs, ['revenue'], november, 'previous', { asOf });
    expect(result.likeForLike).toBe(false);
    expect(result.base.key).toBe('2026-10');
    expect(result.changes[0]).toBeCloseTo(1849 / 130 - 1, 12);
    // As of the last day of December, December is complete: all of December against all of November.
    expect(computeGrowth('revenue', inputs, december, { asOf: day('2026-12-31') })).toBeCloseTo(
      10360 / 1849 - 1,
      12,
    );
  });

  it('a zero base of the same days is #DIV/0! with the window named', () => {
    const t = ordersTable({ date: ['2026-11-20', '2026-12-02'], amount: [100, 50] });
    expect(computeGrowth('revenue', { orders: t }, december, { asOf })).toEqual({
      error: '#DIV/0!',
      reason: 'revenue was 0 in 2026-11 to 2026-11-05',
    });
  });

  it('cuts the base at its own end: 1–30 March against all of February (leap year)', () => {
    const t = ordersTable({
      date: ['2028-02-10', '2028-02-29', '2028-03-30', '2028-03-31'],
      amount: [10, 30, 60, 999],
    });
    const asOfMarch = day('2028-03-30');
    const result = computeChanges({ orders: t }, ['revenue'], periodOf(asOfMarch, 'month'), 'previous', {
      asOf: asOfMarch,
    });
    expect(result.base.key).toBe('2028-02');
    expect(result.changes[0]).toBeCloseTo(60 / 40 - 1, 12);
  });
});

describe('compared windows', () => {
  it('for any as-of day, unit, week start and fiscal start, both sides cover the same days unless the base is shorter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: day('1990-01-01'), max: day('2090-12-31') }),
        fc.constantFrom(...PERIOD_UNITS),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom('previous' as const, 'priorYear' as const),
        (asOf, unit, fiscal, weekStart, against) => {
          const calendar = calendarOf({
            fiscalYearStartMonth: fiscal,
            weekStartsOn: weekStart as 1 | 2 | 3 | 4 | 5 | 6 | 7,
          });
          const period = periodOf(asOf, unit, calendar);
          const w = comparedWindows(period, against, asOf);
          const days = w.current.end - w.current.start;
          const baseDays = w.base.end - w.base.start;
          const baseLength = w.basePeriod.end - w.basePeriod.start;
          expect(w.base.start).toBe(w.basePeriod.start);
          expect(w.current.start).toBe(period.start);
          if (asOf < period.end - 1) {
            expect(w.likeForLike).toBe(true);
            expect(w.current.end).toBe(asOf + 1);
            expect(baseDays).toBe(Math.min(days, baseLength));
          } else {
            expect(w.likeForLike).toBe(false);
            expect(days).toBe(period.end - period.start);
            expect(baseDays).toBe(baseLength);
          }
          if (against === 'previous') expect(w.basePeriod.end).toBe(period.start);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('month-to-date revenue growth equals sums over the same days of the month, by dates alone', () => {
    // Orders on random days of 2025–2026; the reference sums by comparing calendar dates.
    const order = fc.record({
      offset: fc.integer({ min: 0, max: 729 }),
      amount: fc.integer({ min: 1, max: 1000 }),
    });
    const first = day('2025-01-01');
    fc.assert(
      fc.property(
        fc.array(order, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 31, max: 729 }),
        (orders, asOffset) => {
          const t = ordersTable({
            date: orders.map((o) => first + o.offset),
            amount: orders.map((o) => o.amount),
          });
          const asOfDay = first + asOffset;
          const now = civilFromDays(asOfDay);
          const before =
            now.month === 1 ? { year: now.year - 1, month: 12 } : { year: now.year, month: now.month - 1 };
          const complete = now.day === daysInMonth(now.year, now.month);
          const lastBaseDay = complete ? 31 : now.day;
          let current = 0;
          let base = 0;
          for (const o of orders) {
            const c = civilFromDays(first + o.offset);
            if (c.year === now.year && c.month === now.month && c.day <= now.day) current += o.amount;
            if (c.year === before.year && c.month === before.month && c.day <= lastBaseDay) base += o.amount;
          }
          const growth = computeGrowth('revenue', { orders: t }, periodOf(asOfDay, 'month'), {
            asOf: asOfDay,
          });
          if (base === 0) expect(growth).toMatchObject({ error: '#DIV/0!' });
          else expect(growth).toBeCloseTo(current / base - 1, 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});
