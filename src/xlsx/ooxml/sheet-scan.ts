/**
 * The fast reading of a worksheet part: the XML as the common writers (Excel, LibreOffice,
 * ExcelJS, openpyxl and this product) write it, scanned row by row as text without an event per
 * tag. Anything outside that form (prefixed or unknown elements, comments, CDATA, an entity it
 * does not know, rows out of order, a part that ends early) makes it stop and say how far it got:
 * the caller then reads the part with the full parser, which skips the rows already delivered
 * and names any damage precisely.
 */
import type { Readable } from 'node:stream';
import type { CellValue } from '../../core/cell';
import { cellValue, columnOfRef, type SheetContext } from './sheet-rows';

/** How far the fast reading got. */
export interface ScanOutcome {
  /** Every row was delivered (or `onRow` stopped the reading). */
  readonly complete: boolean;
  /** The last row number delivered to `onRow` (0: none). */
  readonly lastRow: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** Thrown inside the scan when the text is outside the form it reads. */
class Unread extends Error {}
const unread = (): never => {
  throw new Unread();
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its entity and character references replaced. */
function unescape(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) return unread();
    if (name[0] === '#') {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : unread();
    }
    return ENTITIES[name] ?? unread();
  });
}

/** The attributes of a start tag's inside (`r="A1" t="s"`); values unescaped. */
function attributesIn(tag: string): Record<string, string> {
  // The usual form: double quotes, single spaces, nothing to unescape.
  if (!tag.includes("'") && !tag.includes('&')) {
    const parts = tag.split('"');
    if (parts.length % 2 === 1 && parts[parts.length - 1].trim() === '') {
      const out: Record<string, string> = {};
      let plain = true;
      for (let k = 0; k + 1 < parts.length; k += 2) {
        const name = parts[k];
        if (
          name.charCodeAt(0) !== 32 ||
          name.charCodeAt(name.length - 1) !== 61 ||
          name.indexOf(' ', 1) >= 0
        ) {
          plain = false;
          break;
        }
        out[name.slice(1, -1)] = parts[k + 1];
      }
      if (plain) return out;
    }
  }
  const out: Record<string, string> = {};
  const re = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gy;
  let at = 0;
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    out[m[1]] = unescape(m[2] ?? m[3]);
    at = re.lastIndex;
  }
  if (tag.slice(at).trim() !== '') unread();
  return out;
}

/** A cell tag's r, s and t. */
interface CellAttributes {
  r?: string;
  s?: string;
  t?: string;
}

/**
 * A cell tag's r, s and t, read in place when the tag is plain: one-letter names, each after a
 * space and written `x="…"` without `&` or `'`. Any other tag is read the long way.
 */
function cellAttributes(text: string, from: number, to: number): CellAttributes {
  const out: CellAttributes = {};
  let k = from;
  for (;;) {
    while (k < to && text.charCodeAt(k) === 32) k++;
    if (k >= to) return out;
    if (k === from || text.charCodeAt(k + 1) !== 61 || text.charCodeAt(k + 2) !== 34) break;
    let end = k + 3;
    for (let code = text.charCodeAt(end); code !== 34; code = text.charCodeAt(++end))
      if (code === 38 || code === 39 || end >= to) return attributesIn(text.slice(from, to));
    const name = text.charCodeAt(k);
    const key = name === 114 ? 'r' : name === 115 ? 's' : name === 116 ? 't' : undefined;
    if (key !== undefined) {
      if (out[key] !== undefined) break;
      out[key] = text.slice(k + 3, end);
    }
    k = end + 1;
    if (k < to && text.charCodeAt(k) !== 32) break;
  }
  return attributesIn(text.slice(from, to));
}

/**
 * The row number of a cell reference: the number from its first digit on (`B12` → 12); 0 when it
 * has no digit, NaN when something else follows the digits.
 */
function rowOfRef(ref: string): number {
  let at = 0;
  while (at < ref.length && (ref.charCodeAt(at) < 48 || ref.charCodeAt(at) > 57)) at++;
  return at === ref.length ? 0 : Number(ref.slice(at));
}

/**
 * Reads the rows of one `<row>…</row>` element's inside (its cells) into dense values.
 * `rowNumber` is the row's number, for checking the cells' references.
 */
