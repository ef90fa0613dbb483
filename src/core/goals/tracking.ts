/**
 * Goal tracking at an as-of date: actual to date, expected to date (pace), attainment, gap,
 * projected end of period, the rate still required, and a status.
 *
 * The as-of day counts as elapsed: "to date" is [period start, as-of + 1). Every window is
 * measured against the whole period before the one it lies in (`periodWindow`), as the metric
 * engine does, so a churn or retention goal's actual is the figure `metrics` gives for the same
 * days.
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
 * Ratio metrics (AOV, win rate, CAC): a rate is not proportional to time, so the pace is the
 * target itself: the to-date rate is compared with the target. Run-rate projection: the rate so
 * far. Trend: the line through the completed sub-periods' rates, extrapolated over the rest and
 * averaged with the to-date rate by days. Required: the rate needed over the remaining days for
 * the day-weighted average to reach the target — exact when the denominator (orders, deals…) is
 * spread evenly over time, an approximation otherwise.
 *
 * Metrics paced along last period's curve (`traits.pace`: distinct customers, returning
 * customers, retention, churn, active ratio) neither add up over days nor hold still: a customer
 * who buys twice in a quarter counts once, and retention rises as last period's customers come
 * back. With P−1 the period before and d the days elapsed:
 * - curve = m(first d days of P−1) / m(all of P−1) (each measured as above, against P−2); for
 *   churn the retention's curve, (1 − churn(first d days)) / (1 − churn(all of P−1));
 * - expected to date = target × curve; for churn 1 − (1 − target) × curve;
 * - projection = actual / curve; for churn 1 − (1 − actual) / curve (shares kept within 0–1);
 * - when P−1 has no value to pace by (an error, or 0), the target itself is expected, and the pace
 *   basis says so. No trend (sub-periods do not add up to the period) and no split.
 *
 * Stock metrics (pipeline value): the latest value (the metric over the to-date window, which the
 * engine reports as the level at its end) is compared with the target. Run-rate: the level holds.
 * Trend: the line through the levels at the ends of completed sub-periods, read at period end.
 * Required: the change still needed, per remaining day and sub-period.
 *
 * Projection and status (`projection.ts`): a flow goal with at least eight complete periods of
 * history before its period (given `history`) is projected by the ETS forecaster — actual to date
 * + the period's forecast × the share of days left, with its 80 % interval — and its status is
 * judged on that projection against the target (projection ÷ target, inverted when lower is
 * better, with the same thresholds). Otherwise the projection is the run rate and the status is
 * judged on pace to date as above, which for an even pace is the same ratio. `projected` says
 * which, in words: "projected to reach 96 % of target (interval 88–104 %)".
 *
 * A finished period (and a finished sub-period) is **achieved** when its final value reaches the
 * target (at or above it; at or below it when lower is better) and **missed** otherwise, never on
 * track or at risk. Lower-is-better metrics invert attainment (target / actual, expected /
 * actual) and are on track at or below pace; see `status.ts`.
 */
import type { MetricValue } from '../errors';
import { isMetricError, metricError, safeDivide } from '../errors';
import type { Period, PeriodUnit } from '../periods';
import { periodOf, previousPeriod } from '../periods';
import { fitLine } from './ols';
import type { EtsGoalProjection, ProjectionHistory } from './projection';
import { etsGoalProjection, projectionSentence } from './projection';
import { splitSlots } from './split';
import type { GoalStatus, StatusThresholds } from './status';
import { DEFAULT_THRESHOLDS, goalStatus, paceRatio } from './status';
import type { Evaluate, Goal, GoalScope, GoalSplit, MetricTraits } from './types';
import { periodWindow, slotWindow } from './windows';

/**
 * A goal's state: on track / at risk / off track while its period runs; achieved / missed once it
 * is over; not started before; no data when the actual is an error; no baseline when the target
 * was to come from a baseline that has no data.
 */
export type TrackingStatus = GoalStatus | 'achieved' | 'missed' | 'not started' | 'no data' | 'no baseline';

