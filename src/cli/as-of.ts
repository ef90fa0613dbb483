/**
 * How the command line tells the as-of day and the data's dates: one line per table (rows read,
 * used, skipped, after the as-of day; first and last date), one line for the as-of day and where it
 * came from, and the same as JSON fields.
 */
import type { AsOfChoice, AsOfSource, DataDates, DateRange, TableDates } from '../core/data-range';
import { chooseAsOf, dataDates } from '../core/data-range';
import { formatDay } from '../core/periods';
import type { RowCounts } from '../core/report';
import type { OrdersTable } from '../core/table';
import type { ParsedArgs } from './args';
import { dayFlag, today } from './args';
import type { CliIO } from './io';
import type { LoadedTable } from './load';
import { loadedSummary } from './load';

const n = (value: number) => value.toLocaleString('en-US');

const SOURCE_WORDS: Readonly<Record<AsOfSource, string>> = {
  given: 'given',
  data: 'latest date in the data',
  today: 'today: the data holds no dates',
};

/**
 * `as of 2026-12-05 (given)`, `as of 1998-06-30 (latest date in the data)`.
 * @example asOfLine({ day: parseDay('1998-06-30')!, source: 'data' }) // 'as of 1998-06-30 (latest date in the data)'
 */
export function asOfLine(choice: AsOfChoice, words: string = SOURCE_WORDS[choice.source]): string {
  return `as of ${formatDay(choice.day)} (${words})`;
}

/** `dates 2024-01-01 … 2026-12-31`, or `no dates`. */
export function rangeText(range: DateRange | null | undefined): string {
  return range ? `dates ${formatDay(range.first)} … ${formatDay(range.last)}` : 'no dates';
}

/**
 * Rows read, used, skipped and after the as-of day, then the dates the rows cover:
 * `20,000 rows read, 19,026 used, 0 skipped, 974 after 2026-12-05 not counted; dates 2024-01-01 … 2026-12-31`.
 */
export function rowsText(
  counts: RowCounts,
  asOf: number,
  range?: DateRange | null,
  skippedNote = '',
): string {
  const after = counts.afterAsOf > 0 ? `, ${n(counts.afterAsOf)} after ${formatDay(asOf)} not counted` : '';
  const dates = range === undefined ? '' : `; ${rangeText(range)}`;
  return `${n(counts.read)} rows read, ${n(counts.used)} used, ${n(counts.skipped)} skipped${skippedNote}${after}${dates}`;
}

/**
 * A side table a job read itself (no row counts at hand): its rows after the as-of day and dates.
 * @example sideLine('pipeline', { range, afterAsOf: 60 }, asOf) // 'pipeline: 60 rows after 2026-12-05 not counted; dates 2024-01-02 … 2026-12-31'
 */
export function sideLine(label: string, dates: TableDates, asOf: number): string {
  const after =
    dates.afterAsOf > 0
      ? `${n(dates.afterAsOf)} row${dates.afterAsOf === 1 ? '' : 's'} after ${formatDay(asOf)} not counted; `
      : '';
  return `${label}: ${after}${rangeText(dates.range)}`;
}

/**
 * One table's line: `orders sales.xlsx [Orders]: 20,000 rows read, 19,026 used, 0 skipped, 974
 * after 2026-12-05 not counted; dates 2024-01-01 … 2026-12-31`.
 */
export function tableLine(
  label: string,
  counts: RowCounts,
  asOf: number,
  range: DateRange | null | undefined,
): string {
  return `${label}: ${rowsText(counts, asOf, range)}`;
}

/**
 * A `metrics --json` file entry as its text line:
 * `orders sales.xlsx [Orders]: 20,000 rows read, 19,026 used, 0 skipped, 974 after 2026-12-05 not counted; dates 2024-01-01 … 2026-12-31`.
 */
export function fileLine(
  file: {
    readonly kind: string;
    readonly path: string;
    readonly sheet?: string;
    readonly rows: RowCounts;
    readonly dataRange: { readonly first: string; readonly last: string } | null;
  },
  asOf: number,
): string {
  const label = `${file.kind} ${file.path}${file.sheet ? ` [${file.sheet}]` : ''}`;
  const dates =
    file.kind === 'targets'
      ? ''
      : `; ${file.dataRange ? `dates ${file.dataRange.first} … ${file.dataRange.last}` : 'no dates'}`;
  return `${label}: ${rowsText(file.rows, asOf)}${dates}`;
}

/** JSON of a date range: `{ first: '2024-01-01', last: '2026-12-31' }`, or null. */
export function rangeJson(range: DateRange | null | undefined): { first: string; last: string } | null {
  return range ? { first: formatDay(range.first), last: formatDay(range.last) } : null;
}

/** The span of several ranges (null when none has dates). */
export function unionRange(ranges: readonly (DateRange | null | undefined)[]): DateRange | null {
  const present = ranges.filter((r): r is DateRange => !!r);
  if (present.length === 0) return null;
  return {
    first: Math.min(...present.map((r) => r.first)),
    last: Math.max(...present.map((r) => r.last)),
  };
}

export interface AsOfJson {
  readonly asOf: string;
  readonly asOfSource: AsOfSource;
  /** First and last date of the tables read. */
  readonly dataRange: { first: string; last: string } | null;
  /** Rows dated after the as-of day, over the tables read (not counted). */
  readonly afterAsOf: number;
}

/**
 * The as-of fields every command's `--json` carries.
 * @example asOfJson({ day, source: 'data' }, { orders: { range, afterAsOf: 0 } }) // { asOf: '1998-06-30', asOfSource: 'data', dataRange: { first: '1997-01-01', last: '1998-06-30' }, afterAsOf: 0 }
 */
export function asOfJson(choice: AsOfChoice, dates: DataDates): AsOfJson {
  const tables = [dates.orders, dates.pipeline, dates.spend].filter((t): t is TableDates => !!t);
  return {
    asOf: formatDay(choice.day),
    asOfSource: choice.source,
    dataRange: rangeJson(unionRange(tables.map((t) => t.range))),
    afterAsOf: tables.reduce((sum, t) => sum + t.afterAsOf, 0),
  };
}

/** A one-file command's as-of day, its lines (the table's, the as-of day's) and JSON fields. */
export interface CommandAsOf {
  readonly choice: AsOfChoice;
  readonly day: number;
  readonly lines: readonly string[];
  readonly json: AsOfJson;
}

/**
 * The as-of day of a command over one orders file (`--as-of`, or the flag named, else the file's
 * latest date, else today), with the file's line and the as-of line.
 * @example const { day, lines } = ordersAsOf(args, io, 'orders cdnow_sample.txt', orders); // lines[1]: 'as of 1998-06-30 (latest date in the data)'
 */
export function ordersAsOf(
  args: ParsedArgs,
  io: CliIO,
  label: string,
  orders: LoadedTable<OrdersTable>,
  flag = 'as-of',
): CommandAsOf {
  const choice = chooseAsOf({ orders: orders.table }, dayFlag(args, flag)) ?? {
    day: today(io),
    source: 'today',
  };
  const summary = loadedSummary(label, orders, choice.day);
  return {
    choice,
    day: choice.day,
    lines: [tableLine(summary.label, summary.counts, choice.day, summary.range), asOfLine(choice)],
    json: asOfJson(choice, dataDates({ orders: orders.table }, choice.day)),
  };
}
