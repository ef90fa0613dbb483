/**
 * Initial states by least squares. With an additive (or no) trend and season the recursion is
 * linear in the states and the observations, x_t = D x_{t−1} + g y_t (D = F − g w′), so the one-step
 * forecasts are ŷ_t = c_t + w′ D^{t−1} x₀, with c_t the forecasts from x₀ = 0. For given smoothing
 * parameters the x₀ that minimises Σ (y_t − ŷ_t)² is an ordinary least-squares fit: the exact
 * maximum-likelihood initial states of an additive-error model (σ² concentrated out), and a close
 * start for a multiplicative-error one. The seasonal states are kept summing to 0.
 */
import type { Cursor, EtsState, ModelSpec, SmoothingParams } from './model';
import { advance, baseOf, forecastOf } from './model';

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
  const out = new ProfileWorkspace();
  if (!profileInto(y, spec, m, params, out)) return null;
  return { level: out.level, trend: out.trend, season: Array.from(out.season.subarray(0, out.seasons)) };
}

/**
 * Buffers for `profileInto`, kept by the caller across the thousands of evaluations of one fit;
 * after a call, the least-squares initial states.
 */
export class ProfileWorkspace {
  level = 0;
  trend = 0;
  /** Seasonal states, newest first: the first `seasons` entries. */
  season = new Float64Array(0);
  seasons = 0;
  private size = -1;
  private m = -1;
  xtx = new Float64Array(0);
  xty = new Float64Array(0);
  a = new Float64Array(0);
  r = new Float64Array(0);
  next = new Float64Array(0);
  l = new Float64Array(0);
  z = new Float64Array(0);
  x = new Float64Array(0);
  ring = new Float64Array(1);

  /** Buffers for k free numbers, p states and a season of m. */
  prepare(k: number, p: number, m: number): void {
    if (k !== this.size) {
      this.size = k;
      this.xtx = new Float64Array(k * k);
      this.xty = new Float64Array(k);
      this.a = new Float64Array(k);
      this.l = new Float64Array(k * k);
      this.z = new Float64Array(k);
      this.x = new Float64Array(k);
    } else {
      this.xtx.fill(0);
      this.xty.fill(0);
      this.a.fill(0);
    }
    if (this.r.length !== p) {
      this.r = new Float64Array(p);
      this.next = new Float64Array(p);
    } else {
      this.r.fill(0);
      this.next.fill(0);
    }
    if (m !== this.m) {
      this.m = m;
      this.ring = new Float64Array(Math.max(1, m));
      this.season = new Float64Array(Math.max(1, m));
    } else this.ring.fill(0);
  }
}

/**
 * `profiledState` into `work`'s buffers, allocating nothing once they have their sizes: false
 * when the normal equations are singular.
 */
export function profileInto(
  y: readonly number[],
  spec: ModelSpec,
  m: number,
  params: SmoothingParams,
  work: ProfileWorkspace,
): boolean {
  const trended = spec.trend !== 'N';
  const seasonal = spec.season !== 'N';
  const seasons = seasonal ? m : 0;
  const sAt = trended ? 2 : 1;
  const p = sAt + seasons;
  // Free numbers: level, trend, and m − 1 seasonal states (the last is minus their sum).
  const k = sAt + (seasonal ? m - 1 : 0);
  const phi = spec.trend === 'Ad' ? params.phi : 1;
  work.prepare(k, p, seasonal ? m : 1);
  // The recursion from x₀ = 0: its forecasts c_t.
  const cursor: Cursor = { level: 0, trend: 0, ring: work.ring, at: 0 };
  const { xtx, xty, a } = work;
  // r = w′ D^{t−1}, the forecast's response to x₀; r₁ = w′ = (1, φ, 0…0, 1).
  let r = work.r;
  let next = work.next;
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
    const swap = r;
    r = next;
    next = swap;
  }
  const theta = work.x;
  if (!solveInto(xtx, xty, k, work.l, work.z, theta)) return false;
  work.level = theta[0];
  work.trend = trended ? theta[1] : 0;
  work.seasons = seasons;
  if (seasonal) {
    let sum = 0;
    for (let j = 0; j < m - 1; j++) {
      work.season[j] = theta[sAt + j];
      sum += theta[sAt + j];
    }
    work.season[m - 1] = -sum;
  }
  return true;
}

/**
 * Solves A x = b for a symmetric positive-definite A given by its lower triangle (row-major k×k),
 * by Cholesky; null when A is not positive definite to working precision.
 */
export function solveSymmetric(lower: Float64Array, b: Float64Array, k: number): number[] | null {
  const x = new Float64Array(k);
  if (!solveInto(lower, b, k, new Float64Array(k * k), new Float64Array(k), x)) return null;
  return Array.from(x);
}

/** `solveSymmetric` into the caller's buffers (l: k×k, z and x: k); false when not positive definite. */
function solveInto(
  lower: Float64Array,
  b: Float64Array,
  k: number,
  l: Float64Array,
  z: Float64Array,
  x: Float64Array,
): boolean {
  let largest = 0;
  for (let i = 0; i < k; i++) largest = max(largest, lower[i * k + i]);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = lower[i * k + j];
      for (let q = 0; q < j; q++) sum -= l[i * k + q] * l[j * k + q];
      if (i === j) {
        if (!(sum > 1e-12 * largest)) return false;
        l[i * k + i] = sqrt(sum);
      } else l[i * k + j] = sum / l[j * k + j];
    }
  }
  for (let i = 0; i < k; i++) {
    let sum = b[i];
    for (let q = 0; q < i; q++) sum -= l[i * k + q] * z[q];
    z[i] = sum / l[i * k + i];
  }
  for (let i = k - 1; i >= 0; i--) {
    let sum = z[i];
    for (let q = i + 1; q < k; q++) sum -= l[q * k + i] * x[q];
    x[i] = sum / l[i * k + i];
  }
  return true;
}
