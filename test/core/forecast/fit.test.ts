import { isMetricError } from '../../../src/core/errors';
import { isFeasible } from '../../../src/core/forecast/admissible';
import type { FittedEts } from '../../../src/core/forecast/fit';
import { fitEts, freeParameters, tooShort } from '../../../src/core/forecast/fit';
import { initialState, seasonalFigure } from '../../../src/core/forecast/initial';
import type { EtsModel, ModelSpec } from '../../../src/core/forecast/model';
import { filter } from '../../../src/core/forecast/model';
import {
  ProfileWorkspace,
  profileInto,
  profiledState,
  solveSymmetric,
} from '../../../src/core/forecast/profile';
import { REFERENCE_FITS, fullLogLikelihood, seriesOf, specOf } from './reference';

function fitted(result: ReturnType<typeof fitEts>): FittedEts {
  if (isMetricError(result)) throw new Error(result.reason);
  return result;
}

describe('fitEts against R’s forecast::ets', () => {
  it.each(REFERENCE_FITS.map((f) => [`${f.model} on ${f.series}`, f] as const))(
    '%s: a likelihood at least as high as R’s, with feasible parameters',
    (_, ref) => {
      const { values, seasonLength } = seriesOf(ref);
      const spec = specOf(ref);
      const fit = fitted(fitEts(values, spec, seasonLength));
      // statsmodels' test of the same fits asks the same: llf ≥ R's − 1e-4.
      expect(fit.logLikelihood).toBeGreaterThanOrEqual(fullLogLikelihood(ref.loglik, values.length) - 1e-4);
      expect(isFeasible(spec, fit.seasonLength, fit.params)).toBe(true);
      if (spec.season !== 'N') {
        const sum = fit.initial.season.reduce((a, b) => a + b, 0);
        expect(sum).toBeCloseTo(spec.season === 'M' ? seasonLength : 0, 8);
      }
    },
  );

  it('counts parameters and σ in the criteria as R does', () => {
    const ref = REFERENCE_FITS.find((f) => f.model === 'ETS(A,Ad,A)')!;
    const { values } = seriesOf(ref);
    const fit = fitted(fitEts(values, specOf(ref), 4));
    // α, β, γ, φ, ℓ₀, b₀ and three free seasonal states; k adds σ.
    expect(fit.parameters).toBe(9);
    const n = values.length;
    const k = 10;
    const m2ll = -2 * fit.logLikelihood;
    expect(fit.aic).toBeCloseTo(m2ll + 2 * k, 8);
    expect(fit.aicc).toBeCloseTo(m2ll + 2 * k + (2 * k * (k + 1)) / (n - k - 1), 8);
    expect(fit.bic).toBeCloseTo(m2ll + Math.log(n) * k, 8);
    const sse = fit.errors.reduce((a, e) => a + e * e, 0);
    expect(fit.sigma2).toBeCloseTo(sse / (n - 9), 8);
    // R's sigma2 for its own (slightly worse) fit is 6.083; ours is of the same size.
    expect(fit.sigma2).toBeGreaterThan(5);
    expect(fit.sigma2).toBeLessThan(ref.sigma2);
    fit.residuals.forEach((r, t) => expect(r).toBeCloseTo(values[t] - fit.fitted[t], 10));
  });

  it('counts free numbers per model', () => {
    expect(freeParameters({ error: 'A', trend: 'N', season: 'N' }, 1)).toBe(2);
    expect(freeParameters({ error: 'M', trend: 'A', season: 'N' }, 1)).toBe(4);
    expect(freeParameters({ error: 'M', trend: 'Ad', season: 'M' }, 12)).toBe(17);
    expect(freeParameters({ error: 'A', trend: 'N', season: 'A' }, 4)).toBe(6);
  });

  it('says when the values are too few or not positive', () => {
    expect(tooShort({ error: 'A', trend: 'N', season: 'A' }, 12, 23)).toMatch(
      /two full seasons \(24 periods\)/,
    );
    expect(tooShort({ error: 'A', trend: 'N', season: 'N' }, 1, 6)).toBe(
      'ETS(A,N,N) needs at least 7 periods',
    );
    expect(tooShort({ error: 'A', trend: 'N', season: 'N' }, 1, 7)).toBeNull();
    const negative = fitEts([3, 4, -1, 5, 6, 7, 8, 9], { error: 'M', trend: 'N', season: 'N' }, 1);
    expect(isMetricError(negative) && negative.reason).toMatch(/values above zero/);
  });

  it('starts from a warm model and finds the same optimum', () => {
    const ref = REFERENCE_FITS.find((f) => f.model === 'ETS(A,A,N)')!;
    const { values } = seriesOf(ref);
    const cold = fitted(fitEts(values, specOf(ref), 1));
    const warm = fitted(fitEts(values, specOf(ref), 1, { start: cold }));
    expect(warm.logLikelihood).toBeCloseTo(cold.logLikelihood, 4);
  });
});

