/**
 * Where a model's smoothing parameters may lie: the usual bounds (0 < α < 1, 0 < β < α,
 * 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98, each kept 10⁻⁴ inside, as R's `forecast::ets` does) and the
 * admissible region of Hyndman et al. (2008, ch. 10; Hyndman, Akram & Archibald 2008): the
 * discount matrix D = F − g w′ has every eigenvalue inside the unit circle, so the distant past
 * fades from the forecasts. Both must hold (R's `bounds = "both"`). The linear models' region is
 * applied to the multiplicative ones too, as R does: for them it has no exact counterpart.
 */
import type { ModelSpec, SmoothingParams } from './model';

// Held locally: the optimiser checks admissibility thousands of times per fit, and some hosts
// (jest's sandbox) make every global `Math` lookup a hundred times slower.
const { abs, max, min } = Math;

/** R's tolerance on the roots' moduli. */
const ROOT_TOLERANCE = 1e-10;

export const PARAM_BOUNDS = {
  lower: { alpha: 1e-4, beta: 1e-4, gamma: 1e-4, phi: 0.8 },
  upper: { alpha: 0.9999, beta: 0.9999, gamma: 0.9999, phi: 0.98 },
} as const;

/** True when the parameters the model uses lie within the usual bounds. */
export function withinUsualBounds(spec: ModelSpec, p: SmoothingParams): boolean {
  const { lower, upper } = PARAM_BOUNDS;
  if (!(p.alpha >= lower.alpha && p.alpha <= upper.alpha)) return false;
  if (spec.trend !== 'N' && !(p.beta >= lower.beta && p.beta <= min(p.alpha, upper.beta))) return false;
  if (spec.trend === 'Ad' && !(p.phi >= lower.phi && p.phi <= upper.phi)) return false;
  if (spec.season !== 'N' && !(p.gamma >= lower.gamma && p.gamma <= min(1 - p.alpha, upper.gamma)))
    return false;
  return true;
}

/**
 * Coefficients (constant term first) of the characteristic polynomial of the discount matrix
 * D = F − g w′, without the root at 1 that every seasonal model has (adding a constant to every
 * seasonal index and taking it off the level changes no forecast; the normalised model of
 * Hyndman et al. 2008, ch. 8, has the same other roots):
 * - no trend, no season: z − (1 − α);
 * - trend: z² − (1 − α + φ − βφ) z + φ(1 − α);
 * - season, no trend: z^m + α(z^{m−1} + … + z) + (α + γ − 1);
 * - trend and season: z^{m+1} + (α+βφ−φ) z^m + (α+βφ−αφ)(z^{m−1} + … + z²) + (α+βφ−αφ+γ−1) z + φ(1−α−γ).
 * R's `forecast::ets` writes β where this parametrisation (b_t = φ b_{t−1} + β ε_t) has βφ; the two
 * agree for undamped trends.
 * @example discountPolynomial({ error: 'A', trend: 'N', season: 'N' }, 1, { alpha: 0.3, beta: 0, gamma: 0, phi: 1 }) // [-0.7, 1]
 */
export function discountPolynomial(spec: ModelSpec, m: number, p: SmoothingParams): number[] {
  const alpha = p.alpha;
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const beta = spec.trend === 'N' ? 0 : p.beta;
  const seasonal = spec.season !== 'N' && m > 1;
  if (!seasonal) {
    if (spec.trend === 'N') return [alpha - 1, 1];
    return [phi * (1 - alpha), -(1 - alpha + phi - beta * phi), 1];
  }
  const gamma = p.gamma;
  if (spec.trend === 'N') return [alpha + gamma - 1, ...new Array<number>(m - 1).fill(alpha), 1];
  const middle = alpha + beta * phi - alpha * phi;
  return [
    phi * (1 - alpha - gamma),
    middle + gamma - 1,
    ...new Array<number>(m - 2).fill(middle),
    alpha + beta * phi - phi,
    1,
  ];
}

/**
 * True when every root of the real polynomial (constant term first) has modulus below
 * 1 + tolerance. Schur–Cohn–Jury recursion: with p*(z) the reversed polynomial, p has all its roots
 * in the disc iff |a₀| < |aₙ| and (aₙ p(z) − a₀ p*(z)) / z has; no root finding.
 * @example rootsInsideUnitCircle([-0.45, 0.4, 1]) // (z − 0.5)(z + 0.9): true
 */
