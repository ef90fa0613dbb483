/**
 * Amounts as people type them: numbers, currency text in US, Indonesian and European styles,
 * negatives written as `(125.00)`, `-$125` or `125-`, and percent text.
 *
 * The one real ambiguity is a single separator followed by exactly three digits (`1.250`,
 * `1,250`): a thousands separator or a decimal point? That is decided per column by
 * {@link inferNumberStyle} and passed in as a {@link NumberStyle}.
 */
import type { CellValue } from '../cell';
import { isExcelError } from '../cell';

/** `dot-decimal`: `1,250.50` (US/UK). `comma-decimal`: `1.250,50` (Indonesia, most of Europe). */
export type NumberStyle = 'dot-decimal' | 'comma-decimal';

export type AmountResult = { value: number } | { error: string };

/**
 * Currency markers, longest first so `US$` wins over `$`: the style each suggests, and whether the
 * currency is counted in whole units (rupiah have no cents in practice, so `IDR 75,000` and
 * `Rp 75.000` are both seventy-five thousand whichever separator is written).
 */
const CURRENCY_MARKERS: readonly (readonly [string, NumberStyle | undefined, boolean?])[] = [
  ['US$', 'dot-decimal'],
  ['USD', 'dot-decimal'],
  ['IDR', 'comma-decimal', true],
  ['EUR', 'comma-decimal'],
  ['GBP', 'dot-decimal'],
  ['SGD', 'dot-decimal'],
  ['AUD', 'dot-decimal'],
  ['MYR', 'dot-decimal'],
  ['S$', 'dot-decimal'],
  ['A$', 'dot-decimal'],
  ['RM', 'dot-decimal'],
  ['Rp', 'comma-decimal', true],
  ['$', 'dot-decimal'],
  ['€', 'comma-decimal'],
  ['£', 'dot-decimal'],
  ['¥', undefined],
];

/** Markers of currencies counted in whole units (`Rp`, `IDR`). */
const WHOLE_UNIT_MARKERS: ReadonlySet<string> = new Set(
  CURRENCY_MARKERS.filter((entry) => entry[2] === true).map((entry) => entry[0]),
);

/** True for a marker of a currency counted in whole units (`Rp`, `IDR`). */
export function isWholeUnitCurrency(marker: string | undefined): boolean {
  return marker !== undefined && WHOLE_UNIT_MARKERS.has(marker);
}

/** What the text scanner found, before the separators are resolved. */
interface ScannedAmount {
  readonly negative: boolean;
  readonly percent: boolean;
  /** Digits with `.` and `,` only (spaces and apostrophes used as grouping removed). */
  readonly body: string;
  /** Style suggested by a currency marker in the cell, if any. */
  readonly markerStyle: NumberStyle | undefined;
  /** The cell's currency is counted in whole units (`Rp`, `IDR`). */
  readonly wholeUnits: boolean;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

type Stripped = readonly [string, NumberStyle | undefined, boolean];

function stripPrefixMarker(text: string): Stripped | undefined {
  const upper = text.toUpperCase();
  for (const [marker, style, whole] of CURRENCY_MARKERS) {
    if (upper.startsWith(marker.toUpperCase()))
      return [text.slice(marker.length).trimStart(), style, whole === true];
  }
  return undefined;
}

function stripSuffixMarker(text: string): Stripped | undefined {
  const upper = text.toUpperCase();
  for (const [marker, style, whole] of CURRENCY_MARKERS) {
    if (upper.endsWith(marker.toUpperCase()))
      return [text.slice(0, text.length - marker.length).trimEnd(), style, whole === true];
  }
  return undefined;
}

const MINUS_SIGNS = '-\u2212\u2013';

/** Peels signs, parentheses, percent and currency markers off both ends; `undefined` when no digits remain. */
function scanAmountText(raw: string): ScannedAmount | undefined {
  let text = raw.trim();
  let negative = false;
  let percent = false;
  let markerStyle: NumberStyle | undefined;
  let wholeUnits = false;
  // Each pass removes one decoration; a few passes cover combinations like `(Rp 1.000)` or `-$125`.
  for (let pass = 0; pass < 8 && text.length > 0; pass++) {
    const first = text[0];
    const last = text[text.length - 1];
    if (first === '(' && last === ')') {
      negative = true;
      text = text.slice(1, -1).trim();
    } else if (MINUS_SIGNS.includes(first)) {
      negative = true;
      text = text.slice(1).trim();
    } else if (first === '+') {
      text = text.slice(1).trim();
    } else if (MINUS_SIGNS.includes(last)) {
      negative = true;
      text = text.slice(0, -1).trim();
    } else if (last === '%') {
      if (percent) return undefined;
      percent = true;
      text = text.slice(0, -1).trim();
    } else {
      const stripped =
        isDigit(first.charCodeAt(0)) || first === '.' || first === ','
          ? stripSuffixMarker(text)
          : stripPrefixMarker(text);
      if (!stripped) break;
      if (markerStyle !== undefined && stripped[1] !== markerStyle) return undefined;
      text = stripped[0];
      markerStyle = markerStyle ?? stripped[1];
      wholeUnits = wholeUnits || stripped[2];
    }
  }
  let body = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (isDigit(code) || ch === '.' || ch === ',') {
      body += ch;
    } else if (ch === ' ' || ch === '\u00a0' || ch === '\u202f' || ch === "'" || ch === '\u2019') {
      // Space and apostrophe group thousands (`1 250,00`, `1'250.00`) only between digits.
      if (!(
        i > 0 &&
        isDigit(text.charCodeAt(i - 1)) &&
        i + 1 < text.length &&
        isDigit(text.charCodeAt(i + 1))
      )) {
        return undefined;
      }
    } else {
      return undefined;
    }
  }
  if (body.length === 0 || !/\d/.test(body)) return undefined;
  return { negative, percent, body, markerStyle, wholeUnits };
}

