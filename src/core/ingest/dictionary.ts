/**
 * Dictionary encoding of text columns: each distinct (trimmed) text is stored once and rows hold
 * its index. Numbers used as ids become their text (`1001` → `"1001"`, never `"1001.0"`), so the
 * same customer typed as a number in one row and as text in another is one customer.
 */
import type { CellValue } from '../cell';
import { isExcelError } from '../cell';
import type { DictColumn } from '../table';
import { type IdPattern, IntCodeTable, idText, lazyEntries, patternNumber } from './int-codes';

/** Code of a blank cell. */
export const MISSING_CODE = -1;
/** Code returned for an Excel error string (`#N/A`): stored as missing, reported by the caller. */
export const ERROR_CODE = -2;
/** From this many distinct numbers on, their texts are made on first read. */
const LAZY_NUMBERS = 65_536;

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

// A module-local copy: imported functions may be reached through getters in CommonJS output.
const numberInPattern = patternNumber;

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 10 ||
    code === 13 ||
    code === 160 ||
    code === 0x202f ||
    code === 0x3000
  );
}

/**
 * Incremental encoder, called once per cell by the ingest loops. Costs are kept per *distinct*
 * value where possible:
 * - one map from string (as given, and trimmed) to code;
 * - integers, and ids shaped like an {@link IdPattern} (`SO-0001234`), go through typed lookup
 *   tables instead (a map holding a million distinct ids is the slowest thing ingestion does);
 * - the texts of numbers are made only when the dictionary is asked for.
 */
export class DictionaryEncoder {
  private readonly codeByString = new Map<string, number>();
  private readonly codeByNumber = new Map<number, number>();
  private readonly integers = new IntCodeTable();
  private readonly patterned = new IntCodeTable();
  /**
   * Texts by code; `undefined` for numbers whose text is not made yet (see `numberByCode`). Slots
   * from `size` on are room made in advance (see the constructor), cut off when the dictionary is read.
   */
  private readonly entries: (string | undefined)[];
  /** Number of codes given. */
  private count = 0;
  /** The number behind each numeric code (other slots unused). */
  private numberByCode = new Float64Array(1024);
  private numericCodes = 0;
  /** Id number + 1 behind each code whose id text is not made yet (see `codeOfIdNumber`), else 0. */
  private idByCode = new Int32Array(0);
  private idCodes = 0;
  /** Ids of the pattern kept in `codeByString` under their text (too far apart for the table). */
  private idsInMap = 0;

  /**
   * `capacity`: the most distinct values expected (a columnar reader knows its column's), so that
   * the codes' entries are made once rather than grown value by value: a million-entry array grown
   * by `push` is copied about twenty times, and its fresh memory is much of ingestion's cost.
   */
  constructor(
    private readonly pattern?: IdPattern,
    private readonly capacity = 0,
  ) {
    this.entries = capacity > 0 ? new Array<string | undefined>(capacity) : [];
  }

  /** Files `text` (or `undefined`: a number's or id's text, made later) under the next code. */
  private add(text: string | undefined): number {
    const code = this.count++;
    this.entries[code] = text;
    return code;
  }

  /** Code of a cell: `>= 0`, {@link MISSING_CODE} for blanks, {@link ERROR_CODE} for Excel errors. */
  encode(value: CellValue): number {
    if (typeof value === 'string') return this.codeOfString(value);
    if (typeof value === 'number') return this.codeOfNumber(value);
    if (value === null || value === undefined) return MISSING_CODE;
    const text = cellText(value);
    return text === '' ? MISSING_CODE : this.codeOfString(text);
  }

  /** Code of a string cell. */
  codeOfString(value: string): number {
    if (this.pattern !== undefined) {
      const n = numberInPattern(value, this.pattern);
      if (n >= 0) return this.codeOfPatterned(n, value);
    }
    let code = this.codeByString.get(value);
    if (code === undefined) {
      code = this.codeOfNewString(value);
      this.codeByString.set(value, code);
    }
    return code;
  }

