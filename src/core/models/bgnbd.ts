/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting your customers the easy
 * way"): while alive, a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each
 * purchase they drop out with probability p ~ Beta(a, b). A customer is summarised by x (repeat
 * purchase occasions), t_x (time of the last purchase after the first) and T (time since the first
 * purchase), all in one time unit.
 */
import type { MetricError } from '../errors';
import { metricError } from '../errors';
import { FIT_TOLERANCES, minimize } from './nelder-mead';
import { hyp2f1, lnGamma, logAddExp } from './special';

export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

export interface BgNbdFit extends BgNbdParams {
  /** Σ ln L over customers at the fitted parameters. */
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly iterations: number;
  /** Customers the fit used. */
  readonly customers: number;
}

/** What the model needs of a customer (a `CustomerSummary` row has these fields). */
export interface RepeatHistory {
  /** Repeat purchase occasions x. */
  readonly frequency: number;
  /** t_x: first → last purchase. */
  readonly recency: number;
  /** T: first purchase → end of calibration. */
  readonly T: number;
}

/**
 * Identical (x, t_x, T) triples collapsed into one with a weight: the likelihood is a weighted sum.
 * Each coordinate is stored as an index into its distinct values, so ln Γ(·+x), ln(α+T) and
 * ln(α+t_x) are computed once per distinct value per evaluation, not once per customer.
 */
interface WeightedHistories {
  readonly x: Float64Array;
  readonly weight: Float64Array;
  readonly distinctX: Float64Array;
  readonly xIndex: Int32Array;
  readonly distinctT: Float64Array;
  readonly tIndex: Int32Array;
  readonly distinctTx: Float64Array;
  readonly txIndex: Int32Array;
}

function isValidHistory(h: RepeatHistory): boolean {
  const { frequency: x, recency: tx, T } = h;
  return Number.isInteger(x) && x >= 0 && Number.isFinite(tx) && Number.isFinite(T) && tx >= 0 && T >= tx;
}

function collapse(histories: readonly RepeatHistory[]): WeightedHistories {
  const byTriple = new Map<string, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  for (const h of histories) {
    if (!isValidHistory(h)) continue;
    const key = `${h.frequency}|${h.recency}|${h.T}`;
    const at = byTriple.get(key);
    if (at !== undefined) {
      weight[at]++;
      continue;
    }
    byTriple.set(key, x.length);
    x.push(h.frequency);
    tx.push(h.recency);
    T.push(h.T);
    weight.push(1);
  }
  const [distinctX, xIndex] = distinctValues(x);
  const [distinctT, tIndex] = distinctValues(T);
  const [distinctTx, txIndex] = distinctValues(tx);
  return {
    x: Float64Array.from(x),
    weight: Float64Array.from(weight),
    distinctX,
    xIndex,
    distinctT,
    tIndex,
    distinctTx,
    txIndex,
  };
}

function distinctValues(values: readonly number[]): [Float64Array, Int32Array] {
  const distinct = Float64Array.from(new Set(values)).sort();
  const position = new Map<number, number>();
  distinct.forEach((value, i) => position.set(value, i));
  return [distinct, Int32Array.from(values, (value) => position.get(value)!)];
}

/**
 * Σ w · ln L(r, α, a, b | x, t_x, T) in the paper's form (eq. 6, as logs):
 * ln L = A1 + A2 + ln(e^A3 + δ(x>0) e^A4) with
 * A1 = ln Γ(r+x) − ln Γ(r) + r ln α, A2 = ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x),
 * A3 = −(r+x) ln(α+T), A4 = ln a − ln(b+x−1) − (r+x) ln(α+t_x); the last sum is taken in log space.
 */
function weightedLogLikelihood(p: BgNbdParams, data: WeightedHistories): number {
  const { r, alpha, a, b } = p;
  const common = lnGamma(a + b) - lnGamma(b) - lnGamma(r) + r * Math.log(alpha);
  const perX = new Float64Array(data.distinctX.length);
  const logA4Prefix = new Float64Array(data.distinctX.length);
  for (let k = 0; k < data.distinctX.length; k++) {
    const x = data.distinctX[k];
    perX[k] = lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x);
    logA4Prefix[k] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity;
  }
  const logAlphaT = data.distinctT.map((T) => Math.log(alpha + T));
  const logAlphaTx = data.distinctTx.map((tx) => Math.log(alpha + tx));
  let total = 0;
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i];
    const k = data.xIndex[i];
    const a3 = -(r + x) * logAlphaT[data.tIndex[i]];
    const tail = x > 0 ? logAddExp(a3, logA4Prefix[k] - (r + x) * logAlphaTx[data.txIndex[i]]) : a3;
    total += data.weight[i] * (common + perX[k] + tail);
  }
  return total;
}

