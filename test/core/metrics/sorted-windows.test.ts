/**
 * A date-sorted table whose rows are all usable takes the quick routes (the rows inside windows are
 * one run of rows, viewed rather than copied): the same figures as the same rows in any order.
 */
import fc from 'fast-check';
import { computeSuite, ORDER_METRIC_IDS } from '../../../src/core/metrics';
import { periodAt } from '../../../src/core/periods';
import { day, ordersTable } from './tables';

const start = day('2024-01-01');
const months = [0, 1, 2, 3, 4, 5].map((k) => periodAt(2024 * 12 + k, 'month'));
const asOf = day('2024-06-30');

const row = fc.record({
  offset: fc.integer({ min: 0, max: 181 }),
  amount: fc.integer({ min: 0, max: 500 }),
  customer: fc.constantFrom('a', 'b', 'c', 'd', 'e', null),
  order: fc.integer({ min: 0, max: 40 }),
});
type Row = { offset: number; amount: number; customer: string | null; order: number };

function build(rows: readonly Row[]) {
  return ordersTable({
    date: rows.map((r) => start + r.offset),
    amount: rows.map((r) => r.amount),
    customer: rows.map((r) => r.customer),
    orderId: rows.map((r) => `o${r.order}`),
  });
}

describe('orders metrics of a date-sorted table', () => {
  it('are those of its rows in any order, for windows over few or most of the rows', () => {
    const sortedAndShuffled = fc.array(row, { maxLength: 80 }).chain((rows) => {
      const sorted = [...rows].sort((x, y) => x.offset - y.offset);
      return fc.tuple(
        fc.constant(sorted),
        fc.shuffledSubarray(sorted, { minLength: rows.length, maxLength: rows.length }),
      );
    });
    fc.assert(
      fc.property(sortedAndShuffled, fc.integer({ min: 0, max: 5 }), ([sorted, shuffled], m) => {
        const a = build(sorted);
        const b = build(shuffled);
        for (const periods of [months, [months[m]], months.slice(m)]) {
          const one = computeSuite({ orders: a }, ORDER_METRIC_IDS, periods, { asOf, totals: true });
          const other = computeSuite({ orders: b }, ORDER_METRIC_IDS, periods, { asOf, totals: true });
          // Integer amounts: sums are exact whatever the order.
          expect(one.values).toEqual(other.values);
          expect(one.totals).toEqual(other.totals);
        }
      }),
      { numRuns: 150 },
    );
  });
});
