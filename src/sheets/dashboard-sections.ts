/**
 * Dashboard sections fed by results the caller computes with the core APIs (goal tracking,
 * benchmark comparisons, the measurement schedule): the plan only lays them out.
 */
import type { GoalTracking } from '../core/goals/tracking';
import type { BenchmarkComparison } from '../core/benchmarks/compare';
import type { ScheduleRow } from '../core/schedule';
import { getMetric, isMetricId } from '../core/metrics';
import { formatDay } from '../core/periods';
import { FORMATS, textCell } from './plan';
import { PALETTE, type StyleRef } from './styles';
import { PlanLayout, metricCell } from './layout';

/** One benchmark line: the metric, its comparison, and where the figure comes from. */
export interface BenchmarkLine {
  readonly metric: string;
  readonly comparison: BenchmarkComparison;
  readonly source?: string;
}

const labelOf = (metric: string): string => (isMetricId(metric) ? getMetric(metric).label.en : metric);
const formatOf = (metric: string): string =>
  isMetricId(metric) ? getMetric(metric).format : FORMATS.decimal;

const STATUS_STYLE: Readonly<Record<string, StyleRef>> = {
  'on track': 'good',
  'at risk': 'neutral',
  'off track': 'bad',
  better: 'good',
  within: 'neutral',
  worse: 'bad',
  overdue: 'bad',
  due: 'neutral',
};

/** Goal pacing: actual to date against the expected pace, projection and status. */
export function goalPacingSection(layout: PlanLayout, goals: readonly GoalTracking[] | undefined): void {
  layout.section('Goal pacing');
  if (!goals || goals.length === 0)
    return layout.note('No goals set yet: add goals in the task pane (or a Targets table) to see pacing.');
  layout.header([
    'Goal',
    'Period',
    'Target',
    'Actual to date',
    'Expected to date',
    'Pace',
    'Projected (run rate)',
    'Status',
  ]);
  const top = layout.row;
  goals.forEach((g, i) => {
    const r = top + i;
    const format = formatOf(g.metric);
    const scope = g.scope ? ` (${Object.values(g.scope).filter(Boolean).join(', ')})` : '';
    layout.put(textCell(`A${r}`, `${labelOf(g.metric)}${scope}`));
    layout.put(textCell(`B${r}`, g.periodLabel));
    layout.put({ ref: `C${r}`, value: g.target, format });
    layout.put(metricCell(`D${r}`, g.actualToDate, format));
    layout.put({ ref: `E${r}`, value: g.expectedToDate, format });
    layout.put(metricCell(`F${r}`, g.attainmentToDate, FORMATS.percent));
    layout.put(metricCell(`G${r}`, g.projection.runRate, format));
    layout.put({
      ...textCell(`H${r}`, g.status),
      ...(STATUS_STYLE[g.status] ? { style: STATUS_STYLE[g.status] } : {}),
      note: g.paceBasis,
    });
  });
  layout.conditionalFormats.push({
    type: 'iconSet',
    ref: `F${top}:F${top + goals.length - 1}`,
    iconSet: '3TrafficLights1',
    thresholds: [0.9, 1],
  });
  layout.row = top + goals.length;
}

/** Benchmarks: yours vs the benchmark, the gap and a status that respects lower-is-better. */
export function benchmarkSection(layout: PlanLayout, lines: readonly BenchmarkLine[] | undefined): void {
  layout.section('Benchmarks');
  if (!lines || lines.length === 0)
    return layout.note(
      'No benchmarks chosen: pick an industry preset or enter your own figures in the task pane.',
    );
  layout.header(['Metric', 'Yours', 'Benchmark', 'Gap', 'Gap %', 'Status', 'Source']);
  const top = layout.row;
  lines.forEach((line, i) => {
    const r = top + i;
    const { comparison: c } = line;
    const format = formatOf(line.metric);
    const bench =
      c.benchmark.value ??
      (c.benchmark.min !== undefined && c.benchmark.max !== undefined
        ? (c.benchmark.min + c.benchmark.max) / 2
        : null);
    const range =
      c.benchmark.value === undefined && c.benchmark.min !== undefined
        ? `range ${c.benchmark.min}–${c.benchmark.max ?? '…'}`
        : undefined;
    layout.put(textCell(`A${r}`, labelOf(line.metric)));
    layout.put({ ref: `B${r}`, value: c.value, format });
    layout.put({ ref: `C${r}`, value: bench, format, ...(range ? { note: range } : {}) });
    layout.put({ ref: `D${r}`, value: c.gap, format });
    layout.put(metricCell(`E${r}`, c.relativeGap, FORMATS.deltaPercent));
    layout.put({ ...textCell(`F${r}`, c.status), style: STATUS_STYLE[c.status] });
    layout.put(textCell(`G${r}`, line.source ?? 'your figure', 'note'));
  });
  layout.conditionalFormats.push({
    type: 'dataBar',
    ref: `E${top}:E${top + lines.length - 1}`,
    color: PALETTE.good,
    negativeColor: PALETTE.bad,
  });
  layout.row = top + lines.length;
}

/** The measurement schedule: each metric's check cadence and when it is due. */
export function scheduleSection(layout: PlanLayout, rows: readonly ScheduleRow[] | undefined): void {
  layout.section('Measurement schedule');
  if (!rows || rows.length === 0)
    return layout.note('No schedule: choose metrics and cadences in the task pane.');
  layout.header(['Metric', 'Check every', 'Last checked', 'Next due', 'Status']);
  const top = layout.row;
  rows.forEach((row, i) => {
    const r = top + i;
    const status = row.overdue
      ? 'overdue'
      : row.dueToday
        ? 'due'
        : row.neverChecked
          ? 'never checked'
          : 'scheduled';
    layout.put(textCell(`A${r}`, labelOf(row.metric)));
    layout.put(textCell(`B${r}`, row.cadence));
    layout.put(textCell(`C${r}`, row.lastChecked === null ? '—' : formatDay(row.lastChecked)));
    layout.put(textCell(`D${r}`, row.nextDueDate));
    layout.put({
      ...textCell(`E${r}`, row.overdue ? `overdue ${row.daysOverdue} d` : status),
      ...(STATUS_STYLE[status] ? { style: STATUS_STYLE[status] } : {}),
    });
  });
  layout.row = top + rows.length;
}
