import type { CellValue } from '../core/cell';
import { isMetricError, type MetricValue } from '../core/errors';
import type { MetricUnit } from '../core/metrics';

/** A value ready to show: its text, and why when it is an error value. */
export interface Shown {
  readonly text: string;
  /** The error's reason, shown beside the code. */
  readonly reason?: string;
}

const DAY_MS = 86_400_000;

/** Number format options per metric unit (two decimals for money, whole counts, one for days). */
function optionsFor(unit: MetricUnit): Intl.NumberFormatOptions {
  switch (unit) {
    case 'currency':
      return { minimumFractionDigits: 2, maximumFractionDigits: 2 };
    case 'count':
      return { maximumFractionDigits: 0 };
    case 'ratio':
      return { style: 'percent', maximumFractionDigits: 1 };
    default:
      return { maximumFractionDigits: 1 };
  }
}

/**
 * A metric value in the UI's language; an error value shows its code with the reason beside it.
 *
 * @example
 * showMetric(1398.6875, 'currency', 'id-ID'); // { text: '1.398,69' }
 * showMetric({ error: '#DIV/0!', reason: 'no orders in 2026-03' }, 'currency', 'en'); // { text: '#DIV/0!', reason: 'no orders in 2026-03' }
 */
export function showMetric(value: MetricValue, unit: MetricUnit, locale: string): Shown {
  if (isMetricError(value)) return { text: value.error, reason: value.reason };
  return { text: new Intl.NumberFormat(locale, optionsFor(unit)).format(value) };
}

/**
 * A relative change with its sign, e.g. `+39.6%`.
 *
 * @example showChange(0.396, 'en-US'); // { text: '+39.6%' }
 */
export function showChange(value: MetricValue, locale: string): Shown {
  if (isMetricError(value)) return { text: value.error, reason: value.reason };
  const format = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  return { text: format.format(value) };
}

/** A month such as `Mar 2026` / `Mar 2026` (id) from its first epoch day. */
export function monthLabel(startDay: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(startDay * DAY_MS),
  );
}

/** A day such as `27 Mar 2026` from its epoch day. */
export function dayLabel(day: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(day * DAY_MS));
}

/** A cell value as the report lists it: text in quotes, blanks named. */
export function cellText(value: CellValue, blank: string): string {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === ''))
    return blank;
  if (typeof value === 'string') return `“${value}”`;
  if (value instanceof Date)
    return Number.isFinite(value.getTime()) ? value.toISOString().slice(0, 10) : blank;
  return String(value);
}
