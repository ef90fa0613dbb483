/**
 * `sales-metrics build`: writes the Dashboard and this week's Review into a copy of an `.xlsx`
 * (the user's sheets kept as they are) or into a new workbook whose `Data` sheet holds a CSV.
 */
import ExcelJS from 'exceljs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { ingestOrders } from '../../core/ingest';
import type { MetricInputs } from '../../core/metrics';
import { formatDay, periodOf } from '../../core/periods';
import type { IngestReport } from '../../core/report';
import { configSheetPlan } from '../../sheets/config';
import { buildDashboardPlan } from '../../sheets/dashboard';
import { buildReviewPlan } from '../../sheets/review';
import { readConfigSheet } from '../../xlsx/config';
import { readTableFile } from '../../xlsx/read';
import { CONFIG_SHEET_NAME } from '../../sheets/config';
import { FileReadError } from '../../xlsx/read';
import { describeFsError } from '../../xlsx/read-error';
import { openWorkbook } from '../../xlsx/read-workbook';
import { readXlsxSheets } from '../../xlsx/read-xlsx';
import { writeWorkbook } from '../../xlsx/render-workbook';
import { openSheetsOf, packageSheets, writeIntoPackage } from '../../xlsx/render-package';
import type { SheetPlan } from '../../sheets/plan';
import JSZip from 'jszip';
import { addDataSheet } from '../../xlsx/write-data';
import type { ParsedArgs } from '../args';
import {
  asOfFlag,
  booleanFlag,
  integerFlag,
  periodFlag,
  stringFlag,
  calendarFlags,
  CALENDAR_OPTIONS,
} from '../args';
import type { Command } from '../command';
import { CliError, usageError } from '../errors';
import { INPUT_HELP, INPUT_OPTIONS, ordersLoadOptions, sideLoadOptions } from '../inputs';
import type { CliIO, Progress } from '../io';
import { progressOn } from '../io';
import { ingestFailure, ingestOptionsOf, loadTable } from '../load';
import { prepareOutput } from '../output';
import type { WorkbookOrders } from '../workbook-orders';
import type { OpenSheets } from '../workbook-orders';
import {
  currencyOfTable,
  ordersInWorkbook,
  ordersSource,
  sheetsOfRows,
  sideTable,
  typedDataRows,
} from '../workbook-orders';
import {
  activeGoalTracking,
  benchmarkLines,
  carriedActions,
  dashboardKpis,
  industrySet,
  kpiSchedule,
  kpiTargets,
  weeklyGoals,
  chosenCurrency,
  goalsOf,
  REVIEW_METRICS,
  stampDay,
  withOrdersSource,
  withSavedChoices,
} from '../workbook-plans';
import { refreshRecord, withRefresh } from '../../sheets/config-records';
import { DASHBOARD_SHEET } from '../../sheets/dashboard';
import { reviewSheetName } from '../../sheets/review';

const HELP = `Usage: sales-metrics build INPUT.xlsx|INPUT.csv [options]

Writes the Dashboard sheet (KPIs with goals and benchmarks, trend with native formulas and a line
chart, breakdowns with bar charts, cohorts, RFM segments, the measurement schedule) and this
week's "Review YYYY-Www" sheet. An .xlsx input is copied with its own sheets intact; a CSV becomes
the Data sheet of a new workbook. The input file is never modified.

Options:
  --out OUT.xlsx            where to write (default: INPUT-dashboard.xlsx next to the input)
  --pipeline F              pipeline file (.csv or .xlsx, may be the input workbook itself)
  --spend F                 marketing spend file
  --targets F               Targets file: goals for the KPIs and the review's goal pace
  --industry ID             benchmark figures from this industry of the library (see "benchmarks")
  --as-of YYYY-MM-DD        the day the dashboard is as of (default today)
  --period day|week|month|quarter|year   dashboard period (default month)
  --periods N               periods in the trend (default 12)
  --fiscal-start 1..12      month the fiscal year starts (default 1)
  --week-start DAY          first day of the week: 1-7 or monday…sunday (default monday, ISO)
  --currency C[:D]          money shown as C with D decimals: Rp, IDR, $, EUR:0, none (default: as
                            saved in the workbook, else as written in the amounts, else Rp for
                            Indonesian headers, else none); saved for later refreshes
  --values-only             CSV input: do not copy the rows into a Data sheet; the dashboard
                            carries values instead of live formulas (automatic above 100,000 rows)
  -q, --quiet               no progress on stderr
${INPUT_HELP}

Example:
  sales-metrics build sales.xlsx --targets sales.xlsx --industry ecommerce-retail --out dashboard.xlsx`;

