/**
 * Predictive customer lifetime value: BG/NBD for how many purchases, Gamma-Gamma for how much
 * each is worth, discounted month by month — the approach of the `lifetimes` library's
 * `customer_lifetime_value`: CLV = Σ_{i=1..H} E[spend] · (E[Y(i months)] − E[Y(i−1 months)]) / (1+d)^i.
 *
 * Conventions: the horizon is in months (a month is 365.25 / 12 days, converted to the fit's time
 * unit); `discountRate` is an *annual* rate, applied monthly as (1 + d)^(1/12) − 1.
 */
import type { MetricError, MetricValue } from '../errors';
import { isMetricError, metricError } from '../errors';
import type { BgNbdFit, BgNbdParams } from '../models/bgnbd';
import { expectedPurchases, fitBgNbd, probabilityAlive } from '../models/bgnbd';
import type { GammaGammaFit, GammaGammaParams } from '../models/gamma-gamma';
import { expectedAverageSpend, fitGammaGamma } from '../models/gamma-gamma';
import type { OrdersTable } from '../table';
import type { CustomerSummary, ModelTimeUnit } from './customers';
import { customerSummary, DAYS_PER_UNIT } from './customers';

export interface PredictiveClvOptions {
  /** Months ahead. Default 12. */
  readonly horizon?: number;
  /** Time unit of the BG/NBD fit. Default `week`. */
  readonly timeUnit?: ModelTimeUnit;
  /** Annual discount rate. Default 0.1. */
  readonly discountRate?: number;
}

export interface CustomerValue {
  readonly id: string;
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly monetary: number;
  readonly pAlive: number;
  /** Expected purchases over the horizon. */
  readonly expectedPurchases: number;
  /** Expected spend per purchase (Gamma-Gamma), or why not. */
  readonly expectedSpend: MetricValue;
  /** Discounted value over the horizon, or why not. */
  readonly clv: MetricValue;
}

const DAYS_PER_MONTH = 365.25 / 12;

/**
 * CLV per customer from fitted models. Without a spend model (`gg` null) `expectedSpend` and `clv`
 * are `#N/A` but purchases and P(alive) are still given.
 * @example predictiveClv(bgnbd, gg, summary, { horizon: 12, timeUnit: 'week', discountRate: 0.1 })
 */
export function predictiveClv(
  bgnbd: BgNbdParams,
  gg: GammaGammaParams | null,
  customers: readonly CustomerSummary[],
  options: PredictiveClvOptions = {},
): CustomerValue[] | MetricError {
  const { horizon = 12, timeUnit = 'week', discountRate = 0.1 } = options;
  if (!Number.isInteger(horizon) || horizon < 0)
    return metricError('#VALUE!', 'the horizon must be a whole number of months');
  if (!(discountRate > -1)) return metricError('#VALUE!', 'the discount rate must be above −100%');
  const unitDays = DAYS_PER_UNIT[timeUnit];
  if (unitDays === undefined) return metricError('#VALUE!', `unknown time unit: ${String(timeUnit)}`);
  const month = DAYS_PER_MONTH / unitDays;
  const monthlyFactor = Math.pow(1 + discountRate, 1 / 12);
  return customers.map((c) => {
    const spend: MetricValue = gg
      ? expectedAverageSpend(gg, c.frequency, c.monetary)
      : metricError('#N/A', 'no spend model');
    // Expected purchases per month: differences of the cumulative conditional expectation.
    let discountedPurchases = 0;
    let previous = 0;
    let discount = 1;
    for (let i = 1; i <= horizon; i++) {
      const cumulative = expectedPurchases(bgnbd, i * month, c);
      discount *= monthlyFactor;
      discountedPurchases += (cumulative - previous) / discount;
      previous = cumulative;
    }
    // The hypergeometric series can fail for extreme fits (a + b + x − 1 near 0, horizons far beyond α + T).
    const clv: MetricValue = isMetricError(spend)
      ? spend
      : Number.isFinite(discountedPurchases)
        ? spend * discountedPurchases
        : metricError('#NUM!', 'the expected purchases could not be computed');
    return {
      id: c.id,
      frequency: c.frequency,
      recency: c.recency,
      T: c.T,
      monetary: c.monetary,
      pAlive: probabilityAlive(bgnbd, c),
      expectedPurchases: previous,
      expectedSpend: spend,
      clv,
    };
  });
}

export interface PredictiveClvReport {
  readonly bgnbd: Pick<BgNbdFit, 'r' | 'alpha' | 'a' | 'b' | 'logLikelihood'>;
  readonly gammaGamma: Pick<GammaGammaFit, 'p' | 'q' | 'v' | 'logLikelihood'> | null;
  readonly customers: CustomerValue[];
}

/**
 * The whole predictive-CLV pipeline from orders (what `sales-metrics clv` prints): summaries at the
 * calibration end (default: the last order day), BG/NBD fit, Gamma-Gamma fit on the repeat buyers
 * (null when it cannot be fitted), CLV per customer.
 * @example predictiveClvReport(orders, { calibrationEnd: parseDay('1997-09-30')!, timeUnit: 'week', horizon: 12 })
 */
export function predictiveClvReport(
  orders: OrdersTable,
  options: PredictiveClvOptions & { readonly calibrationEnd?: number } = {},
): PredictiveClvReport | MetricError {
  const timeUnit = options.timeUnit ?? 'week';
  const calibrationEnd = options.calibrationEnd ?? lastDay(orders);
  if (calibrationEnd === null) return metricError('#N/A', 'no orders');
  const summary = customerSummary(orders, { calibrationEnd, timeUnit });
  if (isMetricError(summary)) return summary;
  const bgnbd = fitBgNbd(summary);
  if (isMetricError(bgnbd)) return bgnbd;
  const gg = fitGammaGamma(summary);
  const spendModel = isMetricError(gg) ? null : gg;
  const customers = predictiveClv(bgnbd, spendModel, summary, { ...options, timeUnit });
  if (isMetricError(customers)) return customers;
  return {
    bgnbd: { r: bgnbd.r, alpha: bgnbd.alpha, a: bgnbd.a, b: bgnbd.b, logLikelihood: bgnbd.logLikelihood },
    gammaGamma: spendModel && {
      p: spendModel.p,
      q: spendModel.q,
      v: spendModel.v,
      logLikelihood: spendModel.logLikelihood,
    },
    customers,
  };
}

function lastDay(orders: OrdersTable): number | null {
  let last = -Infinity;
  for (let i = 0; i < orders.length; i++) if (orders.date[i] > last) last = orders.date[i];
  return Number.isFinite(last) ? Math.floor(last) : null;
}
