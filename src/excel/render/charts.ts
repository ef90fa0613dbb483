/**
 * Native charts as the file renderer's chart parts draw them: a line, clustered horizontal bars or
 * clustered columns; categories and series from the plan's sheet-qualified ranges; each series in
 * its colour (the palette's when the plan names none); the value axis in the plan's number format;
 * the legend at the bottom, right or hidden; the title; placed over the anchor cells; a line's
 * line series dashed or dotted and of a given weight where the plan says so; a
 * point of a period that is not over as a hollow circle (the file renderer also dashes the line
 * into it, which the API cannot do per point). Bars list
 * their categories top-down like the table beside them: the category axis is reversed and the
 * value axis crosses at its far end, so the numbers stay at the bottom.
 */
import type { ChartPlan, ChartType } from '../../sheets/plan';
import { PALETTE } from '../../sheets/styles';
import { callBytes, step, type Step } from './batch';
import { hex } from './styles';
import type { Target } from './target';

const TYPES: Readonly<Record<ChartType, Excel.ChartType | `${Excel.ChartType}`>> = {
  line: 'Line',
  bar: 'BarClustered',
  column: 'ColumnClustered',
};

/** A forecast dashed, an interval's end dotted (ChartLineFormat.lineStyle, ExcelApi 1.7). */
const LINE_STYLES = { dashed: 'Dash', dotted: 'RoundDot' } as const;

function addChart(t: Target, plan: ChartPlan): void {
  const categories = (): Excel.Range => t.range(plan.categories);
  const chart = t.sheet.charts.add(TYPES[plan.type], t.range(plan.series[0].ref), 'Columns');
  chart.title.text = plan.title;
  if (plan.legend === 'none') chart.legend.visible = false;
  else {
    chart.legend.visible = true;
    chart.legend.position = plan.legend === 'right' ? 'Right' : 'Bottom';
  }
  plan.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    series.setValues(t.range(s.ref));
    series.setXAxisValues(categories());
    const color = hex(s.color ?? PALETTE.series[i % PALETTE.series.length]);
    if (plan.type === 'line') {
      series.format.line.color = color;
      if (s.lineStyle && s.lineStyle !== 'solid') series.format.line.lineStyle = LINE_STYLES[s.lineStyle];
      if (s.lineWidth !== undefined) series.format.line.weight = s.lineWidth;
    } else series.format.fill.setSolidColor(color);
    if (plan.type === 'line' && s.partialPoint !== undefined) {
      // The period to date: a hollow circle in the series' colour.
      const point = series.points.getItemAt(s.partialPoint);
      point.markerStyle = 'Circle';
      point.markerSize = 7;
      point.markerBackgroundColor = '#FFFFFF';
      point.markerForegroundColor = color;
    }
  });
  if (plan.yAxisFormat) chart.axes.valueAxis.numberFormat = plan.yAxisFormat;
  if (plan.type === 'bar') {
    chart.axes.categoryAxis.reversePlotOrder = true;
    chart.axes.categoryAxis.position = 'Maximum';
  }
  chart.setPosition(plan.anchor.from, plan.anchor.to);
}

/**
 * Every chart of the plan (a chart without series has nothing to draw and is left out).
 * @example await runner.run(chartSteps(t));
 */
export function chartSteps(t: Target): Step[] {
  return t.plan.charts
    .filter((chart) => chart.series.length > 0)
    .map((chart) => step(callBytes(chart) + 12 * 160 * chart.series.length, () => addChart(t, chart)));
}
