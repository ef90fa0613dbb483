/**
 * An `.xlsx` file opened for reading rows: its package directory, its structure (sheets in tab
 * order, date system, shared strings, date styles) and a way to stream any sheet's rows. Parts are
 * found through relationships and read by random access, so workbooks written by any program
 * read alike, and every kind of damage is one `FileReadError` sentence.
 */
import type { CellValue } from '../../core/cell';
import { describeFsError, FileReadError } from '../read-error';
import { streamSheetRows, type SheetContext } from './sheet-rows';
import { readDateStyles, readSharedStrings, readWorkbookParts, type SheetPart } from './workbook-parts';
import { ZipPackage } from './zip-package';

export type { SheetPart } from './workbook-parts';

export interface OpenedXlsx {
  readonly path: string;
  /** Worksheets in tab order. */
  readonly sheets: readonly SheetPart[];
  readonly date1904: boolean;
  /**
   * Streams a sheet's non-empty rows (1-based row numbers, dense values from column A); `onRow`
   * returning false stops reading. A sheet without a part has no rows.
   */
  rows(sheet: SheetPart, onRow: (rowNumber: number, values: CellValue[]) => boolean | void): Promise<void>;
  close(): void;
}

/**
 * Opens an `.xlsx` file. Throws `FileReadError` for a missing or unreadable file, a damaged
 * package or one that is not a workbook.
 * @example
 * const book = await openXlsx('sales.xlsx');
 * try { await book.rows(book.sheets[0], (n, values) => console.log(n, values)); } finally { book.close(); }
 */
export async function openXlsx(path: string): Promise<OpenedXlsx> {
  let pkg: ZipPackage;
  try {
    pkg = await ZipPackage.open(path);
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw describeFsError(error, path);
  }
  try {
    const parts = await readWorkbookParts(pkg);
    const strings = await readSharedStrings(pkg, parts.sharedStringsPart);
    const dateStyles = await readDateStyles(pkg, parts.stylesPart);
    const context: SheetContext = { strings, dateStyles, date1904: parts.date1904 };
    return {
      path,
      sheets: parts.sheets,
      date1904: parts.date1904,
      async rows(sheet, onRow) {
        if (!sheet.part) return;
        if (!pkg.has(sheet.part))
          throw new FileReadError(
            `${path} is damaged: sheet "${sheet.name}" points to ${sheet.part}, which is not in the file`,
            path,
          );
        await streamSheetRows(pkg, sheet.part, sheet.name, context, onRow);
      },
      close: () => pkg.close(),
    };
  } catch (error) {
    pkg.close();
    throw error;
  }
}
