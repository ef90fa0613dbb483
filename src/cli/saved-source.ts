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
import { fileSourceName } from './output';

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
  if (typeof saved !== 'string' || !FILE_NAME.test(saved)) return undefined;
  if ((await port.listSources()).some((s) => s.name === saved)) return undefined;
  const places = isAbsolute(saved)
    ? [saved]
    : [...new Set([resolve(dirname(workbook), saved), resolve(dirname(real), saved)])];
  for (const place of places) if (await isFile(place)) return fileSource(saved, place, progress);
  throw new CliError(
    `the orders of ${port.label} are read from ${saved}, which is not at ${places[0]} any more: ` +
      'name the file with --data FILE (the new place is saved for the next runs)',
  );
}
