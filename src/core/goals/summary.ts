/**
 * One flat row per tracked goal, for tables (CLI, dashboard goal pacing): numbers or null, with
 * the reason kept beside any value that could not be computed.
 */
import type { MetricValue } from '../errors';
import { isMetricError } from '../errors';
import { formatDay } from '../periods';
import type { GoalTracking, TrackingStatus } from './tracking';

export interface TrackingRow {
  readonly goal: string;
  readonly metric: string;
  readonly period: string;
  readonly rep: string | null;
  readonly region: string | null;
  readonly asOf: string;
  /** Null when the goal has no baseline (the status says `no baseline`, the reason is kept). */
  readonly target: number | null;
  readonly actualToDate: number | null;
  readonly expectedToDate: number | null;
  /** Pace attainment (actual / expected; inverted when lower is better). */
  readonly attainment: number | null;
  readonly attainmentOfTarget: number | null;
  readonly gap: number | null;
  readonly projectionRunRate: number | null;
  readonly projectionTrend: number | null;
  /** The projection the status is judged on: ETS where there is history enough, else the run rate. */
  readonly projection: number | null;
  readonly projectionMethod: 'ets' | 'run rate';
  /** The ETS projection's 80 % interval (null at the run rate). */
  readonly projectionLow: number | null;
  readonly projectionHigh: number | null;
  /** "projected to reach 96 % of target (interval 88–104 %)" and how the projection was made. */
  readonly projectionNote: string;
  readonly requiredPerDay: number | null;
  readonly status: TrackingStatus;
  /** Why some values are null (`projectionTrend: a trend needs at least two completed sub-periods`). */
  readonly reasons: readonly string[];
}

/**
 * Flattens a tracking result into a table row.
 * @example trackingRow(trackGoal(goal, options)).attainment // 0.9
 */
export function trackingRow(t: GoalTracking): TrackingRow {
  const reasons: string[] = [];
  const value = (name: string, v: MetricValue): number | null => {
    if (!isMetricError(v)) return v;
    if (!reasons.some((r) => r.endsWith(`: ${v.reason}`))) reasons.push(`${name}: ${v.reason}`);
    return null;
  };
  return {
    goal: t.goalId,
    metric: t.metric,
    period: t.period,
    rep: t.scope?.rep ?? null,
    region: t.scope?.region ?? null,
    asOf: formatDay(t.asOf),
    target: t.target,
    actualToDate: value('actualToDate', t.actualToDate),
    expectedToDate: t.expectedToDate,
    attainment: value('attainment', t.attainmentToDate),
    attainmentOfTarget: value('attainmentOfTarget', t.attainmentOfTarget),
    gap: value('gap', t.gap),
    projectionRunRate: value('projectionRunRate', t.projection.runRate),
    projectionTrend: value('projectionTrend', t.projection.trend),
    projection: value('projection', t.projected.value),
    projectionMethod: t.projected.method,
    projectionLow: t.projected.low ?? null,
    projectionHigh: t.projected.high ?? null,
    projectionNote: `${t.projected.sentence}: ${t.projected.basis}`,
    requiredPerDay: value('requiredPerDay', t.required.perDay),
    status: t.status,
    reasons: t.status === 'no baseline' ? [`target: ${t.paceBasis}`] : reasons,
  };
}
