/**
 * Dashboard sections fed by results the caller computes with the core APIs (goal tracking,
 * benchmark comparisons, the measurement schedule): the plan only lays them out.
 */
import type { GoalTracking } from '../core/goals/tracking';
import type { BenchmarkComparison } from '../core/benchmarks/compare';
import type { BenchmarkRange } from '../core/benchmarks/types';
import type { MetricValue } from '../core/errors';
import type { HistoryScheduleRow } from '../core/schedule';
import { getMetric, isMetricId } from '../core/metrics';
import { isMetricError } from '../core/errors';
import { formatDay } from '../core/periods';
import { textCell } from './plan';
import { statusCell } from './styles';
import { PlanLayout, metricCell } from './layout';
import type { NumberFormats } from './formats';
import { isRate } from './formats';

/**
 * One benchmark line: the metric, yours, the figure (in the period's terms), and either the
 * comparison or why the figure is not compared; where the figure comes from and its caveat.
 */
export interface BenchmarkLine {
  readonly metric: string;
  /** Yours: the metric over the dashboard period to date (the comparison's value when absent). */
  readonly value?: MetricValue;
  /** The figure, converted to the period when it was published for another (the comparison's when absent). */
  readonly benchmark?: BenchmarkRange;
  /** Absent when the figure is not compared (`skipped`) or yours is undefined. */
  readonly comparison?: BenchmarkComparison;
  /** Why the figure is not compared: it measures something else, or another period. */
  readonly skipped?: string;
  /** Conversions and the figure's caveat. */
  readonly note?: string;
  readonly source?: string;
}

const labelOf = (metric: string): string => (isMetricId(metric) ? getMetric(metric).label.en : metric);
const unitOf = (metric: string) => (isMetricId(metric) ? getMetric(metric).unit : 'number');

/**
 * Off track first, then at risk, then the goals that cannot be judged (no baseline, no data), on
 * track, not started, and the finished ones (missed, achieved) last; the furthest behind pace first
 * within each.
 */
const RISK_ORDER: Readonly<Record<string, number>> = {
  'off track': 0,
  'at risk': 1,
  'no baseline': 2,
  'no data': 3,
  'on track': 4,
  'not started': 5,
  missed: 6,
  achieved: 7,
};

function paceOf(goal: GoalTracking): number {
  return isMetricError(goal.attainmentToDate) ? -Infinity : goal.attainmentToDate;
}

/**
 * Goal pacing: the full target beside the target paced to date, the actual to date, pace,
 * projection and status (achieved or missed once a period is over), most at risk first.
 */
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
    ['Goal'],
    ['Period'],
    ['Target', "The whole period's target."],
    ['Actual to date'],
    [
      'Expected to date',
      "The target paced to the as-of day: flows by days, rates at the target, customers, retention and churn along last period's curve; the whole target once the period is over.",
    ],
    ['Pace'],
    [
      'Projected',
      "The period's end value the status is judged on: for revenue and other flows with eight or more complete periods of history, actual to date + the ETS forecast of the days left (80 % interval in the cell's note); otherwise the run rate.",
    ],
    ['Status', 'Achieved or missed once the period is over; on track, at risk or off track before.'],
  ]);
  const top = layout.row;
  const sorted = [...goals].sort(
    (a, b) =>
      (RISK_ORDER[a.status] ?? 8) - (RISK_ORDER[b.status] ?? 8) ||
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
    const projected = metricCell(`G${r}`, g.projected.value, format);
    layout.put(
      isMetricError(g.projected.value)
        ? projected
        : { ...projected, note: `${capital(g.projected.sentence)}: ${g.projected.basis}.` },
    );
    layout.put({
      ...textCell(`H${r}`, status.text, status.style),
      note:
        g.finished || g.status === 'not started' || g.status === 'no data' || g.status === 'no baseline'
          ? g.paceBasis
          : `${capital(g.projected.sentence)}. ${capital(g.paceBasis)}.`,
    });
  });
  layout.row = top + goals.length;
}

/**
 * Benchmarks: yours against each figure in the period's terms — a published range as its two ends
 * (never a midpoint), the gap (to the nearest end of a range; percentage points for rates) and a
 * status that respects lower-is-better. A figure that measures something else or another period
 * is listed as not compared, with the reason in the gap's place. The figure's caveat and any
 * conversion are in the figure's note.
 */
export function benchmarkSection(
  layout: PlanLayout,
  lines: readonly BenchmarkLine[] | undefined,
  formats: NumberFormats,
): void {
  layout.section('Benchmarks', 8);
  if (!lines || lines.length === 0)
    return layout.note(
      'No benchmarks chosen: pick an industry with --industry (or in the task pane) to compare with published figures.',
    );
  layout.header([
    ['Metric'],
    ['Yours', 'This period to the as-of day.'],
    [
      'Benchmark',
      'A single figure, or the low end of a published range (its high end in the next column); converted to this period where the conversion is sound.',
    ],
    ['to'],
    [
      'Gap',
      'Yours − the figure, or − the nearest end of a range (0 inside it); rates in percentage points. For a figure not compared, why.',
    ],
    ['Gap %'],
    ['Status'],
    ['Source'],
  ]);
  const top = layout.row;
  lines.forEach((line, i) => {
    const r = top + i;
    const c = line.comparison;
    const unit = unitOf(line.metric);
    const format = formats.value(unit);
    const rate = isRate(unit);
    const value = line.value ?? c?.value ?? null;
    const bench = line.benchmark ?? c?.benchmark ?? {};
    const single = bench.value !== undefined;
    const low = single ? bench.value : bench.min;
    const high = single ? undefined : bench.max;
    const range =
      !single && (bench.min === undefined || bench.max === undefined)
        ? bench.min !== undefined
          ? 'A floor: at or above it is within the benchmark.'
          : 'A ceiling: at or below it is within the benchmark.'
        : undefined;
    const note = [range, line.note].filter(Boolean).join(' ');
    layout.put(textCell(`A${r}`, labelOf(line.metric)));
    layout.put(metricCell(`B${r}`, value, format));
    layout.put({ ref: `C${r}`, value: low ?? null, format, ...(note ? { note } : {}) });
    layout.put({ ref: `D${r}`, value: high ?? null, format });
    layout.put(textCell(`H${r}`, line.source ?? 'your figure', 'note'));
    if (!c) {
      const why = line.skipped ?? 'yours is not defined for this period';
      const status = statusCell('not compared');
      layout.put(textCell(`E${r}`, why, 'note'));
      layout.put({ ...textCell(`G${r}`, status.text, status.style), note: why });
      return;
    }
    layout.put({
      ref: `E${r}`,
      value: rate ? c.gap * 100 : c.gap,
      format: formats.change(unit),
    });
    layout.put(
      rate ? { ref: `F${r}`, value: null } : metricCell(`F${r}`, c.relativeGap, formats.percentChange),
    );
    const status = statusCell(c.status);
    layout.put(textCell(`G${r}`, status.text, status.style));
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

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
