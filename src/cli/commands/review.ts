/**
 * `sales-metrics review`: writes or refreshes a week's `Review YYYY-Www` sheet in a workbook, in
 * place (with a `.bak` copy first). Cells people typed in the Actions table are kept; a new
 * week's sheet carries over last week's open actions. Only the product's sheets are rewritten.
 */
import { copyFile, rename, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { IngestOptions } from '../../core/ingest';
import type { MetricInputs } from '../../core/metrics';
import type { Calendar, Period } from '../../core/periods';
import { formatDay, parsePeriodKey, periodOf } from '../../core/periods';
import { configSheetPlan } from '../../sheets/config';
import { buildReviewPlan } from '../../sheets/review';
import { readConfigSheet } from '../../xlsx/config';
import type { ParsedArgs } from '../args';
import { asOfFlag, booleanFlag, dayFlag, stringFlag, today, calendarFlags, CALENDAR_OPTIONS } from '../args';
import type { Command } from '../command';
import { CliError, usageError } from '../errors';
import { INPUT_HELP, INPUT_OPTIONS, ordersLoadOptions, sideLoadOptions } from '../inputs';
import type { CliIO } from '../io';
import { progressOn } from '../io';
import { ingestOptionsOf } from '../load';
import { ordersInWorkbook, sideTable } from '../workbook-orders';
import {
  carriedActions,
  chosenCurrency,
  goalsOf,
  REVIEW_METRICS,
  weeklyGoals,
  withOrdersSource,
  withSavedChoices,
} from '../workbook-plans';
import { refreshRecord, withRefresh } from '../../sheets/config-records';
import { builtPackage, readXlsxInput, refreshStamp, sideLoader } from './build';

const HELP = `Usage: sales-metrics review WORKBOOK.xlsx [options]

Writes this week's "Review YYYY-Www" sheet into the workbook, or refreshes it: this week vs last
week vs the 4-week average vs goal pace, per rep and region, top movers, new and at-risk
customers, and the Actions table. What people typed in the Actions table is kept on every refresh;
a new week's sheet carries over the actions not marked done. The workbook is changed in place,
after copying it to WORKBOOK.xlsx.bak. The orders are found through the configuration "build"
saved (sheet and column mapping), or detected.

Options:
  --week YYYY-Www           the week to review (default: the week of the as-of date)
  --as-of YYYY-MM-DD        the day the review is as of (default today, or the week's last day
                            for a past --week)
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

function weekOf(args: ParsedArgs, io: CliIO, calendar: Calendar): { week: Period; asOf: number } {
  const text = stringFlag(args, 'week');
  if (text === undefined) {
    const asOf = asOfFlag(args, io);
    return { week: periodOf(asOf, 'week', calendar), asOf };
  }
  const week = parsePeriodKey(text, calendar);
  if (!week || week.unit !== 'week') throw usageError(`--week must be a week like 2026-W48, got "${text}"`);
  const asOf = dayFlag(args, 'as-of') ?? Math.min(today(io), week.end - 1);
  return { week, asOf };
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
  const { week, asOf } = weekOf(args, io, calendar);
  const progress = progressOn(io, booleanFlag(args, 'quiet'));
  const label = basename(path);

  progress.stage(`reading ${label}`);
  // The user's sheets streamed as rows; the product's sheets (config, reviews) as a model.
  const xlsx = await readXlsxInput(path, progress, label, 'review');
  const workbook = xlsx.existing;
  const { config, warning } = readConfigSheet(workbook);
  const flags = ordersLoadOptions(args);
  const flagged = flags.columns !== undefined || Object.keys(flags.mapping ?? {}).length > 0;
  // The saved mapping and sheet, unless the user maps columns on the command line.
  const saved = config.mappings.orders;
  const options: IngestOptions =
    flagged || !saved ? ingestOptionsOf(flags) : { mapping: saved, dateOrder: flags.dateOrder };
  const sheet = stringFlag(args, 'sheet') ?? (config.mappings.sources?.orders as string | undefined);
  if (!saved && warning) progress.stage(`${warning} Detecting the orders instead.`);
  const orders = ordersInWorkbook(xlsx.sheets, options, label, sheet);
  progress.stage(
    `orders from sheet "${orders.sheet}": ${orders.report.rowsUsed.toLocaleString('en-US')} rows used, ${orders.report.rowsSkipped.toLocaleString('en-US')} skipped`,
  );
  const open = { workbook: xlsx.sheets, path };
  const sideOptions = (kind: 'pipeline' | 'spend' | 'targets') =>
    ingestOptionsOf(sideLoadOptions(args, kind));
  const load = sideLoader(args, io, progress);
  const pipeline = await sideTable('pipeline', stringFlag(args, 'pipeline'), open, load, sideOptions, io.cwd);
  const spend = await sideTable('spend', stringFlag(args, 'spend'), open, load, sideOptions, io.cwd);
  const targets = await sideTable('targets', stringFlag(args, 'targets'), open, load, sideOptions, io.cwd);
  const { goals, saved: goalsSaved } = goalsOf(targets, config, progress, calendar);
  const inputs: MetricInputs = { orders: orders.table, pipeline, spend };
  const currency = chosenCurrency(args, config, orders.currency);

  progress.stage(`building the review of ${week.key}`);
  const carryOver = carriedActions(workbook, week);
  const refreshedAt = refreshStamp(io.now());
  const plan = buildReviewPlan({
    inputs,
    asOf,
    week,
    calendar,
    sourceLabel: label,
    refreshedAt,
    weeklyGoals: weeklyGoals(goals, week),
    carryOver,
    currency: currency.value,
  });
  const configPlan = configSheetPlan(
    withSavedChoices(
      withRefresh(
        withOrdersSource(config, orders.table.mapping, orders.sheet),
        refreshRecord(refreshedAt, plan.name, REVIEW_METRICS),
      ),
      { goals: goalsSaved ? undefined : goals, goalsSource: stringFlag(args, 'targets'), currency },
    ),
  );
  const existed = carryOver === undefined;

  if (!booleanFlag(args, 'no-backup')) {
    progress.stage(`backing up to ${label}.bak`);
    await copyFile(path, `${path}.bak`);
  }
  progress.stage(`writing ${path}`);
  try {
    // Only the review and the configuration are spliced into the package: every other part
    // (the user's sheets, the Dashboard) is kept byte for byte.
    const buffer = await builtPackage(path, xlsx, [plan, configPlan], progress);
    // Write beside the file, then swap, so a failed write never leaves half a workbook.
    await writeFile(`${path}.tmp`, buffer);
    await rename(`${path}.tmp`, path);
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${(error as Error)?.message ?? error}`);
  }
  const carried =
    carryOver && carryOver.length > 0
      ? `, ${carryOver.length} open action${carryOver.length === 1 ? '' : 's'} carried over`
      : '';
  io.stdout(
    `${existed ? 'refreshed' : 'wrote'} "${plan.name}" in ${path} (as of ${formatDay(asOf)}${carried})\n` +
      `  orders (${orders.sheet}): ${orders.report.rowsRead.toLocaleString('en-US')} rows read, ${orders.report.rowsUsed.toLocaleString('en-US')} used, ${orders.report.rowsSkipped.toLocaleString('en-US')} skipped\n`,
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
