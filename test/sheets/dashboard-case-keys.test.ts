/**
 * Breakdown keys that differ only in letter case (`Bali`, `BALI`): Excel's SUMIFS matches text
 * without regard to case, so a live formula for either row would sum both (110 in each). Such
 * rows are written as values with a note; the other rows stay live.
 */
import { buildDashboardPlan, excelSerial } from '../../src/sheets/dashboard';
import { ingestOrders } from '../../src/core/ingest';
import { breakdown, caseVariantsOf } from '../../src/core/analyses/breakdown';
import { parseDay, periodOf } from '../../src/core/periods';
import type { OrdersTable } from '../../src/core/table';
import type { SheetPlan } from '../../src/sheets/plan';
import type { OrdersSource } from '../../src/sheets/sources';

const AS_OF = parseDay('2026-03-10')!;
const ROWS: [string, string, string, number][] = [
  ['2026-03-02', 'A', 'Bali', 100],
  ['2026-03-03', 'B', 'BALI', 10],
  ['2026-03-04', 'C', 'Java', 50],
  ['2026-02-04', 'C', 'Java', 40],
];
const table = ingestOrders([
  ['Date', 'Customer', 'Region', 'Amount'],
  ...ROWS.map(([d, c, r, a]) => [excelSerial(parseDay(d)!), c, r, a]),
]).table as OrdersTable;
const SOURCE: OrdersSource = {
  sheet: 'Data',
  firstRow: 2,
  lastRow: 5,
  columns: { date: 'A', customer: 'B', region: 'C', amount: 'D' },
  formulaReady: true,
  numeric: ['date', 'amount'],
  label: 'case.xlsx — Data',
};

describe('breakdown keys that differ only in case', () => {
  it('are listed by the engine, each still its own row with its own revenue', () => {
    expect(caseVariantsOf(['Bali', 'Java', 'BALI', 'bali '])).toEqual({ caseVariants: ['Bali', 'BALI'] });
    expect(caseVariantsOf(['Bali', 'Java'])).toEqual({});
    const result = breakdown(
      { orders: table },
      { dimension: 'region', period: periodOf(AS_OF, 'month'), asOf: AS_OF, ids: ['revenue'] },
    );
    expect(result.caseVariants).toEqual(['Bali', 'BALI']);
    expect(Object.fromEntries(result.rows.map((r) => [r.key, r.values[0]]))).toEqual({
      Bali: 100,
      BALI: 10,
      Java: 50,
    });
  });

  it('are written as values with a note on the dashboard; other keys stay live formulas', () => {
    const plan: SheetPlan = buildDashboardPlan({
      inputs: { orders: table },
      asOf: AS_OF,
      source: SOURCE,
      sourceLabel: SOURCE.label,
      kpis: ['revenue'],
      dimensions: ['region'],
    });
    const rowOf = (key: string) => {
      const found = plan.cells.find((c) => c.ref.startsWith('A') && c.value === key);
      expect(found).toBeDefined();
      return { label: found!, revenue: plan.cells.find((c) => c.ref === `B${found!.ref.slice(1)}`)! };
    };
    for (const [key, revenue] of [
      ['Bali', 100],
      ['BALI', 10],
    ] as const) {
      const { label, revenue: cell } = rowOf(key);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(revenue);
      expect(label.note).toMatch(/differs from “.+” only in letter case, which SUMIFS does not tell apart/);
    }
    const java = rowOf('Java');
    expect(java.revenue.formula).toMatch(/^SUMIFS\(Data!\$D\$2:\$D\$5,.*Data!\$C\$2:\$C\$5,\$A\d+\)$/);
    expect(java.revenue.result).toBe(50);
    expect(java.label.note).toBeUndefined();
  });
});
