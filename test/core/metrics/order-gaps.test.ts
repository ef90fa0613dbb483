/**
 * Days between orders: the median over customers of each customer's own median gap between
 * consecutive order days, to date. Checked by hand, against a brute-force route (sort every
 * customer's order days before each end), and against the silent-customer lists, which read the
 * same usual gaps.
 */
import fc from 'fast-check';
import { silentCustomers } from '../../../src/core/analyses/customer-lists';
import { computeSuite } from '../../../src/core/metrics';
import { customerGaps, medianUsualGapBefore } from '../../../src/core/metrics/order-gaps';
import type { CustomerHistory } from '../../../src/core/metrics/orders-prep';
import { prepareOrders } from '../../../src/core/metrics/orders-prep';
import { isMetricError } from '../../../src/core/errors';
import { parsePeriodKey } from '../../../src/core/periods';
import { day, ordersTable } from './tables';

/** A history from each customer's ascending order days (repeats: two orders on one day). */
function historyOf(perCustomer: number[][]): CustomerHistory {
  const offsets = new Int32Array(perCustomer.length + 1);
  perCustomer.forEach((d, c) => (offsets[c + 1] = offsets[c] + d.length));
  const days = Int32Array.from(perCustomer.flat());
  const firstDay = Float64Array.from(perCustomer, (d) => d[0] ?? Infinity);
  const secondDay = Float64Array.from(perCustomer, (d) => d[1] ?? Infinity);
  const sortedFirstDays = Float64Array.from(firstDay.filter((d) => d !== Infinity)).sort();
  return { offsets, days, firstDay, secondDay, sortedFirstDays };
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : (s[Math.floor((n - 1) / 2)] + s[Math.floor(n / 2)]) / 2;
};

/** Brute force: each customer's distinct days before `end`, their gaps' median, the median of those. */
function bruteForce(perCustomer: number[][], end: number): number {
  const usual: number[] = [];
  for (const days of perCustomer) {
    const distinct = [...new Set(days.filter((d) => d < end))].sort((a, b) => a - b);
    const gaps = distinct.slice(1).map((d, k) => d - distinct[k]);
    if (gaps.length > 0) usual.push(median(gaps));
  }
  return median(usual);
}

describe('by hand', () => {
  // a: days 1, 11, 13, 33 → gaps 10, 2, 20; b: days 0, 5, 5 → one gap of 5 (two orders on day 5);
  // c: one order day.
  const history = historyOf([[1, 11, 13, 33], [0, 5, 5], [7]]);

  test("each customer's usual gap, order days and last day", () => {
    const gaps = customerGaps(history);
    expect([...gaps.usualGap]).toEqual([10, 5, NaN]);
    expect([...gaps.orderDays]).toEqual([4, 2, 1]);
    expect([...gaps.lastDay]).toEqual([33, 5, 7]);
  });

  test('the median of usual gaps as the window end moves', () => {
    // end 6: b (5); end 12: a (10) and b (5); end 14: a (10, 2 → 6) and b; end 34: a (10, 2, 20 → 10) and b.
    expect(medianUsualGapBefore(history, [34, 6, 12, 14, 0])).toEqual([7.5, 5, 7.5, 5.5, NaN]);
  });

  test("a customer's own rhythm, not all gaps pooled: one busy customer does not set the figure", () => {
    // busy: 11 orders a day apart (10 gaps of 1); three others with gaps of 30. Pooled, the
    // median gap is 1; the median customer's usual gap is 30.
    const busy = Array.from({ length: 11 }, (_, k) => k);
    const h = historyOf([busy, [0, 30], [0, 30], [5, 35]]);
    expect(medianUsualGapBefore(h, [100])).toEqual([30]);
  });
});

