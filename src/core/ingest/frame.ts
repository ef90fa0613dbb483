/**
 * The block of cells being ingested, the per-row fate (used, skipped, blank) and the issue log
 * that the column readers share.
 */
import type { CellValue } from '../cell';
import { isBlank } from '../cell';
import type { IngestIssue } from '../report';
import { type ColumnarCells, columnarCell, columnarRow, isBlankColumnarRow } from './columnar';

export type Cells = readonly (readonly CellValue[] | null | undefined)[];

/** Row fates in `Frame.fate`. */
export const ROW_USED = 0;
export const ROW_SKIPPED = 1;
export const ROW_BLANK = 2;

export interface Frame {
  /** The rows of cells (empty when the cells come stored by column, in `columns`). */
  readonly values: Cells;
  /** The cells stored by column, when the reader gave them so; rows are indexed as in `values`. */
  readonly columns?: ColumnarCells;
  /** Index in `values` of the first data row. */
  readonly start: number;
  /** Number of data rows (`values.length − start`). */
  readonly count: number;
  /** Sheet row number of `values[0]`. */
  readonly firstRowNumber: number;
  /** One of `ROW_USED`, `ROW_SKIPPED`, `ROW_BLANK` per data row. */
  readonly fate: Uint8Array;
  readonly log: IssueLog;
}

/** The cell at data row `i`, column `c`; ragged and missing rows read as `undefined`. */
export function cellAt(frame: Frame, i: number, c: number): CellValue {
  if (frame.columns) return columnarCell(frame.columns, frame.start + i, c);
  const row = frame.values[frame.start + i];
  return row === null || row === undefined ? undefined : row[c];
}

/** True when every cell of data row `i` is blank. */
export function isBlankRow(frame: Frame, i: number): boolean {
  if (frame.columns) return isBlankColumnarRow(frame.columns, frame.start + i);
  const row = frame.values[frame.start + i];
  if (row === null || row === undefined || typeof row !== 'object') return true;
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return false;
  return true;
}

/** Data row `i` as an array of cells (made for columnar cells: for the few rows looked at whole). */
export function rowAt(frame: Frame, i: number): readonly CellValue[] | null | undefined {
  if (frame.columns) return columnarRow(frame.columns, frame.start + i);
  return frame.values[frame.start + i];
}

/** Length of data row `i` (0 for a missing row). */
export function rowWidth(frame: Frame, i: number): number {
  if (frame.columns) return frame.columns.widths[frame.start + i];
  const row = frame.values[frame.start + i];
  return row !== null && row !== undefined && typeof row === 'object' ? row.length : 0;
}

/**
 * Up to `limit` non-blank values of a column from the top, looking at most `maxRows` rows; rows
 * already skipped (a delimited row with more fields than the header) are left out.
 */
export function columnSample(frame: Frame, c: number, limit = 1000, maxRows = 100_000): CellValue[] {
  const sample: CellValue[] = [];
  const end = Math.min(frame.count, maxRows);
  for (let i = 0; i < end && sample.length < limit; i++) {
    if (frame.fate[i] === ROW_SKIPPED) continue;
    const value = cellAt(frame, i, c);
    if (!isBlank(value)) sample.push(value);
  }
  return sample;
}

interface LoggedIssue {
  readonly issue: IngestIssue;
  readonly column: number;
}

/**
 * Collects issues column by column. Each column keeps its first `maxIssues` (they arrive in row
 * order), so the first `maxIssues` of all columns by row are always among them; `finish` merges
 * and sorts. Counts stay exact however many are dropped.
 */
export class IssueLog {
  private readonly byColumn = new Map<number, LoggedIssue[]>();
  total = 0;

  constructor(private readonly maxIssues: number) {}

  add(
    row: number,
    column: number,
    header: string,
    value: CellValue,
    reason: string,
    severity: IngestIssue['severity'],
  ): void {
    this.total++;
    let list = this.byColumn.get(column);
    if (!list) {
      list = [];
      this.byColumn.set(column, list);
    }
    if (list.length < this.maxIssues)
      list.push({ issue: { row, column: header, value, reason, severity }, column });
  }

  finish(): { issues: IngestIssue[]; omitted: number } {
    const all: LoggedIssue[] = [];
    for (const list of this.byColumn.values()) for (const entry of list) all.push(entry);
    all.sort((a, b) => a.issue.row - b.issue.row || a.column - b.column);
    const issues = all.slice(0, this.maxIssues).map((entry) => entry.issue);
    return { issues, omitted: this.total - issues.length };
  }
}
