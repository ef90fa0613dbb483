/**
 * Goal tracking at an as-of date: actual to date, expected to date (pace), attainment, gap,
 * projected end of period, the rate still required, and a status.
 *
 * The as-of day counts as elapsed: "to date" is [period start, as-of + 1).
 *
 * Flow metrics (revenue, orders, new customers):
 * - expected to date = the targets of the sub-periods already over + the elapsed share (by days)
 *   of the current one. With an even split (or no split) this is target × elapsed days / days.
 * - projection, run-rate: actual / elapsed share. Trend: a least-squares line through the daily
 *   rate of each completed sub-period (actual / days, at the sub-period's middle), summed over the
 *   remaining days and added to the actual. Needs two completed sub-periods.
 * - required: (target − actual), per remaining day and per remaining sub-period (the current one
 *   counts as remaining). For a lower-is-better flow it is the allowance left.
 *
 * Ratio metrics (AOV, win rate, churn, CAC): a rate is not proportional to time, so the pace is
 * the target itself: the to-date rate is compared with the target. Run-rate projection: the rate
 * so far. Trend: the line through the completed sub-periods' rates, extrapolated over the rest and
 * averaged with the to-date rate by days. Required: the rate needed over the remaining days for
 * the day-weighted average to reach the target — exact when the denominator (orders, deals…) is
 * spread evenly over time, an approximation otherwise.
 *
 * Stock metrics (pipeline value): the latest value (the metric over the to-date window, which the
 * engine reports as the level at its end) is compared with the target. Run-rate: the level holds.
 * Trend: the line through the levels at the ends of completed sub-periods, read at period end.
 * Required: the change still needed, per remaining day and sub-period.
 *
 * Lower-is-better metrics invert attainment (target / actual, expected / actual) and are on
 * track at or below pace; see `status.ts`.
 */
import type { MetricValue } from '../errors';
import { isMetricError, metricError, safeDivide } from '../errors';
import type { PeriodUnit } from '../periods';
import { fitLine } from './ols';
import { splitSlots } from './split';
import type { GoalStatus, StatusThresholds } from './status';
import { DEFAULT_THRESHOLDS, goalStatus, paceRatio } from './status';
import type { Evaluate, Goal, GoalScope, GoalSplit, MetricTraits } from './types';

export type TrackingStatus = GoalStatus | 'not started' | 'no data';

export interface TrackOptions {
  /** The as-of epoch day (counts as elapsed). */
  readonly asOf: number;
  readonly traits: MetricTraits;
  readonly evaluate: Evaluate;
  /** The goal's split; pace and trend follow its parts. Without it: even pace, default parts. */
  readonly split?: GoalSplit;
  readonly thresholds?: StatusThresholds;
}

/** One sub-period's pace. */
export interface PartTracking {
  readonly key: string;
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly target: number;
  readonly expectedToDate: number;
  /** `null` before the part starts. */
  readonly actual: MetricValue | null;
  readonly status: TrackingStatus;
}

export interface GoalTracking {
  readonly goalId: string;
  readonly metric: string;
  readonly period: string;
  readonly periodLabel: string;
  readonly scope?: GoalScope;
  readonly target: number;
  readonly asOf: number;
  readonly kind: MetricTraits['kind'];
  readonly better: MetricTraits['better'];
  readonly daysTotal: number;
  readonly daysElapsed: number;
  readonly daysRemaining: number;
  readonly elapsedShare: number;
  readonly actualToDate: MetricValue;
  readonly expectedToDate: number;
  /** Pace attainment: actual / expected (inverted when lower is better). */
  readonly attainmentToDate: MetricValue;
  /** actual / target (inverted when lower is better). */
  readonly attainmentOfTarget: MetricValue;
  /** actual − expected. */
  readonly gap: MetricValue;
  /** Whether the gap is on the good side (`null` without an actual). */
  readonly favourable: boolean | null;
  readonly projection: { readonly runRate: MetricValue; readonly trend: MetricValue };
  readonly required: {
    /** Flow: amount still to add; ratio: rate needed over the rest; stock: change still needed. */
    readonly value: MetricValue;
    readonly perDay: MetricValue;
    readonly perSubPeriod: MetricValue;
    readonly subPeriodsLeft: number;
  };
  readonly status: TrackingStatus;
  readonly parts: readonly PartTracking[];
  /** How pace was judged, in words (for tooltips and the CLI). */
  readonly paceBasis: string;
}

