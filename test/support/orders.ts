/**
 * Builds columnar `OrdersTable`s from readable rows, for tests of anything that computes on orders.
 * Text columns become dictionary columns (codes in order of first appearance; `-1` when absent).
 */
import { parseDay } from '../../src/core/periods';
import type { DictColumn, OrderDimension, OrdersTable } from '../../src/core/table';

export interface OrderRow {
  /** `YYYY-MM-DD`, or an epoch day number (fractions are times of day). */
  date: string | number;
  amount: number;
  customer?: string;
  orderId?: string;
  quantity?: number;
  cost?: number;
  region?: string;
  rep?: string;
  product?: string;
  category?: string;
  channel?: string;
  segment?: string;
}

const DIMENSIONS: readonly OrderDimension[] = ['product', 'category', 'region', 'rep', 'channel', 'segment'];

/** A dictionary column from optional strings. */
export function dictColumn(values: readonly (string | undefined)[]): DictColumn {
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(values.length);
  values.forEach((value, i) => {
    if (value === undefined) {
      codes[i] = -1;
      return;
    }
    let code = index.get(value);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(value);
      index.set(value, code);
    }
    codes[i] = code;
  });
  return { codes, dictionary };
}

function epochDay(date: string | number): number {
  if (typeof date === 'number') return date;
  const day = parseDay(date);
  if (day === null) throw new Error(`makeOrders: not a YYYY-MM-DD date: ${date}`);
  return day;
}

/**
 * An orders table from rows; a column exists only when some row has a value for it.
 * @example makeOrders([{ date: '2026-01-05', amount: 120, customer: 'A' }])
 */
export function makeOrders(rows: readonly OrderRow[]): OrdersTable {
  const has = (key: keyof OrderRow) => rows.some((row) => row[key] !== undefined);
  const numbers = (key: 'quantity' | 'cost') => Float64Array.from(rows, (row) => row[key] ?? NaN);
  const texts = (key: keyof OrderRow) => dictColumn(rows.map((row) => row[key] as string | undefined));
  const dimensions: Partial<Record<OrderDimension, DictColumn>> = {};
  for (const dimension of DIMENSIONS) if (has(dimension)) dimensions[dimension] = texts(dimension);
  return {
    kind: 'orders',
    length: rows.length,
    sourceRow: Int32Array.from(rows, (_, i) => i + 2),
    mapping: {},
    extra: {},
    date: Float64Array.from(rows, (row) => epochDay(row.date)),
    amount: Float64Array.from(rows, (row) => row.amount),
    ...(has('customer') ? { customer: texts('customer') } : {}),
    ...(has('orderId') ? { orderId: texts('orderId') } : {}),
    ...(has('quantity') ? { quantity: numbers('quantity') } : {}),
    ...(has('cost') ? { cost: numbers('cost') } : {}),
    dimensions,
  };
}
