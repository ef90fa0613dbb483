/**
 * Helpers that keep dictionary encoding of id columns fast at a million rows: a typed lookup table
 * for integer keys (order numbers, or the number inside `SO-0001234`), the detection of such
 * prefixed ids in a column sample, and a dictionary array whose numeric texts are made on read.
 */
import type { CellValue } from '../cell';

/** Largest lookup table (slots of 4 bytes): 16 MB. */
const MAX_TABLE = 1 << 22;

/**
 * Integer → code in a typed array covering a growing range. `set` refuses keys that would
 * stretch the range past {@link MAX_TABLE}; the caller keeps those elsewhere.
 */
export class IntCodeTable {
  private table: Int32Array | null = null;
  private low = 0;

  /** Code of `key`, or `-1`. `key` must be an integer. */
  get(key: number): number {
    const table = this.table;
    if (table === null) return -1;
    const slot = key - this.low;
    return slot >= 0 && slot < table.length ? table[slot] : -1;
  }

  set(key: number, code: number): boolean {
    let table = this.table;
    if (table === null) {
      table = this.table = new Int32Array(1024).fill(-1);
      this.low = key - 512;
    }
    let slot = key - this.low;
    if (slot < 0 || slot >= table.length) {
      const low = Math.min(this.low, key);
      const high = Math.max(this.low + table.length, key + 1);
      // Double the span so that growth is amortised, towards the side that overflowed.
      const size = Math.max(2 * table.length, high - low);
      if (size > MAX_TABLE) return false;
      const newLow = key < this.low ? high - size : low;
      const grown = new Int32Array(size).fill(-1);
      grown.set(table, this.low - newLow);
      this.table = table = grown;
      this.low = newLow;
      slot = key - newLow;
    }
    table[slot] = code;
    return true;
  }
}

/** Ids written as a fixed text prefix and a fixed number of digits: `SO-0001234`, `CUST-00042`. */
export interface IdPattern {
  readonly prefix: string;
  readonly digits: number;
}

/** The number in `text` when it has the pattern's shape exactly, else `-1`. */
export function patternNumber(text: string, pattern: IdPattern): number {
  const prefix = pattern.prefix;
  const start = prefix.length;
  const length = start + pattern.digits;
  if (text.length !== length) return -1;
  // Character by character rather than `startsWith`: this runs once per id cell, and the loop
  // compiles to plain loads where `startsWith` is a call.
  for (let i = 0; i < start; i++) if (text.charCodeAt(i) !== prefix.charCodeAt(i)) return -1;
  let n = 0;
  for (let i = start; i < length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Finds an id pattern shared by at least 90% of a sample's texts and worth a table (many
 * distinct values). The prefix must hold a letter, so plain or signed numbers never match.
 */
export function detectIdPattern(sample: readonly CellValue[]): IdPattern | undefined {
  const counts = new Map<string, number>();
  const distinct = new Set<string>();
  let texts = 0;
  for (const value of sample) {
    if (typeof value !== 'string') continue;
    texts++;
    distinct.add(value);
    let p = value.length;
    while (p > 0 && value.charCodeAt(p - 1) >= 48 && value.charCodeAt(p - 1) <= 57) p--;
    const digits = value.length - p;
    if (digits < 3 || digits > 9 || !/[a-z]/i.test(value.slice(0, p))) continue;
    const key = `${digits}|${value.slice(0, p)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (texts < 20 || distinct.size < texts / 5) return undefined;
  for (const [key, count] of counts) {
    if (count >= 0.9 * texts) {
      const bar = key.indexOf('|');
      return { prefix: key.slice(bar + 1), digits: Number(key.slice(0, bar)) };
    }
  }
  return undefined;
}

/**
 * Ids of one shape held as numbers: the text of number `n` is `prefix` then `n` in `digits` digits
 * (`SO-` and 7: `SO-0001234`). A file reader gives them for a column whose ids it numbered so.
 */
export interface IdNumbers {
  readonly prefix: string;
  readonly digits: number;
  /** Per distinct value (by code): its number when it is an id of the shape, else −1. */
  readonly numbers: Int32Array;
}

/** The text of id number `n` of a shape. */
export function idText(shape: { readonly prefix: string; readonly digits: number }, n: number): string {
  return shape.prefix + String(n).padStart(shape.digits, '0');
}

/**
 * An array of texts whose `undefined` slots are made by `make` on first read. It is a real array
 * underneath (length, `Array.isArray`, iteration, `JSON.stringify`, indexing all behave as usual);
 * only the read of a not-yet-made slot is intercepted.
 */
export function lazyEntries(
  entries: (string | undefined)[],
  make: (index: number) => string,
): readonly string[] {
  return new Proxy(entries, {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        const first = key.charCodeAt(0);
        if (first >= 48 && first <= 57) {
          const index = Number(key);
          if (Number.isInteger(index) && index < target.length) {
            let text = target[index];
            if (text === undefined) target[index] = text = make(index);
            return text;
          }
        }
      }
      return Reflect.get(target, key, receiver);
    },
  }) as readonly string[];
}

/** An array of texts whose numeric slots are filled on first read (see {@link lazyEntries}). */
export function lazyTexts(entries: (string | undefined)[], numbers: Float64Array): readonly string[] {
  return lazyEntries(entries, (index) => String(numbers[index]));
}