export interface TrackOptions {
  /** The as-of epoch day (counts as elapsed). */
  readonly asOf: number;
  readonly traits: MetricTraits;
  readonly evaluate: Evaluate;
  /** The goal's split; pace and trend follow its parts. Without it: even pace, default parts. */
  readonly split?: GoalSplit;
  readonly thresholds?: StatusThresholds;
  /** Where the data begin: with it, flow goals with enough history are projected by ETS. */
  readonly history?: ProjectionHistory;
}

/** The projection the status is judged on. */
export interface ProjectedValue {
  /** The end-of-period value: the ETS projection, else the run rate. */
  readonly value: MetricValue;
  readonly method: 'ets' | 'run rate';
  /** The 80 % interval of an ETS projection. */
  readonly low?: number;
  readonly high?: number;
  /** "projected to reach 96 % of target (interval 88–104 %)". */
  readonly sentence: string;
  /** How it was made: the model and periods fitted, or why the run rate was used. */
  readonly basis: string;
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
  /** The whole period's target; null only with the status `no baseline`. */
  readonly target: number | null;
  readonly asOf: number;
  readonly kind: MetricTraits['kind'];
  readonly better: MetricTraits['better'];
  readonly daysTotal: number;
  readonly daysElapsed: number;
  readonly daysRemaining: number;
  readonly elapsedShare: number;
  /** True once the as-of day is the period's last day or later. */
  readonly finished: boolean;
  readonly actualToDate: MetricValue;
  /** The target paced to the as-of day; null only with the status `no baseline`. */
  readonly expectedToDate: number | null;
  /** Pace attainment: actual / expected (inverted when lower is better). */
  readonly attainmentToDate: MetricValue;
  /** actual / target (inverted when lower is better). */
  readonly attainmentOfTarget: MetricValue;
  /** actual − expected. */
  readonly gap: MetricValue;
  /** Whether the gap is on the good side (`null` without an actual). */
  readonly favourable: boolean | null;
  readonly projection: {
    readonly runRate: MetricValue;
    readonly trend: MetricValue;
    /** The ETS projection (flows with enough history while the period runs), else null. */
    readonly forecast: EtsGoalProjection | null;
  };
  /** The projection the status is judged on, with its sentence. */
  readonly projected: ProjectedValue;
  readonly required: {
    /** Flow: amount still to add; ratio: rate needed over the rest; stock: change still needed. */
    readonly value: MetricValue;
    readonly perDay: MetricValue;
    readonly perSubPeriod: MetricValue;
    readonly subPeriodsLeft: number;
  };
  readonly status: TrackingStatus;
  readonly parts: readonly PartTracking[];
  /** How pace was judged, in words (for tooltips and the CLI); for `no baseline`, why. */
  readonly paceBasis: string;
  /** For metrics paced along last period's curve: the curve's value at the as-of day (null: no curve). */
  readonly curve?: number | null;
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
  period: Period;
  start: number;
  end: number;
  target: number;
}

function partsOf(goal: Goal, options: TrackOptions): Part[] {
  if (options.traits.pace) return [];
  const calendar = goal.period.calendar;
  if (options.split) {
    const unit = options.split.unit;
    return options.split.parts.map((p) => ({
      key: p.key,
      label: p.label,
      period: periodOf(p.start, unit, calendar),
      start: p.start,
      end: p.end,
      target: p.target,
    }));
  }
  const unit = DEFAULT_PART_UNIT[goal.period.unit];
  if (!unit) return [];
  const total = goal.period.end - goal.period.start;
  return splitSlots(goal, unit).map((s) => ({
    key: s.period.key,
    label: s.period.label,
    period: s.period,
    start: s.start,
    end: s.end,
    target: options.traits.kind === 'flow' ? (goal.target * (s.end - s.start)) / total : goal.target,
  }));
}

