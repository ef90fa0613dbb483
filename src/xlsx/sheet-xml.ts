/**
 * Cells as SpreadsheetML, written straight from a grid without a workbook model: numbers as
 * numbers, dates as serial numbers with a date format, booleans, and text as inline strings
 * (never formulas, so `=1+1` stays text). Text is escaped for XML, and characters XML cannot
 * carry (control characters, a lone `\r`) are written the way Excel writes them, `_x000D_`;
 * a literal `_x…_` in the text is escaped so it reads back as itself.
 */
import type { CellValue } from '../core/cell';

/** Longest text a cell holds (Excel's limit). */
export const MAX_CELL_TEXT = 32_767;

/** Excel's serial number of a UTC instant (1900 date system). */
export function serialOf(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

/** Column letters of a 0-based column (0 → A, 27 → AB). */
export function columnName(column: number): string {
  let name = '';
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26))
    name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

// Characters needing care: markup, control characters (tab and line feed are fine), `_x`
// escapes' underscore, and the two non-characters U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex
const SPECIAL = /[&<>\x00-\x08\x0B-\x1F_\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex
const SPECIAL_ALL = /[&<>\x00-\x08\x0B-\x1F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

const hex4 = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

/**
 * Text as the content of a SpreadsheetML `<t>` element.
 * @example cellText('a < b & "c"') // 'a &lt; b &amp; "c"'
 * @example cellText('line\r\nnext') // 'line_x000D_\nnext'
 */
export function cellText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(SPECIAL_ALL, (ch) => {
    switch (ch) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '_':
        return '_x005F_';
      default:
        return `_x${hex4(ch.charCodeAt(0))}_`;
    }
  });
}

/**
 * Reverses the `_xHHHH_` escapes of SpreadsheetML text (after XML unescaping).
 * @example decodeCellText('a_x000D_b') // 'a\rb'
 */
export function decodeCellText(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
}

/** Style indexes a sheet's cells use: per column for numbers and dates, and the header's. */
export interface CellStyles {
  /** Style of a date in each column (a date format). */
  readonly date: readonly number[];
  /** Style of a number in each column (0: General). */
  readonly number: readonly number[];
  /** Style of the header row's cells (0: none). */
  readonly header: number;
}

/** Whether a text needs `xml:space="preserve"` (it starts or ends with white space). */
function edgeSpace(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 32 || last <= 32 || /^\s|\s$/.test(text);
}

/** Text cut at Excel's limit, reported through `onCut`. */
function fitted(text: string, onCut: (() => void) | undefined): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  onCut?.();
  return text.slice(0, MAX_CELL_TEXT);
}

/**
 * One cell's `<c>` element, or an empty string for a blank cell. Text longer than a cell holds is
 * cut at {@link MAX_CELL_TEXT} characters and `onCut` is told.
 * @example cellXml('B2', 5, 0, 2) // '<c r="B2"><v>5</v></c>'
 * @example cellXml('C2', '=1+1', 0, 2) // '<c r="C2" t="inlineStr"><is><t>=1+1</t></is></c>'
 */
export function cellXml(
  ref: string,
  value: CellValue,
  style: number,
  dateStyle: number,
  onCut?: () => void,
): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') {
    const text = fitted(value, onCut);
    const open =
      style > 0 ? `<c r="${ref}" s="${style}" t="inlineStr"><is>` : `<c r="${ref}" t="inlineStr"><is>`;
    return `${open}${edgeSpace(text) ? '<t xml:space="preserve">' : '<t>'}${cellText(text)}</t></is></c>`;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `<c r="${ref}" t="e"><v>#NUM!</v></c>`;
    return style > 0 ? `<c r="${ref}" s="${style}"><v>${value}</v></c>` : `<c r="${ref}"><v>${value}</v></c>`;
  }
  if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  const time = value.getTime();
  const serial = time / 86_400_000 + 25_569;
  // Excel has no dates before 1900-01-01 (serial 1) nor after 9999-12-31: those stay as text.
  if (!(serial >= 1 && serial < 2_958_466))
    return `<c r="${ref}" t="inlineStr"><is><t>${Number.isFinite(time) ? value.toISOString() : '#VALUE!'}</t></is></c>`;
  return `<c r="${ref}" s="${dateStyle}"><v>${serial}</v></c>`;
}
