import fc from 'fast-check';
import { customerSummary } from '../../../src/core/analyses/customers';
import { isMetricError } from '../../../src/core/errors';
import type { BgNbdFit, RepeatHistory } from '../../../src/core/models/bgnbd';
import {
  bgNbdLogLikelihood,
  expectedPurchases,
  expectedPurchasesAt,
  expectedPurchasesCurve,
  fitBgNbd,
  probabilityAlive,
} from '../../../src/core/models/bgnbd';
import { lnGamma } from '../../../src/core/models/special';
import { parseDay } from '../../../src/core/periods';
import { loadCdnow } from '../../support/cdnow';

const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

function cdnowSummary() {
  const summary = customerSummary(loadCdnow(), { calibrationEnd: parseDay('1997-09-30')!, timeUnit: 'week' });
  if (isMetricError(summary)) throw new Error(summary.reason);
  return summary;
}

/**
 * The paper's likelihood (eq. 6) transcribed directly, without ln Γ: the Gamma and Beta ratios are
 * finite products for integer x, and the customers are summed one by one.
 *   L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *     + δ(x>0) · B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x))
 */
function directLogLikelihood(p: typeof PUBLISHED, customers: readonly RepeatHistory[]): number {
  let total = 0;
  for (const { frequency: x, recency: tx, T } of customers) {
    let gammaRatio = 1; // Γ(r+x)/Γ(r)
    let betaAlive = 1; // B(a, b+x)/B(a, b) = Π (b+i)/(a+b+i)
    for (let i = 0; i < x; i++) {
      gammaRatio *= p.r + i;
      betaAlive *= (p.b + i) / (p.a + p.b + i);
    }
    // B(a+1, b+x−1)/B(a, b) = a · Π_{i<x−1} (b+i) / Π_{i<x} (a+b+i)
    let betaDropped = p.a;
    for (let i = 0; i < x - 1; i++) betaDropped *= p.b + i;
    for (let i = 0; i < x; i++) betaDropped /= p.a + p.b + i;
    const scale = gammaRatio * Math.pow(p.alpha, p.r);
    let likelihood = (betaAlive * scale) / Math.pow(p.alpha + T, p.r + x);
    if (x > 0) likelihood += (betaDropped * scale) / Math.pow(p.alpha + tx, p.r + x);
    total += Math.log(likelihood);
  }
  return total;
}

/** E_p[g(p)] for p ~ Beta(a, b) by Simpson's rule after p = u^(1/a), which removes the p^(a−1) spike. */
function betaExpectation(a: number, b: number, g: (p: number) => number, steps = 20000): number {
  const logBeta = lnGamma(a) + lnGamma(b) - lnGamma(a + b);
  const h = 1 / steps;
  let sum = 0;
  for (let k = 0; k <= steps; k++) {
    const u = k * h;
    // g's limit at p → 0 is finite; a tiny p stands in for it.
    const p = u === 0 ? 1e-12 : Math.pow(u, 1 / a);
    const value = u === 1 ? 0 : g(p) * Math.pow(1 - p, b - 1);
    sum += (k === 0 || k === steps ? 1 : k % 2 === 1 ? 4 : 2) * value;
  }
  return (sum * h) / 3 / (a * Math.exp(logBeta));
}

describe('BG/NBD on CDNOW (calibration to 1997-09-30, weeks)', () => {
  const summary = cdnowSummary();

  it('summarises 2,357 customers, 946 of them repeat buyers, as the paper does', () => {
    expect(summary).toHaveLength(2357);
    expect(summary.filter((c) => c.frequency > 0)).toHaveLength(946);
    // Distinct (customer, day) pairs to 1997-09-30 less one per customer, counted with awk: 4,814 − 2,357.
    expect(summary.reduce((s, c) => s + c.frequency, 0)).toBe(2457);
  });

  it('evaluates the likelihood at the published parameters like a direct transcription of the paper', () => {
    const ll = bgNbdLogLikelihood(PUBLISHED, summary);
    expect(ll).toBeCloseTo(directLogLikelihood(PUBLISHED, summary), 6);
    expect(ll).toBeCloseTo(-9582.4, 0); // the paper reports LL = −9582.4
  });

  it('fits the published parameters to 2 decimals', () => {
    const fit = fitBgNbd(summary) as BgNbdFit;
    expect(isMetricError(fit)).toBe(false);
    expect(fit.converged).toBe(true);
    expect(fit.r).toBeCloseTo(PUBLISHED.r, 2);
    expect(fit.alpha).toBeCloseTo(PUBLISHED.alpha, 2);
    expect(fit.a).toBeCloseTo(PUBLISHED.a, 2);
    expect(fit.b).toBeCloseTo(PUBLISHED.b, 2);
    // A maximum: not below the likelihood at the (rounded) published point.
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgNbdLogLikelihood(PUBLISHED, summary));
  });
});

