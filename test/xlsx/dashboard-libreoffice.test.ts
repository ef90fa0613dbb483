/**
 * The dashboard as a user would see it: LibreOffice recalculates every native formula on load
 * and each one must equal the engine's value (the plan's cached result); the dashboard page is
 * rendered to PNG for a person to look at.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PNG } from 'pngjs';
import { writeWorkbook } from '../../src/xlsx/render-workbook';
import { buildDashboardPlan } from '../../src/sheets/dashboard';
import { buildReviewPlan } from '../../src/sheets/review';
import { describeWithLibreOffice, recalculate, convertToPdf, pdfToPng } from '../support/libreoffice';
import { sampleOrders, AS_OF } from '../sheets/fixtures';
import { unzipText, sheetPart, numericValues } from './helpers';

describeWithLibreOffice('dashboard checked by LibreOffice', () => {
  const sample = sampleOrders();
  const dashboard = buildDashboardPlan({
    inputs: { orders: sample.table }, asOf: AS_OF, source: sample.source, sourceLabel: sample.source.label, refreshedAt: '2026-11-18 09:00',
    targets: { revenue: { goal: 9000, benchmark: 8000 }, aov: { goal: 250 } },
  });
  const review = buildReviewPlan({ inputs: { orders: sample.table }, asOf: AS_OF, sourceLabel: sample.source.label, weeklyGoals: { revenue: 2500 } });
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-metrics-dash-'));
  const file = path.join(outDir, 'dashboard.xlsx');

  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  beforeAll(async () => {
    fs.writeFileSync(file, await writeWorkbook(new ExcelJS.Workbook(), [dashboard, review, sample.dataPlan]));
  });

  it('every native formula with an engine value recalculates to that value', async () => {
    const [recalculated] = await recalculate([file], path.join(outDir, 'recalc'));
    const parts = await unzipText(fs.readFileSync(recalculated));
    const values = numericValues(parts.get(sheetPart(parts, 'Dashboard'))!);
    const checked = dashboard.cells.filter((c) => c.formula && typeof c.result === 'number');
    expect(checked.length).toBeGreaterThan(40);
    for (const cell of checked) {
      expect([cell.ref, cell.formula, values.get(cell.ref)]).toEqual([cell.ref, cell.formula, expect.closeTo(cell.result as number, 6)]);
    }
    // Arithmetic formulas without an engine value (KPI deltas, attainment) compute too.
    const revenueRow = dashboard.cells.find((c) => c.value === 'Revenue' && c.ref.startsWith('A'))!.ref.slice(1);
    const v = (ref: string) => values.get(ref)!;
    expect(v(`D${revenueRow}`)).toBeCloseTo(v(`B${revenueRow}`) - v(`C${revenueRow}`), 6);
    expect(v(`L${revenueRow}`)).toBeCloseTo((9000 * 18) / 30, 9);
    expect(v(`M${revenueRow}`)).toBeCloseTo(v(`B${revenueRow}`) / v(`L${revenueRow}`), 9);
  });

  it('renders the dashboard page with its charts', async () => {
    const [pdf] = await convertToPdf([file], outDir, { recalc: true, pages: '1' });
    const [page] = await pdfToPng(pdf, path.join(outDir, 'dashboard'));
    fs.copyFileSync(page, path.join(process.env.TEST_PICTURES_DIR ?? os.tmpdir(), 'sales-metrics-dashboard.png'));
    const png = PNG.sync.read(fs.readFileSync(page));
    let ink = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] < 200 || png.data[i + 1] < 200 || png.data[i + 2] < 200) ink += 1;
    expect(ink / (png.width * png.height)).toBeGreaterThan(0.02);
  });
});
