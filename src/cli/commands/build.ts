/**
 * `sales-metrics build`: writes the Dashboard and this week's Review into a copy of an `.xlsx`
 * (the user's sheets kept as they are) or into a new workbook whose `Data` sheet holds a CSV.
 * The job itself is `buildDashboard` (src/workflows), the same the task pane runs in Excel.
 */
import ExcelJS from 'exceljs';
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Currency } from '../../core/currency';
import type { IngestOptions } from '../../core/ingest';
import { ingestOrders } from '../../core/ingest';
import { formatDay } from '../../core/periods';
import type { IngestReport } from '../../core/report';
import { buildDashboard, currencyOfTable, industrySet, type SourceSheet } from '../../workflows';
import { FileWorkbookPort, sourceOfRows } from '../../xlsx/file-port';
import { readTableFile } from '../../xlsx/read';
import { dataPackage, MAX_CELL_TEXT } from '../../xlsx/data-package';
import type { ParsedArgs } from '../args';
import {
  booleanFlag,
  givenWorkbookAsOf,
  calendarFlags,
  CALENDAR_OPTIONS,
  currencyFlag,
  integerFlag,
  periodFlag,
  stringFlag,
  today,
} from '../args';
import type { Command } from '../command';
import { CliError, usageError } from '../errors';
import { INPUT_HELP, INPUT_OPTIONS, ordersLoadOptions } from '../inputs';
import { PIPELINE_HELP, PIPELINE_OPTIONS, pipelineFlags } from '../pipeline-flags';
import type { CliIO, Progress } from '../io';
import { progressOn } from '../io';
import { cliErrorOf, jobLines, refreshStamp, sideTablesOf } from '../job';
import { asOfLine } from '../as-of';
import { ingestFailure, ingestOptionsOf } from '../load';
import { guardedPort } from '../guarded-port';
import { lockWorkbook } from '../lock';
import { checkExistingOutput, fileSourceName, prepareOutput, refuseInputAsOutput } from '../output';
import { backUp, ensureWritable, replaceFile, writeTarget, type WriteTarget } from '../safe-write';
import { rowsOfGrid, typedDataGrid } from '../data-sheet';
import { SQL_ROUTE_HELP, SQL_ROUTE_OPTIONS, sqlRouteWanted } from '../sql-route';
import { runBuildSql } from '../build-sql';

export { refreshStamp } from '../job';

const HELP = `Usage: sales-metrics build INPUT.xlsx|INPUT.csv [options]

Writes the Dashboard sheet (KPIs with goals and benchmarks, trend with native formulas and a line
chart, breakdowns with bar charts, cohorts, RFM segments, the measurement schedule) and this
week's "Review YYYY-Www" sheet. An .xlsx input (up to 80 MB: a full sheet of 1,048,576 rows of
about eight columns) is copied with its own sheets intact; a CSV becomes the Data sheet of a new
workbook. The input file is never modified. The workbook is written beside
OUT.xlsx and renamed into place, so an interrupted build never leaves half a file.

Options:
  --out OUT.xlsx            where to write (default: INPUT-dashboard.xlsx next to the input); an
                            existing OUT.xlsx holding typed actions is not replaced without --force
  --force                   replace OUT.xlsx even when it holds typed actions (kept as OUT.xlsx.bak),
                            and sheets named like ours that Sales Metrics did not write
  --wait SECONDS            how long to wait for another run writing OUT.xlsx (default 60; 0: none)
  --pipeline F              pipeline file (.csv or .xlsx, may be the input workbook itself)
  --spend F                 marketing spend file
  --targets F               Targets file: goals for the KPIs and the review's goal pace
  --industry ID             benchmark figures from this industry of the library (see "benchmarks")
  --as-of YYYY-MM-DD        the day the dashboard is as of (default: the latest date in the data;
                            this week's Review then stops at today when the data runs later)
  --period day|week|month|quarter|year   dashboard period (default month)
  --periods N               periods in the trend (default 12)
  --fiscal-start 1..12      month the fiscal year starts (default 1)
  --week-start DAY          first day of the week: 1-7 or monday…sunday (default monday, ISO)
  --currency C[:D]          money shown as C with D decimals: Rp, IDR, $, EUR:0, none (default: as
                            saved in the workbook, else as written in the amounts, else Rp for
                            Indonesian headers, else none); saved for later refreshes
  --values-only             CSV input: do not copy the rows into a Data sheet; the dashboard
                            carries values instead of live formulas (automatic above 100,000 rows
                            or 16,384 columns);
                            "review" reads the CSV again from its path relative to the workbook
${PIPELINE_HELP}
  -q, --quiet               no progress on stderr
${INPUT_HELP}
${SQL_ROUTE_HELP}
                            build then writes the figures the database computes as values, with
                            no Data sheet and a note naming the engine and table; --targets FILE
                            and --industry work as on a workbook (goal pace, projections, quotas
                            per rep from the orders and benchmarks computed in the database);
                            --values-only and --sheet have no meaning there

Examples:
  sales-metrics build sales.xlsx --targets sales.xlsx --industry ecommerce-retail --out dashboard.xlsx
  sales-metrics build big.parquet --engine duckdb --targets targets.csv --industry ecommerce-retail --out dashboard.xlsx
  sales-metrics build --db postgres://analyst@db.local:5432/sales --table orders --out dashboard.xlsx`;