/** Last period's curve at a point of the period, and the goal paced along it. */
export interface CurvePace {
  /** m(same days of P−1) / m(all of P−1) (retention's for churn); null when P−1 cannot give one. */
  readonly curve: number | null;
  /** The target paced to the point. */
  readonly expected: number;
  /** How, in words. */
  readonly basis: string;
}

/**
 * Paces a target along the previous period's curve (see the module comment) at `cut`, the end of
 * the window [period start, cut). A complete period's curve is 1 (the whole target is expected).
 * @example curvePace(400, customersTraits, q4, daysFromCivil(2026, 12, 6), evaluate)
 *   // Q3 had 250 customers by its 66th day and 312 in all → curve 0.801, expected 320.5
 */
export function curvePace(
  target: number,
  traits: MetricTraits,
  period: Period,
  cut: number,
  evaluate: Evaluate,
  scope?: GoalScope,
): CurvePace {
  const days = Math.max(0, Math.min(period.end, cut) - period.start);
  const complement = traits.pace === 'complement-curve';
  const what = complement ? `retention (1 − ${traits.id})` : traits.id;
  if (days >= period.end - period.start)
    return { curve: 1, expected: target, basis: 'the period is complete: the whole target' };
  const previous = previousPeriod(period);
  const sameEnd = Math.min(previous.end, previous.start + days);
  const read = (value: MetricValue): number | null =>
    isMetricError(value) || !Number.isFinite(value) ? null : complement ? 1 - value : value;
  const part = read(evaluate(periodWindow(previous, sameEnd), scope));
  const whole = read(evaluate(periodWindow(previous), scope));
  if (part === null || whole === null || !(whole > 0) || part < 0)
    return {
      curve: null,
      expected: target,
      basis: `${previous.label} has no ${what} to pace by, so the target itself is expected to date`,
    };
  const curve = part / whole;
  const expected = complement ? 1 - (1 - target) * curve : target * curve;
  const share = `${(curve * 100).toFixed(1)} %`;
  return {
    curve,
    expected,
    basis: `paced along ${previous.label}'s curve: by its day ${sameEnd - previous.start} it had ${share} of its final ${what}`,
  };
}

/**
 * Tracks a goal at an as-of day. A `split` whose `goalId` is not this goal's is ignored.
 * @example trackGoal(revenue2026, { asOf: daysFromCivil(2026, 3, 31), traits, evaluate })
 *   // target 365,000, 90 of 365 days → expected 90,000; actual 81,000 → 90 %, 'at risk'
 */
