/**
 * The port the product's jobs talk to a workbook through. Two hosts implement it: the file host
 * (`src/xlsx`: an `.xlsx` or a CSV on disk, for the command line) and the Excel host
 * (`src/excel`: the open workbook through Office.js, for the task pane and the ribbon). What
 * "build the dashboard" or "refresh the review" means is written once, in `src/workflows`.
 */
import type { CellValue } from '../core/cell';
import type { ColumnarCells, IngestOptions, IngestResult } from '../core/ingest';
import type { OrdersTable } from '../core/table';
import type { ParsedConfig } from '../sheets/config';
import type { PeopleAreaContent } from '../sheets/merge';
import type { SheetPlan } from '../sheets/plan';

/** Where a source's first cell sits in the workbook, so headline figures can be formulas over it. */
export interface SourceOrigin {
  readonly sheet: string;
  /** Sheet row of the source's first row (1-based). */
  readonly row: number;
  /** Sheet column of the source's first column (1-based). */
  readonly column: number;
  /** The Excel table the cells belong to, for structured references. */
  readonly table?: string;
}

/** A place tables can be read from: a sheet, an Excel table, a named range or a file. */
export interface SourceSheet {
  /** The name people know it by: the sheet, table or file name. */
  readonly name: string;
  readonly kind: 'sheet' | 'table' | 'range' | 'file';
  /** Hidden sheets are not searched for tables unless named. */
  readonly hidden: boolean;
  /** Where the cells are in the workbook; absent when they are not (a file kept outside). */
  readonly origin?: SourceOrigin;
  /** Dates count from 1904 in this workbook. */
  readonly date1904?: boolean;
  /**
   * The orders as already read from these rows (a CSV read once for its new workbook), so a job
   * does not read a million rows twice; used only when the job reads them with these very options.
   */
  readonly ingested?: { readonly options: IngestOptions; readonly result: IngestResult<OrdersTable> };
  /**
   * The source's rows, the header first; at most `limit` from the top when given (to look for
   * tables without reading everything).
   */
  rows(limit?: number): Promise<CellValue[][]>;
  /**
   * The same cells stored by column, where the host reads them that way (a workbook file): a
   * table is ingested from them without an array per row.
   */
  cells?(): Promise<ColumnarCells>;
}

/** A workbook the product reads its tables from and writes its sheets into. */
export interface WorkbookPort {
  /** How the data is named in the sheets' header line (file name, workbook name). */
  readonly label: string;
  /** The sources tables may be read from (the product's own sheets are never among them). */
  listSources(): Promise<SourceSheet[]>;
  /**
   * A source named by a range address (`Sheet1!A1:H500`, a selection people chose) when the host
   * can read one; `undefined` when the name is not such an address.
   */
  sourceAt?(address: string): Promise<SourceSheet | undefined>;
  /** Names of every sheet, in tab order. */
  sheetNames(): Promise<string[]>;
  /** What a people area of a product sheet holds, found through its recorded name. */
  readPeopleArea(sheet: string, area: string): Promise<PeopleAreaContent | undefined>;
  /** The saved configuration (defaults and a warning when missing or damaged). */
  readConfig(): Promise<ParsedConfig>;
  /** Writes the plans, keeping what people typed in their people areas. */
  render(plans: readonly SheetPlan[]): Promise<void>;
}

/** Why a job could not run, for the person: the host adds how to fix it in its own words. */
export type WorkflowErrorCode =
  'no-source' | 'unknown-source' | 'missing-columns' | 'no-rows' | 'sheet-name-taken';

/** A job that cannot run on this workbook as it is; the message is for the person using it. */
export class WorkflowError extends Error {
  override readonly name = 'WorkflowError';
  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
    /** Roles the table lacks (`missing-columns`). */
    readonly missing: readonly string[] = [],
    /** The kind of table that lacks them (`orders`, `pipeline`, …), when known. */
    readonly table?: string,
  ) {
    super(message);
  }
}
