import { readFileSync } from 'fs';
import { join } from 'path';
import { col, expectExcelError, serial } from './setup';
import { IMPLEMENTATIONS as F } from '../../src/functions/registry';
import { computeMetric } from '../../src/core/metrics';
import { periodOf } from '../../src/core/periods';
import type { OrdersTable } from '../../src/core/table';

// 2026-01-05 a 100 | 2026-01-20 b 50 | 2026-02-03 a 70 | 2026-02-10 c 30 | 2026-02-11 c −10 (a refund)
const D = col(serial('2026-01-05'), serial('2026-01-20'), serial('2026-02-03'), serial('2026-02-10'), serial('2026-02-11'));
const C = col('a', 'b', 'a', 'c', 'c');
const A = col(100, 50, 70, 30, -10);

describe('SALES.METRIC', () => {
  it('computes catalogue metrics by id, label or short name (refunds are never orders)', () => {
    expect(F.METRIC('revenue', D, A, null, 'month', null)).toBe(90);
    expect(F.METRIC('orders', D, A, null, 'month', null)).toBe(2);
    expect(F.METRIC('AOV', D, A, null, 'month', null)).toBe(45);
    expect(F.METRIC('Average order value', D, A, null, 'month', null)).toBe(45);
    expect(F.METRIC('customers', D, A, C, 'month', null)).toBe(2);
    expect(F.METRIC('retensi', D, A, C, 'bulan', null)).toBe(0.5);
    // c's refund is not a second order, so only a repeats in February.
    expect(F.METRIC('repeat_rate', D, A, C, 'month', null)).toBe(0.5);
    expect(F.METRIC('revenue', D, A, null, null, null)).toBe(240);
    expect(F.METRIC('revenue', D, A, null, 'month', serial('2026-01-31'))).toBe(150);
  });

  it('agrees with the engine on real data (CDNOW, quarters)', () => {
    const rows = readFileSync(join(__dirname, '../../../shared/data/cdnow_sample.txt'), 'utf8').trim().split('\n')
      .map((l) => l.trim().split(/\s+/));
    const days = rows.map((r) => Date.UTC(+r[2].slice(0, 4), +r[2].slice(4, 6) - 1, +r[2].slice(6)) / 86400000);
    const dates = days.map((d) => [d + 25569]);
    const amounts = rows.map((r) => [Number(r[4])]);
    const customers = rows.map((r) => [r[0]]);
    const dictionary = [...new Set(rows.map((r) => r[0]))];
    const orders: OrdersTable = {
      kind: 'orders', length: rows.length, sourceRow: new Int32Array(rows.length), mapping: {}, extra: {}, dimensions: {},
      date: Float64Array.from(days), amount: Float64Array.from(rows.map((r) => Number(r[4]))),
      customer: { codes: Int32Array.from(rows.map((r) => dictionary.indexOf(r[0]))), dictionary },
    };
    const asOf = Date.UTC(1998, 1, 15) / 86400000;
    for (const id of ['revenue', 'aov', 'customers', 'new_customers', 'retention_rate', 'purchase_frequency'] as const) {
      const expected = computeMetric(id, { orders }, periodOf(asOf, 'quarter'), { asOf }) as number;
      expect(F.METRIC(id, dates, amounts, customers, 'quarter', asOf + 25569)).toBeCloseTo(expected, 9);
    }
    // SALES.REVENUE adds up in one pass of its own: the same as the engine, per period and overall.
    for (const unit of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      const expected = computeMetric('revenue', { orders }, periodOf(asOf, unit), { asOf }) as number;
      expect(F.REVENUE(dates, amounts, unit, asOf + 25569)).toBeCloseTo(expected, 6);
    }
    expect(F.REVENUE(dates, amounts, null, null)).toBeCloseTo(F.METRIC('revenue', dates, amounts, null, null, null), 6);
  });

  it('says which argument is wrong', () => {
    expectExcelError(() => F.METRIC('profit', D, A, null, null, null), '#VALUE!', "metricId: 'profit' is not a metric");
    expectExcelError(() => F.METRIC('win_rate', D, A, null, null, null), '#VALUE!', 'pipeline');
    expectExcelError(() => F.METRIC('customers', D, A, null, null, null), '#VALUE!', 'customers');
    expectExcelError(() => F.METRIC('revenue', D, col(1), null, null, null), '#VALUE!', 'dates has 5 rows but amounts has 1');
    expectExcelError(() => F.METRIC('aov', D, A, null, 'month', serial('2025-06-01')), '#DIV/0!');
    expectExcelError(() => F.METRIC('revenue', col(), col(), null, null, null), '#N/A');
  });
});