/**
 * Above this many rows a CSV is not copied into the built workbook: a sheet that size makes the
 * dashboard's SUMIFS slow in Excel, and the rows would be held twice (read, then typed for the
 * Data sheet). The dashboard then carries values stamped "as of". The Data sheet itself is
 * written row by row (`dataPackage`): a 100,000-row build peaks near 400 MB.
 */
export const DATA_SHEET_LIMIT = 100_000;

/** Columns a sheet holds (A…XFD): a wider CSV cannot become the Data sheet. */
const SHEET_COLUMNS = 16_384;

/** How long a build waits for another run writing the same output (`--wait`). */
const DEFAULT_WAIT_SECONDS = 60;
/** Flags naming other input files, which the output must not be either. */
const SIDE_FLAGS = ['pipeline', 'spend', 'targets'] as const;

/** A CSV's new workbook: its port, how to read the orders in it, and what its first reading found. */
interface CsvWorkbook {
  readonly port: FileWorkbookPort;
  readonly source: string;
  readonly ingest: IngestOptions;
  readonly report: IngestReport;
  readonly currency?: Currency;
  /** False when the Data sheet was left out (values-only dashboard). */
  readonly dataSheet: boolean;
  /** Why the Data sheet was left out, in words for the summary line. */
  readonly leftOut?: string;
}

/**
 * Reads a CSV and makes the workbook the dashboard goes into: its rows typed into a `Data` sheet
 * (so native formulas see real dates and numbers), or, for values only, the CSV kept outside.
 */
async function csvWorkbook(
  path: string,
  args: ParsedArgs,
  label: string,
  progress: Progress,
  out: string,
): Promise<CsvWorkbook> {
  const options = ingestOptionsOf(ordersLoadOptions(args));
  const read = await readTableFile(path, { onProgress: (n) => progress.rows(label, n) });
  progress.stage(`ingesting ${read.rowCount.toLocaleString('en-US')} rows`);
  // The field separator is evidence for the numbers' style and marks rows split by an unquoted 1,000.
  // The cells as read (by column for a CSV): no row arrays are made for ingestion or the Data sheet.
  const result = ingestOrders(read.cells, {
    ...options,
    ...(read.delimiter ? { delimiter: read.delimiter } : {}),
  });
  if (!result.table) throw new CliError(`${label}: ${ingestFailure(result, 'no usable orders')}`);
  // The amounts as written (`Rp 1.250.000`) tell the currency; the Data sheet holds plain numbers.
  const currency = currencyOfTable(result);
  const width = read.grid.columnCount;
  const leftOut = booleanFlag(args, 'values-only')
    ? '--values-only'
    : result.report.rowsRead > DATA_SHEET_LIMIT
      ? `more than ${DATA_SHEET_LIMIT.toLocaleString('en-US')}`
      : width > SHEET_COLUMNS
        ? `its ${width.toLocaleString('en-US')} columns are more than a sheet holds, ${SHEET_COLUMNS.toLocaleString('en-US')}`
        : undefined;
  if (leftOut !== undefined) {
    // Saved as the orders' source, where `review` reads the rows again: relative to the workbook.
    const name = fileSourceName(dirname(out), path);
    const ingest = { ...options, mapping: result.table.mapping };
    // The rows stay as read, so the reading above is the job's: they are not ingested again.
    const cells = read.cells;
    const outside: SourceSheet = {
      name,
      kind: 'file',
      hidden: false,
      ingested: { options: ingest, result },
      rows: async () => read.rows,
      // By column as read, so nothing that reads the source again makes a row array per row.
      ...(Array.isArray(cells) ? {} : { cells: async () => cells }),
    };
    return {
      port: FileWorkbookPort.ofWorkbook(new ExcelJS.Workbook(), label, [outside]),
      source: name,
      ingest,
      report: result.report,
      currency,
      dataSheet: false,
      leftOut,
    };
  }
  progress.stage('writing the Data sheet');
  const grid = typedDataGrid(read.grid, result.table, options);
  const dateColumn = result.table.mapping.date;
  const written = dataPackage({
    name: 'Data',
    grid,
    formats: dateColumn === undefined ? {} : { [dateColumn]: 'yyyy-mm-dd' },
  });
  for (const cell of written.cut.slice(0, 3))
    progress.warn(
      `Data sheet: cell ${cell.column}${cell.row} holds ${cell.length.toLocaleString('en-US')} characters; a cell holds ` +
        `${MAX_CELL_TEXT.toLocaleString('en-US')}, so it has the first ${MAX_CELL_TEXT.toLocaleString('en-US')} (the CSV keeps the whole text)`,
    );
  if (written.cutCount > 3)
    progress.warn(
      `Data sheet: ${(written.cutCount - 3).toLocaleString('en-US')} more cells were cut the same way`,
    );
  const data = sourceOfRows('Data', false, rowsOfGrid(grid), false);
  // The typed sheet's layout: a header-less file now has a header row.
  return {
    port: FileWorkbookPort.ofPackage(written.buffer, label, [data], ['Data']),
    source: 'Data',
    ingest: { ...options, headerRow: 0, mapping: result.table.mapping },
    report: result.report,
    currency,
    dataSheet: true,
  };
}

