/**
 * Maximum-likelihood fit of one ETS model: smoothing parameters and initial states, by
 * Nelder–Mead over the usual ∩ admissible region (Hyndman et al. 2008, ch. 5; fpp3 §8.6).
 *
 * The likelihood with σ² concentrated out is −2 log L = n log(2π σ̂² e) + 2 Σ log|ŷ_t| (the last
 * term for multiplicative errors only), σ̂² = Σ ε²/n. AIC, AICc and BIC count the free smoothing
 * parameters and initial states plus σ. The initial seasonal states are m − 1 free numbers; the
 * last one makes them sum to 0 (additive) or m (multiplicative).
 *
 * The search, in stages:
 * - Models without a multiplicative season are linear in their initial states, which least
 *   squares gives for any smoothing parameters (`profile.ts`): the simplex searches the 1–4
 *   smoothing parameters only. For additive errors that is the exact maximum; a
 *   multiplicative-error model then searches all its numbers from there.
 * - A multiplicative season: first the smoothing parameters, level and trend with the seasonal
 *   states at their decomposition values, then everything.
 * - Seasons longer than 24 periods (weeks in a year): a 57-dimensional simplex would not converge,
 *   so the seasonal states stay where least squares (additive season) or the decomposition
 *   (multiplicative season) put them; they are still counted in the criteria.
 */
import type { MetricError } from '../errors';
import { metricError } from '../errors';
import type { MinimizeOptions } from '../models/nelder-mead';
import { minimizeSimplex } from '../models/simplex';
import { isFeasible, PARAM_BOUNDS } from './admissible';
import { initialState } from './initial';
import type { EtsModel, EtsState, ModelSpec, SmoothingParams } from './model';
import { filter, likelihoodFrom, likelihoodFromSums, minusTwoLogLikelihood, modelName } from './model';
import { isLinear, profiledState, profileInto, ProfileWorkspace } from './profile';

/** Seasons up to this length have their initial states optimised. */
export const MAX_OPTIMISED_SEASON = 24;

export interface FittedEts extends EtsModel {
  /** `ETS(M,Ad,M)`. */
  readonly name: string;
  /** Observations fitted. */
  readonly n: number;
  /** Free parameters estimated: smoothing parameters and initial states (σ not counted). */
  readonly parameters: number;
  /** Gaussian log-likelihood, constants included (R's `ets` leaves n(log(2π/n) + 1)/2 out). */
  readonly logLikelihood: number;
  readonly aic: number;
  readonly aicc: number;
  readonly bic: number;
  /** Σ ε² / (n − parameters): the error variance, of relative errors for multiplicative models. */
  readonly sigma2: number;
  /** One-step forecasts ŷ_t, t = 1..n. */
  readonly fitted: number[];
  /** y_t − ŷ_t. */
  readonly residuals: number[];
  /** ε_t: the residual for additive errors, the residual over ŷ_t for multiplicative ones. */
  readonly errors: number[];
  /** States after the last observation: where forecasts start. */
  readonly final: EtsState;
  /** False when the simplex stopped on its iteration limit. */
  readonly converged: boolean;
  /** Likelihood evaluations the search used. */
  readonly evaluations: number;
}

export interface FitOptions {
  /** Start from this model (the same model fitted on fewer values) when it is feasible. */
  readonly start?: EtsModel;
  readonly minimize?: MinimizeOptions;
}

/**
 * The simplex works in units of each number's step (0.1 for α, 5 % of the data's scale for the
 * level…); −2 log L to 10⁻⁵ and the numbers to a thousandth of their step are far finer than the
 * data can tell.
 */
const MINIMIZE: MinimizeOptions = {
  step: 1,
  fTolerance: 1e-5,
  xTolerance: 1e-3,
  maxIterations: 800,
  maxRestarts: 1,
};

/**
 * How many numbers a model estimates (smoothing parameters and initial states, σ left out).
 * @example freeParameters({ error: 'M', trend: 'Ad', season: 'M' }, 12) // 4 + 2 + 11
 */
