/**
 * Finding and reading the product's tables in a workbook: which source holds the orders (the one
 * saved in the configuration, the one named, a sheet named like the table that has its columns,
 * or the first that has them), ingesting it, and where its columns are for native formulas.
 */
import type { CellValue } from '../core/cell';
import type { Currency } from '../core/currency';
import { detectCurrency } from '../core/currency';
import type { IngestOptions, IngestResult } from '../core/ingest';
import { HEADER_SCAN_ROWS } from '../core/ingest/headers';
import {
  cellGrid,
  columnarRow,
  columnarRows,
  detectHeaderRow,
  ingestOrders,
  ingestTable,
  isColumnar,
  makeHeaders,
  type TableCells,
} from '../core/ingest';
import type { IngestReport } from '../core/report';
import type { OrdersTable, SalesTable, TableKind } from '../core/table';
import { REQUIRED_ROLES } from '../core/table';
import { columnLetters } from '../sheets/a1';
import { CONFIG_SHEET_NAME } from '../sheets/config';
import type { OrdersSource, SourceRole } from '../sheets/sources';
import { numericRoles, SOURCE_ROLES } from '../sheets/sources';
import type { SourceSheet } from './port';
import { WorkflowError } from './port';

/** Sheet and table names that say what they hold, English and Indonesian, preferred in this order. */
export const SHEET_NAMES: { readonly [K in TableKind]: readonly string[] } = {
  orders: ['Orders', 'Order', 'Sales', 'Data', 'Transactions', 'Pesanan', 'Penjualan', 'Transaksi'],
  pipeline: ['Pipeline', 'Opportunities', 'Deals', 'Leads', 'Peluang', 'Prospek'],
  spend: ['Spend', 'Marketing Spend', 'Marketing', 'Ad Spend', 'Biaya Marketing', 'Biaya Pemasaran'],
  targets: ['Targets', 'Target', 'Goals', 'Sasaran'],
};

/** Sheets the product writes (their rows are never the user's tables). */
export function isProductSheet(name: string): boolean {
  return name === 'Dashboard' || name === CONFIG_SHEET_NAME || /^Review \d{4}-W\d{2}$/.test(name);
}

/** Rows looked at to decide whether a source holds a table. */
const PROBE_ROWS = 200;

