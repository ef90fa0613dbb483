/**
 * The Gamma-Gamma model of spend per purchase (Fader, Hardie & Lee 2005, "RFM and CLV: using
 * iso-value curves"; Fader & Hardie 2013 note): a customer's purchase values are Gamma(p, ν) with
 * ν ~ Gamma(q, γ); only the number x of repeat purchases and their mean m are needed. Written `v`
 * for γ, as the `lifetimes` library does. Assumes spend is independent of purchase frequency.
 */
import type { MetricError, MetricValue } from '../errors';
import { metricError } from '../errors';
import { FIT_TOLERANCES, minimize } from './nelder-mead';
import { lnGamma } from './special';

export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly v: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly iterations: number;
  /** Repeat buyers the fit used. */
  readonly customers: number;
}

export interface RepeatSpend {
  /** Repeat purchases x (> 0 to be used). */
  readonly frequency: number;
  /** Mean value m of the repeat purchases (> 0 to be used). */
  readonly monetary: number;
}

function usable(c: RepeatSpend): boolean {
  return c.frequency > 0 && c.monetary > 0 && Number.isFinite(c.monetary) && Number.isFinite(c.frequency);
}

/**
 * Σ ln f(m | x; p, q, v) with
 * ln f = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m + px ln x − (px+q) ln(xm + v).
 * Customers without repeat purchases or with a non-positive mean are left out.
 * @example gammaGammaLogLikelihood({ p: 6.25, q: 3.74, v: 15.44 }, repeatBuyers)
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, customers: readonly RepeatSpend[]): number {
  const { p, q, v } = params;
  const constant = -lnGamma(q) + q * Math.log(v);
  let total = 0;
  for (const c of customers) {
    if (!usable(c)) continue;
    const x = c.frequency;
    const m = c.monetary;
    const px = p * x;
    total +=
      lnGamma(px + q) -
      lnGamma(px) +
      constant +
      (px - 1) * Math.log(m) +
      px * Math.log(x) -
      (px + q) * Math.log(x * m + v);
  }
  return total;
}

const LOG_BOUND = 25;

/** Identical (x, m) pairs weighted; ln Γ terms depend on x only, so they are computed per distinct x. */
interface WeightedSpend {
  readonly x: Float64Array;
  readonly logX: Float64Array;
  readonly m: Float64Array;
  readonly logM: Float64Array;
  readonly weight: Float64Array;
  readonly distinctX: Float64Array;
  readonly xIndex: Int32Array;
}

function weightedSpend(buyers: readonly RepeatSpend[]): WeightedSpend {
  const byPair = new Map<string, number>();
  const x: number[] = [];
  const m: number[] = [];
  const weight: number[] = [];
  for (const c of buyers) {
    const key = `${c.frequency}|${c.monetary}`;
    const at = byPair.get(key);
    if (at !== undefined) weight[at]++;
    else {
      byPair.set(key, x.length);
      x.push(c.frequency);
      m.push(c.monetary);
      weight.push(1);
    }
  }
  const distinctX = Float64Array.from(new Set(x));
  const position = new Map<number, number>();
  distinctX.forEach((value, i) => position.set(value, i));
  return {
    x: Float64Array.from(x),
    logX: Float64Array.from(x, Math.log),
    m: Float64Array.from(m),
    logM: Float64Array.from(m, Math.log),
    weight: Float64Array.from(weight),
    distinctX,
    xIndex: Int32Array.from(x, (value) => position.get(value)!),
  };
}

function weightedLogLikelihood({ p, q, v }: GammaGammaParams, data: WeightedSpend): number {
  const perX = data.distinctX.map((x) => lnGamma(p * x + q) - lnGamma(p * x));
  const constant = -lnGamma(q) + q * Math.log(v);
  let total = 0;
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i];
    const px = p * x;
    total +=
      data.weight[i] *
      (perX[data.xIndex[i]] +
        constant +
        (px - 1) * data.logM[i] +
        px * data.logX[i] -
        (px + q) * Math.log(x * data.m[i] + v));
  }
  return total;
}

/**
 * Maximum-likelihood Gamma-Gamma fit on repeat buyers (frequency > 0, monetary > 0), parameters
 * in log space (±25), Nelder–Mead with restarts. `#N/A` with fewer than 2 repeat buyers.
 * @example fitGammaGamma(summary.filter((c) => c.frequency > 0)) // { p, q, v, logLikelihood, ... }
 */
export function fitGammaGamma(customers: readonly RepeatSpend[]): GammaGammaFit | MetricError {
  const buyers = customers.filter(usable);
  if (buyers.length < 2) return metricError('#N/A', 'fewer than two repeat buyers with a positive spend');
  const data = weightedSpend(buyers);
  const objective = (theta: Float64Array): number => {
    if (theta.some((t) => Math.abs(t) > LOG_BOUND)) return Infinity;
    const [p, q, v] = theta.map(Math.exp);
    return -weightedLogLikelihood({ p, q, v }, data);
  };
  const meanSpend = buyers.reduce((sum, c) => sum + c.monetary, 0) / buyers.length;
  const result = minimize(objective, [0, Math.log(2), Math.log(meanSpend)], FIT_TOLERANCES);
  if (!Number.isFinite(result.value)) return metricError('#NUM!', 'the likelihood could not be maximised');
  const [p, q, v] = result.x.map(Math.exp);
  return {
    p,
    q,
    v,
    logLikelihood: -result.value,
    converged: result.converged,
    iterations: result.iterations,
    customers: buyers.length,
  };
}

/**
 * E[M | x, m]: the expected mean spend per purchase of a customer, a weighted average of the
 * population mean p·v/(q−1) and the customer's own mean m:
 * (p (v + x m)) / (p x + q − 1). For x = 0 it is the population mean. `#NUM!` when q ≤ 1
 * (the population mean does not exist).
 * @example expectedAverageSpend({ p: 6.25, q: 3.74, v: 15.44 }, 2, 22.35)
 */
export function expectedAverageSpend(
  params: GammaGammaParams,
  frequency: number,
  monetary: number,
): MetricValue {
  const { p, q, v } = params;
  if (!(q > 1)) return metricError('#NUM!', 'q ≤ 1: the mean spend is unbounded');
  const x = frequency > 0 && Number.isFinite(monetary) ? frequency : 0;
  const m = x > 0 ? monetary : 0;
  return (p * (v + x * m)) / (p * x + q - 1);
}
