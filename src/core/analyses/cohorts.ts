/**
 * Cohort retention (docs/metrics.md): a customer's cohort is the period of their first order; cell
 * (cohort, k) is the share of the cohort with an order in period cohort + k. Period 0 is 1 by
 * construction. Only periods up to the one containing the as-of day appear, so younger cohorts
 * have shorter rows (a triangle). When the as-of day falls before the last day of its period, that
 * period is partial: its cells (the last diagonal) are flagged and left out of the average curve.
 *
 * Activity follows `customer-activity.ts`: refund rows (negative amounts) are not orders, so a
 * refund alone neither starts a cohort nor makes a customer active in a period; revenue is net
 * (refunds count in the period they are dated, for customers who have a cohort).
 */
import type { MetricError } from '../errors';
import { isMetricError, metricError } from '../errors';
import type { Calendar, PeriodUnit } from '../periods';
import { DEFAULT_CALENDAR, periodAt, periodCoverage, periodIndex } from '../periods';
import type { OrdersTable } from '../table';
import { resolveAsOf } from './customer-activity';

/** Most periods a matrix may span (e.g. about 83 years of months, or 2.7 years of days). */
export const MAX_PERIODS = 1000;

export type CohortMeasure = 'customers' | 'revenue';

export interface CohortOptions {
  /** Period of cohorts and of the retention steps. Default `month`. */
  readonly unit?: PeriodUnit;
  readonly calendar?: Calendar;
  /** Last day to count (epoch day, inclusive). Default: the last order day. */
  readonly asOf?: number;
  /** What `averageCurve` measures; `revenue` also adds revenue rows to each cohort. Default `customers`. */
  readonly measure?: CohortMeasure;
}

export interface CohortRow {
  /** Period key of the cohort (`2026-03`). */
  readonly key: string;
  readonly label: string;
  /** Customers whose first order falls in the cohort period. */
  readonly size: number;
  /** counts[k]: cohort customers with an order in period cohort + k. */
  readonly counts: number[];
  /** shares[k] = counts[k] / size. */
  readonly shares: number[];
  /** revenue[k]: the cohort's net revenue in period cohort + k (measure `revenue`). */
  readonly revenue?: number[];
  /** revenueShares[k] = revenue[k] / revenue[0] (measure `revenue`; 0 when revenue[0] is 0). */
  readonly revenueShares?: number[];
  /** partial[k]: period cohort + k is the as-of period and it is not over (counted to date). */
  readonly partial: boolean[];
}

/** The as-of period when it is not over on the as-of day: its cells are counted to date. */
export interface CohortPartialPeriod {
  /** Period key (`1998-06`). */
  readonly key: string;
  /** Days counted, up to and including the as-of day. */
  readonly days: number;
  readonly daysInPeriod: number;
  /** The last day counted (the as-of day, epoch day). */
  readonly lastDay: number;
}

export interface CohortMatrix {
  readonly unit: PeriodUnit;
  readonly measure: CohortMeasure;
  /** Cohorts with at least one customer, oldest first. */
  readonly cohorts: CohortRow[];
  /**
   * Pooled retention at step k over the cohorts whose step k is a complete period:
   * Σ counts[k] / Σ size (customers), or Σ revenue[k] / Σ revenue[0] (revenue). Partial cells are
   * left out, so the curve ends at the last step that some cohort has completed.
   */
  readonly averageCurve: number[];
  /** The as-of period when it is partial (its cells are flagged in `partial`), else null. */
  readonly partialPeriod: CohortPartialPeriod | null;
}

/**
 * The cohort retention matrix. `#VALUE!` without a customer column, `#N/A` without orders.
 * @example
 * cohortMatrix(orders, { unit: 'month', asOf: parseDay('2026-06-30')! })
 * // { unit: 'month', cohorts: [{ key: '2026-01', size: 120, counts: [120, 48, ...], shares: [1, 0.4, ...], partial: [false, ...] }, ...],
 * //   averageCurve: [1, 0.38, ...], partialPeriod: null }
 */
