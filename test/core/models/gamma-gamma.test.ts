import { customerSummary } from '../../../src/core/analyses/customers';
import { isMetricError } from '../../../src/core/errors';
import type { GammaGammaFit } from '../../../src/core/models/gamma-gamma';
import {
  expectedAverageSpend,
  fitGammaGamma,
  gammaGammaLogLikelihood,
} from '../../../src/core/models/gamma-gamma';
import { parseDay } from '../../../src/core/periods';
import { loadCdnow } from '../../support/cdnow';

/** ln Γ(n) for a positive integer or half-integer n by its recurrence, independent of the Lanczos code. */
function lnGammaByRecurrence(n: number): number {
  let value = Number.isInteger(n) ? 0 : 0.5 * Math.log(Math.PI);
  for (let k = Number.isInteger(n) ? 1 : 0.5; k < n; k++) value += Math.log(k);
  return value;
}

describe('Gamma-Gamma spend model', () => {
  it('computes the likelihood of one customer as the density formula gives it', () => {
    // p = 2, q = 3, v = 10, x = 2, m = 5: px = 4.
    const direct =
      lnGammaByRecurrence(7) -
      lnGammaByRecurrence(4) -
      lnGammaByRecurrence(3) +
      3 * Math.log(10) +
      3 * Math.log(5) +
      4 * Math.log(2) -
      7 * Math.log(2 * 5 + 10);
    expect(gammaGammaLogLikelihood({ p: 2, q: 3, v: 10 }, [{ frequency: 2, monetary: 5 }])).toBeCloseTo(
      direct,
      12,
    );
    // Customers without repeats or spend are left out.
    expect(gammaGammaLogLikelihood({ p: 2, q: 3, v: 10 }, [{ frequency: 0, monetary: 0 }])).toBe(0);
  });

  it('fits CDNOW repeat buyers of the calibration period to the published p = 6.25, q = 3.74, v = 15.44', () => {
    const summary = customerSummary(loadCdnow(), {
      calibrationEnd: parseDay('1997-09-30')!,
      timeUnit: 'week',
    });
    if (isMetricError(summary)) throw new Error(summary.reason);
    const fit = fitGammaGamma(summary) as GammaGammaFit;
    expect(fit.customers).toBe(946);
    expect(fit.p).toBeCloseTo(6.25, 2);
    expect(fit.q).toBeCloseTo(3.74, 2);
    expect(fit.v).toBeCloseTo(15.44, 1);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(
      gammaGammaLogLikelihood({ p: 6.25, q: 3.74, v: 15.44 }, summary),
    );
  });

  it('shrinks a customer mean towards the population mean', () => {
    const params = { p: 6.25, q: 3.74, v: 15.44 };
    const population = (6.25 * 15.44) / 2.74;
    expect(expectedAverageSpend(params, 0, 0)).toBeCloseTo(population, 12);
    // Weighted average: (q−1)/(px+q−1) · population + px/(px+q−1) · m
    const weight = (6.25 * 3) / (6.25 * 3 + 2.74);
    expect(expectedAverageSpend(params, 3, 50)).toBeCloseTo((1 - weight) * population + weight * 50, 12);
    expect(isMetricError(expectedAverageSpend({ p: 1, q: 0.9, v: 1 }, 1, 10))).toBe(true);
  });

  it('says why it cannot fit', () => {
    expect(fitGammaGamma([{ frequency: 1, monetary: 10 }])).toEqual({
      error: '#N/A',
      reason: 'fewer than two repeat buyers with a positive spend',
    });
  });
});
