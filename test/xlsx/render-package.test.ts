import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { XMLValidator } from 'fast-xml-parser';
import {
  emptyPlan,
  formulaCell,
  textCell,
  valueCell,
  type ChartPlan,
  type SheetPlan,
} from '../../src/sheets/plan';
import { CONDITIONAL_STYLES } from '../../src/sheets/styles';
import { cellsOf, parseRange } from '../../src/sheets/a1';
import { parseRelationships, relsPathOf, resolveTarget } from '../../src/xlsx/charts/package';
import { openSheetsOf, writeIntoPackage } from '../../src/xlsx/render-package';
import { writeWorkbook } from '../../src/xlsx/render-workbook';
import { mergeStyles } from '../../src/xlsx/splice-styles';
import { reload, snapshotSheet, unzipText } from './helpers';

const REVIEW = 'Review 2026-W48';
const ours = (name: string) => name === 'Dashboard' || name === REVIEW || name === '_sales_metrics';

function tinyPng(): Buffer {
  const png = new PNG({ width: 2, height: 2 });
  png.data.fill(200);
  return PNG.sync.write(png);
}

/** A user's workbook with its own styles, shared strings, table, picture, names and conditional format. */
async function userPackage(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet('Data');
  data.columns = [{ width: 12 }, { width: 18 }, { width: 30 }];
  data.addTable({
    name: 'Sales',
    ref: 'A1',
    headerRow: true,
    columns: [{ name: 'Date' }, { name: 'Amount' }, { name: 'Note' }],
    rows: [
      [new Date(Date.UTC(2026, 0, 5)), 1250.5, 'first'],
      [new Date(Date.UTC(2026, 0, 6)), -20, '=looks like a formula'],
      [new Date(Date.UTC(2026, 0, 7)), 300, 'third'],
    ],
  });
  data.getCell('B6').value = { formula: 'SUM(B2:B4)', result: 1530.5 };
  data.getCell('B2').numFmt = '"$"#,##0.00';
  data.getCell('D1').font = { bold: true, color: { argb: 'FFFF0000' } };
  data.getCell('D1').value = 'bold red';
  data.addConditionalFormatting({
    ref: 'B2:B4',
    rules: [
      {
        type: 'cellIs',
        operator: 'lessThan',
        formulae: ['0'],
        priority: 1,
        style: { font: { italic: true } },
      },
    ],
  });
  data.addImage(wb.addImage({ buffer: tinyPng() as never, extension: 'png' }), 'F2:G4');
  wb.definedNames.add('Data!$B$2:$B$4', 'UserAmounts');
  wb.addWorksheet('Notes').getCell('A1').value = 'Keep me';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function chart(q: string): ChartPlan {
  return {
    type: 'line',
    title: 'Revenue',
    anchor: { from: 'F1', to: 'L15' },
    categories: `${q}!$A$5:$A$6`,
    series: [{ name: 'Revenue', ref: `${q}!$B$5:$B$6` }],
  };
}

function dashboardPlan(): SheetPlan {
  return {
    ...emptyPlan('Dashboard'),
    tabColor: '1F4E79',
    columns: [
      { index: 1, width: 22 },
      { index: 2, width: 14 },
    ],
    cells: [
      textCell('A1', 'Sales dashboard', 'title'),
      textCell('A4', 'Metric', 'header'),
      textCell('B4', 'Value', 'header'),
      textCell('C4', 'Change', 'header'),
      textCell('A5', 'Revenue'),
      formulaCell('B5', 'SUM(Data!B2:B4)', '#,##0.0'),
      valueCell('C5', 0.12, '+0.0%;-0.0%;0.0%'),
      textCell('A6', 'Orders'),
      formulaCell('B6', 'COUNT(Data!B2:B4)', '#,##0'),
      valueCell('C6', -0.05, '"$"#,##0.00'),
      { ref: 'A8', value: 'Computed from the Data sheet', note: 'Refreshed by the add-in', style: 'note' },
      textCell('A9', 'first'),
      textCell('A10', '=not a formula'),
    ],
    merges: ['A1:C1'],
    conditionalFormats: [
      {
        type: 'cellIs',
        ref: 'C5:C6',
        operator: 'greaterThanOrEqual',
        formulae: ['0'],
        style: CONDITIONAL_STYLES.good,
      },
      { type: 'cellIs', ref: 'C5:C6', operator: 'lessThan', formulae: ['0'], style: CONDITIONAL_STYLES.bad },
      { type: 'dataBar', ref: 'C5:C6', color: '2E7D32', negativeColor: 'C62828' },
    ],
    tables: [{ name: 'KpiTable', ref: 'A4:C6', columns: ['Metric', 'Value', 'Change'] }],
    namedRanges: [{ name: 'KpiRevenue', ref: 'Dashboard!$B$5' }],
    areas: [{ ref: 'A4:C6', owner: 'computed', name: 'kpis' }],
    freeze: { row: 3, column: 1 },
    charts: [chart('Dashboard')],
  };
}

function reviewPlan(): SheetPlan {
  return {
    ...emptyPlan(REVIEW),
    cells: [
      textCell('A1', 'Weekly review', 'title'),
      textCell('A6', 'Action', 'header'),
      textCell('B6', 'Owner', 'header'),
      textCell('C6', 'Due', 'header'),
      textCell('D6', 'Status', 'header'),
      ...cellsOf(parseRange('A7:D10')!).map((ref) => ({
        ref,
        value: ref.startsWith('D') ? 'open' : null,
        style: 'input' as const,
      })),
    ],
    tables: [{ name: 'Actions_2026_W48', ref: 'A6:D10', columns: ['Action', 'Owner', 'Due', 'Status'] }],
    areas: [{ ref: 'A7:D10', owner: 'people', name: 'actions' }],
    protectedAreas: ['A1:D6'],
    charts: [],
  };
}

function configPlan(): SheetPlan {
  return {
    ...emptyPlan('_sales_metrics'),
    hidden: 'veryHidden',
    cells: [textCell('A1', '{"version":1}')],
    charts: [],
  };
}

const plans = () => [dashboardPlan(), reviewPlan(), configPlan()];

/** Every relationship resolves, every part has a content type and parses, no content type points nowhere. */
function checkPackage(parts: Map<string, string>): void {
  const types = parts.get('[Content_Types].xml')!;
  const defaults = new Set([...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1]));
  const overrides = new Set([...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]));
  for (const [path, text] of parts) {
    expect(path.endsWith('/')).toBe(false);
    if (path.endsWith('.xml') || path.endsWith('.rels'))
      expect([path, XMLValidator.validate(text)]).toEqual([path, true]);
    if (path !== '[Content_Types].xml')
      expect([path, overrides.has(path) || defaults.has(path.split('.').pop()!)]).toEqual([path, true]);
    if (path.endsWith('.rels') && path !== '_rels/.rels') {
      const source = path.replace(/_rels\/([^/]+)\.rels$/, '$1');
      for (const rel of parseRelationships(text)) {
        expect([path, rel.id, parts.has(resolveTarget(source, rel.target))]).toEqual([path, rel.id, true]);
      }
    }
    if (!path.endsWith('.rels') && path.endsWith('.xml')) {
      const used = [...text.matchAll(/\br:(?:id|embed)="([^"]+)"/g)].map((m) => m[1]);
      if (used.length === 0) continue;
      const declared = new Set(parseRelationships(parts.get(relsPathOf(path)) ?? '').map((r) => r.id));
      for (const id of used) expect([path, id, declared.has(id)]).toEqual([path, id, true]);
    }
  }
  for (const over of overrides) expect([over, parts.has(over)]).toEqual([over, true]);
}

