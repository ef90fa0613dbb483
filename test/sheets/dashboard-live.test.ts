/**
 * The dashboard's key figures on a table small enough to compute by hand: live formulas for every
 * KPI SUMIFS/COUNTIFS can express (revenue, orders, units, average order value, average selling
 * price, gross margin) in all three windows, the "live" / "as of" marker, the forecast against the
 * goal, a goal to date given by the goals, benchmark ranges, caveats and skipped comparisons.
 */
import { buildDashboardPlan, excelSerial } from '../../src/sheets/dashboard';
import { ingestOrders } from '../../src/core/ingest';
import { daysFromCivil, parseDay } from '../../src/core/periods';
import type { OrdersTable } from '../../src/core/table';
import type { CellPlan, SheetPlan } from '../../src/sheets/plan';
import type { MetricId } from '../../src/core/metrics';
import type { OrdersSource } from '../../src/sheets/sources';
import type { KpiTarget } from '../../src/sheets/dashboard-kpis';

const AS_OF = parseDay('2026-03-10')!;
const HEADER = ['Date', 'Customer', 'Amount', 'Quantity', 'Cost'];
/** Ten order lines: a refund, a zero amount, a line without a cost, one after the as-of day. */
const ROWS: [string, string, number, number, number | null][] = [
  ['2025-03-04', 'A', 40, 2, 30],
  ['2025-03-10', 'B', 60, 3, null],
  ['2026-02-03', 'A', 80, 4, 40],
  ['2026-02-10', 'B', 20, 1, 15],
  ['2026-02-11', 'C', 500, 5, 100],
  ['2026-03-02', 'A', 100, 2, 60],
  ['2026-03-05', 'B', 50, 1, 20],
  ['2026-03-05', 'A', -30, -1, -18],
  ['2026-03-09', 'C', 0, 1, null],
  ['2026-03-11', 'A', 999, 9, 9],
];
const serialRows = ROWS.map(([d, ...rest]) => [excelSerial(parseDay(d)!), ...rest]);
const table = ingestOrders([HEADER, ...serialRows]).table as OrdersTable;
const SOURCE: OrdersSource = {
  sheet: 'Data',
  firstRow: 2,
  lastRow: 11,
  columns: { date: 'A', customer: 'B', amount: 'C', quantity: 'D', cost: 'E' },
  formulaReady: true,
  numeric: ['date', 'amount', 'quantity', 'cost'],
  label: 'tiny.xlsx — Data',
};
const KPIS: MetricId[] = ['revenue', 'orders', 'aov', 'units', 'avg_price', 'gross_margin', 'customers'];

function build(
  targets: Partial<Record<MetricId, KpiTarget>> = {},
  extra: Partial<Parameters<typeof buildDashboardPlan>[0]> = {},
): SheetPlan {
  return buildDashboardPlan({
    inputs: { orders: table },
    asOf: AS_OF,
    source: SOURCE,
    sourceLabel: SOURCE.label,
    kpis: KPIS,
    targets,
    ...extra,
  });
}

const cell = (plan: SheetPlan, ref: string): CellPlan | undefined => plan.cells.find((c) => c.ref === ref);
const rowOf = (plan: SheetPlan, label: string) =>
  Number(plan.cells.find((c) => c.ref.startsWith('A') && c.value === label)!.ref.slice(1));
const WINDOW = (r: number) => `Data!$A$2:$A$11,">="&$B$${r},Data!$A$2:$A$11,"<"&$C$${r}+1`;

