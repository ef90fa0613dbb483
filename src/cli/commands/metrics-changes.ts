/**
 * Growth and year over year of every period `metrics` prints, like for like for a period that is
 * not over on the as-of day (docs/metrics.md, "Growth and year over year").
 *
 * Complete periods take their bases from two extra passes (the period before the first, and the
 * year-ago periods); the partial period, at most the last, is compared on its own windows.
 */
import type { MetricValue } from '../../core/errors';
import type { MetricId, MetricInputs, MetricOptions } from '../../core/metrics';
import { computeSuite, isOrderMetric } from '../../core/metrics';
import type { ChangeBase } from '../../core/metrics/compute';
import { computeChanges, relativeChange } from '../../core/metrics/compute';
import type { DayWindow, Period, PeriodCoverage } from '../../core/periods';
import { periodCoverage, previousPeriod, samePeriodLastYear } from '../../core/periods';

/** One change of every metric: what it compares with and the changes, in the order of `ids`. */
export interface PeriodChange {
  /** The whole period the base lies in (P−1, or the same period a year earlier). */
  readonly basePeriod: Period;
  /** The days compared: all of `basePeriod`, or its first days when the period is partial. */
  readonly base: DayWindow;
  /** True when the period is partial and both sides cover the same first days. */
  readonly likeForLike: boolean;
  readonly changes: readonly MetricValue[];
}

export interface PeriodChanges {
  readonly coverage: PeriodCoverage;
  readonly growth: PeriodChange;
  readonly yoy: PeriodChange;
}

/**
 * Growth and year over year of each period, given the suite's values of those periods.
 * @example periodChanges(inputs, ids, months, suite.values, { asOf })[11].growth.changes[0] // revenue growth of the as-of month
 */
export function periodChanges(
  inputs: MetricInputs,
  ids: readonly MetricId[],
  periods: readonly Period[],
  values: readonly (readonly MetricValue[])[],
  options: MetricOptions,
): PeriodChanges[] {
  if (periods.length === 0) return [];
  const before = computeSuite(inputs, ids, [previousPeriod(periods[0])], options).values[0];
  const yearAgo = yearAgoValues(inputs, ids, periods, values, options);
  const whole = (basePeriod: Period, now: readonly MetricValue[], then: readonly MetricValue[]) => ({
    basePeriod,
    base: { start: basePeriod.start, end: basePeriod.end },
    likeForLike: false,
    changes: ids.map((id, m) => relativeChange(id, now[m], then[m], basePeriod.key)),
  });
  const compared = (period: Period, against: ChangeBase): PeriodChange => {
    const result = computeChanges(inputs, ids, period, against, options);
    return {
      basePeriod: result.basePeriod,
      base: { start: result.base.start, end: result.base.end },
      likeForLike: result.likeForLike,
      changes: result.changes,
    };
  };
  return periods.map((period, p) => {
    const coverage = periodCoverage(period, options.asOf);
    if (coverage.partial)
      return { coverage, growth: compared(period, 'previous'), yoy: compared(period, 'priorYear') };
    return {
      coverage,
      growth: whole(previousPeriod(period), values[p], p === 0 ? before : values[p - 1]),
      yoy: whole(samePeriodLastYear(period), values[p], yearAgo[p]),
    };
  });
}

/** What makes two periods the same windows: unit, calendar and days. */
function periodIdentity(period: Period): string {
  const { unit, calendar, start, end, key } = period;
  return `${unit}|${calendar.weekStartsOn}|${calendar.fiscalYearStartMonth}|${start}|${end}|${key}`;
}

/**
 * The values of the period a year before each of `periods`. An orders metric of a period depends
 * on that period (and the one before it) only, not on the periods computed with it, so a year-ago
 * period that is among `periods` takes its values from `values`; the others are computed.
 */
function yearAgoValues(
  inputs: MetricInputs,
  ids: readonly MetricId[],
  periods: readonly Period[],
  values: readonly (readonly MetricValue[])[],
  options: MetricOptions,
): (readonly MetricValue[])[] {
  const yearAgo = periods.map(samePeriodLastYear);
  if (!ids.every(isOrderMetric)) return computeSuite(inputs, ids, yearAgo, options).values;
  const known = new Map(periods.map((period, p) => [periodIdentity(period), p]));
  const missing = yearAgo.filter((period) => !known.has(periodIdentity(period)));
  const computed = missing.length > 0 ? computeSuite(inputs, ids, missing, options).values : [];
  let next = 0;
  return yearAgo.map((period) => {
    const p = known.get(periodIdentity(period));
    return p === undefined ? computed[next++] : values[p];
  });
}
