/**
 * Cohort retention and RFM through SQL, as `src/core/analyses/cohorts.ts` and `rfm.ts` define
 * them. The database counts (each customer's cohort, active customers and net revenue per cohort
 * and step; each customer's last order, orders and net revenue with the quintile ranks); the
 * matrix, the average curve and the segments are assembled here from those counts.
 *
 * A row's period index is the engine's `periodIndex` written as arithmetic: days; weeks counted
 * from the calendar's week start; months as year × 12 + month − 1; fiscal quarters and years from
 * that month index shifted by the fiscal year's first month.
 */
import type { MetricError } from '../core/errors';
import { metricError } from '../core/errors';
import type { CohortMatrix, CohortMeasure, CohortRow } from '../core/analyses/cohorts';
import { MAX_PERIODS } from '../core/analyses/cohorts';
import type { RfmResult } from '../core/analyses/rfm';
import { RFM_SEGMENT_RULES, RFM_SEGMENTS, rfmSegment } from '../core/analyses/rfm';
import type { Calendar, PeriodUnit } from '../core/periods';
import { DEFAULT_CALENDAR, periodAt, periodCoverage, periodIndex } from '../core/periods';
import type { Dialect } from './dialect';
import type { ResultRow } from './results';
import { numberOf } from './results';
import type { OrdersSource } from './source';

/** Usable rows with a customer, up to the as-of day: row order, day, amount, customer, order id. */
function customerRows(d: Dialect, orders: OrdersSource, asOf: number): string {
  const c = orders.columns;
  const ref = (name: string) => d.ident(name);
  const rowOrder =
    orders.rowOrder ?? `ROW_NUMBER() OVER (ORDER BY ${ref(c.date!.name)}, ${ref(c.amount!.name)}) - 1`;
  return (
    `SELECT * FROM (SELECT ${rowOrder} AS rn, ${d.epochDay(ref(c.date!.name), c.date!.type)} AS day, ` +
    `${d.number(ref(c.amount!.name), c.amount!.type)} AS amount, ${d.label(ref(c.customer!.name), c.customer!.type)} AS cust, ` +
    `${c.order_id ? d.label(ref(c.order_id.name), c.order_id.type) : `CAST(NULL AS ${d.text})`} AS oid FROM ${orders.relation}) r ` +
    `WHERE cust IS NOT NULL AND amount IS NOT NULL AND day IS NOT NULL AND day <= ${Math.floor(asOf)}`
  );
}

/** The engine's `periodIndex` of an epoch-day expression. */
export function periodIndexSql(d: Dialect, day: string, unit: PeriodUnit, calendar: Calendar): string {
  const monthIndex = `(${d.year(day)} * 12 + ${d.month(day)} - 1)`;
  const shift = calendar.fiscalYearStartMonth - 1;
  switch (unit) {
    case 'day':
      return day;
    case 'week':
      return d.floorDiv(`${day} - (${-3 + (calendar.weekStartsOn - 1)})`, '7');
    case 'month':
      return monthIndex;
    case 'quarter':
      return d.floorDiv(`${monthIndex} - ${shift}`, '3');
    case 'year':
      return d.floorDiv(`${monthIndex} - ${shift}`, '12');
  }
}

export interface SqlCohortOptions {
  readonly unit?: PeriodUnit;
  readonly calendar?: Calendar;
  readonly asOf: number;
  readonly measure?: CohortMeasure;
}

/** `cohort, k, active, revenue` per cohort and step, and `first` (the first period index) on every row. */
export function cohortSql(d: Dialect, orders: OrdersSource, options: SqlCohortOptions): string {
  const unit = options.unit ?? 'month';
  const calendar = options.calendar ?? DEFAULT_CALENDAR;
  const p = periodIndexSql(d, 'day', unit, calendar);
  return [
    'WITH',
    `c0 AS (SELECT cust, day, amount, ${p} AS p FROM (${customerRows(d, orders, options.asOf)}) r),`,
    `coh AS (SELECT cust, MIN(p) AS cohort FROM c0 WHERE amount >= 0 GROUP BY cust),`,
    `act AS (SELECT coh.cohort, c0.p - coh.cohort AS k, COUNT(DISTINCT c0.cust) AS active FROM c0 JOIN coh ON c0.cust = coh.cust WHERE c0.amount >= 0 GROUP BY coh.cohort, c0.p - coh.cohort),`,
    `rev AS (SELECT coh.cohort, c0.p - coh.cohort AS k, SUM(c0.amount) AS revenue FROM c0 JOIN coh ON c0.cust = coh.cust WHERE c0.p >= coh.cohort GROUP BY coh.cohort, c0.p - coh.cohort)`,
    `SELECT CAST(COALESCE(act.cohort, rev.cohort) AS ${d.double}) AS cohort, CAST(COALESCE(act.k, rev.k) AS ${d.double}) AS k,`,
    `  CAST(COALESCE(act.active, 0) AS ${d.double}) AS active, CAST(COALESCE(rev.revenue, 0) AS ${d.double}) AS revenue,`,
    `  CAST((SELECT MIN(p) FROM c0) AS ${d.double}) AS first`,
    `FROM act FULL OUTER JOIN rev ON act.cohort = rev.cohort AND act.k = rev.k`,
    `UNION ALL SELECT NULL, NULL, NULL, NULL, CAST((SELECT MIN(p) FROM c0) AS ${d.double})`,
  ].join('\n');
}

