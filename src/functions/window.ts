/**
 * Which rows a range function looks at. Range functions take an optional `period` and `asOf`:
 * - `asOf` defaults to the latest date in the data (never the clock), so a sheet gives the same
 *   answer tomorrow as today until its data changes;
 * - with a `period` the window is that period (day, week, month, quarter, year) containing
 *   `asOf`, up to and including the `asOf` day;
 * - without a `period` the window is every row up to and including the `asOf` day.
 */
import type { DayWindow, Period, PeriodUnit } from '../core/periods';
import { periodOf, toDateWindow } from '../core/periods';
import { notAvailable } from './errors';

export interface RowWindow extends DayWindow {
  /** The period chosen, when a period was given. */
  readonly period?: Period;
  /** The as-of epoch day used. */
  readonly asOf: number;
}

/** Latest finite day in a date column, `#N/A` when there is none. */
export function latestDay(dates: Float64Array): number {
  let latest = -Infinity;
  for (let i = 0; i < dates.length; i++) if (dates[i] > latest) latest = dates[i];
  if (latest === -Infinity) notAvailable('the ranges hold no dates');
  return Math.floor(latest);
}

/**
 * The window for `period` and `asOf` over a date column.
 * @example rowWindow(dates, 'month', undefined) // the month of the latest date, up to that date
 */
export function rowWindow(
  dates: Float64Array,
  period: PeriodUnit | undefined,
  asOf: number | undefined,
): RowWindow {
  return windowAt(asOf ?? latestDay(dates), period);
}

/** The window for `period` ending with the as-of epoch day (every day up to it without a period). */
export function windowAt(asOf: number, period: PeriodUnit | undefined): RowWindow {
  const day = Math.floor(asOf);
  if (!period) return { start: -Infinity, end: day + 1, asOf: day };
  const chosen = periodOf(day, period);
  return { ...toDateWindow(chosen, day), period: chosen, asOf: day };
}

/** True when epoch day `d` lies in the window. */
export function inWindow(d: number, window: DayWindow): boolean {
  return d >= window.start && d < window.end;
}