async function run(args: ParsedArgs, io: CliIO): Promise<void> {
  if (sqlRouteWanted(args)) return runBuildSql(args, io);
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
  const force = booleanFlag(args, 'force');
  const waitMs = (integerFlag(args, 'wait', 0, 3600) ?? DEFAULT_WAIT_SECONDS) * 1000;
  const target = await writeTarget(out);
  await refuseInputAsOutput(target, [input, ...SIDE_FLAGS.map((f) => stringFlag(args, f))], io.cwd);
  if (target.existing) await ensureWritable(target, 'replace it');
  const givenDay = givenWorkbookAsOf(args);
  const unit = periodFlag(args, 'month');
  const periods = integerFlag(args, 'periods', 2, 120) ?? 12;
  const calendar = calendarFlags(args);
  const currencyChoice = currencyFlag(args);
  const pipelineSettings = pipelineFlags(args);
  const industryId = stringFlag(args, 'industry');
  const industry = industrySet(industryId);
  if (industryId !== undefined && !industry)
    throw usageError(`--industry: unknown industry "${industryId}" (run "sales-metrics benchmarks")`);
  const progress = progressOn(io, booleanFlag(args, 'quiet'));
  await prepareOutput(out);
  const lock = await lockWorkbook(target.real, {
    command: 'build',
    waitMs,
    now: io.now,
    onWait: () => progress.warn(`another run is writing ${out}; waiting for it to finish`),
    onNote: (message) => progress.warn(message),
  });
  try {
    const checked = await checkExistingOutput(target, force);
    await buildInto({ ...target, ...(checked ? { existing: checked } : {}) }, args, io, {
      input,
      label,
      isCsv,
      unit,
      periods,
      calendar,
      givenDay,
      currencyChoice,
      pipelineSettings,
      industry,
      force,
      progress,
    });
  } finally {
    await lock.release();
  }
}

interface BuildRun {
  readonly input: string;
  readonly label: string;
  readonly isCsv: boolean;
  readonly unit: ReturnType<typeof periodFlag>;
  readonly periods: number;
  readonly calendar: ReturnType<typeof calendarFlags>;
  readonly givenDay?: number;
  readonly currencyChoice: ReturnType<typeof currencyFlag>;
  readonly pipelineSettings: ReturnType<typeof pipelineFlags>;
  readonly industry: ReturnType<typeof industrySet>;
  readonly force: boolean;
  readonly progress: Progress;
}

