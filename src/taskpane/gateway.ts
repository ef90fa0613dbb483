import type { CellValue } from '../core/cell';

/** A named Excel table the user can pick as a data source. */
export interface TableInfo {
  /** The table's name, e.g. `Orders`. */
  readonly name: string;
  /** Its full range including the header row, e.g. `Sheet1!A1:H1201`. */
  readonly address: string;
}

/** Values read from the workbook: the first row is the header row when the source has one. */
export interface SourceData {
  /** Where the values came from, e.g. `Sheet1!A1:H1201`. */
  readonly address: string;
  readonly values: CellValue[][];
}

/** Progress of a chunked read, reported after each chunk. */
export interface ReadProgress {
  readonly rowsRead: number;
  readonly totalRows: number;
}

export interface ReadOptions {
  readonly onProgress?: (progress: ReadProgress) => void;
}

/**
 * Everything the task pane needs from the workbook. Components receive an implementation and
 * never touch Office.js themselves, so they render and test the same inside and outside Excel.
 *
 * Implementations reject with an `Error` whose message can be shown to the user as is.
 *
 * @example
 * const tables = await gateway.listTables();
 * const data = await gateway.readTable(tables[0].name, { onProgress: (p) => setProgress(p) });
 * console.log(`${data.values.length - 1} rows from ${data.address}`);
 */
export interface WorkbookGateway {
  /** The tables in the workbook, in workbook order. */
  listTables(): Promise<TableInfo[]>;
  /** Header row plus body of the named table. */
  readTable(name: string, options?: ReadOptions): Promise<SourceData>;
  /** The used part of the current selection (selecting whole columns reads only used rows). */
  readSelection(options?: ReadOptions): Promise<SourceData>;
}