export function cohortMatrix(orders: OrdersTable, options: CohortOptions = {}): CohortMatrix | MetricError {
  const { unit = 'month', calendar = DEFAULT_CALENDAR, measure = 'customers' } = options;
  if (!orders.customer) return metricError('#VALUE!', 'the orders have no customer column');
  const asOf = resolveAsOf(orders, options.asOf);
  if (isMetricError(asOf)) return asOf;
  const { codes, dictionary } = orders.customer;
  const { date, amount } = orders;
  const customers = dictionary.length;

  // Day → period index through a lookup table over the days present: one arithmetic step per row.
  let minDay = Infinity;
  for (let i = 0; i < orders.length; i++) {
    const d = date[i];
    if (codes[i] >= 0 && d < minDay && Number.isFinite(amount[i])) minDay = d;
  }
  minDay = Math.floor(minDay);
  if (!(minDay <= asOf)) return metricError('#N/A', 'no orders up to the as-of date');
  const firstPeriod = periodIndex(minDay, unit, calendar);
  const lastPeriod = periodIndex(asOf, unit, calendar);
  const periods = lastPeriod - firstPeriod + 1;
  // The matrix is periods × periods: refuse sizes that would not fit a sheet or memory.
  if (periods > MAX_PERIODS)
    return metricError(
      '#NUM!',
      `${periods} ${unit} periods are too many for a cohort matrix; use a longer unit`,
    );
  const periodOfDay = new Int32Array(asOf - minDay + 1);
  for (let d = minDay; d <= asOf; d++) periodOfDay[d - minDay] = periodIndex(d, unit, calendar) - firstPeriod;

  // Pass 1: each row's period (−1 = ignored), each customer's cohort, orders per customer.
  const rowPeriod = new Int32Array(orders.length).fill(-1);
  const cohortOf = new Int32Array(customers).fill(periods);
  const orderRows = new Int32Array(customers + 1);
  for (let i = 0; i < orders.length; i++) {
    const c = codes[i];
    const offset = Math.floor(date[i]) - minDay;
    if (c < 0 || !(offset >= 0 && offset < periodOfDay.length) || !Number.isFinite(amount[i])) continue;
    const p = periodOfDay[offset];
    rowPeriod[i] = p;
    if (amount[i] < 0) continue;
    orderRows[c + 1]++;
    if (p < cohortOf[c]) cohortOf[c] = p;
  }

  // Pass 2: order rows bucketed by customer (counting sort), so distinct (customer, period) pairs
  // are found with a stamp per period instead of a hash set.
  for (let c = 0; c < customers; c++) orderRows[c + 1] += orderRows[c];
  const cursor = orderRows.slice(0, customers);
  const bucket = new Int32Array(orderRows[customers]);
  const revenue = measure === 'revenue' ? new Float64Array(periods * periods) : null;
  for (let i = 0; i < orders.length; i++) {
    const p = rowPeriod[i];
    if (p < 0) continue;
    const c = codes[i];
    const cohort = cohortOf[c];
    if (revenue && cohort < periods && p >= cohort) revenue[cohort * periods + (p - cohort)] += amount[i];
    if (amount[i] >= 0) bucket[cursor[c]++] = p;
  }
  const active = new Float64Array(periods * periods);
  const size = new Float64Array(periods);
  const stamp = new Int32Array(periods).fill(-1);
  for (let c = 0; c < customers; c++) {
    const cohort = cohortOf[c];
    if (cohort === periods) continue;
    size[cohort]++;
    for (let k = orderRows[c]; k < orderRows[c + 1]; k++) {
      const p = bucket[k];
      if (stamp[p] === c) continue;
      stamp[p] = c;
      active[cohort * periods + (p - cohort)]++;
    }
  }
  if (!size.some((n) => n > 0)) return metricError('#N/A', 'no orders up to the as-of date');
  const coverage = periodCoverage(periodAt(lastPeriod, unit, calendar), asOf);
  const partialPeriod = coverage.partial
    ? {
        key: periodAt(lastPeriod, unit, calendar).key,
        days: coverage.days,
        daysInPeriod: coverage.daysInPeriod,
        lastDay: coverage.lastDay,
      }
    : null;
  return buildMatrix({ unit, calendar, measure, firstPeriod, periods, partialPeriod }, size, active, revenue);
}

interface MatrixShape {
  readonly unit: PeriodUnit;
  readonly calendar: Calendar;
  readonly measure: CohortMeasure;
  readonly firstPeriod: number;
  readonly periods: number;
  readonly partialPeriod: CohortPartialPeriod | null;
}

function buildMatrix(
  shape: MatrixShape,
  size: Float64Array,
  active: Float64Array,
  revenue: Float64Array | null,
): CohortMatrix {
  const { unit, calendar, measure, firstPeriod, periods, partialPeriod } = shape;
  const cohorts: CohortRow[] = [];
  const curveNumerator = new Float64Array(periods);
  const curveDenominator = new Float64Array(periods);
  for (let cohort = 0; cohort < periods; cohort++) {
    if (size[cohort] === 0) continue;
    const steps = periods - cohort;
    const counts: number[] = [];
    const shares: number[] = [];
    const revenueRow: number[] = [];
    const revenueShares: number[] = [];
    const partial: boolean[] = [];
    for (let k = 0; k < steps; k++) {
      const count = active[cohort * periods + k];
      counts.push(count);
      shares.push(count / size[cohort]);
      // The last step of every row is the as-of period: to date when that period is partial.
      const toDate = partialPeriod !== null && k === steps - 1;
      partial.push(toDate);
      if (revenue) {
        const value = revenue[cohort * periods + k];
        revenueRow.push(value);
        revenueShares.push(revenue[cohort * periods] === 0 ? 0 : value / revenue[cohort * periods]);
        if (toDate) continue;
        curveNumerator[k] += value;
        curveDenominator[k] += revenue[cohort * periods];
      } else if (!toDate) {
        curveNumerator[k] += count;
        curveDenominator[k] += size[cohort];
      }
    }
    const period = periodAt(firstPeriod + cohort, unit, calendar);
    cohorts.push({
      key: period.key,
      label: period.label,
      size: size[cohort],
      counts,
      shares,
      ...(revenue ? { revenue: revenueRow, revenueShares } : {}),
      partial,
    });
  }
  const averageCurve: number[] = [];
  const oldest = cohorts.length === 0 ? 0 : cohorts[0].counts.length;
  // The oldest cohort's last step is the only cell at that step: partial, so the curve stops before it.
  const complete = partialPeriod === null ? oldest : oldest - 1;
  for (let k = 0; k < complete; k++)
    averageCurve.push(curveDenominator[k] === 0 ? 0 : curveNumerator[k] / curveDenominator[k]);
  return { unit, measure, cohorts, averageCurve, partialPeriod };
}