/** Sub-periods used for the trend when no split is given. */
const DEFAULT_PART_UNIT: Readonly<Partial<Record<PeriodUnit, 'month' | 'week'>>> = {
  year: 'month',
  quarter: 'week',
  month: 'week',
};

interface Part {
  key: string;
  label: string;
  start: number;
  end: number;
  target: number;
}

function partsOf(goal: Goal, options: TrackOptions): Part[] {
  if (options.split)
    return options.split.parts.map((p) => ({
      key: p.key,
      label: p.label,
      start: p.start,
      end: p.end,
      target: p.target,
    }));
  const unit = DEFAULT_PART_UNIT[goal.period.unit];
  if (!unit) return [];
  const total = goal.period.end - goal.period.start;
  return splitSlots(goal, unit).map((s) => ({
    key: s.period.key,
    label: s.period.label,
    start: s.start,
    end: s.end,
    target: options.traits.kind === 'flow' ? (goal.target * (s.end - s.start)) / total : goal.target,
  }));
}

/**
 * Tracks a goal at an as-of day. A `split` whose `goalId` is not this goal's is ignored.
 * @example trackGoal(revenue2026, { asOf: daysFromCivil(2026, 3, 31), traits, evaluate })
 *   // target 365,000, 90 of 365 days → expected 90,000; actual 81,000 → 90 %, 'at risk'
 */
export function trackGoal(goal: Goal, given: TrackOptions): GoalTracking {
  // A split made for another goal would pace this one wrongly: pace evenly instead.
  const options: TrackOptions =
    given.split && given.split.goalId !== goal.id ? { ...given, split: undefined } : given;
  const { traits, evaluate } = options;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const { start, end } = goal.period;
  const cut = Math.min(end, Math.max(start, Math.floor(options.asOf) + 1));
  const daysTotal = end - start;
  const daysElapsed = cut - start;
  const daysRemaining = end - cut;
  const elapsedShare = daysElapsed / daysTotal;
  const flow = traits.kind === 'flow';

  const parts = partsOf(goal, options);
  const partRows = parts.map((p) => trackPart(p, cut, goal.scope, traits, evaluate, thresholds));
  const subPeriodsLeft = parts.filter((p) => p.end > cut).length;

  const expectedToDate = !flow
    ? goal.target
    : options.split
      ? parts.reduce((sum, p) => sum + p.target * overlapShare(p, cut), 0)
      : goal.target * elapsedShare;

  const base = {
    goalId: goal.id,
    metric: goal.metric,
    period: goal.period.key,
    periodLabel: goal.period.label,
    ...(goal.scope ? { scope: goal.scope } : {}),
    target: goal.target,
    asOf: Math.floor(options.asOf),
    kind: traits.kind,
    better: traits.better,
    daysTotal,
    daysElapsed,
    daysRemaining,
    elapsedShare,
    expectedToDate,
    parts: partRows,
    paceBasis: paceBasis(traits, options.split),
  };

  if (daysElapsed === 0) {
    const notYet = metricError('#N/A', 'the period has not started');
    return {
      ...base,
      actualToDate: notYet,
      attainmentToDate: notYet,
      attainmentOfTarget: notYet,
      gap: notYet,
      favourable: null,
      projection: { runRate: notYet, trend: notYet },
      required: requiredOf(goal, traits, 0, 0, daysRemaining, subPeriodsLeft, daysTotal),
      status: 'not started',
    };
  }

  const actual = evaluate({ start, end: cut }, goal.scope);
  if (isMetricError(actual)) {
    return {
      ...base,
      actualToDate: actual,
      attainmentToDate: actual,
      attainmentOfTarget: actual,
      gap: actual,
      favourable: null,
      projection: { runRate: actual, trend: actual },
      required: { value: actual, perDay: actual, perSubPeriod: actual, subPeriodsLeft },
      status: 'no data',
    };
  }

  const lower = traits.better === 'lower';
  const ratioOf = (a: number, b: number, what: string) =>
    lower ? safeDivide(b, a, 'the actual is 0') : safeDivide(a, b, what);
  const gap = actual - expectedToDate;
  return {
    ...base,
    actualToDate: actual,
    attainmentToDate: ratioOf(actual, expectedToDate, 'nothing is expected yet'),
    attainmentOfTarget: ratioOf(actual, goal.target, 'the target is 0'),
    gap,
    favourable: paceRatio(actual, expectedToDate, traits.better) >= 1,
    projection: {
      runRate: flow ? safeDivide(actual, elapsedShare, 'no time has elapsed') : actual,
      trend: trendProjection(goal, traits, parts, partRows, actual, cut),
    },
    required: requiredOf(goal, traits, actual, daysElapsed, daysRemaining, subPeriodsLeft, daysTotal),
    status: goalStatus(actual, expectedToDate, traits.better, thresholds),
  };
}

