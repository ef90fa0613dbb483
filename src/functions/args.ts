/**
 * Excel's argument shapes, read into plain values. What Excel passes (functions.json declares
 * every range parameter `any[][]`, with `allowErrorForDataTypeAny` and
 * `allowCustomDataForDataTypeAny` set):
 * - omitted optional arguments: `null` (`undefined` when called from code);
 * - ranges: 2-D arrays; a blank cell is `null` on current builds and `0` on older desktop builds
 *   (office-js #4702), `""` only for a formula's empty text;
 * - dates: serial numbers in the workbook's date system (date-system.ts);
 * - an error cell: a `CustomFunctions.Error` (`{ code: '#N/A' }`) or, as a data type, an error
 *   value (`{ type: 'Error', basicValue: '#N/A', errorType: 'NotAvailable' }`);
 * - a cell holding a data type (formatted number, entity…): an object with its `basicValue`.
 * `cellOf` turns all of these into plain cells. Which zeros are blanks depends on the role of the
 * column (docs/functions.md): in a text column (customers, order ids, groups, statuses) and in a
 * date column a 0 is a blank; in an amount column it is a real 0.
 * Every reader throws `#VALUE!` naming the argument when the value cannot be used.
 */
import type { CellValue } from '../core/cell';
import { EXCEL_ERROR_STRINGS, isBlank } from '../core/cell';
import type { ErrorCode } from '../core/errors';
import { amountOrReason } from '../core/ingest/numbers';
import { dateOrReason, inferDateOrder } from '../core/ingest/dates';
import type { PeriodUnit } from '../core/periods';
import { parsePeriodUnit } from '../core/periods';
import { dateSystem } from './date-system';
import { excelError, invalidArgument } from './errors';

const RETURNABLE_ERRORS: ReadonlySet<string> = new Set<ErrorCode>(['#DIV/0!', '#N/A', '#VALUE!', '#NUM!']);

/** True when an optional argument was left out (`null`, `undefined`, or an empty cell's `""`). */
export function isOmitted(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value))
    return (
      value.length === 0 ||
      value.every((row) => Array.isArray(row) && row.every((c) => isBlank(c as CellValue)))
    );
  return false;
}

/** Excel's error types (`Excel.ErrorCellValue.errorType`) as the codes cells show. */
const ERROR_TYPE_CODES: Readonly<Record<string, string>> = {
  blocked: '#BLOCKED!',
  busy: '#BUSY!',
  calc: '#CALC!',
  connect: '#CONNECT!',
  div0: '#DIV/0!',
  field: '#FIELD!',
  gettingdata: '#GETTING_DATA',
  notavailable: '#N/A',
  name: '#NAME?',
  null: '#NULL!',
  num: '#NUM!',
  ref: '#REF!',
  spill: '#SPILL!',
  unknown: '#UNKNOWN!',
  value: '#VALUE!',
};

/** The code of an error value in either shape Excel passes, or `undefined` when it is not one. */
function errorCodeOf(value: object): string | undefined {
  const { code, type, basicValue, errorType } = value as Record<string, unknown>;
  if (typeof code === 'string') return code;
  if (typeof type !== 'string' || type.toLowerCase() !== 'error') return undefined;
  if (typeof basicValue === 'string' && EXCEL_ERROR_STRINGS.has(basicValue.trim().toUpperCase()))
    return basicValue.trim().toUpperCase();
  return (typeof errorType === 'string' && ERROR_TYPE_CODES[errorType.toLowerCase()]) || '#VALUE!';
}

/**
 * One cell as a `CellValue`: error values (`CustomFunctions.Error` or a data-type error) become
 * their code (`#N/A`); data types become their basic value (a formatted number its number, an
 * entity its display text); any other object becomes `#VALUE!`, which no parser accepts.
 * @example cellOf({ type: 'FormattedNumber', basicValue: 12.5, numberFormat: '$0.00' }) // 12.5
 */
export function cellOf(value: unknown): CellValue {
  if (
    value === null ||
    value === undefined ||
    typeof value === 'number' ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    value instanceof Date
  ) {
    return value;
  }
  if (typeof value !== 'object') return '#VALUE!';
  const error = errorCodeOf(value);
  if (error !== undefined) return error;
  const { type, text, basicValue } = value as Record<string, unknown>;
  // An entity's basic value is #VALUE!; what people see in the cell is its text.
  if (typeof type === 'string' && /entity$/i.test(type) && typeof text === 'string') return text;
  if (basicValue !== undefined && (basicValue === null || typeof basicValue !== 'object'))
    return cellOf(basicValue);
  return '#VALUE!';
}

