/**
 * `sales-metrics review`: writes or refreshes a week's `Review YYYY-Www` sheet in a workbook, in
 * place (with a `.bak` copy first). Cells people typed in the Actions table are kept; a new
 * week's sheet carries over last week's open actions. Only the product's sheets are rewritten.
 * The job itself is `refreshReview` (src/workflows), the same the ribbon runs in Excel.
 */
import { copyFile, rename, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Calendar, Period } from '../../core/periods';
import { formatDay, parsePeriodKey } from '../../core/periods';
import { refreshReview } from '../../workflows';
import { FileWorkbookPort } from '../../xlsx/file-port';
import type { ParsedArgs } from '../args';
import {
  booleanFlag,
  calendarFlags,
  CALENDAR_OPTIONS,
  currencyFlag,
  givenAsOf,
  stringFlag,
  today,
} from '../args';
import { asOfLine } from '../as-of';
import type { Command } from '../command';
import { CliError, usageError } from '../errors';
import { INPUT_HELP, INPUT_OPTIONS, ordersLoadOptions } from '../inputs';
import type { CliIO } from '../io';
import { progressOn } from '../io';
import { cliErrorOf, jobLines, refreshStamp, sideTablesOf } from '../job';
import { ingestOptionsOf } from '../load';

const HELP = `Usage: sales-metrics review WORKBOOK.xlsx [options]

Writes this week's "Review YYYY-Www" sheet into the workbook, or refreshes it: this week vs last
week vs the 4-week average vs goal pace, per rep and region, top movers, new and at-risk
customers, and the Actions table. What people typed in the Actions table is kept on every refresh;
a new week's sheet carries over the actions not marked done. The workbook is changed in place,
after copying it to WORKBOOK.xlsx.bak. The orders are found through the configuration "build"
saved (sheet and column mapping), or detected.

Options:
  --week YYYY-Www           the week to review (default: the week of the as-of date)
  --as-of YYYY-MM-DD        the day the review is as of (default: the latest date in the data, but
                            never later than today; with --week, that week's last day or today)
  --no-backup               do not write the .bak copy
  --targets F               Targets file for the goal pace (may be the workbook itself; default:
                            the goals saved in the workbook by "build")
  --currency C[:D]          money shown as C with D decimals (default: as saved in the workbook)
  --pipeline F, --spend F   extra tables (rarely needed for the review)
  --fiscal-start 1..12      month the fiscal year starts (default 1)
  --week-start DAY          first day of the week: 1-7 or monday…sunday (default monday, ISO)
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
  const given = givenAsOf(args);
  if (text === undefined) return given === undefined ? {} : { asOf: given };
  const week = parsePeriodKey(text, calendar);
  if (!week || week.unit !== 'week') throw usageError(`--week must be a week like 2026-W48, got "${text}"`);
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
  const calendar = calendarFlags(args);
  const fixed = weekOf(args, io, calendar);
  const currency = currencyFlag(args);
  const progress = progressOn(io, booleanFlag(args, 'quiet'));
  const label = basename(path);

  progress.stage(`reading ${label}`);
  // The user's sheets streamed as rows; the product's sheets (config, reviews) as a model.
  const port = await FileWorkbookPort.open(path, label, (n) => progress.rows(label, n), 'review');
  const flags = ordersLoadOptions(args);
  const mappingGiven = flags.columns !== undefined || Object.keys(flags.mapping ?? {}).length > 0;
  const side = await sideTablesOf(args, io, progress, path);
  let result;
  try {
    result = await refreshReview(port, {
      ...(fixed.asOf !== undefined ? { asOf: fixed.asOf } : {}),
      ...(fixed.week ? { week: fixed.week } : {}),
      today: today(io),
      calendar,
      refreshedAt: refreshStamp(io.now()),
      orders: { source: stringFlag(args, 'sheet'), ingest: ingestOptionsOf(flags), mappingGiven },
      ...side.tables,
      ...(side.targetsLabel ? { targetsLabel: side.targetsLabel } : {}),
      currency,
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
  const lines = [...jobLines(result.orders, result.asOf, result.dates), asOfLine(result.asOf, words)];
  for (const line of lines) progress.stage(line);

  if (!booleanFlag(args, 'no-backup')) {
    progress.stage(`backing up to ${label}.bak`);
    await copyFile(path, `${path}.bak`);
  }
  progress.stage(`writing ${path}`);
  try {
    // Written beside the file, then swapped, so a failed write never leaves half a workbook.
    await writeFile(`${path}.tmp`, port.output!);
    await rename(`${path}.tmp`, path);
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${(error as Error)?.message ?? error}`);
  }
  const carried =
    result.carried > 0
      ? `, ${result.carried} open action${result.carried === 1 ? '' : 's'} carried over`
      : '';
  io.stdout(
    `${result.existed ? 'refreshed' : 'wrote'} "${result.name}" in ${path} (as of ${formatDay(asOf)}${carried})\n` +
      lines.map((line) => `  ${line}\n`).join(''),
  );
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
    targets: { type: 'string' },
    pipeline: { type: 'string' },
    spend: { type: 'string' },
    currency: { type: 'string' },
    ...CALENDAR_OPTIONS,
  },
  run,
};
