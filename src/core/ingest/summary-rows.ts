/**
 * Rows that are not orders but sums of them: `TOTAL`, `Grand Total`, `Subtotal Jawa`, `Jumlah`,
 * `Total Keseluruhan` rows that reports and exports put under (or between) the rows they add up.
 * Such a row often has a date, so it reads as one more, very large, order. It is skipped, with
 * the reason, when
 * - a text column holds a summary label (`TOTAL`, `Jumlah`; `Total …` only when the row has no
 *   order id or customer), or
 * - it has no order id and no customer, where rows without them are otherwise rare, and its
 *   amount is the sum of the two or more rows above it since the previous summary row (or since
 *   the top).
 */
import type { DictColumn } from '../table';
import { type Frame, ROW_SKIPPED, ROW_USED } from './frame';
import type { TextColumn } from './columns';

/** Labels that mark a summary row on their own, normalised (lower case, single spaces, no colon). */
const LABELS: ReadonlySet<string> = new Set([
  'total',
  'totals',
  'grand total',
  'subtotal',
  'sub total',
  'total keseluruhan',
  'total penjualan',
  'jumlah',
  'jumlah total',
  'total jumlah',
  'grand jumlah',
  'sum',
  'summe',
  'gesamt',
  'gesamtsumme',
  'totale',
  'totaal',
  'total general',
  'total geral',
  'sous total',
  'total général',
]);

/** Labels that start a summary row's text (`Subtotal Jawa`, `Jumlah Oktober 2026`). */
const PREFIXES: readonly string[] = [
  'grand total ',
  'subtotal ',
  'sub total ',
  'total keseluruhan ',
  'jumlah ',
];

/** The first three characters of text, lower-cased (for ASCII letters), as one number. */
function startKey(text: string): number {
  return (
    (((text.charCodeAt(0) | 32) & 0xffff) * 0x10000 + ((text.charCodeAt(1) | 32) & 0xffff)) * 0x10000 +
    ((text.charCodeAt(2) | 32) & 0xffff)
  );
}

/** The start of every label and prefix. */
const STARTS: ReadonlySet<number> = new Set([...LABELS, ...PREFIXES].map(startKey));

/**
 * How surely text labels a summary row: `strong` (`TOTAL`, `Grand total:`, `Subtotal Jawa`),
 * `weak` (`Total Oktober`: also a name like `Total Wine`, so only where the row has no order id
 * or customer), or `undefined`.
 * @example summaryLabel('Grand Total:') // 'strong'
 * @example summaryLabel('Total Wine & More') // 'weak'
 * @example summaryLabel('Budi') // undefined
 */
