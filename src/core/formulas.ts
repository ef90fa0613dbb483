/**
 * Scalar formulas of docs/metrics.md, shared by the metric catalogue, the custom functions and goals.
 * Each takes plain numbers and returns a `MetricValue`: never throws, never returns NaN.
 */
import type { MetricValue } from './errors';
import { isMetricError, metricError, safeDivide } from './errors';

/** Default cap on the expected customer lifespan, in years, when churn is tiny. */
export const DEFAULT_LIFESPAN_CAP_YEARS = 10;

function finite(...values: number[]): MetricValue | null {
  for (const value of values)
    if (!Number.isFinite(value)) return metricError('#VALUE!', 'an input is not a number');
  return null;
}

/**
 * Relative change m(P) / m(P−1) − 1.
 * @example growthRate(120, 100) // 0.2
 */
export function growthRate(current: number, previous: number): MetricValue {
  const bad = finite(current, previous);
  if (bad) return bad;
  if (previous === 0) return metricError('#DIV/0!', 'the previous value is 0');
  return current / previous - 1;
}

/** Average order value = revenue / orders. @example averageOrderValue(1000, 8) // 125 */
export function averageOrderValue(revenue: number, orders: number): MetricValue {
  return finite(revenue, orders) ?? safeDivide(revenue, orders, 'no orders');
}

/** Gross margin ratio = (revenue − cost) / revenue. @example grossMargin(1000, 600) // 0.4 */
export function grossMargin(revenue: number, cost: number): MetricValue {
  return finite(revenue, cost) ?? safeDivide(revenue - cost, revenue, 'revenue is 0');
}

/**
 * Expected lifespan in years = 1 / yearly churn, capped (docs/metrics.md, `clv`).
 * @example lifespanYears(0.25) // 4
 */
export function lifespanYears(yearlyChurn: number, capYears = DEFAULT_LIFESPAN_CAP_YEARS): MetricValue {
  const bad = finite(yearlyChurn, capYears);
  if (bad) return bad;
  if (yearlyChurn < 0 || yearlyChurn > 1) return metricError('#NUM!', 'churn must lie between 0 and 1');
  if (yearlyChurn === 0) return capYears;
  return Math.min(1 / yearlyChurn, capYears);
}

/**
 * Historic CLV = AOV × purchases per year × margin × lifespan in years.
 * @example historicClv(85, 3.2, 4) // 1088 (85 × 3.2 × 4, margin 1)
 */
export function historicClv(
  aov: number,
  purchasesPerYear: number,
  lifespan: number,
  margin = 1,
): MetricValue {
  const bad = finite(aov, purchasesPerYear, lifespan, margin);
  if (bad) return bad;
  if (purchasesPerYear < 0 || lifespan < 0)
    return metricError('#NUM!', 'frequency and lifespan cannot be negative');
  return aov * purchasesPerYear * margin * lifespan;
}

/** Customer acquisition cost = spend / new customers. @example acquisitionCost(5000, 50) // 100 */
export function acquisitionCost(spend: number, newCustomers: number): MetricValue {
  return finite(spend, newCustomers) ?? safeDivide(spend, newCustomers, 'no new customers');
}

/** LTV:CAC ratio. @example ltvToCac(900, 300) // 3 */
export function ltvToCac(clv: number, cac: number): MetricValue {
  return finite(clv, cac) ?? safeDivide(clv, cac, 'CAC is 0');
}

/**
 * CAC payback in months = CAC / (monthly revenue per customer × margin).
 * @example cacPaybackMonths(600, 100, 0.5) // 12
 */
export function cacPaybackMonths(cac: number, monthlyRevenuePerCustomer: number, margin = 1): MetricValue {
  return (
    finite(cac, monthlyRevenuePerCustomer, margin) ??
    safeDivide(cac, monthlyRevenuePerCustomer * margin, 'monthly gross profit per customer is 0')
  );
}

/**
 * Marketing ROI = (revenue × margin − spend) / spend.
 * @example marketingRoi(10000, 2000, 0.5) // 1.5
 */
export function marketingRoi(revenue: number, spend: number, margin = 1): MetricValue {
  return finite(revenue, spend, margin) ?? safeDivide(revenue * margin - spend, spend, 'spend is 0');
}

/**
 * Break-even point: units = fixed costs / (price − variable cost per unit); revenue = units × price
 * (= fixed costs / (1 − variable cost / price)). `#NUM!` when price ≤ variable cost: never breaks even.
 * @example breakEven(10000, 50, 30) // { units: 500, revenue: 25000 }
 */
export function breakEven(
  fixedCosts: number,
  unitPrice: number,
  unitVariableCost: number,
): { units: number; revenue: number } | ReturnType<typeof metricError> {
  const bad = finite(fixedCosts, unitPrice, unitVariableCost);
  if (bad && isMetricError(bad)) return bad;
  if (unitPrice <= unitVariableCost)
    return metricError('#NUM!', 'the unit price does not exceed the variable cost per unit');
  if (fixedCosts < 0) return metricError('#NUM!', 'fixed costs cannot be negative');
  const units = fixedCosts / (unitPrice - unitVariableCost);
  return { units, revenue: units * unitPrice };
}

/** Attainment = actual / target (for higher-is-better metrics). @example attainment(80, 100) // 0.8 */
export function attainment(actual: number, target: number): MetricValue {
  return finite(actual, target) ?? safeDivide(actual, target, 'the target is 0');
}

/**
 * Sales pipeline velocity per day = open opportunities × win rate × average deal size / cycle days.
 * @example pipelineVelocity(40, 0.25, 2000, 50) // 400
 */
export function pipelineVelocity(
  opportunities: number,
  winRate: number,
  avgDealSize: number,
  cycleDays: number,
): MetricValue {
  return (
    finite(opportunities, winRate, avgDealSize, cycleDays) ??
    safeDivide(opportunities * winRate * avgDealSize, cycleDays, 'the sales cycle length is 0')
  );
}

/**
 * HubSpot forecast accuracy = max(0, 1 − |actual − forecast| / actual).
 * @example forecastAccuracy(100, 90) // 0.9
 */
export function forecastAccuracy(actual: number, forecast: number): MetricValue {
  const bad = finite(actual, forecast);
  if (bad) return bad;
  if (actual === 0) return metricError('#DIV/0!', 'the actual value is 0');
  return Math.max(0, 1 - Math.abs(actual - forecast) / Math.abs(actual));
}
