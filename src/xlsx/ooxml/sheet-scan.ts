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
      const a = attributesIn(pending.slice(at + 4, selfClosing ? tagEnd - 1 : tagEnd));
      const r = a.r !== undefined ? Number(a.r) : rowNumber + 1;
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
