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
  readonly dictionary: string[] = [];

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

  /** Numbers are keyed by value (no string made for a repeat); their text is made once. */
  codeOfNumber(value: number): number {
    let code = this.codeByNumber.get(value);
    if (code === undefined) {
      if (!Number.isFinite(value)) return MISSING_CODE;
      code = this.dictionary.length;
      this.dictionary.push(String(value));
      this.codeByNumber.set(value, code);
    }
    return code;
  }

  /**
   * Adds a number's text without keying it; for callers that keep their own number → code
   * table and never pass this number again.
   */
  appendNumber(value: number): number {
    this.dictionary.push(String(value));
    return this.dictionary.length - 1;
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

  private codeOfText(text: string): number {
    if (text === '') return MISSING_CODE;
    let code = this.codeByText.get(text);
    if (code === undefined) {
      code = this.dictionary.length;
      this.dictionary.push(text);
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
  return { codes, dictionary: encoder.dictionary };
}
