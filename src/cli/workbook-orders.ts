/**
 * The orders inside a workbook the CLI writes into (`build`, `review`): which sheet holds them,
 * the ingested table, and where each role's column sits so the dashboard's headline figures can
 * be native SUMIFS/COUNTIFS formulas over the data (an `OrdersSource`).
 */
import type ExcelJS from 'exceljs';
import { basename, resolve } from 'node:path';
import type { CellValue } from '../core/cell';
import type { Currency } from '../core/currency';
import { detectCurrency } from '../core/currency';
import type { IngestOptions, IngestResult } from '../core/ingest';
import { detectHeaderRow, ingestOrders, ingestTable, makeHeaders } from '../core/ingest';
import type { IngestReport } from '../core/report';
import type { OrdersTable, SalesTable, TableKind } from '../core/table';
import { REQUIRED_ROLES } from '../core/table';
import { columnLetters } from '../sheets/a1';
import type { OrdersSource, SourceRole } from '../sheets/sources';
import { SOURCE_ROLES } from '../sheets/sources';
import { uses1904, worksheetRows } from '../xlsx/read-workbook';
import type { XlsxSheet } from '../xlsx/read-xlsx';
import { CliError } from './errors';
import { ingestFailure, SHEET_NAMES } from './load';

/** A worksheet the tables are looked for in: from a workbook model or read by streaming. */
export interface SheetSource {
  readonly name: string;
  /** `visible`, `hidden` or `veryHidden`. */
  readonly state: string;
  /** The sheet's rows as `CellValue`s (at most `limit` from the top). */
  rows(limit?: number): CellValue[][];
}

/** The sheets of a workbook: a model, or sheets read by streaming (`readXlsxSheets`). */
export type OpenSheets = ExcelJS.Workbook | readonly SheetSource[];

/** The worksheets of a workbook model as `SheetSource`s, in workbook order. */
export function sheetsOfWorkbook(workbook: ExcelJS.Workbook): SheetSource[] {
  const date1904 = uses1904(workbook);
  return workbook.worksheets.map((ws) => ({
    name: ws.name,
    state: ws.state ?? 'visible',
    rows: (limit?: number) => worksheetRows(ws, date1904, limit),
  }));
}

/** Streamed sheets as `SheetSource`s (trailing empty rows dropped, as a workbook model does). */
export function sheetsOfRows(sheets: readonly XlsxSheet[]): SheetSource[] {
  return sheets.map((sheet) => {
    const rows = sheet.rows;
    let end = rows.length;
    while (end > 0 && rows[end - 1].every((cell) => cell === null)) end--;
    const all = end === rows.length ? rows : rows.slice(0, end);
    return {
      name: sheet.name,
      state: sheet.state,
      rows: (limit?: number) => (limit === undefined || limit >= all.length ? all : all.slice(0, limit)),
    };
  });
}

function sourcesOf(open: OpenSheets): readonly SheetSource[] {
  return Array.isArray(open) ? (open as readonly SheetSource[]) : sheetsOfWorkbook(open as ExcelJS.Workbook);
}

