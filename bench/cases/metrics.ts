/**
 * Bench cases for issue 3: ingestion from the 2-D values array, the full monthly metric suite
 * (every orders metric × every month of the data) and breakdowns by four dimensions, on the
 * sample generator's orders. Targets at 1,048,576 rows: ingestion ≤ 600 ms; suite + 4 breakdowns
 * ≤ 400 ms.
 *
 * The engine caches per-table preparation (a WeakMap keyed by the table), so each timed run works
 * on a fresh shallow copy of the table: every run is a cold computation, as after a refresh.
 */
import type { BenchCase } from '../case';
import { lastDay, ordersCsvText, ordersTable, ordersValues, releaseValues } from '../fixtures';
import type { CellValue } from '../../src/core/cell';
import { ingestOrders } from '../../src/core/ingest';
import { computeSuite, ORDER_METRIC_IDS } from '../../src/core/metrics';
import type { MetricInputs } from '../../src/core/metrics';
import type { Period } from '../../src/core/periods';
import { periodOf, periodsBetween } from '../../src/core/periods';
import { breakdown } from '../../src/core/analyses/breakdown';
import type { OrdersTable } from '../../src/core/table';
import { parseCsv } from '../../src/xlsx/read-csv';
import { parseCsvColumns } from '../../src/xlsx/read-csv-columns';

export const BREAKDOWN_DIMENSIONS = ['region', 'rep', 'product', 'channel'] as const;

interface TableState {
  readonly table: OrdersTable;
  readonly asOf: number;
  readonly months: Period[];
}

function tableState(rows: number): TableState {
  const table = ordersTable(rows);
  releaseValues();
  const asOf = lastDay(table);
  let first = Infinity;
  for (let i = 0; i < table.length; i++) if (table.date[i] < first) first = table.date[i];
  return { table, asOf, months: periodsBetween(Math.floor(first), asOf + 1, 'month') };
}

function suite(state: TableState) {
  const inputs: MetricInputs = { orders: { ...state.table } };
  const result = computeSuite(inputs, ORDER_METRIC_IDS, state.months, { asOf: state.asOf });
  return { inputs, cells: result.values.length * result.ids.length };
}

function breakdowns(inputs: MetricInputs, asOf: number) {
  const period = periodOf(asOf, 'month');
  return BREAKDOWN_DIMENSIONS.map(
    (dimension) => breakdown(inputs, { dimension, period, asOf, top: 10 }).rows.length,
  );
}

export const ingestCase: BenchCase<CellValue[][]> = {
  name: 'ingest: orders from the 2-D values array',
  targetMs: 600,
  setup: (rows) => ordersValues(rows),
  run: (values) => ingestOrders(values).report.rowsUsed,
};

/** The CSV's rows as the row route reads them (one array of strings per line). */
export const csvRowsIngestCase: BenchCase<string[][]> = {
  name: 'ingest: orders from a CSV read as rows of strings',
  setup: (rows) => parseCsv(ordersCsvText(rows), { delimiter: ',' }).rows,
  run: (values) => ingestOrders(values, { delimiter: ',' }).report.rowsUsed,
};

/** The same CSV read into columns (codes + distinct values): what the command line ingests. */
export const csvColumnsIngestCase: BenchCase<ReturnType<typeof parseCsvColumns>['cells']> = {
  name: 'ingest: orders from a CSV read into columns',
  peer: 'ingest: orders from a CSV read as rows of strings',
  setup: (rows) => parseCsvColumns(ordersCsvText(rows), { delimiter: ',' }).cells,
  run: (cells) => ingestOrders(cells, { delimiter: ',' }).report.rowsUsed,
};

/** Parsing the CSV text: rows of strings (the text route). */
export const csvRowsParseCase: BenchCase<string> = {
  name: 'read: CSV text to rows of strings',
  setup: (rows) => ordersCsvText(rows),
  run: (text) => parseCsv(text, { delimiter: ',' }).rows.length,
};

/** Parsing the same CSV's bytes into columns. */
export const csvColumnsParseCase: BenchCase<Buffer> = {
  name: 'read: CSV bytes to columns',
  peer: 'read: CSV text to rows of strings',
  setup: (rows) => Buffer.from(ordersCsvText(rows), 'utf8'),
  run: (bytes) => parseCsvColumns(bytes, { delimiter: ',' }).cells.rowCount,
};

export const suiteCase: BenchCase<TableState> = {
  name: 'metrics: monthly suite (17 orders metrics × all months)',
  setup: tableState,
  run: (state) => suite(state).cells,
};

export const breakdownCase: BenchCase<TableState> = {
  name: 'breakdowns: region, rep, product, channel (latest month, top 10)',
  setup: tableState,
  run: (state) => breakdowns({ orders: { ...state.table } }, state.asOf),
};

export const suiteAndBreakdownsCase: BenchCase<TableState> = {
  name: 'metrics: monthly suite + 4 breakdowns',
  targetMs: 400,
  setup: tableState,
  run: (state) => {
    const { inputs, cells } = suite(state);
    return { cells, rows: breakdowns(inputs, state.asOf) };
  },
};
