/**
 * The exponential-smoothing state space models (ETS) of Hyndman, Koehler, Ord & Snyder,
 * "Forecasting with Exponential Smoothing" (2008), ch. 2, and Hyndman & Athanasopoulos,
 * "Forecasting: Principles and Practice" (3rd ed.), ch. 8: the recursion that turns a model's
 * parameters and initial states into one-step forecasts, errors and final states.
 *
 * Conventions, as in the book and R's `forecast::ets`:
 * - `beta` and `gamma` are the state-space smoothing parameters (b_t = φ b_{t−1} + β ε_t…), not the
 *   Holt–Winters β* and γ* (β = α β*, γ = (1 − α) γ*).
 * - Seasonal states are listed newest first: `season[0]` is s_t, `season[m − 1]` is s_{t−m+1},
 *   the index the next period uses.
 * - The updates written in terms of the observation are the same for additive and multiplicative
 *   errors (the book's Table 2.3 rearranged); only the error ε_t and the likelihood differ: y − ŷ
 *   for additive errors, (y − ŷ) / ŷ for multiplicative ones.
 */

// Held locally: the hot loops below call them per observation, and some hosts (jest's sandbox)
// make every global `Math` lookup a hundred times slower.
const { abs, log, max } = Math;
const TWO_PI = 2 * Math.PI;

export type ErrorType = 'A' | 'M';
/** None, additive, or additive damped. */
export type TrendType = 'N' | 'A' | 'Ad';
export type SeasonType = 'N' | 'A' | 'M';

export interface ModelSpec {
  readonly error: ErrorType;
  readonly trend: TrendType;
  readonly season: SeasonType;
}

/** Smoothing parameters; `beta` is 0 without a trend, `gamma` 0 without a season, `phi` 1 unless damped. */
export interface SmoothingParams {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
}

/** The states after a period: level, trend (0 without a trend) and seasonal indices, newest first. */
export interface EtsState {
  readonly level: number;
  readonly trend: number;
  readonly season: readonly number[];
}

/** A model with every number fixed: what the recursion needs. */
export interface EtsModel {
  readonly spec: ModelSpec;
  /** Season length m; 1 when the model has no season. */
  readonly seasonLength: number;
  readonly params: SmoothingParams;
  /** States at time 0, before the first observation. */
  readonly initial: EtsState;
}

/**
 * The model's name in the book's notation.
 * @example modelName({ error: 'M', trend: 'Ad', season: 'M' }) // 'ETS(M,Ad,M)'
 */
