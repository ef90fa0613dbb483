import fc from 'fast-check';
import { atRiskCustomers, loyaltyCandidates, silentCustomers } from '../../../src/core/analyses/customer-lists';
import type { RfmResult } from '../../../src/core/analyses/rfm';
import { quintileScores, rfm, rfmSegment, RFM_SEGMENT_RULES, RFM_SEGMENTS } from '../../../src/core/analyses/rfm';
import { isMetricError } from '../../../src/core/errors';
import { parseDay } from '../../../src/core/periods';
import { makeOrders } from '../../support/orders';

const AS_OF = parseDay('2026-03-31')!;
const ORDERS = makeOrders([
  { date: '2026-03-01', amount: 100, customer: 'P' },
  { date: '2026-03-15', amount: 100, customer: 'P' },
  { date: '2026-03-31', amount: 100, customer: 'P' },
  { date: '2026-03-30', amount: 500, customer: 'Q' },
  { date: '2026-03-01', amount: 100, customer: 'R' },
  { date: '2026-01-10', amount: 20, customer: 'R' },
  { date: '2026-02-01', amount: 50, customer: 'S' },
  { date: '2026-01-01', amount: 50, customer: 'T' },
  { date: '2026-02-02', amount: -40, customer: 'U' }, // refunds only
  { date: '2026-01-15', amount: 40, customer: 'V' },
  { date: '2026-03-20', amount: -10, customer: 'V' }, // a refund lowers revenue but is not a recent order
  { date: '2026-04-01', amount: 900, customer: 'Q' }, // after the as-of day
]);

describe('rfm', () => {
  const result = rfm(ORDERS, { asOf: AS_OF }) as RfmResult;

  it('scores recency, frequency and monetary by quintile with ties sharing their first rank', () => {
    // n = 6, score = ⌊5 · rank / 6⌋ + 1, rank = customers with a strictly worse value.
    // Recency (days): T 89, V 75, S 58, R 30, Q 1, P 0 → ranks 0..5 → 1, 1, 2, 3, 4, 5.
    // Frequency: Q, S, T, V 1 (rank 0 → 1), R 2 (rank 4 → 4), P 3 (rank 5 → 5).
    // Monetary: V 30 (0 → 1), S, T 50 (1 → 1), R 120 (3 → 3), P 300 (4 → 4), Q 500 (5 → 5).
    expect(result.customers).toEqual([
      { id: 'P', recency: 0, frequency: 3, monetary: 300, r: 5, f: 5, m: 4, segment: 'Champions' },
      { id: 'Q', recency: 1, frequency: 1, monetary: 500, r: 4, f: 1, m: 5, segment: 'Potential Loyalist' },
      { id: 'R', recency: 30, frequency: 2, monetary: 120, r: 3, f: 4, m: 3, segment: 'Loyal' },
      { id: 'S', recency: 58, frequency: 1, monetary: 50, r: 2, f: 1, m: 1, segment: 'Hibernating' },
      { id: 'T', recency: 89, frequency: 1, monetary: 50, r: 1, f: 1, m: 1, segment: 'Lost' },
      { id: 'V', recency: 75, frequency: 1, monetary: 30, r: 1, f: 1, m: 1, segment: 'Lost' },
    ]);
    expect(result.refundOnlyCustomers).toBe(1);
  });

  it('summarises every segment with its revenue share', () => {
    const bySegment = new Map(result.segments.map((s) => [s.segment, s]));
    expect(result.segments.map((s) => s.segment)).toEqual([...RFM_SEGMENTS]);
    expect(bySegment.get('Lost')).toEqual({ segment: 'Lost', customers: 2, revenue: 80, revenueShare: 80 / 1050 });
    expect(bySegment.get('Champions')!.revenueShare).toBeCloseTo(300 / 1050, 14);
    expect(bySegment.get('At Risk')).toEqual({ segment: 'At Risk', customers: 0, revenue: 0, revenueShare: 0 });
    expect(result.rules).toBe(RFM_SEGMENT_RULES);
  });

  it('counts distinct order ids as orders when the table has them', () => {
    const lines = makeOrders([
      { date: '2026-03-01', amount: 10, customer: 'A', orderId: 'o1' },
      { date: '2026-03-01', amount: 15, customer: 'A', orderId: 'o1' },
      { date: '2026-03-05', amount: 5, customer: 'A', orderId: 'o2' },
      { date: '2026-03-06', amount: 7, customer: 'B' }, // no id: the row is an order
    ]);
    const scored = rfm(lines, { asOf: AS_OF }) as RfmResult;
    expect(scored.customers.map((c) => [c.id, c.frequency, c.monetary])).toEqual([['A', 2, 30], ['B', 1, 7]]);
  });

  it('maps the score grid as the rules table says', () => {
    expect(rfmSegment(5, 5, 5)).toBe('Champions');
    expect(rfmSegment(5, 1, 1)).toBe('New');
    expect(rfmSegment(4, 1, 1)).toBe('Promising');
    expect(rfmSegment(3, 3, 3)).toBe('Need Attention');
    expect(rfmSegment(3, 2, 1)).toBe('About to Sleep'); // FM = ⌈1.5⌉ = 2
    expect(rfmSegment(2, 3, 4)).toBe('At Risk');
    expect(rfmSegment(1, 5, 5)).toBe("Can't Lose");
    expect(rfmSegment(1, 1, 1)).toBe('Lost');
    expect(rfmSegment(1, 2, 2)).toBe('Hibernating');
    // Every cell of the grid is covered by some rule.
    for (let r = 1; r <= 5; r++) {
      for (let fm = 1; fm <= 5; fm++) {
        expect(RFM_SEGMENT_RULES.some((rule) => r >= rule.r[0] && r <= rule.r[1] && fm >= rule.fm[0] && fm <= rule.fm[1])).toBe(true);
      }
    }
  });

  it('gives quintiles 1–5 to five distinct values and equal scores to equal values', () => {
    expect([...quintileScores(Float64Array.of(50, 10, 40, 20, 30))]).toEqual([5, 1, 4, 2, 3]);
    expect([...quintileScores(Float64Array.of(7, 7, 7, 7))]).toEqual([1, 1, 1, 1]);
    expect([...quintileScores(Float64Array.of(1, 2, 2, 2, 2, 3, 4, 5, 6, 7))]).toEqual([1, 1, 1, 1, 1, 3, 4, 4, 5, 5]);
  });

  it('keeps quintile scores within 1–5, equal for equal values and ordered like the values', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -5, max: 20 }), { minLength: 1, maxLength: 80 }), (values) => {
      const scores = quintileScores(Float64Array.from(values));
      values.forEach((v, i) => {
        expect(scores[i]).toBeGreaterThanOrEqual(1);
        expect(scores[i]).toBeLessThanOrEqual(5);
        values.forEach((w, j) => {
          if (v === w) expect(scores[i]).toBe(scores[j]);
          if (v < w) expect(scores[i]).toBeLessThanOrEqual(scores[j]);
        });
      });
      // The lowest value always scores 1; tied top values share their first rank, so may score below 5.
      expect(scores[values.indexOf(Math.min(...values))]).toBe(1);
    }));
  });

  it('says why it cannot compute', () => {
    expect(rfm(makeOrders([{ date: '2026-01-01', amount: 5 }]))).toEqual({ error: '#VALUE!', reason: 'the orders have no customer column' });
    expect(isMetricError(rfm(makeOrders([{ date: '2026-01-01', amount: -5, customer: 'A' }])))).toBe(true);
  });
});