  /** Code of a string not seen before as given: trims, then finds or adds its text. */
  private codeOfNewString(value: string): number {
    if (value.length === 0) return MISSING_CODE;
    let text = value;
    if (isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1))) {
      text = value.trim();
      if (text === '') return MISSING_CODE;
      if (this.pattern !== undefined) {
        const n = numberInPattern(text, this.pattern);
        if (n >= 0) return this.codeOfPatterned(n, text);
      }
      const known = this.codeByString.get(text);
      if (known !== undefined) return known;
    }
    const first = text.charCodeAt(0);
    if (first === 35 && isExcelError(text)) return ERROR_CODE;
    if ((first >= 48 && first <= 57) || first === 45) {
      const number = Number(text);
      // Text that is exactly a number's text (`1001`) shares that number's code.
      if (String(number) === text) return this.codeOfNumber(number);
    }
    const code = this.add(text);
    if (text !== value) this.codeByString.set(text, code);
    return code;
  }

  private codeOfPatterned(n: number, text: string): number {
    let code = this.patterned.get(n);
    if (code >= 0) return code;
    // Numbers too far apart for the table live in the map, under their text.
    const known = this.codeByString.get(text);
    if (known !== undefined) return known;
    code = this.add(text);
    if (!this.patterned.set(n, code)) {
      this.codeByString.set(text, code);
      this.idsInMap++;
    }
    return code;
  }

  /**
   * Code of the id of the encoder's pattern whose number is `n` (the code `codeOfString` gives its
   * text); the text is made only when the dictionary is read.
   */
  codeOfIdNumber(n: number): number {
    const pattern = this.pattern as IdPattern;
    const code = this.patterned.get(n);
    if (code >= 0) return code;
    // An id kept under its text is found there; so is one the table cannot take.
    if (this.idsInMap > 0 || !this.patterned.set(n, this.count))
      return this.codeOfPatterned(n, idText(pattern, n));
    const added = this.add(undefined);
    if (added >= this.idByCode.length) {
      // Room for every value expected at once (see the constructor): each regrowth is fresh memory.
      const grown = new Int32Array(Math.max(1024, this.capacity, 2 * added));
      grown.set(this.idByCode);
      this.idByCode = grown;
    }
    this.idByCode[added] = n + 1;
    this.idCodes++;
    return added;
  }

  /** True when ids given by number (`codeOfIdNumber`) are the ids of this shape. */
  takesIds(prefix: string, digits: number): boolean {
    return this.pattern !== undefined && this.pattern.prefix === prefix && this.pattern.digits === digits;
  }

  /** The text of code `code` whose entry is not made yet: an id's or a number's. */
  private textOfCode(code: number): string {
    const id = code < this.idByCode.length ? this.idByCode[code] : 0;
    return id > 0 ? idText(this.pattern as IdPattern, id - 1) : String(this.numberByCode[code]);
  }

  /** Code of a number; its text is made when the dictionary is asked for. */
  codeOfNumber(value: number): number {
    const integer = Number.isInteger(value);
    if (integer) {
      const code = this.integers.get(value);
      if (code >= 0) return code;
    }
    let code = this.codeByNumber.get(value);
    if (code !== undefined) return code;
    if (!Number.isFinite(value)) return MISSING_CODE;
    code = this.add(undefined);
    if (code >= this.numberByCode.length) {
      const grown = new Float64Array(Math.max(2 * this.numberByCode.length, code + 1));
      grown.set(this.numberByCode);
      this.numberByCode = grown;
    }
    this.numberByCode[code] = value;
    this.numericCodes++;
    // Integers go to the table when it can cover them; lookups try the table, then the map,
    // so a number never gets two codes.
    if (!integer || !this.integers.set(value, code)) this.codeByNumber.set(value, code);
    return code;
  }

  /**
   * Codes of the texts (not numbers) that pass `test`, e.g. the `TOTAL` of a summary row; costs one
   * pass over the distinct values and makes no number's text. `idsMayPass(prefix)`: false when no
   * text of the prefix followed by digits can pass, so that ids kept as numbers (see
   * `codeOfIdNumber`) need no text to be made.
   */
  codesOfText(test: (text: string) => boolean, idsMayPass?: (prefix: string) => boolean): number[] {
    const found: number[] = [];
    const entries = this.entries;
    const pattern = this.pattern;
    const ids = pattern !== undefined && (idsMayPass?.(pattern.prefix) ?? true) ? this.idByCode : undefined;
    for (let code = 0; code < this.count; code++) {
      const text = entries[code];
      if (text !== undefined) {
        if (test(text)) found.push(code);
      } else if (ids !== undefined && code < ids.length && ids[code] > 0) {
        if (test(idText(pattern as IdPattern, ids[code] - 1))) found.push(code);
      }
    }
    return found;
  }

  /** Number of distinct values so far. */
  get size(): number {
    return this.count;
  }

  /**
   * The dictionary (code → text). Up to {@link LAZY_NUMBERS} numeric and id entries are turned
   * into text here; beyond that the array is a view that makes each number's or id's text on first
   * read, so that a column of a million distinct ids costs nothing until someone displays them.
   */
  dictionary(): readonly string[] {
    const entries = this.entries;
    // The room made in advance and not used goes.
    if (entries.length !== this.count) entries.length = this.count;
    if (this.numericCodes + this.idCodes < LAZY_NUMBERS) {
      for (let code = 0; code < entries.length; code++)
        if (entries[code] === undefined) entries[code] = this.textOfCode(code);
      return entries as string[];
    }
    return lazyEntries(entries, (code) => this.textOfCode(code));
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
