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

/**
 * A table's rows as every surface reports them: read = used + skipped + after the as-of day.
 * Rows dated after the as-of day were read and understood but are not counted in any figure.
 */
export interface RowCounts {
  readonly read: number;
  /** Rows counted: read, usable, dated up to the as-of day. */
  readonly used: number;
  /** Rows left out because a cell could not be read (see the issues). */
  readonly skipped: number;
  /** Usable rows dated after the as-of day. */
  readonly afterAsOf: number;
}

/**
 * The row counts of an ingestion report once the as-of day is known.
 * @example rowCounts({ rowsRead: 20000, rowsUsed: 20000, rowsSkipped: 0, issues: [] }, 974) // { read: 20000, used: 19026, skipped: 0, afterAsOf: 974 }
 */
export function rowCounts(report: IngestReport, afterAsOf = 0): RowCounts {
  return {
    read: report.rowsRead,
    used: report.rowsUsed - afterAsOf,
    skipped: report.rowsSkipped,
    afterAsOf,
  };
}