export function freeParameters(spec: ModelSpec, m: number): number {
  const seasonal = spec.season !== 'N';
  return (
    1 +
    (spec.trend !== 'N' ? 1 : 0) +
    (seasonal ? 1 : 0) +
    (spec.trend === 'Ad' ? 1 : 0) +
    1 +
    (spec.trend !== 'N' ? 1 : 0) +
    (seasonal ? m - 1 : 0)
  );
}

/**
 * Why a model cannot be fitted to n values with season length m, or null when it can: as R's
 * `ets`, more than parameters + 4 values, and a seasonal model two full seasons.
 */
export function tooShort(spec: ModelSpec, m: number, n: number): string | null {
  if (spec.season !== 'N' && n < 2 * m) return `a seasonal model needs two full seasons (${2 * m} periods)`;
  const need = freeParameters(spec, m) + 5;
  if (n < need) return `${modelName(spec)} needs at least ${need} periods`;
  return null;
}

/**
 * Fits `spec` to `y` (complete periods only, oldest first) with season length m.
 * @example fitEts(values, { error: 'A', trend: 'A', season: 'A' }, 4).aicc
 */
export function fitEts(
  y: readonly number[],
  spec: ModelSpec,
  seasonLength: number,
  options: FitOptions = {},
): FittedEts | MetricError {
  const n = y.length;
  const seasonal = spec.season !== 'N';
  const m = seasonal ? seasonLength : 1;
  if (seasonal && m < 2)
    return metricError('#N/A', `${modelName(spec)} needs a season of two periods or more`);
  const short = tooShort(spec, m, n);
  if (short) return metricError('#N/A', short);
  if (spec.error === 'M' || spec.season === 'M') {
    if (y.some((v) => !(v > 0)))
      return metricError('#N/A', `${modelName(spec)} needs values above zero (multiplicative)`);
  }
  const heuristic = initialState(y, spec, m);
  const settings = { ...MINIMIZE, ...options.minimize };
  const seasonFree = seasonal && m <= MAX_OPTIMISED_SEASON;
  let evaluations = 0;
  const run = (layout: Layout, from: EtsModel): Search => {
    const found = search(y, layout, from, settings);
    evaluations += found.evaluations;
    return found;
  };
  const objective = (model: EtsModel) => minusTwoLogLikelihood(model, y);
  let start = warmStart(options.start, spec, m);
  if (start && !Number.isFinite(objective(start))) start = null;
  let result: Search | null = null;
  if (spec.error === 'A' && isLinear(spec)) {
    // The initial states by least squares: the simplex moves the smoothing parameters only.
    result = run(layoutOf(spec, m, 'profiled', [], y), start ?? startModel(spec, m, heuristic));
  } else {
    if (!start) {
      const first = startModel(spec, m, heuristic);
      if (isLinear(spec)) {
        const profiled = run(layoutOf(spec, m, 'profiled', [], y), first);
        start = Number.isFinite(profiled.value) ? profiled.model : first;
      } else if (seasonFree) start = run(layoutOf(spec, m, 'fixed-season', heuristic.season, y), first).model;
      else start = first;
    }
    if (!Number.isFinite(objective(start)))
      return metricError('#NUM!', `${modelName(spec)} has no admissible starting point on these values`);
    // A long season keeps the seasonal states it starts from (least squares or decomposition).
    result = run(
      layoutOf(spec, m, !seasonal || seasonFree ? 'all' : 'fixed-season', start.initial.season, y),
      start,
    );
  }
  if (!Number.isFinite(result.value)) return metricError('#NUM!', `${modelName(spec)} could not be fitted`);
  const model = result.model;
  const pass = filter(model, y);
  const parameters = freeParameters(spec, m);
  const k = parameters + 1;
  const m2ll = likelihoodFromSums(n, pass.sse, pass.sumLogForecast);
  const aic = m2ll + 2 * k;
  const fitted = Array.from(pass.fitted);
  return {
    ...model,
    name: modelName(spec),
    n,
    parameters,
    logLikelihood: -m2ll / 2,
    aic,
    aicc: aic + (2 * k * (k + 1)) / (n - k - 1),
    bic: m2ll + Math.log(n) * k,
    sigma2: pass.sse / (n - parameters),
    fitted,
    residuals: y.map((v, t) => v - fitted[t]),
    errors: Array.from(pass.errors),
    final: pass.final,
    converged: result.converged,
    evaluations,
  };
}

