/**
 * A whole workbook opened as an ExcelJS model (for commands that write back into it: `build`
 * copies the user's sheets, `review` refreshes in place), and its sheets read as `CellValue` rows
 * the same way the streaming reader reads them.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../core/cell';
import { describeFsError, FileReadError } from './read-error';
import { cellValueOf } from './read-xlsx';

/**
 * Opens an `.xlsx` file as a full workbook model. Throws `FileReadError` when it cannot.
 * @example const workbook = await openWorkbook('sales.xlsx');
 */
export async function openWorkbook(path: string): Promise<ExcelJS.Workbook> {
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
