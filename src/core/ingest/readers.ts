/**
 * One tight loop per column: read every data row's cell, write a typed array, and mark rows whose
 * required cell is unusable. Numbers take a fast path (no call, no allocation); strings are parsed
 * once and cached, since dates and amounts repeat.
 */
import type { CellValue } from '../cell';
import type { DictColumn, PipelineStatus } from '../table';
import { STATUS_CODE } from '../table';
import { dateFromNumber, dateFromText, dateOrReason, type DateOptions, MAX_SERIAL_1900 } from './dates';
import { amountFromText, amountOrReason, type NumberStyle } from './numbers';
import { DictionaryEncoder, ERROR_CODE, MISSING_CODE } from './dictionary';
import { parseStatus, type StatusReading } from './status';
import { type Frame, ROW_BLANK, ROW_SKIPPED, ROW_USED, isBlankRow, cellAt } from './frame';

export interface ColumnSpec {
  readonly column: number;
  readonly header: string;
  /** Required: an unusable cell skips the row. Optional: it becomes missing with a warning. */
  readonly required: boolean;
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

/** Rows that later columns still need to read. */
function live(frame: Frame, i: number): boolean {
  return frame.fate[i] === ROW_USED;
}

/** Reads a date column into epoch days (`NaN` where missing). */
export function readDates(frame: Frame, spec: ColumnSpec, options: DateOptions): Float64Array {
  const out = new Float64Array(frame.count).fill(NaN);
  const cache = new Map<string, number | string>();
  const fastSerials = (options.system ?? '1900') === '1900';
  const { values, start, count } = frame;
  const c = spec.column;
  for (let i = 0; i < count; i++) {
    if (frame.fate[i] !== ROW_USED) continue;
    const row = values[start + i];
    const value = row === null || row === undefined ? undefined : row[c];
    let result: number | string;
    if (typeof value === 'number') {
      // The common case from Range.values: a whole-day or timed serial after 1900-02-28.
      if (fastSerials && value >= 61 && value < MAX_SERIAL_1900) {
        out[i] = value - 25569;
        continue;
      }
      result = dateFromNumber(value, options.system);
    } else if (typeof value === 'string') {
      const cached = cache.get(value);
      if (cached !== undefined) result = cached;
      else {
        result = dateFromText(value, options.order);
        if (cache.size < CACHE_LIMIT) cache.set(value, result);
      }
    } else {
      result = dateOrReason(value, options);
    }
    if (typeof result === 'number') out[i] = result;
    else unusable(frame, i, spec, value, result);
  }
  return out;
}

/** Reads an amount column (`NaN` where missing). */
export function readAmounts(frame: Frame, spec: ColumnSpec, style: NumberStyle): Float64Array {
  const out = new Float64Array(frame.count).fill(NaN);
  const cache = new Map<string, number | string>();
  const { values, start, count } = frame;
  const c = spec.column;
  for (let i = 0; i < count; i++) {
    if (frame.fate[i] !== ROW_USED) continue;
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
        result = amountFromText(value, style);
        if (cache.size < CACHE_LIMIT) cache.set(value, result);
      }
    } else {
      result = amountOrReason(value, style);
    }
    if (typeof result === 'number') out[i] = result;
    else unusable(frame, i, spec, value, result);
  }
  return out;
}

/**
 * Integer ids in a compact range (order numbers, customer numbers) are coded through a typed
 * lookup table instead of a map: one array read per row. Returns `undefined` for other columns.
 */
function integerRange(frame: Frame, c: number): { min: number; max: number } | undefined {
  const { values, start, count } = frame;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const row = values[start + i];
    const value = row === null || row === undefined ? undefined : row[c];
    if (typeof value !== 'number') {
      if (value === undefined || value === null || value === '') continue;
      return undefined;
    }
    if (!Number.isInteger(value)) return undefined;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (!(max >= min) || max - min > Math.max(4 * count, 1 << 16) || max - min > 1 << 26) return undefined;
  return { min, max };
}

/** Reads a text column into dictionary codes (`-1` where missing; Excel errors warned). */
export function readDict(frame: Frame, spec: ColumnSpec, warn = true): DictColumn {
  const encoder = new DictionaryEncoder();
  const codes = new Int32Array(frame.count).fill(MISSING_CODE);
  const { values, start, count } = frame;
  const c = spec.column;
  const range = integerRange(frame, c);
  const table = range ? new Int32Array(range.max - range.min + 1).fill(-1) : undefined;
  const min = range ? range.min : 0;
  for (let i = 0; i < count; i++) {
    if (frame.fate[i] !== ROW_USED) continue;
    const row = values[start + i];
    const value = row === null || row === undefined ? undefined : row[c];
    let code: number;
    if (table !== undefined && typeof value === 'number') {
      code = table[value - min];
      if (code < 0) table[value - min] = code = encoder.appendNumber(value);
    } else code = encoder.encode(value);
    if (code >= 0) codes[i] = code;
    else if (code === ERROR_CODE) {
      if (warn || spec.required) unusable(frame, i, spec, value, `Excel error ${String(value).trim().toUpperCase()}`);
    } else if (spec.required) unusable(frame, i, spec, value, 'blank');
  }
  return { codes, dictionary: encoder.dictionary };
}

/** Reads a pipeline status column into `STATUS_CODE`s; returns how many texts were unknown. */
export function readStatus(frame: Frame, spec: ColumnSpec): { codes: Uint8Array; unknown: number } {
  const codes = new Uint8Array(frame.count);
  const cache = new Map<string, StatusReading>();
  let unknown = 0;
  for (let i = 0; i < frame.count; i++) {
    if (!live(frame, i)) continue;
    const value = cellAt(frame, i, spec.column);
    let reading: StatusReading | undefined = typeof value === 'string' ? cache.get(value) : undefined;
    if (reading === undefined) {
      reading = parseStatus(value);
      if (typeof value === 'string' && cache.size < CACHE_LIMIT) cache.set(value, reading);
    }
    if ('error' in reading) {
      unusable(frame, i, spec, value, reading.error);
      continue;
    }
    codes[i] = STATUS_CODE[reading.status as PipelineStatus];
    if (!reading.known) {
      unknown++;
      frame.log.add(frame.firstRowNumber + frame.start + i, spec.column, spec.header, value, reading.warning, 'warning');
    }
  }
  return { codes, unknown };
}

/** Reads any column with a per-cell function (small tables such as targets). */
export function readWith<T>(frame: Frame, spec: ColumnSpec, read: (value: CellValue) => T | { error: string }): (T | undefined)[] {
  const out: (T | undefined)[] = new Array(frame.count).fill(undefined);
  for (let i = 0; i < frame.count; i++) {
    if (!live(frame, i)) continue;
    const value = cellAt(frame, i, spec.column);
    const result = read(value);
    if (typeof result === 'object' && result !== null && 'error' in result) unusable(frame, i, spec, value, result.error);
    else out[i] = result as T;
  }
  return out;
}

export { ROW_SKIPPED, ROW_BLANK };
