import fc from 'fast-check';
import { cohortMatrix } from '../../../src/core/analyses/cohorts';
import type { CohortMatrix } from '../../../src/core/analyses/cohorts';
import { isMetricError } from '../../../src/core/errors';
import { civilFromDays, daysInMonth, formatDay, monthIndexOf, parseDay } from '../../../src/core/periods';
import type { OrderRow } from '../../support/orders';
import { makeOrders } from '../../support/orders';

const ROWS: OrderRow[] = [
  { date: '2026-01-05', amount: 100, customer: 'A' },
  { date: '2026-01-20', amount: 50, customer: 'A' },
  { date: '2026-03-02', amount: 30, customer: 'A' },
  { date: '2026-01-15', amount: 80, customer: 'B' },
  { date: '2026-02-10', amount: 20, customer: 'B' },
  { date: '2026-03-05', amount: -20, customer: 'B' }, // a refund: revenue, not activity
  { date: '2026-02-01', amount: 60, customer: 'C' },
  { date: '2026-02-28', amount: 40, customer: 'C' },
  { date: '2026-03-31', amount: 10, customer: 'C' },
  { date: '2026-02-14', amount: -15, customer: 'D' }, // refunds only: no cohort
  { date: '2026-01-10', amount: -5, customer: 'E' }, // a refund before the first order starts nothing
  { date: '2026-02-20', amount: 25, customer: 'E' },
  { date: '2026-04-02', amount: 70, customer: 'F' }, // after the as-of day
  { date: '2026-01-07', amount: 999 }, // no customer
];
const AS_OF = parseDay('2026-03-31')!;

