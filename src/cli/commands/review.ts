/**
 * `sales-metrics review`: writes or refreshes a week's `Review YYYY-Www` sheet in a workbook, in
 * place (with a `.bak` copy first). Cells people typed in the Actions table are kept; a new
 * week's sheet carries over last week's open actions. Only the product's sheets are rewritten.
 * The job itself is `refreshReview` (src/workflows), the same the ribbon runs in Excel.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Calendar, Period } from '../../core/periods';
import { formatDay, parsePeriodKey } from '../../core/periods';
import { refreshReview } from '../../workflows';
import { FileWorkbookPort } from '../../xlsx/file-port';
import { describeFsError } from '../../xlsx/read-error';
import type { ParsedArgs } from '../args';
import {
  booleanFlag,
  calendarFlags,
  CALENDAR_OPTIONS,
  currencyFlag,
  givenWorkbookAsOf,
  integerFlag,
  listFlag,
  stringFlag,
  today,
  WORKBOOK_YEARS,
} from '../args';
import { asOfLine } from '../as-of';
import type { Command } from '../command';
import { CliError, usageError } from '../errors';
import { INPUT_HELP, INPUT_OPTIONS, ordersLoadOptions, sideLoadOptions } from '../inputs';
import { PIPELINE_HELP, PIPELINE_OPTIONS, pipelineFlags } from '../pipeline-flags';
import type { CliIO, Progress } from '../io';
import { progressOn } from '../io';
import { cliErrorOf, jobLines, refreshStamp, sideTablesOf } from '../job';
import { guardedPort } from '../guarded-port';
import { ingestOptionsOf, loadTable } from '../load';
import { refreshReviewSql } from '../review-sql';
import type { SavedSqlSource } from '../saved-sql-source';
import { savedSqlSource } from '../saved-sql-source';
import { lockWorkbook, officeLocks } from '../lock';
import { savedOrdersFile, savedSideTables } from '../saved-source';
import { backUp, ensureWritable, replaceFile, writeTarget, type WriteTarget } from '../safe-write';

/** How long a review waits for another run on the same workbook (`--wait`). */
const DEFAULT_WAIT_SECONDS = 60;

const HELP = `Usage: sales-metrics review WORKBOOK.xlsx [options]

Writes this week's "Review YYYY-Www" sheet into the workbook, or refreshes it: this week vs last
week vs the 4-week average vs goal pace, per rep and region, top movers, new and at-risk
customers, and the Actions table. What people typed in the Actions table is kept on every refresh;
a new week's sheet carries over the actions not marked done. The workbook is changed in place,
after copying it to WORKBOOK.xlsx.bak: the new workbook is written beside it and renamed over it,
so an interrupted run leaves it as it was. A symlink is followed and stays a symlink; the file's
mode is kept; a read-only workbook is refused. One run at a time: a second run waits for the
first (WORKBOOK.xlsx.lock) and then reads the workbook afresh. The orders are found through the
configuration "build" saved (sheet, or the CSV a large dashboard was built from, and the column
mapping), or detected; the pipeline, spend and targets from the sheets or files the build read
them from. A workbook built through SQL (build --engine duckdb, build --db) has its figures
computed in the database again, from the files or tables the build saved.

Options:
  --week YYYY-Www           the week to review (default: the week of the as-of date), 1900-9999
  --as-of YYYY-MM-DD        the day the review is as of (default: the latest date in the data, but
                            never later than today; with --week, that week's last day or today)
  --data FILE               the orders file of a dashboard built from a large CSV (or a Parquet or
                            CSV file through DuckDB), when it is no longer where "build" saved it
                            (the new place is saved)
  --db URL                  for a workbook built with --db: the database URL again, with its
                            password (never saved); default: the URL the build saved, without a
                            password, which then comes from PGPASSWORD
  --force                   replace a sheet named like ours ("Dashboard", "Review YYYY-Www") that
                            Sales Metrics did not write (default: stop and say so)
  --wait SECONDS            how long to wait for another run on the workbook (default 60; 0: none)
  --no-backup               do not write the .bak copy
  --targets F               Targets file for the goal pace (may be the workbook itself; default:
                            the Targets sheet or file "build" read, else the goals it saved)
  --currency C[:D]          money shown as C with D decimals (default: as saved in the workbook)
  --pipeline F, --spend F   extra tables (default: the sheet or file "build" read them from; the
                            pipeline adds each rep's forecast and coverage to the quota per rep)
  --fiscal-start 1..12      month the fiscal year starts (default 1)
  --week-start DAY          first day of the week: 1-7 or monday…sunday (default monday, ISO)
${PIPELINE_HELP}
  -q, --quiet               no progress on stderr
${INPUT_HELP}

Example:
  sales-metrics review dashboard.xlsx --week 2026-W48`;