export function trackGoal(goal: Goal, given: TrackOptions): GoalTracking {
  // A split made for another goal would pace this one wrongly, and curve-paced metrics are not
  // split: pace without it.
  const options: TrackOptions =
    given.split && (given.split.goalId !== goal.id || given.traits.pace)
      ? { ...given, split: undefined }
      : given;
  const { traits, evaluate } = options;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const { start, end } = goal.period;
  const cut = Math.min(end, Math.max(start, Math.floor(options.asOf) + 1));
  const daysTotal = end - start;
  const daysElapsed = cut - start;
  const daysRemaining = end - cut;
  const elapsedShare = daysElapsed / daysTotal;
  const finished = daysRemaining === 0;
  const flow = traits.kind === 'flow';

  const parts = partsOf(goal, options);
  const partRows = parts.map((p) => trackPart(p, cut, goal.scope, traits, evaluate, thresholds));
  const subPeriodsLeft = parts.filter((p) => p.end > cut).length;

  const paced =
    traits.pace && daysElapsed > 0
      ? curvePace(goal.target, traits, goal.period, cut, evaluate, goal.scope)
      : undefined;
  const expectedToDate = paced
    ? paced.expected
    : traits.pace || !flow
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
    finished,
    expectedToDate,
    parts: partRows,
    paceBasis: finished ? finalBasis(traits) : paceBasis(traits, options.split, paced),
    ...(traits.pace ? { curve: paced ? paced.curve : null } : {}),
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
      projection: { runRate: notYet, trend: notYet, forecast: null },
      projected: noProjection(notYet),
      required: requiredOf(goal, traits, 0, 0, daysRemaining, subPeriodsLeft, daysTotal),
      status: 'not started',
    };
  }

  const actual = evaluate(periodWindow(goal.period, cut), goal.scope);
  if (isMetricError(actual)) {
    return {
      ...base,
      actualToDate: actual,
      attainmentToDate: actual,
      attainmentOfTarget: actual,
      gap: actual,
      favourable: null,
      projection: { runRate: actual, trend: actual, forecast: null },
      projected: noProjection(actual),
      required: { value: actual, perDay: actual, perSubPeriod: actual, subPeriodsLeft },
      status: 'no data',
    };
  }

  const lower = traits.better === 'lower';
  const ratioOf = (a: number, b: number, what: string) =>
    lower ? safeDivide(b, a, 'the actual is 0') : safeDivide(a, b, what);
  const gap = actual - expectedToDate;
  const runRate: MetricValue = finished
    ? actual
    : paced
      ? curveProjection(actual, paced.curve, traits)
      : flow
        ? safeDivide(actual, elapsedShare, 'no time has elapsed')
        : actual;
  const ets = finished
    ? { reason: 'the period is over' }
    : etsGoalProjection(goal.period, traits, evaluate, actual, daysRemaining, goal.scope, options.history);
  const forecast = 'value' in ets ? ets : null;
  const projected: ProjectedValue = finished
    ? {
        value: actual,
        method: 'run rate',
        sentence: projectionSentence(actual, goal.target).replace('projected to reach', 'reached'),
        basis: 'the period is over: the final value',
      }
    : forecast
      ? {
          value: forecast.value,
          method: 'ets',
          low: forecast.low,
          high: forecast.high,
          sentence: projectionSentence(forecast.value, goal.target, forecast),
          basis: `actual to date + the ${forecast.model} forecast of all of ${goal.period.label} (fitted on ${forecast.fitted} complete ${goal.period.unit}s, model with the smallest AICc) × ${daysRemaining} remaining days ÷ ${daysTotal}; ${Math.round(forecast.level * 100)} % interval; status judged on the projection against the target`,
        }
      : {
          value: runRate,
          method: 'run rate',
          sentence: `${projectionSentence(runRate, goal.target)} at the run rate`,
          basis: `run rate (${'reason' in ets ? ets.reason.replace(/: projected at the run rate$/, '') : ''}); status judged on pace to date`,
        };
  return {
    ...base,
    actualToDate: actual,
    attainmentToDate: ratioOf(actual, expectedToDate, 'nothing is expected yet'),
    attainmentOfTarget: ratioOf(actual, goal.target, 'the target is 0'),
    gap,
    favourable: paceRatio(actual, expectedToDate, traits.better) >= 1,
    projection: finished
      ? { runRate: actual, trend: actual, forecast: null }
      : {
          runRate,
          trend: traits.pace
            ? metricError('#N/A', `${traits.id} does not add up over sub-periods: no trend`)
            : trendProjection(goal, traits, parts, partRows, actual, cut),
          forecast,
        },
    projected,
    // Pace still gives the expected to date; the status follows the projection.
    ...(forecast
      ? { paceBasis: base.paceBasis.replace(/; on track [^;]*$/, '; the status is judged on the projection') }
      : {}),
    required: requiredOf(goal, traits, actual, daysElapsed, daysRemaining, subPeriodsLeft, daysTotal),
    status: finished
      ? finalStatus(actual, goal.target, traits.better)
      : forecast
        ? goalStatus(forecast.value, goal.target, traits.better, thresholds)
        : goalStatus(actual, expectedToDate, traits.better, thresholds),
  };
}

/**
 * A goal whose target was to come from a baseline without data: nothing can be tracked, and the
 * status says `no baseline` with the reason (never a zero target that is on track).
 * @example noBaselineTracking({ metric: 'revenue', period: dec2026 }, traits, asOf, '2025-12 has no data').status
 *   // 'no baseline'
 */