/** Share of a part's days before `cut`, in [0, 1]. */
function overlapShare(part: { start: number; end: number }, cut: number): number {
  if (cut <= part.start) return 0;
  if (cut >= part.end) return 1;
  return (cut - part.start) / (part.end - part.start);
}

function trackPart(
  part: Part,
  cut: number,
  scope: GoalScope | undefined,
  traits: MetricTraits,
  evaluate: Evaluate,
  thresholds: StatusThresholds,
): PartTracking {
  const share = overlapShare(part, cut);
  const expectedToDate = traits.kind === 'flow' ? part.target * share : part.target;
  const row = {
    key: part.key,
    label: part.label,
    start: part.start,
    end: part.end,
    target: part.target,
    expectedToDate,
  };
  if (share === 0) return { ...row, actual: null, status: 'not started' };
  const actual = evaluate({ start: part.start, end: Math.min(part.end, cut) }, scope);
  if (isMetricError(actual)) return { ...row, actual, status: 'no data' };
  return { ...row, actual, status: goalStatus(actual, expectedToDate, traits.better, thresholds) };
}

function requiredOf(
  goal: Goal,
  traits: MetricTraits,
  actual: number,
  daysElapsed: number,
  daysRemaining: number,
  subPeriodsLeft: number,
  daysTotal: number,
): GoalTracking['required'] {
  if (daysRemaining === 0) {
    const over = metricError('#N/A', 'the period is over');
    return { value: over, perDay: over, perSubPeriod: over, subPeriodsLeft: 0 };
  }
  if (traits.kind === 'ratio') {
    const rate = (goal.target * daysTotal - actual * daysElapsed) / daysRemaining;
    return { value: rate, perDay: rate, perSubPeriod: rate, subPeriodsLeft };
  }
  const value = goal.target - actual;
  return {
    value,
    perDay: value / daysRemaining,
    perSubPeriod:
      subPeriodsLeft > 0 ? value / subPeriodsLeft : metricError('#N/A', 'the goal has no sub-periods'),
    subPeriodsLeft,
  };
}

function trendProjection(
  goal: Goal,
  traits: MetricTraits,
  parts: readonly Part[],
  rows: readonly PartTracking[],
  actual: number,
  cut: number,
): MetricValue {
  const x: number[] = [];
  const y: number[] = [];
  parts.forEach((p, i) => {
    const value = rows[i].actual;
    if (p.end > cut || value === null || isMetricError(value)) return;
    if (traits.kind === 'stock') {
      x.push(p.end);
      y.push(value);
      return;
    }
    x.push((p.start + p.end) / 2);
    y.push(traits.kind === 'flow' ? value / (p.end - p.start) : value);
  });
  const line = fitLine(x, y);
  if (!line) return metricError('#N/A', 'a trend needs at least two completed sub-periods');
  const { start, end } = goal.period;
  if (traits.kind === 'stock') return line.intercept + line.slope * end;
  // Remaining days [cut, end): the mean of their midpoints is (cut + end) / 2.
  const restDays = end - cut;
  const rest = restDays * (line.intercept + line.slope * ((cut + end) / 2));
  if (traits.kind === 'flow') return actual + rest;
  return (actual * (cut - start) + rest) / (end - start);
}

function paceBasis(traits: MetricTraits, split?: GoalSplit): string {
  const direction = traits.better === 'lower' ? 'at or below' : 'at or above';
  if (traits.kind === 'ratio')
    return `rate to date against the target rate (a rate is not proportional to time); on track ${direction} it`;
  if (traits.kind === 'stock') return `latest value against the target level; on track ${direction} it`;
  const how = split ? `${split.applied} split by ${split.unit}` : 'even by days';
  return `actual to date against the target paced ${how}; on track ${direction} pace`;
}
