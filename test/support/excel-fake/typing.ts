/**
 * What Excel does with text written through `Range.values` / `Range.formulas`: it parses it as if a
 * person typed it. A leading apostrophe forces text (and is not stored), `=` starts a formula, a
 * leading `+`/`-`/`@` starts a number or a formula, and numbers, booleans, error literals, ISO and
 * US dates and `Jan 2026` become numbers, booleans, errors and date serials. Also the reference
 * rewriting Excel does in formulas (A1 → R1C1 for reads, renamed and deleted sheets).
 */
import { EXCEL_ERROR_STRINGS } from '../../../src/core/cell';
import { daysFromCivil } from '../../../src/core/periods';
import { columnLetters, columnNumber, quoteSheetName } from '../../../src/sheets/a1';

/** A cell value as the fake stores it; errors are kept apart from text. */
export type FakeValue = string | number | boolean | { readonly error: string };

export type Typed =
  | { readonly kind: 'clear' }
  | {
      readonly kind: 'value';
      readonly value: FakeValue;
      readonly format?: string;
      readonly quotePrefix?: boolean;
    }
  | { readonly kind: 'formula'; readonly formula: string };

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+|(?=\.\d))(?:\.\d+)?(?:[eE][+-]?\d+)?%?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const serial = (y: number, m: number, d: number): number | undefined => {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const days = daysFromCivil(y, m, d);
  // Reject 2026-02-31 and the like: the civil round trip must land on the same month.
  return daysFromCivil(y, m + 1, 1) > days ? days + 25569 : undefined;
};

function parseDate(text: string): { value: number; format: string } | undefined {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) {
    const v = serial(Number(m[1]), Number(m[2]), Number(m[3]));
    return v === undefined ? undefined : { value: v, format: 'm/d/yyyy' };
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) {
    const v = serial(Number(m[3]), Number(m[1]), Number(m[2]));
    return v === undefined ? undefined : { value: v, format: 'm/d/yyyy' };
  }
  m = /^([A-Za-z]{3,9})[ -](\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.findIndex((name) => m![1].toLowerCase().startsWith(name)) + 1;
    const v = month > 0 ? serial(Number(m[2]), month, 1) : undefined;
    return v === undefined ? undefined : { value: v, format: 'mmm-yy' };
  }
  m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (m && Number(m[1]) < 24 && Number(m[2]) < 60) {
    return { value: (Number(m[1]) * 60 + Number(m[2])) / 1440, format: 'h:mm' };
  }
  return undefined;
}

/**
 * How Excel stores a string written into a cell.
 * @example typeText("'=1+1") // { kind: 'value', value: '=1+1', quotePrefix: true }
 */
export function typeText(text: string): Typed {
  if (text === '') return { kind: 'clear' };
  if (text.startsWith("'")) return { kind: 'value', value: text.slice(1), quotePrefix: true };
  const t = text.trim();
  if (t.startsWith('=') && t.length > 1) return { kind: 'formula', formula: t };
  const upper = t.toUpperCase();
  if (EXCEL_ERROR_STRINGS.has(upper)) return { kind: 'value', value: { error: upper } };
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'value', value: upper === 'TRUE' };
  if (NUMBER.test(t) && /\d/.test(t)) {
    const percent = t.endsWith('%');
    const n = Number(t.replace(/[,%]/g, ''));
    return { kind: 'value', value: percent ? n / 100 : n, ...(percent ? { format: '0%' } : {}) };
  }
  const date = parseDate(t);
  if (date) return { kind: 'value', value: date.value, format: date.format };
  // Typing +x, -x or @x enters a formula (which Excel then reports as an error when it is not one).
  if (/^[+\-@]/.test(t)) return { kind: 'formula', formula: `=${t}` };
  return { kind: 'value', value: text };
}

/** Splits a formula into code and quoted parts (strings, quoted sheet names, structured refs). */
function segments(formula: string, sheetNamesAreCode = true): { text: string; code: boolean }[] {
  const out: { text: string; code: boolean }[] = [];
  const quoted = sheetNamesAreCode
    ? /"(?:[^"]|"")*"|\[[^\]]*\]/g
    : /"(?:[^"]|"")*"|\[[^\]]*\]|'(?:[^']|'')*'/g;
  let last = 0;
  for (const m of formula.matchAll(quoted)) {
    out.push({ text: formula.slice(last, m.index), code: true }, { text: m[0], code: false });
    last = m.index! + m[0].length;
  }
  out.push({ text: formula.slice(last), code: true });
  return out;
}

const A1_CELL = /(?<![A-Za-z0-9_.'])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/g;

/**
 * An A1 formula as `formulasR1C1` reports it for the cell at (`row`, `column`).
 * @example a1ToR1C1('=B60*2', 60, 3) // '=RC[-1]*2'
 */
export function a1ToR1C1(formula: string, row: number, column: number): string {
  return segments(formula, false)
    .map((s) =>
      !s.code
        ? s.text
        : s.text.replace(A1_CELL, (_all, colAbs: string, letters: string, rowAbs: string, digits: string) => {
            const c = columnNumber(letters);
            const r = Number(digits);
            const rr = rowAbs ? `R${r}` : r === row ? 'R' : `R[${r - row}]`;
            const cc = colAbs ? `C${c}` : c === column ? 'C' : `C[${c - column}]`;
            return rr + cc;
          }),
    )
    .join('');
}

const R1C1_CELL = /(?<![A-Za-z0-9_.'\]])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(!])/g;

/** An R1C1 formula written through `formulasR1C1` as A1, for the cell at (`row`, `column`). */
export function r1c1ToA1(formula: string, row: number, column: number): string {
  const part = (spec: string | undefined, base: number): { n: number; abs: boolean } =>
    spec === undefined
      ? { n: base, abs: false }
      : spec.startsWith('[')
        ? { n: base + Number(spec.slice(1, -1)), abs: false }
        : { n: Number(spec), abs: true };
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((s, i) =>
      i % 2 === 1
        ? s
        : s.replace(R1C1_CELL, (_all, r: string | undefined, c: string | undefined) => {
            const rr = part(r, row);
            const cc = part(c, column);
            return `${cc.abs ? '$' : ''}${columnLetters(cc.n)}${rr.abs ? '$' : ''}${rr.n}`;
          }),
    )
    .join('');
}

const SHEET_PREFIX = /('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!/g;

/**
 * Rewrites the references to sheet `from` in a formula: to sheet `to` (a rename), or to `#REF!`
 * when `to` is null (the sheet was deleted), as Excel does.
 */
export function renameSheetRefs(formula: string, from: string, to: string | null): string {
  const target = from.toLowerCase();
  return segments(formula)
    .map((s) =>
      !s.code
        ? s.text
        : s.text.replace(SHEET_PREFIX, (all, name: string) => {
            const plain = name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
            if (plain.toLowerCase() !== target) return all;
            return to === null ? '#REF!' : `${quoteSheetName(to)}!`;
          }),
    )
    .join('');
}

/** Sheet names a formula refers to (to model references to sheets that do not exist). */
export function sheetsReferenced(formula: string): string[] {
  const names: string[] = [];
  for (const s of segments(formula)) {
    if (!s.code) continue;
    for (const m of s.text.matchAll(SHEET_PREFIX)) {
      names.push(m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1]);
    }
  }
  return names;
}

/** `#RRGGBB` or a named colour, as Office.js accepts for colour properties. */
export function isColor(value: unknown): boolean {
  return typeof value === 'string' && (/^#[0-9A-Fa-f]{6}$/.test(value) || /^[A-Za-z]+$/.test(value));
}
