/**
 * `.xlsx` files to rows of `CellValue`s, with ExcelJS's streaming reader so a million-row sheet
 * is read row by row instead of as a whole workbook model.
 *
 * Cells become what `Range.values` would give inside Excel, plus `Date`s: rich text → its text,
 * hyperlinks → their text, formulas (shared ones too) → their cached result, errors → `#N/A`-style
 * strings, date-formatted numbers → `Date` (ExcelJS reads them as UTC instants).
 */
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { CellValue } from '../core/cell';
import { describeFsError, FileReadError } from './read-error';

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

interface StreamRow {
  readonly number: number;
  /** Sparse, 1-based: `values[col]`. */
  readonly values: readonly unknown[];
  getCell(col: number): { numFmt?: string };
}

/**
 * One row's cells, dense from column A. Plain values come from `row.values` (cheap); the number
 * format, which costs a style lookup, is asked for only where it matters: formula results (the
 * streaming reader already turns date-formatted plain numbers into dates).
 */
function rowValues(row: StreamRow, date1904: () => boolean): CellValue[] {
  const raw = row.values;
  const values: CellValue[] = new Array(Math.max(0, raw.length - 1));
  for (let col = 1; col < raw.length; col++) {
    const value = raw[col];
    if (value === undefined || value === null) values[col - 1] = null;
    else if (typeof value !== 'object' || value instanceof Date) values[col - 1] = cellValueOf(value);
    else values[col - 1] = cellValueOf(value, row.getCell(col).numFmt, date1904());
  }
  return values;
}

interface StreamSheet extends AsyncIterable<StreamRow> {
  readonly name?: string;
  readonly state?: string;
}

/** Rows a sheet is judged on before deciding whether to keep reading it. */
const SNIFF_ROWS = 200;

/**
 * Reads one worksheet's rows densely: row i of the result is sheet row i + 1 (gaps become empty
 * rows). After the first `SNIFF_ROWS` rows `keep` decides whether the rest is worth storing; when
 * it says no, the rest is read past and `null` is returned.
 */
async function readSheetRows(
  sheet: StreamSheet,
  date1904: () => boolean,
  onRow: () => void,
  keep: (head: readonly CellValue[][]) => boolean = () => true,
): Promise<CellValue[][] | null> {
  const rows: CellValue[][] = [];
  let decided = false;
  let storing = true;
  for await (const row of sheet) {
    onRow();
    if (!storing) continue;
    while (rows.length < row.number - 1) rows.push([]);
    rows.push(rowValues(row, date1904));
    if (!decided && rows.length >= SNIFF_ROWS) {
      decided = true;
      storing = keep(rows);
    }
  }
  if (!decided) storing = keep(rows);
  return storing ? rows : null;
}

/**
 * Reads past a sheet that is not wanted. Every sheet must be consumed: when a workbook stores its
 * sheets before its shared strings (ExcelJS's own streaming writer does), the reader parks them in
 * temporary files and deletes each one as soon as the next is asked for, so an unread sheet's
 * stream would fail later with an unhandled ENOENT.
 */
async function skipSheet(sheet: StreamSheet): Promise<void> {
  for await (const _row of sheet) {
    /* nothing to keep */
  }
}

/**
 * Opens an `.xlsx` file for streaming. Open errors (a missing file) surface here, before the
 * stream reaches the unzipper; `date1904` is known once the workbook part has been read.
 */
async function openStreamReader(path: string): Promise<{
  stream: ReturnType<typeof createReadStream>;
  reader: InstanceType<typeof ExcelJS.stream.xlsx.WorkbookReader>;
  date1904: () => boolean;
}> {
  const stream = createReadStream(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error) => reject(describeFsError(error, path)));
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const date1904 = () =>
    Boolean((reader as unknown as { properties?: { date1904?: boolean } }).properties?.date1904);
  return { stream, reader, date1904 };
}

/**
 * Reads the rows of one sheet of an `.xlsx` file.
 * Throws `FileReadError` for a missing file, a file that is not an `.xlsx` package, or an unknown sheet.
 * @example const { rows, sheet } = await readXlsxFile('sales.xlsx', { sheet: 'Orders' });
 */
