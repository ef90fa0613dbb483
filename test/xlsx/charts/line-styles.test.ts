/**
 * Line series drawn apart: a forecast dashed, an interval's ends dotted and thinner (the
 * dashboard's trend chart), each in the series' own `a:ln` (DrawingML CT_LineProperties: `w` in
 * EMU, `a:prstDash` before `a:round`).
 */
import { XMLValidator } from 'fast-xml-parser';
import { chartXml } from '../../../src/xlsx/charts';
import type { ChartPlan } from '../../../src/sheets/plan';

const chart: ChartPlan = {
  type: 'line',
  title: 'Revenue trend and forecast',
  anchor: { from: 'L20', to: 'S35' },
  categories: 'Dashboard!$A$22:$A$36',
  series: [
    { name: 'Revenue', ref: 'Dashboard!$D$22:$D$36', color: '1F77B4', partialPoint: 11 },
    { name: 'Forecast', ref: 'Dashboard!$I$22:$I$36', color: '1F77B4', lineStyle: 'dashed' },
    { name: '80 % low', ref: 'Dashboard!$J$22:$J$36', color: '6B7280', lineStyle: 'dotted', lineWidth: 1.25 },
    {
      name: '80 % high',
      ref: 'Dashboard!$K$22:$K$36',
      color: '6B7280',
      lineStyle: 'dotted',
      lineWidth: 1.25,
    },
  ],
  legend: 'bottom',
};

/** The `a:ln` of each series' own shape properties (the first `c:spPr` in its `c:ser`). */
function seriesLines(xml: string): string[] {
  return [...xml.matchAll(/<c:ser>.*?<c:spPr>(<a:ln [^]*?<\/a:ln>)<\/c:spPr>/g)].map((m) => m[1]);
}

describe('line styles', () => {
  const xml = chartXml(chart, {
    categories: undefined,
    series: [
      [1, 2, null],
      [null, 2, 3],
      [null, 1, 2],
      [null, 3, 4],
    ],
  });

  it('is valid XML with one line per series', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(seriesLines(xml)).toHaveLength(4);
  });

  it('draws the actual solid, the forecast dashed and the interval dotted at 1.25 pt', () => {
    const [actual, forecast, low, high] = seriesLines(xml);
    expect(actual).toBe(
      '<a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="1F77B4"/></a:solidFill><a:round/></a:ln>',
    );
    expect(forecast).toBe(
      '<a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="1F77B4"/></a:solidFill><a:prstDash val="sysDash"/><a:round/></a:ln>',
    );
    // 1.25 pt × 12,700 EMU per point.
    const dotted =
      '<a:ln w="15875" cap="rnd"><a:solidFill><a:srgbClr val="6B7280"/></a:solidFill><a:prstDash val="sysDot"/><a:round/></a:ln>';
    expect([low, high]).toEqual([dotted, dotted]);
  });

  it('keeps the hollow partial point on the actual only, and leaves gaps where a series has no value', () => {
    expect(xml.match(/<c:dPt>/g)).toHaveLength(1);
    expect(xml).toContain('<c:dispBlanksAs val="gap"/>');
    expect(xml).toContain('<c:legendPos val="b"/>');
  });
});
