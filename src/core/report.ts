import type { CellValue } from './cell';

/** One skipped or questionable cell, as the user can find it in the sheet. */
export interface IngestIssue {
  /** Row number as the user sees it (1-based, header row included). */
  readonly row: number;
  /** Header text of the column (or its letter when there is no header). */
  readonly column: string;
  readonly value: CellValue;
  readonly reason: string;
  /** `skipped`: the row was left out; `warning`: used, with the cell treated as missing. */
  readonly severity: 'skipped' | 'warning';
}

/** What ingestion did: rows read, used and skipped, and why. */
export interface IngestReport {
  readonly rowsRead: number;
  readonly rowsUsed: number;
  readonly rowsSkipped: number;
  readonly issues: readonly IngestIssue[];
  /** Table-level findings in words: formats chosen, conflicting evidence, blank rows, mapping problems. */
  readonly notes?: readonly string[];
  /** Issues counted but not stored in `issues` because of the cap. */
  readonly issuesOmitted?: number;
}