/** The single value of an argument that may arrive as a 1×1 range. */
function scalarOf(value: unknown, name: string): CellValue {
  if (Array.isArray(value)) {
    if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return cellOf(value[0][0]);
    invalidArgument(name, 'expects a single value, not a range');
  }
  return cellOf(value);
}

/** An error cell passed as an argument propagates as that error, like Excel's own functions. */
function propagateError(cell: CellValue): void {
  if (typeof cell !== 'string') return;
  const code = cell.trim().toUpperCase();
  if (!EXCEL_ERROR_STRINGS.has(code)) return;
  if (RETURNABLE_ERRORS.has(code)) throw excelError(code as ErrorCode, `an argument is ${code}`);
  throw excelError('#VALUE!', `an argument is ${code}`);
}

/**
 * A number argument: numbers, and number text such as `"1,250.00"` or `"15%"`.
 * @example numberArg('15%', 'margin') // 0.15
 */
export function numberArg(value: unknown, name: string): number {
  const cell = scalarOf(value, name);
  if (isBlank(cell)) invalidArgument(name, 'is required');
  propagateError(cell);
  if (typeof cell === 'boolean') invalidArgument(name, 'expects a number, not TRUE/FALSE');
  const result = amountOrReason(cell);
  if (typeof result === 'string') invalidArgument(name, result);
  return result;
}

/** An optional number argument: `fallback` when omitted. */
export function optionalNumberArg(value: unknown, name: string, fallback: number): number;
export function optionalNumberArg(value: unknown, name: string): number | undefined;
export function optionalNumberArg(value: unknown, name: string, fallback?: number): number | undefined {
  return isOmitted(value) ? fallback : numberArg(value, name);
}

/** A text argument (numbers are turned into text, as Excel does). */
export function textArg(value: unknown, name: string): string {
  const cell = scalarOf(value, name);
  propagateError(cell);
  if (isBlank(cell)) invalidArgument(name, 'is required');
  if (cell instanceof Date) invalidArgument(name, 'expects text, not a date');
  return String(cell).trim();
}

/**
 * True when an optional text argument names an empty cell: omitted, or the `0` (a text parameter
 * receives `"0"`) that older desktop builds pass for an empty cell; no choice here is `0`.
 */
function isOmittedText(value: unknown): boolean {
  const cell = Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) ? value[0][0] : value;
  return isOmitted(cell) || cell === 0 || cell === '0';
}

/** An optional text argument: `undefined` when omitted. */
export function optionalTextArg(value: unknown, name: string): string | undefined {
  return isOmittedText(value) ? undefined : textArg(value, name);
}

const PERIOD_WORDS = 'day, week, month, quarter or year (or hari, minggu, bulan, kuartal, tahun)';

/**
 * A period unit in English or Indonesian.
 * @example periodArg('Bulan', 'period') // 'month'
 */
export function periodArg(value: unknown, name: string): PeriodUnit {
  const text = textArg(value, name);
  const unit = parsePeriodUnit(text);
  if (!unit) invalidArgument(name, `'${clip(text)}' is not a period: use ${PERIOD_WORDS}`);
  return unit;
}

/** An optional period unit: `undefined` when omitted. */
export function optionalPeriodArg(value: unknown, name: string): PeriodUnit | undefined {
  return isOmittedText(value) ? undefined : periodArg(value, name);
}

/** True for a date cell that holds no date: blank, or the 0 of an empty cell on older builds. */
export function isNoDate(cell: CellValue): boolean {
  return cell === 0 || isBlankCell(cell);
}

/**
 * A date argument as epoch days: a serial in the workbook's date system, or date text (date
 * parameters are declared `any`, so text such as "28/11/2026" reaches the parser). An empty
 * cell — `null`, or `0` on older builds — is no date.
 * @example dateArg(45292, 'asOf') // 19723 (2024-01-01)
 */
export function dateArg(value: unknown, name: string): number {
  const cell = scalarOf(value, name);
  if (isNoDate(cell)) invalidArgument(name, 'is required (an empty cell or 0 is no date)');
  propagateError(cell);
  // Date text decides its own day/month order when it can ("28/11/2026"); else month first.
  const order = typeof cell === 'string' ? inferDateOrder([cell]) : undefined;
  const result = dateOrReason(cell, { system: dateSystem(), order });
  if (typeof result === 'string') invalidArgument(name, result);
  return result;
}