/**
 * The BG/NBD log-likelihood of a set of customers at given parameters (customers with impossible
 * histories — negative, non-integer x, t_x > T — are left out, as in the fit).
 * @example bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, summary) // ≈ −9582.4 on CDNOW
 */
export function bgNbdLogLikelihood(params: BgNbdParams, histories: readonly RepeatHistory[]): number {
  return weightedLogLikelihood(params, collapse(histories));
}

/** Log-parameters are kept inside e^±LOG_BOUND: far beyond any sensible fit, short of overflow. */
const LOG_BOUND = 25;

/**
 * Maximum-likelihood BG/NBD fit. Parameters are optimised as logarithms (so they stay positive)
 * within ±25 in log space, by Nelder–Mead with restarts; identical (x, t_x, T) triples are weighted.
 * `#N/A` without customers, `#NUM!` when every customer has the same single purchase (no
 * information about repeat buying) or the optimiser fails.
 * @example fitBgNbd(customerSummary(orders, { calibrationEnd, timeUnit: 'week' })) // { r, alpha, a, b, ... }
 */
export function fitBgNbd(histories: readonly RepeatHistory[]): BgNbdFit | MetricError {
  const data = collapse(histories);
  const customers = data.weight.reduce((sum, w) => sum + w, 0);
  if (customers === 0) return metricError('#N/A', 'no customers to fit');
  if (!data.x.some((x) => x > 0)) return metricError('#NUM!', 'no customer has a repeat purchase');
  let meanT = 0;
  for (let i = 0; i < data.x.length; i++)
    meanT += (data.weight[i] * data.distinctT[data.tIndex[i]]) / customers;
  const objective = (theta: Float64Array): number => {
    if (theta.some((t) => Math.abs(t) > LOG_BOUND)) return Infinity;
    const [r, alpha, a, b] = theta.map(Math.exp);
    return -weightedLogLikelihood({ r, alpha, a, b }, data);
  };
  // Start with α on the scale of the observation window, the rest at 1.
  const result = minimize(objective, [0, Math.log(Math.max(meanT, 1e-3)), 0, 0], FIT_TOLERANCES);
  if (!Number.isFinite(result.value)) return metricError('#NUM!', 'the likelihood could not be maximised');
  const [r, alpha, a, b] = result.x.map(Math.exp);
  return {
    r,
    alpha,
    a,
    b,
    logLikelihood: -result.value,
    converged: result.converged,
    iterations: result.iterations,
    customers,
  };
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) (paper, eq. 11).
 * @example probabilityAlive(fit, { frequency: 0, recency: 0, T: 30 }) // 1: no repeat, no chance to drop out yet
 */
export function probabilityAlive(p: BgNbdParams, h: RepeatHistory): number {
  const { frequency: x, recency: tx, T } = h;
  if (x === 0) return 1;
  const logOdds =
    Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next `t` time units for a customer with this
 * history (paper, eq. 10):
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))] · P(alive).
 * @example expectedPurchases(fit, 52, { frequency: 2, recency: 30.43, T: 38.86 })
 */
export function expectedPurchases(p: BgNbdParams, t: number, h: RepeatHistory): number {
  if (!(t > 0)) return 0;
  const { r, alpha, a, b } = p;
  const { frequency: x, T } = h;
  const z = t / (alpha + T + t);
  const hyper = hyp2f1(r + x, b + x, a + b + x - 1, z);
  const ratio = Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + T + t)));
  const bracket = 1 - ratio * hyper;
  return ((a + b + x - 1) / (a - 1)) * bracket * probabilityAlive(p, h);
}

/**
 * E[X(t)]: expected repeat purchases of a new customer in their first `t` time units (paper, eq. 7):
 * (a+b−1)/(a−1) · [1 − (α/(α+t))^r · 2F1(r, b; a+b−1; t/(α+t))].
 * @example expectedPurchasesAt(fit, 39) // mean repeat purchases per customer by week 39
 */
export function expectedPurchasesAt(p: BgNbdParams, t: number): number {
  if (!(t > 0)) return 0;
  const { r, alpha, a, b } = p;
  const hyper = hyp2f1(r, b, a + b - 1, t / (alpha + t));
  const ratio = Math.exp(r * (Math.log(alpha) - Math.log(alpha + t)));
  return ((a + b - 1) / (a - 1)) * (1 - ratio * hyper);
}

/**
 * The population curve E[X(t)] at t = 0, 1, …, tMax (time units of the fit).
 * @example expectedPurchasesCurve(fit, 78) // 79 points, starting at 0
 */
export function expectedPurchasesCurve(p: BgNbdParams, tMax: number): number[] {
  const curve: number[] = [];
  for (let t = 0; t <= Math.floor(tMax); t++) curve.push(expectedPurchasesAt(p, t));
  return curve;
}

/** Short name for {@link probabilityAlive}. */
export const pAlive = probabilityAlive;
