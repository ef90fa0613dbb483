/**
 * Bench cases for issue 4: the monthly cohort matrix + RFM on the sample generator's orders
 * (target at 1,048,576 rows: ≤ 400 ms together), and the BG/NBD + Gamma-Gamma fits on CDNOW with
 * calibration to 1997-09-30 in weeks (target ≤ 1 s; a fixed-size case).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { BenchCase } from '../case';
import { lastDay, ordersTable } from '../fixtures';
import { cohortMatrix } from '../../src/core/analyses/cohorts';
import { customerSummary } from '../../src/core/analyses/customers';
import { rfm } from '../../src/core/analyses/rfm';
import { isMetricError } from '../../src/core/errors';
import { fitBgNbd } from '../../src/core/models/bgnbd';
import { fitGammaGamma } from '../../src/core/models/gamma-gamma';
import { daysFromCivil, parseDay } from '../../src/core/periods';
import type { OrdersTable } from '../../src/core/table';

interface AnalyticsState {
  readonly orders: OrdersTable;
  readonly asOf: number;
}

export const cohortsAndRfm: BenchCase<AnalyticsState> = {
  name: 'analytics: cohort matrix (month) + RFM',
  targetMs: 400,
  setup: (rows) => {
    const orders = ordersTable(rows);
    return { orders, asOf: lastDay(orders) };
  },
  run: (state) => {
    const matrix = cohortMatrix(state.orders, { unit: 'month', asOf: state.asOf });
    const scored = rfm(state.orders, { asOf: state.asOf });
    if (isMetricError(matrix) || isMetricError(scored)) throw new Error('analytics bench: no result');
    return { cohorts: matrix.cohorts.length, customers: scored.customers.length };
  },
};

/** CDNOW (`<repo>/../shared/data/cdnow_sample.txt`: customer, sample, yyyymmdd, CDs, dollars). */
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

export const predictiveFits: BenchCase<OrdersTable> = {
  name: 'analytics: BG/NBD + Gamma-Gamma fits on CDNOW (weeks, calibration to 1997-09-30)',
  targetMs: 1000,
  setup: () => loadCdnow(),
  run: (orders) => {
    const summary = customerSummary(orders, { calibrationEnd: parseDay('1997-09-30')!, timeUnit: 'week' });
    if (isMetricError(summary)) throw new Error(summary.reason);
    const fit = fitBgNbd(summary);
    const gg = fitGammaGamma(summary);
    if (isMetricError(fit) || isMetricError(gg)) throw new Error('predictive bench: no fit');
    return { r: fit.r, alpha: fit.alpha, a: fit.a, b: fit.b, p: gg.p, q: gg.q, v: gg.v };
  },
};
