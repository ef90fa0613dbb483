/**
 * A worksheet part streamed to rows of `CellValue`s, as `Range.values` would give them inside
 * Excel plus `Date`s for date-formatted numbers: shared and inline strings → text, booleans,
 * errors → `#N/A`-style text, formulas → their cached result. Rows and cells without an `r`
 * reference (valid OOXML, written by some libraries) follow the one before.
 */
import type { CellValue } from '../../core/cell';
import { serialToDate } from '../../core/number-format';
import { FileReadError } from '../read-error';
import { decodeCellText } from '../sheet-xml';
import { scanSheetRows } from './sheet-scan';
import { parseXmlStream, XmlPartError } from './xml';
import type { ZipPackage } from './zip-package';

export interface SheetContext {
  readonly strings: readonly string[];
  /** Per style index: a date or time format. */
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

/** Excel's largest sheet. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** Column number (1-based) of a cell reference's letters (`AB12` → 28), 0 when there are none. */
export function columnOfRef(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return col;
}

/** Row number of a cell reference (`AB12` → 12), 0 when it has none. */
function rowOfRef(ref: string): number {
  let end = ref.length;
  while (end > 0 && ref.charCodeAt(end - 1) >= 48 && ref.charCodeAt(end - 1) <= 57) end--;
  return end === ref.length ? 0 : Number(ref.slice(end));
}

function isoDate(text: string): CellValue {
  const date = new Date(
    /[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.length <= 10 ? `${text}T00:00` : text}Z`,
  );
  return Number.isNaN(date.getTime()) ? '#VALUE!' : date;
}

/**
 * The cell's value from its type (`t`), style and text. Exposed for tests.
 * @example cellValue('n', '46027', true, context) // Date 2026-01-05
 */
export function cellValue(
  type: string,
  text: string | null,
  dateStyle: boolean,
  context: SheetContext,
): CellValue | undefined {
  if (text === null) return null;
  switch (type) {
    case 's': {
      const index = Number(text);
      const found = Number.isInteger(index) ? context.strings[index] : undefined;
      return found === '' ? null : found; // undefined: a missing shared string, reported by the caller
    }
    case 'str':
    case 'inlineStr':
      return text === '' ? null : decodeCellText(text); // an empty text is a blank cell, as every reader here treats it
    case 'b':
      return text.trim() === '1' || text.trim().toLowerCase() === 'true';
    case 'e':
      return text.trim() || '#VALUE!';
    case 'd':
      return isoDate(text.trim());
    default: {
      if (text.trim() === '') return null;
      const number = Number(text);
      if (Number.isNaN(number)) return '#VALUE!';
      if (!Number.isFinite(number)) return '#NUM!';
      return dateStyle ? serialToDate(number, context.date1904) : number;
    }
  }
}

/**
 * Streams the rows of a worksheet part. `onRow(number, values)` gets each non-empty row with its
 * 1-based row number and dense values from column A; returning `false` stops reading (the rest is
 * not parsed). Throws `FileReadError` when the part is damaged, cut short or points at strings
 * that do not exist, naming the sheet and the last row read.
 */
export async function streamSheetRows(
  pkg: ZipPackage,
  part: string,
  sheetName: string,
  context: SheetContext,
  onRow: (rowNumber: number, values: CellValue[]) => boolean | void,
): Promise<void> {
  // The fast scan reads the usual form; whatever it does not read, the parser reads from the
  // start, passing over the rows already delivered (row numbers only ever grow).
  const fast = await scanSheetRows(await pkg.stream(part), context, onRow);
  if (fast.complete) return;
  const delivered = fast.lastRow;
  await parseSheetRows(pkg, part, sheetName, context, (number, values) =>
    number <= delivered ? undefined : onRow(number, values),
  );
}

/** The full parser's reading of a worksheet part (see {@link streamSheetRows}). Exposed for tests. */
export async function parseSheetRows(
  pkg: ZipPackage,
  part: string,
  sheetName: string,
  context: SheetContext,
  onRow: (rowNumber: number, values: CellValue[]) => boolean | void,
): Promise<void> {
  let rowNumber = 0;
  let lastWholeRow = 0;
  let values: CellValue[] | null = null;
  let col = 0;
  let type = 'n';
  let style = false;
  let text: string[] | null = null;
  let inValue = false;
  let inInline = false;
  let inInlineText = false;
  let phonetic = 0;
  let stopped = false;
  let problem: string | null = null;
  const stream = await pkg.stream(part);
  const fail = (what: string) => {
    problem ??= what;
    stream.destroy();
  };
  const where = () => `sheet "${sheetName}" (${part})`;
  try {
    await parseXmlStream(
      stream,
      {
        open(name, a) {
          if (stopped || problem) return;
          switch (name) {
            case 'row': {
              const r = a.r !== undefined ? Number(a.r) : rowNumber + 1;
              if (!Number.isInteger(r) || r <= rowNumber || r > MAX_ROWS)
                return fail(`${where()} has a row numbered "${a.r}" after row ${rowNumber}`);
              rowNumber = r;
              values = [];
              col = 0;
              return;
            }
            case 'c': {
              if (!values) return fail(`${where()} has a cell outside any row after row ${rowNumber}`);
              const c = a.r !== undefined ? columnOfRef(a.r) : col + 1;
              if (
                c <= 0 ||
                c > MAX_COLUMNS ||
                (a.r !== undefined && rowOfRef(a.r) !== 0 && rowOfRef(a.r) !== rowNumber)
              )
                return fail(`${where()} has a cell "${a.r}" that does not belong to row ${rowNumber}`);
              col = c;
              type = a.t ?? 'n';
              style = a.s !== undefined && context.dateStyles[Number(a.s)] === true;
              text = null;
              return;
            }
            case 'v':
              inValue = true;
              text ??= [];
              return;
            case 'is':
              inInline = true;
              text ??= [];
              return;
            case 't':
              if (inInline) inInlineText = true;
              return;
            case 'rPh':
              phonetic++;
              return;
          }
        },
        close(name) {
          if (stopped || problem) return;
          switch (name) {
            case 'v':
              inValue = false;
              return;
            case 'is':
              inInline = false;
              return;
            case 't':
              inInlineText = false;
              return;
            case 'rPh':
              phonetic--;
              return;
            case 'c': {
              if (!values) return;
              const value = cellValue(type, text === null ? null : text.join(''), style, context);
              if (value === undefined)
                return fail(
                  `${where()} cell ${columnName(col)}${rowNumber} points to shared string ${text?.join('')}, which the workbook does not have`,
                );
              if (value !== null) {
                while (values.length < col - 1) values.push(null);
                values[col - 1] = value;
              }
              return;
            }
            case 'row': {
              const row = values;
              values = null;
              lastWholeRow = rowNumber;
              if (row && row.length > 0 && onRow(rowNumber, row) === false) {
                stopped = true;
                stream.destroy();
              }
              return;
            }
          }
        },
        text(chunk) {
          if (text && (inValue || (inInlineText && phonetic === 0))) text.push(chunk);
        },
      },
      // Cell and row attributes (r, t, s) are unqualified: read as the parser gives them.
      'plain',
    );
  } catch (error) {
    if (stopped) return;
    if (problem) throw new FileReadError(`${pkg.path} is damaged: ${problem}`, pkg.path);
    if (error instanceof XmlPartError)
      throw new FileReadError(
        error.truncated
          ? `${pkg.path} is damaged: ${where()} is cut short after row ${lastWholeRow.toLocaleString('en-US')} — the rows after it are missing. Save or copy the file again`
          : `${pkg.path} is damaged: ${where()} is not well-formed XML after row ${lastWholeRow.toLocaleString('en-US')} (${error.message})`,
        pkg.path,
      );
    if (error instanceof FileReadError) throw error;
    if ((error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE' && stopped) return;
    throw new FileReadError(
      `${pkg.path} is damaged: ${where()} cannot be read (${(error as Error).message})`,
      pkg.path,
    );
  }
  if (problem) throw new FileReadError(`${pkg.path} is damaged: ${problem}`, pkg.path);
}

function columnName(col: number): string {
  let name = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26))
    name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}
