/**
 * Errors as values. A metric that cannot be computed returns a `MetricError`
 * instead of throwing; adapters (custom functions, sheets, CLI) translate it.
 */
export type ErrorCode = '#DIV/0!' | '#N/A' | '#VALUE!' | '#NUM!';

export interface MetricError {
  readonly error: ErrorCode;
  readonly reason: string;
}

/** A metric result: a finite number, or an error value that says why not. */
export type MetricValue = number | MetricError;

export function metricError(error: ErrorCode, reason: string): MetricError {
  return { error, reason };
}

export function isMetricError(value: unknown): value is MetricError {
  return typeof value === 'object' && value !== null && 'error' in value && 'reason' in value;
}

/** Divides, returning `#DIV/0!` with the given reason when the denominator is zero. */
export function safeDivide(numerator: number, denominator: number, reason: string): MetricValue {
  if (denominator === 0) return metricError('#DIV/0!', reason);
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator)) {
    return metricError('#NUM!', 'non-finite input');
  }
  return numerator / denominator;
}

/** Applies `fn` to numbers, passing the first error through unchanged. */
export function mapValues(
  values: readonly MetricValue[],
  fn: (...numbers: number[]) => MetricValue,
): MetricValue {
  for (const value of values) if (isMetricError(value)) return value;
  return fn(...(values as number[]));
}
