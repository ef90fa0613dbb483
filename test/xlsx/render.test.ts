import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { renderSheetPlan, readPeopleAreas, areaRangeName } from '../../src/xlsx/render';
import { writeWorkbook } from '../../src/xlsx/render-workbook';
import { emptyPlan, textCell, valueCell, formulaCell, type SheetPlan } from '../../src/sheets/plan';
import { CONDITIONAL_STYLES } from '../../src/sheets/styles';
import { cellsOf, parseRange } from '../../src/sheets/a1';
import { reload, saveAndReload, unzipText, sheetPart, cellXml, snapshotSheet } from './helpers';

const INJECTION_TEXTS = ['=SUM(A1:A3)', '+1', '-42', '@mention', '=1+1', '=HYPERLINK("http://example.com","x")'];

function dashboardPlan(): SheetPlan {
  return {
    ...emptyPlan('Dashboard'),
    tabColor: '1F4E79',
    columns: [{ index: 1, width: 22 }, { index: 2, width: 14 }],
    cells: [
      textCell('A1', 'Sales dashboard', 'title'),
      textCell('A2', 'As of 2026-11-27', 'subtitle'),
      textCell('A4', 'Metric', 'header'), textCell('B4', 'Value', 'header'), textCell('C4', 'Change', 'header'),
      textCell('A5', 'Revenue'), formulaCell('B5', 'SUM(Data!B2:B4)', '#,##0'), valueCell('C5', 0.12, '+0.0%;-0.0%;0.0%'),
      textCell('A6', 'Orders'), formulaCell('B6', 'COUNT(Data!B2:B4)', '#,##0'), valueCell('C6', -0.05, '+0.0%;-0.0%;0.0%'),
      { ref: 'A8', value: 'Revenue is computed from the Data sheet', note: 'Refreshed by the add-in', style: 'note' },
      ...INJECTION_TEXTS.map((t, i) => textCell(`E${i + 1}`, t)),
    ],
    merges: ['A1:C1'],
    conditionalFormats: [
      { type: 'cellIs', ref: 'C5:C6', operator: 'greaterThanOrEqual', formulae: ['0'], style: CONDITIONAL_STYLES.good },
      { type: 'cellIs', ref: 'C5:C6', operator: 'lessThan', formulae: ['0'], style: CONDITIONAL_STYLES.bad },
      { type: 'dataBar', ref: 'C5:C6', color: '2E7D32', negativeColor: 'C62828' },
      { type: 'colorScale', ref: 'B5:B6', colors: ['FFFFFF', 'FFEB84', '63BE7B'] },
      { type: 'iconSet', ref: 'C5:C6', iconSet: '3TrafficLights1', thresholds: [-0.02, 0.02] },
      { type: 'expression', ref: 'A5:A6', formula: 'LEN($A5)>6', style: { bold: true } },
    ],
    tables: [{ name: 'KpiTable', ref: 'A4:C6', columns: ['Metric', 'Value', 'Change'] }],
    namedRanges: [{ name: 'KpiRevenue', ref: 'Dashboard!$B$5' }],
    areas: [{ ref: 'A4:C6', owner: 'computed', name: 'kpis' }],
    freeze: { row: 3, column: 1 },
    charts: [],
  };
}

/** A user's own workbook: values, formulas, formats, merges, widths; saved and reopened like a real file. */
async function userWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet('Data');
  data.columns = [{ width: 12 }, { width: 18 }, { width: 30 }];
  data.addRow(['Date', 'Amount', 'Note']);
  data.addRow([new Date(Date.UTC(2026, 0, 5)), 1250.5, 'first']);
  data.addRow([new Date(Date.UTC(2026, 0, 6)), -20, '=looks like a formula']);
  data.addRow([new Date(Date.UTC(2026, 0, 7)), 300, true]);
  data.getCell('B5').value = { formula: 'SUM(B2:B4)', result: 1530.5 };
  data.getCell('B2').numFmt = '"$"#,##0.00';
  data.getCell('A1').font = { bold: true, color: { argb: 'FFFF0000' } };
  data.getCell('C1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  data.mergeCells('D1:E1');
  data.getCell('D1').value = 'merged by the user';
  const notes = wb.addWorksheet('Notes');
  notes.getCell('A1').value = 'Keep me';
  return saveAndReload(wb);
}

