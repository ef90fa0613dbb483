/**
 * Dictionary encoding of text columns: each distinct (trimmed) text is stored once and rows hold
 * its index. Numbers used as ids become their text (`1001` → `"1001"`, never `"1001.0"`), so the
 * same customer typed as a number in one row and as text in another is one customer.
 */
import type { CellValue } from '../cell';
import { isExcelError } from '../cell';
import type { DictColumn } from '../table';

/** Code of a blank cell. */
export const MISSING_CODE = -1;
/** From this many distinct numbers on, their texts are made on first read. */
const LAZY_NUMBERS = 65_536;

/**
 * An array of texts whose numeric slots are filled on first read. It is a real array underneath
 * (length, `Array.isArray`, iteration, `JSON.stringify`, indexing all behave as usual); only the
 * read of a not-yet-made slot is intercepted.
 */
function lazyTexts(entries: (string | undefined)[], numbers: Float64Array): readonly string[] {
  return new Proxy(entries, {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        const first = key.charCodeAt(0);
        if (first >= 48 && first <= 57) {
          const index = Number(key);
          if (Number.isInteger(index) && index < target.length) {
            let text = target[index];
            if (text === undefined) target[index] = text = String(numbers[index]);
            return text;
          }
        }
      }
      return Reflect.get(target, key, receiver);
    },
  }) as readonly string[];
}

/** Largest integer lookup table (slots of 4 bytes): 16 MB. */
const MAX_TABLE = 1 << 22;
/** Code returned for an Excel error string (`#N/A`): stored as missing, reported by the caller. */
export const ERROR_CODE = -2;

/** Text of a non-text cell used as a label or id. */
export function cellText(value: CellValue): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const time = value.getTime();
    if (!Number.isFinite(time)) return '';
    const iso = value.toISOString();
    return time % 86400000 === 0 ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  return '';
}

/**
 * Incremental encoder. `encode` is called once per cell in the ingest loops, so it looks the raw
 * string up first (no trimming or allocation for a repeated value) and numbers in their own map.
 */
export class DictionaryEncoder {
  private readonly codeByRaw = new Map<string, number>();
  private readonly codeByText = new Map<string, number>();
  private readonly codeByNumber = new Map<number, number>();
  /** Texts by code; `undefined` for numbers whose text is not made yet (see `numberByCode`). */
  private readonly entries: (string | undefined)[] = [];
  /** The number behind each numeric code (other slots unused). */
  private numberByCode = new Float64Array(1024);
  private numericCodes = 0;

  /** Code of a cell: `>= 0`, {@link MISSING_CODE} for blanks, {@link ERROR_CODE} for Excel errors. */
  encode(value: CellValue): number {
    if (typeof value === 'string') {
      const known = this.codeByRaw.get(value);
      if (known !== undefined) return known;
      const code = isExcelError(value) ? ERROR_CODE : this.codeOfString(value.trim());
      this.codeByRaw.set(value, code);
      return code;
    }
    if (typeof value === 'number') return this.codeOfNumber(value);
    if (value === null || value === undefined) return MISSING_CODE;
    return this.codeOfText(cellText(value));
  }

  /**
   * Integer ids (order and customer numbers) in a compact range are looked up in a typed table
   * (one array read) instead of the map. A number found in neither is placed in the table when
   * it fits the range (growing it up to {@link MAX_TABLE} slots), else in the map; lookups try
   * the table and then the map, so a number never has two codes.
   */
  private table: Int32Array | null = null;
  private tableLow = 0;

  /** Code of a number; its text is made once, on first sight. */
  codeOfNumber(value: number): number {
    const table = this.table;
    if (table !== null) {
      const slot = value - this.tableLow;
      if (slot >= 0 && slot < table.length) {
        const code = table[slot | 0];
        if (code >= 0 && (slot | 0) === slot) return code;
      }
    }
    let code = this.codeByNumber.get(value);
    if (code !== undefined) return code;
    if (!Number.isFinite(value)) return MISSING_CODE;
    code = this.entries.length;
    // The text of a number is made when the dictionary is asked for, not per new id (a million
    // distinct order numbers would otherwise be a million strings made while reading).
    this.entries.push(undefined);
    if (code >= this.numberByCode.length) {
      const grown = new Float64Array(2 * this.numberByCode.length);
      grown.set(this.numberByCode);
      this.numberByCode = grown;
    }
    this.numberByCode[code] = value;
    this.numericCodes++;
    if (!Number.isInteger(value) || !this.placeInTable(value, code)) this.codeByNumber.set(value, code);
    return code;
  }

  private placeInTable(value: number, code: number): boolean {
    let table = this.table;
    if (table === null) {
      table = this.table = new Int32Array(1024).fill(-1);
      this.tableLow = value - 512;
    }
    let slot = value - this.tableLow;
    if (slot < 0 || slot >= table.length) {
      const low = Math.min(this.tableLow, value);
      const high = Math.max(this.tableLow + table.length, value + 1);
      // Double the span so that growth is amortised, towards the side that overflowed.
      const size = Math.max(2 * table.length, high - low);
      if (size > MAX_TABLE) return false;
      const newLow = value < this.tableLow ? high - size : low;
      const grown = new Int32Array(size).fill(-1);
      grown.set(table, this.tableLow - newLow);
      this.table = table = grown;
      this.tableLow = newLow;
      slot = value - newLow;
    }
    table[slot] = code;
    return true;
  }

  /** Text that is exactly a number's text (`1001`) shares that number's code. */
  private codeOfString(text: string): number {
    const first = text.charCodeAt(0);
    if ((first >= 48 && first <= 57) || first === 45) {
      const number = Number(text);
      if (String(number) === text) return this.codeOfNumber(number);
    }
    return this.codeOfText(text);
  }

  /** Number of distinct values so far. */
  get size(): number {
    return this.entries.length;
  }

  /**
   * The dictionary (code → text). Up to {@link LAZY_NUMBERS} numeric entries are turned into text
   * here; beyond that the array is a view that makes each number's text on first read, so that
   * a column of a million distinct ids costs nothing until someone displays them.
   */
  dictionary(): readonly string[] {
    const entries = this.entries;
    const numbers = this.numberByCode;
    if (this.numericCodes < LAZY_NUMBERS) {
      for (let code = 0; code < entries.length; code++) if (entries[code] === undefined) entries[code] = String(numbers[code]);
      return entries as string[];
    }
    return lazyTexts(entries, numbers);
  }

  private codeOfText(text: string): number {
    if (text === '') return MISSING_CODE;
    let code = this.codeByText.get(text);
    if (code === undefined) {
      code = this.entries.length;
      this.entries.push(text);
      this.codeByText.set(text, code);
    }
    return code;
  }
}

/**
 * Encodes a list of cells (Excel errors become missing).
 *
 * @example
 * const col = encodeDictionary([' Acme', 1001, 'Acme', '', 1001]);
 * col.dictionary // ['Acme', '1001']
 * col.codes      // Int32Array [0, 1, 0, -1, 1]
 */
export function encodeDictionary(values: readonly CellValue[]): DictColumn {
  const encoder = new DictionaryEncoder();
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const code = encoder.encode(values[i]);
    codes[i] = code < 0 ? MISSING_CODE : code;
  }
  return { codes, dictionary: encoder.dictionary() };
}
