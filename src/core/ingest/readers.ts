/**
 * Column readers: each owns one column's output (a typed array) and reads a range of data rows
 * with a tight loop, marking rows whose required cell is unusable. The caller runs every reader
 * over one block of rows before moving to the next block (see `columns.ts`): each row array is
 * then fetched from memory once rather than once per column, which on a million rows is the
 * largest cost of all. Numbers take a fast path (no call, no allocation); strings are parsed
 * once and cached, since dates and amounts repeat.
 */
import type { CellValue } from '../cell';
import type { DictColumn, PipelineStatus } from '../table';
import { STATUS_CODE } from '../table';
import {
  dateFromNumber,
  dateFromSerialText,
  dateFromText,
  dateOrReason,
  type DateOptions,
  MAX_SERIAL_1900,
} from './dates';
import { amountFromText, amountOrReason, type NumberStyle, plainAmount } from './numbers';
import { DictionaryEncoder, ERROR_CODE, MISSING_CODE } from './dictionary';
import type { IdNumbers, IdPattern } from './int-codes';
import { parseStatus, type StatusReading } from './status';
import { type Frame, ROW_BLANK, ROW_SKIPPED, ROW_USED, cellAt, isBlankRow } from './frame';

// Imported bindings may compile to getter calls (CommonJS output keeps them live); the hot loops
// read module-local copies instead.
const USED = ROW_USED;
const SERIAL_END = MAX_SERIAL_1900;
const ERROR = ERROR_CODE;
const MISSING = MISSING_CODE;
const statusCodes = STATUS_CODE;

export interface ColumnSpec {
  readonly column: number;
  readonly header: string;
  /** Required: an unusable cell skips the row. Optional: it becomes missing with a warning. */
  readonly required: boolean;
}

/** Reads data rows `[from, to)` of its column into its output. */
export interface ColumnReader<T> {
  read(from: number, to: number): void;
  /** The output, for all data rows (not yet compacted). */
  result(): T;
}

/** Parsed strings kept per column; beyond this many distinct strings, parse without caching. */
const CACHE_LIMIT = 200_000;

function unusable(frame: Frame, i: number, spec: ColumnSpec, value: CellValue, reason: string): void {
  const row = frame.firstRowNumber + frame.start + i;
  if (spec.required) {
    if (reason === 'blank' && isBlankRow(frame, i)) {
      frame.fate[i] = ROW_BLANK;
      return;
    }
    frame.fate[i] = ROW_SKIPPED;
    frame.log.add(row, spec.column, spec.header, value, reason, 'skipped');
  } else if (reason !== 'blank') {
    frame.log.add(row, spec.column, spec.header, value, reason, 'warning');
  }
}

/** A date column into epoch days (`NaN` where missing). */
export function dateReader(
  frame: Frame,
  spec: ColumnSpec,
  options: DateOptions,
  out: Float64Array = new Float64Array(frame.count),
): ColumnReader<Float64Array> {
  out.fill(NaN);
  const fastSerials = (options.system ?? '1900') === '1900';
  if (frame.columns)
    return byDistinctValue(frame, spec, out, (value) => {
      if (typeof value === 'number')
        return fastSerials && value >= 61 && value < SERIAL_END
          ? value - 25569
          : dateFromNumber(value, options.system);
      if (typeof value === 'string') {
        const serial = options.serialText ? dateFromSerialText(value, options.system) : undefined;
        return serial ?? dateFromText(value, options.order);
      }
      return dateOrReason(value, options);
    });
  const cache = new Map<string, number | string>();
  const { values, start, fate } = frame;
  const c = spec.column;
  return {
    result: () => out,
    read(from: number, to: number): void {
      for (let i = from; i < to; i++) {
        if (fate[i] !== USED) continue;
        const row = values[start + i];
        const value = row === null || row === undefined ? undefined : row[c];
        let result: number | string;
        if (typeof value === 'number') {
          // The common case from Range.values: a whole-day or timed serial after 1900-02-28.
          if (fastSerials && value >= 61 && value < SERIAL_END) {
            out[i] = value - 25569;
            continue;
          }
          result = dateFromNumber(value, options.system);
        } else if (typeof value === 'string') {
          const cached = cache.get(value);
          if (cached !== undefined) result = cached;
          else {
            const serial = options.serialText ? dateFromSerialText(value, options.system) : undefined;
            result = serial ?? dateFromText(value, options.order);
            if (cache.size < CACHE_LIMIT) cache.set(value, result);
          }
        } else {
          result = dateOrReason(value, options);
        }
        if (typeof result === 'number') out[i] = result;
        else unusable(frame, i, spec, value, result);
      }
    },
  };
}