function definedNames(parts: Map<string, string>): string[] {
  return [...parts.get('xl/workbook.xml')!.matchAll(/<definedName\b[^>]*name="([^"]+)"/g)]
    .map((m) => m[1])
    .sort();
}

describe('writeIntoPackage', () => {
  let source: Buffer;
  let spliced: Buffer;
  beforeAll(async () => {
    source = await userPackage();
    spliced = await writeIntoPackage(source, new ExcelJS.Workbook(), plans());
  });

  it('gives our sheets the same cells, formats, looks and merges as writing through the model', async () => {
    const viaModel = await reload(await writeWorkbook(await reload(source), plans()));
    const viaSplice = await reload(spliced);
    expect(viaSplice.worksheets.map((ws) => [ws.name, ws.state])).toEqual(
      viaModel.worksheets.map((ws) => [ws.name, ws.state]),
    );
    for (const name of ['Data', 'Notes', 'Dashboard', REVIEW, '_sales_metrics']) {
      expect([name, snapshotSheet(viaSplice.getWorksheet(name)!)]).toEqual([
        name,
        snapshotSheet(viaModel.getWorksheet(name)!),
      ]);
    }
    const dash = viaSplice.getWorksheet('Dashboard')!;
    expect(dash.getCell('A10').value).toBe('=not a formula');
    expect(dash.getCell('B5').value).toEqual({ formula: 'SUM(Data!B2:B4)' });
    expect(dash.getCell('A8').note).toBe('Refreshed by the add-in');
    expect((await unzipText(spliced)).get('xl/workbook.xml')).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });

  it("carries the user's parts over byte for byte and keeps every reference resolving", async () => {
    const before = await JSZip.loadAsync(source);
    const after = await JSZip.loadAsync(spliced);
    const edited = new Set([
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      '[Content_Types].xml',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
    ]);
    for (const path of Object.keys(before.files)) {
      if (edited.has(path) || before.files[path].dir) continue;
      expect([path, await after.file(path)?.async('nodebuffer')]).toEqual([
        path,
        await before.file(path)!.async('nodebuffer'),
      ]);
    }
    const parts = await unzipText(spliced);
    checkPackage(parts);
    // Ours take fresh part names and table ids beside the user's.
    expect([...parts.keys()].filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p))).toHaveLength(3);
    const ids = [...parts.entries()]
      .filter(([p]) => p.startsWith('xl/tables/'))
      .map(([, x]) => /<table\b[^>]*\sid="(\d+)"/.exec(x)![1]);
    expect(new Set(ids).size).toBe(3);
    expect(definedNames(parts)).toEqual([
      'KpiRevenue',
      'SM_Dashboard_kpis',
      'SM_Review_2026_W48_actions',
      'UserAmounts',
    ]);
    // The user's styles keep their indexes: their cell formats are a prefix of the merged ones.
    const xfs = (xml: string) => /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)![1];
    const userStyles = await before.file('xl/styles.xml')!.async('string');
    expect(xfs(parts.get('xl/styles.xml')!).startsWith(xfs(userStyles))).toBe(true);
    const userPicture = await reload(spliced);
    expect(userPicture.getWorksheet('Data')!.getImages()).toHaveLength(1);
  });

  it('replaces our sheets on refresh without leftovers and keeps what people typed', async () => {
    const typedBook = await reload(spliced);
    typedBook.getWorksheet(REVIEW)!.getCell('A8').value = 'Call the top accounts';
    typedBook.getWorksheet(REVIEW)!.getCell('D8').value = 'done';
    const typed = Buffer.from(await typedBook.xlsx.writeBuffer());
    const once = await writeIntoPackage(typed, await openSheetsOf(typed, ours), plans());
    const twice = await writeIntoPackage(once, await openSheetsOf(once, ours), plans());
    const [first, second] = [await unzipText(once), await unzipText(twice)];
    checkPackage(second);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    expect(second.get('xl/styles.xml')).toBe(first.get('xl/styles.xml'));
    expect(definedNames(second)).toEqual(definedNames(first));
    const back = await reload(twice);
    expect(back.worksheets.map((ws) => ws.name)).toEqual([
      'Data',
      'Notes',
      'Dashboard',
      REVIEW,
      '_sales_metrics',
    ]);
    expect(back.getWorksheet(REVIEW)!.getCell('A8').value).toBe('Call the top accounts');
    expect(back.getWorksheet(REVIEW)!.getCell('D8').value).toBe('done');
    expect(back.getWorksheet(REVIEW)!.getCell('D9').value).toBe('open');
    expect(snapshotSheet(back.getWorksheet('Data')!)).toEqual(
      snapshotSheet((await reload(source)).getWorksheet('Data')!),
    );
  });

  it("drops the calculation chain and keeps parts the user's sheets still use", async () => {
    const zip = await JSZip.loadAsync(spliced);
    const parts = await unzipText(spliced);
    const dashboardRels = [...parts.keys()].find(
      (p) => p.startsWith('xl/worksheets/_rels/') && parts.get(p)!.includes('/drawing'),
    )!;
    const media = [...parts.keys()].find((p) => p.startsWith('xl/media/'))!;
    // As if Excel had saved it: a calculation chain, and our sheet sharing the user's picture.
    zip.file(
      'xl/calcChain.xml',
      '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B5" i="3"/></calcChain>',
    );
    zip.file(
      'xl/_rels/workbook.xml.rels',
      parts
        .get('xl/_rels/workbook.xml.rels')!
        .replace(
          '</Relationships>',
          '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
        ),
    );
    zip.file(
      '[Content_Types].xml',
      parts
        .get('[Content_Types].xml')!
        .replace(
          '</Types>',
          '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
        ),
    );
    zip.file(
      dashboardRels,
      parts
        .get(dashboardRels)!
        .replace(
          '</Relationships>',
          `<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../${media.slice(3)}"/></Relationships>`,
        ),
    );
    const saved = await zip.generateAsync({ type: 'nodebuffer' });
    const refreshed = await unzipText(
      await writeIntoPackage(saved, await openSheetsOf(saved, ours), plans()),
    );
    checkPackage(refreshed);
    expect(refreshed.has('xl/calcChain.xml')).toBe(false);
    expect(refreshed.get('xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(refreshed.has(media)).toBe(true);
  });

  it('keeps the tab position of a replaced sheet', async () => {
    const wb = await reload(spliced);
    (wb.getWorksheet('Notes') as unknown as { orderNo: number }).orderNo = 99; // Notes moves to the end
    const moved = Buffer.from(await wb.xlsx.writeBuffer());
    const again = await reload(await writeIntoPackage(moved, await openSheetsOf(moved, ours), plans()));
    expect(again.worksheets.map((ws) => ws.name)).toEqual([
      'Data',
      'Dashboard',
      REVIEW,
      '_sales_metrics',
      'Notes',
    ]);
  });
});

