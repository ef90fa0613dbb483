import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import { XMLValidator } from 'fast-xml-parser';
import { addCharts } from '../../../src/xlsx/charts';
import { insertDrawingElement, resolveTarget, relsPathOf, parseRelationships, addRelationship } from '../../../src/xlsx/charts/package';
import { writeWorkbook } from '../../../src/xlsx/render-workbook';
import { emptyPlan, textCell, valueCell, type ChartPlan, type SheetPlan } from '../../../src/sheets/plan';
import { reload, unzipText, sheetPart } from '../helpers';

/** CT_Worksheet child order (ECMA-376 Part 1, §18.3.1.99). */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
  'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

/** Local names of the worksheet root's children, in document order. */
function topLevelChildren(xml: string): string[] {
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  const out: string[] = [];
  let depth = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[1]) { depth -= 1; continue; }
    if (depth === 1) out.push(m[2].replace(/^.*:/, ''));
    if (!m[4]) depth += 1;
  }
  return out;
}

/** Every internal relationship resolves, every r:id used by a part is declared, every part has a content type. */
function checkPackage(parts: Map<string, string>): void {
  const types = parts.get('[Content_Types].xml')!;
  const defaults = new Set([...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1]));
  const overrides = new Set([...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]));
  for (const [path, text] of parts) {
    if (path.endsWith('/')) continue;
    if (path.endsWith('.xml') || path.endsWith('.rels')) expect([path, XMLValidator.validate(text)]).toEqual([path, true]);
    if (path !== '[Content_Types].xml') {
      const ext = path.split('.').pop()!;
      expect([path, overrides.has(path) || defaults.has(ext)]).toEqual([path, true]);
    }
    if (path.endsWith('.rels')) {
      const source = path.replace(/_rels\/([^/]+)\.rels$/, '$1').replace(/^_rels\/\.rels$/, '');
      for (const rel of parseRelationships(text)) {
        if (/TargetMode="External"/.test(text) && rel.target.startsWith('http')) continue;
        const target = path === '_rels/.rels' ? rel.target.replace(/^\//, '') : resolveTarget(source, rel.target);
        expect([path, rel.id, parts.has(target)]).toEqual([path, rel.id, true]);
      }
    }
    if (!path.endsWith('.rels') && path.endsWith('.xml')) {
      const used = [...text.matchAll(/\br:(?:id|embed)="([^"]+)"/g)].map((m) => m[1]);
      if (used.length === 0) continue;
      const rels = parts.get(relsPathOf(path));
      expect([path, rels !== undefined]).toEqual([path, true]);
      const declared = new Set(parseRelationships(rels!).map((r) => r.id));
      for (const id of used) expect([path, id, declared.has(id)]).toEqual([path, id, true]);
    }
  }
  for (const over of overrides) expect([over, parts.has(over)]).toEqual([over, true]);
  // `Default Extension="xml"` would make any part "typed": charts and drawings need their own type.
  const typeOf = (part: string) => new RegExp(`<Override PartName="/${part}" ContentType="([^"]+)"`).exec(types)?.[1];
  for (const path of parts.keys()) {
    if (/^xl\/charts\/chart\d+\.xml$/.test(path)) expect([path, typeOf(path)]).toEqual([path, 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml']);
    if (/^xl\/drawings\/drawing\d+\.xml$/.test(path)) expect([path, typeOf(path)]).toEqual([path, 'application/vnd.openxmlformats-officedocument.drawing+xml']);
  }
}

function series(sheet: string, col: string): string {
  return `${sheet}!$${col}$2:$${col}$7`;
}

function chartPlan(sheetName: string): SheetPlan {
  const q = sheetName.includes(' ') ? `'${sheetName}'` : sheetName;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'];
  const charts: ChartPlan[] = [
    { type: 'line', title: 'Revenue & goal', anchor: { from: 'E1', to: 'L15' }, categories: series(q, 'A'),
      series: [{ name: 'Revenue', ref: series(q, 'B') }, { name: 'Goal <plan>', ref: series(q, 'C'), color: 'FF7F0E' }], yAxisFormat: '#,##0' },
    { type: 'bar', title: 'By month', anchor: { from: 'E17', to: 'L32' }, categories: series(q, 'A'), series: [{ name: 'Revenue', ref: series(q, 'B') }] },
    { type: 'column', title: 'Columns', anchor: { from: 'A17', to: 'D32' }, categories: series(q, 'A'), series: [{ name: 'Revenue', ref: series(q, 'B') }] },
  ];
  return {
    ...emptyPlan(sheetName),
    cells: [
      textCell('A1', 'Month', 'header'), textCell('B1', 'Revenue', 'header'), textCell('C1', 'Goal', 'header'),
      ...months.flatMap((m, i) => [textCell(`A${i + 2}`, m), valueCell(`B${i + 2}`, 100 + 20 * i), valueCell(`C${i + 2}`, 110 + 15 * i)]),
    ],
    tables: [{ name: `T_${sheetName.replace(/\W/g, '_')}`, ref: 'A1:C7', columns: ['Month', 'Revenue', 'Goal'] }],
    conditionalFormats: [{ type: 'dataBar', ref: 'B2:B7', color: '638EC6' }],
    charts,
  };
}

function tinyPng(): Buffer {
  const png = new PNG({ width: 2, height: 2 });
  png.data.fill(200);
  return PNG.sync.write(png);
}

describe('addCharts', () => {
  it('adds chart, drawing, relationship and content-type parts that all resolve', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data').getCell('A1').value = 'user data';
    const buffer = await writeWorkbook(wb, [chartPlan('Dashboard'), chartPlan('Review 2026-W48')]);
    const parts = await unzipText(buffer);
    checkPackage(parts);
    expect([...parts.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(6);
    expect([...parts.keys()].filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))).toHaveLength(2);
    const types = parts.get('[Content_Types].xml')!;
    expect(types).toContain('ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
    expect(types).toContain('ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"');
    // The user's sheet gets no drawing.
    expect(parts.get(sheetPart(parts, 'Data'))).not.toContain('<drawing');
  });

  it('puts <drawing> where CT_Worksheet orders it (before tableParts and extLst, after pageSetup)', async () => {
    const parts = await unzipText(await writeWorkbook(new ExcelJS.Workbook(), [chartPlan('Dashboard')]));
    const children = topLevelChildren(parts.get(sheetPart(parts, 'Dashboard'))!);
    expect(children).toEqual(expect.arrayContaining(['drawing', 'tableParts', 'extLst', 'pageSetup', 'conditionalFormatting']));
    const positions = children.map((c) => WORKSHEET_ORDER.indexOf(c));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(children.filter((c) => c === 'drawing')).toHaveLength(1);
  });

  it('writes the chart kinds, axes, caches and escaped names', async () => {
    const parts = await unzipText(await writeWorkbook(new ExcelJS.Workbook(), [chartPlan('Dashboard')]));
    const [line, bar, column] = [1, 2, 3].map((n) => parts.get(`xl/charts/chart${n}.xml`)!);
    expect(line).toContain('<c:lineChart><c:grouping val="standard"/>');
    expect(line).toContain('<c:v>Goal &lt;plan&gt;</c:v>');
    expect(line).toContain('<a:t>Revenue &amp; goal</a:t>');
    expect(line).toContain('<c:f>Dashboard!$B$2:$B$7</c:f><c:numCache><c:formatCode>#,##0</c:formatCode><c:ptCount val="6"/><c:pt idx="0"><c:v>100</c:v></c:pt>');
    expect(line).toContain('<c:strCache><c:ptCount val="6"/><c:pt idx="0"><c:v>Jan</c:v></c:pt>');
    expect(line).toContain('<a:srgbClr val="FF7F0E"/>');
    expect(bar).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(column).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    for (const xml of [line, bar, column]) {
      const ids = [...xml.matchAll(/<c:axId val="(\d+)"\/>/g)].map((m) => m[1]);
      const crosses = [...xml.matchAll(/<c:crossAx val="(\d+)"\/>/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(2);
      expect(new Set(crosses)).toEqual(new Set(ids));
    }
    const drawing = parts.get('xl/drawings/drawing1.xml')!;
    expect(drawing.match(/<xdr:twoCellAnchor/g)).toHaveLength(3);
    // E1 → (col 4, row 0); to L15 → the corner after L15: (col 12, row 15).
    expect(drawing).toContain('<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row>');
    expect(drawing).toContain('<xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row>');
  });

  it('extends the drawing ExcelJS wrote for an image instead of adding a second one', async () => {
    const wb = new ExcelJS.Workbook();
    const plan = chartPlan('Dashboard');
    await writeWorkbook(wb, []);
    const { renderSheetPlan } = await import('../../../src/xlsx/render');
    renderSheetPlan(wb, plan);
    const image = wb.addImage({ buffer: tinyPng() as unknown as ExcelJS.Buffer, extension: 'png' });
    wb.getWorksheet('Dashboard')!.addImage(image, 'N1:O3');
    const saved = Buffer.from(await wb.xlsx.writeBuffer());
    const parts = await unzipText(await addCharts(saved, [{ sheetName: 'Dashboard', charts: plan.charts }]));
    checkPackage(parts);
    const sheet = parts.get(sheetPart(parts, 'Dashboard'))!;
    expect(sheet.match(/<drawing /g)).toHaveLength(1);
    const drawing = parts.get('xl/drawings/drawing1.xml')!;
    expect(drawing).toContain('<xdr:pic>');
    expect(drawing.match(/<xdr:graphicFrame/g)).toHaveLength(3);
    const ids = [...drawing.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('re-adds charts after ExcelJS reloads and re-saves (which drops them), without duplicates', async () => {
    let buffer = await writeWorkbook(new ExcelJS.Workbook(), [chartPlan('Dashboard')]);
    for (let i = 0; i < 3; i++) buffer = await writeWorkbook(await reload(buffer), [chartPlan('Dashboard')]);
    const parts = await unzipText(buffer);
    checkPackage(parts);
    expect([...parts.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(3);
  });

  it('says which sheet is missing', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data');
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(addCharts(buffer, [{ sheetName: 'Dashboard', charts: chartPlan('Dashboard').charts }])).rejects.toThrow(/no sheet named "Dashboard"/);
  });

  it('(the consistency check itself catches dangling relationships and missing content types)', async () => {
    const parts = await unzipText(await writeWorkbook(new ExcelJS.Workbook(), [chartPlan('Dashboard')]));
    const dangling = new Map(parts);
    dangling.delete('xl/charts/chart2.xml');
    expect(() => checkPackage(dangling)).toThrow();
    const untyped = new Map(parts);
    untyped.set('[Content_Types].xml', parts.get('[Content_Types].xml')!.replace(/<Override PartName="\/xl\/charts\/chart1.xml"[^>]*\/>/, ''));
    expect(() => checkPackage(untyped)).toThrow();
  });

  it('writes references without caches when no values are supplied', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Dashboard');
    const out = await addCharts(Buffer.from(await wb.xlsx.writeBuffer()), [{ sheetName: 'Dashboard', charts: chartPlan('Dashboard').charts }]);
    const chart = (await unzipText(out)).get('xl/charts/chart1.xml')!;
    expect(chart).toContain('<c:numRef><c:f>Dashboard!$B$2:$B$7</c:f></c:numRef>');
    expect(chart).not.toContain('Cache');
  });
});

describe('package helpers', () => {
  it('inserts <drawing> under a prefixed root and binds the r prefix when missing', () => {
    const xml = '<x:worksheet xmlns:x="main"><x:sheetData/><x:pageMargins/><x:tableParts count="0"/></x:worksheet>';
    expect(insertDrawingElement(xml, 'rId4')).toBe(
      '<x:worksheet xmlns:x="main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      + '<x:sheetData/><x:pageMargins/><x:drawing r:id="rId4"/><x:tableParts count="0"/></x:worksheet>',
    );
    expect(insertDrawingElement('<worksheet xmlns:r="r"><sheetData></sheetData></worksheet>', 'rId1'))
      .toBe('<worksheet xmlns:r="r"><sheetData></sheetData><drawing r:id="rId1"/></worksheet>');
  });

  it('resolves relative and absolute targets and numbers new relationships after the largest', () => {
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../drawings/drawing1.xml')).toBe('xl/drawings/drawing1.xml');
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet2.xml')).toBe('xl/worksheets/sheet2.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet2.xml')).toBe('xl/worksheets/sheet2.xml');
    expect(relsPathOf('xl/drawings/drawing3.xml')).toBe('xl/drawings/_rels/drawing3.xml.rels');
    const rels = '<Relationships xmlns="x"><Relationship Id="rId7" Type="t" Target="a"/><Relationship Id="rId2" Type="t" Target="b"/></Relationships>';
    const added = addRelationship(rels, 'chart', '../charts/chart1.xml');
    expect(added.id).toBe('rId8');
    expect(parseRelationships(added.xml).map((r) => r.id)).toEqual(['rId7', 'rId2', 'rId8']);
    expect(addRelationship('<Relationships xmlns="x"/>', 't', 'a').xml).toBe('<Relationships xmlns="x"><Relationship Id="rId1" Type="t" Target="a"/></Relationships>');
  });
});
