/**
 * The reference window of retention and churn. A window's retention compares its customers with
 * those of the whole period before the window's period (P−1), however much of P the window covers
 * (the whole period, P to date, the first days of P in a like-for-like comparison). Goals, the
 * dashboard and the command line ask here, so they compare the same customers.
 */
import type { Calendar, Period, PeriodUnit } from '../periods';
import { periodOf, previousPeriod } from '../periods';
import type { MetricWindow } from './inputs';

/**
 * The period retention of a window starting on `start` is measured against: the whole period of
 * `unit` before the one holding `start`.
 * @example retentionReference(parseDay('2026-12-01')!, 'month').key // '2026-11'
 */
export function retentionReference(start: number, unit: PeriodUnit, calendar?: Calendar): Period {
  return previousPeriod(periodOf(start, unit, calendar));
}

/**
 * `[reference, window]` as contiguous windows for `computeWindows`, for a window that starts at the
 * start of its `unit` period (null otherwise: its reference would not touch it).
 * @example computeWindows(inputs, ['retention_rate'], retentionWindows(monthToDate, 'month')!, { asOf })
 */
export function retentionWindows(
  window: MetricWindow,
  unit: PeriodUnit,
  calendar?: Calendar,
): [MetricWindow, MetricWindow] | null {
  const reference = retentionReference(window.start, unit, calendar);
  if (reference.end !== window.start) return null;
  return [{ start: reference.start, end: reference.end, key: reference.key }, window];
}