export interface WorkbookOrders {
  readonly table: OrdersTable;
  readonly report: IngestReport;
  readonly sheet: string;
  /** The rows as read (header included), row i = sheet row i + 1. */
  readonly rows: CellValue[][];
  readonly source: OrdersSource;
  /** The currency the data is written in (or suggests by its Indonesian headers), if any. */
  readonly currency?: Currency;
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
 * has a real date (a Date or serial) and a numeric amount, so SUMIFS sees what the engine sees.
 */
export function ordersSource(
  sheet: string,
  rows: readonly (readonly CellValue[])[],
  table: OrdersTable,
  options: IngestOptions,
  label: string,
): OrdersSource {
  const headerRow =
    options.headerRow === 'none'
      ? 'none'
      : typeof options.headerRow === 'number'
        ? options.headerRow
        : detectHeaderRow(rows);
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
    if (!(date instanceof Date || typeof date === 'number') || typeof amount !== 'number')
      formulaReady = false;
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

function fits(kind: TableKind, rows: readonly (readonly CellValue[])[], options: IngestOptions): boolean {
  return ingestTable(kind, rows.slice(0, 200), options).table !== null;
}

/**
 * The worksheet holding a table: the named sheet, else a visible sheet named like the table
 * (Orders, Sales, Data… / Pipeline… / Spend… / Targets…) that has its required columns, else the
 * first visible sheet that has them.
 */
function findSheet(
  kind: TableKind,
  open: OpenSheets,
  options: IngestOptions,
  label: string,
  sheetName?: string,
): SheetSource {
  const sheets = sourcesOf(open);
  if (sheetName !== undefined) {
    const named = sheets.find((ws) => ws.name.toLowerCase() === sheetName.trim().toLowerCase());
    if (!named)
      throw new CliError(
        `no sheet named "${sheetName}" in ${label} (sheets: ${sheets.map((ws) => `"${ws.name}"`).join(', ')})`,
      );
    return named;
  }
  const visible = sheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden');
  const preferred = new Set(SHEET_NAMES[kind].map((n) => n.toLowerCase()));
  const fitting = visible.filter((ws) => fits(kind, ws.rows(200), options));
  const found = fitting.find((ws) => preferred.has(ws.name.toLowerCase())) ?? fitting[0];
  if (!found) {
    throw new CliError(
      `${label}: no sheet has the ${kind} table's required columns (${REQUIRED_ROLES[kind].join(', ')}; sheets: ` +
        `${visible.map((ws) => `"${ws.name}"`).join(', ')}); name one with --sheet and map columns with --map`,
    );
  }
  return found;
}

/**
 * A side table (pipeline, spend, targets) from a workbook that is already open, so a file given
 * both as the input and as `--targets` is not read twice.
 */
export function tableInWorkbook<K extends 'pipeline' | 'spend' | 'targets'>(
  kind: K,
  workbook: OpenSheets,
  options: IngestOptions,
  label: string,
): { table: Extract<SalesTable, { kind: K }>; report: IngestReport; sheet: string } {
  const worksheet = findSheet(kind, workbook, options, label);
  const result = ingestTable(kind, worksheet.rows(), options);
  if (!result.table)
    throw new CliError(`${label} [${worksheet.name}]: ${ingestFailure(result, `no usable ${kind} rows`)}`);
  return {
    table: result.table as Extract<SalesTable, { kind: K }>,
    report: result.report,
    sheet: worksheet.name,
  };
}

/**
 * Finds and ingests the orders of a workbook model (see `findSheet`), with the `OrdersSource`
 * that lets the dashboard use native formulas over them.
 */
export function ordersInWorkbook(
  workbook: OpenSheets,
  options: IngestOptions,
  label: string,
  sheetName?: string,
): WorkbookOrders {
  const worksheet = findSheet('orders', workbook, options, label, sheetName);
  const rows = worksheet.rows();
  const result = ingestOrders(rows, options);
  if (!result.table)
    throw new CliError(`${label} [${worksheet.name}]: ${ingestFailure(result, 'no usable orders')}`);
  return {
    table: result.table,
    report: result.report,
    sheet: worksheet.name,
    rows,
    source: ordersSource(worksheet.name, rows, result.table, options, label),
    ...(currencyOfTable(result) ? { currency: currencyOfTable(result) } : {}),
  };
}

/**
 * The rows of a CSV as the `Data` sheet of a built workbook: dates, amounts, quantities and
 * costs of the rows ingestion used become real dates and numbers (so native formulas see them);
 * every other cell, and every skipped row, stays as the text it was. A header-less file gets a
 * header row of role names.
 */
export function typedDataRows(
  rows: readonly (readonly CellValue[])[],
  table: OrdersTable,
  options: IngestOptions,
): CellValue[][] {
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

/**
 * Loads a side table: from the open workbook when `path` is the workbook itself, else from its
 * file. Resolves to the table and where it came from.
 */
export async function sideTable<K extends 'pipeline' | 'spend' | 'targets'>(
  kind: K,
  path: string | undefined,
  open: { readonly workbook: OpenSheets; readonly path: string } | undefined,
  load: (kind: K, path: string) => Promise<{ table: Extract<SalesTable, { kind: K }> }>,
  optionsFor: (kind: K) => IngestOptions,
  cwd: string,
): Promise<Extract<SalesTable, { kind: K }> | undefined> {
  if (path === undefined) return undefined;
  if (open && resolve(cwd, path) === open.path)
    return tableInWorkbook(kind, open.workbook, optionsFor(kind), basename(open.path)).table;
  return (await load(kind, path)).table;
}
