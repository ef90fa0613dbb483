/**
 * Dashboard sections fed by results the caller computes with the core APIs (goal tracking,
 * benchmark comparisons, the measurement schedule): the plan only lays them out.
 */
import type { GoalTracking } from '../core/goals/tracking';
import type { BenchmarkComparison } from '../core/benchmarks/compare';
import type { HistoryScheduleRow } from '../core/schedule';
import { getMetric, isMetricId } from '../core/metrics';
import { isMetricError } from '../core/errors';
import { formatDay } from '../core/periods';
import { textCell } from './plan';
import { statusCell } from './styles';
import { PlanLayout, metricCell } from './layout';
import type { NumberFormats } from './formats';
import { isRate } from './formats';

/** One benchmark line: the metric, its comparison, and where the figure comes from. */
export interface BenchmarkLine {
  readonly metric: string;
  readonly comparison: BenchmarkComparison;
  readonly source?: string;
}

const labelOf = (metric: string): string => (isMetricId(metric) ? getMetric(metric).label.en : metric);
const unitOf = (metric: string) => (isMetricId(metric) ? getMetric(metric).unit : 'number');

/** Off track first, then at risk, then on track; the furthest behind pace first within each. */
const RISK_ORDER: Readonly<Record<string, number>> = { 'off track': 0, 'at risk': 1, 'on track': 2 };

function paceOf(goal: GoalTracking): number {
  return isMetricError(goal.attainmentToDate) ? -Infinity : goal.attainmentToDate;
}

/** Goal pacing: actual to date against the expected pace, projection and status, most at risk first. */
export function goalPacingSection(
  layout: PlanLayout,
  goals: readonly GoalTracking[] | undefined,
  formats: NumberFormats,
): void {
  layout.section('Goal pacing (most at risk first)', 8);
  if (!goals || goals.length === 0)
    return layout.note(
      'No goals set yet: give a Targets table with --targets (or set goals in the task pane) to see pacing.',
    );
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
  const sorted = [...goals].sort(
    (a, b) =>
      (RISK_ORDER[a.status] ?? 3) - (RISK_ORDER[b.status] ?? 3) ||
      paceOf(a) - paceOf(b) ||
      a.goalId.localeCompare(b.goalId),
  );
  sorted.forEach((g, i) => {
    const r = top + i;
    const format = formats.value(unitOf(g.metric));
    const scope = g.scope ? ` (${Object.values(g.scope).filter(Boolean).join(', ')})` : '';
    const status = statusCell(g.status);
    layout.put(textCell(`A${r}`, `${labelOf(g.metric)}${scope}`));
    layout.put(textCell(`B${r}`, g.periodLabel));
    layout.put({ ref: `C${r}`, value: g.target, format });
    layout.put(metricCell(`D${r}`, g.actualToDate, format));
    layout.put({ ref: `E${r}`, value: g.expectedToDate, format });
    layout.put(metricCell(`F${r}`, g.attainmentToDate, formats.percent));
    layout.put(metricCell(`G${r}`, g.projection.runRate, format));
    layout.put({ ...textCell(`H${r}`, status.text, status.style), note: g.paceBasis });
  });
  layout.row = top + goals.length;
}

/** Benchmarks: yours vs the benchmark, the gap and a status that respects lower-is-better. */
export function benchmarkSection(
  layout: PlanLayout,
  lines: readonly BenchmarkLine[] | undefined,
  formats: NumberFormats,
): void {
  layout.section('Benchmarks', 7);
  if (!lines || lines.length === 0)
    return layout.note(
      'No benchmarks chosen: pick an industry with --industry (or in the task pane) to compare with published figures.',
    );
  layout.header(['Metric', 'Yours', 'Benchmark', 'Gap', 'Gap %', 'Status', 'Source']);
  const top = layout.row;
  lines.forEach((line, i) => {
    const r = top + i;
    const { comparison: c } = line;
    const unit = unitOf(line.metric);
    const format = formats.value(unit);
    const rate = isRate(unit);
    const bench =
      c.benchmark.value ??
      (c.benchmark.min !== undefined && c.benchmark.max !== undefined
        ? (c.benchmark.min + c.benchmark.max) / 2
        : null);
    const range =
      c.benchmark.value === undefined && c.benchmark.min !== undefined
        ? `Range ${c.benchmark.min}–${c.benchmark.max ?? '…'}; the middle is shown.`
        : undefined;
    const status = statusCell(c.status);
    layout.put(textCell(`A${r}`, labelOf(line.metric)));
    layout.put({ ref: `B${r}`, value: c.value, format });
    layout.put({ ref: `C${r}`, value: bench, format, ...(range ? { note: range } : {}) });
    layout.put({
      ref: `D${r}`,
      value: rate ? c.gap * 100 : c.gap,
      format: formats.change(unit),
    });
    layout.put(
      rate ? { ref: `E${r}`, value: null } : metricCell(`E${r}`, c.relativeGap, formats.percentChange),
    );
    layout.put(textCell(`F${r}`, status.text, status.style));
    layout.put(textCell(`G${r}`, line.source ?? 'your figure', 'note'));
  });
  layout.row = top + lines.length;
}

const CADENCE_PLURAL: Readonly<Record<string, string>> = {
  day: 'days',
  week: 'weeks',
  month: 'months',
  quarter: 'quarters',
  year: 'years',
};

/**
 * The measurement schedule: each metric's check cadence, when it was refreshed (this time and the
 * time before), when it is due next, and how well its rhythm was kept.
 */
export function scheduleSection(layout: PlanLayout, rows: readonly HistoryScheduleRow[] | undefined): void {
  layout.section('Measurement schedule', 6);
  if (!rows || rows.length === 0)
    return layout.note('No schedule: the KPIs get one when the dashboard is built.');
  const headerRow = layout.header([
    'Metric',
    'Check every',
    'Last refreshed',
    'Refreshed before',
    'Next due',
    'Kept to schedule',
  ]);
  layout.put({
    ...textCell(`F${headerRow}`, 'Kept to schedule', 'header'),
    note: 'Of the recent periods of each cadence since the first refresh, how many had at least one refresh.',
  });
  const top = layout.row;
  rows.forEach((row, i) => {
    const r = top + i;
    const day = (value: number | null) => (value === null ? '—' : formatDay(value));
    layout.put(textCell(`A${r}`, labelOf(row.metric)));
    layout.put(textCell(`B${r}`, row.cadence));
    layout.put(textCell(`C${r}`, day(row.lastRefreshed)));
    layout.put(textCell(`D${r}`, day(row.previousRefresh)));
    layout.put(textCell(`E${r}`, row.nextDueDate));
    const kept =
      row.periods === 0
        ? 'never refreshed'
        : `${row.kept} of ${row.periods} ${row.periods === 1 ? row.cadence : CADENCE_PLURAL[row.cadence]}`;
    layout.put(
      textCell(
        `F${r}`,
        kept,
        row.periods > 0 && row.kept < row.periods ? (row.kept * 2 < row.periods ? 'bad' : 'warn') : undefined,
      ),
    );
  });
  layout.row = top + rows.length;
}
