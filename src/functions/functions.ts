/**
 * The SALES.* custom functions. Each is a one-line wrapper, tagged with the JSDoc that the build
 * turns into functions.json (custom-functions-metadata-plugin, which also appends the
 * `CustomFunctions.associate` calls), over an implementation in `registry.ts`.
 *
 * Excel passes omitted optional arguments as `null`, ranges as 2-D arrays (every range parameter
 * is typed `unknown[][]`, so it is a matrix) and dates as serial numbers; the implementations read
 * those shapes (args.ts) and throw only `CustomFunctions.Error` (errors.ts). The table functions
 * are streaming: they push values through their invocation. Besides the wrappers this file only
 * installs the Excel host (tables by name, the date system), which is absent outside Excel, so
 * the file loads in Node too (tests import it).
 *
 * When a function, a parameter or a description here changes, bump the manifest version: Excel
 * caches functions.json for up to a day.
 */
import { excelFunctionsHost } from '../excel/functions-host';
import { installFunctionsHost } from './host';
import { IMPLEMENTATIONS as F } from './registry';

// Inside Excel: tables by name and the workbook's date system. Outside (Node, tests): nothing.
void installFunctionsHost(excelFunctionsHost());

/**
 * Average order value: revenue divided by the number of orders.
 * @customfunction AOV
 * @param amounts Order amounts (a range, one amount per order) or total revenue.
 * @param [orders] Number of orders, or a range of order ids (each distinct id is one order). Omit it to count each amount above 0 as one order.
 * @returns Revenue per order.
 */
export function aov(amounts: unknown[][], orders?: unknown[][]): number {
  return F.AOV(amounts, orders);
}

/**
 * Customer acquisition cost: sales and marketing spend divided by the new customers it won.
 * @customfunction CAC
 * @param spend Spend in the period: a number or a range to add up.
 * @param newCustomers New customers in the same period: a number or a range to add up.
 * @returns Cost per new customer.
 */
export function cac(spend: unknown[][], newCustomers: unknown[][]): number {
  return F.CAC(spend, newCustomers);
}

/**
 * Historic customer lifetime value: AOV × purchases per year × lifespan in years × margin.
 * @customfunction CLV
 * @param aov Average order value.
 * @param frequencyPerYear Purchases per customer per year.
 * @param lifespanYears Expected customer lifespan in years (1 ÷ yearly churn; see SALES.LIFESPAN).
 * @param [margin] Gross margin as a fraction, e.g. 0.4; omit it for a revenue CLV (margin 1).
 * @returns Value of a customer over their lifetime.
 */
export function clv(aov: number, frequencyPerYear: number, lifespanYears: number, margin?: number): number {
  return F.CLV(aov, frequencyPerYear, lifespanYears, margin);
}

/**
 * Expected customer lifespan in years: 1 ÷ yearly churn, capped (10 years unless given).
 * @customfunction LIFESPAN
 * @param yearlyChurn Share of customers lost per year, between 0 and 1.
 * @param [capYears] Longest lifespan to assume when churn is tiny (default 10).
 * @returns Lifespan in years.
 */
export function lifespan(yearlyChurn: number, capYears?: number): number {
  return F.LIFESPAN(yearlyChurn, capYears);
}

/**
 * Conversion rate: conversions divided by opportunities (leads, sessions or visitors).
 * @customfunction CONVERSIONRATE
 * @param conversions Conversions (won deals, orders): a number or a range to add up.
 * @param opportunities Opportunities (leads, sessions): a number or a range to add up.
 * @returns The share converted, e.g. 0.025 for 2.5%.
 */
export function conversionRate(conversions: unknown[][], opportunities: unknown[][]): number {
  return F.CONVERSIONRATE(conversions, opportunities);
}

/**
 * Growth from a previous value to the current one: current ÷ previous − 1.
 * @customfunction GROWTH
 * @param current The value in the current period, e.g. this month's revenue.
 * @param previous The value in the previous period; #DIV/0! when it is 0.
 * @returns The relative change, e.g. 0.25 for +25%.
 */
export function growth(current: number, previous: number): number {
  return F.GROWTH(current, previous);
}

/**
 * Goal attainment: actual ÷ target.
 * @customfunction ATTAINMENT
 * @param actual The value reached.
 * @param target The goal for the same period.
 * @returns The share of the goal reached, e.g. 0.8 for 80%.
 */
