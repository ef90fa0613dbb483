import { buildDashboardPlan, excelSerial } from '../../src/sheets/dashboard';
import { ingestOrders } from '../../src/core/ingest';
import type { OrdersTable } from '../../src/core/table';
import { daysFromCivil } from '../../src/core/periods';
import type { CellPlan, SheetPlan } from '../../src/sheets/plan';
import { sampleOrders, AS_OF } from './fixtures';
import { expectGolden } from './golden';

const sample = sampleOrders();
const input = {
  inputs: { orders: sample.table }, asOf: AS_OF, source: sample.source, sourceLabel: sample.source.label, refreshedAt: '2026-11-18 09:00',
  targets: { revenue: { goal: 9000, benchmark: 8000, benchmarkSource: 'Example benchmark 2025' }, aov: { goal: 250 } },
};
const cellAt = (plan: SheetPlan, ref: string): CellPlan | undefined => plan.cells.find((c) => c.ref === ref);
const findText = (plan: SheetPlan, text: string) => plan.cells.find((c) => c.value === text);

/** Revenue/rows of the fixture in [start, end) epoch days, as the engine defines them. */
function sumRows(start: number, end: number, filter: (row: (string | number)[]) => boolean = () => true) {
  const rows = sample.rows.filter((r) => {
    const day = (r[0] as number) - 25569;
    return day >= start && day < end && filter(r);
  });
  return { revenue: rows.reduce((s, r) => s + (r[2] as number), 0), orders: rows.filter((r) => (r[2] as number) >= 0).length };
}

describe('buildDashboardPlan', () => {
  const plan = buildDashboardPlan(input);

  it('matches the golden file (what a dashboard contains)', () => {
    expectGolden(plan, 'dashboard');
  });

  it('is deterministic', () => {
    expect(buildDashboardPlan(input)).toEqual(plan);
  });

  it('writes the trend as SUMIFS/COUNTIFS over the data sheet, cached with independently computed figures', () => {
    const period = findText(plan, 'Nov 2026')!;
    const r = Number(period.ref.slice(1));
    expect(cellAt(plan, `B${r}`)?.value).toBe(excelSerial(daysFromCivil(2026, 11, 1)));
    expect(cellAt(plan, `C${r}`)?.value).toBe(excelSerial(AS_OF + 1)); // to date: rows after the as-of day are out
    const expected = sumRows(daysFromCivil(2026, 11, 1), AS_OF + 1);
    const revenue = cellAt(plan, `D${r}`)!;
    expect(revenue.formula).toBe(`SUMIFS(Data!$C$2:$C$601,Data!$A$2:$A$601,">="&$B${r},Data!$A$2:$A$601,"<"&$C${r})`);
    expect(revenue.result).toBeCloseTo(expected.revenue, 6);
    expect(cellAt(plan, `E${r}`)?.formula).toBe(`COUNTIFS(Data!$A$2:$A$601,">="&$B${r},Data!$A$2:$A$601,"<"&$C${r},Data!$C$2:$C$601,">=0")`);
    expect(cellAt(plan, `E${r}`)?.result).toBe(expected.orders);
    expect(cellAt(plan, `F${r}`)?.formula).toBe(`D${r}/E${r}`);
  });

  it('writes breakdowns with a per-key criterion', () => {
    const west = plan.cells.find((c) => c.value === 'West')!;
    const r = Number(west.ref.slice(1));
    const cell = cellAt(plan, `B${r}`)!;
    expect(cell.formula).toContain(`Data!$D$2:$D$601,$A${r}`);
    expect(cell.result).toBeCloseTo(sumRows(daysFromCivil(2026, 11, 1), AS_OF + 1, (row) => row[3] === 'West').revenue, 6);
  });

  it('uses nothing newer than Excel 2016 in formulas', () => {
    const newer = /\b(XLOOKUP|XMATCH|LET|LAMBDA|FILTER|UNIQUE|SORT|SORTBY|SEQUENCE|RANDARRAY|IFS|MAXIFS|MINIFS|SWITCH|CONCAT|TEXTJOIN)\(/;
    const formulas = [...plan.cells.filter((c) => c.formula).map((c) => c.formula!), ...plan.conditionalFormats.flatMap((f) => ('formula' in f ? [f.formula] : []))];
    expect(formulas.length).toBeGreaterThan(50);
    for (const f of formulas) expect([f, newer.test(f)]).toEqual([f, false]);
  });

  it('has a line chart for the trend and a bar chart per breakdown, pointing at the tables', () => {
    expect(plan.charts.map((c) => c.type)).toEqual(['line', 'bar', 'bar', 'bar', 'bar']);
    const trend = plan.charts[0];
    const first = findText(plan, 'Dec 2025')!.ref.slice(1);
    expect(trend.categories).toBe(`Dashboard!$A$${first}:$A$${Number(first) + 11}`);
    expect(trend.series[0].ref).toBe(`Dashboard!$D$${first}:$D$${Number(first) + 11}`);
  });

  it('says what is missing instead of leaving sections out silently', () => {
    const { table } = ingestOrders([['Date', 'Amount'], ...sample.rows.map((r) => [r[0], r[2]])]);
    const bare = buildDashboardPlan({ inputs: { orders: table as OrdersTable }, asOf: AS_OF, sourceLabel: 'bare.csv' });
    const notes = bare.cells.filter((c) => c.style === 'note').map((c) => c.value);
    expect(notes).toEqual(expect.arrayContaining([expect.stringMatching(/Cohorts unavailable: .*customer/), expect.stringMatching(/RFM unavailable: .*customer/)]));
    expect(bare.charts.map((c) => c.type)).toEqual(['line']);
    // Without a source, figures are values, not formulas (only KPI arithmetic stays formulas).
    expect(bare.cells.filter((c) => c.formula && /SUMIFS|COUNTIFS/.test(c.formula))).toEqual([]);
  });
});

describe('KPI table', () => {
  it('points value and previous at the last two trend rows', () => {
    const plan = buildDashboardPlan(input);
    const kpiRow = plan.cells.find((c) => c.value === 'Revenue' && c.style === undefined && c.ref.startsWith('A') && Number(c.ref.slice(1)) < 15)!.ref.slice(1);
    const nov = findText(plan, 'Nov 2026')!.ref.slice(1);
    const oct = findText(plan, 'Oct 2026')!.ref.slice(1);
    expect(cellAt(plan, `B${kpiRow}`)?.formula).toBe(`D${nov}`);
    expect(cellAt(plan, `C${kpiRow}`)?.formula).toBe(`D${oct}`);
    expect(cellAt(plan, `B${kpiRow}`)?.result).toBe(cellAt(plan, `D${nov}`)?.result);
  });
});

describe('1904 date system', () => {
  it('writes the period bounds the formulas compare with in the workbook date system', () => {
    const plan = buildDashboardPlan({ ...input, source: { ...sample.source, date1904: true } });
    const r = findText(plan, 'Nov 2026')!.ref.slice(1);
    expect(cellAt(plan, `B${r}`)?.value).toBe(daysFromCivil(2026, 11, 1) + 24107);
    expect(excelSerial(daysFromCivil(1904, 1, 1), true)).toBe(0);
    expect(excelSerial(daysFromCivil(1900, 3, 1))).toBe(61);
  });
});
