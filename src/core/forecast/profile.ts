/**
 * Initial states by least squares. With an additive (or no) trend and season the recursion is
 * linear in the states and the observations, x_t = D x_{t−1} + g y_t (D = F − g w′), so the one-step
 * forecasts are ŷ_t = c_t + w′ D^{t−1} x₀, with c_t the forecasts from x₀ = 0. For given smoothing
 * parameters the x₀ that minimises Σ (y_t − ŷ_t)² is an ordinary least-squares fit: the exact
 * maximum-likelihood initial states of an additive-error model (σ² concentrated out), and a close
 * start for a multiplicative-error one. The seasonal states are kept summing to 0.
 */
import type { EtsModel, EtsState, ModelSpec, SmoothingParams } from './model';
import { advance, baseOf, cursorOf, forecastOf } from './model';

// Held locally: some hosts (jest's sandbox) make every global `Math` lookup a hundred times slower.
const { max, sqrt } = Math;

/** True when the one-step forecasts are linear in the initial states (no multiplicative season). */
export function isLinear(spec: ModelSpec): boolean {
  return spec.season !== 'M';
}

/**
 * The least-squares initial states of a linear model for the given parameters; null when the
 * normal equations are singular (too few values for the states).
 * @example profiledState(y, { error: 'A', trend: 'A', season: 'A' }, 4, params)?.level
 */
export function profiledState(
  y: readonly number[],
  spec: ModelSpec,
  m: number,
  params: SmoothingParams,
): EtsState | null {
  const trended = spec.trend !== 'N';
  const seasonal = spec.season !== 'N';
  const seasons = seasonal ? m : 0;
  const sAt = trended ? 2 : 1;
  const p = sAt + seasons;
  // Free numbers: level, trend, and m − 1 seasonal states (the last is minus their sum).
  const k = sAt + (seasonal ? m - 1 : 0);
  const phi = spec.trend === 'Ad' ? params.phi : 1;
  const zero: EtsModel = {
    spec,
    seasonLength: m,
    params,
    initial: { level: 0, trend: 0, season: new Array<number>(seasons).fill(0) },
  };
  const cursor = cursorOf(zero.initial, seasonal ? m : 1);
  const xtx = new Float64Array(k * k);
  const xty = new Float64Array(k);
  const a = new Float64Array(k);
  // r = w′ D^{t−1}, the forecast's response to x₀; r₁ = w′ = (1, φ, 0…0, 1).
  let r = new Float64Array(p);
  let next = new Float64Array(p);
  r[0] = 1;
  if (trended) r[1] = phi;
  if (seasonal) r[sAt + m - 1] += 1;
  for (let t = 0; t < y.length; t++) {
    const base = baseOf(cursor, spec, phi);
    const seasonIndex = cursor.ring[cursor.at];
    const c = forecastOf(spec, base, seasonIndex);
    advance(cursor, spec, params, seasonal ? m : 1, y[t], base, seasonIndex);
    a[0] = r[0];
    if (trended) a[1] = r[1];
    if (seasonal) for (let j = 0; j < m - 1; j++) a[sAt + j] = r[sAt + j] - r[sAt + m - 1];
    const target = y[t] - c;
    for (let i = 0; i < k; i++) {
      xty[i] += a[i] * target;
      for (let j = 0; j <= i; j++) xtx[i * k + j] += a[i] * a[j];
    }
    // r′D = r′F − (r′g) w′.
    const rg =
      r[0] * params.alpha + (trended ? r[1] * params.beta : 0) + (seasonal ? r[sAt] * params.gamma : 0);
    next[0] = r[0] - rg;
    if (trended) next[1] = phi * (r[0] + r[1]) - rg * phi;
    if (seasonal) {
      for (let j = 0; j < m - 1; j++) next[sAt + j] = r[sAt + j + 1];
      next[sAt + m - 1] = r[sAt] - rg;
    }
    [r, next] = [next, r];
  }
  const theta = solveSymmetric(xtx, xty, k);
  if (!theta) return null;
  const season: number[] = [];
  if (seasonal) {
    let sum = 0;
    for (let j = 0; j < m - 1; j++) (season.push(theta[sAt + j]), (sum += theta[sAt + j]));
    season.push(-sum);
  }
  return { level: theta[0], trend: trended ? theta[1] : 0, season };
}

/**
 * Solves A x = b for a symmetric positive-definite A given by its lower triangle (row-major k×k),
 * by Cholesky; null when A is not positive definite to working precision.
 */
export function solveSymmetric(lower: Float64Array, b: Float64Array, k: number): number[] | null {
  const l = new Float64Array(k * k);
  let largest = 0;
  for (let i = 0; i < k; i++) largest = max(largest, lower[i * k + i]);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = lower[i * k + j];
      for (let q = 0; q < j; q++) sum -= l[i * k + q] * l[j * k + q];
      if (i === j) {
        if (!(sum > 1e-12 * largest)) return null;
        l[i * k + i] = sqrt(sum);
      } else l[i * k + j] = sum / l[j * k + j];
    }
  }
  const z = new Array<number>(k);
  for (let i = 0; i < k; i++) {
    let sum = b[i];
    for (let q = 0; q < i; q++) sum -= l[i * k + q] * z[q];
    z[i] = sum / l[i * k + i];
  }
  const x = new Array<number>(k);
  for (let i = k - 1; i >= 0; i--) {
    let sum = z[i];
    for (let q = i + 1; q < k; q++) sum -= l[q * k + i] * x[q];
    x[i] = sum / l[i * k + i];
  }
  return x;
}