export function attainment(actual: number, target: number): number {
  return F.ATTAINMENT(actual, target);
}

/**
 * Pace against a goal: actual to date ÷ the part of the target due by the as-of date (1 = on pace).
 * Volatile: without an as-of date it depends on today, so Excel recalculates it with every
 * calculation.
 * @customfunction PACE
 * @volatile
 * @param actualToDate The value reached so far in the period.
 * @param target The goal for the whole period.
 * @param periodStart First day of the period (a date).
 * @param periodEnd Last day of the period (a date, included).
 * @param [asOf] The day to measure on, counted as elapsed (a date or date text); default today.
 * @returns Actual ÷ expected to date; above 1 is ahead of pace.
 */
export function pace(
  actualToDate: number,
  target: number,
  periodStart: unknown,
  periodEnd: unknown,
  asOf?: unknown,
): number {
  return F.PACE(actualToDate, target, periodStart, periodEnd, asOf);
}

/**
 * Break-even point: units to sell to cover fixed costs, or the revenue at that point.
 * @customfunction BREAKEVEN
 * @param fixedCosts Fixed costs of the period.
 * @param unitPrice Selling price per unit.
 * @param unitVariableCost Variable cost per unit; #NUM! when it is not below the price.
 * @param [measure] "units" (default) or "revenue".
 * @returns Break-even units or revenue.
 */
export function breakEven(
  fixedCosts: number,
  unitPrice: number,
  unitVariableCost: number,
  measure?: string,
): number {
  return F.BREAKEVEN(fixedCosts, unitPrice, unitVariableCost, measure);
}

/**
 * Gross margin: (revenue − cost) ÷ revenue.
 * @customfunction MARGIN
 * @param revenue Revenue: a number or a range to add up.
 * @param cost Cost of goods sold: a number or a range to add up.
 * @returns Gross margin as a fraction.
 */
export function margin(revenue: unknown[][], cost: unknown[][]): number {
  return F.MARGIN(revenue, cost);
}

/**
 * Marketing return on investment: (revenue × margin − spend) ÷ spend.
 * @customfunction ROI
 * @param revenue Revenue attributed to the spend: a number or a range to add up.
 * @param spend Marketing spend: a number or a range to add up.
 * @param [margin] Gross margin as a fraction; omit it to use revenue as is (margin 1).
 * @returns Return per unit of spend, e.g. 1.5 for 150%.
 */
export function roi(revenue: unknown[][], spend: unknown[][], margin?: number): number {
  return F.ROI(revenue, spend, margin);
}

/**
 * LTV to CAC ratio: customer lifetime value ÷ acquisition cost (3 or more is the usual bar).
 * @customfunction LTVCAC
 * @param clv Customer lifetime value.
 * @param cac Customer acquisition cost.
 * @returns The ratio.
 */
export function ltvCac(clv: number, cac: number): number {
  return F.LTVCAC(clv, cac);
}

/**
 * CAC payback in months: CAC ÷ (monthly revenue per customer × margin).
 * @customfunction PAYBACK
 * @param cac Customer acquisition cost.
 * @param monthlyRevenuePerCustomer Average revenue per customer per month.
 * @param [margin] Gross margin as a fraction; omit it for margin 1.
 * @returns Months to earn back the acquisition cost.
 */
export function payback(cac: number, monthlyRevenuePerCustomer: number, margin?: number): number {
  return F.PAYBACK(cac, monthlyRevenuePerCustomer, margin);
}

/**
 * Forecast accuracy: max(0, 1 − |actual − forecast| ÷ actual).
 * @customfunction FORECASTACCURACY
 * @param actual The actual value.
 * @param forecast The forecast for it.
 * @returns Accuracy between 0 and 1.
 */
export function forecastAccuracy(actual: number, forecast: number): number {
  return F.FORECASTACCURACY(actual, forecast);
}

/**
 * Any orders metric of the catalogue (revenue, orders, aov, customers, new_customers, retention_rate, repeat_rate, clv, gross_margin…) for a period.
 * @customfunction METRIC
 * @param metricId The metric: an id such as "aov", or its English or Indonesian name.
 * @param dates Order dates (a column).
 * @param amounts Order amounts, same rows as dates.
 * @param [customers] Customer names or ids, same rows; needed by customer metrics.
 * @param [period] "day", "week", "month", "quarter" or "year"; omit it for all rows up to the as-of date.
 * @param [asOf] A date inside the period; default the latest order date.
 * @param [orderIds] Order ids, same rows; the lines of one order count as one order (a blank id is an order of its own). Omit it when each row is one order.
 * @param [costs] Cost of goods, same rows; needed by gross_margin, and makes clv use the gross margin (omitted: margin 1).
 * @returns The metric's value.
 */
