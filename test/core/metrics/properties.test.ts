import fc from 'fast-check';
import { computeSuite, filterInputs, ORDER_METRIC_IDS } from '../../../src/core/metrics';
import { BLANK_KEY } from '../../../src/core/metrics';
import type { MetricValue } from '../../../src/core/errors';
import { breakdown } from '../../../src/core/analyses/breakdown';
import { HALF_YEAR, ordersTable, randomRow, tableOfRows, type RandomRow } from './tables';

const REGIONS = ['North', 'South', 'East', null];
const { months, asOf } = HALF_YEAR;
const rowsArb = fc.array(randomRow({ regions: REGIONS, quantity: true }), { minLength: 0, maxLength: 60 });
const build = (rows: readonly RandomRow[]) => tableOfRows(rows, true);

const num = (v: MetricValue) => (typeof v === 'number' ? v : NaN);

describe('properties', () => {
  test('revenue of a partition (by region, blanks included) sums to the total', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 0, max: 5 }), (rows, m) => {
        const orders = build(rows);
        const period = months[m];
        const total = num(computeSuite({ orders }, ['revenue'], [period], { asOf }).values[0][0]);
        const viaFilter = ['North', 'South', 'East', BLANK_KEY]
          .map((key) =>
            num(
              computeSuite(
                filterInputs({ orders }, { dimension: 'region', keys: [key] }),
                ['revenue'],
                [period],
                { asOf },
              ).values[0][0],
            ),
          )
          .reduce((a, b) => a + b, 0);
        const rowsOf = breakdown({ orders }, { dimension: 'region', period, asOf, ids: ['revenue'] }).rows;
        const viaBreakdown = rowsOf.reduce((sum, r) => sum + num(r.values[0]), 0);
        expect(viaFilter).toBe(total);
        expect(viaBreakdown).toBe(total);
      }),
      { numRuns: 80 },
    );
  });

  test('rates lie in [0, 1]', () => {
    const rates = ['repeat_rate', 'retention_rate', 'churn_rate', 'active_ratio'] as const;
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const suite = computeSuite({ orders: build(rows) }, rates, months, { asOf });
        for (const values of suite.values)
          for (const v of values) if (typeof v === 'number') expect(v >= 0 && v <= 1).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  test('shuffling rows changes nothing', () => {
    fc.assert(
      fc.property(
        rowsArb.chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
          ),
        ),
        ([rows, shuffled]) => {
          const a = computeSuite({ orders: build(rows) }, ORDER_METRIC_IDS, months, { asOf, totals: true });
          const b = computeSuite({ orders: build(shuffled) }, ORDER_METRIC_IDS, months, {
            asOf,
            totals: true,
          });
          // Integer amounts: sums are exact whatever the order, so the values are equal, not just close.
          expect(b.values).toEqual(a.values);
          expect(b.totals).toEqual(a.totals);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('nothing throws on odd numbers (NaN dates, infinite amounts)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double(), fc.double()), { maxLength: 30 }), (pairs) => {
        const orders = ordersTable({
          date: pairs.map((p) => p[0]),
          amount: pairs.map((p) => p[1]),
          customer: pairs.map((_, i) => `c${i % 3}`),
        });
        const suite = computeSuite({ orders }, ORDER_METRIC_IDS, months, { asOf });
        expect(suite.values).toHaveLength(months.length);
      }),
      { numRuns: 60 },
    );
  });
});
