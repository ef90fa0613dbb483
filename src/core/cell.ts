/**
 * A cell value exactly as Excel gives it through `Range.values` (numbers, strings,
 * booleans, `""` for blanks, error strings like `#N/A`), plus what file readers add:
 * `null`/`undefined` for missing cells and `Date` objects from `.xlsx` files.
 */
export type CellValue = number | string | boolean | null | undefined | Date;

/** Excel error strings as they arrive in `Range.values`. */
export const EXCEL_ERROR_STRINGS: ReadonlySet<string> = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
]);

export function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function isExcelError(value: CellValue): boolean {
  return typeof value === 'string' && EXCEL_ERROR_STRINGS.has(value.trim().toUpperCase());
}
