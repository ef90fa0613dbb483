/**
 * A whole workbook opened as an ExcelJS model (for commands that write back into it: `build`
 * copies the user's sheets, `review` refreshes in place), and its sheets read as `CellValue` rows
 * the same way the streaming reader reads them.
 */
import ExcelJS from 'exceljs';
import { stat } from 'node:fs/promises';
import type { CellValue } from '../core/cell';
import { describeFsError, FileReadError } from './read-error';
import { cellValueOf } from './read-xlsx';

/**
 * Largest `.xlsx` file opened as a whole model. ExcelJS needs roughly 1.5–2 GB of memory per
 * 100,000 rows of a dozen columns (about 6 MB zipped) to read and write a workbook back; past
 * this size the process would run out of heap instead of failing with a message.
 */
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;

/**
 * Opens an `.xlsx` file as a full workbook model. Throws `FileReadError` when it cannot, or when
 * the file is larger than `maxBytes`.
 * @example const workbook = await openWorkbook('sales.xlsx');
 */
export async function openWorkbook(path: string, maxBytes = MAX_WORKBOOK_BYTES): Promise<ExcelJS.Workbook> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw describeFsError(error, path);
  }
  if (size > maxBytes) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    throw new FileReadError(
      `${path} is ${mb(size)}; workbooks are rewritten in memory and up to ${mb(maxBytes)} (about 150,000 rows) is supported. ` +
        'Save the orders as CSV and build from that (large CSVs get a values-only dashboard), or split the workbook',
      path,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    const code = (error as { code?: string } | null)?.code;
    if (code) throw describeFsError(error, path);
    throw new FileReadError(
      `${path} is not a readable .xlsx workbook (${(error as Error)?.message ?? error})`,
      path,
    );
  }
  return workbook;
}

/** True when the workbook counts dates from 1904 (old Mac workbooks). */
export function uses1904(workbook: ExcelJS.Workbook): boolean {
  return Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
}

/**
 * A worksheet's rows as `CellValue`s: row i is sheet row i + 1, cell c is column c + 1.
 * @param limit read at most this many rows from the top (to judge what a sheet holds)
 * @example worksheetRows(workbook.getWorksheet('Orders')!)[0] // ['Date', 'Amount']
 */
export function worksheetRows(
  worksheet: ExcelJS.Worksheet,
  date1904 = false,
  limit = Infinity,
): CellValue[][] {
  const rows: CellValue[][] = [];
  const last = Math.min(worksheet.rowCount, limit);
  for (let number = 1; number <= last; number++) {
    const row = worksheet.findRow(number);
    const values: CellValue[] = [];
    row?.eachCell({ includeEmpty: false }, (cell, col) => {
      while (values.length < col - 1) values.push(null);
      values.push(cellValueOf(cell.value, cell.numFmt, date1904));
    });
    rows.push(values);
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/** The visible worksheets, in workbook order. */
export function visibleWorksheets(workbook: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return workbook.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden');
}
