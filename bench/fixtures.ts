/**
 * Shared, memoised bench inputs: the generated orders sheet (as Excel's 2-D values) and its
 * ingested table per row count, so cases do not regenerate a million rows each.
 */
import type { CellValue } from '../src/core/cell';
import { ingestOrders } from '../src/core/ingest';
import type { OrdersTable } from '../src/core/table';
import { generateOrders } from '../src/core/sample';
import { REGIONS } from '../src/core/sample/names';

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

const CSV_CHANNELS = ['Online', 'Store', 'Marketplace', 'Reseller'];
const DAYS = 3 * 365;

/**
 * A seeded orders CSV of `rows` lines over 2023–2025, dates in order: date, order id, customer id,
 * amount, region, rep, product, channel (as a sales export has them; every run gives the same text).
 */
export function ordersCsvText(rows: number): string {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const start = Date.UTC(2023, 0, 1);
  const lines = ['Order Date,Order ID,Customer ID,Amount,Region,Sales Rep,Product,Channel'];
  let order = 0;
  for (let i = 0; i < rows; i++) {
    if (random() < 0.6) order++;
    const day = new Date(start + Math.floor((i / rows) * DAYS) * 86_400_000).toISOString().slice(0, 10);
    const amount = (5 + random() * 495).toFixed(2);
    const customer = String(Math.floor(random() * 20_000)).padStart(5, '0');
    const region = REGIONS[Math.floor(random() * REGIONS.length)];
    const rep = 1 + Math.floor(random() * 40);
    const product = 1 + Math.floor(random() * 300);
    const channel = CSV_CHANNELS[Math.floor(random() * CSV_CHANNELS.length)];
    lines.push(
      `${day},SO-${String(order).padStart(7, '0')},CUST-${customer},${amount},${region},Rep ${rep},P${product},${channel}`,
    );
  }
  return lines.join('\n') + '\n';
}