/**
 * An amount column (`NaN` where missing). `wholeUnits`: the column's currency has no cents, so a
 * lone `75.000` or `75,000` is thousands (see `amountFromText`).
 */
export function amountReader(
  frame: Frame,
  spec: ColumnSpec,
  style: NumberStyle,
  out: Float64Array = new Float64Array(frame.count),
  wholeUnits?: boolean,
): ColumnReader<Float64Array> {
  out.fill(NaN);
  if (frame.columns)
    return byDistinctValue(frame, spec, out, (value) => {
      if (typeof value === 'number') return value - value === 0 ? value : 'not a finite number';
      if (typeof value === 'string') return plainAmount(value) ?? amountFromText(value, style, wholeUnits);
      return amountOrReason(value, style, wholeUnits);
    });
  const cache = new Map<string, number | string>();
  const { values, start, fate } = frame;
  const c = spec.column;
  return {
    result: () => out,
    read(from: number, to: number): void {
      for (let i = from; i < to; i++) {
        if (fate[i] !== USED) continue;
        const row = values[start + i];
        const value = row === null || row === undefined ? undefined : row[c];
        let result: number | string;
        if (typeof value === 'number') {
          if (value - value === 0) {
            out[i] = value;
            continue;
          }
          result = 'not a finite number';
        } else if (typeof value === 'string') {
          const cached = cache.get(value);
          if (cached !== undefined) result = cached;
          else {
            result = amountFromText(value, style, wholeUnits);
            if (cache.size < CACHE_LIMIT) cache.set(value, result);
          }
        } else {
          result = amountOrReason(value, style, wholeUnits);
        }
        if (typeof result === 'number') out[i] = result;
        else unusable(frame, i, spec, value, result);
      }
    },
  };
}

/** Slots of the dictionary reader's text cache, minus one. */
const LABEL_SLOTS_MASK = 255;

/** A dictionary column's reader, which can also say which of its texts pass a test. */
export interface DictColumnReader extends ColumnReader<DictColumn> {
  /** Codes of the column's texts that pass `test` (see `DictionaryEncoder.codesOfText`). */
  codesOfText(test: (text: string) => boolean, idsMayPass?: (prefix: string) => boolean): number[];
}

/** A text column into dictionary codes (`-1` where missing; Excel errors warned when `warn`). */
export function dictReader(
  frame: Frame,
  spec: ColumnSpec,
  warn = true,
  pattern?: IdPattern,
  codes: Int32Array = new Int32Array(frame.count),
): DictColumnReader {
  // A columnar column gives one code per distinct value it holds, so their number bounds the codes.
  const encoder = new DictionaryEncoder(pattern, frame.columns ? columnOf(frame, spec).values.length : 0);
  codes.fill(MISSING);
  if (frame.columns) return columnarDictReader(frame, spec, warn, encoder, codes);
  const { values, start, fate } = frame;
  const c = spec.column;
  let lastValue: CellValue = undefined;
  let lastCode = MISSING;
  const patterned = pattern !== undefined;
  const slotTexts: string[] = new Array<string>(LABEL_SLOTS_MASK + 1).fill('');
  const slotCodes = new Int32Array(LABEL_SLOTS_MASK + 1);
  return {
    result: () => ({ codes, dictionary: encoder.dictionary() }),
    codesOfText: (test, idsMayPass) => encoder.codesOfText(test, idsMayPass),
    read(from: number, to: number): void {
      for (let i = from; i < to; i++) {
        if (fate[i] !== USED) continue;
        const row = values[start + i];
        const value = row === null || row === undefined ? undefined : row[c];
        // Sorted sheets repeat a value over neighbouring rows; the same string object (Excel's
        // short strings arrive shared) skips the map. Not in id columns with a pattern: there the
        // ids differ from row to row, comparing two equally long ids reads both to the last
        // digit, and the pattern's lookup table is no dearer than the comparison.
        let code: number;
        if (!patterned && value === lastValue && typeof value === 'string') code = lastCode;
        else if (!patterned && typeof value === 'string' && value.length > 0) {
          // Label columns hold few distinct texts: a small table indexed by the text's length and
          // three of its characters finds most of them without a hash map lookup.
          const n = value.length;
          const slot =
            (n * 31 + value.charCodeAt(0) * 7 + value.charCodeAt(n - 1) * 3 + value.charCodeAt(n >> 1)) &
            LABEL_SLOTS_MASK;
          if (slotTexts[slot] === value) code = slotCodes[slot];
          else {
            code = encoder.codeOfString(value);
            slotTexts[slot] = value;
            slotCodes[slot] = code;
          }
          lastValue = value;
          lastCode = code;
        } else {
          code = encoder.encode(value);
          lastValue = value;
          lastCode = code;
        }
        if (code >= 0) codes[i] = code;
        else if (code === ERROR) {
          if (warn || spec.required)
            unusable(frame, i, spec, value, `Excel error ${String(value).trim().toUpperCase()}`);
        } else if (spec.required) unusable(frame, i, spec, value, 'blank');
      }
    },
  };
}