export function metric(
  metricId: string,
  dates: unknown[][],
  amounts: unknown[][],
  customers?: unknown[][],
  period?: string,
  asOf?: unknown,
  orderIds?: unknown[][],
  costs?: unknown[][],
): number {
  return F.METRIC(metricId, dates, amounts, customers, period, asOf, orderIds, costs);
}

/**
 * Revenue: the sum of order amounts in the period containing the as-of date (refunds subtract).
 * @customfunction REVENUE
 * @param dates Order dates (a column).
 * @param amounts Order amounts, same rows as dates.
 * @param [period] "day", "week", "month", "quarter" or "year" (or hari, minggu, bulan, kuartal, tahun); omit it for all rows up to the as-of date.
 * @param [asOf] A date inside the period; default the latest order date.
 * @returns Revenue in the period.
 */
export function revenue(dates: unknown[][], amounts: unknown[][], period?: string, asOf?: unknown): number {
  return F.REVENUE(dates, amounts, period, asOf);
}

/**
 * Orders: distinct order ids in the period containing the as-of date (each row when ids are omitted).
 * @customfunction ORDERS
 * @param dates Order dates (a column).
 * @param [orderIds] Order ids, same rows as dates; omit it when each row is one order.
 * @param [period] "day", "week", "month", "quarter" or "year"; omit it for all rows up to the as-of date.
 * @param [asOf] A date inside the period; default the latest order date.
 * @param [amounts] Amounts, same rows; an order whose lines in the period are all refunds (below 0) is then not an order.
 * @returns Number of orders.
 */
export function orders(
  dates: unknown[][],
  orderIds?: unknown[][],
  period?: string,
  asOf?: unknown,
  amounts?: unknown[][],
): number {
  return F.ORDERS(dates, orderIds, period, asOf, amounts);
}

/**
 * Customers: distinct customers with a purchase in the period containing the as-of date.
 * @customfunction CUSTOMERS
 * @param dates Order dates (a column).
 * @param customers Customer names or ids, same rows as dates.
 * @param [period] "day", "week", "month", "quarter" or "year"; omit it for all rows up to the as-of date.
 * @param [asOf] A date inside the period; default the latest order date.
 * @param [amounts] Order amounts, same rows; refund lines (below 0) are then not purchases: they make no order and no active customer.
 * @returns Number of customers.
 */
export function customers(
  dates: unknown[][],
  customers: unknown[][],
  period?: string,
  asOf?: unknown,
  amounts?: unknown[][],
): number {
  return F.CUSTOMERS(dates, customers, period, asOf, amounts);
}

/**
 * New customers: customers whose first order ever falls in the period containing the as-of date.
 * @customfunction NEWCUSTOMERS
 * @param dates Order dates (a column).
 * @param customers Customer names or ids, same rows as dates.
 * @param [period] "day", "week", "month", "quarter" or "year"; omit it for all rows up to the as-of date.
 * @param [asOf] A date inside the period; default the latest order date.
 * @param [amounts] Order amounts, same rows; refund lines (below 0) are then not purchases: they make no order and no active customer.
 * @returns Number of new customers.
 */
export function newCustomers(
  dates: unknown[][],
  customers: unknown[][],
  period?: string,
  asOf?: unknown,
  amounts?: unknown[][],
): number {
  return F.NEWCUSTOMERS(dates, customers, period, asOf, amounts);
}

/**
 * Retention rate: the share of the previous period's customers who ordered again in this period.
 * @customfunction RETENTION
 * @param dates Order dates (a column).
 * @param customers Customer names or ids, same rows as dates.
 * @param [period] "day", "week", "month" (default), "quarter" or "year".
 * @param [asOf] A date inside the period; default the latest order date.
 * @param [amounts] Order amounts, same rows; refund lines (below 0) are then not purchases: they make no order and no active customer.
 * @returns Retention between 0 and 1.
 */
