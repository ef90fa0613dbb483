/**
 * Function id → implementation. `functions.ts` declares each custom function (JSDoc that becomes
 * functions.json) as a one-line wrapper over an entry here; a test checks that the ids declared
 * there and the ids registered here are the same set.
 *
 * Every implementation is `guarded`: whatever happens inside, only a `CustomFunctions.Error`
 * leaves it.
 */
import { guarded } from './errors';
import * as analysis from './analysis';
import * as breakdown from './breakdown';
import * as forecast from './forecast';
import * as formula from './formula';
import * as metric from './metric';
import * as range from './range';
import * as spill from './spill';
import * as trend from './trend';
import * as tables from './table/streams';

export const IMPLEMENTATIONS = {
  // Formula functions on plain numbers.
  AOV: guarded(formula.aov),
  CAC: guarded(formula.cac),
  CLV: guarded(formula.clv),
  LIFESPAN: guarded(formula.lifespan),
  CONVERSIONRATE: guarded(formula.conversionRate),
  GROWTH: guarded(formula.growth),
  ATTAINMENT: guarded(formula.attainmentOf),
  PACE: guarded(formula.pace),
  BREAKEVEN: guarded(formula.breakEvenPoint),
  MARGIN: guarded(formula.margin),
  ROI: guarded(formula.roi),
  LTVCAC: guarded(formula.ltvCac),
  PAYBACK: guarded(formula.payback),
  FORECASTACCURACY: guarded(formula.accuracy),
  // Range functions over the columns of a table.
  METRIC: guarded(metric.metric),
  REVENUE: guarded(range.revenue),
  ORDERS: guarded(range.orders),
  CUSTOMERS: guarded(range.customers),
  NEWCUSTOMERS: guarded(range.newCustomers),
  RETENTION: guarded(range.retention),
  CHURN: guarded(range.churn),
  REPEATRATE: guarded(range.repeatRate),
  FREQUENCY: guarded(range.frequency),
  CYCLEDAYS: guarded(range.cycleDays),
  WINRATE: guarded(range.winRate),
  VELOCITY: guarded(range.velocity),
  // Spilling functions.
  BYPERIOD: guarded(spill.byPeriod),
  BREAKDOWN: guarded(breakdown.breakdownTable),
  COHORT: guarded(analysis.cohort),
  RFM: guarded(analysis.rfmTable),
  TREND: guarded(trend.trendTable),
  FORECAST: guarded(forecast.forecastTable),
  GOALSPLIT: guarded(analysis.goalSplit),
  // Streaming functions over a table by name, read inside Excel (they push their values).
  TABLE: guarded(tables.tableStream),
  TABLEBYPERIOD: guarded(tables.tableByPeriodStream),
  TABLEBREAKDOWN: guarded(tables.tableBreakdownStream),
} as const;

export type FunctionId = keyof typeof IMPLEMENTATIONS;

/** Every registered function id. */
export const FUNCTION_IDS = Object.keys(IMPLEMENTATIONS) as FunctionId[];
