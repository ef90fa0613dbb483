/**
 * Rolling-origin backtest (Tashman 2000; fpp3 §5.10): for each origin T the methods see only the
 * first T values, forecast T+1..T+h, and are scored against what came. The window expands: every
 * origin refits from the start, and the ETS model is chosen again by AICc at each origin — no
 * choice made on later data. Scores per step ahead:
 * - MASE (Hyndman & Koehler 2006): |error| over the mean absolute error of the seasonal naive
 *   forecast within that origin's training values (lag m, or 1 without a season), averaged;
 *   below 1 beats the in-sample seasonal naive.
 * - sMAPE: 200 |y − f| / (|y| + |f|) in percent, averaged (0 when both are 0).
 * Baselines: seasonal naive (the value a season earlier; the last value without a season) and the
 * least-squares line through the training values (the trend analysis's `fitLine`).
 */
import { fitLine } from '../analyses/trend';
import type { FittedEts } from './fit';
import { candidateSpecs, selectModel } from './forecast';
import type { EtsModel, ModelSpec } from './model';
import { pointForecasts } from './model';
import { usableSeason } from './season';

export type BacktestMethod = 'ets' | 'seasonal_naive' | 'linear_trend';

export const METHOD_LABELS: Readonly<Record<BacktestMethod, string>> = {
  ets: 'ETS (chosen by AICc)',
  seasonal_naive: 'seasonal naive',
  linear_trend: 'linear trend',
};

export interface BacktestOptions {
  /** Steps ahead scored at each origin. */
  readonly horizon: number;
  /** Season length m (1: none; used only when the values hold two full seasons). */
  readonly seasonLength?: number;
  /** Values the first origin trains on (default 2m with a season, else 8). */
  readonly minTrain?: number;
  /** At most this many origins, the latest ones (default 12). */
  readonly maxOrigins?: number;
  /** 'auto' (default) or one ETS model at every origin. */
  readonly model?: 'auto' | ModelSpec;
}

export interface StepAccuracy {
  /** Steps ahead. */
  readonly step: number;
  /** Forecasts scored. */
  readonly count: number;
  /** Null when no forecast could be scored (or every training scale was 0, for MASE). */
  readonly mase: number | null;
  readonly smape: number | null;
}

export interface MethodAccuracy {
  readonly method: BacktestMethod;
  readonly label: string;
  readonly byStep: readonly StepAccuracy[];
}

export interface BacktestOrigin {
  /** Training values: the forecasts are for values[origin], values[origin + 1]… */
  readonly origin: number;
  /** The ETS model chosen at this origin. */
  readonly model: string | null;
  /** In-sample seasonal naive mean absolute error (the MASE scale). */
  readonly scale: number;
  readonly actual: readonly number[];
  readonly forecasts: Readonly<Record<BacktestMethod, readonly number[]>>;
}

export interface BacktestResult {
  readonly horizon: number;
  /** Season length used (1: none). */
  readonly seasonLength: number;
  readonly origins: readonly BacktestOrigin[];
  readonly methods: readonly MethodAccuracy[];
}

/**
 * Mean absolute error of the lag-`lag` naive forecast within `values`.
 * @example naiveScale([1, 3, 2, 6], 1) // (2 + 1 + 4) / 3
 */
export function naiveScale(values: readonly number[], lag: number): number {
  let sum = 0;
  let count = 0;
  for (let t = lag; t < values.length; t++) {
    sum += Math.abs(values[t] - values[t - lag]);
    count++;
  }
  return count > 0 ? sum / count : NaN;
}

/**
 * Seasonal naive forecasts: step k repeats the value a whole number of seasons back.
 * @example seasonalNaive([1, 2, 3, 4, 5, 6], 4, 5) // [3, 4, 5, 6, 3]
 */
export function seasonalNaive(train: readonly number[], lag: number, horizon: number): number[] {
  const n = train.length;
  return Array.from({ length: horizon }, (_, i) => train[n - lag + (i % lag)]);
}

/**
 * The least-squares line through the training values (x = 0..T−1), read at T..T+h−1.
 * @example linearTrend([1, 3, 5], 2) // [7, 9]
 */