/**
 * The week and as-of day the command line fixes, with how to say where the day came from. Neither
 * given: the job takes the latest date in the data, never later than today, and its week.
 */
function weekOf(
  args: ParsedArgs,
  io: CliIO,
  calendar: Calendar,
): { week?: Period; asOf?: number; words?: string } {
  const text = stringFlag(args, 'week');
  const given = givenWorkbookAsOf(args);
  if (text === undefined) return given === undefined ? {} : { asOf: given };
  const week = parsePeriodKey(text, calendar);
  if (!week || week.unit !== 'week') throw usageError(`--week must be a week like 2026-W48, got "${text}"`);
  const year = Number(/^\s*(\d{4})/.exec(text)?.[1]);
  if (!(year >= WORKBOOK_YEARS.first && year <= WORKBOOK_YEARS.last))
    throw usageError(
      `--week must be a week of the years ${WORKBOOK_YEARS.first}–${WORKBOOK_YEARS.last} (the dates a workbook holds), got "${text}"`,
    );
  if (given !== undefined) return { week, asOf: given };
  const day = today(io);
  return day < week.end - 1
    ? { week, asOf: day, words: 'today' }
    : { week, asOf: week.end - 1, words: `the last day of ${week.key}` };
}

async function run(args: ParsedArgs, io: CliIO): Promise<void> {
  if (args.positionals.length !== 1)
    throw usageError('review needs one workbook: sales-metrics review WORKBOOK.xlsx');
  const path = resolve(io.cwd, args.positionals[0]);
  if (!/\.xls[xm]$/i.test(path))
    throw usageError(
      `review writes into an .xlsx workbook, got "${args.positionals[0]}" (run "build" on a CSV first)`,
    );
  if (stringFlag(args, 'data') !== undefined && stringFlag(args, 'sheet') !== undefined)
    throw usageError('--data and --sheet both name where the orders are: give one');
  const calendar = calendarFlags(args);
  const fixed = weekOf(args, io, calendar);
  const currency = currencyFlag(args);
  const pipelineSettings = pipelineFlags(args);
  const waitMs = (integerFlag(args, 'wait', 0, 3600) ?? DEFAULT_WAIT_SECONDS) * 1000;
  const progress = progressOn(io, booleanFlag(args, 'quiet'));
  const label = basename(path);

  const target = await writeTarget(path);
  if (!target.existing) throw describeFsError(Object.assign(new Error(), { code: 'ENOENT' }), path);
  await ensureWritable(target, 'refresh it');
  for (const other of await officeLocks(path, target.real))
    progress.warn(
      `${label} looks open in a spreadsheet program (${basename(other)} is beside it): close it there ` +
        'without saving, or its next save will overwrite this refresh',
    );
  const lock = await lockWorkbook(target.real, {
    command: 'review',
    waitMs,
    now: io.now,
    onWait: () => progress.warn(`another run is writing ${label}; waiting for it to finish`),
    onNote: (message) => progress.warn(message),
  });
  try {
    await refresh(args, io, { path, target, label, fixed, currency, pipelineSettings, calendar, progress });
  } finally {
    await lock.release();
  }
}

interface Refresh {
  readonly path: string;
  readonly target: WriteTarget;
  readonly label: string;
  readonly fixed: ReturnType<typeof weekOf>;
  readonly currency: ReturnType<typeof currencyFlag>;
  readonly pipelineSettings: ReturnType<typeof pipelineFlags>;
  readonly calendar: Calendar;
  readonly progress: Progress;
}

