/**
 * Starting values for the initial states, the heuristic of Hyndman et al. (2008, §2.6.1) that
 * R's `forecast::ets` uses too: seasonal indices from a classical decomposition, then a straight
 * line through the first max(10, 2m) seasonally adjusted values for the level and trend. The
 * likelihood fit moves on from here; these numbers only need to be sensible.
 */
import { fitLine } from '../analyses/trend';
import type { EtsState, ModelSpec } from './model';

/**
 * Classical decomposition's seasonal figure: a centred moving average of order m (2×m for an even
 * m) as the trend, each value over (multiplicative) or minus (additive) it, averaged per position
 * in the season and normalised to mean 1 or 0. Index k is the position of y[k], y[k + m]…
 * Needs at least two full seasons.
 * @example seasonalFigure([1, 3, 1, 3, 1, 3], 2, false) // [-1, 1]
 */
export function seasonalFigure(y: readonly number[], m: number, multiplicative: boolean): number[] {
  const n = y.length;
  const half = Math.floor(m / 2);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = half; t < n - half; t++) {
    let average: number;
    if (m % 2 === 1) {
      let sum = 0;
      for (let j = t - half; j <= t + half; j++) sum += y[j];
      average = sum / m;
    } else {
      let sum = (y[t - half] + y[t + half]) / 2;
      for (let j = t - half + 1; j < t + half; j++) sum += y[j];
      average = sum / m;
    }
    if (multiplicative && !(average > 0)) continue;
    sums[t % m] += multiplicative ? y[t] / average : y[t] - average;
    counts[t % m]++;
  }
  const figure = sums.map((s, k) => (counts[k] > 0 ? s / counts[k] : multiplicative ? 1 : 0));
  const mean = figure.reduce((a, b) => a + b, 0) / m;
  return figure.map((f) => (multiplicative ? (mean > 0 ? f / mean : 1) : f - mean));
}

/**
 * Initial level, trend and seasonal states for a model on `y` (m = season length).
 * @example initialState([10, 12, 14, 16, 18, 20, 22, 24, 26, 28], { error: 'A', trend: 'A', season: 'N' }, 1)
 * // { level: 8, trend: 2, season: [] }
 */
export function initialState(y: readonly number[], spec: ModelSpec, m: number): EtsState {
  const seasonal = spec.season !== 'N' && m > 1;
  const multiplicative = spec.season === 'M';
  let figure: number[] = [];
  if (seasonal) {
    figure = seasonalFigure(y, m, multiplicative);
    if (multiplicative) {
      figure = figure.map((f) => Math.max(f, 1e-2));
      const mean = figure.reduce((a, b) => a + b, 0) / m;
      figure = figure.map((f) => f / mean);
    }
  }
  // The state before y[0] is newest first: s_0 belongs to position m − 1, s_{−m+1} to position 0.
  const season = seasonal ? figure.map((_, j) => figure[m - 1 - j]) : [];
  const adjusted = y.map((v, t) => {
    if (!seasonal) return v;
    return multiplicative ? v / figure[t % m] : v - figure[t % m];
  });
  const count = Math.min(Math.max(10, 2 * (seasonal ? m : 1)), adjusted.length);
  const head = adjusted.slice(0, count);
  if (spec.trend === 'N') {
    return { level: head.reduce((a, b) => a + b, 0) / head.length, trend: 0, season };
  }
  // Time 1..count, so the intercept is the level at time 0.
  const line = fitLine(
    head.map((_, i) => i + 1),
    head,
  );
  let level = line ? line.intercept : head[0];
  let trend = line ? line.slope : 0;
  // A multiplicative-error model cannot start from a forecast of 0.
  if (Math.abs(level + trend) < 1e-8) {
    level *= 1 + 1e-3;
    trend *= 1 - 1e-3;
  }
  return { level, trend, season };
}