interface Search {
  readonly model: EtsModel;
  readonly value: number;
  readonly converged: boolean;
  readonly evaluations: number;
}

/** Nelder–Mead over the layout's numbers from `start`, in units of the layout's steps. */
function search(y: readonly number[], layout: Layout, start: EtsModel, settings: MinimizeOptions): Search {
  const origin = pack(start, layout);
  const at = (u: readonly number[]) => u.map((v, i) => origin[i] + v * layout.steps[i]);
  const evaluate = evaluator(layout, y);
  const x = new Float64Array(origin.length);
  const objective = (u: Float64Array): number => {
    for (let i = 0; i < x.length; i++) x[i] = origin[i] + u[i] * layout.steps[i];
    return evaluate(x);
  };
  const result = minimizeSimplex(
    objective,
    origin.map(() => 0),
    settings,
  );
  return {
    model: unpack(at(result.x), layout, y) ?? start,
    value: result.value,
    converged: result.converged,
    evaluations: result.evaluations,
  };
}

/**
 * −2 log L of the model a vector stands for (Infinity outside the feasible region): what
 * `minusTwoLogLikelihood(unpack(x))` gives, with the same arithmetic, in buffers kept for the
 * whole search instead of a model built per evaluation.
 */
function evaluator(layout: Layout, y: readonly number[]): (x: ArrayLike<number>) => number {
  const { spec, m, mode } = layout;
  const seasonal = spec.season !== 'N';
  const trended = spec.trend !== 'N';
  const multiplicativeSeason = spec.season === 'M';
  const target = multiplicativeSeason ? m : 0;
  const params = { alpha: 0, beta: 0, gamma: 0, phi: 1 };
  const ring = new Float64Array(Math.max(1, m));
  const season = new Float64Array(seasonal ? m : 0);
  const profile = new ProfileWorkspace();
  if (mode === 'fixed-season') for (let j = 0; j < season.length; j++) season[j] = layout.fixedSeason[j];
  return (x) => {
    let i = 0;
    params.alpha = x[i++];
    params.beta = trended ? x[i++] : 0;
    params.gamma = seasonal ? x[i++] : 0;
    params.phi = spec.trend === 'Ad' ? x[i++] : 1;
    if (!isFeasible(spec, m, params)) return Infinity;
    if (mode === 'profiled') {
      if (!profileInto(y, spec, m, params, profile)) return Infinity;
      return likelihoodFrom(
        spec,
        m,
        params,
        profile.level,
        profile.trend,
        seasonal ? profile.season : season,
        y,
        ring,
      );
    }
    const level = x[i++];
    const trend = trended ? x[i++] : 0;
    if (seasonal) {
      if (mode === 'all') {
        let sum = 0;
        for (let j = 0; j < m - 1; j++) {
          season[j] = x[i + j];
          sum += season[j];
        }
        season[m - 1] = target - sum;
      }
      if (multiplicativeSeason) for (let j = 0; j < m; j++) if (season[j] < 0) return Infinity;
    }
    return likelihoodFrom(spec, m, params, level, trend, season, y, ring);
  };
}

/**
 * Which numbers the simplex moves: the smoothing parameters, then the level and trend, then the
 * seasonal states ('all'); or the seasonal states stay fixed ('fixed-season'); or the initial
 * states come from least squares ('profiled').
 */
type Mode = 'all' | 'fixed-season' | 'profiled';

/** Where each number sits in the optimiser's vector, and the simplex's step along it. */
interface Layout {
  readonly spec: ModelSpec;
  readonly m: number;
  readonly mode: Mode;
  /** The seasonal states kept in 'fixed-season'. */
  readonly fixedSeason: readonly number[];
  readonly steps: readonly number[];
}

