import type { CellValue } from '../core/cell';
import type { SalesMetricsConfig } from '../sheets/config';
import type { SheetPlan } from '../sheets/plan';
import type { OpenActionRow } from '../workflows/saved-job';

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

/** What the pane can ask the workbook to do: build the dashboard, refresh the weekly review. */
export type JobKind = 'dashboard' | 'review';

export interface JobRequest {
  /** The orders source (a table name, or the address of the selection read); else the saved one. */
  readonly source?: string;
  /** One line of progress at a time: reading, computing, writing. */
  readonly onStage?: (message: string) => void;
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Stops the job between reads when set (the person pressed Cancel); nothing is written then. */
  readonly signal?: { readonly aborted: boolean };
}

/** How a job ended, in words for the person. */
export type JobResult =
  | { readonly ok: true; readonly sheets: readonly string[]; readonly summary: string }
  | { readonly ok: false; readonly message: string };

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
  /** Builds the dashboard or refreshes the review; resolves with the outcome, never rejects. */
  runJob(kind: JobKind, request?: JobRequest): Promise<JobResult>;
  /** Shows a sheet the job wrote. */
  goToSheet(name: string): Promise<void>;
  /** Whether the workbook has the product's configuration, and the week of its latest review. */
  savedState(): Promise<SavedState>;
  /** The workbook's saved configuration (defaults when there is none). */
  readConfig(): Promise<SalesMetricsConfig>;
  /** Saves the configuration in the workbook (its very hidden sheet). */
  writeConfig(config: SalesMetricsConfig): Promise<void>;
  /** The open actions of the latest weekly review, each with where it is. */
  openActions(): Promise<OpenActionRow[]>;
  /** Shows a cell (an action's row). */
  goToCell(sheet: string, ref: string): Promise<void>;
  /**
   * Up to `rows` rows (the header first) of a table, or of the selection when `name` is absent,
   * for previews and to recognise what kind of table it is.
   */
  peek(name: string | undefined, rows: number): Promise<SourceData>;
  /**
   * Outside Excel only: listens for the sheet "Go to sheet" shows, so the pane can show it itself.
   * Returns the function that stops listening.
   */
  watchShownSheet?(listener: (sheet: SheetPlan | undefined) => void): () => void;
}

/** What the workbook already holds of the product. */
export interface SavedState {
  readonly configured: boolean;
  /** `YYYY-Www` of the latest `Review` sheet, if any. */
  readonly latestReview?: string;
}
