/**
 * Formula functions: plain numbers in, one number out, composable with Excel's own functions.
 * Each reads its arguments (args.ts) and hands them to a scalar formula in `core/formulas`.
 * Where a natural input is a range (SALES.AOV over order amounts, SALES.CAC over spend rows),
 * a range is summed the way SUM does.
 */
import type { CellValue } from '../core/cell';
import { isBlank } from '../core/cell';
import {
  acquisitionCost,
  attainment,
  averageOrderValue,
  breakEven,
  cacPaybackMonths,
  forecastAccuracy,
  grossMargin,
  growthRate,
  historicClv,
  lifespanYears,
  ltvToCac,
  marketingRoi,
} from '../core/formulas';
import { isMetricError, safeDivide } from '../core/errors';
import {
  cellOf,
  columnArg,
  dateArg,
  isOmitted,
  numberArg,
  optionalDateArg,
  optionalNumberArg,
  optionalTextArg,
} from './args';
import { numbersOf } from './columns';
import { invalidArgument, notAvailable, throwMetricError, valueOrThrow } from './errors';
import { todayEpochDay } from './clock';

/**
 * Σ of a number or a range of numbers (blanks and non-number text left out, like SUM), with how
 * many are above 0 (orders) and how many are not 0 (an older build passes an empty cell as 0).
 */
function sumArg(value: unknown, name: string): { sum: number; positive: number; nonZero: number } {
  if (!Array.isArray(value) || isSingleCell(value)) {
    // One cell is a number argument (its error propagates); an empty one adds nothing, as in SUM.
    if (Array.isArray(value) && isBlank(cellOf(value[0][0]))) return { sum: 0, positive: 0, nonZero: 0 };
    const single = numberArg(value, name);
    return { sum: single, positive: single > 0 ? 1 : 0, nonZero: single !== 0 ? 1 : 0 };
  }
  const numbers = numbersOf(columnArgLoose(value, name));
  let sum = 0;
  let positive = 0;
  let nonZero = 0;
  for (const n of numbers) {
    sum += n;
    if (n > 0) positive++;
    if (n !== 0) nonZero++;
  }
  return { sum, positive, nonZero };
}

/** True for a 1×1 range (a number typed into the formula arrives as one too). */
function isSingleCell(value: unknown[]): boolean {
  return value.length === 1 && Array.isArray(value[0]) && value[0].length === 1;
}

/** A range of any shape, flattened row by row (SUM accepts blocks too). */
function columnArgLoose(value: unknown[], name: string): CellValue[] {
  if (value.every((row) => Array.isArray(row) && row.length === 1) || value.length === 1)
    return columnArg(value, name);
  return (value as unknown[][]).flat() as CellValue[];
}

/** Distinct non-blank values of a range of order ids (a 0 is an empty cell on older builds). */
function distinctCount(cells: readonly CellValue[]): number {
  const seen = new Set<string>();
  for (const cell of cells) if (!isBlank(cell) && cell !== 0) seen.add(String(cell).trim());
  return seen.size;
}

/**
 * SALES.AOV(amounts, [orders]): revenue ÷ orders. `amounts` is total revenue or a range of order
 * amounts; `orders` (a range parameter, so a range of ids reaches it whole) is a count — a single
 * number —, a range of order ids (distinct ids are counted), or omitted: then each amount above 0
 * is one order. Negative amounts are refunds (they reduce revenue but are not orders, as in the
 * engine) and a 0 is not an order: older desktop builds pass an empty cell as 0, so a blank in
 * the amounts must not count as an order of 0 (give the orders to count free orders).
 * @example aov([[100], [50], [null], [30]], null) // 60
 */
