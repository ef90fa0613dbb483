/**
 * The orders of a dashboard built from a CSV too large to copy into it: the workbook's
 * configuration names the file (relative to the workbook), and `review` reads it again from
 * there, or from the file `--data` names when it has moved.
 */
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { SourceSheet } from '../workflows/port';
import type { FileWorkbookPort } from '../xlsx/file-port';
import { readTableFile } from '../xlsx/read';
import { CliError } from './errors';
import type { Progress } from './io';
import type { SideTables } from './job';
import { headerMapping, mappingNoLongerFits, type SideKind } from '../workflows/refresh';
import type { IngestOptions } from '../core/ingest';
import type { Mapping, PipelineTable, SpendTable, TargetsTable } from '../core/table';
import { fileSourceName } from './output';

/** A pipeline, spend or targets table. */
type SideTable = PipelineTable | SpendTable | TargetsTable;

/** Source names that are files rather than sheets or tables. */
const FILE_NAME = /\.(csv|tsv|txt|xlsx|xlsm)$/i;

/** An orders file outside the workbook, as a source named the way the configuration saves it. */
export interface SavedSource {
  readonly name: string;
  readonly source: SourceSheet;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** True when a saved source name is a file rather than a sheet or table of the workbook. */
async function isSavedFile(port: FileWorkbookPort, saved: string): Promise<boolean> {
  return FILE_NAME.test(saved) && !(await port.listSources()).some((s) => s.name === saved);
}

/** Where a saved file can be: beside the workbook (by the path given, then by its real path). */
function placesOf(saved: string, workbook: string, real: string): string[] {
  return isAbsolute(saved)
    ? [saved]
    : [...new Set([resolve(dirname(workbook), saved), resolve(dirname(real), saved)])];
}

/** The first of `places` that is a file, if any. */
async function firstFile(places: readonly string[]): Promise<string | undefined> {
  for (const place of places) if (await isFile(place)) return place;
  return undefined;
}

async function fileSource(name: string, path: string, progress: Progress): Promise<SavedSource> {
  progress.stage(`reading the orders from ${path}`);
  const read = await readTableFile(path, { onProgress: (n) => progress.rows(name, n) });
  const rows = read.rows;
  return {
    name,
    source: {
      name,
      kind: 'file',
      hidden: false,
      rows: async (limit?: number) =>
        limit === undefined || limit >= rows.length ? rows : rows.slice(0, limit),
    },
  };
}

/**
 * The orders file for this run: the one `--data` names (`data`, resolved against `cwd`), else the
 * one the configuration saved when it is not a sheet of the workbook; `undefined` when the orders
 * are in the workbook. Throws a one-line `CliError` when the saved file is not where it was.
 * @example await savedOrdersFile(port, { workbook: '/reports/dashboard.xlsx', real, cwd, progress })
 */
export async function savedOrdersFile(
  port: FileWorkbookPort,
  where: {
    readonly workbook: string;
    readonly real: string;
    readonly cwd: string;
    readonly data?: string;
    readonly progress: Progress;
  },
): Promise<SavedSource | undefined> {
  const { workbook, real, progress } = where;
  if (where.data !== undefined) {
    const path = resolve(where.cwd, where.data);
    if (!(await isFile(path))) throw new CliError(`--data: file not found: ${path}`);
    return fileSource(fileSourceName(dirname(workbook), path), path, progress);
  }
  const saved = (await port.readConfig()).config.mappings.sources?.orders;
  if (typeof saved !== 'string' || !(await isSavedFile(port, saved))) return undefined;
  const places = placesOf(saved, workbook, real);
  const place = await firstFile(places);
  if (place !== undefined) return fileSource(saved, place, progress);
  throw new CliError(
    `the orders of ${port.label} are read from ${saved}, which is not at ${places[0]} any more: ` +
      'name the file with --data FILE (the new place is saved for the next runs)',
  );
}

/**
 * The side tables (pipeline, spend, targets) not named for this run, from where the configuration
 * saved them, read with the column mapping saved with them unless `--map kind.role=Header` maps
 * columns for this run (`ingestOf`): a sheet or table of the workbook is searched by the job under
 * its saved name (and left out, with a line, when it is gone); a file beside the workbook is read
 * again by `read` (its columns detected again, with a line, when the saved mapping no longer fits).
 * A saved file that is no longer there is left out with a warning naming the flag that gives it.
 * @example await savedSideTables(port, { workbook, real, given: side.tables, progress, ingestOf, read })
 */
export async function savedSideTables(
  port: FileWorkbookPort,
  where: {
    readonly workbook: string;
    readonly real: string;
    readonly given: SideTables;
    readonly progress: Progress;
    /** This run's ingest options for a side table (its `--map kind.` entries, date order, decimals). */
    readonly ingestOf: (kind: SideKind) => IngestOptions;
    readonly read: (kind: SideKind, path: string, mapping: Mapping | undefined) => Promise<SideTable>;
  },
): Promise<SideTables> {
  const { mappings } = (await port.readConfig()).config;
  const saved = mappings.sources ?? {};
  const tables: SideTables = { ...where.given };
  for (const kind of ['pipeline', 'spend', 'targets'] as const) {
    const name = saved[kind];
    if (where.given[kind] !== undefined || typeof name !== 'string') continue;
    if (!(await isSavedFile(port, name))) {
      tables[kind] = { source: name, saved: true, ingest: where.ingestOf(kind) } as never;
      continue;
    }
    const places = placesOf(name, where.workbook, where.real);
    const place = await firstFile(places);
    if (place === undefined) {
      where.progress.warn(
        `the ${kind} of ${port.label} was read from ${name}, which is not at ${places[0]} any more: ` +
          `going on without it (name the file with --${kind} FILE)`,
      );
      continue;
    }
    const given = headerMapping(where.ingestOf(kind).mapping);
    const read = given
      ? { table: await where.read(kind, place, given), mapping: given }
      : await withSavedMapping(kind, place, headerMapping(mappings[kind]), where);
    tables[kind] = { ...read, origin: name } as never;
  }
  return tables;
}

/** A side table read from its saved file with the saved `mapping`, else with its columns detected. */
async function withSavedMapping(
  kind: SideKind,
  place: string,
  mapping: Mapping | undefined,
  where: {
    readonly progress: Progress;
    readonly read: (kind: SideKind, path: string, mapping: Mapping | undefined) => Promise<SideTable>;
  },
): Promise<{ table: SideTable; mapping?: Mapping }> {
  if (mapping !== undefined) {
    try {
      return { table: await where.read(kind, place, mapping), mapping };
    } catch (error) {
      // A mapping that no longer fits (columns renamed): detect the columns again.
      if (!(error instanceof CliError)) throw error;
      where.progress.stage(mappingNoLongerFits(kind));
    }
  }
  return { table: await where.read(kind, place, undefined) };
}