export function modelName(spec: ModelSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

/**
 * The model in words, for people who do not read the notation.
 * @example modelWords({ error: 'M', trend: 'Ad', season: 'M' }, 12) // 'damped trend, multiplicative season of 12, multiplicative errors'
 * @example modelWords({ error: 'A', trend: 'N', season: 'N' }, 1) // 'no trend, no season, additive errors'
 */
export function modelWords(spec: ModelSpec, seasonLength: number): string {
  const trend = { N: 'no trend', A: 'linear trend', Ad: 'damped trend' }[spec.trend];
  const season =
    spec.season === 'N'
      ? 'no season'
      : `${spec.season === 'M' ? 'multiplicative' : 'additive'} season of ${seasonLength}`;
  return `${trend}, ${season}, ${spec.error === 'M' ? 'multiplicative' : 'additive'} errors`;
}

/**
 * Reads a model from `ETS(M,Ad,M)`, `M,Ad,M` or `MAdM` (case-insensitive); null when it is not one.
 * @example parseModelSpec('AAdN') // { error: 'A', trend: 'Ad', season: 'N' }
 */
export function parseModelSpec(text: string): ModelSpec | null {
  const compact = text
    .trim()
    .toUpperCase()
    .replace(/^ETS\((.*)\)$/, '$1')
    .replace(/[\s,]/g, '');
  const match = /^([AM])(N|AD|A)([NAM])$/.exec(compact);
  if (!match) return null;
  const trend = match[2] === 'AD' ? 'Ad' : (match[2] as TrendType);
  return { error: match[1] as ErrorType, trend, season: match[3] as SeasonType };
}

/** The recursion's mutable state: the season ring holds m indices with `at` on the oldest. */
export interface Cursor {
  level: number;
  trend: number;
  readonly ring: Float64Array;
  at: number;
}

export function cursorOf(state: EtsState, m: number): Cursor {
  const ring = new Float64Array(Math.max(1, m));
  // Oldest first: ring[k] = season[m − 1 − k].
  for (let k = 0; k < m; k++) ring[k] = state.season[m - 1 - k] ?? 0;
  return { level: state.level, trend: state.trend, ring, at: 0 };
}

export function stateOf(cursor: Cursor, spec: ModelSpec, m: number): EtsState {
  const season: number[] = [];
  if (spec.season !== 'N')
    for (let j = 0; j < m; j++) season.push(cursor.ring[(cursor.at - 1 - j + 2 * m) % m]);
  return { level: cursor.level, trend: spec.trend === 'N' ? 0 : cursor.trend, season };
}

/** The level-and-trend part of the next one-step forecast: ℓ + φ b (ℓ without a trend). */
export function baseOf(cursor: Cursor, spec: ModelSpec, phi: number): number {
  return spec.trend === 'N' ? cursor.level : cursor.level + phi * cursor.trend;
}

/** The one-step forecast ŷ from the base q and the season index s_{t−m}. */
export function forecastOf(spec: ModelSpec, base: number, seasonIndex: number): number {
  if (spec.season === 'A') return base + seasonIndex;
  if (spec.season === 'M') return base * seasonIndex;
  return base;
}

/**
 * Moves the cursor past observation y (base = ℓ + φb before the update, seasonIndex = s_{t−m}):
 * ℓ = q + α(p − q) with p the seasonally adjusted y; b = φb + β(p − q); s_t = s_{t−m} + γ(y ⊖ q − s_{t−m}).
 */
export function advance(
  cursor: Cursor,
  spec: ModelSpec,
  params: SmoothingParams,
  m: number,
  y: number,
  base: number,
  seasonIndex: number,
): void {
  const adjusted = spec.season === 'A' ? y - seasonIndex : spec.season === 'M' ? y / seasonIndex : y;
  cursor.level = base + params.alpha * (adjusted - base);
  if (spec.trend !== 'N') cursor.trend = params.phi * cursor.trend + params.beta * (adjusted - base);
  if (spec.season !== 'N') {
    const detrended = spec.season === 'A' ? y - base : y / base;
    cursor.ring[cursor.at] = seasonIndex + params.gamma * (detrended - seasonIndex);
    cursor.at = (cursor.at + 1) % m;
  }
}

/** What one pass of the recursion over the data gives. */
export interface FilterResult {
  /** False when a forecast or a season index left the values the model can use (see `filter`). */
  readonly ok: boolean;
  /** Sum of squared errors ε (absolute for additive errors, relative for multiplicative ones). */
  readonly sse: number;
  /** Σ log|ŷ_t|, the multiplicative-error likelihood's extra term (0 for additive errors). */
  readonly sumLogForecast: number;
  readonly fitted: Float64Array;
  readonly errors: Float64Array;
  readonly final: EtsState;
}

/**
 * Runs the recursion over `y` from the model's initial states. A multiplicative-error model needs
 * positive one-step forecasts, and a multiplicative season non-zero indices and level: otherwise
 * `ok` is false and the pass stops there.
 * @example filter(model, [30, 19, 25, 27]).sse // the sum of squared one-step errors
 */
export function filter(model: EtsModel, y: ArrayLike<number>): FilterResult {
  const { spec, params } = model;
  const m = spec.season === 'N' ? 1 : model.seasonLength;
  const cursor = cursorOf(model.initial, m);
  const n = y.length;
  const fitted = new Float64Array(n);
  const errors = new Float64Array(n);
  let sse = 0;
  let sumLogForecast = 0;
  let ok = true;
  for (let t = 0; t < n; t++) {
    const base = baseOf(cursor, spec, params.phi);
    const seasonIndex = cursor.ring[cursor.at];
    if (spec.season === 'M' && !(Math.abs(seasonIndex) > 1e-10 && Math.abs(base) > 1e-10)) {
      ok = false;
      break;
    }
    const yhat = forecastOf(spec, base, seasonIndex);
    fitted[t] = yhat;
    let e: number;
    if (spec.error === 'A') e = y[t] - yhat;
    else {
      if (!(yhat > 1e-10)) {
        ok = false;
        break;
      }
      e = (y[t] - yhat) / yhat;
      sumLogForecast += Math.log(yhat);
    }
    errors[t] = e;
    sse += e * e;
    advance(cursor, spec, params, m, y[t], base, seasonIndex);
  }
  if (!Number.isFinite(sse)) ok = false;
  return { ok, sse, sumLogForecast, fitted, errors, final: stateOf(cursor, spec, m) };
}

/**
 * −2 log L of the model on `y` with σ² concentrated out, without keeping the fitted values: the
 * optimiser's objective. Infinity where `filter` would not be ok.
 */
export function minusTwoLogLikelihood(model: EtsModel, y: ArrayLike<number>): number {
  const m = model.spec.season === 'N' ? 1 : model.seasonLength;
  return likelihoodFrom(
    model.spec,
    m,
    model.params,
    model.initial.level,
    model.initial.trend,
    model.initial.season,
    y,
    new Float64Array(m),
  );
}

/**
 * `minusTwoLogLikelihood` of the model with these smoothing parameters and initial states
 * (seasonal states newest first, m of them with a season), the season's ring in `ring` (at least
 * m long, overwritten): the optimiser's objective, allocating nothing.
 */
export function likelihoodFrom(
  spec: ModelSpec,
  m: number,
  params: SmoothingParams,
  initialLevel: number,
  initialTrend: number,
  initialSeason: ArrayLike<number>,
  y: ArrayLike<number>,
  ring: Float64Array,
): number {
  // The recursion of `filter` and `advance`, written out with local variables: this runs
  // thousands of times per fit.
  const { alpha, beta, gamma, phi } = params;
  const trended = spec.trend !== 'N';
  const season = spec.season === 'A' ? 1 : spec.season === 'M' ? 2 : 0;
  const multiplicativeError = spec.error === 'M';
  for (let k = 0; k < m; k++) ring[k] = initialSeason[m - 1 - k] ?? 0;
  let at = 0;
  let level = initialLevel;
  let trend = trended ? initialTrend : 0;
  const n = y.length;
  let sse = 0;
  let sumLogForecast = 0;
  for (let t = 0; t < n; t++) {
    const base = trended ? level + phi * trend : level;
    const s = ring[at];
    const yt = y[t];
    let yhat = base;
    let adjusted = yt;
    let detrended = 0;
    if (season === 1) {
      yhat = base + s;
      adjusted = yt - s;
      detrended = yt - base;
    } else if (season === 2) {
      if (!(abs(s) > 1e-10 && abs(base) > 1e-10)) return Infinity;
      yhat = base * s;
      adjusted = yt / s;
      detrended = yt / base;
    }
    if (multiplicativeError) {
      if (!(yhat > 1e-10)) return Infinity;
      const e = (yt - yhat) / yhat;
      sse += e * e;
      sumLogForecast += log(yhat);
    } else sse += (yt - yhat) * (yt - yhat);
    level = base + alpha * (adjusted - base);
    if (trended) trend = phi * trend + beta * (adjusted - base);
    if (season !== 0) {
      ring[at] = s + gamma * (detrended - s);
      at = at + 1 === m ? 0 : at + 1;
    }
  }
  return likelihoodFromSums(n, sse, sumLogForecast);
}

/** Smallest −2 log L kept, as R does: a perfect fit would otherwise be −∞. */
const FLOOR = -1e10;

/** −2 log L = n log(2π σ̂² e) + 2 Σ log|ŷ| from the sums of a pass, σ̂² = SSE / n. */
export function likelihoodFromSums(n: number, sse: number, sumLogForecast: number): number {
  if (!(sse >= 0) || !Number.isFinite(sse)) return Infinity;
  const value = n * log((TWO_PI * sse) / n) + n + 2 * sumLogForecast;
  return max(value, FLOOR);
}

/**
 * Point forecasts 1..h steps after `state`: (ℓ + φ_h b) ⊕ s, φ_h = φ + φ² + … + φ^h (h without
 * damping), the season index of the same period a season earlier.
 * @example pointForecasts(spec, 4, params, fit.final, 8)
 */
export function pointForecasts(
  spec: ModelSpec,
  seasonLength: number,
  params: SmoothingParams,
  state: EtsState,
  h: number,
): number[] {
  const m = spec.season === 'N' ? 1 : seasonLength;
  const out: number[] = [];
  let phiSum = 0;
  let phiPower = 1;
  for (let k = 1; k <= h; k++) {
    phiPower *= params.phi;
    phiSum += phiPower;
    const base = spec.trend === 'N' ? state.level : state.level + phiSum * state.trend;
    // Step k uses s_{n+k−m⌈k/m⌉}: newest-first index m − 1 − ((k − 1) mod m).
    const seasonIndex = spec.season === 'N' ? 0 : state.season[m - 1 - ((k - 1) % m)];
    out.push(forecastOf(spec, base, seasonIndex));
  }
  return out;
}

/**
 * One future path from `state` with the given errors ε_1..ε_h: y = ŷ + ε (additive) or ŷ(1 + ε)
 * (multiplicative), each fed back into the states, as R's `simulate.ets` does with `innov`.
 * @example simulatePath(spec, 4, params, fit.final, [0.1, -0.2, 0, 0.05])
 */
export function simulatePath(
  spec: ModelSpec,
  seasonLength: number,
  params: SmoothingParams,
  state: EtsState,
  errors: ArrayLike<number>,
): number[] {
  const m = spec.season === 'N' ? 1 : seasonLength;
  const cursor = cursorOf(state, m);
  const out: number[] = [];
  for (let k = 0; k < errors.length; k++) {
    const base = baseOf(cursor, spec, params.phi);
    const seasonIndex = cursor.ring[cursor.at];
    const yhat = forecastOf(spec, base, seasonIndex);
    const y = spec.error === 'A' ? yhat + errors[k] : yhat * (1 + errors[k]);
    out.push(y);
    advance(cursor, spec, params, m, y, base, seasonIndex);
  }
  return out;
}