export function aov(amounts: unknown, orders: unknown): number {
  const revenue = sumArg(amounts, 'amounts');
  let count: number;
  if (isOmitted(orders)) {
    count = revenue.positive;
  } else if (Array.isArray(orders) && !isSingleCell(orders)) {
    count = distinctCount(columnArgLoose(orders, 'orders'));
  } else {
    const single = cellOf(Array.isArray(orders) ? (orders as unknown[][])[0][0] : orders);
    count =
      typeof single === 'number' || isBlank(single) ? numberArg(single, 'orders') : distinctCount([single]);
  }
  if (count === 0 && revenue.nonZero === 0 && Array.isArray(amounts)) notAvailable('amounts holds no orders');
  return valueOrThrow(averageOrderValue(revenue.sum, count));
}

/**
 * SALES.CAC(spend, newCustomers): acquisition spend ÷ new customers; both numbers or ranges.
 * @example cac(5000, 50) // 100
 */
export function cac(spend: unknown, newCustomers: unknown): number {
  return valueOrThrow(acquisitionCost(sumArg(spend, 'spend').sum, sumArg(newCustomers, 'newCustomers').sum));
}

/**
 * SALES.CLV(aov, frequencyPerYear, lifespanYears, [margin]): historic customer lifetime value.
 * @example clv(85, 3.2, 4, null) // 1088
 */
export function clv(
  aovValue: unknown,
  frequencyPerYear: unknown,
  lifespan: unknown,
  margin: unknown,
): number {
  const m = optionalNumberArg(margin, 'margin', 1);
  return valueOrThrow(
    historicClv(
      numberArg(aovValue, 'aov'),
      numberArg(frequencyPerYear, 'frequencyPerYear'),
      numberArg(lifespan, 'lifespanYears'),
      m,
    ),
  );
}

/**
 * SALES.LIFESPAN(yearlyChurn, [capYears]): expected customer lifespan in years = 1 ÷ churn, capped.
 * @example lifespan(0.25, null) // 4
 */
export function lifespan(yearlyChurn: unknown, capYears: unknown): number {
  const cap = optionalNumberArg(capYears, 'capYears');
  if (cap !== undefined && !(cap > 0)) invalidArgument('capYears', 'must be greater than 0');
  return valueOrThrow(lifespanYears(numberArg(yearlyChurn, 'yearlyChurn'), cap));
}

/**
 * SALES.CONVERSIONRATE(conversions, opportunities): the share converted; both numbers or ranges.
 * @example conversionRate(30, 1200) // 0.025
 */
export function conversionRate(conversions: unknown, opportunities: unknown): number {
  const won = sumArg(conversions, 'conversions').sum;
  const total = sumArg(opportunities, 'opportunities').sum;
  if (won < 0 || total < 0) invalidArgument(won < 0 ? 'conversions' : 'opportunities', 'cannot be negative');
  return valueOrThrow(safeDivide(won, total, 'no opportunities'));
}

/** SALES.GROWTH(current, previous): current ÷ previous − 1. @example growth(120, 100) // 0.2 */
export function growth(current: unknown, previous: unknown): number {
  return valueOrThrow(growthRate(numberArg(current, 'current'), numberArg(previous, 'previous')));
}

/** SALES.ATTAINMENT(actual, target): actual ÷ target. @example attainmentOf(80, 100) // 0.8 */
export function attainmentOf(actual: unknown, target: unknown): number {
  return valueOrThrow(attainment(numberArg(actual, 'actual'), numberArg(target, 'target')));
}

/** SALES.MARGIN(revenue, cost): gross margin (revenue − cost) ÷ revenue. @example margin(1000, 600) // 0.4 */
export function margin(revenue: unknown, cost: unknown): number {
  return valueOrThrow(grossMargin(sumArg(revenue, 'revenue').sum, sumArg(cost, 'cost').sum));
}

/** SALES.ROI(revenue, spend, [margin]): (revenue × margin − spend) ÷ spend. @example roi(10000, 2000, 0.5) // 1.5 */
export function roi(revenue: unknown, spend: unknown, marginArg: unknown): number {
  return valueOrThrow(
    marketingRoi(
      sumArg(revenue, 'revenue').sum,
      sumArg(spend, 'spend').sum,
      optionalNumberArg(marginArg, 'margin', 1),
    ),
  );
}

