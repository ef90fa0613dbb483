import { computeGrowth, computeMetric, computeSuite, computeYoy, ORDER_METRIC_IDS } from '../../../src/core/metrics';
import type { MetricId } from '../../../src/core/metrics';
import type { MetricValue } from '../../../src/core/errors';
import { calendarOf, parsePeriodKey, periodAt, periodOf } from '../../../src/core/periods';
import type { Period } from '../../../src/core/periods';
import { day, ordersTable } from './tables';

/**
 * Dataset A, by hand (2024, a leap year):
 *   Jan: o1 alice 100+50 (2 lines), o2 bob 80            → revenue 230, 2 orders, 2 new customers
 *   Feb: o3 alice 120 on 29 Feb, o2 refund −80 (bob), o4 carol 40 → revenue 80, 2 orders, customers alice+carol
 *   Mar: o5 bob 60, o6 carol 60 (same day)               → revenue 120
 */
const A = ordersTable({
  date: ['2024-01-10', '2024-01-10', '2024-01-20', '2024-02-29', '2024-02-05', '2024-02-15', '2024-03-01', '2024-03-01'],
  orderId: ['o1', 'o1', 'o2', 'o3', 'o2', 'o4', 'o5', 'o6'],
  customer: ['alice', 'alice', 'bob', 'alice', 'bob', 'carol', 'bob', 'carol'],
  amount: [100, 50, 80, 120, -80, 40, 60, 60],
  quantity: [2, 1, 1, 3, -1, 1, 2, 2],
  cost: [60, 20, 50, 70, -50, 10, 30, 30],
});
const month = (key: string): Period => parsePeriodKey(key)!;
const months = ['2024-01', '2024-02', '2024-03'].map(month);
const asOf = day('2024-03-31');

function suiteOf(table = A, ids: readonly MetricId[] = ORDER_METRIC_IDS, periods = months, at = asOf) {
  const suite = computeSuite({ orders: table }, ids, periods, { asOf: at });
  return (id: MetricId, p: number): MetricValue => suite.values[p][ids.indexOf(id)];
}

describe('orders metrics, computed by hand', () => {
  const v = suiteOf();
  test.each([
    ['revenue', [230, 80, 120]],
    ['orders', [2, 2, 2]],
    ['aov', [115, 40, 60]],
    ['units', [4, 3, 4]],
    ['avg_price', [57.5, 80 / 3, 30]],
    ['customers', [2, 2, 2]],
    ['sales_per_customer', [115, 40, 60]],
    ['new_customers', [2, 1, 0]],
    ['returning_customers', [0, 1, 2]],
    ['purchase_frequency', [1, 1, 1]],
    ['repeat_rate', [0, 0.5, 1]],
    ['active_ratio', [1, 2 / 3, 2 / 3]],
    ['gross_margin', [100 / 230, 50 / 80, 60 / 120]],
  ] as [MetricId, number[]][])('%s', (id, expected) => {
    expected.forEach((value, p) => expect(v(id, p)).toBeCloseTo(value, 10));
  });

  test('retention and churn: Jan has no previous customers; Feb keeps alice of {alice, bob}; Mar keeps carol of {alice, carol}', () => {
    expect(v('retention_rate', 0)).toEqual({ error: '#DIV/0!', reason: 'no customers in 2023-12' });
    expect(v('retention_rate', 1)).toBe(0.5);
    expect(v('churn_rate', 1)).toBe(0.5);
    expect(v('retention_rate', 2)).toBe(0.5);
  });

  test('days between orders: median of the gaps to date (alice 50 days over the leap day, bob 41, carol 15)', () => {
    expect(v('days_between_orders', 0)).toMatchObject({ error: '#N/A' });
    expect(v('days_between_orders', 1)).toBe(50);
    expect(v('days_between_orders', 2)).toBe(41);
  });

  test('a quarter counts an order whose lines and refund span months once', () => {
    const q = suiteOf(A, ['revenue', 'orders', 'aov', 'customers'], [parsePeriodKey('2024-Q1')!]);
    expect(q('revenue', 0)).toBe(430);
    expect(q('orders', 0)).toBe(6);
    expect(q('aov', 0)).toBeCloseTo(430 / 6, 12);
    expect(q('customers', 0)).toBe(3);
  });

  test('computeMetric agrees with the suite', () => {
    for (const id of ORDER_METRIC_IDS) expect(computeMetric(id, { orders: A }, months[1], { asOf })).toEqual(v(id, 1));
  });

  test('totals over the span', () => {
    const suite = computeSuite({ orders: A }, ['revenue', 'orders', 'customers'], months, { asOf, totals: true });
    expect(suite.totals).toEqual([430, 6, 3]);
  });
});