/** Reads the workbook (after taking its lock, so a run that waited sees the first one's work) and writes it back. */
async function refresh(args: ParsedArgs, io: CliIO, run: Refresh): Promise<void> {
  const { path, label, progress } = run;
  // What was read, to tell whether another program saved the file while this ran.
  const read = await stat(run.target.real);
  const target: WriteTarget = { ...run.target, existing: read };
  if (read.nlink > 1)
    progress.warn(
      `${label} has ${read.nlink - 1} other hard link${read.nlink > 2 ? 's' : ''}; they keep the workbook as it was`,
    );
  progress.stage(`reading ${label}`);
  // The user's sheets streamed as rows; the product's sheets (config, reviews) as a model.
  const port = await FileWorkbookPort.open(path, label, (n) => progress.rows(label, n), 'review');
  const savedSql =
    stringFlag(args, 'sheet') === undefined ? savedSqlSource((await port.readConfig()).config) : undefined;
  const done = savedSql
    ? await refreshSql(args, io, run, port, savedSql)
    : await refreshFromRows(args, io, run, port);
  const { result, lines } = done;
  for (const line of lines) progress.stage(line);

  if (!booleanFlag(args, 'no-backup')) {
    const backup = `${target.real}.bak`;
    progress.stage(`backing up to ${backup === `${path}.bak` ? `${label}.bak` : backup}`);
    await backUp(target, backup);
  }
  progress.stage(`writing ${path}`);
  await replaceFile(target, port.output!, {
    ...(io.writer ? { writer: io.writer } : {}),
    beforeRename: async () => {
      const now = await stat(target.real).catch(() => undefined);
      if (!now || now.ino !== read.ino || now.size !== read.size || now.mtimeMs !== read.mtimeMs)
        throw new CliError(
          `${path} changed while this review ran (saved by another program?), so it was left as it is: run review again`,
        );
    },
  });
  const carried =
    result.carried > 0
      ? `, ${result.carried} open action${result.carried === 1 ? '' : 's'} carried over`
      : '';
  io.stdout(
    `${result.existed ? 'refreshed' : 'wrote'} "${result.name}" in ${path} (as of ${formatDay(result.asOf)}${carried})\n` +
      lines.map((line) => `  ${line}\n`).join(''),
  );
}

interface Refreshed {
  readonly result: {
    readonly name: string;
    readonly existed: boolean;
    readonly carried: number;
    readonly asOf: number;
  };
  readonly lines: readonly string[];
}

/** The review of a workbook built through SQL: its figures computed in the database again. */
async function refreshSql(
  args: ParsedArgs,
  io: CliIO,
  run: Refresh,
  port: FileWorkbookPort,
  saved: SavedSqlSource,
): Promise<Refreshed> {
  for (const flag of ['pipeline', 'spend'] as const)
    if (stringFlag(args, flag) !== undefined)
      throw usageError(
        `--${flag}: ${run.label} was built through SQL and reads its tables from where the build saved them`,
      );
  const db = stringFlag(args, 'db');
  if (db !== undefined && saved.engine !== 'postgres')
    throw usageError(`--db: ${run.label} was built from files through DuckDB, not from a database`);
  const targetsPath = stringFlag(args, 'targets');
  const targets = targetsPath
    ? {
        table: (await loadTable('targets', targetsPath, sideLoadOptions(args, 'targets'), io, run.progress))
          .table,
        label: basename(targetsPath),
      }
    : undefined;
  const data = stringFlag(args, 'data');
  const result = await refreshReviewSql(guardedPort(port, { force: booleanFlag(args, 'force') }), {
    saved,
    workbook: run.path,
    real: run.target.real,
    cwd: io.cwd,
    ...(db !== undefined ? { db } : {}),
    ...(data !== undefined ? { data } : {}),
    maps: listFlag(args, 'map'),
    ...(run.fixed.week ? { week: run.fixed.week } : {}),
    ...(run.fixed.asOf !== undefined ? { asOf: run.fixed.asOf } : {}),
    ...(run.fixed.words ? { words: run.fixed.words } : {}),
    today: today(io),
    calendar: run.calendar,
    refreshedAt: refreshStamp(io.now()),
    currency: run.currency,
    ...(targets ? { targets } : {}),
    ...(run.pipelineSettings ? { pipelineSettings: run.pipelineSettings } : {}),
    progress: run.progress,
  });
  return { result, lines: result.lines };
}