/** SALES.LTVCAC(clv, cac): lifetime value per unit of acquisition cost. @example ltvCac(900, 300) // 3 */
export function ltvCac(clvValue: unknown, cacValue: unknown): number {
  return valueOrThrow(ltvToCac(numberArg(clvValue, 'clv'), numberArg(cacValue, 'cac')));
}

/**
 * SALES.PAYBACK(cac, monthlyRevenuePerCustomer, [margin]): months to earn back the CAC.
 * @example payback(600, 100, 0.5) // 12
 */
export function payback(cacValue: unknown, monthlyRevenue: unknown, marginArg: unknown): number {
  return valueOrThrow(
    cacPaybackMonths(
      numberArg(cacValue, 'cac'),
      numberArg(monthlyRevenue, 'monthlyRevenuePerCustomer'),
      optionalNumberArg(marginArg, 'margin', 1),
    ),
  );
}

const BREAK_EVEN_MEASURES: Readonly<Record<string, 'units' | 'revenue'>> = {
  units: 'units',
  unit: 'units',
  unidades: 'units',
  revenue: 'revenue',
  sales: 'revenue',
  pendapatan: 'revenue',
  penjualan: 'revenue',
};

/**
 * SALES.BREAKEVEN(fixedCosts, unitPrice, unitVariableCost, [measure]): units to sell to break even
 * ("units", the default), or the revenue at that point ("revenue").
 * @example breakEvenPoint(10000, 50, 30, null) // 500
 */
export function breakEvenPoint(
  fixedCosts: unknown,
  unitPrice: unknown,
  unitVariableCost: unknown,
  measure: unknown,
): number {
  const text = optionalTextArg(measure, 'measure');
  const chosen = text === undefined ? 'units' : BREAK_EVEN_MEASURES[text.toLowerCase()];
  if (!chosen) invalidArgument('measure', `'${text}' is not "units" or "revenue"`);
  const result = breakEven(
    numberArg(fixedCosts, 'fixedCosts'),
    numberArg(unitPrice, 'unitPrice'),
    numberArg(unitVariableCost, 'unitVariableCost'),
  );
  if (isMetricError(result)) throwMetricError(result);
  return valueOrThrow(result[chosen]);
}

/**
 * SALES.FORECASTACCURACY(actual, forecast): max(0, 1 − |actual − forecast| ÷ actual).
 * @example accuracy(100, 90) // 0.9
 */
export function accuracy(actual: unknown, forecast: unknown): number {
  return valueOrThrow(forecastAccuracy(numberArg(actual, 'actual'), numberArg(forecast, 'forecast')));
}

/**
 * SALES.PACE(actualToDate, target, periodStart, periodEnd, [asOf]): actual to date ÷ the target's
 * share for the days elapsed (1 = exactly on pace). `periodEnd` is the period's last day,
 * inclusive; `asOf` counts as elapsed (default: today).
 * @example pace(50, 100, serial('2026-01-01'), serial('2026-01-10'), serial('2026-01-05')) // 1
 */
export function pace(
  actualToDate: unknown,
  target: unknown,
  periodStart: unknown,
  periodEnd: unknown,
  asOf: unknown,
): number {
  const actual = numberArg(actualToDate, 'actualToDate');
  const goal = numberArg(target, 'target');
  const start = Math.floor(dateArg(periodStart, 'periodStart'));
  const end = Math.floor(dateArg(periodEnd, 'periodEnd')) + 1;
  if (end <= start) invalidArgument('periodEnd', 'is before periodStart');
  const day = Math.floor(optionalDateArg(asOf, 'asOf') ?? todayEpochDay());
  const elapsed = Math.min(Math.max(day + 1 - start, 0), end - start) / (end - start);
  if (elapsed === 0) notAvailable('the period has not started on the as-of date');
  return valueOrThrow(safeDivide(actual, goal * elapsed, 'the target is 0'));
}