/**
 * Files data row `i`'s status reading: its code in `out`, or the row unusable; true when the word
 * was not a known status (read as open, with a warning in the log).
 */
function takeStatus(
  frame: Frame,
  spec: ColumnSpec,
  i: number,
  value: CellValue,
  reading: StatusReading,
  out: Uint8Array,
): boolean {
  if ('error' in reading) {
    unusable(frame, i, spec, value, reading.error);
    return false;
  }
  out[i] = statusCodes[reading.status as PipelineStatus];
  if (reading.known) return false;
  frame.log.add(
    frame.firstRowNumber + frame.start + i,
    spec.column,
    spec.header,
    value,
    reading.warning,
    'warning',
  );
  return true;
}

/** A pipeline status column into `STATUS_CODE`s; unknown texts are open, with a warning. */
export function statusReader(
  frame: Frame,
  spec: ColumnSpec,
): ColumnReader<{ codes: Uint8Array; unknown: number }> {
  const codes = new Uint8Array(frame.count);
  if (frame.columns) return columnarStatusReader(frame, spec, codes);
  const cache = new Map<string, StatusReading>();
  const { values, start, fate } = frame;
  let unknown = 0;
  return {
    result: () => ({ codes, unknown }),
    read(from: number, to: number): void {
      for (let i = from; i < to; i++) {
        if (fate[i] !== USED) continue;
        const row = values[start + i];
        const value = row === null || row === undefined ? undefined : row[spec.column];
        let reading: StatusReading | undefined = typeof value === 'string' ? cache.get(value) : undefined;
        if (reading === undefined) {
          reading = parseStatus(value);
          if (typeof value === 'string' && cache.size < CACHE_LIMIT) cache.set(value, reading);
        }
        if (takeStatus(frame, spec, i, value, reading, codes)) unknown++;
      }
    },
  };
}

/** Any column through a per-cell function (small tables such as targets). */
export function cellReader<T>(
  frame: Frame,
  spec: ColumnSpec,
  parse: (value: CellValue) => T | { error: string },
): ColumnReader<(T | undefined)[]> {
  const out: (T | undefined)[] = new Array(frame.count).fill(undefined);
  const { values, start, fate } = frame;
  const columnar = frame.columns !== undefined;
  return {
    result: () => out,
    read(from: number, to: number): void {
      for (let i = from; i < to; i++) {
        if (fate[i] !== USED) continue;
        const value = columnar
          ? cellAt(frame, i, spec.column)
          : (values[start + i] ?? undefined)?.[spec.column];
        const result = parse(value);
        if (typeof result === 'object' && result !== null && 'error' in result)
          unusable(frame, i, spec, value, result.error);
        else out[i] = result as T;
      }
    },
  };
}

/** A columnar frame's codes for a column (`undefined` when no row has the field) and its distinct values. */
function columnOf(
  frame: Frame,
  spec: ColumnSpec,
): { codes?: Int32Array; values: readonly CellValue[]; ids?: IdNumbers } {
  const column = frame.columns?.columns[spec.column];
  return column ?? { values: [] };
}

/** Distinct-value states in the columnar readers. */
const UNREAD = 0;
const READ_OK = 1;
const READ_BAD = 2;

/**
 * A number or date column of a columnar frame: each distinct value is parsed once, on its first
 * used row, and rows take their value by code. Same results and issues as the row-major loop.
 */
