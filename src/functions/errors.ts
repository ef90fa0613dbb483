/**
 * The one place where errors become Excel errors. Core returns `MetricError` values; argument
 * checks find bad inputs; both leave the custom functions as `CustomFunctions.Error`, which Excel
 * shows as `#DIV/0!`, `#N/A`, `#VALUE!` or `#NUM!` (a message is shown only with `#VALUE!` and
 * `#N/A`, so only those carry one).
 *
 * `CustomFunctions` is a global inside Excel and absent in Node (tests, CLI, bundling checks): it is
 * looked up on every throw, and a stand-in with the same shape is used when it is missing, so this
 * module loads anywhere.
 */
import type { ErrorCode, MetricError, MetricValue } from '../core/errors';
import { isMetricError } from '../core/errors';

/** The Excel error codes the functions return, keyed like `CustomFunctions.ErrorCode`. */
export const EXCEL_ERROR_CODE = {
  divisionByZero: '#DIV/0!',
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  invalidNumber: '#NUM!',
} as const;

type CodeName = keyof typeof EXCEL_ERROR_CODE;

const CODE_NAME: { readonly [K in ErrorCode]: CodeName } = {
  '#DIV/0!': 'divisionByZero',
  '#VALUE!': 'invalidValue',
  '#N/A': 'notAvailable',
  '#NUM!': 'invalidNumber',
};

/** Codes whose message Excel shows; the others are thrown bare. */
const CODES_WITH_MESSAGE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['#VALUE!', '#N/A']);

/** Messages of errors that are bugs rather than bad input start with this (tests look for it). */
export const UNEXPECTED_PREFIX = 'unexpected error: ';

/** What `new CustomFunctions.Error(...)` produces; the stand-in below has the same shape. */
export interface ExcelFunctionError {
  readonly code: string;
  readonly message?: string;
}

/** Same shape as `CustomFunctions.Error`, for hosts without the Office runtime. */
export class StandInFunctionError extends Error implements ExcelFunctionError {
  constructor(
    public readonly code: string,
    message?: string,
  ) {
    super(message ?? '');
    this.name = 'CustomFunctions.Error';
  }
}

interface CustomFunctionsGlobal {
  Error: new (code: never, message?: string) => ExcelFunctionError;
  ErrorCode?: Record<string, string>;
}

function runtime(): CustomFunctionsGlobal | undefined {
  const candidate = (globalThis as { CustomFunctions?: Partial<CustomFunctionsGlobal> }).CustomFunctions;
  return candidate && typeof candidate.Error === 'function'
    ? (candidate as CustomFunctionsGlobal)
    : undefined;
}

/**
 * A `CustomFunctions.Error` for an error code (Excel's own class when present).
 * @example excelError('#VALUE!', 'period must be day, week, month, quarter or year')
 */
export function excelError(code: ErrorCode, message?: string): ExcelFunctionError {
  const shown = CODES_WITH_MESSAGE.has(code) && message ? message : undefined;
  const api = runtime();
  if (!api) return new StandInFunctionError(code, shown);
  const enumValue = api.ErrorCode?.[CODE_NAME[code]] ?? code;
  return new api.Error(enumValue as never, shown);
}

/** True for a `CustomFunctions.Error` (Excel's or the stand-in). */
export function isExcelFunctionError(value: unknown): value is ExcelFunctionError {
  const api = runtime();
  if (api && value instanceof api.Error) return true;
  return value instanceof StandInFunctionError;
}

/** Throws the Excel error for a core `MetricError`. */
export function throwMetricError(error: MetricError): never {
  throw excelError(error.error, error.reason);
}

/** Throws `#VALUE!` with a message naming the bad argument. */
export function invalidArgument(argument: string, problem: string): never {
  throw excelError('#VALUE!', `${argument}: ${problem}`);
}

/** Throws `#N/A` with a message (no data to compute from). */
export function notAvailable(message: string): never {
  throw excelError('#N/A', message);
}

/**
 * The number in a `MetricValue`, or the matching Excel error thrown.
 * @example valueOrThrow(safeDivide(1, 0, 'no orders')) // throws #DIV/0!
 */
export function valueOrThrow(value: MetricValue): number {
  if (isMetricError(value)) throwMetricError(value);
  if (!Number.isFinite(value)) throw excelError('#NUM!');
  return value;
}

/**
 * Runs an implementation so that nothing but a `CustomFunctions.Error` leaves it: a plain
 * exception is a bug, and Excel would show it as `#VALUE!` without a word, so it becomes `#VALUE!`
 * with a message that says so (and that tests can tell apart from errors about the input).
 */
export function guarded<A extends unknown[], R>(implementation: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      return implementation(...args);
    } catch (error) {
      throw asExcelError(error);
    }
  };
}

/**
 * What a caught error is in Excel: a `CustomFunctions.Error` as it is, anything else (a bug)
 * `#VALUE!` saying so. Streaming functions push this instead of throwing.
 */
export function asExcelError(error: unknown): ExcelFunctionError {
  if (isExcelFunctionError(error)) return error;
  const text = error instanceof Error ? error.message : String(error);
  return excelError('#VALUE!', `${UNEXPECTED_PREFIX}${text.slice(0, 200)}`);
}
