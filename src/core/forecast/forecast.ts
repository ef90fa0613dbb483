/**
 * The forecaster: every admissible ETS model fitted by maximum likelihood, the one with the
 * smallest AICc kept (Hyndman et al. 2002; fpp3 §8.6), and its point forecasts with prediction
 * intervals. The values are complete periods only, oldest first: a period not over on the as-of
 * day is the caller's to leave out (five days of December are not a month).
 */
import type { MetricError } from '../errors';
import { isMetricError, metricError } from '../errors';
import type { PeriodUnit } from '../periods';
import type { FittedEts } from './fit';
import { fitEts } from './fit';
import { additiveIntervals, simulatedIntervals } from './intervals';
import type { EtsModel, ModelSpec, SeasonType, SmoothingParams } from './model';
import { modelName, pointForecasts } from './model';
import { seasonLengthOf, usableSeason } from './season';

export interface ForecastOptions {
  /** Periods to forecast after the last value. */
  readonly horizon: number;
  /** Season length m; else taken from `unit` (12 for months…); else no season. */
  readonly seasonLength?: number;
  readonly unit?: PeriodUnit;
  /** Interval levels (default [0.8, 0.95]); [] for point forecasts only. */
  readonly levels?: readonly number[];
  /** 'auto' (default): the smallest AICc among the candidates; or one model. */
  readonly model?: 'auto' | ModelSpec;
  /** Simulated paths for multiplicative-error intervals (default 5000). */
  readonly simulations?: number;
  /** Seed of the simulation (default 1). */
  readonly seed?: number;
}