describe('the metric', () => {
  // An order is dated by its first line (o2's second line on 20 Jan is no order day); refunds are not orders.
  const t = ordersTable({
    date: [
      '2024-01-01',
      '2024-01-10',
      '2024-01-20',
      '2024-01-31',
      '2024-01-05',
      '2024-01-25',
      '2024-02-04',
      '2024-02-14',
    ],
    orderId: ['o1', 'o2', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7'],
    customer: ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'],
    amount: [10, 10, 10, 10, 10, -10, 10, 10],
  });
  const months = ['2024-01', '2024-02'].map((k) => parsePeriodKey(k)!);
  const suite = computeSuite({ orders: t }, ['days_between_orders'], months, { asOf: day('2024-02-29') });

  test('median over customers of their median gap to the end of each month', () => {
    // Jan: a 1 → 10 → 31 (gaps 9, 21 → 15); b has one order day → 15.
    expect(suite.values[0][0]).toBe(15);
    // Feb: a 15; b 5 Jan → 4 Feb → 14 Feb (gaps 30, 10 → 20) → median of 15 and 20.
    expect(suite.values[1][0]).toBe(17.5);
  });

  test('the silent-customer lists read the same usual gaps', () => {
    const silent = silentCustomers(t, { asOf: day('2024-06-30') });
    if (isMetricError(silent)) throw new Error(silent.reason);
    const listed = [...silent.atRisk, ...silent.lost];
    expect(Object.fromEntries(listed.map((c) => [c.id, [c.usualGapDays, c.orderDays, c.lastOrder]]))).toEqual(
      {
        a: [15, 3, '2024-01-31'],
        b: [20, 3, '2024-02-14'],
      },
    );
  });
});

describe("property: the event replay equals sorting every customer's days at each end", () => {
  const customerDays = fc
    .array(fc.integer({ min: 19000, max: 19400 }), { maxLength: 9 })
    .map((d) => [...d].sort((a, b) => a - b));

  test('medianUsualGapBefore', () => {
    fc.assert(
      fc.property(
        fc.array(customerDays, { maxLength: 12 }),
        fc.array(fc.integer({ min: 18990, max: 19410 }), { minLength: 1, maxLength: 8 }),
        (perCustomer, ends) => {
          expect(medianUsualGapBefore(historyOf(perCustomer), ends)).toEqual(
            ends.map((e) => bruteForce(perCustomer, e)),
          );
        },
      ),
    );
  });

  test('through the engine: rows in any order, with refunds, order ids and rows without a customer', () => {
    const row = fc.record({
      day: fc.integer({ min: 19000, max: 19200 }),
      customer: fc.constantFrom('a', 'b', 'c', 'd', null),
      amount: fc.integer({ min: -30, max: 100 }),
      order: fc.integer({ min: 0, max: 25 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 50 }), fc.integer({ min: 19000, max: 19210 }), (rows, asOf) => {
        const table = ordersTable({
          date: rows.map((r) => r.day),
          amount: rows.map((r) => r.amount),
          customer: rows.map((r) => r.customer),
          orderId: rows.map((r) => `O${r.order}-${r.customer}`),
        });
        // Brute force: an order's day is its earliest purchase line up to the as-of day.
        const orderDay = new Map<string, { customer: string; day: number }>();
        for (const r of rows) {
          if (r.customer === null || r.amount < 0 || r.day > asOf) continue;
          const key = `O${r.order}-${r.customer}`;
          const seen = orderDay.get(key);
          if (!seen || r.day < seen.day) orderDay.set(key, { customer: r.customer, day: r.day });
        }
        const perCustomer = new Map<string, number[]>();
        for (const { customer, day: d } of orderDay.values())
          perCustomer.set(customer, [...(perCustomer.get(customer) ?? []), d]);
        const history = prepareOrders(table, asOf).history()!;
        expect(medianUsualGapBefore(history, [asOf + 1])).toEqual([
          bruteForce([...perCustomer.values()], asOf + 1),
        ]);
      }),
    );
  });
});

describe('property: long histories (a sorted buffer up to 256 gaps, two heaps beyond)', () => {
  // Each customer's days as a running sum of gaps from a start day: 0-gaps are two orders on one day.
  const longCustomer = fc
    .tuple(
      fc.integer({ min: 0, max: 50 }),
      fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 200, maxLength: 420 }),
    )
    .map(([start, gaps]) => {
      const days = [start];
      for (const g of gaps) days.push(days[days.length - 1] + g);
      return days;
    });

  test("each customer's usual gap and the median of usual gaps at any end", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(longCustomer, fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 6 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.array(fc.integer({ min: 0, max: 17000 }), { minLength: 1, maxLength: 6 }),
        (raw, ends) => {
          const perCustomer = raw.map((d) => [...d].sort((a, b) => a - b));
          const history = historyOf(perCustomer);
          const usual = perCustomer.map((d) => bruteForce([d], Infinity));
          expect([...customerGaps(history).usualGap]).toEqual(usual);
          expect(medianUsualGapBefore(history, ends)).toEqual(ends.map((e) => bruteForce(perCustomer, e)));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('property: far-apart order days (ends found by search) and very long gaps (events replayed by day)', () => {
  // Days near 0 and near 4,500,000: the event days span more than a lookup table covers; a gap
  // from one cluster to the other makes a usual gap of millions of days.
  const nearDay = fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 4_500_000, max: 4_500_060 }));
  test('medianUsualGapBefore', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(nearDay, { maxLength: 7 }).map((d) => [...d].sort((a, b) => a - b)),
          { maxLength: 8 },
        ),
        fc.array(fc.oneof(nearDay, fc.integer({ min: 0, max: 4_600_000 })), { minLength: 1, maxLength: 8 }),
        (perCustomer, ends) => {
          expect(medianUsualGapBefore(historyOf(perCustomer), ends)).toEqual(
            ends.map((e) => bruteForce(perCustomer, e)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