export function retention(
  dates: unknown[][],
  customers: unknown[][],
  period?: string,
  asOf?: unknown,
  amounts?: unknown[][],
): number {
  return F.RETENTION(dates, customers, period, asOf, amounts);
}

/**
 * Churn rate: 1 − retention, the share of the previous period's customers who did not order again.
 * @customfunction CHURN
 * @param dates Order dates (a column).
 * @param customers Customer names or ids, same rows as dates.
 * @param [period] "day", "week", "month" (default), "quarter" or "year".
 * @param [asOf] A date inside the period; default the latest order date.
 * @param [amounts] Order amounts, same rows; refund lines (below 0) are then not purchases: they make no order and no active customer.
 * @returns Churn between 0 and 1.
 */
export function churn(
  dates: unknown[][],
  customers: unknown[][],
  period?: string,
  asOf?: unknown,
  amounts?: unknown[][],
): number {
  return F.CHURN(dates, customers, period, asOf, amounts);
}

/**
 * Repeat customer rate: the share of the period's customers with two or more orders to date.
 * @customfunction REPEATRATE
 * @param dates Order dates (a column).
 * @param customers Customer names or ids, same rows as dates.
 * @param [period] "day", "week", "month", "quarter" or "year"; omit it for all rows up to the as-of date.
 * @param [asOf] A date inside the period; default the latest order date.
 * @param [amounts] Order amounts, same rows; refund lines (below 0) are then not purchases: they make no order and no active customer.
 * @param [orderIds] Order ids, same rows; the lines of one order count as one order (a blank id is an order of its own).
 * @returns Repeat rate between 0 and 1.
 */
export function repeatRate(
  dates: unknown[][],
  customers: unknown[][],
  period?: string,
  asOf?: unknown,
  amounts?: unknown[][],
  orderIds?: unknown[][],
): number {
  return F.REPEATRATE(dates, customers, period, asOf, amounts, orderIds);
}

/**
 * Purchase frequency: orders per customer in the period containing the as-of date (give order ids on order-line data).
 * @customfunction FREQUENCY
 * @param dates Order dates (a column).
 * @param customers Customer names or ids, same rows as dates.
 * @param [period] "day", "week", "month", "quarter" or "year"; omit it for all rows up to the as-of date.
 * @param [asOf] A date inside the period; default the latest order date.
 * @param [amounts] Order amounts, same rows; refund lines (below 0) are then not purchases: they make no order and no active customer.
 * @param [orderIds] Order ids, same rows; the lines of one order count as one order (a blank id is an order of its own).
 * @returns Orders per customer.
 */
export function frequency(
  dates: unknown[][],
  customers: unknown[][],
  period?: string,
  asOf?: unknown,
  amounts?: unknown[][],
  orderIds?: unknown[][],
): number {
  return F.FREQUENCY(dates, customers, period, asOf, amounts, orderIds);
}

/**
 * Sales cycle length: mean days from created to closed over won deals.
 * @customfunction CYCLEDAYS
 * @param created Dates the opportunities were created (a column).
 * @param closed Dates they closed, same rows; blank while open.
 * @param [statuses] Won / lost / open statuses, same rows; omit it to count every closed row.
 * @returns Mean days to close.
 */
export function cycleDays(created: unknown[][], closed: unknown[][], statuses?: unknown[][]): number {
  return F.CYCLEDAYS(created, closed, statuses);
}

/**
 * Win rate: won ÷ (won + lost) deals; open deals are left out.
 * @customfunction WINRATE
 * @param statuses Deal statuses such as Won, Lost, Open, Closed Won, Menang, Kalah.
 * @returns Win rate between 0 and 1.
 */
export function winRate(statuses: unknown[][]): number {
  return F.WINRATE(statuses);
}

/**
 * Pipeline velocity: open deals × win rate × average won deal value ÷ mean cycle days.
 * @customfunction VELOCITY
 * @param created Dates the opportunities were created (a column).
 * @param closed Dates they closed, same rows; blank while open.
 * @param statuses Won / lost / open statuses, same rows.
 * @param values Deal values, same rows.
 * @returns Expected value closed per day.
 */
export function velocity(
  created: unknown[][],
  closed: unknown[][],
  statuses: unknown[][],
  values: unknown[][],
): number {
  return F.VELOCITY(created, closed, statuses, values);
}

