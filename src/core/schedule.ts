/**
 * The measurement schedule: how often each metric is checked, how often goals are reviewed,
 * when each is next due at an as-of date, and which are overdue.
 *
 * Cadences count from the last check (a weekly check done on a Thursday is next due the next
 * Thursday). Months are added like DAX DATEADD: the day of month is kept where it exists and
 * clamped to the month's end where it does not (31 Jan + 1 month = 28 Feb, or 29 in a leap year);
 * and a month's last day maps to the target month's last day (28 Feb + 1 month = 31 Mar), as
 * DATEADD extends a selection that includes a month's last day to the whole month end. That keeps
 * a month-end check on month ends instead of drifting to the 28th.
 */
import type { Calendar, PeriodUnit } from './periods';
import {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  DEFAULT_CALENDAR,
  formatDay,
  periodIndex,
} from './periods';

/** A check or review cadence. */
export type Cadence = PeriodUnit | 'half-year';
/** Goal review cadences (docs/metrics.md: quarterly or half-yearly). */
export type ReviewCadence = 'quarter' | 'half-year';

/**
 * Default check cadence per metric (docs/metrics.md: sales volume daily, retention weekly,
 * loyalty monthly). These are the metric catalogue's `cadence` values, repeated here so that the
 * schedule does not depend on the engine; a test keeps the two equal.
 */
export const DEFAULT_CHECK_CADENCES: Readonly<Record<string, PeriodUnit>> = {
  // sales volume: daily
  revenue: 'day',
  orders: 'day',
  units: 'day',
  // customers, retention and the pipeline: weekly
  aov: 'week',
  avg_price: 'week',
  customers: 'week',
  new_customers: 'week',
  returning_customers: 'week',
  retention_rate: 'week',
  churn_rate: 'week',
  leads: 'week',
  pipeline_value: 'week',
  pipeline_velocity: 'week',
  // loyalty, deal economics and acquisition cost: monthly
  sales_per_customer: 'month',
  purchase_frequency: 'month',
  repeat_rate: 'month',
  active_ratio: 'month',
  days_between_orders: 'month',
  gross_margin: 'month',
  clv: 'month',
  conversion_rate: 'month',
  win_rate: 'month',
  avg_deal_size: 'month',
  sales_cycle_days: 'month',
  sales_cycle_days_median: 'month',
  cac: 'month',
  marketing_roi: 'month',
  // unit economics that need a quarter of data to move: quarterly
  ltv_cac: 'quarter',
  cac_payback_months: 'quarter',
};

/** Cadence for a metric not in the defaults or the user's settings. */
export const FALLBACK_CHECK_CADENCE: PeriodUnit = 'week';
export const DEFAULT_REVIEW_CADENCE: ReviewCadence = 'quarter';

/**
 * A metric's check cadence: the user's setting, else the default, else weekly.
 * @example checkCadence('retention_rate') // 'week'
 * @example checkCadence('revenue', { revenue: 'week' }) // 'week'
 */
export function checkCadence(
  metric: string,
  settings: Readonly<Record<string, PeriodUnit>> = {},
): PeriodUnit {
  return settings[metric] ?? DEFAULT_CHECK_CADENCES[metric] ?? FALLBACK_CHECK_CADENCE;
}

/**
 * `epochDay` moved by `n` cadence steps (negative = back), DATEADD style for months.
 * @example formatDay(addCadence(daysFromCivil(2026, 1, 31), 1, 'month')) // '2026-02-28'
 * @example formatDay(addCadence(daysFromCivil(2026, 2, 28), 1, 'month')) // '2026-03-31'
 */
export function addCadence(epochDay: number, n: number, cadence: Cadence): number {
  const day = Math.floor(epochDay);
  const steps = Math.trunc(n);
  switch (cadence) {
    case 'day':
      return day + steps;
    case 'week':
      return day + 7 * steps;
    case 'month':
      return addMonths(day, steps);
    case 'quarter':
      return addMonths(day, 3 * steps);
    case 'half-year':
      return addMonths(day, 6 * steps);
    case 'year':
      return addMonths(day, 12 * steps);
  }
}

function addMonths(day: number, months: number): number {
  const { year, month, day: dom } = civilFromDays(day);
  const index = year * 12 + month - 1 + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const last = daysInMonth(y, m);
  const monthEnd = dom === daysInMonth(year, month);
  return daysFromCivil(y, m, monthEnd ? last : Math.min(dom, last));
}

/**
 * The day a check is next due: one cadence after the last check, or the as-of day when it was
 * never checked.
 * @example nextDue(daysFromCivil(2026, 1, 31), 'month', asOf) // 28 Feb 2026
 */
export function nextDue(lastChecked: number | null, cadence: Cadence, asOf: number): number {
  if (lastChecked === null || !Number.isFinite(lastChecked)) return Math.floor(asOf);
  return addCadence(lastChecked, 1, cadence);
}

export interface DueStatus {
  readonly cadence: Cadence;
  readonly lastChecked: number | null;
  readonly nextDue: number;
  /** `YYYY-MM-DD` of `nextDue`, for display and JSON. */
  readonly nextDueDate: string;
  readonly dueToday: boolean;
  /** Past due: the as-of day is after the due day. */
  readonly overdue: boolean;
  readonly daysOverdue: number;
  readonly neverChecked: boolean;
}

