/**
 * What `build` and `review` add to the sheet plans beyond the data: KPI goals and benchmarks for
 * the dashboard, weekly goal pace and carried-over actions for the review, and the saved
 * configuration (mappings and where each table came from).
 */
import type ExcelJS from 'exceljs';
import type { BenchmarkSet } from '../core/benchmarks';
import { benchmarksFor, librarySet } from '../core/benchmarks';
import { isMetricError } from '../core/errors';
import type { Goal } from '../core/goals';
import { betterEnd } from '../core/goals';
import type { MetricId } from '../core/metrics';
import { getMetric, isMetricId } from '../core/metrics';
import type { Period } from '../core/periods';
import { shiftPeriod } from '../core/periods';
import type { Mapping } from '../core/table';
import type { SalesMetricsConfig } from '../sheets/config';
import type { KpiTarget } from '../sheets/dashboard';
import type { ActionItem } from '../sheets/review';
import { ACTIONS_AREA, openActions, reviewSheetName } from '../sheets/review';
import { readNamedPeopleArea } from '../xlsx/render';
import { traitsOf } from './commands/goals-evaluate';

/**
 * KPI goals for the dashboard's current period: goals without a rep or region scope whose period
 * has the dashboard's unit and contains the as-of day; plus benchmark figures of an industry.
 */
export function kpiTargets(
  goals: readonly Goal[],
  period: Period,
  industry: BenchmarkSet | null,
): Partial<Record<MetricId, KpiTarget>> {
  const out: Partial<Record<MetricId, { goal?: number; benchmark?: number; benchmarkSource?: string }>> = {};
  for (const goal of goals) {
    if (goal.scope || !isMetricId(goal.metric)) continue;
    if (goal.period.unit !== period.unit || goal.period.start !== period.start) continue;
    out[goal.metric] = { ...out[goal.metric], goal: goal.target };
  }
  if (industry) {
    for (const entry of industry.metrics) {
      if (!isMetricId(entry.metric) || out[entry.metric]?.benchmark !== undefined) continue;
      const figure = betterEnd(benchmarksFor(industry, entry.metric)[0], traitsOf(entry.metric));
      if (isMetricError(figure)) continue;
      out[entry.metric] = {
        ...out[entry.metric],
        benchmark: figure.value,
        benchmarkSource: `${entry.source ?? industry.name}${entry.year ? ` (${entry.year})` : ''}`,
      };
    }
  }
  return out;
}

/** An industry of the benchmark library, or null. */
export function industrySet(id: string | undefined): BenchmarkSet | null {
  return id === undefined ? null : librarySet(id);
}

/**
 * Weekly goals for the review's goal pace: each unscoped flow goal whose period contains the
 * week, prorated to seven days (rates and levels keep their target).
 */
export function weeklyGoals(goals: readonly Goal[], week: Period): Partial<Record<MetricId, number>> {
  const out: Partial<Record<MetricId, number>> = {};
  for (const goal of goals) {
    if (goal.scope || !isMetricId(goal.metric)) continue;
    if (!(goal.period.start <= week.start && week.start < goal.period.end)) continue;
    if (out[goal.metric] !== undefined) continue;
    const kind = getMetric(goal.metric).kind;
    out[goal.metric] =
      kind === 'flow' ? (goal.target * 7) / (goal.period.end - goal.period.start) : goal.target;
  }
  return out;
}

/** Open actions of last week's review, when this week's sheet does not exist yet. */
export function carriedActions(workbook: ExcelJS.Workbook, week: Period): ActionItem[] | undefined {
  if (workbook.getWorksheet(reviewSheetName(week))) return undefined;
  return openActions(readNamedPeopleArea(workbook, reviewSheetName(shiftPeriod(week, -1)), ACTIONS_AREA));
}

/** The configuration with the orders mapping and source recorded (other sections kept). */
export function withOrdersSource(
  config: SalesMetricsConfig,
  mapping: Mapping,
  sheet: string,
): SalesMetricsConfig {
  return {
    ...config,
    mappings: {
      ...config.mappings,
      orders: mapping,
      sources: { ...(config.mappings.sources ?? {}), orders: sheet },
    },
  };
}