export interface ForecastPoint {
  /** 1 for the first period after the values. */
  readonly step: number;
  readonly mean: number;
  /** lower[i] and upper[i] bound the interval at levels[i]. */
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

/** One candidate of the selection: its AICc, or why it was not fitted. */
export interface Candidate {
  readonly name: string;
  readonly aicc: number | null;
  readonly reason?: string;
}

export interface ForecastResult {
  /** `ETS(M,Ad,M)`. */
  readonly name: string;
  readonly model: FittedEts;
  readonly params: SmoothingParams;
  readonly aicc: number;
  /** The season length the candidates used (1: none). */
  readonly seasonLength: number;
  /** Why no seasonal model was tried, when a season was asked for. */
  readonly seasonNote?: string;
  readonly levels: readonly number[];
  /** How the intervals were made: exact Gaussian (additive errors) or simulated paths. */
  readonly intervals: 'analytic' | 'simulated';
  readonly forecast: readonly ForecastPoint[];
  readonly fitted: readonly number[];
  readonly residuals: readonly number[];
  /** Every model tried, in order, with its AICc. */
  readonly candidates: readonly Candidate[];
}

/**
 * The models tried: additive errors with no or additive season, multiplicative errors with any
 * season, each with no, additive or damped trend — R's `ets` with `restrict = TRUE` (additive
 * errors with a multiplicative season are numerically unstable). Multiplicative ones need
 * positive values. Simplest first, so a tie keeps the simpler model.
 */
export function candidateSpecs(seasonal: boolean, positive: boolean): ModelSpec[] {
  const specs: ModelSpec[] = [];
  const seasons: SeasonType[] = seasonal ? ['N', 'A', 'M'] : ['N'];
  for (const error of positive ? (['A', 'M'] as const) : (['A'] as const))
    for (const season of seasons) {
      if (season === 'M' && error === 'A') continue;
      for (const trend of ['N', 'A', 'Ad'] as const) specs.push({ error, trend, season });
    }
  return specs;
}

/**
 * The fits of `specs`, and the one with the smallest AICc (null when none could be fitted). A
 * model found in `warm` (the same model fitted on fewer values) is searched from there.
 */
export function selectModel(
  values: readonly number[],
  seasonLength: number,
  specs: readonly ModelSpec[],
  warm?: ReadonlyMap<string, EtsModel>,
): { best: FittedEts | null; fits: Map<string, FittedEts>; candidates: Candidate[] } {
  const fits = new Map<string, FittedEts>();
  const candidates: Candidate[] = [];
  let best: FittedEts | null = null;
  for (const spec of specs) {
    const name = modelName(spec);
    const fit = fitEts(values, spec, seasonLength, { start: warm?.get(name) });
    if (isMetricError(fit)) {
      candidates.push({ name, aicc: null, reason: fit.reason });
      continue;
    }
    fits.set(name, fit);
    candidates.push({ name, aicc: fit.aicc });
    if (!best || fit.aicc < best.aicc) best = fit;
  }
  return { best, fits, candidates };
}

/** Checks the inputs; a reason when they cannot be used. */
function invalid(values: readonly number[], options: ForecastOptions): MetricError | null {
  if (values.some((v) => typeof v !== 'number' || !Number.isFinite(v)))
    return metricError('#VALUE!', 'every value must be a finite number');
  if (!Number.isInteger(options.horizon) || options.horizon < 1 || options.horizon > 1000)
    return metricError('#VALUE!', 'the horizon must be a whole number of periods from 1 to 1000');
  if ((options.levels ?? []).some((l) => !(l > 0 && l < 1)))
    return metricError('#VALUE!', 'interval levels must lie between 0 and 1 (0.8 for 80 %)');
  const m = options.seasonLength;
  if (m !== undefined && !(Number.isInteger(m) && m >= 1))
    return metricError('#VALUE!', 'the season length must be a whole number of periods, 1 for none');
  return null;
}

/**
 * Fits and forecasts `values` (complete periods, oldest first).
 * @example
 * const f = forecastSeries(monthlyRevenue, { unit: 'month', horizon: 3 });
 * if (!isMetricError(f)) f.name; // 'ETS(M,A,M)'
 * // f.forecast[0]: { step: 1, mean, lower: [80 %, 95 %], upper: [80 %, 95 %] }
 */
export function forecastSeries(
  values: readonly number[],
  options: ForecastOptions,
): ForecastResult | MetricError {
  const bad = invalid(values, options);
  if (bad) return bad;
  const levels = options.levels ?? [0.8, 0.95];
  const asked = options.seasonLength ?? (options.unit ? seasonLengthOf(options.unit) : 1);
  const season = usableSeason(asked, values.length);
  const positive = values.every((v) => v > 0);
  let specs: ModelSpec[];
  if (options.model && options.model !== 'auto') {
    if (options.model.season !== 'N' && season.seasonLength === 1)
      return metricError('#N/A', season.note ?? `${modelName(options.model)} needs a season length above 1`);
    specs = [options.model];
  } else specs = candidateSpecs(season.seasonLength > 1, positive);
  const { best, candidates } = selectModel(values, season.seasonLength, specs);
  if (!best) {
    // The simplest candidate asks least: its reason says what is missing.
    return metricError(
      '#N/A',
      `no model could be fitted to ${values.length} values: ${candidates[0].reason}`,
    );
  }
  const h = options.horizon;
  const mean = pointForecasts(best.spec, best.seasonLength, best.params, best.final, h);
  const simulated = best.spec.error === 'M';
  const bounds =
    levels.length === 0
      ? { lower: mean.map(() => []), upper: mean.map(() => []) }
      : simulated
        ? simulatedIntervals(best.spec, best.seasonLength, best.params, best.sigma2, best.final, h, levels, {
            paths: options.simulations,
            seed: options.seed,
          })
        : additiveIntervals(best.spec, best.seasonLength, best.params, best.sigma2, mean, levels);
  return {
    name: best.name,
    model: best,
    params: best.params,
    aicc: best.aicc,
    seasonLength: season.seasonLength,
    ...(season.note ? { seasonNote: season.note } : {}),
    levels,
    intervals: simulated ? 'simulated' : 'analytic',
    forecast: mean.map((value, k) => ({
      step: k + 1,
      mean: value,
      lower: bounds.lower[k],
      upper: bounds.upper[k],
    })),
    fitted: best.fitted,
    residuals: best.residuals,
    candidates,
  };
}