describe('renderSheetPlan', () => {
  it('writes formula-like text as text: ExcelJS reads strings back, the XML has no <f>', async () => {
    const wb = await userWorkbook();
    const buffer = await writeWorkbook(wb, [dashboardPlan()]);
    const back = await reload(buffer);
    const ws = back.getWorksheet('Dashboard')!;
    INJECTION_TEXTS.forEach((text, i) => {
      expect(ws.getCell(`E${i + 1}`).value).toBe(text);
      expect(ws.getCell(`E${i + 1}`).type).toBe(ExcelJS.ValueType.String);
    });
    const parts = await unzipText(buffer);
    const xml = parts.get(sheetPart(parts, 'Dashboard'))!;
    INJECTION_TEXTS.forEach((_, i) => {
      const c = cellXml(xml, `E${i + 1}`)!;
      expect(c).toMatch(/ t="(s|inlineStr)"/);
      expect(c).not.toContain('<f>');
    });
    // …while real formulas are formulas, computed by Excel when the file opens.
    expect(cellXml(xml, 'B5')).toContain('<f>SUM(Data!B2:B4)</f>');
    expect(parts.get('xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('never touches the user sheets, across two renders and reloads', async () => {
    const wb = await userWorkbook();
    const before = { data: snapshotSheet(wb.getWorksheet('Data')!), notes: snapshotSheet(wb.getWorksheet('Notes')!) };
    const once = await reload(await writeWorkbook(wb, [dashboardPlan()]));
    const twice = await reload(await writeWorkbook(once, [dashboardPlan()]));
    expect(snapshotSheet(twice.getWorksheet('Data')!)).toEqual(before.data);
    expect(snapshotSheet(twice.getWorksheet('Notes')!)).toEqual(before.notes);
    expect(twice.worksheets.map((w) => w.name)).toEqual(['Data', 'Notes', 'Dashboard']);
  });

  it('is idempotent and replaces the sheet in its tab position', async () => {
    const wb = await userWorkbook();
    const first = await reload(await writeWorkbook(wb, [dashboardPlan()]));
    // Move Dashboard between the user's sheets, as a person dragging the tab would
    // (a loaded workbook numbers its sheets 0, 1, 2 in tab order).
    (first.getWorksheet('Dashboard') as unknown as { orderNo: number }).orderNo = 0.5;
    const second = await reload(await writeWorkbook(first, [dashboardPlan()]));
    const third = await reload(await writeWorkbook(second, [dashboardPlan()]));
    expect(third.worksheets.map((w) => w.name)).toEqual(['Data', 'Dashboard', 'Notes']);
    expect(snapshotSheet(third.getWorksheet('Dashboard')!)).toEqual(snapshotSheet(second.getWorksheet('Dashboard')!));
    expect(third.definedNames.model.filter((n) => n.name === 'KpiRevenue')).toEqual([{ name: 'KpiRevenue', ranges: ['Dashboard!$B$5'] }]);
  });

  it('keeps names people defined, even on the product sheet', async () => {
    const wb = await reload(await writeWorkbook(await userWorkbook(), [dashboardPlan()]));
    wb.definedNames.add('Dashboard!$C$5', 'MyGrowth');
    wb.definedNames.add('Data!$B$2:$B$4', 'Amounts');
    const back = await reload(await writeWorkbook(wb, [{ ...dashboardPlan(), areas: [] }]));
    const names = Object.fromEntries(back.definedNames.model.map((n) => [n.name, n.ranges]));
    expect(names).toEqual({ KpiRevenue: ['Dashboard!$B$5'], MyGrowth: ['Dashboard!$C$5'], Amounts: ['Data!$B$2:$B$4'] });
  });

  it('writes formats, styles, notes, merges, widths, freeze panes, tables, names and conditional formats', async () => {
    const back = await reload(await writeWorkbook(new ExcelJS.Workbook(), [dashboardPlan()]));
    const ws = back.getWorksheet('Dashboard')!;
    expect(ws.getCell('B5').value).toEqual({ formula: 'SUM(Data!B2:B4)' });
    expect(ws.getCell('B5').numFmt).toBe('#,##0');
    expect(ws.getCell('A4').font.bold).toBe(true);
    expect(ws.getCell('A4').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } });
    expect(ws.getCell('A8').note).toBe('Refreshed by the add-in');
    expect((ws.model as { merges: string[] }).merges).toEqual(['A1:C1']);
    expect(ws.getColumn(1).width).toBe(22);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 3 });
    expect(ws.properties.tabColor).toEqual({ argb: 'FF1F4E79' });
    expect(ws.getTable('KpiTable')).toBeDefined();
    expect(back.definedNames.getRanges('KpiRevenue').ranges).toEqual(['Dashboard!$B$5']);
    expect(back.definedNames.getRanges(areaRangeName('Dashboard', 'kpis')).ranges).toEqual(['Dashboard!$A$4:$C$6']);
    const cfs = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    const rules = cfs.flatMap((cf) => cf.rules.map((r) => r.type));
    expect(rules.sort()).toEqual(['cellIs', 'cellIs', 'colorScale', 'dataBar', 'expression', 'iconSet']);
  });

  it('hides the config-style sheet very hidden', async () => {
    const wb = new ExcelJS.Workbook();
    renderSheetPlan(wb, dashboardPlan());
    renderSheetPlan(wb, { ...emptyPlan('_sales_metrics'), cells: [textCell('A1', '{}')], hidden: 'veryHidden' });
    const back = await saveAndReload(wb);
    expect(back.getWorksheet('_sales_metrics')!.state).toBe('veryHidden');
    expect(back.getWorksheet('Dashboard')!.state).toBe('visible');
  });

  it('refuses a malformed table instead of writing a broken file', () => {
    const plan = { ...dashboardPlan(), tables: [{ name: 'Bad', ref: 'A4:C6', columns: ['only one'] }] };
    expect(() => renderSheetPlan(new ExcelJS.Workbook(), plan)).toThrow(/1 column names for a 3-column range/);
  });
});

