import type { CellValue } from '../core/cell';
import {
  detectHeaderRow,
  ingestOrders,
  makeHeaders,
  type DateOrder,
  type IngestResult,
} from '../core/ingest';
import { chooseAsOf, tableDates, type AsOfChoice, type DateRange } from '../core/data-range';
import type { OrdersTable } from '../core/table';
import { headlineKpis, type HeadlineKpis } from './kpis';
import {
  ingestMapping,
  mappingRows,
  withoutExcludedRoles,
  type MappingChoices,
  type RoleRow,
} from './mapping';

/** The orders' dates against the as-of day. */
export interface ReportDates {
  readonly asOf: AsOfChoice;
  /** First and last date of the usable rows. */
  readonly range: DateRange | null;
  /** Usable rows dated after the as-of day: read, not counted. */
  readonly afterAsOf: number;
}

/** Everything the pane shows about a read orders table. */
export interface OrdersAnalysis {
  /** Column headers as ingestion names them (blank ones become `Column C`, repeats get `(2)`). */
  readonly headers: readonly string[];
  readonly rows: readonly RoleRow[];
  readonly result: IngestResult<OrdersTable>;
  /** Null when ingestion failed or no row was usable. */
  readonly kpis: HeadlineKpis | null;
  /** The dates the orders cover, the as-of day and the rows after it; null without orders. */
  readonly dates: ReportDates | null;
}

/** Widest row, as ingestion measures it. */
export function widthOf(values: readonly (readonly CellValue[])[]): number {
  let width = 0;
  for (const row of values) if (Array.isArray(row) && row.length > width) width = row.length;
  return Math.min(width, 16384);
}

/** The header row ingestion would find; found once here so the pane and ingestion agree on headers. */
export function headerRowOf(values: readonly (readonly CellValue[])[]): number | 'none' {
  try {
    return detectHeaderRow(values);
  } catch {
    return 'none';
  }
}

/**
 * Sheet row of the first cell of an address like `Sheet1!B3:F40` (1 when unreadable), so the
 * report's row numbers are the ones the user sees in Excel.
 *
 * @example firstRowOf("'Q1 Sales'!A5:D9"); // 5
 */
export function firstRowOf(address: string): number {
  const cells = address.slice(address.lastIndexOf('!') + 1);
  const match = /^\$?[A-Za-z]{0,3}\$?(\d+)/.exec(cells);
  return match ? Number(match[1]) : 1;
}

/**
 * Ingests orders with the user's mapping choices and computes the headline KPIs as of `asOf` (the
 * pane's setting), else the latest order date, with the rows dated after that day counted apart.
 *
 * @example
 * const a = analyzeOrders(values, { customer: null }, 1);
 * a.result.report.rowsSkipped; // rows left out, with reasons in a.result.report.issues
 * a.kpis?.kpis.map((k) => k.id); // ['revenue', 'orders', 'aov'] (no customers: left out)
 */
export function analyzeOrders(
  values: readonly (readonly CellValue[])[],
  choices: MappingChoices,
  firstRowNumber = 1,
  dateOrder?: DateOrder,
  asOf?: number,
): OrdersAnalysis {
  const headerRow = headerRowOf(values);
  const headers = makeHeaders(headerRow === 'none' ? undefined : values[headerRow], widthOf(values));
  const result = ingestOrders(values, {
    headerRow,
    firstRowNumber,
    mapping: ingestMapping(choices, headers),
    ...(dateOrder ? { dateOrder } : {}),
  });
  const table = result.table && withoutExcludedRoles(result.table, choices);
  const choice = table && table.length > 0 ? chooseAsOf({ orders: table }, asOf) : null;
  return {
    headers,
    rows: mappingRows(result.detection, choices),
    result,
    kpis: table ? headlineKpis(table, asOf) : null,
    dates: table && choice ? { asOf: choice, ...tableDates(table, choice.day) } : null,
  };
}
