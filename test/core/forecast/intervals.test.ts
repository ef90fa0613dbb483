import {
  additiveIntervals,
  additiveVariances,
  horizonWeights,
  normalQuantile,
  quantileSorted,
  simulatedIntervals,
} from '../../../src/core/forecast/intervals';
import type { ModelSpec, SmoothingParams } from '../../../src/core/forecast/model';
import { pointForecasts } from '../../../src/core/forecast/model';

const p = (alpha: number, beta = 0, gamma = 0, phi = 1): SmoothingParams => ({ alpha, beta, gamma, phi });
const spec = (
  trend: ModelSpec['trend'],
  season: ModelSpec['season'],
  error: ModelSpec['error'] = 'A',
): ModelSpec => ({
  error,
  trend,
  season,
});

describe('normalQuantile', () => {
  it('gives the standard normal quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe('horizonWeights: c_j of Hyndman et al. (2008) Table 6.1', () => {
  const h = 10;
  const phiSum = (phi: number, j: number) =>
    Array.from({ length: j }, (_, i) => phi ** (i + 1)).reduce((a, b) => a + b, 0);
  const d = (j: number, m: number) => (j % m === 0 ? 1 : 0);
  const table: [string, ModelSpec, number, SmoothingParams, (j: number) => number][] = [
    ['ANN: α', spec('N', 'N'), 1, p(0.3), () => 0.3],
    ['AAN: α + βj', spec('A', 'N'), 1, p(0.3, 0.1), (j) => 0.3 + 0.1 * j],
    ['AAdN: α + βφ_j', spec('Ad', 'N'), 1, p(0.3, 0.1, 0, 0.9), (j) => 0.3 + 0.1 * phiSum(0.9, j)],
    ['ANA: α + γ d_{j,m}', spec('N', 'A'), 4, p(0.3, 0, 0.2), (j) => 0.3 + 0.2 * d(j, 4)],
    ['AAA: α + βj + γ d_{j,m}', spec('A', 'A'), 4, p(0.3, 0.1, 0.2), (j) => 0.3 + 0.1 * j + 0.2 * d(j, 4)],
    [
      'AAdA: α + βφ_j + γ d_{j,m}',
      spec('Ad', 'A'),
      3,
      p(0.3, 0.1, 0.2, 0.85),
      (j) => 0.3 + 0.1 * phiSum(0.85, j) + 0.2 * d(j, 3),
    ],
  ];
  it.each(table)('%s', (_, s, m, params, c) => {
    const weights = horizonWeights(s, m, params, h);
    expect(weights).toHaveLength(h - 1);
    weights.forEach((w, i) => expect(w).toBeCloseTo(c(i + 1), 12));
  });

  it('adds them up into the variances σ²(1 + Σ c_j²)', () => {
    // ANN, α = 0.5, σ² = 2: 2, 2(1 + 0.25), 2(1 + 0.5).
    expect(additiveVariances(spec('N', 'N'), 1, p(0.5), 2, 3)).toEqual([2, 2.5, 3]);
  });
});

describe('additiveIntervals', () => {
  it('puts the 80 % and 95 % intervals z σ √v_h either side of the forecast', () => {
    const bounds = additiveIntervals(spec('N', 'N'), 1, p(0.5), 4, [100, 100], [0.8, 0.95]);
    expect(bounds.lower[0][0]).toBeCloseTo(100 - 1.2815515655446004 * 2, 10);
    expect(bounds.upper[0][1]).toBeCloseTo(100 + 1.959963984540054 * 2, 10);
    expect(bounds.upper[1][1]).toBeCloseTo(100 + 1.959963984540054 * Math.sqrt(4 * 1.25), 10);
  });
});

describe('simulatedIntervals', () => {
  it('reads quantiles like PERCENTILE.INC', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 12);
    expect(quantileSorted([5], 0.9)).toBe(5);
  });

  it('matches the exact intervals of an additive model', () => {
    const s = spec('Ad', 'A');
    const params = p(0.35, 0.03, 0.4, 0.95);
    const state = { level: 50, trend: 0.5, season: [5, -7, -1, 3] };
    const mean = pointForecasts(s, 4, params, state, 6);
    const exact = additiveIntervals(s, 4, params, 6, mean, [0.8, 0.95]);
    const simulated = simulatedIntervals(s, 4, params, 6, state, 6, [0.8, 0.95], { paths: 20000, seed: 7 });
    for (let h = 0; h < 6; h++)
      for (let i = 0; i < 2; i++) {
        const width = exact.upper[h][i] - exact.lower[h][i];
        expect(Math.abs(simulated.lower[h][i] - exact.lower[h][i])).toBeLessThan(0.03 * width);
        expect(Math.abs(simulated.upper[h][i] - exact.upper[h][i])).toBeLessThan(0.03 * width);
      }
  });

  it('gives ETS(M,N,N) the spread of the class-2 variance ℓ²[(1 + α²σ²)^{h−1}(1 + σ²) − 1]', () => {
    // Hyndman et al. (2008) §6.3: for ETS(M,N,N) the mean is ℓ and the variance has this closed form.
    const s = spec('N', 'N', 'M');
    const params = p(0.6);
    const sigma2 = 0.01;
    const level = 200;
    const simulated = simulatedIntervals(s, 1, params, sigma2, { level, trend: 0, season: [] }, 4, [0.8], {
      paths: 40000,
      seed: 3,
    });
    for (let h = 1; h <= 4; h++) {
      const variance = level ** 2 * ((1 + params.alpha ** 2 * sigma2) ** (h - 1) * (1 + sigma2) - 1);
      // At σ = 0.1 the distribution is close to normal: the 80 % interval is about ±1.2816 sd.
      const halfWidth = (simulated.upper[h - 1][0] - simulated.lower[h - 1][0]) / 2;
      expect(halfWidth / (1.2815515655446004 * Math.sqrt(variance))).toBeCloseTo(1, 1);
    }
    // One step ahead y = ℓ(1 + ε) exactly: 200 ± 1.2816 × 20.
    expect(simulated.lower[0][0]).toBeCloseTo(200 - 1.2815515655446004 * 20, -0.3);
  });

  it('is repeatable: the same seed gives the same bounds', () => {
    const s = spec('A', 'M', 'M');
    const params = p(0.3, 0.02, 0.1);
    const state = { level: 100, trend: 1, season: [1.1, 0.9, 0.8, 1.2] };
    const a = simulatedIntervals(s, 4, params, 0.002, state, 5, [0.8, 0.95]);
    const b = simulatedIntervals(s, 4, params, 0.002, state, 5, [0.8, 0.95]);
    expect(a).toEqual(b);
    const c = simulatedIntervals(s, 4, params, 0.002, state, 5, [0.8, 0.95], { seed: 2 });
    expect(c).not.toEqual(a);
  });
});