describe('live key figures on a hand-computed table (as of 2026-03-10)', () => {
  const plan = build();
  // Rows: Revenue 7 … Active customers 13; windows: actual 16, previous 17, prior year 18.
  const [revenue, orders, aov, units, asp, margin, customers] = [
    'Revenue',
    'Orders',
    'Average order value',
    'Units sold',
    'Average selling price',
    'Gross margin',
    'Active customers',
  ].map((label) => rowOf(plan, label));

  it('writes the windows the formulas read: 1–10 March, 1–10 February, 1–10 March 2025', () => {
    expect([revenue, customers]).toEqual([7, 13]);
    expect(cell(plan, 'B16')?.value).toBe(excelSerial(daysFromCivil(2026, 3, 1)));
    expect(cell(plan, 'C16')?.value).toBe(excelSerial(daysFromCivil(2026, 3, 10)));
    expect(cell(plan, 'B17')?.value).toBe(excelSerial(daysFromCivil(2026, 2, 1)));
    expect(cell(plan, 'C17')?.value).toBe(excelSerial(daysFromCivil(2026, 2, 10)));
    expect(cell(plan, 'B18')?.value).toBe(excelSerial(daysFromCivil(2025, 3, 1)));
  });

  it('revenue sums every line (the refund reduces it), orders count lines of amount ≥ 0 (the zero amount too)', () => {
    expect(cell(plan, `B${revenue}`)?.formula).toBe(`SUMIFS(Data!$C$2:$C$11,${WINDOW(16)})`);
    expect(cell(plan, `B${orders}`)?.formula).toBe(`COUNTIFS(${WINDOW(16)},Data!$C$2:$C$11,">=0")`);
    // 100 + 50 − 30 + 0; February 80 + 20 (not the 500 of the 11th); March 2025 40 + 60.
    expect(['B', 'C', 'G'].map((c) => cell(plan, `${c}${revenue}`)?.result)).toEqual([120, 100, 100]);
    expect(['B', 'C', 'G'].map((c) => cell(plan, `${c}${orders}`)?.result)).toEqual([3, 2, 2]);
  });

  it('average order value reads the revenue and orders cells of its window', () => {
    expect(cell(plan, `B${aov}`)?.formula).toBe(`IF(AND(ISNUMBER(B7),ISNUMBER(B8),B8<>0),B7/B8,"—")`);
    expect(cell(plan, `C${aov}`)?.formula).toBe(`IF(AND(ISNUMBER(C7),ISNUMBER(C8),C8<>0),C7/C8,"—")`);
    expect(['B', 'C', 'G'].map((c) => cell(plan, `${c}${aov}`)?.result)).toEqual([40, 50, 50]);
  });

  it('units sum the quantity of lines that have an amount; the average selling price is revenue ÷ units', () => {
    expect(cell(plan, `B${units}`)?.formula).toBe(
      `SUMIFS(Data!$D$2:$D$11,${WINDOW(16)},Data!$C$2:$C$11,"<>")`,
    );
    expect(cell(plan, `G${units}`)?.formula).toBe(
      `SUMIFS(Data!$D$2:$D$11,${WINDOW(18)},Data!$C$2:$C$11,"<>")`,
    );
    // 2 + 1 − 1 + 1; 4 + 1; 2 + 3.
    expect(['B', 'C', 'G'].map((c) => cell(plan, `${c}${units}`)?.result)).toEqual([3, 5, 5]);
    expect(cell(plan, `B${asp}`)?.formula).toBe(
      `IF(AND(ISNUMBER(B${revenue}),ISNUMBER(B${units}),B${units}<>0),B${revenue}/B${units},"—")`,
    );
    expect(['B', 'C', 'G'].map((c) => cell(plan, `${c}${asp}`)?.result)).toEqual([40, 20, 20]);
  });

  it('gross margin reads only lines with a cost: (120 − 62) ÷ 120, (100 − 55) ÷ 100, (40 − 30) ÷ 40', () => {
    const withCost = `SUMIFS(Data!$C$2:$C$11,${WINDOW(16)},Data!$E$2:$E$11,"<>")`;
    const cost = `SUMIFS(Data!$E$2:$E$11,${WINDOW(16)},Data!$C$2:$C$11,"<>")`;
    expect(cell(plan, `B${margin}`)?.formula).toBe(`IF(${withCost}=0,"—",1-${cost}/${withCost})`);
    expect(cell(plan, `B${margin}`)?.result).toBeCloseTo(58 / 120, 12);
    expect(cell(plan, `C${margin}`)?.result).toBeCloseTo(0.45, 12);
    expect(cell(plan, `G${margin}`)?.result).toBeCloseTo(0.25, 12);
    // The change is in percentage points.
    expect(cell(plan, `D${margin}`)?.result).toBeCloseTo((58 / 120 - 0.45) * 100, 9);
    expect(cell(plan, `H${margin}`)?.result).toBeCloseTo((58 / 120 - 0.25) * 100, 9);
  });

  it('leaves a distinct count as a value, marks each row live or as of, and says which in line 3', () => {
    expect(cell(plan, `B${customers}`)).toMatchObject({ value: 3 });
    expect(cell(plan, `B${customers}`)?.formula).toBeUndefined();
    const marks = [revenue, orders, aov, units, asp, margin, customers].map(
      (r) => cell(plan, `U${r}`)?.value,
    );
    expect(marks).toEqual(['live', 'live', 'live', 'live', 'live', 'live', 'as of']);
    expect(cell(plan, `U${customers}`)?.note).toMatch(/distinct count/);
    expect(cell(plan, 'U6')).toMatchObject({ value: 'Figures', style: 'header' });
    expect(cell(plan, 'A3')?.value).toBe(
      'Live formulas over Data, recalculated when the data changes: Revenue, Orders, Average order value, Units sold, Average selling price and Gross margin in the key figures (marked "live"); revenue, orders and average order value in the trend and breakdowns. Other figures are values as of 2026-03-10, updated on refresh.',
    );
  });

  it('writes values with an "as of" reason where the data cannot be read by SUMIFS alike', () => {
    const ids = build(
      {},
      { source: { ...SOURCE, columns: { ...SOURCE.columns, order_id: 'F' }, numeric: ['date', 'amount'] } },
    );
    const marks = [revenue, orders, aov, units, asp, margin].map((r) => cell(ids, `U${r}`)?.value);
    expect(marks).toEqual(['live', 'as of', 'as of', 'as of', 'as of', 'as of']);
    expect(cell(ids, `U${orders}`)?.note).toMatch(/distinct order ids/);
    expect(cell(ids, `U${units}`)?.note).toMatch(/quantity/);
    expect(cell(ids, `B${units}`)).toMatchObject({ value: 3 });
    // Figures are the engine's values all the same.
    expect(cell(ids, `B${margin}`)?.value).toBeCloseTo(58 / 120, 12);
    expect(cell(ids, 'A3')?.value).toMatch(
      /^Live formulas over Data, recalculated when the data changes: Revenue in the key figures \(marked "live"\); revenue in the trend and breakdowns\./,
    );
    const none = build({}, { source: undefined });
    expect(cell(none, 'A3')?.value).toBe('Figures are values as of 2026-03-10, updated on refresh.');
    expect(cell(none, `U${revenue}`)).toMatchObject({
      value: 'as of',
      note: expect.stringMatching(/not a sheet/),
    });
  });
});

