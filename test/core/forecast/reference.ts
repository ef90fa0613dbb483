/**
 * R's `forecast::ets` fits of fpp2's austourists and oil (fixtures/r-ets-reference.json, see its
 * "source"), as models our recursion can run.
 */
import reference from './fixtures/r-ets-reference.json';
import type { EtsModel, ModelSpec } from '../../../src/core/forecast/model';
import { parseModelSpec } from '../../../src/core/forecast/model';

export interface ReferenceFit {
  readonly series: 'austourists' | 'oil';
  readonly model: string;
  readonly alpha: number;
  readonly beta: number | null;
  readonly gamma: number | null;
  readonly phi: number | null;
  readonly initstate: number[];
  readonly finalState: number[];
  readonly loglik: number;
  readonly sigma2: number;
  readonly fitted: number[];
  readonly residuals: number[];
  readonly forecast: number[];
  readonly simulation: number[];
}

export const REFERENCE_FITS = reference.fits as ReferenceFit[];
export const INNOVATIONS: number[] = reference.innovations;

export function seriesOf(fit: ReferenceFit): { values: number[]; seasonLength: number } {
  return reference.series[fit.series];
}

export function specOf(fit: ReferenceFit): ModelSpec {
  return parseModelSpec(fit.model)!;
}

/** R's states (l, b, s1..sm, s1 newest) as ours. */
export function stateOf(spec: ModelSpec, states: readonly number[]) {
  const trended = spec.trend !== 'N';
  return {
    level: states[0],
    trend: trended ? states[1] : 0,
    season: spec.season === 'N' ? [] : states.slice(trended ? 2 : 1),
  };
}

/** The model R fitted, with its parameters and initial states. */
export function modelOf(fit: ReferenceFit): EtsModel {
  const spec = specOf(fit);
  return {
    spec,
    seasonLength: seriesOf(fit).seasonLength,
    params: {
      alpha: fit.alpha,
      beta: spec.trend === 'N' ? 0 : fit.beta!,
      gamma: spec.season === 'N' ? 0 : fit.gamma!,
      phi: spec.trend === 'Ad' ? fit.phi! : 1,
    },
    initial: stateOf(spec, fit.initstate),
  };
}

/** Our log-likelihood from R's, which leaves out n(log(2π/n) + 1)/2. */
export function fullLogLikelihood(rLoglik: number, n: number): number {
  return rLoglik - (n / 2) * (Math.log((2 * Math.PI) / n) + 1);
}