/** The review of a workbook whose orders are rows: a sheet of it, or a file beside it. */
async function refreshFromRows(
  args: ParsedArgs,
  io: CliIO,
  run: Refresh,
  port: FileWorkbookPort,
): Promise<Refreshed> {
  const { path, fixed, calendar, progress } = run;
  const flags = ordersLoadOptions(args);
  const mappingGiven = flags.columns !== undefined || Object.keys(flags.mapping ?? {}).length > 0;
  const sheet = stringFlag(args, 'sheet');
  const data = stringFlag(args, 'data');
  const file =
    sheet === undefined
      ? await savedOrdersFile(port, { workbook: path, real: run.target.real, cwd: io.cwd, data, progress })
      : undefined;
  // A file named anew keeps the column mapping saved for the one it replaces.
  const savedMapping = file && !mappingGiven ? (await port.readConfig()).config.mappings.orders : undefined;
  const ingest = ingestOptionsOf(flags);
  const given = await sideTablesOf(args, io, progress, path, dirname(path));
  const tables = await savedSideTables(port, {
    workbook: path,
    real: run.target.real,
    given: given.tables,
    progress,
    ingestOf: (kind) => ingestOptionsOf(sideLoadOptions(args, kind)),
    read: async (kind, at, mapping) =>
      (await loadTable(kind as 'pipeline', at, { ...sideLoadOptions(args, kind), mapping }, io, progress))
        .table,
  });
  const side = { ...given, tables };
  const jobPort = guardedPort(port, {
    extraSources: file ? [file.source] : [],
    force: booleanFlag(args, 'force'),
  });
  let result;
  try {
    result = await refreshReview(jobPort, {
      ...(fixed.asOf !== undefined ? { asOf: fixed.asOf } : {}),
      ...(fixed.week ? { week: fixed.week } : {}),
      today: today(io),
      calendar,
      refreshedAt: refreshStamp(io.now()),
      orders: {
        source: file?.name ?? sheet,
        ingest: savedMapping ? { ...ingest, mapping: savedMapping } : ingest,
        mappingGiven,
      },
      ...side.tables,
      ...(side.targetsLabel ? { targetsLabel: side.targetsLabel } : {}),
      currency: run.currency,
      ...(run.pipelineSettings ? { pipelineSettings: run.pipelineSettings } : {}),
      report: (message) => progress.stage(message),
    });
  } catch (error) {
    throw cliErrorOf(error);
  }
  const asOf = result.asOf.day;
  const latest = result.dates.orders?.range?.last;
  const words =
    fixed.words ??
    (result.asOf.source === 'data' && latest !== undefined && latest > asOf
      ? `today; the data runs to ${formatDay(latest)}`
      : undefined);
  return {
    result: { ...result, asOf },
    lines: [...jobLines(result.orders, result.asOf, result.dates), asOfLine(result.asOf, words)],
  };
}

export const reviewCommand: Command = {
  name: 'review',
  summary: "write or refresh this week's Review sheet in a workbook, keeping typed actions",
  help: HELP,
  options: {
    ...INPUT_OPTIONS,
    week: { type: 'string' },
    'as-of': { type: 'string' },
    'no-backup': { type: 'boolean' },
    wait: { type: 'string' },
    force: { type: 'boolean' },
    data: { type: 'string' },
    db: { type: 'string' },
    targets: { type: 'string' },
    pipeline: { type: 'string' },
    spend: { type: 'string' },
    currency: { type: 'string' },
    ...CALENDAR_OPTIONS,
    ...PIPELINE_OPTIONS,
  },
  run,
};