describe('refunds', () => {
  test('a refund-only order is not an order and does not make its customer active', () => {
    const v = suiteOf(A, ['orders', 'customers', 'revenue'], [month('2024-02')]);
    expect(v('revenue', 0)).toBe(80);
    expect(v('orders', 0)).toBe(2);
    expect(v('customers', 0)).toBe(2);
  });

  test('without order ids every purchase line is an order', () => {
    const noIds = ordersTable({ date: ['2024-01-10', '2024-01-10', '2024-01-20', '2024-01-25'], amount: [100, 50, 80, -80], customer: ['a', 'a', 'b', 'b'] });
    const v = suiteOf(noIds, ['orders', 'aov'], [month('2024-01')]);
    expect(v('orders', 0)).toBe(3);
    expect(v('aov', 0)).toBeCloseTo(150 / 3, 12);
  });
});

describe('empty periods, zero denominators and missing columns', () => {
  const v = suiteOf(A, ORDER_METRIC_IDS, [month('2024-04')], day('2024-04-30'));
  test('flows are 0', () => {
    for (const id of ['revenue', 'orders', 'units', 'customers', 'new_customers', 'returning_customers'] as MetricId[]) expect(v(id, 0)).toBe(0);
  });
  test('ratios say what is missing and where', () => {
    expect(v('aov', 0)).toEqual({ error: '#DIV/0!', reason: 'no orders in 2024-04' });
    expect(v('sales_per_customer', 0)).toEqual({ error: '#DIV/0!', reason: 'no customers in 2024-04' });
    expect(v('avg_price', 0)).toEqual({ error: '#DIV/0!', reason: 'no units sold in 2024-04' });
    expect(v('repeat_rate', 0)).toMatchObject({ error: '#DIV/0!' });
    expect(v('gross_margin', 0)).toMatchObject({ error: '#DIV/0!' });
  });
  test('everyone from March churned in April', () => {
    expect(v('retention_rate', 0)).toBe(0);
    expect(v('churn_rate', 0)).toBe(1);
  });
  test('a period after the as-of date is #N/A', () => {
    const late = suiteOf(A, ['revenue', 'aov'], [month('2024-05')], day('2024-04-30'));
    expect(late('revenue', 0)).toEqual({ error: '#N/A', reason: '2024-05 starts after the as-of date 2024-04-30' });
  });
  test('missing roles', () => {
    const bare = ordersTable({ date: ['2024-01-10'], amount: [10] });
    const b = suiteOf(bare, ['customers', 'units', 'gross_margin', 'clv', 'revenue'], [month('2024-01')]);
    expect(b('customers', 0)).toEqual({ error: '#N/A', reason: 'needs a customer column' });
    expect(b('units', 0)).toEqual({ error: '#N/A', reason: 'needs a quantity column' });
    expect(b('gross_margin', 0)).toEqual({ error: '#N/A', reason: 'needs a cost column' });
    expect(b('clv', 0)).toEqual({ error: '#N/A', reason: 'needs a customer column' });
    expect(b('revenue', 0)).toBe(10);
    expect(computeMetric('revenue', {}, month('2024-01'), { asOf })).toEqual({ error: '#N/A', reason: 'needs an orders table' });
  });
});