export function summaryLabel(text: string): 'strong' | 'weak' | undefined {
  // Most texts (a million order ids) stop at their first three letters.
  if (text.length < 3 || text.length > 40) return undefined;
  if (!STARTS.has(startKey(text))) return undefined;
  const normal = text
    .toLowerCase()
    .replace(/[-_]/g, ' ')
    .replace(/[:.*=]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (LABELS.has(normal)) return 'strong';
  if (PREFIXES.some((prefix) => normal.startsWith(prefix))) return 'strong';
  return normal.startsWith('total ') ? 'weak' : undefined;
}

/**
 * False when no text that starts with `prefix` can be a summary label: its first three characters
 * start no label (ids such as `SO-0001234` all start with theirs).
 */
function mayStartLabel(prefix: string): boolean {
  return prefix.length < 3 || STARTS.has(startKey(prefix));
}

/** An amount column and the columns that name a row's order (order id, customer). */
export interface SummaryScan {
  /** What a row of the table is, for the reason: `order`, `opportunity`, `spend entry`. */
  readonly noun: string;
  readonly textColumns: readonly TextColumn[];
  /** The amount column, for sums (orders only). */
  readonly amount?: { readonly header: string; readonly column: number; readonly data: Float64Array };
  /** The order id and customer columns present. */
  readonly keys: readonly KeyColumn[];
  /** How the keys are named in the reason: `order id or customer`. */
  readonly keyWords: string;
}

/**
 * Keyless rows that are not sums must be few (at most one per this many keyed rows) for a keyless
 * sum to stand out: where walk-in sales have no customer, `10, 10, 20` is three sales.
 */
const KEYED_PER_KEYLESS = 2;

/** A table's key column: the order id or customer codes, and where they are. */
export interface KeyColumn {
  readonly column: number;
  readonly codes: Int32Array;
}

function isKeyless(keys: readonly KeyColumn[], i: number, except = -1): boolean {
  for (const key of keys) if (key.column !== except && key.codes[i] >= 0) return false;
  return true;
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.005 + 1e-9 * Math.abs(b);
}

function amountText(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}

/** Marks the rows labelled as summaries in `summary`; returns how many. */
function skipLabelled(frame: Frame, scan: SummaryScan, summary: Uint8Array): number {
  let skipped = 0;
  for (const text of scan.textColumns) {
    const matches = text.reader.codesOfText((t) => summaryLabel(t) !== undefined, mayStartLabel);
    if (matches.length === 0) continue;
    const { codes, dictionary } = text.reader.result();
    const strength = new Map(matches.map((code) => [code, summaryLabel(dictionary[code])]));
    for (let i = 0; i < frame.count; i++) {
      if (frame.fate[i] !== ROW_USED) continue;
      const found = strength.get(codes[i]);
      // `Total Oktober` counts only where the row names no order or customer elsewhere.
      if (found === undefined || (found === 'weak' && !isKeyless(scan.keys, i, text.column))) continue;
      frame.fate[i] = ROW_SKIPPED;
      summary[i] = 1;
      skipped++;
      const label = dictionary[codes[i]];
      frame.log.add(
        frame.firstRowNumber + frame.start + i,
        text.column,
        text.header,
        label,
        `a total row ('${label}'), not ${article(scan.noun)} ${scan.noun}`,
        'skipped',
      );
    }
  }
  return skipped;
}

/** True when some used row has no key (the usual table has none: one tight pass to learn it). */
function hasKeylessRow(frame: Frame, keys: readonly KeyColumn[]): boolean {
  const first = keys[0].codes;
  const { fate } = frame;
  for (let i = 0; i < frame.count; i++)
    if (first[i] < 0 && fate[i] === ROW_USED && isKeyless(keys, i)) return true;
  return false;
}

/** Keyless rows whose amount sums the rows above them: `[row, rows summed]` pairs, and the other keyless rows. */
function keylessSums(
  frame: Frame,
  keys: readonly KeyColumn[],
  amount: Float64Array,
  summary: Uint8Array,
): { sums: [number, number][]; keyed: number; otherKeyless: number } {
  const sums: [number, number][] = [];
  let keyed = 0;
  let otherKeyless = 0;
  let blockSum = 0;
  let blockRows = 0;
  let topSum = 0;
  let topRows = 0;
  for (let i = 0; i < frame.count; i++) {
    if (summary[i]) {
      blockSum = 0;
      blockRows = 0;
      continue;
    }
    if (frame.fate[i] !== ROW_USED) continue;
    const value = amount[i];
    if (isKeyless(keys, i)) {
      const rows = blockRows >= 2 && blockSum !== 0 && near(value, blockSum) ? blockRows : 0;
      const all = rows === 0 && topRows > blockRows && topRows >= 2 && near(value, topSum) ? topRows : 0;
      if (rows > 0 || all > 0) {
        sums.push([i, rows || all]);
        blockSum = 0;
        blockRows = 0;
        continue;
      }
      otherKeyless++;
    } else keyed++;
    blockSum += value;
    blockRows++;
    topSum += value;
    topRows++;
  }
  return { sums, keyed, otherKeyless };
}

/** Marks keyless rows whose amount sums the rows above them; returns how many. */
function skipSums(frame: Frame, scan: SummaryScan, summary: Uint8Array): number {
  const amount = scan.amount;
  if (!amount || scan.keys.length === 0 || !hasKeylessRow(frame, scan.keys)) return 0;
  const { sums, keyed, otherKeyless } = keylessSums(frame, scan.keys, amount.data, summary);
  if (sums.length === 0 || otherKeyless * KEYED_PER_KEYLESS > keyed) return 0;
  for (const [i, rows] of sums) {
    const value = amount.data[i];
    frame.fate[i] = ROW_SKIPPED;
    summary[i] = 1;
    frame.log.add(
      frame.firstRowNumber + frame.start + i,
      amount.column,
      amount.header,
      value,
      `a total row: no ${scan.keyWords}, and ${amountText(value)} is the sum of the ${rows} rows above it`,
      'skipped',
    );
  }
  return sums.length;
}

/**
 * Skips the summary rows of a table (see the file comment), logging each with its reason.
 * Returns how many were skipped.
 */
export function skipSummaryRows(frame: Frame, scan: SummaryScan): number {
  const summary = new Uint8Array(frame.count);
  return skipLabelled(frame, scan, summary) + skipSums(frame, scan, summary);
}

/**
 * A dictionary column without the texts no used row holds any more (the `TOTAL` of a skipped
 * summary row), codes renumbered in their order; the column itself when nothing is unused.
 */
export function withoutUnusedCodes(column: DictColumn, fate: Uint8Array): DictColumn {
  const { codes, dictionary } = column;
  const used = new Uint8Array(dictionary.length);
  for (let i = 0; i < codes.length; i++) if (fate[i] === ROW_USED && codes[i] >= 0) used[codes[i]] = 1;
  if (used.every((flag) => flag === 1)) return column;
  const remap = new Int32Array(dictionary.length);
  const kept: string[] = [];
  for (let code = 0; code < dictionary.length; code++) {
    remap[code] = used[code] ? kept.length : -1;
    if (used[code]) kept.push(dictionary[code]);
  }
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) codes[i] = remap[codes[i]];
  return { codes, dictionary: kept };
}