/** An optional date argument: `undefined` when omitted or an empty cell (`null`, or `0`). */
export function optionalDateArg(value: unknown, name: string): number | undefined {
  const cell = Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) ? value[0][0] : value;
  return isOmitted(cell) || cell === 0 ? undefined : dateArg(value, name);
}

/**
 * A range argument read as one column of cells: a single column or a single row of a 2-D array
 * (a lone value is a one-cell column). Wider blocks are `#VALUE!`.
 * @example columnArg([[1], [2], ['']], 'amounts') // [1, 2, '']
 */
export function columnArg(value: unknown, name: string): CellValue[] {
  if (!Array.isArray(value)) return value === null || value === undefined ? [] : [cellOf(value)];
  const rows = value.length;
  if (rows === 0) return [];
  const first = value[0];
  if (!Array.isArray(first)) return value.map(cellOf);
  if (rows === 1) return first.map(cellOf);
  const out: CellValue[] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const row = value[i];
    if (!Array.isArray(row) || row.length !== 1) {
      invalidArgument(
        name,
        `must be a single column or row, not ${rows} rows × ${Array.isArray(row) ? row.length : 0} columns`,
      );
    }
    const cell = row[0];
    // Plain cells are by far the common case; only objects need converting.
    out[i] = typeof cell === 'object' && cell !== null && !(cell instanceof Date) ? cellOf(cell) : cell;
  }
  return out;
}

/** Cells of a column: a plain array, or numbers with blanks as `NaN` (see {@link cellsArg}). */
export type Cells = ArrayLike<CellValue>;

/**
 * A column of numbers read straight into a `Float64Array` (blank cells as `NaN`), or `undefined`
 * as soon as a cell is neither a number nor blank. Date and amount columns are almost always
 * numbers; this reads a whole-column range in one pass without an intermediate array of cells.
 */
function numericColumn(value: unknown[]): Float64Array | undefined {
  const rows = value.length;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const row = value[i];
    if (!Array.isArray(row) || row.length !== 1) return undefined;
    const cell = row[0];
    if (typeof cell === 'number') out[i] = cell;
    else if (cell === '' || cell === null || cell === undefined) out[i] = NaN;
    else return undefined;
  }
  return out;
}

/**
 * A range argument as cells, like {@link columnArg}, but a column of numbers and blanks comes back
 * as a `Float64Array` with `NaN` for blanks (Excel never passes NaN, so it can mark a blank).
 * @example cellsArg([[45292], [''], [45293]], 'dates') // Float64Array [45292, NaN, 45293]
 */
export function cellsArg(value: unknown, name: string): Cells {
  if (Array.isArray(value) && value.length > 1) {
    const numbers = numericColumn(value);
    if (numbers) return numbers;
  }
  return columnArg(value, name);
}

/** True for a blank cell, including the `NaN` blanks of a numeric column. */
export function isBlankCell(cell: CellValue): boolean {
  return cell !== cell || isBlank(cell);
}

/** An optional range: `undefined` when omitted. */
export function optionalColumnArg(value: unknown, name: string): CellValue[] | undefined {
  return value === null || value === undefined ? undefined : columnArg(value, name);
}

/**
 * A range of a text role (customers, order ids, groups, statuses) as cells: a `0` is an empty
 * cell from an older build (no customer or order is called 0), so it becomes `null`.
 * @example textColumnArg([['a'], [0], [null]], 'customers') // ['a', null, null]
 */
export function textColumnArg(value: unknown, name: string): CellValue[] {
  const cells = columnArg(value, name);
  for (let i = 0; i < cells.length; i++) if (cells[i] === 0) cells[i] = null;
  return cells;
}

/** An optional range of a text role: `undefined` when omitted. */
export function optionalTextColumnArg(value: unknown, name: string): CellValue[] | undefined {
  return value === null || value === undefined ? undefined : textColumnArg(value, name);
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * A whole number argument from `min` to `max`, `fallback` when omitted; `#VALUE!` naming the
 * argument otherwise.
 * @example wholeNumberArg(null, 'horizon', 0, 1000, 3) // 3
 */
export function wholeNumberArg(
  value: unknown,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (isOmitted(value)) return fallback;
  const n = numberArg(value, name);
  if (!Number.isInteger(n) || n < min || n > max)
    invalidArgument(name, `must be a whole number from ${min} to ${max}`);
  return n;
}