describe('initial states', () => {
  it('reads the seasonal figure of a classical decomposition', () => {
    // 2×4 moving average of a pure pattern plus a line is the line: the figure is the pattern.
    const pattern = [3, -1, -4, 2];
    const y = Array.from({ length: 16 }, (_, t) => 100 + 2 * t + pattern[t % 4]);
    seasonalFigure(y, 4, false).forEach((f, k) => expect(f).toBeCloseTo(pattern[k], 10));
    const ratios = [1.2, 0.9, 0.8, 1.1];
    const z = Array.from({ length: 16 }, (_, t) => 100 * ratios[t % 4]);
    seasonalFigure(z, 4, true).forEach((f, k) => expect(f).toBeCloseTo(ratios[k], 10));
  });

  it('lists the seasonal states newest first and fits a line through the adjusted values', () => {
    const pattern = [3, -1, -4, 2];
    const y = Array.from({ length: 16 }, (_, t) => 100 + 2 * t + pattern[t % 4]);
    const state = initialState(y, { error: 'A', trend: 'A', season: 'A' }, 4);
    // s_0 is the index of the fourth quarter, s_{−3} that of the first.
    expect(state.season.map((s) => Math.round(s * 1e9) / 1e9)).toEqual([2, -4, -1, 3]);
    // Adjusted values 100 + 2t at times t + 1 = 1..10: level at time 0 is 98, slope 2.
    expect(state.level).toBeCloseTo(98, 9);
    expect(state.trend).toBeCloseTo(2, 9);
  });
});

describe('initial states by least squares', () => {
  /**
   * The same least squares the slow, plain way: the one-step forecasts are linear in the free
   * initial states, so each column of the design is the change in the forecasts when one state
   * moves by 1 (the last seasonal state taking up minus the others), found by running the filter.
   */
  function bruteForce(y: number[], spec: ModelSpec, m: number, params: EtsModel['params']): number[] {
    const seasonal = spec.season !== 'N';
    const trended = spec.trend !== 'N';
    const k = 1 + (trended ? 1 : 0) + (seasonal ? m - 1 : 0);
    const stateFrom = (theta: number[]) => {
      const season = seasonal ? theta.slice(trended ? 2 : 1) : [];
      if (seasonal) season.push(-season.reduce((a, b) => a + b, 0));
      return { level: theta[0], trend: trended ? theta[1] : 0, season };
    };
    // The forecasts do not depend on the error type; additive errors let the filter run from 0.
    const additive: ModelSpec = { ...spec, error: 'A' };
    const forecasts = (theta: number[]) =>
      Array.from(filter({ spec: additive, seasonLength: m, params, initial: stateFrom(theta) }, y).fitted);
    const base = forecasts(new Array<number>(k).fill(0));
    const columns = Array.from({ length: k }, (_, i) => {
      const unit = new Array<number>(k).fill(0);
      unit[i] = 1;
      return forecasts(unit).map((f, t) => f - base[t]);
    });
    const xtx = new Float64Array(k * k);
    const xty = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      xty[i] = columns[i].reduce((s, c, t) => s + c * (y[t] - base[t]), 0);
      for (let j = 0; j <= i; j++) xtx[i * k + j] = columns[i].reduce((s, c, t) => s + c * columns[j][t], 0);
    }
    return solveSymmetric(xtx, xty, k)!;
  }

  const aus = seriesOf(REFERENCE_FITS.find((f) => f.series === 'austourists')!).values;
  const cases: [ModelSpec, number, EtsModel['params']][] = [
    [{ error: 'A', trend: 'N', season: 'N' }, 1, { alpha: 0.3, beta: 0, gamma: 0, phi: 1 }],
    [{ error: 'A', trend: 'Ad', season: 'N' }, 1, { alpha: 0.4, beta: 0.05, gamma: 0, phi: 0.9 }],
    [{ error: 'A', trend: 'A', season: 'A' }, 4, { alpha: 0.35, beta: 0.03, gamma: 0.4, phi: 1 }],
    [{ error: 'M', trend: 'Ad', season: 'A' }, 4, { alpha: 0.3, beta: 0.05, gamma: 0.3, phi: 0.87 }],
    [{ error: 'A', trend: 'N', season: 'A' }, 4, { alpha: 0.5, beta: 0, gamma: 0.3, phi: 1 }],
  ];

  it.each(
    cases.map(([spec, m, params]) => [`${spec.error}${spec.trend}${spec.season}`, spec, m, params] as const),
  )('%s: the same states as the plain least squares', (_, spec, m, params) => {
    const state = profiledState(aus, spec, m, params)!;
    const theta = bruteForce(aus, spec, m, params);
    expect(state.level).toBeCloseTo(theta[0], 6);
    if (spec.trend !== 'N') expect(state.trend).toBeCloseTo(theta[1], 6);
    if (spec.season !== 'N') {
      const offset = spec.trend !== 'N' ? 2 : 1;
      for (let j = 0; j < m - 1; j++) expect(state.season[j]).toBeCloseTo(theta[offset + j], 6);
      expect(state.season.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9);
    }
  });

  it('gives the same states, to the bit, from one workspace reused across models and seasons', () => {
    const work = new ProfileWorkspace();
    for (const [spec, m, params] of [
      ...cases,
      ...cases.slice().reverse(),
      [cases[2][0], 2, cases[2][2]] as const,
    ]) {
      const fresh = profiledState(aus, spec, m, params)!;
      expect(profileInto(aus, spec, m, params, work)).toBe(true);
      expect(work.level).toBe(fresh.level);
      expect(work.trend).toBe(fresh.trend);
      expect(Array.from(work.season.subarray(0, work.seasons))).toEqual(fresh.season);
    }
  });

  it('says so when the normal equations are singular (fewer values than states)', () => {
    const spec: ModelSpec = { error: 'A', trend: 'A', season: 'A' };
    const params = { alpha: 0.35, beta: 0.03, gamma: 0.4, phi: 1 };
    expect(profiledState(aus.slice(0, 4), spec, 4, params)).toBeNull();
    expect(profileInto(aus.slice(0, 4), spec, 4, params, new ProfileWorkspace())).toBe(false);
  });
});
