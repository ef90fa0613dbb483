/**
 * Historic customer lifetime value (docs/metrics.md): clv = aov × purchases per year × margin × expected
 * lifespan in years, lifespan = 1 / yearly churn, capped (`DEFAULT_LIFESPAN_CAP_YEARS` unless given).
 *
 * The choices a definition needs, stated:
 * - Overall figures use the trailing year Y = the 365 days ending on the as-of day: aov = net
 *   revenue in Y / orders in Y; purchases per year = orders in Y / customers with an order in Y;
 *   margin = gross margin in Y when the table has a cost column, else 1.
 * - Yearly churn = 1 − retention, retention = customers with an order in both Y and the 365 days
 *   before it / customers with an order in the year before (docs/metrics.md's retention_rate with P = a year).
 *   Without any customer in the year before Y, churn and CLV are `#DIV/0!`.
 * - Per customer (everyone with an order to date): their own aov (net revenue / orders to date),
 *   purchases per year = orders / tenure in years, tenure = first order → as-of day, at least one
 *   year (so a customer seen for a week is not extrapolated to 52 orders a year), their own margin
 *   when costs exist, and the population lifespan (one customer has no churn rate of their own).
 * Orders, refunds and order ids are counted as in `customer-activity.ts`.
 */
import type { MetricError, MetricValue } from '../errors';
import { isMetricError, mapValues, metricError, safeDivide } from '../errors';
import { DEFAULT_LIFESPAN_CAP_YEARS, grossMargin, historicClv, lifespanYears } from '../formulas';
import { formatDay } from '../periods';
import type { OrdersTable } from '../table';
import { customerActivity, resolveAsOf } from './customer-activity';

const DAYS_PER_YEAR = 365.25;
const WINDOW_DAYS = 365;

export interface HistoricClvOptions {
  readonly asOf?: number;
  /** Cap on the lifespan in years. Default `DEFAULT_LIFESPAN_CAP_YEARS` (10). */
  readonly lifespanCapYears?: number;
}

export interface HistoricClvOverall {
  /** First and last day of the trailing year Y (`YYYY-MM-DD`). */
  readonly window: { readonly start: string; readonly end: string };
  readonly aov: MetricValue;
  readonly purchasesPerYear: MetricValue;
  readonly margin: MetricValue;
  readonly yearlyChurn: MetricValue;
  readonly lifespanYears: MetricValue;
  readonly clv: MetricValue;
}

export interface HistoricClvCustomer {
  readonly id: string;
  readonly orders: number;
  readonly revenue: number;
  readonly aov: MetricValue;
  readonly purchasesPerYear: number;
  readonly margin: MetricValue;
  readonly clv: MetricValue;
}

export interface HistoricClvResult {
  readonly asOf: string;
  readonly lifespanCapYears: number;
  readonly overall: HistoricClvOverall;
  readonly customers: HistoricClvCustomer[];
}

/**
 * Historic CLV overall and per customer.
 * @example
 * historicClvByCustomer(orders, { asOf: parseDay('2026-06-30')! }).overall.clv // e.g. 1088
 */
export function historicClvByCustomer(
  orders: OrdersTable,
  options: HistoricClvOptions = {},
): HistoricClvResult | MetricError {
  const cap = options.lifespanCapYears ?? DEFAULT_LIFESPAN_CAP_YEARS;
  if (!(cap > 0)) return metricError('#VALUE!', 'the lifespan cap must be positive');
  const asOf = resolveAsOf(orders, options.asOf);
  if (isMetricError(asOf)) return asOf;
  const activity = customerActivity(orders, asOf);
  if (isMetricError(activity)) return activity;
  const window = trailingYears(orders, asOf);
  const overall = overallClv(window, cap, asOf);
  const lifespan = overall.lifespanYears;
  const customers: HistoricClvCustomer[] = [];
  for (let c = 0; c < activity.ids.length; c++) {
    const count = activity.orders[c];
    if (count === 0) continue;
    const revenue = activity.revenue[c];
    const tenureYears = Math.max(1, (asOf - activity.firstDay[c] + 1) / DAYS_PER_YEAR);
    const purchasesPerYear = count / tenureYears;
    const aov = safeDivide(revenue, count, 'no orders');
    const margin: MetricValue = window.customerCost ? grossMargin(revenue, window.customerCost[c]) : 1;
    const clv = mapValues([aov, margin, lifespan], (a, m, l) => historicClv(a, purchasesPerYear, l, m));
    customers.push({ id: activity.ids[c], orders: count, revenue, aov, purchasesPerYear, margin, clv });
  }
  return { asOf: formatDay(asOf), lifespanCapYears: cap, overall, customers };
}