/**
 * The cohort matrix from `cohortSql`'s rows, as `cohortMatrix` returns it.
 * @example cohortFromRows(rows, { unit: 'month', asOf }) // { cohorts: [...], averageCurve: [...], partialPeriod: … }
 */
export function cohortFromRows(
  rows: readonly ResultRow[],
  options: SqlCohortOptions,
): CohortMatrix | MetricError {
  const unit = options.unit ?? 'month';
  const calendar = options.calendar ?? DEFAULT_CALENDAR;
  const measure = options.measure ?? 'customers';
  const asOf = Math.floor(options.asOf);
  const firstPeriod = numberOf(rows.find((r) => numberOf(r.first) !== null)?.first);
  if (firstPeriod === null) return metricError('#N/A', 'no orders up to the as-of date');
  const lastPeriod = periodIndex(asOf, unit, calendar);
  const periods = lastPeriod - firstPeriod + 1;
  if (periods > MAX_PERIODS)
    return metricError(
      '#NUM!',
      `${periods} ${unit} periods are too many for a cohort matrix; use a longer unit`,
    );
  const size = new Float64Array(periods);
  const active = new Float64Array(periods * periods);
  const revenue = new Float64Array(periods * periods);
  for (const row of rows) {
    const cohort = numberOf(row.cohort);
    const k = numberOf(row.k);
    if (cohort === null || k === null) continue;
    const c = cohort - firstPeriod;
    if (c < 0 || c >= periods || k < 0 || c + k >= periods) continue;
    active[c * periods + k] = numberOf(row.active) ?? 0;
    revenue[c * periods + k] = numberOf(row.revenue) ?? 0;
    if (k === 0) size[c] = numberOf(row.active) ?? 0;
  }
  if (!size.some((n) => n > 0)) return metricError('#N/A', 'no orders up to the as-of date');
  const last = periodAt(lastPeriod, unit, calendar);
  const coverage = periodCoverage(last, asOf);
  const partialPeriod = coverage.partial
    ? { key: last.key, days: coverage.days, daysInPeriod: coverage.daysInPeriod, lastDay: coverage.lastDay }
    : null;
  const cohorts: CohortRow[] = [];
  const numerator = new Float64Array(periods);
  const denominator = new Float64Array(periods);
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
      const toDate = partialPeriod !== null && k === steps - 1;
      partial.push(toDate);
      if (measure === 'revenue') {
        const value = revenue[cohort * periods + k];
        const base = revenue[cohort * periods];
        revenueRow.push(value);
        revenueShares.push(base === 0 ? 0 : value / base);
        if (toDate) continue;
        numerator[k] += value;
        denominator[k] += base;
      } else if (!toDate) {
        numerator[k] += count;
        denominator[k] += size[cohort];
      }
    }
    const period = periodAt(firstPeriod + cohort, unit, calendar);
    cohorts.push({
      key: period.key,
      label: period.label,
      size: size[cohort],
      counts,
      shares,
      ...(measure === 'revenue' ? { revenue: revenueRow, revenueShares } : {}),
      partial,
    });
  }
  const oldest = cohorts.length === 0 ? 0 : cohorts[0].counts.length;
  const complete = partialPeriod === null ? oldest : oldest - 1;
  const averageCurve: number[] = [];
  for (let k = 0; k < complete; k++)
    averageCurve.push(denominator[k] === 0 ? 0 : numerator[k] / denominator[k]);
  return { unit, measure, cohorts, averageCurve, partialPeriod };
}

/**
 * Per customer with an order: id, last order day, orders (an order id counts once, for the
 * customer of its first purchase row), net revenue and the three quintile ranks (customers with a
 * strictly worse value); and the customers with only refunds.
 */
