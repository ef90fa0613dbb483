/**
 * Per-customer purchase histories for the customer-base models, computed exactly as the `lifetimes`
 * library's `summary_data_from_transaction_data` does with daily periods:
 * - a purchase occasion is a (customer, calendar day) with at least one order; several orders on
 *   one day are one occasion whose value is their sum (as in the literature on CDNOW);
 * - frequency = occasions − 1 (repeat occasions), recency = first → last occasion,
 *   T = first occasion → calibration end, in the chosen time unit (week = 7 days,
 *   month = 365.25 / 12 days), so 1997-01-01 → 1997-09-30 is 272 / 7 = 38.86 weeks;
 * - monetary = mean value of the repeat occasions (0 without repeats).
 * Refund rows (negative amounts) are not purchases and are left out: the models describe buying.
 * Customers whose first purchase is after the calibration end are not listed.
 */
import type { MetricError } from '../errors';
import { metricError } from '../errors';
import type { OrdersTable } from '../table';

export type ModelTimeUnit = 'day' | 'week' | 'month';

/** Days in one time unit. */
export const DAYS_PER_UNIT: { readonly [K in ModelTimeUnit]: number } = {
  day: 1,
  week: 7,
  month: 365.25 / 12,
};

export interface CustomerSummaryOptions {
  /** Last epoch day of the calibration period (inclusive). */
  readonly calibrationEnd: number;
  readonly timeUnit?: ModelTimeUnit;
  /** Last epoch day of a holdout period after the calibration end; adds holdout counts. */
  readonly observationEnd?: number;
}

export interface CustomerSummary {
  readonly id: string;
  /** Repeat purchase occasions in the calibration period. */
  readonly frequency: number;
  /** First → last purchase occasion, in time units. */
  readonly recency: number;
  /** First purchase occasion → calibration end, in time units. */
  readonly T: number;
  /** Mean value of the repeat occasions; 0 without repeats. */
  readonly monetary: number;
  /** Purchase occasions in (calibrationEnd, observationEnd], when an observation end is given. */
  readonly holdoutFrequency?: number;
  /** Length of the holdout period in time units, when an observation end is given. */
  readonly holdoutDuration?: number;
}

/**
 * Frequency / recency / T / monetary per customer at a calibration end.
 * `#VALUE!` without a customer column or with a bad date or unit.
 * @example
 * customerSummary(orders, { calibrationEnd: parseDay('1997-09-30')!, timeUnit: 'week' })
 * // [{ id: '00004', frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 }, ...]
 */
export function customerSummary(
  orders: OrdersTable,
  options: CustomerSummaryOptions,
): CustomerSummary[] | MetricError {
  const { calibrationEnd, timeUnit = 'week', observationEnd } = options;
  if (!orders.customer) return metricError('#VALUE!', 'the orders have no customer column');
  if (!Number.isFinite(calibrationEnd)) return metricError('#VALUE!', 'the calibration end is not a date');
  if (observationEnd !== undefined && !(observationEnd >= calibrationEnd)) {
    return metricError('#VALUE!', 'the observation end is before the calibration end');
  }
  const unitDays = DAYS_PER_UNIT[timeUnit];
  if (unitDays === undefined) return metricError('#VALUE!', `unknown time unit: ${String(timeUnit)}`);
  const end = Math.floor(calibrationEnd);
  const holdoutEnd = observationEnd === undefined ? end : Math.floor(observationEnd);
  const { codes, dictionary } = orders.customer;
  const customers = dictionary.length;

  // Bucket the purchase rows by customer (counting sort), keeping day and amount.
  const counts = new Int32Array(customers + 1);
  const isPurchase = (i: number): boolean =>
    codes[i] >= 0 && orders.amount[i] >= 0 && Number.isFinite(orders.date[i]);
  for (let i = 0; i < orders.length; i++)
    if (isPurchase(i) && Math.floor(orders.date[i]) <= holdoutEnd) counts[codes[i] + 1]++;
  for (let c = 0; c < customers; c++) counts[c + 1] += counts[c];
  const offsets = counts.slice();
  const day = new Float64Array(counts[customers]);
  const amount = new Float64Array(counts[customers]);
  for (let i = 0; i < orders.length; i++) {
    if (!isPurchase(i) || Math.floor(orders.date[i]) > holdoutEnd) continue;
    const at = offsets[codes[i]]++;
    day[at] = Math.floor(orders.date[i]);
    amount[at] = orders.amount[i];
  }

  const result: CustomerSummary[] = [];
  const order: number[] = [];
  for (let c = 0; c < customers; c++) {
    const from = counts[c];
    const to = counts[c + 1];
    if (to === from) continue;
    order.length = 0;
    for (let k = from; k < to; k++) order.push(k);
    order.sort((p, q) => day[p] - day[q]);
    const first = day[order[0]];
    if (first > end) continue;
    let occasions = 0;
    let last = first;
    let repeatValue = 0;
    let holdout = 0;
    let previous = NaN;
    for (const k of order) {
      const d = day[k];
      if (d > end) {
        if (d !== previous) holdout++;
      } else {
        if (d !== previous) occasions++;
        last = d;
        if (d !== first) repeatValue += amount[k];
      }
      previous = d;
    }
    const frequency = occasions - 1;
    const row: CustomerSummary = {
      id: dictionary[c],
      frequency,
      recency: (last - first) / unitDays,
      T: (end - first) / unitDays,
      monetary: frequency > 0 ? repeatValue / frequency : 0,
      ...(observationEnd === undefined
        ? {}
        : { holdoutFrequency: holdout, holdoutDuration: (holdoutEnd - end) / unitDays }),
    };
    result.push(row);
  }
  return result;
}
