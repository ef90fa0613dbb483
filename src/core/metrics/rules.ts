/**
 * The one place that says what a metric returns when it cannot be computed.
 *
 * - A window that starts after the as-of date has no data yet: every metric is `#N/A`
 *   ("2026-12 starts after the as-of date 2026-11-28").
 * - A missing column is `#N/A` ("needs a customer column").
 * - Flows and counts of an empty window are 0 (revenue, orders, units, customers, new and
 *   returning customers, leads, spend): "nothing happened" is a real value.
 * - Ratios whose denominator counts the window's things are `#DIV/0!` when it is zero, and the
 *   reason names what is missing and where ("no orders in 2026-11", "no customers in 2026-10").
 * - Medians and means over an empty set (days between orders, sales cycle) are `#N/A`
 *   ("no won deals closed in 2026-11"): there is no division, just nothing to summarise.
 * - A stock (open pipeline value) of an empty pipeline is 0.
 */
import { formatDay } from '../periods';
import type { MetricError } from '../errors';
import { metricError } from '../errors';
import type { MetricWindow } from './inputs';

export function startsAfterAsOf(window: MetricWindow, asOf: number): MetricError | null {
  if (window.start > Math.floor(asOf)) {
    return metricError('#N/A', `${window.key} starts after the as-of date ${formatDay(asOf)}`);
  }
  return null;
}

export function needsColumn(what: string, table?: string): MetricError {
  return metricError(
    '#N/A',
    table ? `needs a ${what} column in the ${table} table` : `needs a ${what} column`,
  );
}

export function needsTable(table: string): MetricError {
  return metricError('#N/A', `needs ${/^[aeiou]/i.test(table) ? 'an' : 'a'} ${table} table`);
}

/** `#DIV/0!` "no orders in 2026-11". */
export function noneIn(what: string, window: MetricWindow): MetricError {
  return metricError('#DIV/0!', `no ${what} in ${window.key}`);
}

/** `#N/A` for summaries (median, mean) of an empty set. */
export function nothingToSummarise(what: string, window: MetricWindow): MetricError {
  return metricError('#N/A', `no ${what} in ${window.key}`);
}

/** The end of the "to date" part of a window: never after the as-of day. */
export function toDateEnd(window: MetricWindow, asOf: number): number {
  return Math.min(window.end, Math.floor(asOf) + 1);
}
