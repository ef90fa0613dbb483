/**
 * One entry point for reading a table file: `.xlsx`/`.xlsm` streamed sheet by sheet, anything
 * else as delimited text, both into cells stored by column. The format is taken from the file's first bytes (a ZIP signature means a
 * workbook), so a misnamed file is still read the right way, and from the extension for errors.
 */
import { open } from 'node:fs/promises';
import type { CellValue } from '../core/cell';
import { type CellGrid, type ColumnarCells, cellGrid, columnarRows } from '../core/ingest';
import type { Delimiter } from './read-sniff';
import { readCsvColumns } from './read-csv-columns';
import { describeFsError, FileReadError } from './read-error';
import { readXlsxColumns } from './read-xlsx';

export { FileReadError } from './read-error';
export type { Delimiter } from './read-sniff';

export interface ReadTableOptions {
  /** Worksheet name for workbooks (ignored for text files). */
  readonly sheet?: string;
  /** For workbooks without `sheet`: picks the first visible sheet whose rows it accepts. */
  readonly looksLike?: (rows: readonly (readonly CellValue[])[]) => boolean;
  /** For workbooks without `sheet`: names that win over the first sheet `looksLike` accepts. */
  readonly preferredNames?: readonly string[];
  /** Field separator for text files; sniffed when absent. */
  readonly delimiter?: Delimiter;
  /** Rows read so far, every 100,000 rows or so and at the end. */
  readonly onProgress?: (rowsRead: number) => void;
}

export interface ReadTableResult {
  /**
   * Every row of the file or sheet, header included; text files give strings only. The rows are
   * made from `cells` on first use (commands that only compute never need them).
   */
  readonly rows: CellValue[][];
  /** Number of rows (`rows.length`), without making the rows. */
  readonly rowCount: number;
  /** The cells as read, by column, for ingestion. */
  readonly cells: ColumnarCells | CellValue[][];
  /** A view of the cells by row and column, the same values as `rows`. */
  readonly grid: CellGrid;
  readonly format: 'xlsx' | 'csv';
  /** Worksheet the rows came from (workbooks only). */
  readonly sheet?: string;
  readonly sheetNames?: readonly string[];
  /** Field separator used (text files only). */
  readonly delimiter?: Delimiter;
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

async function firstBytes(path: string, count: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    throw describeFsError(error, path);
  } finally {
    await handle?.close();
  }
}

/**
 * A reading's cells by column with what the reader adds (`about`), a grid over them, and rows made
 * on first use (a getter, so the result must not be spread into another object).
 */
function byColumn<T extends object>(cells: ColumnarCells, about: T) {
  let rows: CellValue[][] | undefined;
  return {
    get rows(): CellValue[][] {
      rows ??= columnarRows(cells);
      return rows;
    },
    rowCount: cells.rowCount,
    cells,
    grid: cellGrid(cells),
    ...about,
  };
}

/**
 * Reads the rows of a `.csv`/`.txt`/`.tsv` or `.xlsx` file.
 * Throws `FileReadError` (with a message for the user) when the file cannot be read.
 * @example const { rows } = await readTableFile('orders.csv'); // [['Date', 'Amount'], ['2026-01-05', '12.50']]
 */
export async function readTableFile(path: string, options: ReadTableOptions = {}): Promise<ReadTableResult> {
  const head = await firstBytes(path, 4);
  const isZip = head.length === 4 && ZIP_SIGNATURE.every((byte, i) => head[i] === byte);
  const named = /\.(xlsx|xlsm|xltx|xltm)$/i.test(path);
  if (isZip) {
    const result = await readXlsxColumns(path, options);
    return byColumn(result.cells, {
      format: 'xlsx' as const,
      sheet: result.sheet,
      sheetNames: result.sheetNames,
    });
  }
  if (named) throw new FileReadError(`${path} is not a valid .xlsx workbook (it is not a ZIP package)`, path);
  if (/\.(xls|xlsb|ods|numbers)$/i.test(path)) {
    throw new FileReadError(`${path}: this format is not supported; save it as .xlsx or .csv`, path);
  }
  if (
    head.length >= 2 &&
    ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
  ) {
    throw new FileReadError(`${path} is UTF-16 text; save it as UTF-8 CSV`, path);
  }
  try {
    const result = await readCsvColumns(path, {
      delimiter: options.delimiter,
      onProgress: options.onProgress,
    });
    return byColumn(result.cells, { format: 'csv' as const, delimiter: result.delimiter });
  } catch (error) {
    throw error instanceof FileReadError ? error : describeFsError(error, path);
  }
}
