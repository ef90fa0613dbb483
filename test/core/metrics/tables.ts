/**
 * Builds small tables for tests straight from typed values (no ingestion involved).
 */
import { parseDay } from '../../../src/core/periods';
import type { DictColumn, OrderDimension, OrdersTable, PipelineTable, SpendTable } from '../../../src/core/table';
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
    mapping: { created: 'Created', status: 'Status', ...(rows.closed ? { closed: 'Closed' } : {}), ...(rows.value ? { value: 'Value' } : {}) },
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