export function linearTrend(train: readonly number[], horizon: number): number[] {
  const line = fitLine(
    train.map((_, i) => i),
    train,
  );
  const n = train.length;
  if (!line) return Array.from({ length: horizon }, () => train[n - 1]);
  return Array.from({ length: horizon }, (_, k) => line.intercept + line.slope * (n + k));
}

/**
 * sMAPE term in percent.
 * @example smapeTerm(100, 80) // 200 × 20 / 180
 */
export function smapeTerm(actual: number, forecast: number): number {
  const denominator = Math.abs(actual) + Math.abs(forecast);
  return denominator === 0 ? 0 : (200 * Math.abs(actual - forecast)) / denominator;
}

/**
 * @example
 * const b = backtest(monthlyRevenue, { horizon: 3, seasonLength: 12 });
 * b.methods.map((m) => [m.label, m.byStep[0].mase]) // one-step MASE per method
 */
export function backtest(values: readonly number[], options: BacktestOptions): BacktestResult {
  const n = values.length;
  const horizon = Math.max(1, Math.floor(options.horizon));
  const m = usableSeason(options.seasonLength ?? 1, n).seasonLength;
  const minTrain = Math.max(2, Math.floor(options.minTrain ?? (m > 1 ? 2 * m : 8)));
  const maxOrigins = Math.max(1, Math.floor(options.maxOrigins ?? 12));
  const first = Math.max(minTrain, n - maxOrigins);
  const origins: BacktestOrigin[] = [];
  let warm = new Map<string, EtsModel>();
  for (let origin = first; origin < n; origin++) {
    const train = values.slice(0, origin);
    const actual = values.slice(origin, origin + horizon);
    const steps = actual.length;
    // The season is used at an origin only when its training values hold two full seasons.
    const mt = usableSeason(m, origin).seasonLength;
    const lag = m > 1 && origin > m ? m : 1;
    const chosen = fitAt(train, mt, options.model, warm);
    warm = chosen.fits;
    origins.push({
      origin,
      model: chosen.best?.name ?? null,
      scale: naiveScale(train, lag),
      actual,
      forecasts: {
        ets: chosen.best ? etsForecasts(chosen.best, steps) : [],
        seasonal_naive: seasonalNaive(train, lag, steps),
        linear_trend: linearTrend(train, steps),
      },
    });
  }
  const methods = (Object.keys(METHOD_LABELS) as BacktestMethod[]).map((method) => ({
    method,
    label: METHOD_LABELS[method],
    byStep: Array.from({ length: horizon }, (_, i) => stepAccuracy(origins, method, i)),
  }));
  return { horizon, seasonLength: m, origins, methods };
}

function etsForecasts(fit: FittedEts, steps: number): number[] {
  return pointForecasts(fit.spec, fit.seasonLength, fit.params, fit.final, steps);
}

/** The model chosen on the training values; the fits are the next origin's starting points. */
function fitAt(
  train: readonly number[],
  m: number,
  model: BacktestOptions['model'],
  warm: ReadonlyMap<string, EtsModel>,
): { best: FittedEts | null; fits: Map<string, EtsModel> } {
  const specs =
    model && model !== 'auto'
      ? model.season !== 'N' && m === 1
        ? []
        : [model]
      : candidateSpecs(
          m > 1,
          train.every((v) => v > 0),
        );
  const { best, fits } = selectModel(train, m, specs, warm);
  return { best, fits };
}

function stepAccuracy(origins: readonly BacktestOrigin[], method: BacktestMethod, i: number): StepAccuracy {
  let scaledSum = 0;
  let scaledCount = 0;
  let smapeSum = 0;
  let count = 0;
  for (const o of origins) {
    const forecast = o.forecasts[method][i];
    if (i >= o.actual.length || forecast === undefined || !Number.isFinite(forecast)) continue;
    const error = Math.abs(o.actual[i] - forecast);
    smapeSum += smapeTerm(o.actual[i], forecast);
    count++;
    if (o.scale > 0) {
      scaledSum += error / o.scale;
      scaledCount++;
    }
  }
  return {
    step: i + 1,
    count,
    mase: scaledCount > 0 ? scaledSum / scaledCount : null,
    smape: count > 0 ? smapeSum / count : null,
  };
}