function cellsOf(body: string, rowNumber: number, context: SheetContext): CellValue[] {
  const values: CellValue[] = [];
  let col = 0;
  let at = 0;
  while (at < body.length) {
    const open = body.indexOf('<', at);
    if (open < 0) {
      if (body.slice(at).trim() !== '') unread();
      break;
    }
    if (body.slice(at, open).trim() !== '' || body.charCodeAt(open + 1) !== 99 /* c */) unread();
    const end = plainCell(body, open, rowNumber, col, context);
    if (end >= 0) {
      col = plainColumn;
      const value = plainValue;
      if (value !== null) {
        while (values.length < col - 1) values.push(null);
        values[col - 1] = value;
      }
      at = end;
      continue;
    }
    const tagEnd = body.indexOf('>', open);
    if (tagEnd < 0) unread();
    const selfClosing = body.charCodeAt(tagEnd - 1) === 47; /* / */
    const nameEnd = open + 2;
    const next = body.charCodeAt(nameEnd);
    if (!(next === 32 || next === 9 || next === 10 || next === 13 || next === 47 || next === 62)) unread();
    const a = cellAttributes(body, nameEnd, selfClosing ? tagEnd - 1 : tagEnd);
    const c = a.r !== undefined ? columnOfRef(a.r) : col + 1;
    if (c <= 0 || c > MAX_COLUMNS) unread();
    if (a.r !== undefined && rowOfRef(a.r) !== rowNumber) unread();
    col = c;
    if (selfClosing) {
      at = tagEnd + 1;
      continue;
    }
    const close = body.indexOf('</c>', tagEnd);
    if (close < 0) unread();
    const text = cellText(body.slice(tagEnd + 1, close), a.t ?? 'n');
    const style = a.s !== undefined && context.dateStyles[Number(a.s)] === true;
    const value = cellValue(a.t ?? 'n', text, style, context);
    if (value === undefined) unread(); // a missing shared string: the full parser names it
    if (value !== null && value !== undefined) {
      while (values.length < col - 1) values.push(null);
      values[col - 1] = value;
    }
    at = close + 4;
  }
  return values;
}

/** The column and value of the cell `plainCell` read last. */
let plainColumn = 0;
let plainValue: CellValue = null;

/** Cell types `plainCell` reads: none (a number), shared string, formula string, inline string. */
const PLAIN_TYPES = ['n', 's', 'str', 'inlineStr'] as const;

/**
 * The usual cell read in place, without slicing its attributes: `<c r="B2" s="3" t="inlineStr">`
 * (r, s and t, each at most once, one space before each, r letters then the row's number, s
 * digits, t one of {@link PLAIN_TYPES}) holding only `<v>…</v>` (`<is><t>…</t></is>` for an inline
 * string). Sets `plainColumn` and `plainValue` and returns where the cell ends; -1 when the cell
 * is not in that form, for `cellsOf` to read the long way, which gives these cells the same result.
 */
