import { buildDashboardPlan, excelSerial } from '../../src/sheets/dashboard';
import { ingestOrders } from '../../src/core/ingest';
import type { OrdersTable } from '../../src/core/table';
import { daysFromCivil } from '../../src/core/periods';
import type { CellPlan, SheetPlan } from '../../src/sheets/plan';
import { sampleOrders, AS_OF } from './fixtures';
import { expectGolden } from './golden';
import { columnPoints, PAGE } from '../../src/sheets/print';
import { fromA1 } from '../../src/sheets/a1';

const sample = sampleOrders();
const input = {
  inputs: { orders: sample.table },
  asOf: AS_OF,
  source: sample.source,
  sourceLabel: sample.source.label,
  refreshedAt: '2026-11-18 09:00',
  targets: {
    revenue: { goal: 9000, benchmark: 8000, benchmarkSource: 'Example benchmark 2025' },
    aov: { goal: 250 },
  },
};
const cellAt = (plan: SheetPlan, ref: string): CellPlan | undefined => plan.cells.find((c) => c.ref === ref);
const findText = (plan: SheetPlan, text: string) => plan.cells.find((c) => c.value === text);

/** Revenue/rows of the fixture in [start, end) epoch days, as the engine defines them. */
function sumRows(start: number, end: number, filter: (row: (string | number)[]) => boolean = () => true) {
  const rows = sample.rows.filter((r) => {
    const day = (r[0] as number) - 25569;
    return day >= start && day < end && filter(r);
  });
  return {
    revenue: rows.reduce((s, r) => s + (r[2] as number), 0),
    orders: rows.filter((r) => (r[2] as number) >= 0).length,
  };
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
    const period = findText(plan, 'Nov 2026 (to date)')!;
    const r = Number(period.ref.slice(1));
    expect(period.note).toBe('Partial: 18 of 30 days, to 2026-11-18. Drawn as a hollow point in the chart.');
    expect(cellAt(plan, `B${r}`)?.value).toBe(excelSerial(daysFromCivil(2026, 11, 1)));
    expect(cellAt(plan, `C${r}`)?.value).toBe(excelSerial(AS_OF)); // to date, inclusive: rows after the as-of day are out
    const expected = sumRows(daysFromCivil(2026, 11, 1), AS_OF + 1);
    const revenue = cellAt(plan, `D${r}`)!;
    expect(revenue.formula).toBe(
      `SUMIFS(Data!$C$2:$C$601,Data!$A$2:$A$601,">="&$B${r},Data!$A$2:$A$601,"<"&$C${r}+1)`,
    );
    expect(revenue.result).toBeCloseTo(expected.revenue, 6);
    expect(cellAt(plan, `E${r}`)?.formula).toBe(
      `COUNTIFS(Data!$A$2:$A$601,">="&$B${r},Data!$A$2:$A$601,"<"&$C${r}+1,Data!$C$2:$C$601,">=0")`,
    );
    expect(cellAt(plan, `E${r}`)?.result).toBe(expected.orders);
    expect(cellAt(plan, `F${r}`)?.formula).toBe(
      `IF(AND(ISNUMBER(D${r}),ISNUMBER(E${r}),E${r}<>0),D${r}/E${r},"—")`,
    );
    expect(cellAt(plan, `F${r}`)?.result).toBeCloseTo(expected.revenue / expected.orders, 9);
  });

  it('gives every formula cell its cached result, and no cell a number that is not finite', () => {
    const formulas = plan.cells.filter((c) => c.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(100);
    for (const cell of formulas) expect([cell.ref, cell.result === undefined]).toEqual([cell.ref, false]);
    for (const cell of plan.cells) {
      for (const v of [cell.value, cell.result])
        if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('opens on this sheet and prints landscape, one page wide, with its title rows on every page', () => {
    expect(plan.active).toBe(true);
    expect(plan.print).toMatchObject({
      area: 'A:U',
      orientation: 'landscape',
      fitToWidth: true,
      titleRows: { first: 1, last: 3 },
    });
    // Page breaks fall on the row before a section title, never inside a table.
    const sections = new Set(
      plan.cells
        .filter((c) => c.style === 'section' && c.ref.startsWith('A'))
        .map((c) => Number(c.ref.slice(1))),
    );
    expect(plan.print!.rowBreaks.length).toBeGreaterThan(0);
    for (const row of plan.print!.rowBreaks) expect([row, sections.has(row + 1)]).toEqual([row, true]);
  });

  it('fits the page: printed at 55 % or more (as before the FC columns), every header on at most two lines without a word cut', () => {
    const widths = new Map(plan.columns.map((c) => [c.index, c.width]));
    // The KPI table's 21 columns (A…U) and every other table share these widths.
    expect(plan.columns.map((c) => c.index)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    const points = [...widths.values()].reduce((sum, w) => sum + columnPoints(w), 0);
    expect(PAGE.width / points).toBeGreaterThanOrEqual(0.55);
    // Header words wrap at spaces: each word fits its column, and two lines hold the text.
    const lines = (text: string, width: number) => {
      let count = 1;
      let line = 0;
      for (const word of text.split(' ')) {
        if (line > 0 && line + 1 + word.length > width) (count++, (line = word.length));
        else line += (line > 0 ? 1 : 0) + word.length;
      }
      return count;
    };
    const headers = plan.cells.filter((c) => c.style === 'header' && typeof c.value === 'string');
    expect(headers.length).toBeGreaterThan(40);
    for (const h of headers) {
      const width = widths.get(fromA1(h.ref)!.column)!;
      const text = h.value as string;
      expect([h.ref, text, text.split(' ').every((w) => w.length <= width), lines(text, width) <= 2]).toEqual(
        [h.ref, text, true, true],
      );
    }
  });

  it('writes breakdowns with a per-key criterion', () => {
    const west = plan.cells.find((c) => c.value === 'West')!;
    const r = Number(west.ref.slice(1));
    const cell = cellAt(plan, `B${r}`)!;
    expect(cell.formula).toContain(`Data!$D$2:$D$601,$A${r}`);
    expect(cell.result).toBeCloseTo(
      sumRows(daysFromCivil(2026, 11, 1), AS_OF + 1, (row) => row[3] === 'West').revenue,
      6,
    );
  });

  it('uses nothing newer than Excel 2016 in formulas', () => {
    const newer =
      /\b(XLOOKUP|XMATCH|LET|LAMBDA|FILTER|UNIQUE|SORT|SORTBY|SEQUENCE|RANDARRAY|IFS|MAXIFS|MINIFS|SWITCH|CONCAT|TEXTJOIN)\(/;
    const formulas = [
      ...plan.cells.filter((c) => c.formula).map((c) => c.formula!),
      ...plan.conditionalFormats.flatMap((f) => ('formula' in f ? [f.formula] : [])),
    ];
    expect(formulas.length).toBeGreaterThan(50);
    for (const f of formulas) expect([f, newer.test(f)]).toEqual([f, false]);
  });

  it('has a line chart for the trend and a bar chart per breakdown, pointing at the tables', () => {
    expect(plan.charts.map((c) => c.type)).toEqual(['line', 'bar', 'bar', 'bar', 'bar']);
    const trend = plan.charts[0];
    const first = findText(plan, 'Dec 2025')!.ref.slice(1);
    // Twelve months of the trend, then three forecast months below them.
    expect(findText(plan, 'Feb 2027 (forecast)')!.ref).toBe(`A${Number(first) + 14}`);
    expect(trend.categories).toBe(`Dashboard!$A$${first}:$A$${Number(first) + 14}`);
    expect(trend.series.map((s) => s.ref)).toEqual(
      ['D', 'I', 'J', 'K'].map((c) => `Dashboard!$${c}$${first}:$${c}$${Number(first) + 14}`),
    );
  });

  it('says what is missing instead of leaving sections out silently', () => {
    const { table } = ingestOrders([['Date', 'Amount'], ...sample.rows.map((r) => [r[0], r[2]])]);
    const bare = buildDashboardPlan({
      inputs: { orders: table as OrdersTable },
      asOf: AS_OF,
      sourceLabel: 'bare.csv',
    });
    const notes = bare.cells.filter((c) => c.style === 'note').map((c) => c.value);
    expect(notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Cohorts unavailable: .*customer/),
        expect.stringMatching(/RFM unavailable: .*customer/),
      ]),
    );
    expect(bare.charts.map((c) => c.type)).toEqual(['line']);
    // Without a source, figures are values, not formulas (only KPI arithmetic stays formulas).
    expect(bare.cells.filter((c) => c.formula && /SUMIFS|COUNTIFS/.test(c.formula))).toEqual([]);
  });
});

describe('KPI table', () => {
  const plan = buildDashboardPlan(input);
  const kpiRow = Number(plan.cells.find((c) => c.value === 'Revenue' && c.ref.startsWith('A'))!.ref.slice(1));
  const windowRow = (label: string) =>
    Number(plan.cells.find((c) => c.value === label && c.style === 'small')!.ref.slice(1));

  it('compares 1–18 November with 1–18 October and 1–18 November 2025, by live formulas over those windows', () => {
    const [actual, previous, priorYear] = ['Actual', 'Previous', 'Prior year'].map(windowRow);
    expect(cellAt(plan, `B${actual}`)?.value).toBe(excelSerial(daysFromCivil(2026, 11, 1)));
    expect(cellAt(plan, `C${actual}`)?.value).toBe(excelSerial(daysFromCivil(2026, 11, 18)));
    expect(cellAt(plan, `B${previous}`)?.value).toBe(excelSerial(daysFromCivil(2026, 10, 1)));
    expect(cellAt(plan, `C${previous}`)?.value).toBe(excelSerial(daysFromCivil(2026, 10, 18)));
    expect(cellAt(plan, `B${priorYear}`)?.value).toBe(excelSerial(daysFromCivil(2025, 11, 1)));
    expect(cellAt(plan, `D${priorYear}`)?.value).toBe(18);
    const b = cellAt(plan, `B${kpiRow}`)!;
    const c = cellAt(plan, `C${kpiRow}`)!;
    const g = cellAt(plan, `G${kpiRow}`)!;
    expect(b.formula).toBe(
      `SUMIFS(Data!$C$2:$C$601,Data!$A$2:$A$601,">="&$B$${actual},Data!$A$2:$A$601,"<"&$C$${actual}+1)`,
    );
    expect(c.formula).toContain(`">="&$B$${previous}`);
    expect(g.formula).toContain(`">="&$B$${priorYear}`);
    const nov = sumRows(daysFromCivil(2026, 11, 1), daysFromCivil(2026, 11, 19)).revenue;
    const oct = sumRows(daysFromCivil(2026, 10, 1), daysFromCivil(2026, 10, 19)).revenue;
    const py = sumRows(daysFromCivil(2025, 11, 1), daysFromCivil(2025, 11, 19)).revenue;
    expect(b.result).toBeCloseTo(nov, 6);
    expect(c.result).toBeCloseTo(oct, 6);
    expect(g.result).toBeCloseTo(py, 6);
    expect(cellAt(plan, `D${kpiRow}`)?.result).toBeCloseTo(nov - oct, 6);
    expect(cellAt(plan, `E${kpiRow}`)?.result).toBeCloseTo((nov - oct) / Math.abs(oct), 9);
    expect(cellAt(plan, `F${kpiRow}`)?.formula).toBe(`IF(ISNUMBER(E${kpiRow}),E${kpiRow},"")`);
  });

  it('paces a flow goal to the days elapsed and gives attainment and status', () => {
    expect(cellAt(plan, `K${kpiRow}`)?.value).toBe(9000);
    expect(cellAt(plan, `L${kpiRow}`)?.formula).toBe(`IF(ISNUMBER(K${kpiRow}),K${kpiRow}*18/30,"")`);
    expect(cellAt(plan, `L${kpiRow}`)?.result).toBeCloseTo(5400, 9);
    const nov = sumRows(daysFromCivil(2026, 11, 1), daysFromCivil(2026, 11, 19)).revenue;
    expect(cellAt(plan, `M${kpiRow}`)?.result).toBeCloseTo(nov / 5400, 9);
    expect(cellAt(plan, `N${kpiRow}`)?.result).toBe(
      nov / 5400 >= 1 ? 'On track' : nov / 5400 >= 0.9 ? 'At risk' : 'Off track',
    );
    const aovRow = Number(
      plan.cells.find((c) => c.value === 'Average order value' && c.ref.startsWith('A'))!.ref.slice(1),
    );
    expect(cellAt(plan, `L${aovRow}`)?.formula).toBe(`IF(ISNUMBER(K${aovRow}),K${aovRow},"")`); // a ratio keeps its goal
  });

  it('shows changes of rates in percentage points, with no relative change', () => {
    const r = Number(
      plan.cells.find((c) => c.value === 'Repeat purchase rate' && c.ref.startsWith('A'))!.ref.slice(1),
    );
    const b = cellAt(plan, `B${r}`)!.value as number;
    const c = cellAt(plan, `C${r}`)!.value as number;
    expect(cellAt(plan, `D${r}`)?.formula).toBe(
      `IF(AND(ISNUMBER(B${r}),ISNUMBER(C${r})),(B${r}-C${r})*100,"—")`,
    );
    expect(cellAt(plan, `D${r}`)?.result).toBeCloseTo((b - c) * 100, 9);
    expect(cellAt(plan, `D${r}`)?.format).toBe('+0.0" pp";-0.0" pp";0.0" pp"');
    expect(cellAt(plan, `E${r}`)?.value).toBeNull();
    expect(cellAt(plan, `F${r}`)?.formula).toBe(`IF(ISNUMBER(D${r}),D${r},"")`);
  });

  it('keeps bars out of the number columns, one scale per unit', () => {
    const bars = plan.conditionalFormats.filter((f) => f.type === 'dataBar' && /^[FJ]/.test(f.ref));
    expect(bars.length).toBeGreaterThanOrEqual(4);
    for (const bar of bars) expect(bar).toMatchObject({ showValue: false });
    const scales = new Set(bars.map((b) => JSON.stringify((b as { scale?: unknown }).scale)));
    expect(scales.size).toBe(2); // relative change and percentage points
    // No bar under a number of the KPI table or a breakdown's change.
    const kpiBottom = kpiRow + 10;
    const numbers = plan.conditionalFormats.filter(
      (f) =>
        f.type === 'dataBar' &&
        ((/^[BCDEGHI]\d/.test(f.ref) && Number(/\d+/.exec(f.ref)![0]) <= kpiBottom) ||
          (/^F\d/.test(f.ref) && Number(/\d+/.exec(f.ref)![0]) > kpiBottom)),
    );
    expect(numbers).toEqual([]);
  });
});

describe('1904 date system', () => {
  it('writes the period bounds the formulas compare with in the workbook date system', () => {
    const plan = buildDashboardPlan({ ...input, source: { ...sample.source, date1904: true } });
    const r = findText(plan, 'Nov 2026 (to date)')!.ref.slice(1);
    expect(cellAt(plan, `B${r}`)?.value).toBe(daysFromCivil(2026, 11, 1) + 24107);
    const actual = plan.cells.find((c) => c.value === 'Actual' && c.style === 'small')!.ref.slice(1);
    expect(cellAt(plan, `B${actual}`)?.value).toBe(daysFromCivil(2026, 11, 1) + 24107);
    expect(excelSerial(daysFromCivil(1904, 1, 1), true)).toBe(0);
    expect(excelSerial(daysFromCivil(1900, 3, 1))).toBe(61);
  });
});