/**
 * Values per period: one row per day, week, month, quarter or year with a sum, count, average, min, max or distinct count (spills).
 * @customfunction BYPERIOD
 * @param dates Dates (a column).
 * @param values Values to aggregate, same rows as dates.
 * @param period "day", "week", "month", "quarter" or "year" (or hari, minggu, bulan, kuartal, tahun).
 * @param [agg] "sum" (default), "count", "average", "min", "max" or "distinct".
 * @returns A table: Period, Start, and the aggregate.
 */
export function byPeriod(dates: unknown[][], values: unknown[][], period: string, agg?: string): unknown[][] {
  return F.BYPERIOD(dates, values, period, agg);
}

/**
 * A metric per value of a dimension such as region, rep or product, best first, with share of total (spills).
 * @customfunction BREAKDOWN
 * @param dimension The dimension's values, e.g. the Region column.
 * @param amounts Order amounts, same rows.
 * @param [metric] "revenue" (default), "orders" or "aov".
 * @param [dates] Order dates, same rows; omit them to use every row.
 * @param [period] "day", "week", "month", "quarter" or "year": the period containing the as-of date, with growth against the period before; a period not over on the as-of date is compared with as many days from the start of the period before.
 * @param [asOf] A date inside the period; default the latest order date.
 * @param [orderIds] Order ids, same rows; the lines of one order count as one order for orders and aov.
 * @returns A table: Group, the metric, Share (and Growth with a period, its header naming the base), then Total.
 */
export function breakdown(
  dimension: unknown[][],
  amounts: unknown[][],
  metric?: string,
  dates?: unknown[][],
  period?: string,
  asOf?: unknown,
  orderIds?: unknown[][],
): unknown[][] {
  return F.BREAKDOWN(dimension, amounts, metric, dates, period, asOf, orderIds);
}

/**
 * Cohort retention: for each cohort of first-time customers, the share ordering again 0, 1, 2… periods later (spills).
 * @customfunction COHORT
 * @param dates Order dates (a column).
 * @param customers Customer names or ids, same rows as dates.
 * @param [period] Cohort and step length: "week", "month" (default), "quarter" or "year".
 * @param [asOf] Last day to count; default the latest order date.
 * @returns A table: Cohort, Customers, +0, +1, …; steps not reached yet are blank.
 */
export function cohort(
  dates: unknown[][],
  customers: unknown[][],
  period?: string,
  asOf?: unknown,
): unknown[][] {
  return F.COHORT(dates, customers, period, asOf);
}

/**
 * Splits a goal into monthly or weekly goals, evenly by days or by last year's seasonality (spills).
 * @customfunction GOALSPLIT
 * @param target The goal for the whole period, e.g. a yearly revenue target.
 * @param periodStart First day of the goal period (a date).
 * @param periodEnd Last day of the goal period (a date, included).
 * @param period Split into "month" or "week" (or bulan, minggu).
 * @param [historyDates] Dates of past values (e.g. last year's order dates) for a seasonal split.
 * @param [historyValues] Past values, same rows as historyDates; omit both for an even split.
 * @returns A table: Period, Start, End, Days, Share, Target, Method; targets sum exactly to the goal.
 */
export function goalSplit(
  target: number,
  periodStart: unknown,
  periodEnd: unknown,
  period: string,
  historyDates?: unknown[][],
  historyValues?: unknown[][],
): unknown[][] {
  return F.GOALSPLIT(target, periodStart, periodEnd, period, historyDates, historyValues);
}

/**
 * RFM segments: recency, frequency and monetary scores 1–5 and a segment (Champions … Lost) per customer (spills).
 * @customfunction RFM
 * @param dates Order dates (a column).
 * @param customers Customer names or ids, same rows.
 * @param amounts Order amounts, same rows.
 * @param [asOf] The day recency is counted to; default the latest order date.
 * @returns A table: Customer, Recency, Frequency, Monetary, R, F, M, Segment.
 */
export function rfm(
  dates: unknown[][],
  customers: unknown[][],
  amounts: unknown[][],
  asOf?: unknown,
): unknown[][] {
  return F.RFM(dates, customers, amounts, asOf);
}

/**
 * Trend of a value per period: the last periods, a least-squares trend line and its forecast (spills).
 * @customfunction TREND
 * @param dates Dates (a column).
 * @param values Values added up per period, same rows.
 * @param period "day", "week", "month", "quarter" or "year" (or hari, minggu, bulan, kuartal, tahun).
 * @param horizon Periods to forecast after the last one (0 for none).
 * @param [periods] Periods in the series, ending with the as-of date's (default 12).
 * @param [asOf] A date in the last period; default the latest date.
 * @returns A table: Period, Start, Actual, Trend, Type (actual; partial: the as-of period to date, left out of the line; or forecast).
 */