/** A refresh stamp for the sheets: the local date and time, to the minute. */
export function refreshStamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/**
 * Above this many rows a CSV is not copied into the built workbook: ExcelJS holds a workbook in
 * memory (about 1.2 GB per 100,000 rows of twelve columns), and a sheet that size would make the
 * dashboard's SUMIFS slow in Excel too. The dashboard then carries values stamped "as of".
 */
export const DATA_SHEET_LIMIT = 100_000;

interface CsvOrders {
  readonly orders: WorkbookOrders;
  /** False when the Data sheet was left out (values-only dashboard). */
  readonly dataSheet: boolean;
}

async function ordersFromCsv(
  path: string,
  args: ParsedArgs,
  workbook: ExcelJS.Workbook,
  label: string,
  progress: Progress,
): Promise<CsvOrders> {
  const options = ingestOptionsOf(ordersLoadOptions(args));
  const read = await readTableFile(path, { onProgress: (n) => progress.rows(label, n) });
  progress.stage(`ingesting ${read.rows.length.toLocaleString('en-US')} rows`);
  const result = ingestOrders(read.rows, options);
  if (!result.table) throw new CliError(`${label}: ${ingestFailure(result, 'no usable orders')}`);
  // The amounts as written (`Rp 1.250.000`) tell the currency; the Data sheet holds plain numbers.
  const currency = currencyOfTable(result);
  if (booleanFlag(args, 'values-only') || result.report.rowsRead > DATA_SHEET_LIMIT) {
    const source = { sheet: label, firstRow: 2, lastRow: 1, columns: {}, formulaReady: false, label };
    return {
      orders: { table: result.table, report: result.report, sheet: label, rows: [], source, currency },
      dataSheet: false,
    };
  }
  progress.stage('writing the Data sheet');
  const rows = typedDataRows(read.rows, result.table, options);
  const dateHeader = rows[0]?.[rows[0].indexOf(result.table.mapping.date ?? '')];
  addDataSheet(workbook, {
    name: 'Data',
    rows,
    formats: dateHeader === undefined ? {} : { [String(dateHeader)]: 'yyyy-mm-dd' },
  });
  // Re-read the typed sheet's layout: a header-less file now has a header row.
  const sheetOptions = { ...options, headerRow: 0 as const, mapping: result.table.mapping };
  const table = ingestOrders(rows, sheetOptions).table ?? result.table;
  const source = ordersSource('Data', rows, table, sheetOptions, label);
  return { orders: { table, report: result.report, sheet: 'Data', rows, source, currency }, dataSheet: true };
}

/** Sheets the product writes (their rows are never the user's tables). */
export function isProductSheet(name: string): boolean {
  return name === 'Dashboard' || name === CONFIG_SHEET_NAME || /^Review \d{4}-W\d{2}$/.test(name);
}

/** An `.xlsx` input: its package, its sheets' rows (streamed) and the product's sheets as a model. */
export interface XlsxInput {
  readonly buffer: Buffer;
  readonly sheets: OpenSheets;
  readonly existing: ExcelJS.Workbook;
}

/**
 * Largest `.xlsx` input `build` reads. Its sheets are streamed and only the product's sheets are
 * rewritten, but the rows are held as values (about 350 MB per 100,000 rows of a dozen columns,
 * about 7 MB zipped): past this size the process would run out of memory instead of failing
 * with a message.
 */
export const MAX_BUILD_WORKBOOK_BYTES = 30 * 1024 * 1024;

/**
 * Reads an `.xlsx` input the fast way: the size limit, the package, the user's sheets streamed as
 * rows and the product's sheets as a model. `command` names who reads it in the size message.
 */