function plainCell(
  body: string,
  open: number,
  rowNumber: number,
  col: number,
  context: SheetContext,
): number {
  let refStart = -1;
  let refEnd = -1;
  let styleStart = -1;
  let styleEnd = -1;
  let typeStart = -1;
  let typeEnd = -1;
  let k = open + 2;
  for (let code = body.charCodeAt(k); code !== 62 /* > */; code = body.charCodeAt(k)) {
    if (code !== 32 || body.charCodeAt(k + 2) !== 61 /* = */ || body.charCodeAt(k + 3) !== 34 /* " */)
      return -1;
    const name = body.charCodeAt(k + 1);
    const start = k + 4;
    const end = body.indexOf('"', start);
    if (end < 0) return -1;
    if (name === 114 /* r */ && refStart < 0) {
      refStart = start;
      refEnd = end;
    } else if (name === 115 /* s */ && styleStart < 0) {
      styleStart = start;
      styleEnd = end;
    } else if (name === 116 /* t */ && typeStart < 0) {
      typeStart = start;
      typeEnd = end;
    } else return -1;
    k = end + 1;
  }
  const tagEnd = k;
  let c = col + 1;
  if (refStart >= 0) {
    let i = refStart;
    c = 0;
    for (; i < refEnd; i++) {
      const code = body.charCodeAt(i) & ~32;
      if (code < 65 || code > 90) break;
      c = c * 26 + (code - 64);
    }
    if (i === refStart || c > MAX_COLUMNS || refEnd - i < 1 || refEnd - i > 9) return -1;
    let row = 0;
    for (; i < refEnd; i++) {
      const digit = body.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return -1;
      row = row * 10 + digit;
    }
    if (row !== rowNumber) return -1;
  }
  let style = false;
  if (styleStart >= 0) {
    if (styleEnd - styleStart < 1 || styleEnd - styleStart > 9) return -1;
    let index = 0;
    for (let i = styleStart; i < styleEnd; i++) {
      const digit = body.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return -1;
      index = index * 10 + digit;
    }
    style = context.dateStyles[index] === true;
  }
  let type: (typeof PLAIN_TYPES)[number] | undefined = typeStart < 0 ? 'n' : undefined;
  for (const known of PLAIN_TYPES)
    if (type === undefined && typeEnd - typeStart === known.length && body.startsWith(known, typeStart))
      type = known;
  if (type === undefined) return -1;
  let textStart: number;
  let textEnd: number;
  let end: number;
  if (type === 'inlineStr') {
    if (!body.startsWith('<is><t>', tagEnd + 1)) return -1;
    textStart = tagEnd + 8;
    textEnd = body.indexOf('<', textStart);
    if (textEnd < 0 || !body.startsWith('</t></is></c>', textEnd)) return -1;
    end = textEnd + 13;
  } else {
    if (!body.startsWith('<v>', tagEnd + 1)) return -1;
    textStart = tagEnd + 4;
    textEnd = body.indexOf('<', textStart);
    if (textEnd < 0 || !body.startsWith('</v></c>', textEnd)) return -1;
    end = textEnd + 8;
  }
  const value = cellValue(type, unescape(body.slice(textStart, textEnd)), style, context);
  if (value === undefined) unread(); // a missing shared string: the full parser names it
  plainColumn = c;
  plainValue = value as CellValue;
  return end;
}

/** A cell's text: its `<v>` (formulas skipped), or an inline string's runs without phonetics. */
function cellText(inner: string, type: string): string | null {
  if (type === 'inlineStr') {
    // The usual form: one plain run.
    if (
      inner.startsWith('<is><t>') &&
      inner.endsWith('</t></is>') &&
      inner.indexOf('<', 7) === inner.length - 9
    )
      return unescape(inner.slice(7, -9));
    const is = /^\s*<is>([\s\S]*)<\/is>\s*$/.exec(inner.replace(/<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>/, ''));
    if (!is) return inner.trim() === '' ? null : unread();
    const runs = is[1].replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').replace(/<phoneticPr\b[^>]*\/>/g, '');
    if (/<!|<\?/.test(runs)) unread();
    let text = '';
    const re = /<t(?:\s[^>]*)?>([^<]*)<\/t>|<t(?:\s[^>]*)?\/>/g;
    for (let m = re.exec(runs); m; m = re.exec(runs)) text += m[1] ?? '';
    const rest = runs
      .replace(re, '')
      .replace(
        /<\/?(?:r|rPr)\b[^>]*>|<(?:rFont|b|i|strike|condense|extend|outline|shadow|u|vertAlign|sz|color|family|charset|scheme)\b[^>]*\/>/g,
        '',
      );
    if (rest.trim() !== '') unread();
    return unescape(text);
  }
  // The usual form: the value alone.
  if (inner.startsWith('<v>') && inner.endsWith('</v>') && inner.indexOf('<', 3) === inner.length - 4)
    return unescape(inner.slice(3, -4));
  let body = inner;
  if (body.includes('<f')) body = body.replace(/<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>/, '');
  if (body.trim() === '') return null;
  const v = /^\s*<v>([^<]*)<\/v>\s*$/.exec(body) ?? /^\s*<v\/>\s*$/.exec(body);
  if (!v) return unread();
  return unescape(v[1] ?? '');
}

/** A row tag's number from its attributes (the next row's when it has no `r`); NaN when not a number. */
function rowNumberOf(
  text: string,
  at: number,
  tagEnd: number,
  selfClosing: boolean,
  previous: number,
): number {
  const a = attributesIn(text.slice(at + 4, selfClosing ? tagEnd - 1 : tagEnd));
  return a.r !== undefined ? Number(a.r) : previous + 1;
}