/** `1`–`3` digits then groups of exactly three: a valid thousands grouping. */
function validGrouping(groups: readonly string[]): boolean {
  if (groups[0].length < 1 || groups[0].length > 3) return false;
  for (let i = 1; i < groups.length; i++) if (groups[i].length !== 3) return false;
  return true;
}

type Separators =
  | { kind: 'plain' }
  | { kind: 'decimal'; decimal: '.' | ',' }
  | { kind: 'grouping'; grouping: '.' | ',' }
  | { kind: 'ambiguous'; separator: '.' | ',' }
  | { kind: 'invalid' };

/** Classifies the separators of a scanned body without choosing a style. */
function classifySeparators(body: string): Separators {
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (dots === 0 && commas === 0) return { kind: 'plain' };
  if (dots > 0 && commas > 0) {
    const decimal: '.' | ',' = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const grouping = decimal === '.' ? ',' : '.';
    const [intPart, ...rest] = body.split(decimal);
    if (rest.length !== 1 || rest[0].includes(grouping)) return { kind: 'invalid' };
    return validGrouping(intPart.split(grouping)) ? { kind: 'decimal', decimal } : { kind: 'invalid' };
  }
  const separator: '.' | ',' = dots > 0 ? '.' : ',';
  const parts = body.split(separator);
  if (parts.length > 2)
    return validGrouping(parts) ? { kind: 'grouping', grouping: separator } : { kind: 'invalid' };
  const [intPart, fraction] = parts;
  // `1.250` and `1,250` could be either; `0.250`, `1.25`, `12,5`, `1234,567` cannot be grouping.
  if (fraction.length === 3 && intPart.length >= 1 && intPart.length <= 3 && intPart !== '0') {
    return { kind: 'ambiguous', separator };
  }
  return { kind: 'decimal', decimal: separator };
}

function toNumber(body: string, decimal: '.' | ',' | undefined): number {
  if (decimal === undefined) return Number(body.replace(/[.,]/g, ''));
  const grouping = decimal === '.' ? /,/g : /\./g;
  const normal = body.replace(grouping, '');
  return Number(decimal === ',' ? normal.replace(',', '.') : normal);
}

/**
 * The amount of text that is digits, or digits, a dot and one or two digits (`262.31`, `1250`):
 * what {@link amountFromText} reads it as in any style (no separator to judge, no marker, no
 * sign); `undefined` for any other text. A quick path for the plain amounts of exports.
 * @example plainAmount('262.31') // 262.31
 * @example plainAmount('1.250') // undefined
 */
export function plainAmount(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (i === 0) return undefined;
  if (i < n) {
    if (text.charCodeAt(i) !== 46) return undefined;
    const fraction = n - i - 1;
    if (fraction < 1 || fraction > 2) return undefined;
    for (let k = i + 1; k < n; k++) if (text.charCodeAt(k) < 48 || text.charCodeAt(k) > 57) return undefined;
  }
  return Number(text);
}

/**
 * Reads amount text; returns the number, or the reason it is not one. Used by the ingest loops
 * (no result object per cell) and by {@link parseAmount}.
 *
 * A lone `1.250` (one separator, then exactly three digits) is read as thousands when the amount
 * is in a currency counted in whole units: `wholeUnits` true (the column's), or, when it is not
 * given, the cell's own `Rp`/`IDR` marker. Otherwise the `style` argument (the column's) decides,
 * else the cell's currency marker (`€` → comma-decimal; `$`, `USD` → dot-decimal), else
 * dot-decimal. `wholeUnits: false` makes the style decide even over a `Rp` marker (the user's
 * explicit choice of separator).
 */
