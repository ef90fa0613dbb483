/**
 * Reading a file into an engine table: the file reader, then ingestion with the user's flags
 * (`--map`, `--columns`, `--date-format`, `--sheet`), with progress on stderr and one clear
 * error when the file cannot be used at all.
 */
import { basename, resolve } from 'node:path';
import type { CellValue } from '../core/cell';
import type { IngestOptions, IngestResult, NumberStyle, OverrideHints } from '../core/ingest';
import {
  columnarRows,
  detectHeaderRow,
  ingestTable,
  isColumnar,
  makeHeaders,
  resolveMapping,
} from '../core/ingest';
import type { DateRange, TableDates } from '../core/data-range';
import { tableDates } from '../core/data-range';
import type { IngestReport, RowCounts } from '../core/report';
import { rowCounts } from '../core/report';
import type {
  ColumnRole,
  Mapping,
  OrdersTable,
  PipelineTable,
  SalesTable,
  SpendTable,
  TableKind,
  TargetsTable,
} from '../core/table';
import { readTableFile } from '../xlsx/read';
import type { DateOrderFlag } from './args';
import { CliError } from './errors';
import type { CliIO, Progress } from './io';

export interface LoadOptions {
  /** Worksheet of a workbook; default: the first that has the table's required columns. */
  readonly sheet?: string;
  /** `--map role=Header`. */
  readonly mapping?: Partial<Record<ColumnRole, string>>;
  /** `--columns`: role → column index for header-less files. */
  readonly columns?: Partial<Record<ColumnRole, number>>;
  readonly dateOrder?: DateOrderFlag;
  /** `--decimal , | .`: the decimal separator of amounts written as text. */
  readonly numberStyle?: NumberStyle;
  /** The table is a side table of the command (its `--map` entries carry its kind as a prefix). */
  readonly side?: boolean;
}

export interface LoadedTable<T extends SalesTable> {
  readonly table: T;
  readonly report: IngestReport;
  /** Role → header, as read (`Column C` style names for header-less files). */
  readonly mapping: Mapping;
  readonly path: string;
  /** Worksheet the rows came from (workbooks). */
  readonly sheet?: string;
  /** The raw rows, for commands that copy the data (build); made on first use. */
  readonly rows: CellValue[][];
}

/** The flags that choose another reading, as ingestion's notes on an ambiguous reading name them. */
export const CLI_HINTS: OverrideHints = {
  decimal: { 'dot-decimal': '--decimal .', 'comma-decimal': '--decimal ,' },
  dateOrder: { dmy: '--date-format dmy', mdy: '--date-format mdy', ymd: '--date-format iso' },
  mapping: '--map {role}="{header}"',
};

/** Ingestion options from the CLI flags. */
export function ingestOptionsOf(options: LoadOptions): IngestOptions {
  const formats = {
    ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
    ...(options.numberStyle ? { numberStyle: options.numberStyle } : {}),
    hints: CLI_HINTS,
  };
  if (options.columns) return { mapping: options.columns, headerRow: 'none', ...formats };
  const mapping = options.mapping && Object.keys(options.mapping).length > 0 ? options.mapping : undefined;
  return { mapping, ...formats };
}

/** Sheet names that usually hold each table (English and Indonesian), tried before any other sheet. */
import { SHEET_NAMES } from '../workflows/sources';

export { SHEET_NAMES };

/** True when the first rows of a sheet hold the table's required columns (used to pick a sheet). */
function looksLike(kind: TableKind, options: IngestOptions) {
  return (rows: readonly (readonly CellValue[])[]) =>
    ingestTable(kind, rows.slice(0, 200), options).table !== null;
}

/**
 * Reads and ingests one table file. Throws `CliError` (or `FileReadError`) with a one-line
 * message when the file is missing, unreadable or lacks the table's required columns.
 * @example const orders = await loadTable('orders', 'sales.csv', { dateOrder: 'dmy' }, io, progress);
 */
export async function loadTable(
  kind: 'orders',
  path: string,
  options: LoadOptions,
  io: CliIO,
  progress: Progress,
): Promise<LoadedTable<OrdersTable>>;
export async function loadTable(
  kind: 'pipeline',
  path: string,
  options: LoadOptions,
  io: CliIO,
  progress: Progress,
): Promise<LoadedTable<PipelineTable>>;
export async function loadTable(
  kind: 'spend',
  path: string,
  options: LoadOptions,
  io: CliIO,
  progress: Progress,
): Promise<LoadedTable<SpendTable>>;
export async function loadTable(
  kind: 'targets',
  path: string,
  options: LoadOptions,
  io: CliIO,
  progress: Progress,
): Promise<LoadedTable<TargetsTable>>;
export async function loadTable(
  kind: TableKind,
  path: string,
  options: LoadOptions,
  io: CliIO,
  progress: Progress,
): Promise<LoadedTable<SalesTable>> {
  const fullPath = resolve(io.cwd, path);
  const name = basename(path);
  const ingestOptions = ingestOptionsOf(options);
  progress.stage(`reading ${kind} from ${name}`);
  const read = await readTableFile(fullPath, {
    sheet: options.sheet,
    looksLike: looksLike(kind, ingestOptions),
    preferredNames: SHEET_NAMES[kind],
    onProgress: (count) => progress.rows(name, count),
  });
  if (read.sheet) progress.stage(`sheet "${read.sheet}"`);
  const top = isColumnar(read.cells) ? columnarRows(read.cells, 0, 100) : read.cells.slice(0, 100);
  checkMapping(kind, top, ingestOptions, options.columns ? '--columns' : '--map');
  progress.stage(`ingesting ${read.rowCount.toLocaleString('en-US')} rows`);
  const result: IngestResult<SalesTable> = ingestTable(kind, read.cells, {
    ...ingestOptions,
    ...(read.delimiter ? { delimiter: read.delimiter } : {}),
  });
  if (!result.table) {
    throw new CliError(
      `${name}: ${ingestFailure(result, `no usable ${kind} rows`, options.side ? kind : undefined)}`,
    );
  }
  const { report } = result;
  if (report.rowsUsed === 0) throw new CliError(`${name}: ${noRowsMessage(kind, report)}`);
  for (const note of result.attention ?? []) progress.stage(`${name}: ${oneLine(note)}`);
  if (report.rowsSkipped > 0) {
    progress.stage(
      `${report.rowsSkipped.toLocaleString('en-US')} of ${report.rowsRead.toLocaleString('en-US')} rows skipped${firstReason(report)}`,
    );
  }
  return {
    table: result.table,
    report,
    mapping: result.table.mapping,
    path: fullPath,
    sheet: read.sheet,
    get rows(): CellValue[][] {
      return read.rows;
    },
  };
}

