import fc from 'fast-check';
import type { CustomerHistory } from '../../../src/core/metrics/orders-prep';
import { prepareOrders } from '../../../src/core/metrics/orders-prep';
import {
  medianGapsBefore,
  trailingYearClv,
  trailingYearClvSeries,
  yearBefore,
} from '../../../src/core/metrics/orders-history';
import { ordersTable } from './tables';

/** A history from each customer's ascending order days. */
function historyOf(perCustomer: number[][]): CustomerHistory {
  const offsets = new Int32Array(perCustomer.length + 1);
  perCustomer.forEach((d, c) => (offsets[c + 1] = offsets[c] + d.length));
  const days = Int32Array.from(perCustomer.flat());
  const firstDay = Float64Array.from(perCustomer, (d) => d[0] ?? Infinity);
  const secondDay = Float64Array.from(perCustomer, (d) => d[1] ?? Infinity);
  const sortedFirstDays = Float64Array.from(firstDay.filter((d) => d !== Infinity)).sort();
  return { offsets, days, firstDay, secondDay, sortedFirstDays };
}

/** Median by sorting every gap whose later order is before `end`. */
function bruteMedian(perCustomer: number[][], end: number): number {
  const gaps: number[] = [];
  for (const d of perCustomer) for (let k = 1; k < d.length; k++) if (d[k] < end) gaps.push(d[k] - d[k - 1]);
  if (gaps.length === 0) return NaN;
  gaps.sort((a, b) => a - b);
  const n = gaps.length;
  return (gaps[Math.floor((n - 1) / 2)] + gaps[Math.floor(n / 2)]) / 2;
}

const customerDays = (from: number, spread: number) =>
  fc
    .array(fc.integer({ min: from, max: from + spread }), { maxLength: 8 })
    .map((d) => [...new Set(d)].sort((a, b) => a - b));

describe('medianGapsBefore', () => {
  it('matches sorting the gaps to date, for whole and fractional window ends', () => {
    fc.assert(
      fc.property(
        fc.array(customerDays(19000, 400), { maxLength: 12 }),
        fc.array(fc.double({ min: 18900, max: 19500, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (perCustomer, ends) => {
          const got = medianGapsBefore(historyOf(perCustomer), ends);
          expect(got).toEqual(ends.map((e) => bruteMedian(perCustomer, e)));
        },
      ),
    );
  });

  it('handles histories spanning more than ten million days', () => {
    const perCustomer = [[-9000000, -8999990, 2900000], [0, 4], []];
    const ends = [2900001, -8999980, 5, Infinity];
    expect(medianGapsBefore(historyOf(perCustomer), ends)).toEqual(
      ends.map((e) => bruteMedian(perCustomer, e)),
    );
  });

  it('is NaN everywhere without a repeat order', () => {
    expect(medianGapsBefore(historyOf([[5], [], [9]]), [10, 20])).toEqual([NaN, NaN]);
  });
});

describe('trailingYearClvSeries', () => {
  it('equals the CLV of each window end computed on its own, and counts customers as a direct scan does', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 19000, max: 19900 }),
            customer: fc.constantFrom('a', 'b', 'c', 'd'),
            amount: fc.integer({ min: 1, max: 90 }),
          }),
          { maxLength: 40 },
        ),
        fc.array(fc.integer({ min: 18800, max: 20100 }), { minLength: 1, maxLength: 10 }),
        (rows, ends) => {
          const table = ordersTable({
            date: rows.map((r) => r.day),
            amount: rows.map((r) => r.amount),
            customer: rows.map((r) => r.customer),
          });
          const prep = prepareOrders(table, 20100);
          const history = prep.history()!;
          const series = trailingYearClvSeries(prep, history, ends, 5);
          ends.forEach((end, j) => {
            expect(series[j]).toEqual(trailingYearClv(prep, history, end, 5));
            // Independent route: active, previous and retained customers by direct scan.
            const start = yearBefore(end);
            const before = yearBefore(start);
            const inRange = (a: number, b: number) =>
              new Set(rows.filter((r) => r.day >= a && r.day < b).map((r) => r.customer));
            const active = inRange(start, end);
            const previous = inRange(before, start);
            if (active.size === 0) expect(series[j]).toMatchObject({ error: '#DIV/0!' });
            else if (previous.size === 0) expect(series[j]).toMatchObject({ error: '#N/A' });
            else {
              const retained = [...previous].filter((c) => active.has(c)).length;
              const revenue = rows
                .filter((r) => r.day >= start && r.day < end)
                .reduce((s, r) => s + r.amount, 0);
              const churn = 1 - retained / previous.size;
              const lifespan = churn === 0 ? 5 : Math.min(5, 1 / churn);
              expect(series[j]).toBeCloseTo((revenue / active.size) * lifespan, 6);
            }
          });
        },
      ),
    );
  });
});

describe('customer histories', () => {
  const line = fc.record({
    day: fc.integer({ min: 19000, max: 19030 }),
    customer: fc.constantFrom('a', 'b', 'c', null),
    order: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
    amount: fc.integer({ min: -20, max: 90 }),
  });
  const build = (
    rows: { day: number; customer: string | null; order: number | null; amount: number }[],
    ids: boolean,
  ) =>
    prepareOrders(
      ordersTable({
        date: rows.map((r) => r.day),
        amount: rows.map((r) => r.amount),
        customer: rows.map((r) => r.customer),
        ...(ids ? { orderId: rows.map((r) => (r.order === null ? null : `O${r.order}`)) } : {}),
      }),
      19025,
    ).history()!;
  /** Each customer's order days by customer name (codes depend on row order). */
  const byName = (h: CustomerHistory, rows: { customer: string | null }[]) => {
    const names = [...new Set(rows.map((r) => r.customer).filter((c) => c !== null))];
    return Object.fromEntries(
      names.map((name, c) => [name, [...h.days.subarray(h.offsets[c], h.offsets[c + 1])]]),
    );
  };

  it('are the same for a date-sorted sheet (sorted route) and any reordering of it (general route)', () => {
    fc.assert(
      fc.property(
        fc
          .array(line, { maxLength: 40 })
          .chain((rows) =>
            fc.tuple(
              fc.constant(rows),
              fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
            ),
          ),
        fc.boolean(),
        ([rows, shuffled], ids) => {
          const sorted = [...rows].sort((a, b) => a.day - b.day);
          const a = build(sorted, ids);
          const b = build(shuffled, ids);
          expect(byName(a, sorted)).toEqual(byName(b, shuffled));
          expect([...a.sortedFirstDays]).toEqual([...b.sortedFirstDays]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('date an order by its first purchase line and count an order id shared by two customers for each', () => {
    const rows = [
      { day: 19000, customer: 'a', order: 1, amount: 10 },
      { day: 19001, customer: 'a', order: 1, amount: 5 },
      { day: 19002, customer: 'b', order: 1, amount: 5 },
      { day: 19003, customer: 'a', order: 2, amount: -5 },
      { day: 19004, customer: 'a', order: null, amount: 5 },
      { day: 19004, customer: 'b', order: null, amount: 5 },
    ];
    expect(byName(build(rows, true), rows)).toEqual({
      a: [19000, 19004],
      b: [19002, 19004],
    });
    const single = rows.filter((r) => r.customer === 'a');
    expect(byName(build(single, true), single)).toEqual({ a: [19000, 19004] });
    expect(byName(build(single, false), single)).toEqual({ a: [19000, 19001, 19004] });
  });
});