describe('cohortMatrix', () => {
  it('computes customer retention by monthly cohort, by hand', () => {
    expect(cohortMatrix(makeOrders(ROWS), { asOf: AS_OF })).toEqual({
      unit: 'month',
      measure: 'customers',
      cohorts: [
        {
          key: '2026-01',
          label: 'Jan 2026',
          size: 2,
          counts: [2, 1, 1],
          shares: [1, 0.5, 0.5],
          partial: [false, false, false],
        },
        {
          key: '2026-02',
          label: 'Feb 2026',
          size: 2,
          counts: [2, 1],
          shares: [1, 0.5],
          partial: [false, false],
        },
      ],
      averageCurve: [1, 0.5, 0.5],
      partialPeriod: null, // as of 31 March, March is complete
    });
  });

  it('adds net revenue retention', () => {
    const matrix = cohortMatrix(makeOrders(ROWS), { asOf: AS_OF, measure: 'revenue' }) as CohortMatrix;
    expect(matrix.cohorts.map((c) => c.revenue)).toEqual([
      [230, 20, 10],
      [125, 10],
    ]);
    expect(matrix.cohorts[0].revenueShares).toEqual([1, 20 / 230, 10 / 230]);
    expect(matrix.averageCurve[0]).toBe(1);
    expect(matrix.averageCurve[1]).toBeCloseTo(30 / 355, 14);
    expect(matrix.averageCurve[2]).toBeCloseTo(10 / 230, 14);
  });

  it('uses any period unit and defaults the as-of day to the last order', () => {
    const quarters = cohortMatrix(makeOrders(ROWS), { unit: 'quarter' }) as CohortMatrix;
    // As of 2026-04-02 (F's order): Q1 has A, B, C, E; Q2 has F and nobody from Q1 is active.
    // Q2 is 2 of its 91 days old: its cells (the last diagonal) are to date, and out of the average.
    expect(quarters.cohorts).toEqual([
      { key: '2026-Q1', label: 'Q1 2026', size: 4, counts: [4, 0], shares: [1, 0], partial: [false, true] },
      { key: '2026-Q2', label: 'Q2 2026', size: 1, counts: [1], shares: [1], partial: [true] },
    ]);
    expect(quarters.partialPeriod).toEqual({
      key: '2026-Q2',
      days: 2,
      daysInPeriod: 91,
      lastDay: parseDay('2026-04-02'),
    });
    expect(quarters.averageCurve).toEqual([1]);
  });

  it('flags the as-of month while it is not over and leaves its cells out of the average curve', () => {
    // As of 2026-03-20, by hand (customers): Jan cohort {A, B}: Feb B, Mar A → [2, 1, 1];
    // Feb cohort {C, E}: Mar none yet (C buys on the 31st) → [2, 0]. March is 20 of 31 days.
    const matrix = cohortMatrix(makeOrders(ROWS), { asOf: parseDay('2026-03-20')! }) as CohortMatrix;
    expect(matrix.cohorts.map((c) => [c.key, c.counts, c.partial])).toEqual([
      ['2026-01', [2, 1, 1], [false, false, true]],
      ['2026-02', [2, 0], [false, true]],
    ]);
    expect(matrix.partialPeriod).toEqual({
      key: '2026-03',
      days: 20,
      daysInPeriod: 31,
      lastDay: parseDay('2026-03-20'),
    });
    // Step 1 pools the complete cells only: Jan's Feb (1 of 2); Feb's March to date (0 of 2) is left
    // out (with it, 1 of 4). Step 2 exists only as Jan's March to date: the curve stops before it.
    expect(matrix.averageCurve).toEqual([1, 0.5]);
    // Revenue: step 1 is Jan's Feb revenue 20 over Jan's month-0 revenue 230 (Feb's March to date left out).
    const revenue = cohortMatrix(makeOrders(ROWS), {
      asOf: parseDay('2026-03-20')!,
      measure: 'revenue',
    }) as CohortMatrix;
    expect(revenue.averageCurve).toEqual([1, 20 / 230]);
  });

  it('a matrix of one partial period has no complete step to average', () => {
    const matrix = cohortMatrix(makeOrders(ROWS), { asOf: parseDay('2026-01-25')! }) as CohortMatrix;
    expect(matrix.cohorts.map((c) => [c.key, c.size, c.partial])).toEqual([['2026-01', 2, [true]]]);
    expect(matrix.averageCurve).toEqual([]);
  });

  it('says why it cannot compute', () => {
    expect(cohortMatrix(makeOrders([{ date: '2026-01-01', amount: 1 }]))).toEqual({
      error: '#VALUE!',
      reason: 'the orders have no customer column',
    });
    expect(isMetricError(cohortMatrix(makeOrders(ROWS), { asOf: parseDay('2025-01-01')! }))).toBe(true);
    expect(
      isMetricError(cohortMatrix(makeOrders(ROWS), { unit: 'day', asOf: parseDay('2030-01-01')! })),
    ).toBe(true);
    expect(cohortMatrix(makeOrders([{ date: '2026-01-01', amount: -5, customer: 'A' }]))).toEqual({
      error: '#N/A',
      reason: 'no orders',
    });
    expect(
      cohortMatrix(makeOrders([{ date: '2026-01-01', amount: -5, customer: 'A' }]), { asOf: AS_OF }),
    ).toEqual({ error: '#N/A', reason: 'no orders up to the as-of date' });
  });

  /** A plain-sets reference: cohort = first order month; active months per customer. */
  function naiveCounts(rows: readonly OrderRow[], asOf: number): Map<string, number[]> {
    const months = new Map<string, Set<number>>();
    for (const row of rows) {
      const day = parseDay(row.date as string)!;
      if (row.customer === undefined || row.amount < 0 || day > asOf) continue;
      if (!months.has(row.customer)) months.set(row.customer, new Set());
      months.get(row.customer)!.add(monthIndexOf(day));
    }
    const last = monthIndexOf(asOf);
    const result = new Map<string, number[]>();
    for (const active of months.values()) {
      const cohort = Math.min(...active);
      const key = `${Math.floor(cohort / 12)}-${String((cohort % 12) + 1).padStart(2, '0')}`;
      if (!result.has(key)) result.set(key, new Array(last - cohort + 1).fill(0));
      for (const m of active) result.get(key)![m - cohort]++;
    }
    return result;
  }

  it('agrees with a set-based computation and keeps shares in [0, 1] with period 0 at 1', () => {
    const row = fc.record({
      day: fc.integer({ min: 0, max: 400 }),
      amount: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.integer({ min: -100, max: -1 })),
      customer: fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { nil: undefined }),
    });
    const start = parseDay('2025-11-01')!;
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 400 }),
        (generated, asOffset) => {
          const rows: OrderRow[] = generated.map((r) => ({
            date: formatDay(start + r.day),
            amount: r.amount,
            customer: r.customer,
          }));
          const asOf = start + asOffset;
          const matrix = cohortMatrix(makeOrders(rows), { asOf });
          const expected = naiveCounts(rows, asOf);
          if (isMetricError(matrix)) {
            expect(expected.size).toBe(0);
            return;
          }
          expect(new Map(matrix.cohorts.map((c) => [c.key, c.counts]))).toEqual(expected);
          // The as-of month is partial unless the as-of day is its last; its cells are each row's last.
          const { year, month, day } = civilFromDays(asOf);
          const partial = day < daysInMonth(year, month);
          for (const cohort of matrix.cohorts)
            expect(cohort.partial).toEqual(
              cohort.counts.map((_, k) => partial && k === cohort.counts.length - 1),
            );
          // The average pools complete cells only.
          const steps = matrix.cohorts[0].counts.length - (partial ? 1 : 0);
          const curve = Array.from({ length: steps }, (_, k) => {
            const cells = matrix.cohorts.filter(
              (c) => k < c.counts.length && !(partial && k === c.counts.length - 1),
            );
            const size = cells.reduce((sum, c) => sum + c.size, 0);
            return size === 0 ? 0 : cells.reduce((sum, c) => sum + c.counts[k], 0) / size;
          });
          expect(matrix.averageCurve.length).toBe(curve.length);
          matrix.averageCurve.forEach((value, k) => expect(value).toBeCloseTo(curve[k], 12));
          for (const cohort of matrix.cohorts) {
            expect(cohort.shares[0]).toBe(1);
            for (const share of cohort.shares) {
              expect(share).toBeGreaterThanOrEqual(0);
              expect(share).toBeLessThanOrEqual(1);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
