/**
 * Shared, memoised bench inputs: the generated orders sheet (as Excel's 2-D values) and its
 * ingested table per row count, so cases do not regenerate a million rows each.
 */
import type { CellValue } from '../src/core/cell';
import { ingestOrders } from '../src/core/ingest';
import type { OrdersTable } from '../src/core/table';
import { generateOrders } from '../src/core/sample';

const values = new Map<number, CellValue[][]>();
const tables = new Map<number, OrdersTable>();
let currentRows = -1;

/** One size alive at a time keeps the heap figures honest. */
function useSize(rows: number): void {
  if (rows === currentRows) return;
  values.clear();
  tables.clear();
  currentRows = rows;
}

/** Header + `rows` order lines from the sample generator (seed 42, 2023–2025). */
export function ordersValues(rows: number): CellValue[][] {
  useSize(rows);
  let v = values.get(rows);
  if (!v) {
    v = generateOrders({ rows, seed: 42, startYear: 2023, years: 3 });
    values.set(rows, v);
  }
  return v;
}

/** The ingested orders table of `ordersValues(rows)`. */
export function ordersTable(rows: number): OrdersTable {
  useSize(rows);
  let t = tables.get(rows);
  if (!t) {
    const result = ingestOrders(ordersValues(rows));
    if (!result.table) throw new Error(`bench: ingestion failed: ${result.error}`);
    t = result.table;
    tables.set(rows, t);
  }
  return t;
}

/**
 * Drops the memoised 2-D values (tables stay): metric cases then measure with the table alone in
 * the heap, as after ingestion in the add-in, instead of paying for collections that walk a
 * million row arrays they never touch.
 */
export function releaseValues(): void {
  values.clear();
}

/** The last order day of a table (the bench's as-of date). */
export function lastDay(table: OrdersTable): number {
  let last = -Infinity;
  for (let i = 0; i < table.length; i++) if (table.date[i] > last) last = table.date[i];
  return Math.floor(last);
}