/**
 * A loaded table's dates against the as-of day (orders by date, the pipeline by created date, spend
 * by date); a Targets table has none.
 */
export function loadedDates(file: LoadedTable<SalesTable>, asOf: number): TableDates {
  return file.table.kind === 'targets' ? { range: null, afterAsOf: 0 } : tableDates(file.table, asOf);
}

/** A loaded table's rows read, used (up to the as-of day), skipped and after the as-of day. */
export function loadedCounts(file: LoadedTable<SalesTable>, asOf: number): RowCounts {
  return rowCounts(file.report, loadedDates(file, asOf).afterAsOf);
}

/** What the text outputs show of one loaded table: its label, row counts and dates. */
export function loadedSummary(
  label: string,
  file: LoadedTable<SalesTable>,
  asOf: number,
): { readonly label: string; readonly counts: RowCounts; readonly range: DateRange | null } {
  const dates = loadedDates(file, asOf);
  return { label, counts: rowCounts(file.report, dates.afterAsOf), range: dates.range };
}

/**
 * A `--map` header that is not in the file, or a `--columns` list longer than the rows, is a
 * mistake to stop on rather than a guess to fall back from (ingestion would detect instead).
 */
function checkMapping(
  kind: TableKind,
  rows: readonly (readonly CellValue[])[],
  options: IngestOptions,
  flag: string,
): void {
  if (!options.mapping || Object.keys(options.mapping).length === 0) return;
  const top = rows.slice(0, 100);
  const headerRow = options.headerRow === 'none' ? 'none' : detectHeaderRow(top);
  const width =
    headerRow === 'none' ? Math.max(0, ...top.map((row) => row.length)) : (rows[headerRow]?.length ?? 0);
  const headers = makeHeaders(headerRow === 'none' ? undefined : rows[headerRow], width);
  const { problems } = resolveMapping(kind, headers, options.mapping);
  if (problems.length === 0) return;
  const shown =
    headers
      .slice(0, 20)
      .map((h) => `'${h}'`)
      .join(', ') + (headers.length > 20 ? ', …' : '');
  throw new CliError(`${flag}: ${problems.join('; ')} (columns: ${shown || 'none'})`, 2);
}

/**
 * Why a table with no usable row is refused, on one line.
 * @example noRowsMessage('orders', report) // "no usable rows in this orders table (3 read, all skipped; first: row 2, Date: 'abc' is not a date)"
 */
export function noRowsMessage(kind: TableKind, report: IngestReport): string {
  if (report.rowsRead === 0) return `no rows below the header in this ${kind} table`;
  const first = report.issues.find((issue) => issue.severity === 'skipped');
  const why = first ? `; first: row ${first.row}, ${first.column}: ${oneLine(first.reason)}` : '';
  const read = report.rowsRead.toLocaleString('en-US');
  return `no usable rows in this ${kind} table (${read} read, all skipped${why})`;
}

function firstReason(report: IngestReport): string {
  const first = report.issues.find((issue) => issue.severity === 'skipped');
  return first ? ` (first: row ${first.row}, ${first.column}: ${first.reason})` : '';
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Why a table could not be read, on one line, with the flag that fixes a column that was not found
 * (`--map date=HEADER`; `--map pipeline.status=HEADER` for a side table, `options.side`).
 * @example ingestFailure(result, 'no usable orders') // "Could not find the date column … Use --map date=HEADER …"
 */
export function ingestFailure(
  result: { readonly error?: string; readonly missing?: readonly string[] },
  fallback: string,
  side?: TableKind,
): string {
  const text = oneLine(result.error ?? fallback);
  if (!result.missing || result.missing.length === 0) return text;
  return `${text} ${mapAdvice(result.missing, side)}`;
}

/**
 * The flags that map the `missing` roles: `--map role=HEADER` for the main table (or `--columns`
 * for a file without a header row), `--map side.role=HEADER` for a side table.
 * @example mapAdvice(['status'], 'pipeline') // "Use --map pipeline.status=HEADER with the header of the column to use."
 */
export function mapAdvice(missing: readonly string[], side?: string): string {
  const prefix = side === undefined ? '' : `${side}.`;
  const flags = missing.map((role) => `--map ${prefix}${role}=HEADER`).join(' and ');
  return side === undefined
    ? `Use ${flags} with the header of the column to use (or --columns for a file without a header row).`
    : `Use ${flags} with the header of the column to use.`;
}
