/**
 * `sales-metrics build`: writes the Dashboard and this week's Review into a copy of an `.xlsx`
 * (the user's sheets kept as they are) or into a new workbook whose `Data` sheet holds a CSV.
 * The job itself is `buildDashboard` (src/workflows), the same the task pane runs in Excel.
 */
import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Currency } from '../../core/currency';
import type { IngestOptions } from '../../core/ingest';
import { ingestOrders } from '../../core/ingest';
import { formatDay } from '../../core/periods';
import type { IngestReport } from '../../core/report';
import { buildDashboard, currencyOfTable, industrySet, type SourceSheet } from '../../workflows';
import { FileWorkbookPort } from '../../xlsx/file-port';
import { readTableFile } from '../../xlsx/read';
import { addDataSheet } from '../../xlsx/write-data';
import type { ParsedArgs } from '../args';
import {
  booleanFlag,
  givenAsOf,
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
import type { CliIO, Progress } from '../io';
import { progressOn } from '../io';
import { cliErrorOf, jobLines, refreshStamp, sideTablesOf } from '../job';
import { asOfLine } from '../as-of';
import { ingestFailure, ingestOptionsOf } from '../load';
import { prepareOutput } from '../output';
import { typedDataRows } from '../data-sheet';

export { refreshStamp } from '../job';

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
                            carries values instead of live formulas (automatic above 100,000 rows)
  -q, --quiet               no progress on stderr
${INPUT_HELP}

Example:
  sales-metrics build sales.xlsx --targets sales.xlsx --industry ecommerce-retail --out dashboard.xlsx`;

/**
 * Above this many rows a CSV is not copied into the built workbook: ExcelJS holds a workbook in
 * memory (about 1.2 GB per 100,000 rows of twelve columns), and a sheet that size would make the
 * dashboard's SUMIFS slow in Excel too. The dashboard then carries values stamped "as of".
 */
export const DATA_SHEET_LIMIT = 100_000;

/** A CSV's new workbook: its port, how to read the orders in it, and what its first reading found. */
interface CsvWorkbook {
  readonly port: FileWorkbookPort;
  readonly source: string;
  readonly ingest: IngestOptions;
  readonly report: IngestReport;
  readonly currency?: Currency;
  /** False when the Data sheet was left out (values-only dashboard). */
  readonly dataSheet: boolean;
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
): Promise<CsvWorkbook> {
  const options = ingestOptionsOf(ordersLoadOptions(args));
  const read = await readTableFile(path, { onProgress: (n) => progress.rows(label, n) });
  progress.stage(`ingesting ${read.rows.length.toLocaleString('en-US')} rows`);
  const result = ingestOrders(read.rows, options);
  if (!result.table) throw new CliError(`${label}: ${ingestFailure(result, 'no usable orders')}`);
  // The amounts as written (`Rp 1.250.000`) tell the currency; the Data sheet holds plain numbers.
  const currency = currencyOfTable(result);
  const workbook = new ExcelJS.Workbook();
  if (booleanFlag(args, 'values-only') || result.report.rowsRead > DATA_SHEET_LIMIT) {
    const outside: SourceSheet = { name: label, kind: 'file', hidden: false, rows: async () => read.rows };
    return {
      port: FileWorkbookPort.ofWorkbook(workbook, label, [outside]),
      source: label,
      ingest: { ...options, mapping: result.table.mapping },
      report: result.report,
      currency,
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
  // The typed sheet's layout: a header-less file now has a header row.
  return {
    port: FileWorkbookPort.ofWorkbook(workbook, label),
    source: 'Data',
    ingest: { ...options, headerRow: 0, mapping: result.table.mapping },
    report: result.report,
    currency,
    dataSheet: true,
  };
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
  const givenDay = givenAsOf(args);
  const unit = periodFlag(args, 'month');
  const periods = integerFlag(args, 'periods', 2, 120) ?? 12;
  const calendar = calendarFlags(args);
  const currencyChoice = currencyFlag(args);
  const industryId = stringFlag(args, 'industry');
  const industry = industrySet(industryId);
  if (industryId !== undefined && !industry)
    throw usageError(`--industry: unknown industry "${industryId}" (run "sales-metrics benchmarks")`);
  const progress = progressOn(io, booleanFlag(args, 'quiet'));

  progress.stage(`reading ${label}`);
  const csv = isCsv ? await csvWorkbook(input, args, label, progress) : undefined;
  const port =
    csv?.port ?? (await FileWorkbookPort.open(input, label, (n) => progress.rows(label, n), 'build'));
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

  progress.stage(`writing ${out}`);
  await prepareOutput(out);
  try {
    await writeFile(out, port.output!);
  } catch (error) {
    throw new CliError(`cannot write ${out}: ${(error as Error)?.message ?? error}`);
  }
  const [dashboard, review, config] = result.plans;
  const sheets = [dashboard.name, review.name, `${config.name} (hidden)`];
  const currency = result.currency;
  const money = currency.value
    ? `money in ${currency.value.symbol || 'plain numbers'} (${currency.how})`
    : 'money without a currency symbol';
  const how =
    csv?.dataSheet === false
      ? `figures as values: the CSV's ${report.rowsRead.toLocaleString('en-US')} rows were not copied into the workbook` +
        (booleanFlag(args, 'values-only')
          ? ' (--values-only)'
          : ` (more than ${DATA_SHEET_LIMIT.toLocaleString('en-US')})`)
      : result.orders.formulas.formulaReady
        ? 'headline figures as native formulas'
        : 'figures as values (the data has text dates or amounts)';
  io.stdout(
    `wrote ${out}\n  sheets: ${sheets.join(', ')}${csv?.dataSheet ? ', Data' : ''}\n` +
      lines.map((line) => `  ${line}\n`).join('') +
      `  ${unit}ly, ${how}, ${money}\n`,
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
