/**
 * One chart part (`xl/charts/chartN.xml`, ECMA-376 Part 1 §21.2): a `c:chartSpace` with a
 * line chart or a clustered bar/column chart, category and value axes, legend and title. A line's
 * point of a period that is not over is drawn apart (`c:dPt`: hollow marker, dashed segment); a
 * line series may be dashed (a forecast) or dotted (an interval's end) and thinner; no trend line
 * is drawn.
 * Element order follows the schema sequences (CT_Chart, CT_PlotArea, CT_LineSer/CT_BarSer,
 * CT_CatAx/CT_ValAx): Excel refuses parts whose children are out of order.
 */
import type { ChartPlan } from '../../sheets/plan';
import { PALETTE } from '../../sheets/styles';
import { escapeXml, NS } from './xml';

/** Cell values behind a chart, written as the parts' caches so viewers draw without recalculating. */
export interface ChartCache {
  /** `undefined` when unknown: the part then carries the reference alone. */
  readonly categories?: readonly (string | number | null)[];
  readonly series: readonly (readonly (string | number | null)[] | undefined)[];
}

const CAT_AX_ID = 500000001;
const VAL_AX_ID = 500000002;

function richText(text: string, size: number, bold: boolean): string {
  return (
    `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich>`
  );
}

function strCache(values: readonly (string | number | null)[]): string {
  const pts = values
    .map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`))
    .join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: readonly (string | number | null)[], formatCode: string): string {
  const pts = values
    .map((v, i) =>
      typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '',
    )
    .join('');
  return `<c:numCache><c:formatCode>${escapeXml(formatCode)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function categoriesXml(ref: string, values: readonly (string | number | null)[] | undefined): string {
  if (!values) return `<c:cat><c:strRef><c:f>${escapeXml(ref)}</c:f></c:strRef></c:cat>`;
  const numeric = values.length > 0 && values.every((v) => typeof v === 'number');
  return numeric
    ? `<c:cat><c:numRef><c:f>${escapeXml(ref)}</c:f>${numCache(values, 'General')}</c:numRef></c:cat>`
    : `<c:cat><c:strRef><c:f>${escapeXml(ref)}</c:f>${strCache(values)}</c:strRef></c:cat>`;
}

const DASHES = { solid: '', dashed: 'sysDash', dotted: 'sysDot' } as const;
/** EMU per point. */
const EMU_PER_POINT = 12700;

/** The line of a line series: solid, dashed or dotted, `width` points wide (default 2.25). */
function lineXml(color: string, style: keyof typeof DASHES, width = 2.25): string {
  const w = Math.round(Math.min(20, Math.max(0.25, width)) * EMU_PER_POINT);
  return (
    `<a:ln w="${w}" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill>` +
    `${DASHES[style] ? `<a:prstDash val="${DASHES[style]}"/>` : ''}<a:round/></a:ln>`
  );
}

/**
 * The point of a period that is not over (CT_DPt): a hollow circle, the line into it dashed.
 * Children in schema order: idx, marker, bubble3D, spPr.
 */
function partialPointXml(index: number, color: string): string {
  return (
    `<c:dPt><c:idx val="${index}"/><c:marker><c:symbol val="circle"/><c:size val="7"/>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="19050"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></a:ln></c:spPr>` +
    `</c:marker><c:bubble3D val="0"/><c:spPr>${lineXml(color, 'dashed')}</c:spPr></c:dPt>`
  );
}

function seriesXml(chart: ChartPlan, index: number, cache: ChartCache | undefined): string {
  const s = chart.series[index];
  const color = s.color ?? PALETTE.series[index % PALETTE.series.length];
  const partial =
    chart.type === 'line' &&
    s.partialPoint !== undefined &&
    Number.isInteger(s.partialPoint) &&
    s.partialPoint >= 0
      ? partialPointXml(s.partialPoint, color)
      : '';
  // CT_LineSer: idx, order, tx, spPr, marker, dPt*, …, cat, val, smooth.
  const spPr =
    chart.type === 'line'
      ? `<c:spPr>${lineXml(color, s.lineStyle ?? 'solid', s.lineWidth)}</c:spPr><c:marker><c:symbol val="none"/></c:marker>${partial}`
      : `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
  const values = cache?.series[index];
  const val = `<c:val><c:numRef><c:f>${escapeXml(s.ref)}</c:f>${values ? numCache(values, chart.yAxisFormat ?? 'General') : ''}</c:numRef></c:val>`;
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>${spPr}` +
    `${categoriesXml(chart.categories, cache?.categories)}${val}${chart.type === 'line' ? '<c:smooth val="0"/>' : ''}</c:ser>`
  );
}

function axesXml(chart: ChartPlan): string {
  const horizontal = chart.type === 'bar';
  // Horizontal bars list categories top-down like the table beside them: reversed category
  // axis, with the value axis crossing at the far end so it stays at the bottom.
  const catScaling = horizontal ? 'maxMin' : 'minMax';
  const gridline = `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="${PALETTE.rule}"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>`;
  const cat =
    `<c:catAx><c:axId val="${CAT_AX_ID}"/><c:scaling><c:orientation val="${catScaling}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>' +
    `<c:crossAx val="${VAL_AX_ID}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>';
  const format = chart.yAxisFormat ?? 'General';
  const val =
    `<c:valAx><c:axId val="${VAL_AX_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/>${gridline}` +
    `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/><c:majorTickMark val="none"/>` +
    '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${CAT_AX_ID}"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/>` +
    `<c:crossBetween val="between"/></c:valAx>`;
  return cat + val;
}

function plotXml(chart: ChartPlan, cache: ChartCache | undefined): string {
  const series = chart.series.map((_, i) => seriesXml(chart, i, cache)).join('');
  const axIds = `<c:axId val="${CAT_AX_ID}"/><c:axId val="${VAL_AX_ID}"/>`;
  const body =
    chart.type === 'line'
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axIds}</c:lineChart>`
      : `<c:barChart><c:barDir val="${chart.type === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/>` +
        `<c:varyColors val="0"/>${series}<c:gapWidth val="80"/>${axIds}</c:barChart>`;
  return `<c:plotArea><c:layout/>${body}${axesXml(chart)}</c:plotArea>`;
}

/**
 * The XML of one chart part.
 * @example
 * chartXml({ type: 'line', title: 'Revenue', anchor: { from: 'A1', to: 'H15' },
 *   categories: 'Dashboard!$A$2:$A$4', series: [{ name: 'Revenue', ref: 'Dashboard!$B$2:$B$4' }] },
 *   { categories: ['Jan', 'Feb', 'Mar'], series: [[10, 12, 9]] });
 */
export function chartXml(chart: ChartPlan, cache?: ChartCache): string {
  const legend =
    chart.legend === 'none'
      ? ''
      : `<c:legend><c:legendPos val="${chart.legend === 'right' ? 'r' : 'b'}"/><c:overlay val="0"/></c:legend>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    '<c:roundedCorners val="0"/>' +
    `<c:chart><c:title><c:tx>${richText(chart.title, 1200, true)}</c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/>${plotXml(chart, cache)}${legend}` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>' +
    '</c:chartSpace>'
  );
}
