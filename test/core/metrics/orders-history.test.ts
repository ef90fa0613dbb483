import fc from 'fast-check';
import type { CustomerHistory } from '../../../src/core/metrics/orders-prep';
import { prepareOrders } from '../../../src/core/metrics/orders-prep';
import { trailingYearClv, trailingYearClvSeries, yearBefore } from '../../../src/core/metrics/orders-history';
import { ordersTable } from './tables';

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