export async function readXlsxFile(path: string, options: XlsxReadOptions = {}): Promise<XlsxReadResult> {
  const { stream, reader, date1904 } = await openStreamReader(path);
  const wanted = options.sheet?.trim().toLowerCase();
  const every = options.progressEvery ?? 100_000;
  const sheetNames: string[] = [];
  const preferred = new Set((options.preferredNames ?? []).map((n) => n.toLowerCase()));
  let fallback: XlsxReadResult | undefined;
  let firstFit: XlsxReadResult | undefined;
  let chosen: XlsxReadResult | undefined;
  let rowsRead = 0;
  const onRow = () => {
    rowsRead++;
    if (options.onProgress && rowsRead % every === 0) options.onProgress(rowsRead);
  };
  try {
    for await (const sheet of reader as unknown as AsyncIterable<StreamSheet>) {
      const name = sheet.name ?? `Sheet${sheetNames.length + 1}`;
      sheetNames.push(name);
      if (wanted !== undefined) {
        if (name.toLowerCase() === wanted)
          chosen = { rows: (await readSheetRows(sheet, date1904, onRow))!, sheet: name, sheetNames };
        else await skipSheet(sheet);
        continue;
      }
      if (chosen || sheet.state === 'hidden' || sheet.state === 'veryHidden') {
        await skipSheet(sheet);
        continue;
      }
      let fits = false;
      // Keep a sheet's rows only while it may still be the answer (chosen, first fit or fallback).
      const rows = await readSheetRows(sheet, date1904, onRow, (head) => {
        fits = !options.looksLike || options.looksLike(head);
        return fits ? preferred.size === 0 || preferred.has(name.toLowerCase()) || !firstFit : !fallback;
      });
      if (!rows) continue;
      if (fits && (preferred.size === 0 || preferred.has(name.toLowerCase())))
        chosen = { rows, sheet: name, sheetNames };
      else if (fits) firstFit = { rows, sheet: name, sheetNames };
      else fallback = { rows, sheet: name, sheetNames };
    }
  } catch (error) {
    throw new FileReadError(
      `${path} is not a readable .xlsx workbook (${(error as Error)?.message ?? error})`,
      path,
    );
  } finally {
    stream.destroy();
  }
  options.onProgress?.(rowsRead);
  if (chosen) return chosen;
  if (wanted !== undefined) {
    const list = sheetNames.length ? sheetNames.map((n) => `"${n}"`).join(', ') : 'none';
    throw new FileReadError(`no sheet named "${options.sheet}" in ${path} (sheets: ${list})`, path);
  }
  if (firstFit) return firstFit;
  if (fallback) return fallback;
  throw new FileReadError(`${path} has no worksheets`, path);
}

/** One worksheet's rows, as `readXlsxSheets` reads them. */
export interface XlsxSheet {
  readonly name: string;
  /** `visible`, `hidden` or `veryHidden`. */
  readonly state: string;
  /** Row i is sheet row i + 1 (`[]` for a sheet whose rows were not wanted). */
  readonly rows: CellValue[][];
}

/**
 * Reads every worksheet of an `.xlsx` file in one streaming pass (file order), for commands that
 * look for several tables in one workbook without loading it as a model.
 * @param wanted whether a sheet's rows are kept (default all); the others are read past
 * @example const { sheets } = await readXlsxSheets('sales.xlsx');
 */
export async function readXlsxSheets(
  path: string,
  wanted: (name: string) => boolean = () => true,
  onProgress?: (rowsRead: number) => void,
): Promise<{ sheets: XlsxSheet[]; date1904: boolean }> {
  const { stream, reader, date1904 } = await openStreamReader(path);
  const sheets: XlsxSheet[] = [];
  let rowsRead = 0;
  const onRow = () => {
    rowsRead++;
    if (onProgress && rowsRead % 100_000 === 0) onProgress(rowsRead);
  };
  try {
    for await (const sheet of reader as unknown as AsyncIterable<StreamSheet>) {
      const name = sheet.name ?? `Sheet${sheets.length + 1}`;
      const state = sheet.state ?? 'visible';
      if (wanted(name)) sheets.push({ name, state, rows: (await readSheetRows(sheet, date1904, onRow))! });
      else {
        await skipSheet(sheet);
        sheets.push({ name, state, rows: [] });
      }
    }
  } catch (error) {
    throw new FileReadError(
      `${path} is not a readable .xlsx workbook (${(error as Error)?.message ?? error})`,
      path,
    );
  } finally {
    stream.destroy();
  }
  onProgress?.(rowsRead);
  return { sheets, date1904: date1904() };
}