export function trend(
  dates: unknown[][],
  values: unknown[][],
  period: string,
  horizon: number,
  periods?: number,
  asOf?: unknown,
): unknown[][] {
  return F.TREND(dates, values, period, horizon, periods, asOf);
}

/**
 * Forecast of a value per period by exponential smoothing (ETS, the model with the smallest AICc), with its prediction interval (spills).
 * @customfunction FORECAST
 * @param dates Dates (a column).
 * @param values Values added up per period, same rows.
 * @param period "day", "week", "month", "quarter" or "year" (or hari, minggu, bulan, kuartal, tahun).
 * @param horizon Periods to forecast after the last complete one (1 to 120).
 * @param [asOf] A date; the period holding it is forecast whole, not fitted, while it is not over. Default the latest date.
 * @param [level] Interval level, e.g. 0.8 or 80 for 80%; default 95%.
 * @returns A table: Period, Start, Forecast (its header names the model), Low, High.
 */
export function forecast(
  dates: unknown[][],
  values: unknown[][],
  period: string,
  horizon: number,
  asOf?: unknown,
  level?: number,
): unknown[][] {
  return F.FORECAST(dates, values, period, horizon, asOf, level);
}

/**
 * A metric of a table by its name, read inside Excel, for tables too large to pass as ranges; the value updates when the table changes.
 * @customfunction TABLE
 * @param table The name of an Excel table in this workbook, e.g. "Orders".
 * @param metric The metric: an id such as "revenue" or "aov", or its English or Indonesian name.
 * @param [period] "day", "week", "month", "quarter" or "year"; omit it for all rows up to the as-of date.
 * @param [asOf] A date inside the period (a date or date text); default the latest order date.
 * @param {CustomFunctions.StreamingInvocation<number>} invocation Pushes the value again after the table changes.
 * @returns The metric's value.
 */
export function table(
  table: string,
  metric: string,
  period: string,
  asOf: unknown,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  F.TABLE(table, metric, period, asOf, invocation);
}

/**
 * A metric per period of a table by its name, read inside Excel; updates when the table changes (spills).
 * @customfunction TABLEBYPERIOD
 * @param table The name of an Excel table in this workbook, e.g. "Orders".
 * @param metric The metric: an id such as "revenue" or "customers", or its English or Indonesian name.
 * @param period "day", "week", "month", "quarter" or "year" (or hari, minggu, bulan, kuartal, tahun).
 * @param [asOf] The last day counted (a date or date text); default the latest order date.
 * @param {CustomFunctions.StreamingInvocation<any[][]>} invocation Pushes the table again after the table changes.
 * @returns A table: Period, Start, and the metric for every period from the first order to the as-of date.
 */
export function tableByPeriod(
  table: string,
  metric: string,
  period: string,
  asOf: unknown,
  invocation: CustomFunctions.StreamingInvocation<unknown[][]>,
): void {
  F.TABLEBYPERIOD(table, metric, period, asOf, invocation);
}

/**
 * A metric per value of one of a table's columns (region, rep, product…), read inside Excel by the table's name; updates when the table changes (spills).
 * @customfunction TABLEBREAKDOWN
 * @param table The name of an Excel table in this workbook, e.g. "Orders".
 * @param dimension What to group by: a header of the table, or a role such as "region", "rep" or "product".
 * @param [metric] "revenue" (default), "orders" or "aov".
 * @param [period] "day", "week", "month", "quarter" or "year": the period containing the as-of date, with growth against the period before.
 * @param [asOf] A date inside the period (a date or date text); default the latest order date.
 * @param {CustomFunctions.StreamingInvocation<any[][]>} invocation Pushes the table again after the table changes.
 * @returns A table: Group, the metric, Share (and Growth with a period), then Total.
 */
export function tableBreakdown(
  table: string,
  dimension: string,
  metric: string,
  period: string,
  asOf: unknown,
  invocation: CustomFunctions.StreamingInvocation<unknown[][]>,
): void {
  F.TABLEBREAKDOWN(table, dimension, metric, period, asOf, invocation);
}