function layoutOf(
  spec: ModelSpec,
  m: number,
  mode: Mode,
  fixedSeason: readonly number[],
  y: readonly number[],
): Layout {
  const head = y.slice(0, Math.min(y.length, Math.max(10, 2 * m)));
  const scale = Math.max(1e-8, head.reduce((a, v) => a + Math.abs(v), 0) / head.length);
  const steps = [0.1];
  if (spec.trend !== 'N') steps.push(0.01);
  if (spec.season !== 'N') steps.push(0.05);
  if (spec.trend === 'Ad') steps.push(0.01);
  if (mode !== 'profiled') {
    steps.push(0.05 * scale);
    if (spec.trend !== 'N') steps.push(0.01 * scale);
  }
  if (mode === 'all' && spec.season !== 'N')
    for (let j = 0; j < m - 1; j++) steps.push(spec.season === 'M' ? 0.05 : 0.05 * scale);
  return { spec, m, mode, fixedSeason, steps };
}

/** R's starting smoothing parameters (its `initparam`) with the heuristic initial states. */
function startModel(spec: ModelSpec, m: number, heuristic: EtsState): EtsModel {
  const { lower, upper } = PARAM_BOUNDS;
  const alpha = lower.alpha + (0.2 * (upper.alpha - lower.alpha)) / m;
  const params: SmoothingParams = {
    alpha,
    beta: spec.trend === 'N' ? 0 : lower.beta + 0.1 * (Math.min(upper.beta, alpha) - lower.beta),
    gamma: spec.season === 'N' ? 0 : lower.gamma + 0.05 * (Math.min(upper.gamma, 1 - alpha) - lower.gamma),
    phi: spec.trend === 'Ad' ? lower.phi + 0.99 * (upper.phi - lower.phi) : 1,
  };
  return { spec, seasonLength: m, params, initial: heuristic };
}

/** A warm start: the same model fitted before (on fewer values), when it is feasible. */
function warmStart(from: EtsModel | undefined, spec: ModelSpec, m: number): EtsModel | null {
  if (!from || modelName(from.spec) !== modelName(spec) || (spec.season !== 'N' && from.seasonLength !== m))
    return null;
  if (!isFeasible(spec, m, from.params)) return null;
  if (spec.season === 'M' && from.initial.season.some((v) => v < 0)) return null;
  return from;
}

function pack(model: EtsModel, layout: Layout): number[] {
  const { spec, m, mode } = layout;
  const { params, initial: state } = model;
  const x = [params.alpha];
  if (spec.trend !== 'N') x.push(params.beta);
  if (spec.season !== 'N') x.push(params.gamma);
  if (spec.trend === 'Ad') x.push(params.phi);
  if (mode === 'profiled') return x;
  x.push(state.level);
  if (spec.trend !== 'N') x.push(state.trend);
  if (mode === 'all' && spec.season !== 'N') for (let j = 0; j < m - 1; j++) x.push(state.season[j]);
  return x;
}

/** The model a vector stands for, or null outside the feasible region. */
function unpack(x: readonly number[], layout: Layout, y: readonly number[]): EtsModel | null {
  const { spec, m, mode } = layout;
  let i = 0;
  const alpha = x[i++];
  const beta = spec.trend !== 'N' ? x[i++] : 0;
  const gamma = spec.season !== 'N' ? x[i++] : 0;
  const phi = spec.trend === 'Ad' ? x[i++] : 1;
  const params = { alpha, beta, gamma, phi };
  if (!isFeasible(spec, m, params)) return null;
  if (mode === 'profiled') {
    const initial = profiledState(y, spec, m, params);
    return initial ? { spec, seasonLength: m, params, initial } : null;
  }
  const level = x[i++];
  const trend = spec.trend !== 'N' ? x[i++] : 0;
  let season: number[] = [];
  if (spec.season !== 'N') {
    if (mode === 'all') {
      season = x.slice(i, i + m - 1);
      const target = spec.season === 'M' ? m : 0;
      season.push(target - season.reduce((a, b) => a + b, 0));
    } else season = [...layout.fixedSeason];
    if (spec.season === 'M' && season.some((s) => s < 0)) return null;
  }
  return { spec, seasonLength: m, params, initial: { level, trend, season } };
}
