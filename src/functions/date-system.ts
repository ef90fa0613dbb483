/**
 * The workbook's date system, for every serial a function reads or writes. Excel passes dates to
 * custom functions as serial numbers counted in the workbook's system: from 1900-01-01 (serial 1,
 * the usual one) or from 1904-01-01 (serial 0, workbooks made on old Macs), 1,462 days apart. A
 * function cannot see which one its workbook uses: the host asks Excel once when the add-in loads
 * (`DATE(1904,1,1)` is 0 in the 1904 system) and sets it here (`src/excel/functions-host.ts`).
 */
import type { DateSystem } from '../core/ingest/dates';
import { MAX_SERIAL_1900 } from '../core/ingest/dates';

/** Serial of 1970-01-01 (epoch day 0) in each system. */
const EPOCH_SERIAL: { readonly [K in DateSystem]: number } = { '1900': 25569, '1904': 24107 };

let system: DateSystem = '1900';

/** The date system serials are read in (1900 unless the host found 1904). */
export function dateSystem(): DateSystem {
  return system;
}

/** Sets the workbook's date system (the host, once; tests). */
export function setDateSystem(next: DateSystem): void {
  system = next;
}

/**
 * The serials read without a parser in the current system: `[first, end)` with
 * `epoch day = serial − offset` (1900: from 1900-03-01, after the day Excel invents; 1904: from
 * 1904-01-02, since serial 0 is a blank cell on older Excel builds).
 */
export interface SerialSpan {
  readonly first: number;
  readonly end: number;
  readonly offset: number;
}

/** The fast span of the current system. @example serialSpan().offset // 25569 in the 1900 system */
export function serialSpan(): SerialSpan {
  const offset = EPOCH_SERIAL[system];
  return system === '1900'
    ? { first: 61, end: MAX_SERIAL_1900, offset }
    : { first: 1, end: MAX_SERIAL_1900 - (EPOCH_SERIAL['1900'] - offset), offset };
}

/**
 * The serial of an epoch day in the current system, for dates a spill returns.
 * @example serialOf(19723) // 45292 (2024-01-01, 1900 system); 43830 in the 1904 system
 */
export function serialOf(epochDay: number): number {
  return epochDay + EPOCH_SERIAL[system];
}