describe('forecast (FC) against the goal (PL)', () => {
  const plan = build({
    revenue: { goal: 310, forecast: 400, forecastNote: 'Revenue to date + the line for 21 days.' },
    gross_margin: { goal: 0.5, forecast: 0.47 },
    units: { goal: 12 },
    orders: { forecast: 9 },
  });
  const r = rowOf(plan, 'Revenue');

  it('shows FC with its note, FC − PL and its relative change, with a bar on the shared scale', () => {
    expect(cell(plan, 'O6')).toMatchObject({ value: 'Forecast (FC)', style: 'header' });
    expect(cell(plan, `O${r}`)).toMatchObject({
      value: 400,
      note: 'Revenue to date + the line for 21 days.',
    });
    expect(cell(plan, `P${r}`)?.formula).toBe(
      `IF(NOT(ISNUMBER(K${r})),"",IF(AND(ISNUMBER(O${r}),ISNUMBER(K${r})),O${r}-K${r},"—"))`,
    );
    expect(cell(plan, `P${r}`)?.result).toBe(90);
    expect(cell(plan, `Q${r}`)?.result).toBeCloseTo(90 / 310, 12);
    expect(cell(plan, `R${r}`)).toMatchObject({ formula: `IF(ISNUMBER(Q${r}),Q${r},"")`, format: ';;;' });
    expect(cell(plan, `R${r}`)?.result).toBeCloseTo(90 / 310, 12);
    // Goal to date is paced by days: 310 × 10 ÷ 31 = 100, attainment 120 %.
    expect(cell(plan, `L${r}`)?.result).toBeCloseTo(100, 12);
    expect(cell(plan, `M${r}`)?.result).toBeCloseTo(1.2, 12);
  });

  it('compares a rate in percentage points, leaves cells empty without a goal and dashes without a forecast', () => {
    const m = rowOf(plan, 'Gross margin');
    expect(cell(plan, `P${m}`)?.result).toBeCloseTo(-3, 9);
    expect(cell(plan, `P${m}`)?.format).toBe('+0.0" pp";-0.0" pp";0.0" pp"');
    expect(cell(plan, `Q${m}`)?.value).toBeNull();
    expect(cell(plan, `R${m}`)?.formula).toBe(`IF(ISNUMBER(P${m}),P${m},"")`);
    const u = rowOf(plan, 'Units sold'); // a goal, no forecast given (the stub-free plan has the trend's)
    const o = rowOf(plan, 'Orders'); // a forecast, no goal
    expect(cell(plan, `O${o}`)?.value).toBe(9);
    expect([cell(plan, `P${o}`)?.result, cell(plan, `Q${o}`)?.result]).toEqual(['', '']);
    const noForecast = build({ units: { goal: 12 } }, { asOf: parseDay('2026-03-31')! });
    expect(cell(noForecast, `O${u}`)).toMatchObject({
      value: '—',
      note: 'Mar 2026 is complete: the actual is the final figure.',
    });
    expect(cell(noForecast, `P${u}`)?.result).toBe('—');
  });

  it('colours FC − PL like the other variances and scales its bars with them', () => {
    const scales = (column: string) =>
      plan.conditionalFormats
        .filter((f) => f.type === 'dataBar' && new RegExp(`^${column}\\d`).test(f.ref))
        .map((f) => `${f.ref.replace(/[A-Z]+/g, '')} ${JSON.stringify((f as { scale?: unknown }).scale)}`);
    expect(scales('R').length).toBeGreaterThan(0);
    expect(scales('R')).toEqual(scales('F'));
    expect(scales('R')).toEqual(scales('J'));
    const colours = plan.conditionalFormats.filter((f) => f.type === 'expression' && /^[PQ]\d/.test(f.ref));
    expect(colours.length).toBeGreaterThanOrEqual(4);
  });
});

