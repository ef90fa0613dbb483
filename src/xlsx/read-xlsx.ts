/**
 * `.xlsx` files to rows of `CellValue`s, streamed part by part (`./ooxml`) so a million-row sheet
 * is read row by row instead of as a whole workbook model.
 *
 * Cells become what `Range.values` would give inside Excel, plus `Date`s: rich text → its text,
 * hyperlinks → their text, formulas (shared ones too) → their cached result, errors → `#N/A`-style
 * strings, date-formatted numbers → `Date` (UTC instants). `cellValueOf` does the same for the
 * cell values of an ExcelJS workbook model.
 */
import type { CellValue } from '../core/cell';
import type { ColumnarCells } from '../core/ingest';
import { openXlsx, type OpenedXlsx, type SheetPart } from './ooxml';
import { FileReadError } from './read-error';
import { SheetColumns } from './sheet-columns';

import { isDateNumberFormat as isDateFormat, serialToDate } from '../core/number-format';

function richTextOf(value: { richText?: readonly { text?: string }[] }): string {
  return (value.richText ?? []).map((run) => run.text ?? '').join('');
}

/**
 * Converts an ExcelJS cell value to a `CellValue`.
 * @param numberFormat the cell's number format, to turn date-formatted formula results into dates
 * @example cellValueOf({ formula: 'A1*2', result: 4 }) // 4
 * @example cellValueOf({ richText: [{ text: 'Jak' }, { text: 'arta' }] }) // 'Jakarta'
 * @example cellValueOf({ error: '#N/A' }) // '#N/A'
 */
export function cellValueOf(value: unknown, numberFormat?: string, date1904 = false): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : '#NUM!';
    case 'object':
      break;
    default:
      return String(value);
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '#VALUE!' : value;
  const object = value as Record<string, unknown>;
  if ('richText' in object) return richTextOf(object as { richText?: { text?: string }[] });
  if ('hyperlink' in object || ('text' in object && !('formula' in object))) {
    const text = object.text;
    return typeof text === 'object' && text !== null
      ? cellValueOf(text)
      : ((text as string | undefined) ?? '');
  }
  if ('error' in object) return String(object.error);
  if ('formula' in object || 'sharedFormula' in object || 'result' in object) {
    const result = object.result;
    // The streaming reader parses an error result (`t="e"`) as a number: NaN. Its text is lost.
    if (typeof result === 'number' && Number.isNaN(result)) return '#VALUE!';
    if (typeof result === 'number' && isDateFormat(numberFormat)) return serialToDate(result, date1904);
    return cellValueOf(result, numberFormat, date1904);
  }
  return null;
}

export interface XlsxReadOptions {
  /**
   * Sheet name (case-insensitive). Default: a visible sheet with a preferred name that `looksLike`
   * accepts, else the first visible sheet it accepts, else the first visible sheet.
   */
  readonly sheet?: string;
  /** Decides whether a sheet's rows look like the wanted table (e.g. orders). */
  readonly looksLike?: (rows: readonly (readonly CellValue[])[]) => boolean;
  /**
   * Sheet names (case-insensitive) that win over the first `looksLike` match when their rows
   * pass `looksLike` too: a workbook's `Spend` sheet, not its `Orders` sheet, holds the spend.
   */
  readonly preferredNames?: readonly string[];
  readonly onProgress?: (rowsRead: number) => void;
  readonly progressEvery?: number;
}

export interface XlsxReadResult {
  readonly rows: CellValue[][];
  /** Name of the sheet the rows come from. */
  readonly sheet: string;
  /** Every worksheet seen, in file order. */
  readonly sheetNames: readonly string[];
}

/** Rows a sheet is judged on before deciding whether to read it whole. */
const SNIFF_ROWS = 200;

/** What {@link denseRows} gives for a row the sheet does not have (never to be changed). */
const NO_ROW: readonly CellValue[] = Object.freeze([]);

/**
 * Streams a sheet's rows densely to `onRow`, up to row `limit`: row i is sheet row i + 1, and a
 * row the sheet does not have (or has without values) comes as `NO_ROW`; the others are not empty.
 */
async function denseRows(
  book: OpenedXlsx,
  sheet: SheetPart,
  onRow: (values: readonly CellValue[]) => void,
  limit = Infinity,
): Promise<void> {
  let delivered = 0;
  await book.rows(sheet, (number, values) => {
    if (number > limit) return false;
    for (; delivered < number - 1; delivered++) onRow(NO_ROW);
    onRow(values);
    delivered++;
    return number < limit;
  });
}

/** Reads a sheet's rows densely: row i of the result is sheet row i + 1 (gaps become empty rows). */
async function sheetRows(
  book: OpenedXlsx,
  sheet: SheetPart,
  onRow: () => void,
  limit = Infinity,
): Promise<CellValue[][]> {
  const rows: CellValue[][] = [];
  await denseRows(
    book,
    sheet,
    (values) => {
      if (values === NO_ROW) rows.push([]);
      else {
        onRow();
        rows.push(values as CellValue[]);
      }
    },
    limit,
  );
  return rows;
}

/** Reads a sheet's cells by column (see `SheetColumns`), the same cells as {@link sheetRows}. */
async function sheetColumns(book: OpenedXlsx, sheet: SheetPart, onRow: () => void): Promise<ColumnarCells> {
  const columns = new SheetColumns();
  await denseRows(book, sheet, (values) => {
    if (values !== NO_ROW) onRow();
    columns.push(values);
  });
  return columns.finish();
}