export function amountFromText(text: string, style?: NumberStyle, wholeUnits?: boolean): number | string {
  const trimmed = text.trim();
  if (trimmed === '') return 'blank';
  if (isExcelError(trimmed)) return `Excel error ${trimmed.toUpperCase()}`;
  const scanned = scanAmountText(trimmed);
  if (!scanned) {
    const plain = /^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/.test(trimmed) ? Number(trimmed) : NaN;
    if (Number.isFinite(plain)) return plain;
    return `text '${clip(trimmed)}' is not an amount`;
  }
  const separators = classifySeparators(scanned.body);
  let value: number;
  switch (separators.kind) {
    case 'invalid':
      return `text '${clip(trimmed)}' is not an amount (separators do not group digits in threes)`;
    case 'plain':
      value = toNumber(scanned.body, undefined);
      break;
    case 'grouping':
      value = toNumber(scanned.body, undefined);
      break;
    case 'decimal':
      value = toNumber(scanned.body, separators.decimal);
      break;
    case 'ambiguous': {
      if (wholeUnits ?? scanned.wholeUnits) {
        value = toNumber(scanned.body, undefined);
        break;
      }
      const chosen = style ?? scanned.markerStyle ?? 'dot-decimal';
      const decimal = chosen === 'dot-decimal' ? '.' : ',';
      value = toNumber(scanned.body, separators.separator === decimal ? decimal : undefined);
      break;
    }
  }
  if (!Number.isFinite(value)) return `text '${clip(trimmed)}' is not an amount`;
  if (scanned.percent) value /= 100;
  return scanned.negative && value !== 0 ? -value : value;
}

/** Number or reason, for any cell value. */
export function amountOrReason(value: CellValue, style?: NumberStyle, wholeUnits?: boolean): number | string {
  if (typeof value === 'number') return Number.isFinite(value) ? value : 'not a finite number';
  if (typeof value === 'string') return amountFromText(value, style, wholeUnits);
  if (value === null || value === undefined) return 'blank';
  if (typeof value === 'boolean') return `${value ? 'TRUE' : 'FALSE'} is a boolean, not an amount`;
  if (value instanceof Date) return 'a date, not an amount';
  return 'not an amount';
}

/**
 * Parses an amount cell.
 *
 * @example
 * parseAmount('Rp 1.250.000,00')            // { value: 1250000 }
 * parseAmount('1.250,00 €')                 // { value: 1250 }
 * parseAmount('(125.00)')                   // { value: -125 }
 * parseAmount('1.250', 'comma-decimal')     // { value: 1250 }
 * parseAmount('IDR 75,000')                 // { value: 75000 } (rupiah have no cents)
 * parseAmount('#N/A')                       // { error: 'Excel error #N/A' }
 */
export function parseAmount(value: CellValue, style?: NumberStyle): AmountResult {
  const result = amountOrReason(value, style);
  return typeof result === 'number' ? { value: result } : { error: result };
}

/** True when text reads as an amount (in either style); for column type profiling. */
export function looksLikeAmountText(text: string): boolean {
  return typeof amountFromText(text) === 'number';
}

/** True when amount text carries a currency marker, a percent sign or a decimal part. */
export function looksLikeMoneyText(text: string): boolean {
  const scanned = scanAmountText(text);
  if (!scanned) return false;
  return scanned.markerStyle !== undefined || scanned.percent || /[.,]/.test(scanned.body);
}

/** What the text cells of a column say about its number style. */
export interface NumberStyleEvidence {
  /** The style the cells alone point to (see {@link inferNumberStyle}). */
  readonly style: NumberStyle;
  /** Cells that can only be read one way: `1,250.00`, `2,500,000`, `12.5` (dot) … */
  readonly dotVotes: number;
  /** … and `1.250,00`, `2.500.000`, `12,5` (comma). */
  readonly commaVotes: number;
  /** Cells with a marker suggesting dot-decimal (`$`, `USD`, `£`) … */
  readonly dotMarkers: number;
  /** … or comma-decimal (`€`, `EUR`, `Rp`, `IDR`). */
  readonly commaMarkers: number;
  /** Cells whose currency is counted in whole units (`Rp`, `IDR`). */
  readonly wholeUnitMarkers: number;
  /** Cells like `1.250` or `1,250` whose value depends on the style. */
  readonly ambiguous: number;
  /** The first ambiguous cell, trimmed, as an example for notes. */
  readonly example?: string;
  /** A cell written in the minority style (the `1,250.00`-style cell of a mostly `1.250,00` column). */
  readonly minorityExample?: string;
}

/**
 * What a column's text cells say about its number style: the votes behind
 * {@link inferNumberStyle}, the currency markers, and the cells a style choice would change.
 *
 * @example
 * inferNumberStyleEvidence(['75.000', '125.000']) // { style: 'dot-decimal', ambiguous: 2, example: '75.000', … }
 */