describe('mergeStyles', () => {
  it('refuses a stylesheet in a form it does not read', () => {
    expect(() => mergeStyles('<x:styleSheet xmlns:x="urn:x"/>', '<styleSheet/>')).toThrow(
      /plain SpreadsheetML/,
    );
  });

  const head =
    '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
  const theirs =
    `${head}<fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
  const mine =
    `${head}<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="2"><font><sz val="11"/></font><font><b/></font></fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
    '<dxfs count="2"><dxf><font><i/></font></dxf><dxf><font><i/></font></dxf></dxfs></styleSheet>';

  it('appends what is new, reuses what is identical, and inserts missing sections in schema order', () => {
    const { xml, maps } = mergeStyles(theirs, mine);
    expect(maps.xf).toEqual([0, 1]);
    expect(maps.dxf).toEqual([0, 0]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain(
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="2">',
    );
    expect(xml).toContain(
      '<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
    );
    expect(xml).toMatch(
      /<\/cellStyles><dxfs count="1"><dxf><font><i\/><\/font><\/dxf><\/dxfs><\/styleSheet>$/,
    );
    // Merging again changes nothing.
    const again = mergeStyles(xml, mine);
    expect(again.xml).toBe(xml);
  });

  it("maps a format code the user already has to the user's id", () => {
    const user = theirs.replace(
      '<fonts',
      '<numFmts count="1"><numFmt numFmtId="170" formatCode="0.0%"/></numFmts><fonts',
    );
    const { xml } = mergeStyles(user, mine);
    expect(xml).toContain('<xf numFmtId="170" fontId="1"');
    expect(xml).toContain('<numFmts count="1">');
  });
});