export async function readXlsxInput(
  path: string,
  progress: Progress,
  label: string,
  command = 'build',
): Promise<XlsxInput> {
  let buffer: Buffer;
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw describeFsError(error, path);
  }
  if (size > MAX_BUILD_WORKBOOK_BYTES) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    throw new FileReadError(
      `${path} is ${mb(size)}; ${command} reads workbooks up to ${mb(MAX_BUILD_WORKBOOK_BYTES)} (about 400,000 rows). ` +
        'Save the orders as CSV and build from that (large CSVs get a values-only dashboard), or split the workbook',
      path,
    );
  }
  try {
    buffer = await readFile(path);
  } catch (error) {
    throw describeFsError(error, path);
  }
  let listed;
  try {
    listed = await packageSheets(await JSZip.loadAsync(buffer));
  } catch (error) {
    throw new FileReadError(
      `${path} is not a readable .xlsx workbook (${(error as Error)?.message ?? error})`,
      path,
    );
  }
  const read = await readXlsxSheets(
    path,
    (name) => !isProductSheet(name),
    (n) => progress.rows(label, n),
  );
  // Tab order and visibility from the workbook part (the stream gives file order).
  const order = new Map(listed.sheets.map((s, i) => [s.name, i]));
  const streamed = read.sheets
    .filter((s) => order.has(s.name))
    .sort((a, b) => order.get(a.name)! - order.get(b.name)!)
    .map((s) => ({ ...s, state: listed.sheets[order.get(s.name)!].state }));
  let existing: ExcelJS.Workbook;
  try {
    existing = await openSheetsOf(buffer, isProductSheet);
  } catch {
    // A package the trimmed copy does not load: open it whole (within the model's size limit).
    existing = await openWorkbook(path);
  }
  return { buffer, sheets: sheetsOfRows(streamed), existing };
}

/**
 * The built workbook: the plans spliced into the input's package; when the package is in a
 * form the splice does not read, the whole workbook is rewritten through the model instead.
 */
export async function builtPackage(
  input: string,
  xlsx: XlsxInput,
  plans: readonly SheetPlan[],
  progress: Progress,
): Promise<Buffer> {
  try {
    return await writeIntoPackage(xlsx.buffer, xlsx.existing, plans);
  } catch (error) {
    progress.stage(`rewriting the whole workbook (${(error as Error)?.message ?? error})`);
    return writeWorkbook(await openWorkbook(input), plans);
  }
}