export function inferNumberStyleEvidence(values: readonly CellValue[]): NumberStyleEvidence {
  let dotVotes = 0;
  let commaVotes = 0;
  let dotMarkers = 0;
  let commaMarkers = 0;
  let wholeUnitMarkers = 0;
  let ambiguous = 0;
  let example: string | undefined;
  let firstDot: string | undefined;
  let firstComma: string | undefined;
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const scanned = scanAmountText(value);
    if (!scanned) continue;
    if (scanned.markerStyle === 'dot-decimal') dotMarkers++;
    else if (scanned.markerStyle === 'comma-decimal') commaMarkers++;
    if (scanned.wholeUnits) wholeUnitMarkers++;
    const separators = classifySeparators(scanned.body);
    let vote: NumberStyle | undefined;
    if (separators.kind === 'decimal') vote = separators.decimal === '.' ? 'dot-decimal' : 'comma-decimal';
    else if (separators.kind === 'grouping')
      vote = separators.grouping === ',' ? 'dot-decimal' : 'comma-decimal';
    else if (separators.kind === 'ambiguous') {
      ambiguous++;
      example ??= value.trim();
    }
    if (vote === 'dot-decimal') {
      dotVotes++;
      firstDot ??= value.trim();
    } else if (vote === 'comma-decimal') {
      commaVotes++;
      firstComma ??= value.trim();
    }
  }
  let style: NumberStyle;
  if (commaVotes !== dotVotes) style = commaVotes > dotVotes ? 'comma-decimal' : 'dot-decimal';
  else style = commaMarkers > dotMarkers ? 'comma-decimal' : 'dot-decimal';
  const minorityExample =
    dotVotes > 0 && commaVotes > 0 ? (style === 'dot-decimal' ? firstComma : firstDot) : undefined;
  return {
    style,
    dotVotes,
    commaVotes,
    dotMarkers,
    commaMarkers,
    wholeUnitMarkers,
    ambiguous,
    ...(example !== undefined ? { example } : {}),
    ...(minorityExample !== undefined ? { minorityExample } : {}),
  };
}

/**
 * Chooses the number style of a column from its unambiguous cells.
 *
 * Strong evidence: both separators present (the last one is the decimal point), a separator
 * repeated (it groups thousands, so the other one is decimal), or a single separator not followed
 * by exactly three digits (`12,5`: decimal). Weak evidence: currency markers (`Rp`, `IDR`, `€`
 * suggest comma-decimal; `$`, `USD`, `£` dot-decimal). Ties are broken by: more strong votes win;
 * if strong votes tie (including none), more weak votes win; if still tied, dot-decimal (what
 * Excel's own number cells and most exports use). Ingestion weighs the file's conventions on top
 * of this when a column has no strong evidence (see `conventions.ts`).
 *
 * @example
 * inferNumberStyle(['1.250', '2.500.000'])   // 'comma-decimal'
 * inferNumberStyle(['1,250', 12.5])          // 'dot-decimal' (no evidence)
 */
export function inferNumberStyle(values: readonly CellValue[]): NumberStyle {
  return inferNumberStyleEvidence(values).style;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * The currency marker written in amount text (`Rp 1.250.000` → `Rp`, `1.250,00 €` → `€`), as it
 * appears in the marker list; `undefined` for plain numbers.
 * @example currencyMarkerOf('Rp 1.250.000') // 'Rp'
 */
export function currencyMarkerOf(text: string): string | undefined {
  const trimmed = text
    .trim()
    .replace(/^[(+\-\u2212\u2013]+/, '')
    .trim();
  if (trimmed.length === 0) return undefined;
  const digitFirst = isDigit(trimmed.charCodeAt(0)) || trimmed[0] === '.' || trimmed[0] === ',';
  const cleaned = digitFirst ? trimmed.replace(/[)%\-\u2212\u2013]+$/, '').trim() : trimmed;
  const upper = cleaned.toUpperCase();
  for (const [marker] of CURRENCY_MARKERS) {
    const m = marker.toUpperCase();
    if (digitFirst ? upper.endsWith(m) : upper.startsWith(m)) return marker;
  }
  return undefined;
}

/**
 * The currency marker most amount cells of a column carry, when at least half of its text amounts
 * carry that same marker; `undefined` when the column is plain numbers or markers disagree.
 * @example inferCurrencyMarker(['Rp 1.000', 'Rp 2.500', 3000]) // 'Rp'
 */
export function inferCurrencyMarker(values: readonly CellValue[]): string | undefined {
  const counts = new Map<string, number>();
  let texts = 0;
  for (const value of values) {
    if (typeof value !== 'string' || scanAmountText(value) === undefined) continue;
    texts++;
    const marker = currencyMarkerOf(value);
    if (marker !== undefined) counts.set(marker, (counts.get(marker) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best && best[1] * 2 >= texts ? best[0] : undefined;
}