/**
 * When a check is due, and whether it is overdue, at `asOf`.
 * @example dueStatus(daysFromCivil(2026, 11, 16), 'week', daysFromCivil(2026, 11, 28)).daysOverdue // 5
 */
export function dueStatus(lastChecked: number | null, cadence: Cadence, asOf: number): DueStatus {
  const today = Math.floor(asOf);
  const due = nextDue(lastChecked, cadence, today);
  const neverChecked = lastChecked === null || !Number.isFinite(lastChecked);
  return {
    cadence,
    lastChecked: neverChecked ? null : Math.floor(lastChecked!),
    nextDue: due,
    nextDueDate: formatDay(due),
    dueToday: due === today,
    overdue: today > due,
    daysOverdue: Math.max(0, today - due),
    neverChecked,
  };
}

export interface ScheduleRow extends DueStatus {
  readonly metric: string;
}

/**
 * The measurement schedule for the dashboard: each metric's cadence and due status.
 * @example measurementSchedule(['revenue', 'retention_rate'], { revenue: asOf - 2 }, asOf)
 */
export function measurementSchedule(
  metrics: readonly string[],
  lastChecked: Readonly<Record<string, number | null | undefined>>,
  asOf: number,
  settings: Readonly<Record<string, PeriodUnit>> = {},
): ScheduleRow[] {
  return metrics.map((metric) => ({
    metric,
    ...dueStatus(lastChecked[metric] ?? null, checkCadence(metric, settings), asOf),
  }));
}

/**
 * When the goals are next due for review (quarterly or half-yearly).
 * @example goalReviewStatus(daysFromCivil(2026, 6, 30), 'quarter', asOf).nextDueDate // '2026-09-30'
 */
export function goalReviewStatus(
  lastReviewed: number | null,
  cadence: ReviewCadence = DEFAULT_REVIEW_CADENCE,
  asOf: number,
): DueStatus {
  return dueStatus(lastReviewed, cadence, asOf);
}

/** Reads a review cadence in English or Indonesian (`quarterly`, `half-yearly`, `semester`…). */
export function parseReviewCadence(text: unknown): ReviewCadence | null {
  if (typeof text !== 'string') return null;
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  if (['quarter', 'quarterly', 'q', 'kuartal', 'kuartalan', 'triwulan', 'triwulanan'].includes(t))
    return 'quarter';
  if (
    [
      'half year',
      'half yearly',
      'half',
      'semiannual',
      'semi annual',
      'semester',
      'semesteran',
      'enam bulanan',
    ].includes(t)
  )
    return 'half-year';
  return null;
}

/** One refresh of the product's sheets: the day and the metrics it brought up to date. */
export interface RefreshRecord {
  readonly day: number;
  readonly metrics: readonly string[];
}

/** A metric's place in its measurement rhythm, read from the refresh history. */
export interface HistoryScheduleRow {
  readonly metric: string;
  readonly cadence: PeriodUnit;
  /** The latest refresh day, null when never refreshed. */
  readonly lastRefreshed: number | null;
  /** The refresh day before the latest, null when none. */
  readonly previousRefresh: number | null;
  readonly nextDue: number;
  readonly nextDueDate: string;
  /** Of the last `periods` cadence periods (never before the first refresh), how many had a refresh. */
  readonly kept: number;
  readonly periods: number;
}

/** Cadence periods looked back over when counting how well the rhythm was kept. */
const LOOK_BACK: Readonly<Record<PeriodUnit, number>> = { day: 30, week: 12, month: 12, quarter: 8, year: 5 };

/**
 * The schedule from the refresh history: when each metric was last refreshed and the time before,
 * when it is due next (one cadence after the last refresh), and in how many of its recent cadence
 * periods it was refreshed at all ("9 of 12 weeks").
 * @example scheduleFromHistory(['revenue'], [{ day: parseDay('2026-12-05')!, metrics: ['revenue'] }], parseDay('2026-12-05')!)
 */
export function scheduleFromHistory(
  metrics: readonly string[],
  history: readonly RefreshRecord[],
  today: number,
  settings: Readonly<Record<string, PeriodUnit>> = {},
  calendar: Calendar = DEFAULT_CALENDAR,
): HistoryScheduleRow[] {
  const day = Math.floor(today);
  return metrics.map((metric) => {
    const cadence = checkCadence(metric, settings);
    const days = [
      ...new Set(
        history.filter((h) => h.day <= day && h.metrics.includes(metric)).map((h) => Math.floor(h.day)),
      ),
    ].sort((a, b) => a - b);
    const last = days.length ? days[days.length - 1] : null;
    const previous = days.length > 1 ? days[days.length - 2] : null;
    const due = nextDue(last, cadence, day);
    let kept = 0;
    let periods = 0;
    if (last !== null) {
      const now = periodIndex(day, cadence, calendar);
      const first = Math.max(periodIndex(days[0], cadence, calendar), now - LOOK_BACK[cadence] + 1);
      const hit = new Set(days.map((d) => periodIndex(d, cadence, calendar)));
      periods = now - first + 1;
      for (let p = first; p <= now; p++) if (hit.has(p)) kept++;
    }
    return {
      metric,
      cadence,
      lastRefreshed: last,
      previousRefresh: previous,
      nextDue: due,
      nextDueDate: formatDay(due),
      kept,
      periods,
    };
  });
}