describe('goal to date and benchmarks given by the goals', () => {
  const plan = build({
    customers: {
      goal: 10,
      goalToDate: 4,
      goalToDateNote: 'Paced along February: 40 % of its customers by the 10th.',
    },
    aov: {
      benchmarkRange: { low: 45, high: 60 },
      benchmarkSource: 'Example survey 2025',
      benchmarkNote: 'Median of small shops.',
    },
    avg_price: { benchmarkRange: { low: 30, high: 38 } },
    gross_margin: { benchmarkRange: { low: 0.3, high: 0.45 } },
    orders: { benchmark: 5, benchmarkSkipped: 'Counts orders per year, not per month.' },
  });

  it('writes a given goal to date as a value with its note', () => {
    const r = rowOf(plan, 'Active customers');
    expect(cell(plan, `L${r}`)).toMatchObject({
      value: 4,
      note: 'Paced along February: 40 % of its customers by the 10th.',
    });
    expect(cell(plan, `M${r}`)?.result).toBeCloseTo(3 / 4, 12);
    expect(cell(plan, `N${r}`)?.result).toBe('Off track');
  });

  it('shows a range as low–high and compares with its nearer end, "in range" inside it', () => {
    const a = rowOf(plan, 'Average order value'); // 40, below 45–60
    expect(cell(plan, `S${a}`)).toMatchObject({
      value: '45–60',
      note: 'Example survey 2025\nMedian of small shops.',
    });
    expect(cell(plan, `T${a}`)?.formula).toBe(
      `IF(ISNUMBER(B${a}),IF(B${a}<45,(B${a}-45)/ABS(45),IF(B${a}>60,(B${a}-60)/ABS(60),0)),"")`,
    );
    expect(cell(plan, `T${a}`)?.result).toBeCloseTo(-5 / 45, 12);
    const p = rowOf(plan, 'Average selling price'); // 40, above 30–38
    expect(cell(plan, `T${p}`)?.result).toBeCloseTo(2 / 38, 12);
    const m = rowOf(plan, 'Gross margin'); // 48.3 %, above 30 %–45 %: +3.3 pp
    expect(cell(plan, `S${m}`)?.value).toBe('30%–45%');
    expect(cell(plan, `T${m}`)?.result).toBeCloseTo((58 / 120 - 0.45) * 100, 9);
    expect(cell(plan, `T${m}`)?.format).toBe('+0.0" pp";-0.0" pp";"in range"');
    const inside = build({ aov: { benchmarkRange: { low: 35, high: 60 } } });
    expect(cell(inside, `T${a}`)).toMatchObject({ result: 0, format: '+0.0%;-0.0%;"in range"' });
  });

  it('shows a skipped benchmark as a dash with the reason, and compares nothing', () => {
    const o = rowOf(plan, 'Orders');
    expect(cell(plan, `S${o}`)).toMatchObject({ value: '—', note: 'Counts orders per year, not per month.' });
    expect(cell(plan, `T${o}`)?.value).toBeNull();
  });
});

