/**
 * The written files, checked by an independent spreadsheet: LibreOffice recalculates the
 * native formulas on load (their cached results are deliberately wrong, so a match proves
 * recalculation) and draws the charts (PDF → PNG, pixels of the series colours).
 * Real data: the CDNOW sample (6,919 transactions), summed independently here.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PNG } from 'pngjs';
import { writeWorkbook } from '../../src/xlsx/render-workbook';
import { emptyPlan, textCell, valueCell, formulaCell, FORMATS, type CellPlan, type SheetPlan } from '../../src/sheets/plan';
import { describeWithLibreOffice, recalculate, convertToPdf, pdfToPng, pdfToText } from '../support/libreoffice';
import { reload } from './helpers';

interface Txn { customer: string; serial: number; cds: number; value: number }

const EXCEL_EPOCH_OFFSET_DAYS = 25569;

function loadCdnow(): Txn[] {
  const text = fs.readFileSync(path.join(__dirname, '../../../shared/data/cdnow_sample.txt'), 'utf8');
  return text.split('\n').filter((l) => l.trim()).map((line) => {
    const [customer, , ymd, cds, value] = line.trim().split(/\s+/);
    const day = Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)) - 1, Number(ymd.slice(6, 8))) / 86400000;
    return { customer, serial: day + EXCEL_EPOCH_OFFSET_DAYS, cds: Number(cds), value: Number(value) };
  });
}

const serialOf = (y: number, m: number) => Date.UTC(y, m - 1, 1) / 86400000 + EXCEL_EPOCH_OFFSET_DAYS;

function dataPlan(txns: readonly Txn[]): SheetPlan {
  const cells: CellPlan[] = [textCell('A1', 'Customer'), textCell('B1', 'Date'), textCell('C1', 'CDs'), textCell('D1', 'Value')];
  txns.forEach((t, i) => {
    const r = i + 2;
    cells.push(textCell(`A${r}`, t.customer), valueCell(`B${r}`, t.serial, FORMATS.date), valueCell(`C${r}`, t.cds), valueCell(`D${r}`, t.value));
  });
  return { ...emptyPlan('Data'), cells };
}

/** Monthly revenue/orders/AOV/units as SUMIFS/COUNTIFS/AVERAGEIFS, cached results set to a wrong -1. */
function monthlyPlan(rows: number): { plan: SheetPlan; months: { y: number; m: number }[] } {
  const months = Array.from({ length: 18 }, (_, i) => ({ y: 1997 + Math.floor(i / 12), m: (i % 12) + 1 }));
  const last = rows + 1;
  const col = (c: string) => `Data!$${c}$2:$${c}$${last}`;
  const cells: CellPlan[] = ['Month', 'Start', 'End', 'Revenue', 'Orders', 'AOV', 'Units'].map((h, i) => textCell(`${'ABCDEFG'[i]}1`, h, 'header'));
  months.forEach(({ y, m }, i) => {
    const r = i + 2;
    const next = m === 12 ? serialOf(y + 1, 1) : serialOf(y, m + 1);
    const window = `${col('B')},">="&$B${r},${col('B')},"<"&$C${r}`;
    cells.push(
      textCell(`A${r}`, `${y}-${String(m).padStart(2, '0')}`),
      valueCell(`B${r}`, serialOf(y, m), FORMATS.date), valueCell(`C${r}`, next, FORMATS.date),
      { ...formulaCell(`D${r}`, `SUMIFS(${col('D')},${window})`, FORMATS.money2), result: -1 },
      { ...formulaCell(`E${r}`, `COUNTIFS(${window})`, FORMATS.integer), result: -1 },
      { ...formulaCell(`F${r}`, `IFERROR(AVERAGEIFS(${col('D')},${window}),0)`, FORMATS.money2), result: -1 },
      { ...formulaCell(`G${r}`, `SUMIFS(${col('C')},${window})`, FORMATS.integer), result: -1 },
    );
  });
  cells.push(
    textCell('A21', 'Customer 00004'), { ...formulaCell('D21', `SUMIFS(${col('D')},${col('A')},"00004")`), result: -1 },
    textCell('A22', 'Total'), { ...formulaCell('D22', 'SUM(D2:D19)'), result: -1 }, { ...formulaCell('E22', 'SUM(E2:E19)'), result: -1 },
  );
  const plan: SheetPlan = {
    ...emptyPlan('Dashboard'),
    columns: [{ index: 1, width: 16 }, { index: 2, width: 11 }, { index: 3, width: 11 }, { index: 4, width: 12 }],
    cells,
    charts: [
      { type: 'line', title: 'CDNOW revenue by month', anchor: { from: 'I1', to: 'Q18' }, categories: 'Dashboard!$A$2:$A$19',
        series: [{ name: 'Revenue', ref: 'Dashboard!$D$2:$D$19', color: '1F77B4' }], yAxisFormat: '#,##0' },
      { type: 'bar', title: 'Orders by month', anchor: { from: 'I20', to: 'Q45' }, categories: 'Dashboard!$A$2:$A$19',
        series: [{ name: 'Orders', ref: 'Dashboard!$E$2:$E$19', color: 'D62728' }] },
    ],
  };
  return { plan, months };
}

