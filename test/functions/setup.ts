/**
 * A faithful stand-in for Excel's `CustomFunctions` global (the parts the functions use):
 * `new CustomFunctions.Error(code, message?)` with `code` one of `CustomFunctions.ErrorCode`.
 * Import this first in a test file that wants the functions to see an Excel-like runtime.
 */
export enum ErrorCode {
  invalidValue = '#VALUE!',
  notAvailable = '#N/A',
  divisionByZero = '#DIV/0!',
  invalidNumber = '#NUM!',
  nullReference = '#NULL!',
  invalidName = '#NAME?',
  invalidReference = '#REF!',
}

export class CustomFunctionsError {
  constructor(
    public readonly code: ErrorCode,
    public readonly message?: string,
  ) {}
}

export function installCustomFunctions(): void {
  (globalThis as Record<string, unknown>).CustomFunctions = { Error: CustomFunctionsError, ErrorCode };
}

export function removeCustomFunctions(): void {
  delete (globalThis as Record<string, unknown>).CustomFunctions;
}

installCustomFunctions();

/** Calls `fn` and returns what it threw (fails when it returns). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, got a value');
}

/** Asserts `fn` throws a `CustomFunctions.Error` with `code` (and a message containing `part`). */
export function expectExcelError(fn: () => unknown, code: string, part?: string): void {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(CustomFunctionsError);
  expect((error as CustomFunctionsError).code).toBe(code);
  if (part !== undefined) expect((error as CustomFunctionsError).message ?? '').toContain(part);
}

/** Excel serial (1900 system) of a calendar date. */
export function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86400000 + 25569;
}

/** A column range as Excel passes it. */
export function col(...values: unknown[]): unknown[][] {
  return values.map((v) => [v]);
}

/** Matches the per-cell error of a spill (`#N/A` for a value that does not exist). */
export function errorCell(code: string = ErrorCode.notAvailable): unknown {
  return expect.objectContaining({ code });
}

/** True for a value a spill may hold: text, a finite number or a `CustomFunctions.Error`. */
export function isSpillValue(v: unknown): boolean {
  return (
    typeof v === 'string' ||
    (typeof v === 'number' && Number.isFinite(v)) ||
    v instanceof CustomFunctionsError
  );
}
