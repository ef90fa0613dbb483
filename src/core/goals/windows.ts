/**
 * The windows goals measure a metric over, each with its reference window (see `MeasureWindow`):
 * a period to a day with the whole period before it, and a sub-period cut to a goal period.
 */
import type { Period } from '../periods';
import { formatDay, previousPeriod } from '../periods';
import type { DayRange, MeasureWindow } from './types';

function named(start: number, end: number, period?: Period): DayRange {
  const whole = period !== undefined && start === period.start && end === period.end;
  return { start, end, key: whole ? period.key : `${formatDay(start)}..${formatDay(end - 1)}` };
}

/**
 * `period` from its start up to `end` (the whole period by default), measured against the whole
 * period before it (P−1) — the windows the metric engine uses for a period to date.
 * @example periodWindow(december2026, daysFromCivil(2026, 12, 6))
 *   // 2026-12-01..2026-12-05, before: 2026-11 (all of November)
 */
export function periodWindow(period: Period, end: number = period.end): MeasureWindow {
  const cut = Math.max(period.start, Math.min(period.end, end));
  const before = previousPeriod(period);
  return { ...named(period.start, cut, period), before: named(before.start, before.end, before) };
}

/**
 * A sub-period cut to [start, end) (a week cut by a quarter's first day): from its period's start
 * it is `periodWindow`; cut later, its reference is as many days as the period before has, ending
 * where the window starts.
 */
export function slotWindow(slot: { period: Period; start: number; end: number }): MeasureWindow {
  if (slot.start === slot.period.start) return periodWindow(slot.period, slot.end);
  const previous = previousPeriod(slot.period);
  const length = previous.end - previous.start;
  return {
    ...named(slot.start, slot.end, slot.period),
    before: named(slot.start - length, slot.start),
  };
}