describe('the as-of date', () => {
  test('rows after it are ignored, "to date" stops at it', () => {
    const v = suiteOf(A, ['revenue', 'orders', 'customers', 'repeat_rate'], [month('2024-02')], day('2024-02-20'));
    expect(v('revenue', 0)).toBe(-40);
    expect(v('orders', 0)).toBe(1);
    expect(v('customers', 0)).toBe(1);
    expect(v('repeat_rate', 0)).toBe(0);
  });
});

describe('one customer', () => {
  const solo = ordersTable({ date: ['2024-01-03', '2024-01-17', '2024-02-01'], amount: [10, 20, 30], customer: ['x', 'x', 'x'] });
  const v = suiteOf(solo, ORDER_METRIC_IDS, months);
  test('counts', () => {
    expect([v('customers', 0), v('new_customers', 0), v('repeat_rate', 0), v('purchase_frequency', 0)]).toEqual([1, 1, 1, 2]);
    expect([v('retention_rate', 1), v('retention_rate', 2), v('active_ratio', 2)]).toEqual([1, 0, 0]);
    expect(v('days_between_orders', 1)).toBe(14.5); // gaps 14 and 15
  });
});

describe('calendars', () => {
  test('ISO week 53: 31 Dec 2020 and 2 Jan 2021 are both in 2020-W53', () => {
    const t = ordersTable({ date: ['2020-12-24', '2020-12-31', '2021-01-02', '2021-01-04'], amount: [5, 10, 20, 40], customer: ['a', 'a', 'b', 'b'] });
    const w53 = periodOf(day('2020-12-31'), 'week');
    expect(w53.key).toBe('2020-W53');
    const v = suiteOf(t, ['revenue', 'customers', 'retention_rate'], [w53], day('2021-01-10'));
    expect(v('revenue', 0)).toBe(30);
    expect(v('customers', 0)).toBe(2);
    expect(v('retention_rate', 0)).toBe(1); // W52 had only a, who came back
  });

  test('fiscal years starting in July: 30 Jun 2024 is FY2024, 1 Jul 2024 is FY2025', () => {
    const calendar = calendarOf({ fiscalYearStartMonth: 7 });
    const t = ordersTable({ date: ['2024-06-30', '2024-07-01', '2025-06-30'], amount: [1, 2, 4] });
    const fy2025 = parsePeriodKey('FY2025', calendar)!;
    const v = suiteOf(t, ['revenue'], [periodAt(fy2025.index - 1, 'year', calendar), fy2025], day('2025-12-31'));
    expect(v('revenue', 0)).toBe(1);
    expect(v('revenue', 1)).toBe(6);
  });

  test('leap day: YoY of 29 Feb 2024 compares with 28 Feb 2023', () => {
    const t = ordersTable({ date: ['2023-02-28', '2024-02-29'], amount: [100, 150] });
    expect(computeYoy('revenue', { orders: t }, periodOf(day('2024-02-29'), 'day'), { asOf })).toBeCloseTo(0.5, 12);
  });
});

describe('growth and YoY', () => {
  test('growth is m(P) / m(P−1) − 1', () => {
    expect(computeGrowth('revenue', { orders: A }, months[1], { asOf })).toBeCloseTo(80 / 230 - 1, 12);
    expect(computeGrowth('aov', { orders: A }, months[2], { asOf })).toBeCloseTo(60 / 40 - 1, 12);
  });
  test('a zero or failing base is explained', () => {
    expect(computeYoy('revenue', { orders: A }, months[0], { asOf })).toEqual({ error: '#DIV/0!', reason: 'revenue was 0 in 2023-01' });
    expect(computeGrowth('retention_rate', { orders: A }, months[1], { asOf })).toEqual({ error: '#DIV/0!', reason: 'retention_rate of 2024-01: no customers in 2023-12' });
  });
});

