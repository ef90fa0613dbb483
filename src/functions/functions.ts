/* global CustomFunctions */
import { isMetricError, safeDivide, type MetricError } from '../core/errors';

/**
 * The SALES.* custom functions. Each is a plain exported function tagged with JSDoc; the build
 * generates functions.json from these comments and registers each function with
 * `CustomFunctions.associate` (custom-functions-metadata-plugin), as the Office templates do.
 */

/** Turns a core error value into the error Excel shows in the cell (`#DIV/0!`, `#N/A`, …). */
function toExcelError(error: MetricError): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  const code =
    error.error === '#DIV/0!'
      ? codes.divisionByZero
      : error.error === '#N/A'
        ? codes.notAvailable
        : error.error === '#NUM!'
          ? codes.invalidNumber
          : codes.invalidValue;
  return new CustomFunctions.Error(code, error.reason);
}

/**
 * Growth from a previous value to the current one: current / previous − 1.
 * @customfunction GROWTH
 * @param current The value in the current period, e.g. this month's revenue.
 * @param previous The value in the previous period; #DIV/0! when it is 0.
 * @returns The relative change, e.g. 0.25 for +25%.
 */
export function growth(current: number, previous: number): number {
  const ratio = safeDivide(current, previous, 'the previous value is 0');
  if (isMetricError(ratio)) throw toExcelError(ratio);
  return ratio - 1;
}
