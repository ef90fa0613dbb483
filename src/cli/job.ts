/**
 * What `build` and `review` share around the product's jobs: side tables from their files,
 * workflow errors in the command line's words, the refresh stamp, the ingestion summary.
 */
import { basename, resolve } from 'node:path';
import type { AsOfChoice, DataDates, TableDates } from '../core/data-range';
import type { IngestReport } from '../core/report';
import { rowCounts } from '../core/report';
import { rowsText, sideLine } from './as-of';
import type { PipelineTable, SpendTable, TargetsTable } from '../core/table';
import { headerMapping, WorkflowError, type SideSpec } from '../workflows';
import { FileReadError } from '../xlsx/read';
import type { ParsedArgs } from './args';
import { stringFlag } from './args';
import { CliError } from './errors';
import { sideLoadOptions } from './inputs';
import type { CliIO, Progress } from './io';
import { ingestOptionsOf, loadTable, mapAdvice } from './load';
import { fileSourceName } from './output';

export { refreshStamp } from '../workflows';

/**
 * One line on how the orders were read, with the first skipped rows and, once the as-of day is
 * known, the rows after it and the dates the rows cover.
 * @example summaryLine(report, { range, afterAsOf: 974 }, asOf) // '20,000 rows read, 19,026 used, 0 skipped, 974 after 2026-12-05 not counted; dates 2024-01-01 … 2026-12-31'
 */
export function summaryLine(report: IngestReport, dates?: TableDates, asOf = 0): string {
  const first = report.issues
    .filter((i) => i.severity === 'skipped')
    .slice(0, 3)
    .map((i) => `row ${i.row} ${i.column}: ${i.reason}`)
    .join('; ');
  return rowsText(
    rowCounts(report, dates?.afterAsOf ?? 0),
    asOf,
    dates ? dates.range : undefined,
    first ? ` (first: ${first})` : '',
  );
}

/**
 * The lines a job's result gives on the command line: the orders' line, a line for each side table
 * it found, and the as-of day with where it came from.
 */
export function jobLines(
  orders: { readonly source: string; readonly report: IngestReport },
  asOf: AsOfChoice,
  dates: DataDates,
): string[] {
  const lines = [`orders (${orders.source}): ${summaryLine(orders.report, dates.orders, asOf.day)}`];
  if (dates.pipeline) lines.push(sideLine('pipeline', dates.pipeline, asOf.day));
  if (dates.spend) lines.push(sideLine('spend', dates.spend, asOf.day));
  return lines;
}

export type SideTables = {
  pipeline?: SideSpec<PipelineTable>;
  spend?: SideSpec<SpendTable>;
  targets?: SideSpec<TargetsTable>;
};

/**
 * The side tables named on the command line: a file of their own is read here (its `origin` the
 * file's name relative to `workbookFolder`, the folder of the workbook written, as the
 * configuration saves it, with the columns `--map kind.role=Header` mapped); the input workbook itself (`--targets sales.xlsx` when building
 * sales.xlsx) is searched by the job.
 */
export async function sideTablesOf(
  args: ParsedArgs,
  io: CliIO,
  progress: Progress,
  input: string | undefined,
  workbookFolder: string,
): Promise<{ tables: SideTables; targetsLabel?: string }> {
  const tables: SideTables = {};
  for (const kind of ['pipeline', 'spend', 'targets'] as const) {
    const path = stringFlag(args, kind);
    if (path === undefined) continue;
    const options = sideLoadOptions(args, kind);
    const full = resolve(io.cwd, path);
    if (input !== undefined && full === input) {
      tables[kind] = { ingest: ingestOptionsOf(options) } as never;
      continue;
    }
    const loaded = await loadTable(kind as 'pipeline', path, options, io, progress);
    const mapping = headerMapping(options.mapping);
    tables[kind] = {
      table: loaded.table,
      origin: fileSourceName(workbookFolder, full),
      ...(mapping ? { mapping } : {}),
    } as never;
  }
  const targets = stringFlag(args, 'targets');
  return { tables, ...(targets ? { targetsLabel: basename(targets) } : {}) };
}

/**
 * A job's error in the command line's words: how to name a source or map a column with flags.
 * Other errors pass through.
 */
export function cliErrorOf(error: unknown): unknown {
  if (error instanceof FileReadError || error instanceof CliError) return error;
  if (!(error instanceof WorkflowError)) return error;
  switch (error.code) {
    case 'no-source':
      return new CliError(
        error.table !== undefined && error.table !== 'orders'
          ? `${error.message}; map the columns it lacks with --map ${error.table}.ROLE=HEADER (roles: ${error.missing.join(', ')})`
          : `${error.message}; name one with --sheet and map columns with --map`,
      );
    case 'missing-columns': {
      if (error.missing.length === 0) return new CliError(error.message);
      const side = error.table !== undefined && error.table !== 'orders' ? error.table : undefined;
      return new CliError(`${error.message} ${mapAdvice(error.missing, side)}`);
    }
    default:
      return new CliError(error.message);
  }
}
