/**
 * Fits made ahead, looked up by everything a fit is made from: the values, the model, the season
 * length and the warm start. A selection that needs a fit found here takes it instead of searching
 * again; the search is deterministic, so the same inputs give the same numbers to the last bit.
 * This lets the fits of one forecast be shared out (each model's fits depend only on that model's
 * earlier fits, never on another model's) and gathered before the forecast is made.
 */
import type { MetricError } from '../errors';
import type { FittedEts } from './fit';
import { fitEts } from './fit';
import type { EtsModel, ModelSpec } from './model';
import { modelName } from './model';

export interface FitMemo {
  /** Fits (or why a model could not be fitted) by {@link fitKey}. */
  readonly fits: Map<string, FittedEts | MetricError>;
  /** When set, only these models (`ETS(M,A,M)`…) are fitted: the others are passed over. */
  readonly only?: ReadonlySet<string>;
}

/** A number as text that tells −0 from 0 and reads back as the same number. */
function exact(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

/**
 * What a fit is made from, as one string: the model, the season length, the values and the warm
 * start's numbers (what `fitEts` reads of it).
 * @example fitKey([1, 2, 3], { error: 'A', trend: 'N', season: 'N' }, 1) // 'ETS(A,N,N)|1|1,2,3|'
 */
export function fitKey(values: readonly number[], spec: ModelSpec, m: number, start?: EtsModel): string {
  const from = start
    ? [
        modelName(start.spec),
        start.seasonLength,
        ...[start.params.alpha, start.params.beta, start.params.gamma, start.params.phi].map(exact),
        exact(start.initial.level),
        exact(start.initial.trend),
        ...start.initial.season.map(exact),
      ].join(',')
    : '';
  return `${modelName(spec)}|${m}|${values.map(exact).join(',')}|${from}`;
}

/** `fitEts(values, spec, m, { start })`, taken from `memo` when made before (and kept there when not). */
export function memoFit(
  values: readonly number[],
  spec: ModelSpec,
  m: number,
  start: EtsModel | undefined,
  memo: FitMemo | undefined,
): FittedEts | MetricError {
  if (!memo) return fitEts(values, spec, m, { start });
  const key = fitKey(values, spec, m, start);
  const known = memo.fits.get(key);
  if (known) return known;
  const fit = fitEts(values, spec, m, { start });
  memo.fits.set(key, fit);
  return fit;
}
