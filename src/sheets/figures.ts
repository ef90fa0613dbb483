/**
 * Where the dashboard and the review get their figures: the engine over the tables in memory
 * (`engineFigures`, the default), or results computed elsewhere and handed in (the SQL route's
 * `build --engine duckdb` / `--db`, where the orders never leave the database). The plans ask
 * for figures only through this interface, so both routes lay out the same sheets.
 */
import type { BreakdownOptions, BreakdownResult } from '../core/analyses/breakdown';
import { breakdown } from '../core/analyses/breakdown';
import type { CohortMatrix, CohortOptions } from '../core/analyses/cohorts';
import { cohortMatrix } from '../core/analyses/cohorts';
import { customerActivity } from '../core/analyses/customer-activity';
import type { SilentCustomers } from '../core/analyses/customer-lists';
import { silentCustomers } from '../core/analyses/customer-lists';
import type { RfmResult } from '../core/analyses/rfm';
import { rfm } from '../core/analyses/rfm';
import type { MetricError, MetricValue } from '../core/errors';
import { isMetricError } from '../core/errors';
import type { MetricId, MetricInputs, MetricOptions, MetricWindow } from '../core/metrics';
import { computeSuite, computeWindows } from '../core/metrics';
import { firstDay } from '../core/analyses/period-forecast';
import type { Period } from '../core/periods';

/** A customer whose first order falls in a window, with their revenue to date. */
export interface FirstOrder {
  readonly id: string;
  readonly first: number;
  readonly revenue: number;
}

export interface PlanFigures {
  /** True when the orders have a customer column. */
  readonly customers: boolean;
  /**
   * False when the trend line's forecasts cannot be made (they need the daily series, which stays
   * in the database); the revenue outlook needs only `suite` and `firstDay`.
   */
  readonly forecasts: boolean;
  /** The first day of the data (orders, else pipeline, else spend); undefined without dated rows. */
  readonly firstDay: number | undefined;
  /** Where the figures were computed, in words for the sheets (absent: the add-in's engine). */
  readonly computedIn?: string;
  /** `computeSuite(…).values`: values[period][metric]. */
  suite(ids: readonly MetricId[], periods: readonly Period[], options: MetricOptions): MetricValue[][];
  /** The values of the last window of a run of two (the first is the window before). */
  windows(ids: readonly MetricId[], run: readonly MetricWindow[], options: MetricOptions): MetricValue[];
  breakdown(options: BreakdownOptions): BreakdownResult;
  /** null without an orders table. */
  cohorts(options: CohortOptions): CohortMatrix | MetricError | null;
  rfm(asOf: number): RfmResult | MetricError | null;
  /** Customers whose first order is in [start, end), by revenue to date (most first), then id. */
  firstOrders(asOf: number, start: number, end: number): FirstOrder[] | MetricError | null;
  /** At-risk and lost customers with the default thresholds (`silentCustomers`). */
  silent(asOf: number): SilentCustomers | MetricError | null;
}

const engineFiguresOf = new WeakMap<MetricInputs, PlanFigures>();

/**
 * A plan's figures: those handed in, else the engine's over its inputs (one per inputs object, so
 * a plan asking several times shares them).
 * @example figuresOf({ inputs: { orders } }).rfm(asOf)
 */
export function figuresOf(input: {
  readonly figures?: PlanFigures;
  readonly inputs: MetricInputs;
}): PlanFigures {
  if (input.figures) return input.figures;
  let figures = engineFiguresOf.get(input.inputs);
  if (!figures) engineFiguresOf.set(input.inputs, (figures = engineFigures(input.inputs)));
  return figures;
}

/**
 * The engine's figures over the tables in memory.
 * @example engineFigures({ orders }).windows(['revenue'], [previous, period], { asOf })[0]
 */
export function engineFigures(inputs: MetricInputs): PlanFigures {
  const orders = inputs.orders;
  let first: { readonly day: number | undefined } | undefined;
  return {
    customers: !!orders?.customer,
    forecasts: true,
    // Read only when an outlook asks (a scan of every date).
    get firstDay() {
      return (first ??= { day: firstDay(inputs) }).day;
    },
    suite: (ids, periods, options) => computeSuite(inputs, ids, periods, options).values,
    windows: (ids, run, options) => computeWindows(inputs, ids, run, options)[run.length - 2],
    breakdown: (options) => breakdown(inputs, options),
    cohorts: (options) => (orders ? cohortMatrix(orders, options) : null),
    rfm: (asOf) => (orders ? rfm(orders, { asOf }) : null),
    firstOrders(asOf, start, end) {
      if (!orders) return null;
      const activity = customerActivity(orders, Math.floor(asOf));
      if (isMetricError(activity)) return activity;
      return activity.ids
        .map((id, code) => ({ id, first: activity.firstDay[code], revenue: activity.revenue[code] }))
        .filter((c) => c.first >= start && c.first < end)
        .sort((a, b) => b.revenue - a.revenue || a.id.localeCompare(b.id));
    },
    silent: (asOf) => (orders ? silentCustomers(orders, { asOf }) : null),
  };
}
