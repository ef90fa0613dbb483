/**
 * Builds small tables for tests straight from typed values (no ingestion involved).
 */
import fc from 'fast-check';
import { parseDay, periodAt } from '../../../src/core/periods';
import type {
  DictColumn,
  OrderDimension,
  OrdersTable,
  PipelineTable,
  SpendTable,
} from '../../../src/core/table';
import { STATUS_CODE } from '../../../src/core/table';

export function day(text: string): number {
  const d = parseDay(text);
  if (d === null) throw new Error(`bad day ${text}`);
  return d;
}

export function dict(values: readonly (string | null | undefined)[]): DictColumn {
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(values.length);
  values.forEach((v, i) => {
    if (v === null || v === undefined || v === '') {
      codes[i] = -1;
      return;
    }
    let code = index.get(v);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(v);
      index.set(v, code);
    }
    codes[i] = code;
  });
  return { codes, dictionary };
}

export interface OrderRows {
  date: (string | number)[];
  amount: number[];
  customer?: (string | null)[];
  orderId?: (string | null)[];
  quantity?: number[];
  cost?: number[];
  dims?: Partial<Record<OrderDimension, (string | null)[]>>;
  extra?: Record<string, (string | null)[]>;
}

export function ordersTable(rows: OrderRows): OrdersTable {
  const n = rows.date.length;
  const dimensions: Partial<Record<OrderDimension, DictColumn>> = {};
  for (const [k, v] of Object.entries(rows.dims ?? {})) dimensions[k as OrderDimension] = dict(v!);
  return {
    kind: 'orders',
    length: n,
    sourceRow: Int32Array.from({ length: n }, (_, i) => i + 2),
    mapping: { date: 'Date', amount: 'Amount', ...(rows.customer ? { customer: 'Customer' } : {}) },
    extra: Object.fromEntries(Object.entries(rows.extra ?? {}).map(([k, v]) => [k, dict(v)])),
    date: Float64Array.from(rows.date, (d) => (typeof d === 'number' ? d : day(d))),
    amount: Float64Array.from(rows.amount),
    customer: rows.customer ? dict(rows.customer) : undefined,
    orderId: rows.orderId ? dict(rows.orderId) : undefined,
    quantity: rows.quantity ? Float64Array.from(rows.quantity) : undefined,
    cost: rows.cost ? Float64Array.from(rows.cost) : undefined,
    dimensions,
  };
}

export interface PipelineRows {
  created: string[];
  status: ('won' | 'lost' | 'open')[];
  closed?: (string | null)[];
  value?: number[];
  rep?: (string | null)[];
}

export function pipelineTable(rows: PipelineRows): PipelineTable {
  const n = rows.created.length;
  return {
    kind: 'pipeline',
    length: n,
    sourceRow: Int32Array.from({ length: n }, (_, i) => i + 2),
    mapping: {
      created: 'Created',
      status: 'Status',
      ...(rows.closed ? { closed: 'Closed' } : {}),
      ...(rows.value ? { value: 'Value' } : {}),
    },
    extra: {},
    created: Float64Array.from(rows.created, day),
    status: Uint8Array.from(rows.status, (s) => STATUS_CODE[s]),
    closed: Float64Array.from(rows.closed ?? rows.created.map(() => null), (d) => (d ? day(d) : NaN)),
    value: rows.value ? Float64Array.from(rows.value) : undefined,
    rep: rows.rep ? dict(rows.rep) : undefined,
  };
}

export function spendTable(rows: { date: string[]; spend: number[]; channel?: string[] }): SpendTable {
  const n = rows.date.length;
  return {
    kind: 'spend',
    length: n,
    sourceRow: Int32Array.from({ length: n }, (_, i) => i + 2),
    mapping: { date: 'Month', spend: 'Spend' },
    extra: {},
    date: Float64Array.from(rows.date, day),
    spend: Float64Array.from(rows.spend),
    channel: rows.channel ? dict(rows.channel) : undefined,
  };
}

/** The first half of 2024 by month, as of its last day: the span the random tables below cover. */
export const HALF_YEAR = {
  start: day('2024-01-01'),
  months: [0, 1, 2, 3, 4, 5].map((k) => periodAt(2024 * 12 + k, 'month')),
  asOf: day('2024-06-30'),
};

/** An order line of a random table: its day (from the half year's start), amount, customer, order and region. */
export interface RandomRow {
  readonly offset: number;
  readonly amount: number;
  readonly customer: string | null;
  readonly order: number;
  readonly region: string | null;
  readonly quantity?: number;
}

/**
 * Random order lines over the half year: five customers and 41 orders (both sometimes blank), a
 * region, amounts from `minAmount` (refunds when negative), and a quantity when asked for.
 */
export function randomRow(
  options: { minAmount?: number; regions?: readonly (string | null)[]; quantity?: boolean } = {},
): fc.Arbitrary<RandomRow> {
  const { minAmount = -50, regions = ['North', 'South', null], quantity = false } = options;
  return fc.record({
    offset: fc.integer({ min: 0, max: 181 }),
    amount: fc.integer({ min: minAmount, max: 500 }),
    customer: fc.constantFrom('a', 'b', 'c', 'd', 'e', null),
    order: fc.integer({ min: 0, max: 40 }),
    region: fc.constantFrom(...regions),
    ...(quantity ? { quantity: fc.integer({ min: -2, max: 5 }) } : {}),
  });
}

/** The orders table of random lines (order ids `o0`, `o1`…; quantities when `quantity`). */
export function tableOfRows(rows: readonly RandomRow[], quantity = false): OrdersTable {
  return ordersTable({
    date: rows.map((r) => HALF_YEAR.start + r.offset),
    amount: rows.map((r) => r.amount),
    customer: rows.map((r) => r.customer),
    orderId: rows.map((r) => `o${r.order}`),
    ...(quantity ? { quantity: rows.map((r) => r.quantity ?? 0) } : {}),
    dims: { region: rows.map((r) => r.region) },
  });
}