/** Pixels close to a colour, and pixels that are not near-white. */
function countPixels(file: string, rgb: [number, number, number]): { matching: number; ink: number } {
  const png = PNG.sync.read(fs.readFileSync(file));
  let matching = 0;
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
    if (r < 240 || g < 240 || b < 240) ink += 1;
    if (Math.abs(r - rgb[0]) < 40 && Math.abs(g - rgb[1]) < 40 && Math.abs(b - rgb[2]) < 40) matching += 1;
  }
  return { matching, ink };
}

describeWithLibreOffice('LibreOffice reads what we write', () => {
  const txns = loadCdnow();
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-metrics-lo-'));
  const file = path.join(outDir, 'cdnow-dashboard.xlsx');
  const { plan, months } = monthlyPlan(txns.length);

  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  beforeAll(async () => {
    // Dashboard first, so its page is page 1 of the PDF (the data sheet would print ~200 pages).
    fs.writeFileSync(file, await writeWorkbook(new ExcelJS.Workbook(), [plan, dataPlan(txns)]));
  });

  it('recalculates SUMIFS / COUNTIFS / AVERAGEIFS to the independently computed figures', async () => {
    const [recalculated] = await recalculate([file], path.join(outDir, 'recalc'));
    const ws = (await reload(fs.readFileSync(recalculated))).getWorksheet('Dashboard')!;
    const resultOf = (ref: string) => (ws.getCell(ref).value as { result?: number }).result;
    months.forEach(({ y, m }, i) => {
      const start = serialOf(y, m);
      const end = m === 12 ? serialOf(y + 1, 1) : serialOf(y, m + 1);
      const inMonth = txns.filter((t) => t.serial >= start && t.serial < end);
      const revenue = inMonth.reduce((s, t) => s + t.value, 0);
      const r = i + 2;
      expect([r, resultOf(`D${r}`)]).toEqual([r, expect.closeTo(revenue, 6)]);
      expect([r, resultOf(`E${r}`)]).toEqual([r, inMonth.length]);
      expect([r, resultOf(`F${r}`)]).toEqual([r, expect.closeTo(inMonth.length ? revenue / inMonth.length : 0, 6)]);
      expect([r, resultOf(`G${r}`)]).toEqual([r, inMonth.reduce((s, t) => s + t.cds, 0)]);
    });
    const c4 = txns.filter((t) => t.customer === '00004').reduce((s, t) => s + t.value, 0);
    expect(resultOf('D21')).toBeCloseTo(c4, 6);
    expect(resultOf('D22')).toBeCloseTo(txns.reduce((s, t) => s + t.value, 0), 4);
    expect(resultOf('E22')).toBe(6919);
  });

  it('draws the line and bar charts from recalculated values (PDF → PNG has both series colours)', async () => {
    const [pdf] = await convertToPdf([file], outDir, { recalc: true, pages: '1' });
    // Axis labels in the thousands prove the charts plot recalculated figures, not the stale -1 caches.
    const text = await pdfToText(pdf);
    expect(text).toContain('CDNOW revenue by month');
    expect(text).toMatch(/\b[1-9]\d?,\d{3}\b/);
    expect(text).not.toMatch(/-1\.00/);
    const pages = await pdfToPng(pdf, path.join(outDir, 'page'));
    const counts = pages.map((p) => ({ p, blue: countPixels(p, [0x1f, 0x77, 0xb4]), red: countPixels(p, [0xd6, 0x27, 0x28]) }));
    const chartPage = counts.find((c) => c.blue.matching > 50 && c.red.matching > 200);
    // Keep the picture where a person can look at it.
    if (chartPage) fs.copyFileSync(chartPage.p, path.join(process.env.TEST_PICTURES_DIR ?? os.tmpdir(), 'sales-metrics-charts.png'));
    expect(chartPage).toBeDefined();
    expect(chartPage!.blue.ink).toBeGreaterThan(5000);
  });
});