export function rootsInsideUnitCircle(coefficients: readonly number[], tolerance = ROOT_TOLERANCE): boolean {
  let n = coefficients.length - 1;
  while (n > 0 && coefficients[n] === 0) n--;
  const a = Float64Array.from(coefficients.slice(0, n + 1));
  return juryInside(a, new Float64Array(n + 1), n, 1 + tolerance);
}

/**
 * The Schur–Cohn–Jury recursion on `a[0..n]` (constant term first), in place: `next` is scratch
 * of the same length. Roots of p inside radius r ⇔ roots of p(r z) inside the unit disc.
 */
function juryInside(a: Float64Array, next: Float64Array, n: number, radius: number): boolean {
  for (let k = 0, power = 1; k <= n; k++, power *= radius) a[k] = a[k] * power;
  for (; n > 0; n--) {
    const lead = a[n];
    const constant = a[0];
    if (!(abs(constant) < abs(lead))) return false;
    let largest = 0;
    for (let k = 0; k < n; k++) {
      next[k] = lead * a[k + 1] - constant * a[n - 1 - k];
      largest = max(largest, abs(next[k]));
    }
    if (!(largest > 0)) return false;
    for (let k = 0; k < n; k++) next[k] /= largest;
    const swap = a;
    a = next;
    next = swap;
  }
  return true;
}

/**
 * True when the discount matrix's roots (`discountPolynomial`) lie inside the unit circle
 * (with R's tolerance of 10⁻¹⁰), and φ within [0, 1].
 */
export function isAdmissible(spec: ModelSpec, m: number, p: SmoothingParams): boolean {
  if (spec.trend === 'Ad' && (p.phi < 0 || p.phi > 1 + 1e-8)) return false;
  return rootsInsideUnitCircle(discountPolynomial(spec, m, p));
}

/**
 * Usual bounds and admissible region together. The characteristic polynomial is looked at only
 * where the usual bounds can leave the admissible region, the seasonal models (R's `admissible`
 * likewise tests polynomial roots for seasonal models only): without a season the usual bounds lie
 * inside it. With no trend the root 1 − α is in (0, 1). With a trend, z² + a₁z + a₀ has both roots
 * in the disc iff |a₀| < 1, p(1) > 0 and p(−1) > 0 (Jury): a₀ = φ(1 − α) ∈ (0, 1),
 * p(1) = α(1 − φ) + βφ ≥ 8·10⁻⁵ and p(−1) = 2 − α + φ(2 − α − β) > 1, margins far beyond the
 * 10⁻¹⁰ tolerance and round-off. The seasonal test is `rootsInsideUnitCircle(discountPolynomial)`
 * step for step, in reused buffers: the optimiser calls this once per likelihood evaluation.
 */
export function isFeasible(spec: ModelSpec, m: number, p: SmoothingParams): boolean {
  if (!withinUsualBounds(spec, p)) return false;
  if (!(spec.season !== 'N' && m > 1)) return true;
  return seasonalRootsInside(spec, m, p);
}

/** Scratch for `seasonalRootsInside`, grown as needed (the recursion never re-enters). */
let juryA = new Float64Array(16);
let juryB = new Float64Array(16);

/**
 * `rootsInsideUnitCircle(discountPolynomial(spec, m, p))` for a seasonal model (m > 1) with the
 * same arithmetic in the same order, so the same answer, without allocating.
 */
function seasonalRootsInside(spec: ModelSpec, m: number, p: SmoothingParams): boolean {
  const alpha = p.alpha;
  const trended = spec.trend !== 'N';
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const beta = trended ? p.beta : 0;
  const gamma = p.gamma;
  const n = trended ? m + 1 : m;
  if (juryA.length < n + 1) {
    juryA = new Float64Array(2 * (n + 1));
    juryB = new Float64Array(2 * (n + 1));
  }
  const a = juryA;
  const next = juryB;
  // The coefficients of `discountPolynomial`, constant term first; the leading one is 1.
  if (!trended) {
    a[0] = alpha + gamma - 1;
    for (let k = 1; k < m; k++) a[k] = alpha;
  } else {
    const middle = alpha + beta * phi - alpha * phi;
    a[0] = phi * (1 - alpha - gamma);
    a[1] = middle + gamma - 1;
    for (let k = 2; k < m; k++) a[k] = middle;
    a[m] = alpha + beta * phi - phi;
  }
  a[n] = 1;
  return juryInside(a, next, n, 1 + ROOT_TOLERANCE);
}