export function rfmSql(d: Dialect, orders: OrdersSource, asOf: number): string {
  const hasOrderId = orders.columns.order_id !== undefined;
  const orderCount = hasOrderId
    ? `SUM(CASE WHEN amount >= 0 AND oid IS NULL THEN 1 ELSE 0 END) + COALESCE(MAX(owned.n), 0)`
    : `SUM(CASE WHEN amount >= 0 THEN 1 ELSE 0 END)`;
  const owned = hasOrderId
    ? [
        `firsts AS (SELECT oid, MIN(rn) AS rn FROM r0 WHERE amount >= 0 AND oid IS NOT NULL GROUP BY oid),`,
        `owned AS (SELECT r0.cust, COUNT(*) AS n FROM firsts JOIN r0 ON r0.rn = firsts.rn GROUP BY r0.cust),`,
      ]
    : [];
  return [
    'WITH',
    `r0 AS (${customerRows(d, orders, asOf)}),`,
    ...owned,
    `per AS (SELECT r0.cust, MIN(r0.rn) AS seen, MAX(CASE WHEN r0.amount >= 0 THEN r0.day END) AS last_day,`,
    `  ${orderCount.replace(/\bamount\b/g, 'r0.amount').replace(/\boid\b/g, 'r0.oid')} AS orders, SUM(r0.amount) AS revenue`,
    `  FROM r0${hasOrderId ? ' LEFT JOIN owned ON owned.cust = r0.cust' : ''} GROUP BY r0.cust),`,
    `scored AS (SELECT per.*, RANK() OVER (ORDER BY last_day) - 1 AS r_rank, RANK() OVER (ORDER BY orders) - 1 AS f_rank,`,
    `  RANK() OVER (ORDER BY revenue) - 1 AS m_rank, COUNT(*) OVER () AS n FROM per WHERE orders > 0)`,
    `SELECT cust, CAST(seen AS ${d.double}) AS seen, CAST(last_day AS ${d.double}) AS last_day, CAST(orders AS ${d.double}) AS orders,`,
    `  CAST(revenue AS ${d.double}) AS revenue, CAST(r_rank AS ${d.double}) AS r_rank, CAST(f_rank AS ${d.double}) AS f_rank,`,
    `  CAST(m_rank AS ${d.double}) AS m_rank, CAST(n AS ${d.double}) AS n FROM scored`,
    `UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, CAST(COUNT(*) AS ${d.double}) FROM per WHERE orders = 0`,
  ].join('\n');
}

/** RFM scores and segments from `rfmSql`'s rows, as `rfm` returns them. */
export function rfmFromRows(rows: readonly ResultRow[], asOf: number): RfmResult | MetricError {
  const day = Math.floor(asOf);
  const scored = rows.filter((r) => r.cust !== null && r.cust !== undefined);
  const refundOnly = numberOf(rows.find((r) => r.cust === null || r.cust === undefined)?.n) ?? 0;
  if (scored.length === 0) return metricError('#N/A', 'no customer has an order up to the as-of date');
  scored.sort((a, b) => numberOf(a.seen)! - numberOf(b.seen)!);
  const score = (rank: unknown, n: unknown) => Math.floor((5 * numberOf(rank)!) / numberOf(n)!) + 1;
  const segmentCustomers = new Float64Array(RFM_SEGMENTS.length);
  const segmentRevenue = new Float64Array(RFM_SEGMENTS.length);
  let total = 0;
  const customers = scored.map((row) => {
    const r = score(row.r_rank, row.n);
    const f = score(row.f_rank, row.n);
    const m = score(row.m_rank, row.n);
    const segment = rfmSegment(r, f, m);
    const monetary = numberOf(row.revenue)!;
    const index = RFM_SEGMENTS.indexOf(segment);
    segmentCustomers[index]++;
    segmentRevenue[index] += monetary;
    total += monetary;
    return {
      id: String(row.cust),
      recency: day - numberOf(row.last_day)!,
      frequency: numberOf(row.orders)!,
      monetary,
      r,
      f,
      m,
      segment,
    };
  });
  const segments = RFM_SEGMENTS.map((segment, index) => ({
    segment,
    customers: segmentCustomers[index],
    revenue: segmentRevenue[index],
    revenueShare:
      total > 0 ? segmentRevenue[index] / total : metricError('#DIV/0!', 'total revenue is not positive'),
  }));
  return { asOf: day, customers, segments, rules: RFM_SEGMENT_RULES, refundOnlyCustomers: refundOnly };
}
