/**
 * Every live key figure recalculated by an independent spreadsheet: LibreOffice opens a dashboard
 * whose formulas carry a wrong cached result (−1) and must compute the engine's value for revenue,
 * orders, average order value, units, average selling price and gross margin, in the actual,
 * previous and prior-year windows and in the trend. The data has what breaks naive formulas: refund
 * lines, zero amounts, lines without a quantity or a cost, and a line with a date but no amount
 * (which the engine skips). Gross margin is checked from a cost column and from a profit column.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeWorkbook } from '../../src/xlsx/render-workbook';
import { buildDashboardPlan, excelSerial } from '../../src/sheets/dashboard';
import { ingestOrders } from '../../src/core/ingest';
import { daysFromCivil } from '../../src/core/periods';
import type { OrdersTable } from '../../src/core/table';
import type { MetricId } from '../../src/core/metrics';
import { emptyPlan, textCell, valueCell, type CellPlan, type SheetPlan } from '../../src/sheets/plan';
import { numericRoles, type OrdersSource } from '../../src/sheets/sources';
import { describeWithLibreOffice, recalculate } from '../support/libreoffice';
import { numericValues, sheetPart, unzipText } from './helpers';

const AS_OF = daysFromCivil(2026, 11, 18);
const KPIS: MetricId[] = ['revenue', 'orders', 'aov', 'units', 'avg_price', 'gross_margin', 'customers'];

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

type Cell = string | number | null;

/** ~500 lines over 15 months, with the awkward ones mixed in. */
function lines(): Cell[][] {
  const next = random(11);
  const first = daysFromCivil(2025, 9, 1);
  const rows: Cell[][] = [];
  for (let i = 0; i < 500; i++) {
    const day = first + Math.floor(next() * (AS_OF - first + 12));
    const kind = next();
    const amount = kind < 0.04 ? 0 : Math.round((kind < 0.1 ? -1 : 1) * (10 + next() * 400) * 100) / 100;
    const quantity = next() < 0.1 ? null : Math.max(1, Math.floor(next() * 5)) * Math.sign(amount || 1);
    const cost = next() < 0.15 ? null : Math.round(amount * (0.3 + next() * 0.5) * 100) / 100;
    rows.push([excelSerial(day), `C${1 + Math.floor(next() ** 2 * 60)}`, amount, quantity, cost]);
  }
  // A line with a date but no amount: the engine skips it, so must every formula.
  rows.push([excelSerial(AS_OF - 3), 'C1', null, 7, 5]);
  rows.push([excelSerial(daysFromCivil(2026, 10, 4)), 'C2', null, 3, 2]);
  return rows.sort((a, b) => (a[0] as number) - (b[0] as number));
}

function dataSheet(name: string, header: string[], rows: Cell[][]): SheetPlan {
  const cells: CellPlan[] = header.map((h, i) => textCell(`${'ABCDE'[i]}1`, h, 'header'));
  rows.forEach((row, i) =>
    row.forEach((v, c) => {
      if (v === null) return;
      cells.push(typeof v === 'number' ? valueCell(`${'ABCDE'[c]}${i + 2}`, v) : textCell(`${'ABCDE'[c]}${i + 2}`, v));
    }),
  );
  return { ...emptyPlan(name), cells };
}

/** The plan with every formula's cached result made wrong, so only a recalculation gives it back. */
const wrongCache = (plan: SheetPlan): SheetPlan => ({
  ...plan,
  cells: plan.cells.map((c) => (c.formula !== undefined ? { ...c, result: -1 } : c)),
});