interface TrailingYears {
  readonly orders: number;
  readonly revenue: number;
  readonly cost: number | null;
  readonly customers: number;
  readonly previousCustomers: number;
  readonly retained: number;
  /** Cost per customer code to date (when the table has costs). */
  readonly customerCost: Float64Array | null;
}

/** One pass: orders, revenue, cost and customers in Y and in the year before it. */
function trailingYears(orders: OrdersTable, asOf: number): TrailingYears {
  const { codes, dictionary } = orders.customer!;
  const yearStart = asOf - WINDOW_DAYS + 1;
  const previousStart = yearStart - WINDOW_DAYS;
  const inYear = new Uint8Array(dictionary.length);
  const inPrevious = new Uint8Array(dictionary.length);
  const orderCodes = orders.orderId?.codes;
  const orderSeen = orders.orderId ? new Uint8Array(orders.orderId.dictionary.length) : null;
  const customerCost = orders.cost ? new Float64Array(dictionary.length) : null;
  let count = 0;
  let revenue = 0;
  let cost = 0;
  for (let i = 0; i < orders.length; i++) {
    const c = codes[i];
    const d = Math.floor(orders.date[i]);
    const value = orders.amount[i];
    if (c < 0 || !(d <= asOf) || !Number.isFinite(value)) continue;
    const rowCost = orders.cost ? orders.cost[i] : NaN;
    if (customerCost && Number.isFinite(rowCost)) customerCost[c] += rowCost;
    if (d < previousStart) continue;
    if (d < yearStart) {
      if (value >= 0) inPrevious[c] = 1;
      continue;
    }
    revenue += value;
    if (Number.isFinite(rowCost)) cost += rowCost;
    if (value < 0) continue;
    inYear[c] = 1;
    const o = orderCodes ? orderCodes[i] : -1;
    if (o < 0) count++;
    else if (!orderSeen![o]) {
      orderSeen![o] = 1;
      count++;
    }
  }
  let customers = 0;
  let previousCustomers = 0;
  let retained = 0;
  for (let c = 0; c < dictionary.length; c++) {
    customers += inYear[c];
    previousCustomers += inPrevious[c];
    retained += inYear[c] & inPrevious[c];
  }
  return {
    orders: count,
    revenue,
    cost: orders.cost ? cost : null,
    customers,
    previousCustomers,
    retained,
    customerCost,
  };
}

function overallClv(y: TrailingYears, cap: number, asOf: number): HistoricClvOverall {
  const aov = safeDivide(y.revenue, y.orders, 'no orders in the trailing year');
  const purchasesPerYear = safeDivide(y.orders, y.customers, 'no customers in the trailing year');
  const margin: MetricValue = y.cost === null ? 1 : grossMargin(y.revenue, y.cost);
  const retention = safeDivide(
    y.retained,
    y.previousCustomers,
    'no customers in the year before the trailing year',
  );
  const yearlyChurn = mapValues([retention], (r) => 1 - r);
  const lifespan = mapValues([yearlyChurn], (churn) => lifespanYears(churn, cap));
  const clv = mapValues([aov, purchasesPerYear, lifespan, margin], (a, f, l, m) => historicClv(a, f, l, m));
  return {
    window: { start: formatDay(asOf - WINDOW_DAYS + 1), end: formatDay(asOf) },
    aov,
    purchasesPerYear,
    margin,
    yearlyChurn,
    lifespanYears: lifespan,
    clv,
  };
}
