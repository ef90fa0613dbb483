/**
 * Splitting a year or quarter goal into monthly or weekly goals (and a month goal into weeks).
 *
 * - Parts are the months or weeks that overlap the goal period, each cut to the period: a week
 *   that straddles the period's first or last day keeps only its days inside (a partial week).
 * - Flow metrics (revenue, orders…) are split by share. `even`: in proportion to days, so a
 *   29-day February carries 29/366 of a leap year and a 3-day partial week 3/7 of a full one —
 *   the same pace as "elapsed share of days". `seasonal`: in proportion to last year's actual in
 *   the matching part (the same month a year earlier; for weeks, the same week number's same
 *   weekdays). Seasonal falls back to even, and says why, when last year's figures are missing,
 *   an error, negative, zero for some part (short history), or zero in total.
 * - Amounts are rounded to cents (`decimals`) by the largest-remainder method, so the parts sum
 *   exactly to the target.
 * - Ratio and stock metrics are not split by share: a 30 % win-rate goal for the year is a 30 %
 *   goal for every month. Each part keeps the goal's target.
 * - Metrics paced along last period's curve (distinct customers, retention, churn, active ratio)
 *   are not split at all: a quarter's customers are not the sum of its months', and a month's
 *   churn is not a quarter's.
 */
import type { MetricError } from '../errors';
import { isMetricError, metricError } from '../errors';
import type { Period } from '../periods';
import { formatDay, periodsBetween, samePeriodLastYear } from '../periods';
import { largestRemainder } from './rounding';
import type {
  Evaluate,
  Goal,
  GoalSplit,
  MeasureWindow,
  MetricTraits,
  SplitMethod,
  SplitUnit,
  SubGoal,
} from './types';
import { slotWindow } from './windows';

export interface SplitOptions {
  readonly unit: SplitUnit;
  readonly method: SplitMethod;
  readonly traits: MetricTraits;
  /** Needed for `seasonal`: the metric over last year's matching windows. */
  readonly evaluate?: Evaluate;
  /** Decimal places of each part (2 = cents). */
  readonly decimals?: number;
  /** Accept a zero last-year value for some parts (a business closed in some months). Default false. */
  readonly allowZeroShares?: boolean;
  /** First day the data covers; seasonal falls back to even when last year starts before it. */
  readonly historyStart?: number;
}

const SIZE: Readonly<Record<string, number>> = { day: 0, week: 1, month: 2, quarter: 3, year: 4 };

interface Slot {
  readonly period: Period;
  readonly start: number;
  readonly end: number;
}

/** The months or weeks overlapping the goal period, each cut to it. */
export function splitSlots(goal: Goal, unit: SplitUnit): Slot[] {
  const { start, end, calendar } = goal.period;
  return periodsBetween(start, end, unit, calendar).map((period) => ({
    period,
    start: Math.max(period.start, start),
    end: Math.min(period.end, end),
  }));
}

/**
 * Last year's window matching a slot: same offset into the same period a year earlier, measured
 * against the period before it (`slotWindow`).
 */
export function lastYearWindow(slot: Slot): MeasureWindow {
  const last = samePeriodLastYear(slot.period);
  const start = last.start + (slot.start - slot.period.start);
  return slotWindow({ period: last, start, end: Math.min(last.end, start + (slot.end - slot.start)) });
}

/**
 * Splits a goal into short-term goals.
 * @example splitGoal(goal2026, { unit: 'month', method: 'even', traits: revenueTraits })
 *   // 12 parts, January = 31/365 of the target, parts summing to the target in cents
 */
export function splitGoal(goal: Goal, options: SplitOptions): GoalSplit | MetricError {
  const { unit, method, traits } = options;
  if (!(SIZE[goal.period.unit] > SIZE[unit])) {
    return metricError('#VALUE!', `a ${goal.period.unit} goal cannot be split into ${unit}s`);
  }
  if (traits.pace)
    return metricError(
      '#VALUE!',
      `${traits.id} does not add up over ${unit}s (nor keeps one rate): its goal is paced along last period's curve, not split`,
    );
  const slots = splitSlots(goal, unit);
  const days = slots.map((s) => s.end - s.start);
  const totalDays = days.reduce((a, b) => a + b, 0);
  const base = { goalId: goal.id, unit, requested: method };

  if (traits.kind !== 'flow') {
    return {
      ...base,
      applied: 'same-rate',
      rounding: `none: every part keeps the goal's ${traits.kind === 'ratio' ? 'rate' : 'level'}`,
      parts: slots.map((slot, i) => subGoal(slot, days[i] / totalDays, goal.target)),
    };
  }

  let weights = days;
  let applied: SplitMethod = 'even';
  let fallbackReason: string | undefined;
  if (method === 'seasonal') {
    const seasonal = seasonalWeights(goal, slots, options);
    if (typeof seasonal === 'string') fallbackReason = `${seasonal}; split evenly by days instead`;
    else {
      weights = seasonal;
      applied = 'seasonal';
    }
  }
  const decimals = options.decimals ?? 2;
  const targets = largestRemainder(goal.target, weights, decimals);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  return {
    ...base,
    applied,
    ...(fallbackReason ? { fallbackReason } : {}),
    rounding: `largest remainder to ${decimals} decimal places: the parts sum exactly to the target`,
    parts: slots.map((slot, i) => subGoal(slot, weights[i] / weightSum, targets[i])),
  };
}

function subGoal(slot: Slot, share: number, target: number): SubGoal {
  const partial = slot.start !== slot.period.start || slot.end !== slot.period.end;
  return {
    key: slot.period.key,
    label: slot.period.label,
    start: slot.start,
    end: slot.end,
    days: slot.end - slot.start,
    partial,
    share,
    target,
  };
}

/** Last year's values per slot, or the reason they cannot serve as weights. */
function seasonalWeights(goal: Goal, slots: readonly Slot[], options: SplitOptions): number[] | string {
  const evaluate = options.evaluate;
  if (!evaluate) return 'no history was given for a seasonal split';
  const windows = slots.map(lastYearWindow);
  if (
    options.historyStart !== undefined &&
    windows.length > 0 &&
    windows[0].start < Math.floor(options.historyStart)
  ) {
    return `history starts on ${formatDay(options.historyStart)}, after last year's first ${options.unit} (${formatDay(windows[0].start)})`;
  }
  const values: number[] = [];
  const missing: string[] = [];
  const zero: string[] = [];
  for (let i = 0; i < slots.length; i++) {
    const value = evaluate(windows[i], goal.scope);
    const name = `${formatDay(windows[i].start)}…${formatDay(windows[i].end - 1)}`;
    if (isMetricError(value) || !Number.isFinite(value) || value < 0) {
      missing.push(name);
      values.push(0);
      continue;
    }
    if (value === 0) zero.push(name);
    values.push(value);
  }
  if (missing.length > 0) return `last year has no usable figure for ${listSome(missing)}`;
  if (values.reduce((a, b) => a + b, 0) <= 0) return 'last year totals zero';
  if (zero.length > 0 && !options.allowZeroShares)
    return `last year is zero for ${listSome(zero)} (history too short)`;
  return values;
}

function listSome(names: readonly string[]): string {
  return names.length <= 3
    ? names.join(', ')
    : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}
