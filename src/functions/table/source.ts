/**
 * Where the table functions get a table's rows: the host reads them inside Excel's shared
 * runtime (`src/excel/table-source.ts`), tests from memory. Reading is the host's job; ingesting,
 * sharing and recomputing is the cache's (cache.ts).
 */
import type { CellValue } from '../../core/cell';
import type { IngestOptions } from '../../core/ingest';

/** A table's rows and how to ingest them. */
export interface TableRows {
  /** The header row first, then the data rows (dates as `Date`s or serials, as the host gives them). */
  readonly rows: CellValue[][];
  /** The saved column mapping when the configuration names this table, the date system… */
  readonly ingest: IngestOptions;
  /** Tried when `ingest` finds no orders (a saved mapping whose columns were renamed). */
  readonly fallback?: IngestOptions;
}

/** Tells a read in progress that nobody needs it any more. */
export interface ReadSignal {
  readonly aborted: boolean;
}

/** A workbook the table functions read tables from by name. */
export interface TableSource {
  /**
   * The named table's rows, read in chunks; rejects with an error named `TableReadError` when the
   * person can fix it (no such table), which the cell shows as `#VALUE!` with its message.
   */
  read(table: string, signal: ReadSignal): Promise<TableRows>;
  /** Calls `onChange` whenever the table's cells change; resolves to what stops watching. */
  watch(table: string, onChange: () => void): Promise<() => Promise<void>>;
}

/** A table that cannot be read as it is (no such table); the message says why. */
export class TableReadError extends Error {
  override readonly name = 'TableReadError';
}

/** True for an error the person can fix, from this layer or the host (matched by name). */
export function isTableReadError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'TableReadError';
}