describe('BG/NBD expectations', () => {
  it('E[X(t)] equals its integral over the dropout probability', () => {
    // Given p: E[X(t) | p] = (1 − (α/(α+pt))^r) / p after integrating λ out.
    const { r, alpha, a, b } = PUBLISHED;
    for (const t of [1, 10, 39, 78]) {
      const direct = betaExpectation(a, b, (p) => -Math.expm1(-r * Math.log1p((p * t) / alpha)) / p);
      expect(expectedPurchasesAt(PUBLISHED, t)).toBeCloseTo(direct, 5);
    }
  });

  it('conditional expectation without repeats equals its integral (α shifted by T)', () => {
    const { r, alpha, a, b } = PUBLISHED;
    const T = 20;
    const direct = betaExpectation(a, b, (p) => -Math.expm1(-r * Math.log1p((p * 52) / (alpha + T))) / p);
    expect(expectedPurchases(PUBLISHED, 52, { frequency: 0, recency: 0, T })).toBeCloseTo(direct, 5);
    // A brand-new customer (T = 0) expects the population curve.
    expect(expectedPurchases(PUBLISHED, 52, { frequency: 0, recency: 0, T: 0 })).toBeCloseTo(
      expectedPurchasesAt(PUBLISHED, 52),
      12,
    );
  });

  it('conditional expectation and P(alive) with repeats equal their integrals over the dropout probability', () => {
    // With λ integrated out, the posterior weights of "alive" and "dropped after the last purchase"
    // are one-dimensional integrals over p ~ Beta(a, b) (all scaled by (α+T)^(r+x)).
    const { r, alpha, a, b } = PUBLISHED;
    const customer = { frequency: 3, recency: 20, T: 35 };
    const { frequency: x, recency: tx, T } = customer;
    const t = 26;
    const odds = Math.pow((alpha + T) / (alpha + tx), r + x);
    const alive = betaExpectation(a, b, (p) => Math.pow(1 - p, x));
    const dropped = betaExpectation(a, b, (p) => p * Math.pow(1 - p, x - 1) * odds);
    const future = betaExpectation(
      a,
      b,
      (p) => (Math.pow(1 - p, x) / p) * -Math.expm1(-(r + x) * Math.log1p((p * t) / (alpha + T))),
    );
    expect(probabilityAlive(PUBLISHED, customer)).toBeCloseTo(alive / (alive + dropped), 6);
    expect(expectedPurchases(PUBLISHED, t, customer)).toBeCloseTo(future / (alive + dropped), 5);
  });

  it('gives the worked-example customer (x = 2, t_x = 30.43, T = 38.86) 1.226 purchases in 39 weeks', () => {
    const customer = { frequency: 2, recency: 30.43, T: 38.86 };
    expect(expectedPurchases(PUBLISHED, 39, customer)).toBeCloseTo(1.226, 3);
    // P(alive) by hand: 1 / (1 + a/(b+1) · ((α+T)/(α+t_x))^(r+2))
    const odds = (0.793 / 3.426) * Math.pow((4.414 + 38.86) / (4.414 + 30.43), 2.243);
    expect(probabilityAlive(PUBLISHED, customer)).toBeCloseTo(1 / (1 + odds), 12);
  });

  it('has a population curve that starts at 0 and rises', () => {
    const curve = expectedPurchasesCurve(PUBLISHED, 78);
    expect(curve).toHaveLength(79);
    expect(curve[0]).toBe(0);
    for (let t = 1; t < curve.length; t++) expect(curve[t]).toBeGreaterThan(curve[t - 1]);
  });

  const history = fc
    .record({
      x: fc.integer({ min: 0, max: 40 }),
      txShare: fc.double({ min: 0, max: 1, noNaN: true }),
      T: fc.double({ min: 0, max: 200, noNaN: true }),
    })
    .map(({ x, txShare, T }) => ({ frequency: x, recency: x === 0 ? 0 : txShare * T, T }));
  const params = fc
    .record({
      r: fc.double({ min: 0.05, max: 5, noNaN: true }),
      alpha: fc.double({ min: 0.1, max: 50, noNaN: true }),
      a: fc.double({ min: 0.05, max: 5, noNaN: true }),
      b: fc.double({ min: 0.05, max: 10, noNaN: true }),
    })
    .filter((p) => Math.abs(p.a - 1) > 1e-3 && p.a + p.b > 1.05);

  it('keeps P(alive) within [0, 1]', () => {
    fc.assert(
      fc.property(params, history, (p, h) => {
        const alive = probabilityAlive(p, h);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never expects fewer purchases over a longer horizon', () => {
    fc.assert(
      fc.property(
        params,
        history,
        fc.double({ min: 0.1, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        (p, h, t, extra) => {
          const shorter = expectedPurchases(p, t, h);
          const longer = expectedPurchases(p, t + extra, h);
          expect(shorter).toBeGreaterThanOrEqual(0);
          expect(longer).toBeGreaterThanOrEqual(shorter - 1e-9 * Math.max(1, shorter));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('returns errors, not exceptions, on data it cannot fit', () => {
    expect(fitBgNbd([])).toEqual({ error: '#N/A', reason: 'no customers to fit' });
    expect(isMetricError(fitBgNbd([{ frequency: 0, recency: 0, T: 10 }]))).toBe(true);
  });
});
