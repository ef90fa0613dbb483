import { computeSuite, MARKETING_METRIC_IDS } from '../../../src/core/metrics';
import type { MetricId } from '../../../src/core/metrics';
import { parsePeriodKey } from '../../../src/core/periods';
import { day, ordersTable, spendTable } from './tables';

const orders = ordersTable({
  date: ['2024-01-10', '2024-01-10', '2024-01-20', '2024-02-29', '2024-02-05', '2024-02-15', '2024-03-01', '2024-03-01'],
  orderId: ['o1', 'o1', 'o2', 'o3', 'o2', 'o4', 'o5', 'o6'],
  customer: ['alice', 'alice', 'bob', 'alice', 'bob', 'carol', 'bob', 'carol'],
  amount: [100, 50, 80, 120, -80, 40, 60, 60],
  cost: [60, 20, 50, 70, -50, 10, 30, 30],
});
const spend = spendTable({ date: ['2024-01-01', '2024-02-01', '2024-04-01'], spend: [100, 25, 999] });
const months = ['2024-01', '2024-02', '2024-03'].map((k) => parsePeriodKey(k)!);
const suite = computeSuite({ orders, spend }, MARKETING_METRIC_IDS, months, { asOf: day('2024-03-31') });
const v = (id: MetricId, p: number) => suite.values[p][MARKETING_METRIC_IDS.indexOf(id as never)];

describe('marketing metrics, computed by hand', () => {
  test('CAC = spend / new customers', () => {
    expect(v('cac', 0)).toBe(50); // 100 / 2
    expect(v('cac', 1)).toBe(25); // 25 / 1 (carol)
    expect(v('cac', 2)).toEqual({ error: '#DIV/0!', reason: 'no new customers in 2024-03' });
  });
  test('ROI = (revenue × margin − spend) / spend, margin from the cost column', () => {
    expect(v('marketing_roi', 0)).toBeCloseTo((230 - 130 - 100) / 100, 12);
    expect(v('marketing_roi', 1)).toBeCloseTo((80 - 30 - 25) / 25, 12);
    expect(v('marketing_roi', 2)).toEqual({ error: '#DIV/0!', reason: 'no marketing spend in 2024-03' });
  });
  test('CAC payback = CAC / (sales per customer per month × margin)', () => {
    const monthly = (115 * (365.2425 / 12)) / 31;
    expect(v('cac_payback_months', 0)).toBeCloseTo(50 / (monthly * (100 / 230)), 9);
  });
  test('LTV:CAC needs a CLV, which needs a year of history', () => {
    expect(v('ltv_cac', 0)).toMatchObject({ error: '#N/A' });
  });
  test('no spend table', () => {
    const none = computeSuite({ orders }, ['cac'], months, { asOf: day('2024-03-31') });
    expect(none.values[0][0]).toEqual({ error: '#N/A', reason: 'needs a marketing spend table' });
  });
});

describe('per channel', () => {
  test('CAC by channel filters spend and orders by the same channel text', () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { breakdown } = require('../../../src/core/analyses/breakdown');
    const byChannel = ordersTable({
      date: ['2024-01-05', '2024-01-06', '2024-01-07'], amount: [10, 20, 30], customer: ['a', 'b', 'c'],
      dims: { channel: ['Web', 'Web', 'Store'] },
    });
    const spendByChannel = spendTable({ date: ['2024-01-01', '2024-01-01'], spend: [100, 90], channel: ['Web', 'Store'] });
    const r = breakdown({ orders: byChannel, spend: spendByChannel }, { dimension: 'channel', period: months[0], asOf: day('2024-01-31'), ids: ['revenue', 'cac'] });
    expect(r.rows.map((x: { key: string; values: unknown[] }) => [x.key, ...x.values])).toEqual([['Store', 30, 90], ['Web', 30, 50]]); // revenue ties sort by key
  });
});
