/**
 * The dates a data set covers and the as-of day they imply, one rule for every surface:
 * **the as-of day is the latest date in the data unless given**. The latest date is the orders'
 * latest usable date (a row whose date and amount are readable; refunds count); without orders,
 * the latest date of the pipeline (created or closed) or of the spend. Rows dated after the
 * as-of day are read but not counted, and every surface says how many (per table: orders by
 * date, the pipeline by created date, spend by date).
 *
 * Core never reads the clock: a host that knows today passes it to `reviewDay`, which keeps the
 * weekly review's week from running ahead of the calendar on data dated in the future.
 */
import type { MetricInputs } from './metrics/inputs';
import type { OrdersTable, PipelineTable, SpendTable } from './table';

/** First and last day of a table's usable rows, as inclusive epoch days. */
export interface DateRange {
  readonly first: number;
  readonly last: number;
}

/**
 * Where an as-of day came from: `given` by the person (a flag, a setting, an argument), `data`
 * (the latest date in the data), `today` (the host's clock, only when the data holds no date).
 */
export type AsOfSource = 'given' | 'data' | 'today';

export interface AsOfChoice {
  /** Integer epoch day. */
  readonly day: number;
  readonly source: AsOfSource;
}

/** A table's dates against the as-of day. */
export interface TableDates {
  /** First and last date of the usable rows; null when there is none. */
  readonly range: DateRange | null;
  /** Usable rows dated after the as-of day: read, not counted. */
  readonly afterAsOf: number;
}

type DatedTable = OrdersTable | PipelineTable | SpendTable;

/** Per row: the day it is dated by (NaN when the row is not usable). */
function rowDay(table: DatedTable, i: number): number {
  switch (table.kind) {
    case 'orders':
      return Number.isFinite(table.amount[i]) ? Math.floor(table.date[i]) : NaN;
    case 'pipeline':
      return Math.floor(table.created[i]);
    case 'spend':
      return Number.isFinite(table.spend[i]) ? Math.floor(table.date[i]) : NaN;
  }
}

/**
 * First and last date of a table: orders by order date, spend by date (rows whose amount or spend
 * is readable), the pipeline from its first created date to its latest created or closed date.
 * @example tableDateRange(orders) // { first: 19723, last: 20818 } (2024-01-01 … 2026-12-31)
 */
export function tableDateRange(table: DatedTable): DateRange | null {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < table.length; i++) {
    const day = rowDay(table, i);
    if (!Number.isFinite(day)) continue;
    if (day < first) first = day;
    if (day > last) last = day;
    if (table.kind === 'pipeline') {
      const closed = Math.floor(table.closed[i]);
      if (closed > last) last = closed;
    }
  }
  return Number.isFinite(first) ? { first, last } : null;
}

/**
 * Usable rows dated after `asOf`: orders by order date, the pipeline by created date, spend by date.
 * @example rowsAfter(orders, parseDay('2026-12-05')!) // 974 on the bundled sample
 */
export function rowsAfter(table: DatedTable, asOf: number): number {
  const day = Math.floor(asOf);
  let count = 0;
  for (let i = 0; i < table.length; i++) if (rowDay(table, i) > day) count++;
  return count;
}

/**
 * The latest date in the data: the orders' last usable date; without orders (or none usable), the
 * latest date of the pipeline and the spend. Null when no table holds a date.
 * @example dataAsOf({ orders }) // 20818 (2026-12-31 on the bundled sample)
 */
export function dataAsOf(inputs: MetricInputs): number | null {
  const orders = inputs.orders ? tableDateRange(inputs.orders) : null;
  if (orders) return orders.last;
  const others = [inputs.pipeline, inputs.spend]
    .map((table) => (table ? tableDateRange(table) : null))
    .filter((range): range is DateRange => range !== null)
    .map((range) => range.last);
  return others.length > 0 ? Math.max(...others) : null;
}

/**
 * The as-of day: the one given, else the latest date in the data, else `today` (a host's clock, for
 * data without a single date); null when there is nothing to go by.
 * @example chooseAsOf({ orders }) // { day: 20818, source: 'data' }
 * @example chooseAsOf({ orders }, parseDay('2026-12-05')!) // { day: 20792, source: 'given' }
 */
export function chooseAsOf(inputs: MetricInputs, given?: number, today?: number): AsOfChoice | null {
  if (given !== undefined && Number.isFinite(given)) return { day: Math.floor(given), source: 'given' };
  const latest = dataAsOf(inputs);
  if (latest !== null) return { day: latest, source: 'data' };
  return today !== undefined && Number.isFinite(today) ? { day: Math.floor(today), source: 'today' } : null;
}

/**
 * The day the weekly review is as of: the as-of day, but never later than today when it came from
 * the data (data dated in the future does not move the review to a week that has not begun). A
 * day people gave is used as given.
 * @example reviewDay({ day: parseDay('2026-12-31')!, source: 'data' }, parseDay('2026-12-05')!) // 2026-12-05
 */
export function reviewDay(choice: AsOfChoice, today?: number): number {
  if (choice.source !== 'data' || today === undefined || !Number.isFinite(today)) return choice.day;
  return Math.min(choice.day, Math.floor(today));
}

/**
 * A table's date range and the rows after the as-of day.
 * @example tableDates(orders, parseDay('2026-12-05')!) // { range: { first: 2024-01-01, last: 2026-12-31 }, afterAsOf: 974 }
 */
export function tableDates(table: DatedTable, asOf: number): TableDates {
  return { range: tableDateRange(table), afterAsOf: rowsAfter(table, asOf) };
}

/** Each table's dates against the as-of day, for the tables given. */
export interface DataDates {
  readonly orders?: TableDates;
  readonly pipeline?: TableDates;
  readonly spend?: TableDates;
}

/**
 * `tableDates` for every table of the inputs.
 * @example dataDates({ orders, spend }, asOf).orders?.afterAsOf // 974
 */
export function dataDates(inputs: MetricInputs, asOf: number): DataDates {
  return {
    ...(inputs.orders ? { orders: tableDates(inputs.orders, asOf) } : {}),
    ...(inputs.pipeline ? { pipeline: tableDates(inputs.pipeline, asOf) } : {}),
    ...(inputs.spend ? { spend: tableDates(inputs.spend, asOf) } : {}),
  };
}