export function noBaselineTracking(
  goal: { readonly id: string; readonly metric: string; readonly period: Period; readonly scope?: GoalScope },
  traits: MetricTraits,
  asOf: number,
  reason: string,
): GoalTracking {
  const { start, end } = goal.period;
  const cut = Math.min(end, Math.max(start, Math.floor(asOf) + 1));
  const none = metricError('#N/A', reason);
  return {
    goalId: goal.id,
    metric: goal.metric,
    period: goal.period.key,
    periodLabel: goal.period.label,
    ...(goal.scope ? { scope: goal.scope } : {}),
    target: null,
    asOf: Math.floor(asOf),
    kind: traits.kind,
    better: traits.better,
    daysTotal: end - start,
    daysElapsed: cut - start,
    daysRemaining: end - cut,
    elapsedShare: (cut - start) / (end - start),
    finished: cut === end,
    actualToDate: none,
    expectedToDate: null,
    attainmentToDate: none,
    attainmentOfTarget: none,
    gap: none,
    favourable: null,
    projection: { runRate: none, trend: none, forecast: null },
    projected: noProjection(none),
    required: { value: none, perDay: none, perSubPeriod: none, subPeriodsLeft: 0 },
    status: 'no baseline',
    parts: [],
    paceBasis: reason,
  };
}

function noProjection(value: MetricValue): ProjectedValue {
  return {
    value,
    method: 'run rate',
    sentence: projectionSentence(value, 1),
    basis: isMetricError(value) ? value.reason : 'no projection',
  };
}

/**
 * Achieved when the final value reaches the target (at or above; at or below when lower is better).
 * @example finalStatus(0.28, 0.3, 'lower') // 'achieved'
 */
export function finalStatus(
  actual: number,
  target: number,
  better: 'higher' | 'lower',
): 'achieved' | 'missed' {
  return (better === 'higher' ? actual >= target : actual <= target) ? 'achieved' : 'missed';
}

function curveProjection(actual: number, curve: number | null, traits: MetricTraits): MetricValue {
  if (curve === null) return actual;
  const complement = traits.pace === 'complement-curve';
  const value = complement
    ? safeDivide(1 - actual, curve, 'last period had no retention by the same day')
    : safeDivide(actual, curve, `last period had no ${traits.id} by the same day`);
  if (isMetricError(value)) return value;
  const projected = complement ? 1 - value : value;
  return traits.kind === 'ratio' ? Math.min(1, Math.max(0, projected)) : projected;
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
  const actual = evaluate(
    slotWindow({ period: part.period, start: part.start, end: Math.min(part.end, cut) }),
    scope,
  );
  if (isMetricError(actual)) return { ...row, actual, status: 'no data' };
  const status =
    share === 1
      ? finalStatus(actual, part.target, traits.better)
      : goalStatus(actual, expectedToDate, traits.better, thresholds);
  return { ...row, actual, status };
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
  if (traits.pace) {
    const notDaily = metricError('#N/A', `${traits.id} does not add up by day`);
    return { value: goal.target - actual, perDay: notDaily, perSubPeriod: notDaily, subPeriodsLeft: 0 };
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

function finalBasis(traits: MetricTraits): string {
  const direction = traits.better === 'lower' ? 'at or below' : 'at or above';
  return `the period is over: achieved when the final value is ${direction} the target, missed otherwise`;
}

function paceBasis(traits: MetricTraits, split?: GoalSplit, paced?: CurvePace): string {
  const direction = traits.better === 'lower' ? 'at or below' : 'at or above';
  if (traits.pace)
    return `${paced ? paced.basis : "paced along last period's curve"}; on track ${direction} pace`;
  if (traits.kind === 'ratio')
    return `rate to date against the target rate (a rate is not proportional to time); on track ${direction} it`;
  if (traits.kind === 'stock') return `latest value against the target level; on track ${direction} it`;
  const how = split ? `${split.applied} split by ${split.unit}` : 'even by days';
  return `actual to date against the target paced ${how}; on track ${direction} pace`;
}
