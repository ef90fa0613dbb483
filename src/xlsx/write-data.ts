/**
 * Plain data sheets (orders, pipeline, spend, targets) written to an `.xlsx` file with ExcelJS's
 * streaming writer, so a million-row sheet is written row by row (into a temporary file renamed
 * into place). Numbers stay numbers, text
 * that starts with `=`, `+`, `-` or `@` stays text (the streaming writer never makes formulas
 * from strings), and columns get number formats by header (dates as dates, money with decimals).
 */
import ExcelJS from 'exceljs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { CellValue } from '../core/cell';

export interface DataSheet {
  readonly name: string;
  /** Header row first. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Number format per header text (e.g. `{ 'Order Date': 'yyyy-mm-dd' }`). */
  readonly formats?: Readonly<Record<string, string>>;
  /** Turn the sheet into an Excel table with filter buttons (default true). */
  readonly autoFilter?: boolean;
}

export interface WriteDataOptions {
  /** Rows written so far (all sheets), about every 100,000 rows. */
  readonly onProgress?: (rowsWritten: number) => void;
}

function widthOf(header: string, format: string | undefined): number {
  const base = Math.max(10, header.length + 2);
  return format && /[dmy]/.test(format) ? Math.max(base, 12) : format ? Math.max(base, 14) : base;
}

/**
 * Writes the sheets, in order, to `path`: into a temporary file beside it first, renamed into
 * place once complete, so a failed or interrupted write never leaves half a workbook there.
 * @example await writeDataWorkbook('sample.xlsx', [{ name: 'Orders', rows, formats: { Date: 'yyyy-mm-dd' } }]);
 */
export async function writeDataWorkbook(
  path: string,
  sheets: readonly DataSheet[],
  options: WriteDataOptions = {},
): Promise<void> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`,
  );
  try {
    await streamSheets(temporary, sheets, options);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

async function streamSheets(
  path: string,
  sheets: readonly DataSheet[],
  options: WriteDataOptions,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: true,
  });
  let written = 0;
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = (sheet.rows[0] ?? []).map((cell) => String(cell ?? ''));
    const formats = header.map((h) => sheet.formats?.[h]);
    worksheet.columns = header.map((h, c) => ({ key: `c${c}`, width: widthOf(h, formats[c]) }));
    if (sheet.autoFilter !== false && header.length > 0) {
      worksheet.autoFilter = {
        from: { row: 1, column: 1 },
        to: { row: Math.max(1, sheet.rows.length), column: header.length },
      };
    }
    for (let r = 0; r < sheet.rows.length; r++) {
      const values = sheet.rows[r].map((cell) => (cell === undefined ? null : cell));
      const row = worksheet.addRow(values);
      if (r === 0) row.font = { bold: true };
      else {
        for (let c = 0; c < formats.length; c++) {
          if (formats[c] && values[c] !== null) row.getCell(c + 1).numFmt = formats[c]!;
        }
      }
      row.commit();
      written++;
      if (options.onProgress && written % 100_000 === 0) options.onProgress(written);
    }
    worksheet.commit();
  }
  await workbook.commit();
  options.onProgress?.(written);
}
