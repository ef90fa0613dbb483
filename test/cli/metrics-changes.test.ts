/**
 * Growth and year over year of `metrics`: the year-ago bases taken from the periods already
 * computed give exactly what computing every year-ago period again gives.
 */
import fc from 'fast-check';
import type { MetricValue } from '../../src/core/errors';
import { computeSuite, ORDER_METRIC_IDS } from '../../src/core/metrics';
import type { MetricId, MetricInputs, MetricOptions } from '../../src/core/metrics';
import { relativeChange } from '../../src/core/metrics/compute';
import { lastPeriods, samePeriodLastYear, type Period, type PeriodUnit } from '../../src/core/periods';
import { periodChanges } from '../../src/cli/commands/metrics-changes';
import { day, ordersTable } from '../core/metrics/tables';

/** Year over year of complete periods, every year-ago period computed in a suite of its own. */
function yoyComputedAgain(
  inputs: MetricInputs,
  ids: readonly MetricId[],
  periods: readonly Period[],
  values: readonly (readonly MetricValue[])[],
  options: MetricOptions,
): MetricValue[][] {
  const yearAgo = computeSuite(inputs, ids, periods.map(samePeriodLastYear), options).values;
  return periods.map((period, p) =>
    ids.map((id, m) => relativeChange(id, values[p][m], yearAgo[p][m], samePeriodLastYear(period).key)),
  );
}

const start = day('2023-01-01');
const row = fc.record({
  offset: fc.integer({ min: 0, max: 3 * 366 }),
  amount: fc.integer({ min: -50, max: 500 }),
  customer: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', null),
  order: fc.integer({ min: 0, max: 60 }),
});

describe('periodChanges', () => {
  it('gives the year over year of computing every year-ago period again', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 80 }),
        fc.constantFrom<PeriodUnit>('day', 'week', 'month', 'quarter', 'year'),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 3 * 366 }),
        fc.constantFrom(1, 4),
        fc.subarray([...ORDER_METRIC_IDS], { minLength: 1 }),
        (rows, unit, count, asOfOffset, fiscalYearStartMonth, ids) => {
          const orders = ordersTable({
            date: rows.map((r) => start + r.offset),
            amount: rows.map((r) => r.amount),
            customer: rows.map((r) => r.customer),
            orderId: rows.map((r) => `o${r.order}`),
          });
          const asOf = start + asOfOffset;
          const calendar = { weekStartsOn: 1 as const, fiscalYearStartMonth };
          const periods = lastPeriods(asOf, unit, count, calendar);
          const options = { asOf, calendar };
          const suite = computeSuite({ orders }, ids, periods, { ...options, totals: true });
          const changes = periodChanges({ orders }, ids, periods, suite.values, options);
          const expected = yoyComputedAgain({ orders }, ids, periods, suite.values, options);
          changes.forEach((change, p) => {
            if (!change.coverage.partial) expect(change.yoy.changes).toEqual(expected[p]);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
