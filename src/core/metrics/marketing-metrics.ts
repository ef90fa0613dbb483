/**
 * Marketing metrics: spend per window joined with the orders metrics of the same windows.
 *
 * Choices: each spend row is spread evenly over the days it covers (its period key, its date to
 * its end date, or the month, week, quarter, year or day inferred from the dates; see
 * `spend-spread.ts`), and a window gets the share of those days inside it and not after the as-of
 * day — so a month to date gets the month's spend to date, a week its seven days' share; margin is
 * the window's gross margin, 1 without a cost column; CAC payback scales sales per customer to a
 * 30.436875-day month over the window's to-date length.
 */
import type { MetricValue } from '../errors';
import { isMetricError } from '../errors';
import { acquisitionCost, cacPaybackMonths, ltvToCac, marketingRoi } from '../formulas';
import type { Calendar } from '../periods';
import type { OrdersTable, SpendTable } from '../table';
import type { MarketingMetricId, OrderMetricId } from './ids';
import type { MetricWindow } from './inputs';
import { computeOrderWindows, windowBounds } from './orders-metrics';
import { needsTable, noneIn, startsAfterAsOf, toDateEnd } from './rules';
import { spreadSpend } from './spend-spread';

const DAYS_PER_MONTH = 365.2425 / 12;

/** Σ spend per window, each row spread over the days it covers, never past the as-of day. */
export function spendPerWindow(
  table: SpendTable,
  windows: readonly MetricWindow[],
  asOf: number,
  calendar?: Calendar,
): Float64Array {
  return spreadSpend(table, windowBounds(windows), asOf, calendar);
}

const ORDER_PARTS: readonly OrderMetricId[] = [
  'revenue',
  'new_customers',
  'gross_margin',
  'sales_per_customer',
  'clv',
];

/** Marketing metrics for windows 1..K; values[k − 1][metric]. */
export function computeMarketingWindows(
  orders: OrdersTable | undefined,
  spend: SpendTable | undefined,
  ids: readonly MarketingMetricId[],
  windows: readonly MetricWindow[],
  asOf: number,
  capYears?: number,
  calendar?: Calendar,
): MetricValue[][] {
  const missing = !spend ? needsTable('marketing spend') : !orders ? needsTable('orders') : null;
  if (missing || !spend || !orders) return windows.slice(1).map(() => ids.map(() => missing!));
  const wantsClv = ids.includes('ltv_cac');
  const parts = wantsClv ? ORDER_PARTS : ORDER_PARTS.slice(0, 4);
  const orderValues = computeOrderWindows(orders, parts, windows, asOf, capYears);
  const spent = spendPerWindow(spend, windows, asOf, calendar);
  return orderValues.map((row, k) => {
    const window = windows[k + 1];
    const late = startsAfterAsOf(window, asOf);
    const [revenue, newCustomers, margin, perCustomer, clv] = row;
    const m = isMetricError(margin) ? 1 : margin; // no cost column (or no revenue with cost): margin 1
    const s = spent[k + 1];
    return ids.map((id): MetricValue => {
      if (late) return late;
      switch (id) {
        case 'cac':
          return cac(s, newCustomers, window);
        case 'marketing_roi':
          if (isMetricError(revenue)) return revenue;
          return s === 0 ? noneIn('marketing spend', window) : marketingRoi(revenue, s, m);
        case 'ltv_cac': {
          const c = cac(s, newCustomers, window);
          if (isMetricError(c)) return c;
          if (isMetricError(clv)) return clv;
          return ltvToCac(clv, c);
        }
        case 'cac_payback_months': {
          const c = cac(s, newCustomers, window);
          if (isMetricError(c)) return c;
          if (isMetricError(perCustomer)) return perCustomer;
          const days = toDateEnd(window, asOf) - window.start;
          return cacPaybackMonths(c, (perCustomer * DAYS_PER_MONTH) / days, m);
        }
      }
    });
  });
}

function cac(spend: number, newCustomers: MetricValue, window: MetricWindow): MetricValue {
  if (isMetricError(newCustomers)) return newCustomers;
  return newCustomers === 0 ? noneIn('new customers', window) : acquisitionCost(spend, newCustomers);
}