/** Builds the workbook and writes it to `target` (a `.bak` of a file replaced with --force). */
async function buildInto(target: WriteTarget, args: ParsedArgs, io: CliIO, run: BuildRun): Promise<void> {
  const { input, label, isCsv, unit, periods, calendar, givenDay, currencyChoice, industry, progress } = run;
  const out = target.path;
  progress.stage(`reading ${label}`);
  const csv = isCsv ? await csvWorkbook(input, args, label, progress, out) : undefined;
  const filePort =
    csv?.port ?? (await FileWorkbookPort.open(input, label, (n) => progress.rows(label, n), 'build'));
  const port = guardedPort(filePort, { force: run.force });
  const flags = ordersLoadOptions(args);
  const mappingGiven = flags.columns !== undefined || Object.keys(flags.mapping ?? {}).length > 0;
  const side = await sideTablesOf(args, io, progress, isCsv ? undefined : input);
  let result;
  try {
    result = await buildDashboard(port, {
      ...(givenDay !== undefined ? { asOf: givenDay } : {}),
      today: today(io),
      calendar,
      unit,
      periods,
      industry,
      refreshedAt: refreshStamp(io.now()),
      orders: csv
        ? { source: csv.source, ingest: csv.ingest, mappingGiven: true }
        : { source: stringFlag(args, 'sheet'), ingest: ingestOptionsOf(flags), mappingGiven },
      ...side.tables,
      ...(side.targetsLabel ? { targetsLabel: side.targetsLabel } : {}),
      currency: currencyChoice,
      detectedCurrency: csv?.currency,
      valuesOnly: csv?.dataSheet === false,
      ...(run.pipelineSettings ? { pipelineSettings: run.pipelineSettings } : {}),
      report: (message) => progress.stage(message),
    });
  } catch (error) {
    throw cliErrorOf(error);
  }
  if (result.configWarning && !isCsv && (await port.sheetNames()).includes('_sales_metrics'))
    progress.stage(result.configWarning);
  const report = csv?.report ?? result.orders.report;
  const lines = [
    ...jobLines({ source: result.orders.source, report }, result.asOf, result.dates),
    asOfLine(result.asOf),
  ];
  if (result.reviewAsOf !== result.asOf.day)
    lines.push(`${result.review.name} as of ${formatDay(result.reviewAsOf)} (today: the data runs later)`);
  for (const line of lines) progress.stage(line);

  if (run.force && target.existing) {
    progress.stage(`keeping the old file as ${target.real}.bak`);
    await backUp(target, `${target.real}.bak`);
  }
  progress.stage(`writing ${out}`);
  const read = target.existing;
  await replaceFile(target, filePort.output!, {
    ...(io.writer ? { writer: io.writer } : {}),
    beforeRename: async () => {
      const now = await stat(target.real).catch(() => undefined);
      const changed = read
        ? !now || now.ino !== read.ino || now.size !== read.size || now.mtimeMs !== read.mtimeMs
        : now !== undefined;
      if (changed)
        throw new CliError(
          `${out} changed while this build ran (saved by another program?), so it was left as it is: run build again`,
        );
    },
  });
  const [dashboard, review, config] = result.plans;
  const sheets = [dashboard.name, review.name, `${config.name} (hidden)`];
  const currency = result.currency;
  const money = currency.value
    ? `money in ${currency.value.symbol || 'plain numbers'} (${currency.how})`
    : 'money without a currency symbol';
  const how =
    csv?.dataSheet === false
      ? `figures as values: the CSV's ${report.rowsRead.toLocaleString('en-US')} rows were not copied into the workbook` +
        ` (${csv.leftOut})`
      : result.orders.formulas.formulaReady
        ? 'headline figures as native formulas'
        : 'figures as values (the data has text dates or amounts)';
  io.stdout(
    `wrote ${out}\n  sheets: ${sheets.join(', ')}${csv?.dataSheet ? ', Data' : ''}\n` +
      lines.map((line) => `  ${line}\n`).join('') +
      `  ${unit}ly, ${how}, ${money}\n` +
      (csv?.dataSheet === false
        ? `  "review" reads the orders again from ${result.orders.source} (relative to the workbook)\n`
        : ''),
  );
}

export const buildCommand: Command = {
  name: 'build',
  summary: "write the Dashboard and this week's Review into a copy of a workbook or a CSV",
  help: HELP,
  options: {
    ...INPUT_OPTIONS,
    ...SQL_ROUTE_OPTIONS,
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
    force: { type: 'boolean' },
    wait: { type: 'string' },
    ...PIPELINE_OPTIONS,
  },
  run,
};
