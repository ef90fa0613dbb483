/**
 * The shape of demand over the generated years: growth, weekly and yearly seasonality, as a
 * cumulative distribution over days so any date range can be sampled in O(log days).
 */
import { civilFromDays, daysFromCivil, isoWeekday } from '../periods';
import type { Random } from './random';

/** Excel 1900-system serial of an epoch day (valid after 1 March 1900). */
export function excelSerial(epochDay: number): number {
  return epochDay + 25569;
}

/** Relative demand by ISO weekday (Mon … Sun): weekdays busy, Sunday quiet. */
const WEEKDAY = [1.1, 1.08, 1.05, 1.0, 1.15, 0.75, 0.55];

export interface DemandCurve {
  readonly start: number;
  readonly days: number;
  /** cdf[k] = share of demand before day start + k (length days + 1). */
  readonly cdf: Float64Array;
}

/**
 * Demand per day: yearly growth, weekday pattern, a December peak and a quieter February.
 * @example demandCurve(2023, 3).days // 1096
 */
export function demandCurve(startYear: number, years: number, yearlyGrowth = 0.22): DemandCurve {
  const start = daysFromCivil(startYear, 1, 1);
  const days = daysFromCivil(startYear + years, 1, 1) - start;
  const cdf = new Float64Array(days + 1);
  for (let k = 0; k < days; k++) {
    const day = start + k;
    const { month } = civilFromDays(day);
    const growth = Math.pow(1 + yearlyGrowth, k / 365.25);
    const yearly = 1 + 0.22 * Math.cos((2 * Math.PI * (month - 12)) / 12) + (month === 11 ? 0.15 : 0);
    cdf[k + 1] = cdf[k] + growth * yearly * WEEKDAY[isoWeekday(day) - 1];
  }
  const total = cdf[days];
  for (let k = 0; k <= days; k++) cdf[k] /= total;
  return { start, days, cdf };
}

/** The day offset (0 … days−1) at which the cumulative demand reaches `u` ∈ [0, 1). */
export function dayAtShare(curve: DemandCurve, u: number): number {
  const { cdf } = curve;
  let lo = 0;
  let hi = curve.days - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid + 1] <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A day offset in [from, to] drawn by demand. */
export function sampleDay(curve: DemandCurve, random: Random, from = 0, to = curve.days - 1): number {
  const a = curve.cdf[from];
  const b = curve.cdf[to + 1];
  return Math.min(to, Math.max(from, dayAtShare(curve, a + random() * (b - a))));
}
