/**
 * Prediction intervals of a fitted ETS model.
 *
 * - Additive errors (the linear class 1 of Hyndman et al. 2008, ch. 6): exact Gaussian intervals,
 *   ŷ_{n+h} ± z σ √v_h, v_h = 1 + Σ_{j=1}^{h−1} c_j², c_j = w′ F^{j−1} g (Table 6.1's α + β j + γ d_{j,m}
 *   and its damped form are the special cases).
 * - Multiplicative errors: no exact formula for every model, so sample paths are simulated with
 *   Gaussian errors of the fitted σ (seeded, so the same data give the same interval) and the
 *   interval is read from their quantiles. The point forecast stays the recursion's ŷ_{n+h}.
 */
import type { Random } from '../sample/random';
import { mulberry32, normal } from '../sample/random';
import type { EtsState, ModelSpec, SmoothingParams } from './model';
import { simulatePath } from './model';

/**
 * Φ⁻¹(p), the standard normal quantile (Wichura 1988, AS 241, about 16 digits).
 * @example normalQuantile(0.975) // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301227 + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) *
          r +
          13731.69376550946) *
          r +
          1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((r * 5226.495278852546 + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) *
        r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((r * 0.0007745450142783414 + 0.022723844989269184) * r + 0.2417807251774506) * r +
        1.2704582524523684) *
        r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((r * 1.0507500716444169e-9 + 0.0005475938084995345) * r + 0.015198666563616457) * r +
        0.14810397642748008) *
        r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((r * 2.0103343992922881e-7 + 0.000027115555687434876) * r + 0.0012426609473880784) * r +
        0.026532189526576124) *
        r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((r * 2.0442631033899397e-15 + 1.421511758316446e-7) * r + 0.000018463183175100548) * r +
        0.0007868691311456133) *
        r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}

/**
 * c_1..c_{h−1} = w′ F^{j−1} g: how much an error now moves the forecast j steps on.
 * @example horizonWeights({ error: 'A', trend: 'N', season: 'N' }, 1, { alpha: 0.3, beta: 0, gamma: 0, phi: 1 }, 3) // [0.3, 0.3]
 */
export function horizonWeights(spec: ModelSpec, m: number, p: SmoothingParams, h: number): number[] {
  const seasonal = spec.season !== 'N';
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  let level = p.alpha;
  let trend = spec.trend === 'N' ? 0 : p.beta;
  // Newest first, as in the state: g puts γ on s_t.
  let season = seasonal ? [p.gamma, ...new Array<number>(m - 1).fill(0)] : [];
  const weights: number[] = [];
  for (let j = 1; j < h; j++) {
    weights.push(level + phi * trend + (seasonal ? season[m - 1] : 0));
    level += phi * trend;
    trend *= phi;
    if (seasonal) season = [season[m - 1], ...season.slice(0, m - 1)];
  }
  return weights;
}

/**
 * Forecast variances σ² v_h for h = 1..horizon of an additive-error model.
 * @example additiveVariances(spec, 1, { alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, 2, 3) // [2, 2.5, 3]
 */
export function additiveVariances(
  spec: ModelSpec,
  m: number,
  p: SmoothingParams,
  sigma2: number,
  horizon: number,
): number[] {
  const weights = horizonWeights(spec, m, p, horizon);
  const variances: number[] = [];
  let sum = 1;
  for (let h = 1; h <= horizon; h++) {
    variances.push(sigma2 * sum);
    if (h <= weights.length) sum += weights[h - 1] ** 2;
  }
  return variances;
}

/**
 * The value below which a share `p` of sorted values lies, interpolating between neighbours
 * (Excel's PERCENTILE.INC).
 * @example quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

export interface IntervalBounds {
  /** lower[h − 1][i] is the lower end of the interval at `levels[i]` for step h. */
  readonly lower: number[][];
  readonly upper: number[][];
}

/** Exact intervals of an additive-error model around its point forecasts. */
export function additiveIntervals(
  spec: ModelSpec,
  m: number,
  p: SmoothingParams,
  sigma2: number,
  mean: readonly number[],
  levels: readonly number[],
): IntervalBounds {
  const variances = additiveVariances(spec, m, p, sigma2, mean.length);
  const z = levels.map((level) => normalQuantile(0.5 + level / 2));
  return {
    lower: mean.map((f, h) => z.map((zi) => f - zi * Math.sqrt(variances[h]))),
    upper: mean.map((f, h) => z.map((zi) => f + zi * Math.sqrt(variances[h]))),
  };
}

export interface SimulationOptions {
  /** Sample paths (default 5000, as R's `forecast.ets`). */
  readonly paths?: number;
  /** Seed of the generator (default 1). */
  readonly seed?: number;
}

/**
 * Intervals from simulated future paths: each path draws ε ~ N(0, σ²) per step and runs the
 * recursion on from the final state; the interval at level L is between the (1 − L)/2 and
 * (1 + L)/2 quantiles of the paths at that step.
 */
export function simulatedIntervals(
  spec: ModelSpec,
  m: number,
  p: SmoothingParams,
  sigma2: number,
  state: EtsState,
  horizon: number,
  levels: readonly number[],
  options: SimulationOptions = {},
): IntervalBounds {
  const paths = Math.max(2, Math.floor(options.paths ?? 5000));
  const random: Random = mulberry32(options.seed ?? 1);
  const sigma = Math.sqrt(sigma2);
  const byStep = Array.from({ length: horizon }, () => new Float64Array(paths));
  const errors = new Float64Array(horizon);
  for (let path = 0; path < paths; path++) {
    for (let k = 0; k < horizon; k++) errors[k] = sigma * normal(random);
    const values = simulatePath(spec, m, p, state, errors);
    for (let k = 0; k < horizon; k++) byStep[k][path] = values[k];
  }
  const lower: number[][] = [];
  const upper: number[][] = [];
  for (const column of byStep) {
    column.sort();
    lower.push(levels.map((level) => quantileSorted(column, 0.5 - level / 2)));
    upper.push(levels.map((level) => quantileSorted(column, 0.5 + level / 2)));
  }
  return { lower, upper };
}