/** Why a table could not be read, on one line (hosts add how to choose the column). */
export function ingestFailureText(result: { readonly error?: string }, fallback: string): string {
  return (result.error ?? fallback).replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * The source holding a table: the named one, else a visible source named like the table (Orders,
 * Sales, Data… / Pipeline… / Spend… / Targets…) that has its required columns, else the first
 * visible source that has them. Throws `WorkflowError` ('unknown-source', 'no-source').
 * @example const source = await findSource('orders', await port.listSources(), {}, 'sales.xlsx');
 */
export async function findSource(
  kind: TableKind,
  sources: readonly SourceSheet[],
  options: IngestOptions,
  label: string,
  name?: string,
): Promise<SourceSheet> {
  if (name !== undefined) {
    const wanted = name.trim().toLowerCase();
    const named = sources.find((s) => s.name.toLowerCase() === wanted);
    if (!named)
      throw new WorkflowError(
        'unknown-source',
        `no sheet or table named "${name}" in ${label} (there are: ${sources.map((s) => `"${s.name}"`).join(', ') || 'none'})`,
      );
    return named;
  }
  const visible = sources.filter((s) => !s.hidden);
  const preferred = new Set(SHEET_NAMES[kind].map((n) => n.toLowerCase()));
  const fitting: SourceSheet[] = [];
  for (const source of visible) {
    if (ingestTable(kind, await source.rows(PROBE_ROWS), options).table !== null) fitting.push(source);
  }
  const found = fitting.find((s) => preferred.has(s.name.toLowerCase())) ?? fitting[0];
  if (!found)
    throw new WorkflowError(
      'no-source',
      `${label}: no sheet or table has the ${kind} table's required columns (${REQUIRED_ROLES[kind].join(', ')}; looked at ` +
        `${visible.map((s) => `"${s.name}"`).join(', ') || 'nothing'})`,
      REQUIRED_ROLES[kind],
      kind,
    );
  return found;
}

/** A table read from a source, with its ingestion report. */
export interface ReadTable<T extends SalesTable> {
  readonly table: T;
  readonly report: IngestReport;
  readonly source: SourceSheet;
  /** The cells the table was read from: the source's rows, or its cells by column. */
  readonly cells: TableCells;
  readonly result: IngestResult<T>;
}

/** A source's cells: by column where it has them so, else its rows. */
async function cellsOf(source: SourceSheet): Promise<TableCells> {
  return source.cells ? source.cells() : source.rows();
}

/**
 * Reads and ingests a table from a source. Throws `WorkflowError` ('missing-columns') naming the
 * roles no column was found for.
 */
export async function readTable<K extends TableKind>(
  kind: K,
  source: SourceSheet,
  options: IngestOptions,
  label: string,
): Promise<ReadTable<Extract<SalesTable, { kind: K }>>> {
  const cells = await cellsOf(source);
  const result = ingestTable(kind, cells, options) as IngestResult<Extract<SalesTable, { kind: K }>>;
  if (!result.table)
    throw new WorkflowError(
      'missing-columns',
      `${label} [${source.name}]: ${ingestFailureText(result, `no usable ${kind} rows`)}`,
      result.missing ?? [],
      kind,
    );
  return { table: result.table, report: result.report, source, cells, result };
}

/** Reads the orders (see {@link readTable}). */
export async function readOrders(
  source: SourceSheet,
  options: IngestOptions,
  label: string,
): Promise<ReadTable<OrdersTable>> {
  const cells = await cellsOf(source);
  const result = source.ingested?.options === options ? source.ingested.result : ingestOrders(cells, options);
  if (!result.table)
    throw new WorkflowError(
      'missing-columns',
      `${label} [${source.name}]: ${ingestFailureText(result, 'no usable orders')}`,
      result.missing ?? [],
    );
  return { table: result.table, report: result.report, source, cells, result };
}

/** Rows header detection looks at (as ingestion does): a header among the first ten, and the rows below it. */
const HEAD_ROWS = 3 * HEADER_SCAN_ROWS + 1;

/** Number of fields of row `r` (its array's length). */
function rowWidth(cells: TableCells, r: number): number {
  return isColumnar(cells) ? cells.widths[r] : (cells[r]?.length ?? 0);
}

/** The currency an ingested table suggests: its amount marker or its headers' language. */
export function currencyOfTable(result: IngestResult<OrdersTable>): Currency | undefined {
  if (!result.table) return undefined;
  const headers = [...Object.values(result.table.mapping), ...Object.keys(result.table.extra)].filter(
    (h): h is string => typeof h === 'string',
  );
  return detectCurrency(result.formats, headers);
}

/**
 * Where the orders' columns are, for native formulas. `formulaReady` only when every used row
 * has a real date (a Date or serial) and a numeric amount, so SUMIFS sees what the engine sees,
 * and the cells are in the workbook (a source with an `origin`).
 */
export function ordersSourceOf(
  source: SourceSheet,
  cells: TableCells,
  table: OrdersTable,
  options: IngestOptions,
  label: string,
): OrdersSource {
  const origin = source.origin ?? { sheet: source.name, row: 1, column: 1 };
  const grid = cellGrid(cells);
  // The top rows as arrays: the header is among the first ten, with the rows under it.
  const head = isColumnar(cells) ? columnarRows(cells, 0, HEAD_ROWS) : cells;
  const headerRow =
    options.headerRow === 'none'
      ? 'none'
      : typeof options.headerRow === 'number'
        ? options.headerRow
        : detectHeaderRow(head as readonly (readonly CellValue[])[]);
  let width = 0;
  for (let r = 0; r < Math.min(100, grid.rowCount); r++) width = Math.max(width, rowWidth(cells, r));
  const headerCells =
    headerRow === 'none' ? undefined : isColumnar(cells) ? columnarRow(cells, headerRow) : cells[headerRow];
  const headers = makeHeaders(headerCells ?? undefined, width);
  const columns: Partial<Record<SourceRole, string>> = {};
  const names: Partial<Record<SourceRole, string>> = {};
  const indexOf: Partial<Record<SourceRole, number>> = {};
  for (const role of SOURCE_ROLES) {
    const header = table.mapping[role];
    const index = header === undefined ? -1 : headers.indexOf(header);
    if (index >= 0) {
      columns[role] = columnLetters(origin.column + index);
      names[role] = header;
      indexOf[role] = index;
    }
  }
  let formulaReady =
    source.origin !== undefined && indexOf.date !== undefined && indexOf.amount !== undefined;
  for (let i = 0; formulaReady && i < table.length; i++) {
    const r = table.sourceRow[i] - 1;
    const date = grid.cell(r, indexOf.date!);
    const amount = grid.cell(r, indexOf.amount!);
    if (!(date instanceof Date || typeof date === 'number') || typeof amount !== 'number')
      formulaReady = false;
  }
  // A table's header is its first row, so structured references fit only a detected header there.
  const structured = origin.table !== undefined && headerRow === 0;
  return {
    sheet: origin.sheet,
    firstRow: origin.row + (headerRow === 'none' ? 0 : headerRow + 1),
    lastRow: origin.row + grid.rowCount - 1,
    columns,
    formulaReady,
    numeric: numericRoles(grid, headerRow === 'none' ? 0 : headerRow + 1, indexOf),
    label,
    ...(source.date1904 ? { date1904: true } : {}),
    ...(structured ? { table: origin.table, headers: names } : {}),
  };
}