describe('partial periods on the sheet', () => {
  const plan = build();

  it('marks the month to date in the trend and as the hollow point of the chart', () => {
    const label = plan.cells.find((c) => c.value === 'Mar 2026 (to date)')!;
    expect(label.note).toBe('Partial: 10 of 31 days, to 2026-03-10. Drawn as a hollow point in the chart.');
    const chart = plan.charts.find((c) => c.type === 'line')!;
    // Revenue, then the forecast (dashed) and its 80 % interval (dotted): the partial point is the actual's.
    expect(chart.series.map((s) => [s.name, s.lineStyle])).toEqual([
      ['Revenue', undefined],
      ['Forecast', 'dashed'],
      ['80 % low', 'dotted'],
      ['80 % high', 'dotted'],
    ]);
    expect(chart.series[0].partialPoint).toBe(11);
    expect(chart.series.slice(1).every((s) => s.partialPoint === undefined)).toBe(true);
    const complete = build({}, { asOf: parseDay('2026-03-31')! });
    expect(complete.charts.find((c) => c.type === 'line')!.series[0].partialPoint).toBeUndefined();
  });

  it('says in each trend header whether its figures are live or as of', () => {
    const header = Number(plan.cells.find((c) => c.value === 'Period' && c.style === 'header')!.ref.slice(1));
    const notes = ['D', 'E', 'F', 'G', 'H'].map(
      (c) => plan.cells.filter((x) => x.ref === `${c}${header}`).pop()?.note,
    );
    expect(notes.slice(0, 3).every((n) => /^Live: native formulas over Data/.test(n ?? ''))).toBe(true);
    expect(notes.slice(3).every((n) => /^As of 2026-03-10/.test(n ?? ''))).toBe(true);
    const r = Number(plan.cells.find((c) => c.value === 'Feb 2026')!.ref.slice(1));
    // All of February: 80 + 20 + 500, three orders.
    expect(cell(plan, `D${r}`)).toMatchObject({ result: 600 });
    expect(cell(plan, `E${r}`)).toMatchObject({ result: 3 });
    expect(cell(plan, `F${r}`)).toMatchObject({
      formula: `IF(AND(ISNUMBER(D${r}),ISNUMBER(E${r}),E${r}<>0),D${r}/E${r},"—")`,
      result: 200,
    });
  });

  it('marks the cohort cells of the month to date and leaves them out of the average row', () => {
    // Cohorts: Mar 2025 (A, B), Feb 2026 (C); A and B buy in Feb 2026; A, B, C in Mar 2026 (to date).
    const header = Number(plan.cells.find((c) => c.value === 'Cohort' && c.style === 'header')!.ref.slice(1));
    expect(cell(plan, `A${header + 1}`)?.value).toBe('Mar 2025');
    const feb = header + 2;
    expect(cell(plan, `A${feb}`)?.value).toBe('Feb 2026');
    // Feb 2026 cohort: +0 is February (complete), +1 is March to date.
    expect(cell(plan, `C${feb}`)).toMatchObject({ value: 1, format: '0%' });
    expect(cell(plan, `D${feb}`)).toMatchObject({ value: 1, format: '0%"*"', style: 'partial' });
    expect(cell(plan, `D${feb}`)?.note).toMatch(/^Mar 2026 to date \(10 of 31 days\)/);
    const average = feb + 1;
    expect(cell(plan, `A${average}`)).toMatchObject({ value: 'All cohorts', style: 'total' });
    // +0: every cohort complete at +0 except … none (March 2026 has no cohort): (2 + 1) ÷ (2 + 1) = 100 %.
    expect(cell(plan, `C${average}`)?.value).toBe(1);
    // +1: only the Mar 2025 cohort has a complete +1 (April 2025): nobody bought then → 0 %; Feb 2026's +1 is partial.
    expect(cell(plan, `D${average}`)?.value).toBe(0);
    // +11 (Feb 2026 for the Mar 2025 cohort): A and B bought → 100 %; +12 is March to date → left out.
    const col = (k: number) => String.fromCharCode('C'.charCodeAt(0) + k);
    expect(cell(plan, `${col(11)}${average}`)?.value).toBe(1);
    expect(
      plan.cells.find((c) => c.style === 'note' && /^\* Mar 2026 to date/.test(String(c.value))),
    ).toBeDefined();
  });
});