describeWithLibreOffice('live key figures recalculated by LibreOffice', () => {
  const rows = lines();
  const header = ['Date', 'Customer', 'Amount', 'Quantity', 'Cost'];
  const table = ingestOrders([header, ...rows]).table as OrdersTable;
  const roles = { date: 0, customer: 1, amount: 2, quantity: 3, cost: 4 } as const;
  const source: OrdersSource = {
    sheet: 'Data',
    firstRow: 2,
    lastRow: rows.length + 1,
    columns: { date: 'A', customer: 'B', amount: 'C', quantity: 'D', cost: 'E' },
    formulaReady: true,
    numeric: numericRoles([header, ...rows], 1, roles),
    label: 'lines.xlsx — Data',
  };
  const dashboard = buildDashboardPlan({ inputs: { orders: table }, asOf: AS_OF, source, sourceLabel: source.label, kpis: KPIS });

  // The same lines with a profit column (cost = amount − profit) in place of the cost.
  const profitRows = rows.map((r) => [r[0], r[1], r[2], r[3], r[4] === null || r[2] === null ? null : Math.round(((r[2] as number) - (r[4] as number)) * 100) / 100]);
  const profitTable = ingestOrders([
    header,
    ...profitRows.map((r) => [r[0], r[1], r[2], r[3], r[4] === null ? null : Math.round(((r[2] as number) - (r[4] as number)) * 100) / 100]),
  ]).table as OrdersTable;
  const profitSource: OrdersSource = {
    ...source,
    sheet: 'Profit',
    columns: { date: 'A', customer: 'B', amount: 'C', quantity: 'D', profit: 'E' },
    numeric: ['date', 'amount', 'quantity', 'profit'],
  };
  const profitPlan = buildDashboardPlan({
    inputs: { orders: profitTable },
    asOf: AS_OF,
    source: profitSource,
    sourceLabel: 'profit',
    kpis: ['gross_margin'],
  });

  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-metrics-live-'));
  const file = path.join(outDir, 'live.xlsx');
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  let dash: Map<string, number>;
  let profit: Map<string, number>;
  beforeAll(async () => {
    const plans = [
      wrongCache(dashboard),
      { ...wrongCache(profitPlan), name: 'ProfitDashboard', charts: [] },
      dataSheet('Data', header, rows),
      dataSheet('Profit', ['Date', 'Customer', 'Amount', 'Quantity', 'Profit'], profitRows),
    ];
    fs.writeFileSync(file, await writeWorkbook(new ExcelJS.Workbook(), plans));
    const [recalculated] = await recalculate([file], path.join(outDir, 'recalc'));
    const parts = await unzipText(fs.readFileSync(recalculated));
    dash = numericValues(parts.get(sheetPart(parts, 'Dashboard'))!);
    profit = numericValues(parts.get(sheetPart(parts, 'ProfitDashboard'))!);
  });

  it('the data has the awkward lines, and the engine skipped the lines without an amount', () => {
    expect(table.length).toBe(rows.length - 2);
    expect(rows.some((r) => r[2] === 0)).toBe(true);
    expect(rows.some((r) => (r[2] as number) < 0)).toBe(true);
    expect(rows.some((r) => r[3] === null) && rows.some((r) => r[4] === null)).toBe(true);
    expect(source.numeric).toEqual(['date', 'amount', 'quantity', 'cost']);
  });

  it('every live key figure, in all three windows, recalculates to the engine value', () => {
    const live = dashboard.cells.filter((c) => /^[BCG]\d+$/.test(c.ref) && c.formula && Number(c.ref.slice(1)) < 15);
    expect(live.map((c) => c.ref)).toEqual(['B7', 'C7', 'G7', 'B8', 'C8', 'G8', 'B9', 'C9', 'G9', 'B10', 'C10', 'G10', 'B11', 'C11', 'G11', 'B12', 'C12', 'G12']);
    for (const cell of live) {
      expect(typeof cell.result).toBe('number');
      expect([cell.ref, dash.get(cell.ref)]).toEqual([cell.ref, expect.closeTo(cell.result as number, 9)]);
    }
  });

  it('every formula of the sheet with an engine value (trend, breakdown, comparisons) recalculates to it', () => {
    const checked = dashboard.cells.filter((c) => c.formula && typeof c.result === 'number');
    expect(checked.length).toBeGreaterThan(80);
    for (const cell of checked)
      expect([cell.ref, cell.formula, dash.get(cell.ref)]).toEqual([cell.ref, cell.formula, expect.closeTo(cell.result as number, 6)]);
  });

  it('gross margin from a profit column equals the engine value from cost = amount − profit', () => {
    const cell = profitPlan.cells.find((c) => c.ref === 'B7')!;
    expect(cell.formula).toMatch(/^IF\(SUMIFS\(Profit!\$C\$2:\$C\$\d+,.*Profit!\$E\$2:\$E\$\d+,"<>"\)=0,"—",SUMIFS\(Profit!\$E/);
    for (const ref of ['B7', 'C7', 'G7']) {
      const engine = profitPlan.cells.find((c) => c.ref === ref)!.result as number;
      expect([ref, profit.get(ref)]).toEqual([ref, expect.closeTo(engine, 9)]);
    }
  });
});