const isVisible = (sheet: SheetPart) => sheet.state !== 'hidden' && sheet.state !== 'veryHidden';

/** The sheet `options` ask for (see {@link XlsxReadOptions.sheet}). */
async function chosenSheet(book: OpenedXlsx, path: string, options: XlsxReadOptions): Promise<SheetPart> {
  const wanted = options.sheet?.trim().toLowerCase();
  if (wanted !== undefined) {
    const named = book.sheets.find((s) => s.name.toLowerCase() === wanted);
    if (!named) {
      const names = book.sheets.map((s) => `"${s.name}"`);
      const list = names.length ? names.join(', ') : 'none';
      throw new FileReadError(`no sheet named "${options.sheet}" in ${path} (sheets: ${list})`, path);
    }
    return named;
  }
  const visible = book.sheets.filter(isVisible);
  const preferred = new Set((options.preferredNames ?? []).map((n) => n.toLowerCase()));
  let firstFit: SheetPart | undefined;
  for (const sheet of visible) {
    if (!options.looksLike) break;
    const head = await sheetRows(book, sheet, () => undefined, SNIFF_ROWS);
    if (!options.looksLike(head)) continue;
    if (preferred.size === 0 || preferred.has(sheet.name.toLowerCase())) return sheet;
    firstFit ??= sheet;
  }
  const chosen = firstFit ?? visible[0] ?? book.sheets[0];
  if (!chosen) throw new FileReadError(`${path} has no worksheets`, path);
  return chosen;
}

/** Opens `path`, reads the sheet `options` ask for with `read`, and closes it. */
async function readChosenSheet<T>(
  path: string,
  options: XlsxReadOptions,
  read: (book: OpenedXlsx, sheet: SheetPart, onRow: () => void) => Promise<T>,
): Promise<{ read: T; sheet: string; sheetNames: readonly string[] }> {
  const book = await openXlsx(path);
  const every = options.progressEvery ?? 100_000;
  let rowsRead = 0;
  const onRow = () => {
    rowsRead++;
    if (options.onProgress && rowsRead % every === 0) options.onProgress(rowsRead);
  };
  try {
    const chosen = await chosenSheet(book, path, options);
    const result = await read(book, chosen, onRow);
    options.onProgress?.(rowsRead);
    return { read: result, sheet: chosen.name, sheetNames: book.sheets.map((s) => s.name) };
  } finally {
    book.close();
  }
}

/**
 * Reads the rows of one sheet of an `.xlsx` file. Sheets are considered in tab order, whatever
 * order the file stores them in.
 * Throws `FileReadError` for a missing file, a file that is not an `.xlsx` package, a damaged
 * package or sheet, or an unknown sheet.
 * @example const { rows, sheet } = await readXlsxFile('sales.xlsx', { sheet: 'Orders' });
 */
export async function readXlsxFile(path: string, options: XlsxReadOptions = {}): Promise<XlsxReadResult> {
  const { read, sheet, sheetNames } = await readChosenSheet(path, options, sheetRows);
  return { rows: read, sheet, sheetNames };
}

export interface XlsxColumnsResult {
  /** The sheet's cells by column: exactly the rows {@link readXlsxFile} gives. */
  readonly cells: ColumnarCells;
  readonly sheet: string;
  readonly sheetNames: readonly string[];
}

/**
 * Reads one sheet of an `.xlsx` file (chosen as {@link readXlsxFile} chooses) by column, for
 * ingestion: no array per row is kept, and each column holds each distinct value once.
 * @example const { cells } = await readXlsxColumns('sales.xlsx'); ingestOrders(cells)
 */
export async function readXlsxColumns(
  path: string,
  options: XlsxReadOptions = {},
): Promise<XlsxColumnsResult> {
  const { read, sheet, sheetNames } = await readChosenSheet(path, options, sheetColumns);
  return { cells: read, sheet, sheetNames };
}

/** One worksheet's cells, as `readXlsxSheets` reads them. */
export interface XlsxSheet {
  readonly name: string;
  /** `visible`, `hidden` or `veryHidden`. */
  readonly state: string;
  /** By column; row i is sheet row i + 1 (no rows for a sheet whose rows were not wanted). */
  readonly cells: ColumnarCells;
}

/**
 * Reads every worksheet of an `.xlsx` file in one streaming pass (file order) into cells stored
 * by column, for commands that look for several tables in one workbook without loading it as a
 * model.
 * @param wanted whether a sheet's rows are kept (default all); the others are read past
 * @example const { sheets } = await readXlsxSheets('sales.xlsx');
 */
export async function readXlsxSheets(
  path: string,
  wanted: (name: string) => boolean = () => true,
  onProgress?: (rowsRead: number) => void,
): Promise<{ sheets: XlsxSheet[]; date1904: boolean }> {
  const book = await openXlsx(path);
  let rowsRead = 0;
  const onRow = () => {
    rowsRead++;
    if (onProgress && rowsRead % 100_000 === 0) onProgress(rowsRead);
  };
  try {
    const sheets: XlsxSheet[] = [];
    for (const sheet of book.sheets)
      sheets.push({
        name: sheet.name,
        state: sheet.state,
        cells: wanted(sheet.name) ? await sheetColumns(book, sheet, onRow) : new SheetColumns().finish(),
      });
    onProgress?.(rowsRead);
    return { sheets, date1904: book.date1904 };
  } finally {
    book.close();
  }
}
