/**
 * Yours against a benchmark: the gap, a position within a range, and a status that respects
 * whether higher or lower is better.
 *
 * - A single value: gap = yours − benchmark; `within` only when equal (or within `tolerance`,
 *   a fraction of the benchmark), else `better` / `worse` by the metric's direction.
 * - A range [min, max]: inside is `within` with gap 0; outside, the gap is measured to the end
 *   crossed (yours − max above it, yours − min below it) and the status follows the direction
 *   (above the range is better for revenue, worse for CAC). An open range (only `min`, like
 *   LTV:CAC ≥ 3) is `within` once the bound is met.
 * - position: where yours sits in a closed range, 0 at min and 1 at max, clamped; null otherwise.
 *
 * This compares numbers as given. A library figure published for another period, or measuring
 * something else, goes through `compareForPeriod` (`periods.ts`) first.
 */
import type { MetricError, MetricValue } from '../errors';
import { isMetricError, metricError } from '../errors';
import type { BenchmarkRange } from './types';

export type BenchmarkStatus = 'better' | 'within' | 'worse';

export interface BenchmarkComparison {
  readonly value: number;
  readonly benchmark: BenchmarkRange;
  /** Yours − benchmark (to the nearest end of a range; 0 inside it). */
  readonly gap: number;
  /** gap / |benchmark figure used|; `#DIV/0!` when that figure is 0. */
  readonly relativeGap: MetricValue;
  readonly position: number | null;
  readonly status: BenchmarkStatus;
}

export interface CompareOptions {
  /** Relative tolerance around a single value counted as `within` (0.05 = ±5 %). Default 0. */
  readonly tolerance?: number;
}

/**
 * Compares a value with a benchmark figure.
 * @example compareToBenchmark(0.02, { min: 0.025, max: 0.03 }, { better: 'higher' })
 *   // { gap: -0.005, relativeGap: -0.2, position: 0, status: 'worse' }
 */
export function compareToBenchmark(
  value: MetricValue,
  entry: BenchmarkRange,
  traits: { readonly better: 'higher' | 'lower' },
  options: CompareOptions = {},
): BenchmarkComparison | MetricError {
  if (isMetricError(value)) return value;
  if (!Number.isFinite(value)) return metricError('#VALUE!', 'the value is not a number');
  const benchmark = pickRange(entry);
  const finite = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n);
  const relative = (gap: number, base: number): MetricValue =>
    gap === 0 ? 0 : base === 0 ? metricError('#DIV/0!', 'the benchmark is 0') : gap / Math.abs(base);
  const direction = (gap: number): BenchmarkStatus =>
    gap > 0 === (traits.better === 'higher') ? 'better' : 'worse';

  if (finite(entry.value)) {
    const gap = value - entry.value;
    const tolerance = Math.max(0, options.tolerance ?? 0) * Math.abs(entry.value);
    const status = Math.abs(gap) <= tolerance ? 'within' : direction(gap);
    return { value, benchmark, gap, relativeGap: relative(gap, entry.value), position: null, status };
  }
  const min = finite(entry.min) ? entry.min : undefined;
  const max = finite(entry.max) ? entry.max : undefined;
  if (min === undefined && max === undefined) return metricError('#VALUE!', 'the benchmark has no value');

  let gap = 0;
  let base = 0;
  if (max !== undefined && value > max) {
    gap = value - max;
    base = max;
  } else if (min !== undefined && value < min) {
    gap = value - min;
    base = min;
  }
  const position =
    min !== undefined && max !== undefined
      ? max === min
        ? value < min
          ? 0
          : value > max
            ? 1
            : 0.5
        : Math.min(1, Math.max(0, (value - min) / (max - min)))
      : null;
  return {
    value,
    benchmark,
    gap,
    relativeGap: relative(gap, base),
    position,
    status: gap === 0 ? 'within' : direction(gap),
  };
}

function pickRange(entry: BenchmarkRange): BenchmarkRange {
  const out: { value?: number; min?: number; max?: number } = {};
  if (entry.value !== undefined) out.value = entry.value;
  if (entry.min !== undefined) out.min = entry.min;
  if (entry.max !== undefined) out.max = entry.max;
  return out;
}