function byDistinctValue(
  frame: Frame,
  spec: ColumnSpec,
  out: Float64Array,
  parse: (value: CellValue) => number | string,
): ColumnReader<Float64Array> {
  const { codes, values } = columnOf(frame, spec);
  const state = new Uint8Array(values.length);
  const parsed = new Float64Array(values.length);
  const reasons: string[] = [];
  const { start, fate } = frame;
  let absent: number | string | undefined;
  return {
    result: () => out,
    read(from: number, to: number): void {
      for (let i = from; i < to; i++) {
        if (fate[i] !== USED) continue;
        const code = codes === undefined ? -1 : codes[start + i];
        if (code < 0) {
          if (absent === undefined) absent = parse(undefined);
          if (typeof absent === 'number') out[i] = absent;
          else unusable(frame, i, spec, undefined, absent);
          continue;
        }
        let known = state[code];
        if (known === UNREAD) {
          const result = parse(values[code]);
          if (typeof result === 'number') {
            parsed[code] = result;
            known = READ_OK;
          } else {
            reasons[code] = result;
            known = READ_BAD;
          }
          state[code] = known;
        }
        if (known === READ_OK) out[i] = parsed[code];
        else unusable(frame, i, spec, values[code], reasons[code]);
      }
    },
  };
}

/** Codes not looked up yet in the columnar dictionary reader. */
const UNMAPPED = -3;

/** {@link dictReader} over a columnar frame: each distinct value is encoded once, on its first used row. */
function columnarDictReader(
  frame: Frame,
  spec: ColumnSpec,
  warn: boolean,
  encoder: DictionaryEncoder,
  out: Int32Array,
): DictColumnReader {
  const { codes, values, ids } = columnOf(frame, spec);
  const mapped = new Int32Array(values.length).fill(UNMAPPED);
  const { start, fate } = frame;
  // Ids the file reader gives as numbers are encoded without their texts where the encoder takes
  // them as they are: ids of its pattern, and digits without a leading zero (a number's text).
  const idNumbers = ids?.numbers;
  const idsOfPattern = ids !== undefined && encoder.takesIds(ids.prefix, ids.digits);
  const plainNumbers = ids !== undefined && ids.prefix === '';
  const leastPlain = ids === undefined ? 0 : 10 ** (ids.digits - 1);
  return {
    result: () => ({ codes: out, dictionary: encoder.dictionary() }),
    codesOfText: (test, idsMayPass) => encoder.codesOfText(test, idsMayPass),
    read(from: number, to: number): void {
      for (let i = from; i < to; i++) {
        if (fate[i] !== USED) continue;
        const source = codes === undefined ? -1 : codes[start + i];
        let code = MISSING;
        if (source >= 0) {
          code = mapped[source];
          if (code === UNMAPPED) {
            const id = idNumbers === undefined ? -1 : idNumbers[source];
            if (id >= 0 && idsOfPattern) code = encoder.codeOfIdNumber(id);
            else if (id >= leastPlain && plainNumbers) code = encoder.codeOfNumber(id);
            else {
              const value = values[source];
              code = encoder.encode(value);
            }
            mapped[source] = code;
          }
        }
        if (code >= 0) out[i] = code;
        else {
          const value = source >= 0 ? values[source] : undefined;
          if (code === ERROR) {
            if (warn || spec.required)
              unusable(frame, i, spec, value, `Excel error ${String(value).trim().toUpperCase()}`);
          } else if (spec.required) unusable(frame, i, spec, value, 'blank');
        }
      }
    },
  };
}

/** {@link statusReader} over a columnar frame: each distinct value is parsed once. */
function columnarStatusReader(
  frame: Frame,
  spec: ColumnSpec,
  out: Uint8Array,
): ColumnReader<{ codes: Uint8Array; unknown: number }> {
  const { codes, values } = columnOf(frame, spec);
  const readings: (StatusReading | undefined)[] = new Array<StatusReading | undefined>(values.length);
  const { start, fate } = frame;
  let absent: StatusReading | undefined;
  let unknown = 0;
  return {
    result: () => ({ codes: out, unknown }),
    read(from: number, to: number): void {
      for (let i = from; i < to; i++) {
        if (fate[i] !== USED) continue;
        const code = codes === undefined ? -1 : codes[start + i];
        const value = code >= 0 ? values[code] : undefined;
        let reading = code >= 0 ? readings[code] : absent;
        if (reading === undefined) {
          reading = parseStatus(value);
          if (code >= 0) readings[code] = reading;
          else absent = reading;
        }
        if (takeStatus(frame, spec, i, value, reading, out)) unknown++;
      }
    },
  };
}

export { ROW_SKIPPED, ROW_BLANK };
