/**
 * A date-sorted table whose rows are all usable takes the quick routes (the rows inside windows are
 * one run of rows, viewed rather than copied, and their windows are found for them only): the same
 * figures as the general route, which the same rows take once a row after the as-of day is added.
 */
import fc from 'fast-check';
import { breakdown } from '../../../src/core/analyses/breakdown';
import { computeSuite, ORDER_METRIC_IDS } from '../../../src/core/metrics';
import { GROUPABLE_ORDER_METRICS } from '../../../src/core/metrics/orders-metrics';
import { HALF_YEAR, randomRow, tableOfRows, type RandomRow } from './tables';

const { months, asOf } = HALF_YEAR;
const row = randomRow({ minAmount: 0 });
type Row = RandomRow;

/** A row after the as-of day: never counted, but the table is no longer all usable rows in day order. */
const late: Row = { offset: 400, amount: 1, customer: null, order: 999, region: null };

const build = (rows: readonly Row[]) => tableOfRows(rows);

describe('orders metrics of a date-sorted table', () => {
  it('are those of the general route, for windows over few or most of the rows, and by region', () => {
    const sortedRows = fc
      .array(row, { maxLength: 80 })
      .map((rows) => [...rows].sort((x, y) => x.offset - y.offset));
    fc.assert(
      fc.property(sortedRows, fc.integer({ min: 0, max: 5 }), (sorted, m) => {
        const quick = build(sorted);
        const general = build([...sorted, late]);
        for (const periods of [months, [months[m]], months.slice(m)]) {
          const one = computeSuite({ orders: quick }, ORDER_METRIC_IDS, periods, { asOf, totals: true });
          const other = computeSuite({ orders: general }, ORDER_METRIC_IDS, periods, { asOf, totals: true });
          expect(one.values).toEqual(other.values);
          expect(one.totals).toEqual(other.totals);
        }
        const ids = [...GROUPABLE_ORDER_METRICS];
        const byRegion = (orders: ReturnType<typeof build>) =>
          breakdown({ orders }, { dimension: 'region', period: months[m], asOf, ids }).rows.map((r) => [
            r.key,
            r.values,
            r.previous,
          ]);
        expect(byRegion(quick)).toEqual(byRegion(general));
      }),
      { numRuns: 200 },
    );
  });
});
