import { computeSuite, PIPELINE_METRIC_IDS } from '../../../src/core/metrics';
import type { MetricId } from '../../../src/core/metrics';
import { parsePeriodKey } from '../../../src/core/periods';
import { day, pipelineTable } from './tables';

/**
 * By hand:
 *  1 created 5 Jan, won 10 Feb, 1000 (36 days)   2 created 10 Jan, lost 20 Feb, 500
 *  3 created 15 Jan, won 5 Mar, 3000 (50 days)   4 created 1 Feb, open, 2000
 *  5 created 10 Feb, won 25 Feb, 1500 (15 days)  6 created 1 Mar, lost 10 Mar, 800
 */
const P = pipelineTable({
  created: ['2024-01-05', '2024-01-10', '2024-01-15', '2024-02-01', '2024-02-10', '2024-03-01'],
  status: ['won', 'lost', 'won', 'open', 'won', 'lost'],
  closed: ['2024-02-10', '2024-02-20', '2024-03-05', null, '2024-02-25', '2024-03-10'],
  value: [1000, 500, 3000, 2000, 1500, 800],
});
const months = ['2024-01', '2024-02', '2024-03'].map((k) => parsePeriodKey(k)!);

function suiteOf(asOf: string, table = P) {
  const suite = computeSuite({ pipeline: table }, PIPELINE_METRIC_IDS, months, { asOf: day(asOf) });
  return (id: MetricId, p: number) => suite.values[p][PIPELINE_METRIC_IDS.indexOf(id as never)];
}

describe('pipeline metrics, computed by hand', () => {
  const v = suiteOf('2024-03-31');
  test('leads and conversion (won to date among the leads of P old enough to have closed)', () => {
    expect([v('leads', 0), v('leads', 1), v('leads', 2)]).toEqual([3, 2, 1]);
    // Closed to date: 36, 41, 50, 15 and 9 days → the 90th percentile (5th of 5) is 50 days, so
    // leads count when created by 10 Feb (50 days before 31 Mar).
    expect(v('conversion_rate', 0)).toBeCloseTo(2 / 3, 12);
    expect(v('conversion_rate', 1)).toBe(0.5);
    expect(v('conversion_rate', 2)).toEqual({
      error: '#N/A',
      reason: 'leads of 2024-03 are younger than 50 days, the time 90 % of deals take to close',
    });
  });
  test('win rate, deal size and cycle of deals closed in P', () => {
    expect(v('win_rate', 0)).toEqual({ error: '#DIV/0!', reason: 'no deals closed in 2024-01' });
    expect(v('win_rate', 1)).toBeCloseTo(2 / 3, 12);
    expect(v('avg_deal_size', 1)).toBe(1250);
    expect(v('sales_cycle_days', 1)).toBe(25.5);
    expect(v('sales_cycle_days_median', 1)).toBe(25.5);
    expect([v('win_rate', 2), v('avg_deal_size', 2), v('sales_cycle_days', 2)]).toEqual([0.5, 3000, 50]);
    expect(v('sales_cycle_days', 0)).toEqual({ error: '#N/A', reason: 'no won deals closed in 2024-01' });
  });
  test('open pipeline at the end of each month', () => {
    expect([v('pipeline_value', 0), v('pipeline_value', 1), v('pipeline_value', 2)]).toEqual([4500, 5000, 2000]);
  });
  test('velocity = open × win rate × deal size / cycle', () => {
    expect(v('pipeline_velocity', 1)).toBeCloseTo((2 * (2 / 3) * 1250) / 25.5, 9);
    expect(v('pipeline_velocity', 0)).toMatchObject({ error: '#DIV/0!' });
  });
});

describe('the as-of date', () => {
  test('a deal closed after it is still open; one created after it does not exist yet', () => {
    const v = suiteOf('2024-02-15');
    expect(v('leads', 1)).toBe(2);
    // Only deal 1 has closed by 15 Feb (36 days): leads count when created by 10 Jan.
    expect(v('conversion_rate', 0)).toBe(0.5);
    expect(v('conversion_rate', 1)).toEqual({
      error: '#N/A',
      reason: 'leads of 2024-02 are younger than 36 days, the time 90 % of deals take to close',
    });
    expect(v('win_rate', 1)).toBe(1);
    expect(v('pipeline_value', 1)).toBe(500 + 3000 + 2000 + 1500);
    expect(v('leads', 2)).toMatchObject({ error: '#N/A' });
  });
});

describe('missing columns', () => {
  test('no value or close-date column', () => {
    const bare = pipelineTable({ created: ['2024-01-05'], status: ['won'] });
    const v = suiteOf('2024-03-31', bare);
    expect(v('leads', 0)).toBe(1);
    expect(v('conversion_rate', 0)).toBe(1);
    expect(v('pipeline_value', 0)).toEqual({ error: '#N/A', reason: 'needs a value column in the pipeline table' });
    expect(v('win_rate', 0)).toEqual({ error: '#N/A', reason: 'needs a close date column in the pipeline table' });
  });
});