describe('ties', () => {
  test('two orders of a customer on one day: one order day (no gap yet), and both count for repeat', () => {
    const t = ordersTable({ date: ['2024-01-05', '2024-01-05'], orderId: ['a1', 'a2'], amount: [10, 10], customer: ['a', 'a'] });
    const v = suiteOf(t, ['repeat_rate', 'days_between_orders', 'orders'], [month('2024-01')]);
    expect([v('repeat_rate', 0), v('orders', 0)]).toEqual([1, 2]);
    expect(v('days_between_orders', 0)).toEqual({ error: '#N/A', reason: 'no customer with orders on two days up to the end of 2024-01' });
  });
});

describe('historic CLV', () => {
  // 2023: a, b, c, d buy; 2024: a, b, e buy (revenue 600). Yearly churn = 2/4, lifespan 2 years.
  const t = ordersTable({
    date: ['2023-03-01', '2023-04-01', '2023-05-01', '2023-06-01', '2024-02-01', '2024-05-01', '2024-08-01'],
    amount: [10, 10, 10, 10, 100, 200, 300],
    customer: ['a', 'b', 'c', 'd', 'a', 'b', 'e'],
  });
  const december = month('2024-12');
  test('revenue per customer per year × margin 1 × 1 / churn', () => {
    expect(computeMetric('clv', { orders: t }, december, { asOf: day('2024-12-31') })).toBeCloseTo(200 * 2, 9);
  });
  test('lifespan is capped', () => {
    expect(computeMetric('clv', { orders: t }, december, { asOf: day('2024-12-31'), lifespanCapYears: 1.5 })).toBeCloseTo(300, 9);
  });
  test('without a year of history before the window, #N/A', () => {
    expect(computeMetric('clv', { orders: t }, month('2023-12'), { asOf: day('2024-12-31') })).toMatchObject({ error: '#N/A' });
  });
});

describe('per-customer ratios count only the rows that have a customer', () => {
  // March: a buys 100 (o1) and 50 (o2); b buys 30 (o3) and refunds 10 (o3); two orders without a
  // customer, 40 (o4) and 60 (no id); o5 has a line without a customer (20) and one of b's (5).
  const t = ordersTable({
    date: ['2024-03-01', '2024-03-02', '2024-03-03', '2024-03-09', '2024-03-04', '2024-03-05', '2024-03-06', '2024-03-06'],
    orderId: ['o1', 'o2', 'o3', 'o3', 'o4', null, 'o5', 'o5'],
    customer: ['a', 'a', 'b', 'b', null, null, null, 'b'],
    amount: [100, 50, 30, -10, 40, 60, 20, 5],
  });
  const v = suiteOf(t, ['revenue', 'orders', 'customers', 'purchase_frequency', 'sales_per_customer'], [month('2024-03')]);

  test('revenue and orders count every row; the ratios only the rows with a customer', () => {
    expect([v('revenue', 0), v('orders', 0), v('customers', 0)]).toEqual([295, 6, 2]);
    // Orders with a customer: o1, o2 (a), o3, o5 (b) → 4; revenue with a customer: 150 + 20 + 5.
    expect(v('purchase_frequency', 0)).toBe(2);
    expect(v('sales_per_customer', 0)).toBe(87.5);
  });

  test('without a customer column both stay errors', () => {
    const bare = ordersTable({ date: ['2024-03-01'], amount: [10] });
    const w = suiteOf(bare, ['purchase_frequency', 'sales_per_customer'], [month('2024-03')]);
    expect(w('purchase_frequency', 0)).toEqual({ error: '#N/A', reason: 'needs a customer column' });
    expect(w('sales_per_customer', 0)).toEqual({ error: '#N/A', reason: 'needs a customer column' });
  });
});
