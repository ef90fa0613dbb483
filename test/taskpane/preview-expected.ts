/**
 * The preview sample's headline KPIs worked out from the raw cells, without the ingest or metrics
 * code: rows whose date or amount is not a number are left out, Excel serials become UTC dates,
 * and the definitions of docs/metrics.md are applied by hand (orders and customers count purchase lines only).
 */
import { PREVIEW_ORDERS } from '../../src/taskpane/preview-sample';

const EXCEL_EPOCH_OFFSET = 25569; // serial of 1970-01-01

export interface MonthFigures {
  readonly revenue: number;
  readonly orders: number;
  readonly aov: number;
  readonly customers: number;
}

function monthKey(serial: number): string {
  return new Date((serial - EXCEL_EPOCH_OFFSET) * 86_400_000).toISOString().slice(0, 7);
}

const usable = PREVIEW_ORDERS.slice(1).filter(
  (row) => typeof row[1] === 'number' && typeof row[5] === 'number',
);

function dayOfMonth(serial: number): number {
  return new Date((serial - EXCEL_EPOCH_OFFSET) * 86_400_000).getUTCDate();
}

/** A month's figures, up to a day of the month when given (like for like with a partial month). */
function figures(month: string, upToDay = 31): MonthFigures {
  const rows = usable.filter(
    (row) => monthKey(row[1] as number) === month && dayOfMonth(row[1] as number) <= upToDay,
  );
  const revenue = rows.reduce((sum, row) => sum + (row[5] as number), 0);
  const purchases = rows.filter((row) => (row[5] as number) >= 0);
  const orders = new Set(purchases.map((row) => row[0])).size;
  const customers = new Set(purchases.map((row) => row[2])).size;
  return { revenue, orders, aov: revenue / orders, customers };
}

const latest = Math.max(...usable.map((row) => row[1] as number));
const [year, month] = monthKey(latest).split('-').map(Number);
const previousMonth = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;

export const EXPECTED = {
  rowsRead: PREVIEW_ORDERS.length - 1,
  rowsUsed: usable.length,
  latestSerial: latest,
  month: monthKey(latest),
  previousMonth,
  current: figures(monthKey(latest)),
  // The same days of the month before: the latest month is counted up to its latest order.
  previous: figures(previousMonth, dayOfMonth(latest)),
};
