import { customerSummary } from '../../../src/core/analyses/customers';
import { isMetricError } from '../../../src/core/errors';
import { parseDay } from '../../../src/core/periods';
import { loadCdnow } from '../../support/cdnow';
import { makeOrders } from '../../support/orders';

describe('customerSummary', () => {
  const orders = makeOrders([
    { date: '2026-01-01', amount: 10, customer: 'A' },
    { date: '2026-01-01', amount: 5, customer: 'A' }, // same day: one occasion worth 15
    { date: '2026-01-08', amount: 20, customer: 'A' },
    { date: '2026-01-22', amount: -7, customer: 'A' }, // a refund is not a purchase
    { date: '2026-01-29', amount: 40, customer: 'A' },
    { date: '2026-02-05', amount: 99, customer: 'A' }, // after the calibration end
    { date: '2026-01-10', amount: 30, customer: 'C' },
    { date: '2026-01-12', amount: -30, customer: 'D' }, // refunds only: not a customer of the model
    { date: '2026-01-12', amount: 30 }, // no customer
  ]);

  it('counts repeat occasions, recency, age and repeat spend in weeks', () => {
    const summary = customerSummary(orders, { calibrationEnd: parseDay('2026-01-29')!, timeUnit: 'week' });
    expect(summary).toEqual([
      { id: 'A', frequency: 2, recency: 4, T: 4, monetary: 30 },
      { id: 'C', frequency: 0, recency: 0, T: 19 / 7, monetary: 0 },
    ]);
  });

  it('supports days and months and a holdout period', () => {
    const summary = customerSummary(orders, { calibrationEnd: parseDay('2026-01-29')!, timeUnit: 'day', observationEnd: parseDay('2026-02-28')! });
    expect(summary).toEqual([
      { id: 'A', frequency: 2, recency: 28, T: 28, monetary: 30, holdoutFrequency: 1, holdoutDuration: 30 },
      { id: 'C', frequency: 0, recency: 0, T: 19, monetary: 0, holdoutFrequency: 0, holdoutDuration: 30 },
    ]);
    const months = customerSummary(orders, { calibrationEnd: parseDay('2026-01-29')!, timeUnit: 'month' });
    expect(isMetricError(months) ? null : months[0].T).toBeCloseTo(28 / (365.25 / 12), 12);
  });

  it('matches the lifetimes summary of CDNOW customer 00004 (recency 30.43, T 38.86 weeks)', () => {
    const summary = customerSummary(loadCdnow(), { calibrationEnd: parseDay('1997-09-30')!, timeUnit: 'week' });
    if (isMetricError(summary)) throw new Error(summary.reason);
    const first = summary[0];
    expect(first.id).toBe('00004');
    expect(first.frequency).toBe(2);
    expect(first.recency).toBeCloseTo(30.43, 2);
    expect(first.T).toBeCloseTo(38.86, 2);
    expect(first.monetary).toBeCloseTo((29.73 + 14.96) / 2, 10);
  });

  it('returns errors for missing customers and bad dates', () => {
    const noCustomers = makeOrders([{ date: '2026-01-01', amount: 1 }]);
    expect(customerSummary(noCustomers, { calibrationEnd: 0 })).toEqual({ error: '#VALUE!', reason: 'the orders have no customer column' });
    expect(isMetricError(customerSummary(orders, { calibrationEnd: NaN }))).toBe(true);
    expect(isMetricError(customerSummary(orders, { calibrationEnd: 10, observationEnd: 5 }))).toBe(true);
  });
});