describe('text the file format cannot hold', () => {
  it('drops XML-invalid characters instead of writing an unreadable file (property)', async () => {
    const controls = fc.constantFrom('\r', '\r\n', '\u0001', '\u0008', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDC00', 'a', '=', '\t');
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.array(controls, { maxLength: 8 }).map((a) => a.join('')));
    await fc.assert(fc.asyncProperty(text, async (text) => {
      const plan = { ...emptyPlan('Dashboard'), cells: [textCell('A1', text), { ref: 'A2', value: 'x', note: text }] };
      const back = await reload(await writeWorkbook(new ExcelJS.Workbook(), [plan]));
      const value = back.getWorksheet('Dashboard')!.getCell('A1').value;
      const kept = text
        .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
        .replace(/\r\n?/g, '\n');
      expect(value ?? '').toBe(kept); // the text survives, minus what XML forbids, with LF line breaks
    }), { numRuns: 40 });
  });
});

describe('people areas survive refreshes', () => {
  const SHEET = 'Review 2026-W48';
  function reviewPlan(extraRowsAbove: number): SheetPlan {
    const top = 6 + extraRowsAbove;
    const body = `A${top + 1}:D${top + 4}`;
    return {
      ...emptyPlan(SHEET),
      cells: [
        textCell('A1', 'Weekly review', 'title'),
        ...Array.from({ length: extraRowsAbove }, (_, i) => textCell(`A${3 + i}`, `Rep ${i + 1}`)),
        textCell(`A${top}`, 'Action', 'header'), textCell(`B${top}`, 'Owner', 'header'),
        textCell(`C${top}`, 'Due', 'header'), textCell(`D${top}`, 'Status', 'header'),
        ...cellsOf(parseRange(body)!).map((ref) => ({ ref, value: ref.startsWith('D') ? 'open' : null, style: 'input' as const })),
      ],
      tables: [{ name: 'Actions_2026_W48', ref: `A${top}:D${top + 4}`, columns: ['Action', 'Owner', 'Due', 'Status'] }],
      areas: [{ ref: body, owner: 'people', name: 'actions' }],
      protectedAreas: [`A1:D${top}`],
    };
  }

  it('keeps every edit over 10 refreshes, while the area moves', async () => {
    let wb = await reload(await writeWorkbook(await userWorkbook(), [reviewPlan(0)]));
    const expected = new Map<string, unknown>();
    for (let round = 1; round <= 10; round++) {
      const top = 6 + (round - 1) % 3; // where the previous render put the header
      const ws = wb.getWorksheet(SHEET)!;
      const row = top + 1 + (round % 4);
      const edits: [string, unknown][] = [
        [`A${row}`, `Action ${round}: ${round % 2 ? '=call the client' : 'email'}`],
        [`B${row}`, round % 3 ? 'Dewi' : '@Rudi'],
        [`D${row}`, round % 2 ? 'done' : null],
      ];
      for (const [ref, value] of edits) {
        ws.getCell(ref).value = value as ExcelJS.CellValue;
        expected.set(`${ref[0]}${row - top}`, value); // remember by column + row within the table
      }
      wb = await reload(await writeWorkbook(wb, [reviewPlan(round % 3)]));
      const now = wb.getWorksheet(SHEET)!;
      const newTop = 6 + round % 3;
      for (const [key, value] of expected) {
        expect([key, now.getCell(`${key[0]}${newTop + Number(key.slice(1))}`).value]).toEqual([key, value]);
      }
    }
    expect(snapshotSheet(wb.getWorksheet('Data')!)).toEqual(snapshotSheet((await userWorkbook()).getWorksheet('Data')!));
  });

  it('keeps a typed date through a refresh in a 1904-date-system workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    let back = await reload(await writeWorkbook(wb, [reviewPlan(0)]));
    expect(back.properties.date1904).toBe(true);
    back.getWorksheet(SHEET)!.getCell('C8').value = new Date(Date.UTC(2026, 11, 4));
    back.getWorksheet(SHEET)!.getCell('C8').numFmt = 'd mmm yyyy'; // as Excel formats a typed date
    back = await reload(await writeWorkbook(back, [reviewPlan(1)]));
    expect(back.getWorksheet(SHEET)!.getCell('C9').value).toEqual(new Date(Date.UTC(2026, 11, 4)));
  });

  it('reads a people area where its workbook name says, and unlocks only people cells', async () => {
    const wb = await reload(await writeWorkbook(new ExcelJS.Workbook(), [reviewPlan(0)]));
    const ws = wb.getWorksheet(SHEET)!;
    ws.getCell('C8').value = new Date(Date.UTC(2026, 11, 4));
    ws.getCell('C8').numFmt = 'yyyy-mm-dd';
    const areas = readPeopleAreas(wb, SHEET, reviewPlan(2));
    expect(areas).toHaveLength(1);
    expect(areas[0].ref).toBe('A7:D10'); // from the name, not the fresh plan's A9:D12
    expect(areas[0].cells.find((c) => c.ref === 'C8')).toEqual({ ref: 'C8', value: 46360, format: 'yyyy-mm-dd' });
    expect(ws.getCell('A7').protection).toMatchObject({ locked: false });
    expect(ws.getCell('A6').protection?.locked).not.toBe(false);
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    expect(readPeopleAreas(wb, 'No such sheet', reviewPlan(0))).toEqual([]);
  });
});
