/**
 * Bench case: cohort matrix (monthly) + RFM on a large orders table (issue 4 target: 1,048,576
 * orders in ≤ 400 ms together), plus the BG/NBD + Gamma-Gamma fit on CDNOW (target ≤ 1 s).
 *
 * A case is `{ name, setup(rows), run(state) }`: `setup` takes a row count (a synthetic table is
 * generated here, deterministic) or a ready `OrdersTable`; `run` does the timed work.
 * Standalone: `npx tsx bench/cases/analytics.ts [rows]` prints timings.
 */
import * as fs from 'fs';
import * as path from 'path';
import { cohortMatrix } from '../../src/core/analyses/cohorts';
import { customerSummary } from '../../src/core/analyses/customers';
import { rfm } from '../../src/core/analyses/rfm';
import { isMetricError } from '../../src/core/errors';
import { fitBgNbd } from '../../src/core/models/bgnbd';
import { fitGammaGamma } from '../../src/core/models/gamma-gamma';
import { daysFromCivil, parseDay } from '../../src/core/periods';
import type { DictColumn, OrdersTable } from '../../src/core/table';

export const DEFAULT_ROWS = 1_048_576;

/** Synthetic orders: 2 years of dates, 50,000 customers with skewed activity, 3% refunds, unique order ids. */
export function syntheticOrders(rows: number, customers = 50_000): OrdersTable {
  // mulberry32: a small PRNG whose consecutive draws are not correlated (unlike a plain LCG).
  let seed = 12345;
  const rand = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const start = daysFromCivil(2024, 1, 1);
  const date = new Float64Array(rows);
  const amount = new Float64Array(rows);
  const customerCodes = new Int32Array(rows);
  const orderCodes = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    // Squaring skews orders towards low customer codes: a few heavy buyers, many occasional ones.
    const c = Math.floor(rand() * rand() * customers);
    customerCodes[i] = c;
    date[i] = start + Math.floor(rand() * 730) + rand() * 0.99;
    const value = Math.round(rand() * 20000) / 100;
    amount[i] = rand() < 0.03 ? -value : value;
    orderCodes[i] = i;
  }
  const customer: DictColumn = { codes: customerCodes, dictionary: Array.from({ length: customers }, (_, c) => `C${c}`) };
  const orderId: DictColumn = { codes: orderCodes, dictionary: Array.from({ length: rows }, (_, i) => `O${100000 + i}`) };
  return {
    kind: 'orders', length: rows, sourceRow: Int32Array.from({ length: rows }, (_, i) => i + 2), mapping: {}, extra: {},
    date, amount, customer, orderId, dimensions: {},
  };
}

export interface AnalyticsState {
  readonly orders: OrdersTable;
  readonly asOf: number;
}

export const analyticsCase = {
  name: 'analytics: cohort matrix (month) + RFM',
  setup(rows: number | OrdersTable = DEFAULT_ROWS): AnalyticsState {
    const orders = typeof rows === 'number' ? syntheticOrders(rows) : rows;
    let last = -Infinity;
    for (let i = 0; i < orders.length; i++) if (orders.date[i] > last) last = orders.date[i];
    return { orders, asOf: Math.floor(last) };
  },
  run(state: AnalyticsState): { cohorts: number; customers: number } {
    const matrix = cohortMatrix(state.orders, { unit: 'month', asOf: state.asOf });
    const scored = rfm(state.orders, { asOf: state.asOf });
    if (isMetricError(matrix) || isMetricError(scored)) throw new Error('analytics bench: no result');
    return { cohorts: matrix.cohorts.length, customers: scored.customers.length };
  },
};

/** CDNOW (`<repo>/../shared/data/cdnow_sample.txt`) as an orders table. */
function loadCdnow(): OrdersTable {
  const file = path.resolve(__dirname, '..', '..', '..', 'shared', 'data', 'cdnow_sample.txt');
  const lines = fs.readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const ids = new Map<string, number>();
  const codes = new Int32Array(lines.length);
  const date = new Float64Array(lines.length);
  const amount = new Float64Array(lines.length);
  lines.forEach((line, i) => {
    const [id, , ymd, , dollars] = line.split(/\s+/);
    if (!ids.has(id)) ids.set(id, ids.size);
    codes[i] = ids.get(id)!;
    date[i] = daysFromCivil(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)), Number(ymd.slice(6, 8)));
    amount[i] = Number(dollars);
  });
  return {
    kind: 'orders', length: lines.length, sourceRow: Int32Array.from(lines, (_, i) => i + 1), mapping: {}, extra: {},
    date, amount, customer: { codes, dictionary: [...ids.keys()] }, dimensions: {},
  };
}

export const predictiveCase = {
  name: 'analytics: BG/NBD + Gamma-Gamma fit on CDNOW (weeks, calibration to 1997-09-30)',
  setup(): OrdersTable {
    return loadCdnow();
  },
  run(orders: OrdersTable): { r: number; alpha: number; a: number; b: number } {
    const summary = customerSummary(orders, { calibrationEnd: parseDay('1997-09-30')!, timeUnit: 'week' });
    if (isMetricError(summary)) throw new Error(summary.reason);
    const fit = fitBgNbd(summary);
    const gg = fitGammaGamma(summary);
    if (isMetricError(fit) || isMetricError(gg)) throw new Error('predictive bench: no fit');
    return { r: fit.r, alpha: fit.alpha, a: fit.a, b: fit.b };
  },
};

export default [analyticsCase, predictiveCase];

function timeIt<S, R>(label: string, setupState: S, run: (s: S) => R, repeats: number): void {
  const times: number[] = [];
  let result: R | undefined;
  for (let k = 0; k < repeats; k++) {
    const t0 = performance.now();
    result = run(setupState);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: min ${times[0].toFixed(1)} ms, median ${times[times.length >> 1].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`, JSON.stringify(result));
}

if (require.main === module) {
  const rows = Number(process.argv[2] ?? DEFAULT_ROWS);
  const state = analyticsCase.setup(rows);
  timeIt(`${analyticsCase.name} (${rows} rows)`, state, analyticsCase.run, 7);
  const cdnow = predictiveCase.setup();
  const t0 = performance.now();
  predictiveCase.run(cdnow);
  console.log(`${predictiveCase.name}: cold ${(performance.now() - t0).toFixed(1)} ms`);
  timeIt(predictiveCase.name, cdnow, predictiveCase.run, 5);
}