function summaryLine(report: IngestReport): string {
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

/** Reads a side table file (the loader `sideTable` falls back to). */
export function sideLoader(args: ParsedArgs, io: CliIO, progress: Progress) {
  return (kind: 'pipeline' | 'spend' | 'targets', path: string) =>
    loadTable(kind as any, path, sideLoadOptions(args, kind), io, progress) as Promise<any>;
}

async function run(args: ParsedArgs, io: CliIO): Promise<void> {
  if (args.positionals.length !== 1)
    throw usageError('build needs one input file: sales-metrics build INPUT.xlsx|INPUT.csv');
  const input = resolve(io.cwd, args.positionals[0]);
  const label = basename(input);
  const isCsv = !/\.xls[xm]$/i.test(input);
  const out = resolve(
    io.cwd,
    stringFlag(args, 'out') ?? join(dirname(input), `${basename(input, extname(input))}-dashboard.xlsx`),
  );
  if (!/\.xlsx$/i.test(out)) throw usageError(`--out must name an .xlsx file, got "${out}"`);
  if (out === input)
    throw usageError(
      '--out must differ from the input: build never modifies its input (use "review" to refresh in place)',
    );
  const asOf = asOfFlag(args, io);
  const unit = periodFlag(args, 'month');
  const periods = integerFlag(args, 'periods', 2, 120) ?? 12;
  const calendar = calendarFlags(args);
  const industryId = stringFlag(args, 'industry');
  const industry = industrySet(industryId);
  if (industryId !== undefined && !industry)
    throw usageError(`--industry: unknown industry "${industryId}" (run "sales-metrics benchmarks")`);
  const progress = progressOn(io, booleanFlag(args, 'quiet'));

  progress.stage(`reading ${label}`);
  const xlsx = isCsv ? undefined : await readXlsxInput(input, progress, label);
  // The product's sheets (config, reviews) as a model; a CSV's new workbook.
  const workbook = xlsx?.existing ?? new ExcelJS.Workbook();
  const csv = isCsv ? await ordersFromCsv(input, args, workbook, label, progress) : undefined;
  const orders =
    csv?.orders ??
    ordersInWorkbook(
      xlsx!.sheets,
      ingestOptionsOf(ordersLoadOptions(args)),
      label,
      stringFlag(args, 'sheet'),
    );
  progress.stage(`orders (${orders.sheet}): ${summaryLine(orders.report)}`);
  // A side table inside the input workbook is taken from the sheets already read.
  const open = xlsx ? { workbook: xlsx.sheets, path: input } : undefined;
  const sideOptions = (kind: 'pipeline' | 'spend' | 'targets') =>
    ingestOptionsOf(sideLoadOptions(args, kind));
  const load = sideLoader(args, io, progress);
  const pipeline = await sideTable('pipeline', stringFlag(args, 'pipeline'), open, load, sideOptions, io.cwd);
  const spend = await sideTable('spend', stringFlag(args, 'spend'), open, load, sideOptions, io.cwd);
  const targets = await sideTable('targets', stringFlag(args, 'targets'), open, load, sideOptions, io.cwd);
  const { config, warning } = readConfigSheet(workbook);
  const { goals, saved: goalsSaved } = goalsOf(targets, config, progress, calendar);
  const inputs: MetricInputs = { orders: orders.table, pipeline, spend };
  const currency = chosenCurrency(args, config, orders.currency);

  progress.stage('building the dashboard and the weekly review');
  const refreshedAt = refreshStamp(io.now());
  const period = periodOf(asOf, unit, calendar);
  const kpis = dashboardKpis(inputs);
  const week = periodOf(asOf, 'week', calendar);
  const reviewName = reviewSheetName(week);
  const refreshed = withRefresh(
    withRefresh(config, refreshRecord(refreshedAt, DASHBOARD_SHEET, kpis)),
    refreshRecord(refreshedAt, reviewName, REVIEW_METRICS),
  );
  const dashboard = buildDashboardPlan({
    inputs,
    asOf,
    unit,
    periods,
    calendar,
    source: csv?.dataSheet === false ? undefined : orders.source,
    sourceLabel: label,
    refreshedAt,
    targets: kpiTargets(goals, period, industry),
    goals: activeGoalTracking(goals, inputs, asOf, calendar),
    benchmarks: benchmarkLines(industry, inputs, period, asOf, calendar),
    schedule: kpiSchedule(kpis, refreshed, stampDay(refreshedAt), calendar),
    currency: currency.value,
  });
  const review = buildReviewPlan({
    inputs,
    asOf,
    week,
    calendar,
    sourceLabel: label,
    refreshedAt,
    weeklyGoals: weeklyGoals(goals, week),
    carryOver: carriedActions(workbook, week),
    currency: currency.value,
  });
  if (warning && !isCsv && workbook.getWorksheet('_sales_metrics')) progress.stage(warning);
  const configPlan = configSheetPlan(
    withSavedChoices(withOrdersSource(refreshed, orders.table.mapping, orders.sheet), {
      goals: goalsSaved ? undefined : goals,
      goalsSource: stringFlag(args, 'targets'),
      currency,
    }),
  );

  progress.stage(`writing ${out}`);
  await prepareOutput(out);
  let buffer: Buffer;
  try {
    const plans = [dashboard, review, configPlan];
    buffer = xlsx ? await builtPackage(input, xlsx, plans, progress) : await writeWorkbook(workbook, plans);
    await writeFile(out, buffer);
  } catch (error) {
    throw new CliError(`cannot write ${out}: ${(error as Error)?.message ?? error}`);
  }
  const sheets = [dashboard.name, review.name, `${configPlan.name} (hidden)`];
  const money = currency.value
    ? `money in ${currency.value.symbol || 'plain numbers'} (${currency.how})`
    : 'money without a currency symbol';
  const how =
    csv?.dataSheet === false
      ? `figures as values: the CSV's ${orders.report.rowsRead.toLocaleString('en-US')} rows were not copied into the workbook` +
        (booleanFlag(args, 'values-only')
          ? ' (--values-only)'
          : ` (more than ${DATA_SHEET_LIMIT.toLocaleString('en-US')})`)
      : orders.source.formulaReady
        ? 'headline figures as native formulas'
        : 'figures as values (the data has text dates or amounts)';
  io.stdout(
    `wrote ${out}\n  sheets: ${sheets.join(', ')}${csv?.dataSheet ? ', Data' : ''}\n  orders (${orders.sheet}): ${summaryLine(orders.report)}\n` +
      `  as of ${formatDay(asOf)}, ${unit}ly, ${how}, ${money}\n`,
  );
}

export const buildCommand: Command = {
  name: 'build',
  summary: "write the Dashboard and this week's Review into a copy of a workbook or a CSV",
  help: HELP,
  options: {
    ...INPUT_OPTIONS,
    out: { type: 'string' },
    pipeline: { type: 'string' },
    spend: { type: 'string' },
    targets: { type: 'string' },
    industry: { type: 'string' },
    'as-of': { type: 'string' },
    period: { type: 'string' },
    periods: { type: 'string' },
    ...CALENDAR_OPTIONS,
    'values-only': { type: 'boolean' },
    currency: { type: 'string' },
  },
  run,
};
