/**
 * What a cell's number format says about its number: a date-formatted number is a date serial.
 * Excel hands dates over as serial numbers (`Range.values`); the format tells them from amounts.
 */
import type { CellValue } from './cell';

/**
 * True for a date or time format: date/time letters outside quotes and brackets (`yyyy-mm-dd`,
 * `d/m/yy h:mm`, `[$-421]d mmm yyyy`), not for `#,##0.00` or `"Rp "#,##0`.
 * @example isDateNumberFormat('dd/mm/yyyy') // true
 */
export function isDateNumberFormat(format: string | undefined | null): boolean {
  if (!format) return false;
  return /[ymdhsb]/i.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/**
 * The instant (UTC midnight for whole days) of an Excel serial in the 1900 or 1904 system.
 * @example serialToDate(46000).toISOString() // '2025-12-09T00:00:00.000Z'
 */
export function serialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

/**
 * Rows with the numbers of date-formatted columns turned into `Date`s: `formats` holds one number
 * format per column (those of the first data row), as a workbook reports them.
 * @example datesByFormat([['Date'], [46000]], ['yyyy-mm-dd'], 1) // [['Date'], [Date 2025-12-09]]
 */
export function datesByFormat(
  rows: readonly (readonly CellValue[])[],
  formats: readonly (string | null | undefined)[],
  fromRow: number,
  date1904 = false,
): CellValue[][] {
  const dateColumns = formats.flatMap((f, c) => (isDateNumberFormat(f) ? [c] : []));
  if (dateColumns.length === 0) return rows as CellValue[][];
  return rows.map((row, r) => {
    if (r < fromRow) return row as CellValue[];
    let copy: CellValue[] | undefined;
    for (const c of dateColumns) {
      const v = row[c];
      if (typeof v === 'number' && Number.isFinite(v)) {
        copy ??= [...row];
        copy[c] = serialToDate(v, date1904);
      }
    }
    return copy ?? (row as CellValue[]);
  });
}
