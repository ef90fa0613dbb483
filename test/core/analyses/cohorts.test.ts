import fc from 'fast-check';
import { cohortMatrix } from '../../../src/core/analyses/cohorts';
import type { CohortMatrix } from '../../../src/core/analyses/cohorts';
import { isMetricError } from '../../../src/core/errors';
import { formatDay, monthIndexOf, parseDay } from '../../../src/core/periods';
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
        { key: '2026-01', label: 'Jan 2026', size: 2, counts: [2, 1, 1], shares: [1, 0.5, 0.5] },
        { key: '2026-02', label: 'Feb 2026', size: 2, counts: [2, 1], shares: [1, 0.5] },
      ],
      averageCurve: [1, 0.5, 0.5],
    });
  });

  it('adds net revenue retention', () => {
    const matrix = cohortMatrix(makeOrders(ROWS), { asOf: AS_OF, measure: 'revenue' }) as CohortMatrix;
    expect(matrix.cohorts.map((c) => c.revenue)).toEqual([[230, 20, 10], [125, 10]]);
    expect(matrix.cohorts[0].revenueShares).toEqual([1, 20 / 230, 10 / 230]);
    expect(matrix.averageCurve[0]).toBe(1);
    expect(matrix.averageCurve[1]).toBeCloseTo(30 / 355, 14);
    expect(matrix.averageCurve[2]).toBeCloseTo(10 / 230, 14);
  });

  it('uses any period unit and defaults the as-of day to the last order', () => {
    const quarters = cohortMatrix(makeOrders(ROWS), { unit: 'quarter' }) as CohortMatrix;
    // As of 2026-04-02 (F's order): Q1 has A, B, C, E; Q2 has F and nobody from Q1 is active.
    expect(quarters.cohorts).toEqual([
      { key: '2026-Q1', label: 'Q1 2026', size: 4, counts: [4, 0], shares: [1, 0] },
      { key: '2026-Q2', label: 'Q2 2026', size: 1, counts: [1], shares: [1] },
    ]);
  });

  it('says why it cannot compute', () => {
    expect(cohortMatrix(makeOrders([{ date: '2026-01-01', amount: 1 }]))).toEqual({ error: '#VALUE!', reason: 'the orders have no customer column' });
    expect(isMetricError(cohortMatrix(makeOrders(ROWS), { asOf: parseDay('2025-01-01')! }))).toBe(true);
    expect(isMetricError(cohortMatrix(makeOrders(ROWS), { unit: 'day', asOf: parseDay('2030-01-01')! }))).toBe(true);
    expect(cohortMatrix(makeOrders([{ date: '2026-01-01', amount: -5, customer: 'A' }]))).toEqual({ error: '#N/A', reason: 'no orders' });
    expect(cohortMatrix(makeOrders([{ date: '2026-01-01', amount: -5, customer: 'A' }]), { asOf: AS_OF }))
      .toEqual({ error: '#N/A', reason: 'no orders up to the as-of date' });
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
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 400 }), (generated, asOffset) => {
      const rows: OrderRow[] = generated.map((r) => ({ date: formatDay(start + r.day), amount: r.amount, customer: r.customer }));
      const asOf = start + asOffset;
      const matrix = cohortMatrix(makeOrders(rows), { asOf });
      const expected = naiveCounts(rows, asOf);
      if (isMetricError(matrix)) {
        expect(expected.size).toBe(0);
        return;
      }
      expect(new Map(matrix.cohorts.map((c) => [c.key, c.counts]))).toEqual(expected);
      for (const cohort of matrix.cohorts) {
        expect(cohort.shares[0]).toBe(1);
        for (const share of cohort.shares) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
      }
    }), { numRuns: 300 });
  });
});
