/**
 * The orders inside a workbook the CLI writes into (`build`, `review`): which sheet holds them,
 * the ingested table, and where each role's column sits so the dashboard's headline figures can
 * be native SUMIFS/COUNTIFS formulas over the data (an `OrdersSource`).
 */
import type ExcelJS from 'exceljs';
import type { CellValue } from '../core/cell';
import type { IngestOptions } from '../core/ingest';
import { detectHeaderRow, ingestOrders, makeHeaders } from '../core/ingest';
import type { IngestReport } from '../core/report';
import type { OrdersTable } from '../core/table';
import { columnLetters } from '../sheets/a1';
import type { OrdersSource, SourceRole } from '../sheets/sources';
import { uses1904, visibleWorksheets, worksheetRows } from '../xlsx/read-workbook';
import { CliError } from './errors';
import { SHEET_NAMES } from './load';

const SOURCE_ROLES: readonly SourceRole[] = [
  'date', 'amount', 'order_id', 'customer', 'quantity', 'product', 'category', 'region', 'rep', 'channel', 'segment',
];

export interface WorkbookOrders {
  readonly table: OrdersTable;
  readonly report: IngestReport;
  readonly sheet: string;
  /** The rows as read (header included), row i = sheet row i + 1. */
  readonly rows: CellValue[][];
  readonly source: OrdersSource;
}

/**
 * Where the orders' columns are, for native formulas. `formulaReady` only when every used row
 * has a real date (a Date or serial) and a numeric amount, so SUMIFS sees what the engine sees.
 */
export function ordersSource(sheet: string, rows: readonly (readonly CellValue[])[], table: OrdersTable, options: IngestOptions, label: string): OrdersSource {
  const headerRow = options.headerRow === 'none' ? 'none' : typeof options.headerRow === 'number' ? options.headerRow : detectHeaderRow(rows);
  const width = Math.max(0, ...rows.slice(0, 100).map((row) => row.length));
  const headers = makeHeaders(headerRow === 'none' ? undefined : rows[headerRow], width);
  const columns: Partial<Record<SourceRole, string>> = {};
  const indexOf: Partial<Record<SourceRole, number>> = {};
  for (const role of SOURCE_ROLES) {
    const header = table.mapping[role];
    const index = header === undefined ? -1 : headers.indexOf(header);
    if (index >= 0) {
      columns[role] = columnLetters(index + 1);
      indexOf[role] = index;
    }
  }
  let formulaReady = indexOf.date !== undefined && indexOf.amount !== undefined;
  for (let i = 0; formulaReady && i < table.length; i++) {
    const raw = rows[table.sourceRow[i] - 1];
    const date = raw?.[indexOf.date!];
    const amount = raw?.[indexOf.amount!];
    if (!(date instanceof Date || typeof date === 'number') || typeof amount !== 'number') formulaReady = false;
  }
  return {
    sheet,
    firstRow: (headerRow === 'none' ? 0 : headerRow + 1) + 1,
    lastRow: rows.length,
    columns,
    formulaReady,
    label,
  };
}

function fits(rows: readonly (readonly CellValue[])[], options: IngestOptions): boolean {
  return ingestOrders(rows.slice(0, 200), options).table !== null;
}

/**
 * Finds and ingests the orders of a workbook model: the named sheet, else a visible sheet named
 * like orders (Orders, Sales, Data…) that has date and amount columns, else the first that has.
 */
export function ordersInWorkbook(workbook: ExcelJS.Workbook, options: IngestOptions, label: string, sheetName?: string): WorkbookOrders {
  const date1904 = uses1904(workbook);
  let worksheet: ExcelJS.Worksheet | undefined;
  if (sheetName !== undefined) {
    worksheet = workbook.worksheets.find((ws) => ws.name.toLowerCase() === sheetName.trim().toLowerCase());
    if (!worksheet) {
      throw new CliError(`no sheet named "${sheetName}" in ${label} (sheets: ${workbook.worksheets.map((ws) => `"${ws.name}"`).join(', ')})`);
    }
  } else {
    const visible = visibleWorksheets(workbook);
    const preferred = new Set(SHEET_NAMES.orders.map((n) => n.toLowerCase()));
    const fitting = visible.filter((ws) => fits(worksheetRows(ws, date1904, 200), options));
    worksheet = fitting.find((ws) => preferred.has(ws.name.toLowerCase())) ?? fitting[0];
    if (!worksheet) {
      throw new CliError(`${label}: no sheet has date and amount columns (sheets: ${visible.map((ws) => `"${ws.name}"`).join(', ')}); name one with --sheet and map columns with --map`);
    }
  }
  const rows = worksheetRows(worksheet, date1904);
  const result = ingestOrders(rows, options);
  if (!result.table) throw new CliError(`${label} [${worksheet.name}]: ${(result.error ?? 'no usable orders').replace(/\s*\n\s*/g, ' ')}`);
  return {
    table: result.table,
    report: result.report,
    sheet: worksheet.name,
    rows,
    source: ordersSource(worksheet.name, rows, result.table, options, label),
  };
}

/**
 * The rows of a CSV as the `Data` sheet of a built workbook: dates, amounts, quantities and
 * costs of the rows ingestion used become real dates and numbers (so native formulas see them);
 * every other cell, and every skipped row, stays as the text it was. A header-less file gets a
 * header row of role names.
 */
export function typedDataRows(rows: readonly (readonly CellValue[])[], table: OrdersTable, options: IngestOptions): CellValue[][] {
  const headerRow = options.headerRow === 'none' ? 'none' : detectHeaderRow(rows);
  const width = Math.max(0, ...rows.slice(0, 100).map((row) => row.length));
  const headers = makeHeaders(headerRow === 'none' ? undefined : rows[headerRow], width);
  const index = (role: 'date' | 'amount' | 'quantity' | 'cost') => {
    const header = table.mapping[role];
    return header === undefined ? -1 : headers.indexOf(header);
  };
  const out: CellValue[][] = rows.map((row) => [...row]);
  const typed: [number, Float64Array | undefined, boolean][] = [
    [index('date'), table.date, true],
    [index('amount'), table.amount, false],
    [index('quantity'), table.quantity, false],
    [index('cost'), table.cost, false],
  ];
  for (let i = 0; i < table.length; i++) {
    const row = out[table.sourceRow[i] - 1];
    if (!row) continue;
    for (const [column, values, isDate] of typed) {
      if (column < 0 || !values || !Number.isFinite(values[i])) continue;
      row[column] = isDate ? new Date(Math.round(values[i] * 86400000)) : values[i];
    }
  }
  if (headerRow === 'none') out.unshift(headers);
  return out;
}