describe('customer lists', () => {
  const orders = makeOrders([
    { date: '2026-01-01', amount: 100, customer: 'A' },
    { date: '2026-01-11', amount: 100, customer: 'A' },
    { date: '2026-01-21', amount: 100, customer: 'A' }, // usual gap 10, silent 25 days: at risk
    { date: '2026-01-01', amount: 100, customer: 'B' },
    { date: '2026-01-31', amount: 100, customer: 'B' },
    { date: '2026-02-10', amount: 100, customer: 'B' }, // median gap 20, silent 5 days
    { date: '2026-01-02', amount: 500, customer: 'C' }, // one order: no usual gap
    { date: '2026-01-01', amount: 10, customer: 'D' },
    { date: '2026-01-01', amount: 10, customer: 'D' }, // same day: not a gap
    { date: '2026-01-05', amount: 10, customer: 'D' },
    { date: '2026-02-14', amount: -5, customer: 'D' }, // a refund is not an order
  ]);

  it('lists customers silent for more than twice their median gap, most valuable first; past three gaps they are lost', () => {
    const a = { id: 'A', lastOrder: '2026-01-21', daysSinceLastOrder: 25, usualGapDays: 10, overdueRatio: 2.5, orderDays: 3, revenue: 300 };
    const d = { id: 'D', lastOrder: '2026-01-05', daysSinceLastOrder: 41, usualGapDays: 4, overdueRatio: 10.25, orderDays: 2, revenue: 25 };
    expect(atRiskCustomers(orders, { asOf: parseDay('2026-02-15')! })).toEqual([a]);
    expect(silentCustomers(orders, { asOf: parseDay('2026-02-15')! })).toEqual({
      atRisk: [a],
      lost: [d],
      factor: 2,
      lostFactor: 3,
      lostAfterDays: 365,
    });
    expect(atRiskCustomers(orders, { asOf: parseDay('2026-02-15')!, factor: 3 })).toEqual([]);
    expect(silentCustomers(orders, { asOf: parseDay('2026-02-15')!, factor: 3 })).toMatchObject({ atRisk: [], lost: [d] });
    expect(silentCustomers(orders, { asOf: parseDay('2026-02-15')!, lostFactor: 20 })).toMatchObject({ atRisk: [a, d], lost: [] });
  });

  it('counts a customer silent for over a year as lost whatever their gap', () => {
    const yearly = makeOrders([
      { date: '2024-01-01', amount: 100, customer: 'Y' },
      { date: '2024-09-01', amount: 100, customer: 'Y' }, // gap 244 days
    ]);
    expect(silentCustomers(yearly, { asOf: parseDay('2025-08-31')! })).toMatchObject({ atRisk: [], lost: [] }); // 364 days
    expect(silentCustomers(yearly, { asOf: parseDay('2025-09-02')! })).toMatchObject({ atRisk: [], lost: [expect.objectContaining({ id: 'Y', daysSinceLastOrder: 366 })] });
    expect(silentCustomers(yearly, { asOf: parseDay('2025-09-02')!, lostAfterDays: 1000 })).toMatchObject({ atRisk: [], lost: [] });
  });

  it('proposes Champions and Loyal customers for a loyalty programme', () => {
    expect(loyaltyCandidates(ORDERS, { asOf: AS_OF })).toEqual([
      expect.objectContaining({ id: 'P', segment: 'Champions' }),
      expect.objectContaining({ id: 'R', segment: 'Loyal' }),
    ]);
    expect(loyaltyCandidates(ORDERS, { asOf: AS_OF, limit: 1 })).toHaveLength(1);
  });
});
