/**
 * No plan ever holds a number that is not finite (a workbook cannot store NaN or Infinity: other
 * programs refuse such a file), and every formula carries its cached result, whatever the data:
 * empty weeks, one order, all-zero amounts, refunds only, data ending years before the as-of day.
 */
import fc from 'fast-check';
import { ingestOrders } from '../../src/core/ingest';
import { daysFromCivil } from '../../src/core/periods';
import type { OrdersTable } from '../../src/core/table';
import { buildDashboardPlan } from '../../src/sheets/dashboard';
import { buildReviewPlan } from '../../src/sheets/review';
import { configSheetPlan, defaultConfig } from '../../src/sheets/config';
import { guardPlan, type SheetPlan } from '../../src/sheets/plan';
import type { OrdersSource } from '../../src/sheets/sources';

const AS_OF = daysFromCivil(2026, 12, 5);

const row = (spanDays: number, endOffset: number) =>
  fc.record({
    day: fc.integer({ min: AS_OF - endOffset - spanDays, max: AS_OF - endOffset }),
    customer: fc.constantFrom('A', 'B', 'C', 'D', null),
    amount: fc.oneof(fc.constant(0), fc.integer({ min: -500, max: 5000 }), fc.double({ min: -100, max: 1000, noNaN: true })),
    region: fc.constantFrom('North', 'South', null),
    rep: fc.constantFrom('Ani', 'Budi', 'Citra'),
    order: fc.integer({ min: 1, max: 40 }),
    quantity: fc.oneof(fc.constant(null), fc.integer({ min: -3, max: 20 })),
    cost: fc.oneof(fc.constant(null), fc.constant(0), fc.double({ min: -50, max: 800, noNaN: true })),
  });

/** Data sets of the shapes that broke sheets before: recent, ending long ago, one row, all zero. */
const dataSets = fc.oneof(
  fc.array(row(60, 0), { minLength: 1, maxLength: 60 }),
  fc.array(row(400, 0), { minLength: 1, maxLength: 80 }),
  fc.array(row(30, 3 * 365), { minLength: 1, maxLength: 30 }),
  row(10, 0).map((r) => [r]),
  fc.array(row(20, 0).map((r) => ({ ...r, amount: 0 })), { minLength: 1, maxLength: 20 }),
  fc.array(row(20, 7).map((r) => ({ ...r, amount: -Math.abs(r.amount) - 1 })), { minLength: 1, maxLength: 20 }),
);

function problems(plan: SheetPlan): string[] {
  const out: string[] = [];
  for (const cell of plan.cells) {
    for (const v of [cell.value, cell.result]) if (typeof v === 'number' && !Number.isFinite(v)) out.push(`${cell.ref}: ${v}`);
    if (cell.formula !== undefined && cell.result === undefined) out.push(`${cell.ref}: formula without a cached result`);
  }
  for (const cf of plan.conditionalFormats) {
    if (cf.type === 'dataBar' && cf.scale && !(Number.isFinite(cf.scale.min) && Number.isFinite(cf.scale.max)))
      out.push(`${cf.ref}: bar scale ${cf.scale.min}..${cf.scale.max}`);
    if (cf.type === 'iconSet' && !cf.thresholds.every(Number.isFinite)) out.push(`${cf.ref}: icon thresholds`);
  }
  if (JSON.stringify(plan).includes('null,"result"')) out.push('a result serialised as null');
  return out;
}

describe('every plan builder with random data', () => {
  it('writes only finite numbers and a cached result for every formula', () => {
    let built = 0;
    fc.assert(
      fc.property(dataSets, fc.boolean(), fc.boolean(), fc.constantFrom('month', 'week', 'quarter') as fc.Arbitrary<'month' | 'week' | 'quarter'>, (rows, withOrderIds, live, unit) => {
        const header = ['Date', 'Customer', 'Amount', 'Region', 'Rep', 'Quantity', 'Cost', ...(withOrderIds ? ['Order ID'] : [])];
        const cells = rows.map((r) => [r.day + 25569, r.customer, r.amount, r.region, r.rep, r.quantity, r.cost, ...(withOrderIds ? [`O${r.order}`] : [])]);
        const { table } = ingestOrders([header, ...cells]);
        if (!table) return;
        const inputs = { orders: table as OrdersTable };
        // Every formula the data allows (units, average selling price and gross margin among them).
        const source: OrdersSource = {
          sheet: 'Data', firstRow: 2, lastRow: rows.length + 1, formulaReady: true, label: 'random',
          columns: { date: 'A', customer: 'B', amount: 'C', region: 'D', rep: 'E', quantity: 'F', cost: 'G', ...(withOrderIds ? { order_id: 'H' } : {}) },
          numeric: ['date', 'amount', 'quantity', 'cost'],
        };
        const plans = [
          buildDashboardPlan({
            inputs,
            asOf: AS_OF,
            unit,
            sourceLabel: 'random',
            ...(live ? { source } : {}),
            kpis: ['revenue', 'orders', 'aov', 'units', 'avg_price', 'gross_margin', 'customers', 'retention_rate'],
            targets: {
              revenue: { goal: 1000, benchmark: 500, forecast: 1200 },
              retention_rate: { goal: 0.4, benchmarkRange: { low: 0.2, high: 0.3 } },
              gross_margin: { goal: 0, forecast: 0.3 },
              units: { goalToDate: 0, goal: 0, benchmarkRange: { low: 0, high: 0 } },
            },
          }),
          buildReviewPlan({ inputs, asOf: AS_OF, sourceLabel: 'random', weeklyGoals: { revenue: 0, aov: 100 } }),
          configSheetPlan(defaultConfig()),
        ];
        for (const plan of plans) expect([plan.name, problems(plan)]).toEqual([plan.name, []]);
        built++;
      }),
      { numRuns: 120 },
    );
    expect(built).toBeGreaterThan(100);
  });

  it('the guard turns a value that is not finite into a dash with a note', () => {
    const plan = guardPlan({
      name: 'S', columns: [], merges: [], charts: [], namedRanges: [], areas: [],
      cells: [{ ref: 'A1', value: NaN, format: '0.0%' }, { ref: 'B1', formula: 'A1/0', result: Infinity }, { ref: 'C1', value: 3 }],
      conditionalFormats: [{ type: 'dataBar', ref: 'A1:A2', color: '000000', scale: { min: -Infinity, max: 1 } }],
    });
    expect(plan.cells[0]).toEqual({ ref: 'A1', value: '—', note: expect.stringMatching(/Not defined/) });
    expect(plan.cells[1].result).toBe('—');
    expect(plan.cells[2]).toEqual({ ref: 'C1', value: 3 });
    expect(plan.conditionalFormats[0]).not.toHaveProperty('scale');
  });
});
