/**
 * The point of a period that is not over (a month to date) in a line chart: a `c:dPt` with a
 * hollow circle and a dashed segment, where CT_LineSer puts it (after the series' marker, before
 * its categories), and no trend line anywhere.
 */
import ExcelJS from 'exceljs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { chartXml } from '../../../src/xlsx/charts';
import { writeWorkbook } from '../../../src/xlsx/render-workbook';
import { emptyPlan, textCell, valueCell, type ChartPlan } from '../../../src/sheets/plan';
import { unzipText } from '../helpers';

/** CT_LineSer children in schema order (ECMA-376 Part 1, §21.2.2.101). */
const LINE_SER = ['idx', 'order', 'tx', 'spPr', 'marker', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'smooth', 'extLst'];
/** CT_DPt children in schema order (§21.2.2.52). */
const DPT = ['idx', 'invertIfNegative', 'marker', 'bubble3D', 'explosion', 'spPr', 'pictureOptions', 'extLst'];

type Node = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false });
const nameOf = (node: Node) => Object.keys(node).find((k) => k !== ':@')!;
const childrenOf = (node: Node) => node[nameOf(node)] as Node[];

/** The first element named `name` (with its prefix) anywhere under `nodes`. */
function find(nodes: Node[], name: string): Node | undefined {
  for (const node of nodes) {
    const key = nameOf(node);
    if (key === name) return node;
    const inner = node[key];
    if (Array.isArray(inner)) {
      const found = find(inner as Node[], name);
      if (found) return found;
    }
  }
  return undefined;
}

function inSchemaOrder(children: string[], order: string[]): boolean {
  const positions = children.map((c) => order.indexOf(c.replace(/^c:/, '')));
  return positions.every((p, i) => p >= 0 && (i === 0 || p >= positions[i - 1]));
}

const chart = (over: Partial<ChartPlan> = {}, partialPoint: number | null = 11): ChartPlan => ({
  type: 'line',
  title: 'Revenue trend',
  anchor: { from: 'K5', to: 'R20' },
  categories: 'Dashboard!$A$2:$A$13',
  series: [{ name: 'Revenue', ref: 'Dashboard!$D$2:$D$13', color: '1F77B4', ...(partialPoint !== null ? { partialPoint } : {}) }],
  legend: 'none',
  ...over,
});

describe('the partial point of a line chart', () => {
  const values = [210, 178, 220, 165, 157, 169, 149, 173, 198, 229, 267, 42];
  const xml = chartXml(chart(), { categories: values.map((_, i) => `M${i + 1}`), series: [values] });
  const doc = parser.parse(xml) as Node[];
  const ser = find(doc, 'c:ser')!;

  it('is valid XML with the series children in schema order', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const children = childrenOf(ser).map(nameOf);
    expect(children).toEqual(['c:idx', 'c:order', 'c:tx', 'c:spPr', 'c:marker', 'c:dPt', 'c:cat', 'c:val', 'c:smooth']);
    expect(inSchemaOrder(children, LINE_SER)).toBe(true);
  });

  it('draws that point as a hollow circle, the line into it dashed, and fits no trend line', () => {
    const dPt = find([ser], 'c:dPt')!;
    expect(inSchemaOrder(childrenOf(dPt).map(nameOf), DPT)).toBe(true);
    expect(xml).toContain(
      '<c:dPt><c:idx val="11"/><c:marker><c:symbol val="circle"/><c:size val="7"/><c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>' +
        '<a:ln w="19050"><a:solidFill><a:srgbClr val="1F77B4"/></a:solidFill></a:ln></c:spPr></c:marker><c:bubble3D val="0"/>' +
        '<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="1F77B4"/></a:solidFill><a:prstDash val="sysDash"/><a:round/></a:ln></c:spPr></c:dPt>',
    );
    // The rest of the line stays solid, without markers.
    expect(xml.match(/<a:prstDash/g)).toHaveLength(1);
    expect(xml).toContain('<c:marker><c:symbol val="none"/></c:marker>');
    expect(xml).not.toContain('trendline');
  });

  it('is left out of bar and column charts, and of a line whose periods are all complete', () => {
    for (const type of ['bar', 'column'] as const) expect(chartXml(chart({ type }))).not.toContain('<c:dPt>');
    expect(chartXml(chart({}, null))).not.toContain('<c:dPt>');
  });

  it('survives the package writer: the chart part of a written workbook carries it', async () => {
    const plan = {
      ...emptyPlan('Dashboard'),
      cells: values.flatMap((v, i) => [textCell(`A${i + 2}`, `M${i + 1}`), valueCell(`D${i + 2}`, v)]),
      charts: [chart()],
    };
    const parts = await unzipText(await writeWorkbook(new ExcelJS.Workbook(), [plan]));
    const part = parts.get('xl/charts/chart1.xml')!;
    expect(XMLValidator.validate(part)).toBe(true);
    expect(part).toContain('<c:dPt><c:idx val="11"/>');
  });
});
