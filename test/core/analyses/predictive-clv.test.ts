import fc from 'fast-check';
import type { CustomerValue, PredictiveClvReport } from '../../../src/core/analyses/predictive-clv';
import { predictiveClv, predictiveClvReport } from '../../../src/core/analyses/predictive-clv';
import { isMetricError } from '../../../src/core/errors';
import { expectedPurchases } from '../../../src/core/models/bgnbd';
import { expectedAverageSpend } from '../../../src/core/models/gamma-gamma';
import { parseDay } from '../../../src/core/periods';
import { loadCdnow } from '../../support/cdnow';

const BGNBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GG = { p: 6.25, q: 3.74, v: 15.44 };
const CUSTOMER = { id: '00004', frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 };
const MONTH_IN_WEEKS = 365.25 / 12 / 7;

function one(options: Parameters<typeof predictiveClv>[3], gg: typeof GG | null = GG): CustomerValue {
  const result = predictiveClv(BGNBD, gg, [CUSTOMER], options);
  if (isMetricError(result)) throw new Error(result.reason);
  return result[0];
}

describe('predictiveClv', () => {
  it('without discounting is expected spend × expected purchases over the horizon', () => {
    const value = one({ horizon: 12, timeUnit: 'week', discountRate: 0 });
    const purchases = expectedPurchases(BGNBD, 12 * MONTH_IN_WEEKS, CUSTOMER);
    const spend = expectedAverageSpend(GG, 2, 22.35) as number;
    expect(value.expectedPurchases).toBeCloseTo(purchases, 12);
    expect(value.expectedSpend).toBeCloseTo(spend, 12);
    expect(value.clv).toBeCloseTo(spend * purchases, 9);
  });

  it('discounts each month at the monthly equivalent of the annual rate', () => {
    const value = one({ horizon: 2, timeUnit: 'week', discountRate: 0.12 });
    const monthly = Math.pow(1.12, 1 / 12);
    const first = expectedPurchases(BGNBD, MONTH_IN_WEEKS, CUSTOMER);
    const second = expectedPurchases(BGNBD, 2 * MONTH_IN_WEEKS, CUSTOMER) - first;
    const spend = expectedAverageSpend(GG, 2, 22.35) as number;
    expect(value.clv).toBeCloseTo(spend * (first / monthly + second / monthly ** 2), 10);
  });

  it('gives P(alive) and purchases without a spend model, and says why CLV is missing', () => {
    const value = one({ horizon: 12 }, null);
    expect(value.pAlive).toBeGreaterThan(0.7);
    expect(value.expectedSpend).toEqual({ error: '#N/A', reason: 'no spend model' });
    expect(value.clv).toEqual({ error: '#N/A', reason: 'no spend model' });
  });

  it('grows with the horizon and rejects bad options', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 36 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (horizon, rate) => {
      const shorter = one({ horizon, discountRate: rate }).clv as number;
      const longer = one({ horizon: horizon + 1, discountRate: rate }).clv as number;
      expect(longer).toBeGreaterThanOrEqual(shorter);
    }), { numRuns: 50 });
    expect(isMetricError(predictiveClv(BGNBD, GG, [CUSTOMER], { horizon: 1.5 }))).toBe(true);
    expect(isMetricError(predictiveClv(BGNBD, GG, [CUSTOMER], { discountRate: -1 }))).toBe(true);
  });
});

describe('predictiveClvReport on CDNOW', () => {
  it('fits both models and values every calibration customer', () => {
    const report = predictiveClvReport(loadCdnow(), { calibrationEnd: parseDay('1997-09-30')!, timeUnit: 'week', horizon: 12 }) as PredictiveClvReport;
    expect(report.bgnbd.r).toBeCloseTo(0.243, 2);
    expect(report.gammaGamma!.p).toBeCloseTo(6.25, 2);
    expect(report.customers).toHaveLength(2357);
    const first = report.customers[0];
    expect(Object.keys(first)).toEqual(['id', 'frequency', 'recency', 'T', 'monetary', 'pAlive', 'expectedPurchases', 'expectedSpend', 'clv']);
    expect(first.id).toBe('00004');
    for (const c of report.customers) {
      expect(c.pAlive).toBeGreaterThanOrEqual(0);
      expect(c.pAlive).toBeLessThanOrEqual(1);
      expect(c.clv as number).toBeGreaterThanOrEqual(0);
    }
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
