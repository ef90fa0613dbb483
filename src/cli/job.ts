/**
 * What `build` and `review` share around the product's jobs: side tables from their files,
 * workflow errors in the command line's words, the refresh stamp, the ingestion summary.
 */
import { basename, resolve } from 'node:path';
import type { IngestReport } from '../core/report';
import type { PipelineTable, SpendTable, TargetsTable } from '../core/table';
import { WorkflowError, type SideSpec } from '../workflows';
import { FileReadError } from '../xlsx/read';
import type { ParsedArgs } from './args';
import { stringFlag } from './args';
import { CliError } from './errors';
import { sideLoadOptions } from './inputs';
import type { CliIO, Progress } from './io';
import { ingestOptionsOf, loadTable } from './load';

export { refreshStamp } from '../workflows';

/** One line on how the orders were read, with the first skipped rows. */
export function summaryLine(report: IngestReport): string {
  const first = report.issues
    .filter((i) => i.severity === 'skipped')
    .slice(0, 3)
    .map((i) => `row ${i.row} ${i.column}: ${i.reason}`)
    .join('; ');
  return (
    `${report.rowsRead.toLocaleString('en-US')} rows read, ${report.rowsUsed.toLocaleString('en-US')} used, ` +
    `${report.rowsSkipped.toLocaleString('en-US')} skipped${first ? ` (first: ${first})` : ''}`
  );
}

type SideTables = {
  pipeline?: SideSpec<PipelineTable>;
  spend?: SideSpec<SpendTable>;
  targets?: SideSpec<TargetsTable>;
};

/**
 * The side tables named on the command line: a file of their own is read here; the input
 * workbook itself (`--targets sales.xlsx` when building sales.xlsx) is searched by the job.
 */
export async function sideTablesOf(
  args: ParsedArgs,
  io: CliIO,
  progress: Progress,
  input: string | undefined,
): Promise<{ tables: SideTables; targetsLabel?: string }> {
  const tables: SideTables = {};
  for (const kind of ['pipeline', 'spend', 'targets'] as const) {
    const path = stringFlag(args, kind);
    if (path === undefined) continue;
    const options = sideLoadOptions(args, kind);
    if (input !== undefined && resolve(io.cwd, path) === input) {
      tables[kind] = { ingest: ingestOptionsOf(options) } as never;
      continue;
    }
    const loaded = await loadTable(kind as 'pipeline', path, options, io, progress);
    tables[kind] = { table: loaded.table } as never;
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
      return new CliError(`${error.message}; name one with --sheet and map columns with --map`);
    case 'missing-columns': {
      if (error.missing.length === 0) return new CliError(error.message);
      const flags = error.missing.map((role) => `--map ${role}=HEADER`).join(' and ');
      return new CliError(
        `${error.message} Use ${flags} with the header of the column to use (or --columns for a file without a header row).`,
      );
    }
    default:
      return new CliError(error.message);
  }
}