/**
 * The number of a row tag written ` r="12">` (its only attribute, one to seven digits), read in
 * place; undefined for any other form, which `rowNumberOf` reads.
 */
function plainRowNumber(text: string, from: number, tagEnd: number): number | undefined {
  const digits = tagEnd - from - 5;
  if (digits < 1 || digits > 7 || !text.startsWith(' r="', from) || text.charCodeAt(tagEnd - 1) !== 34)
    return undefined;
  let row = 0;
  for (let i = from + 4; i < tagEnd - 1; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    row = row * 10 + digit;
  }
  return row;
}

/**
 * Scans a worksheet part's rows from `stream`, calling `onRow` as the full reader does (non-empty
 * rows, dense values from column A; `false` stops). Stops at the first thing it does not read and
 * says how far it got; never throws for the part's content.
 */
export async function scanSheetRows(
  stream: Readable,
  context: SheetContext,
  onRow: (rowNumber: number, values: CellValue[]) => boolean | void,
): Promise<ScanOutcome> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let state: 'head' | 'rows' | 'tail' = 'head';
  let lastRow = 0;
  let rowNumber = 0;
  const stop = (complete: boolean): ScanOutcome => {
    stream.destroy();
    return { complete, lastRow };
  };
  /** Takes what `pending` holds whole; false when the reading must stop (stopped: `onRow`). */
  const consume = (): 'more' | 'stopped' => {
    if (state === 'head') {
      const data = pending.indexOf('<sheetData');
      if (data < 0) {
        if (/<[A-Za-z_][\w.-]*:[A-Za-z]/.test(pending)) unread(); // prefixed elements
        return 'more';
      }
      if (!/<worksheet\b/.test(pending.slice(0, data)) || /<!--|<!\[|<!DOCTYPE/.test(pending.slice(0, data)))
        unread();
      const end = pending.indexOf('>', data);
      if (end < 0) return 'more';
      state = pending.charCodeAt(end - 1) === 47 ? 'tail' : 'rows';
      pending = pending.slice(end + 1);
    }
    while (state === 'rows') {
      let at = 0;
      while (at < pending.length && pending.charCodeAt(at) <= 32) at++;
      if (pending.startsWith('</sheetData>', at)) {
        state = 'tail';
        pending = pending.slice(at + '</sheetData>'.length);
        break;
      }
      if (pending.length - at < 5) return 'more';
      if (!pending.startsWith('<row', at)) unread();
      const tagEnd = pending.indexOf('>', at);
      if (tagEnd < 0) return 'more';
      const selfClosing = pending.charCodeAt(tagEnd - 1) === 47;
      const next = pending.charCodeAt(at + 4);
      if (!(next === 32 || next === 9 || next === 10 || next === 13 || next === 47 || next === 62)) unread();
      let end = tagEnd + 1;
      let body = '';
      if (!selfClosing) {
        const close = pending.indexOf('</row>', tagEnd);
        if (close < 0) {
          if (pending.length - at > 64 * 1024 * 1024) unread();
          return 'more';
        }
        body = pending.slice(tagEnd + 1, close);
        if (body.includes('<row')) unread();
        end = close + 6;
      }
      const r =
        plainRowNumber(pending, at + 4, tagEnd) ?? rowNumberOf(pending, at, tagEnd, selfClosing, rowNumber);
      if (!Number.isInteger(r) || r <= rowNumber || r > MAX_ROWS) unread();
      rowNumber = r;
      const values = body === '' ? [] : cellsOf(body, r, context);
      pending = pending.slice(end);
      if (values.length > 0) {
        lastRow = r;
        if (onRow(r, values) === false) return 'stopped';
      }
    }
    return 'more';
  };
  try {
    for await (const chunk of stream) {
      pending += decoder.decode(chunk as Buffer, { stream: true });
      if (consume() === 'stopped') return stop(true);
    }
    pending += decoder.decode();
    if (consume() === 'stopped') return stop(true);
  } catch (error) {
    if (error instanceof Unread) return stop(false);
    // The stream's own failures (checksum, bad compressed data): the full reader reports them.
    return stop(false);
  }
  // Whole only when the rows ended and the part closes as a worksheet does.
  const whole =
    (state as string) === 'tail' && /<\/worksheet>\s*$/.test(pending) && !/<!--|<!\[/.test(pending);
  return { complete: whole, lastRow };
}
