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
import type { GoalScope } from '../core/goals';
import type { MetricId, MetricInputs, MetricOptions, MetricWindow } from '../core/metrics';
import { computeSuite, computeWindows, filterInputs } from '../core/metrics';
import { firstDay } from '../core/analyses/period-forecast';
import type { Period } from '../core/periods';

/** A customer whose first order falls in a window, with their revenue to date. */
export interface FirstOrder {
  readonly id: string;
  readonly first: number;
  readonly revenue: number;
}

/** The tables figures are computed from. */
export type FigureTable = 'orders' | 'pipeline' | 'spend';

export interface PlanFigures {
  /** True when the orders have a customer column. */
  readonly customers: boolean;
  /** The first day of the data (orders, else pipeline, else spend); undefined without dated rows. */
  readonly firstDay: number | undefined;
  /** Where the figures were computed, in words for the sheets (absent: the add-in's engine). */
  readonly computedIn?: string;
  /** True when the table is there to compute from. */
  hasTable(table: FigureTable): boolean;
  /** The table's first date (orders: order date, pipeline: created date, spend: date), floored. */
  firstDayOf(table: FigureTable): number | undefined;
  /** `computeSuite(…).values`: values[period][metric]. */
  suite(ids: readonly MetricId[], periods: readonly Period[], options: MetricOptions): MetricValue[][];
  /**
   * The values of the last window of a run of two (the first is the window before); with a scope,
   * over the part of the business of that rep and region (`filterInputs`).
   */
  windows(
    ids: readonly MetricId[],
    run: readonly MetricWindow[],
    options: MetricOptions,
    scope?: GoalScope,
  ): MetricValue[];
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
  const firstDays = new Map<FigureTable, number | undefined>();
  const scoped = new Map<string, MetricInputs>();
  // A rep's and a region's part of the business, filtered once.
  const inputsFor = (scope: GoalScope | undefined): MetricInputs => {
    if (!scope || (scope.rep === undefined && scope.region === undefined)) return inputs;
    const key = `${scope.rep ?? ''}\u0000${scope.region ?? ''}`;
    let found = scoped.get(key);
    if (!found) {
      found = inputs;
      if (scope.rep !== undefined) found = filterInputs(found, { dimension: 'rep', keys: [scope.rep] });
      if (scope.region !== undefined)
        found = filterInputs(found, { dimension: 'region', keys: [scope.region] });
      scoped.set(key, found);
    }
    return found;
  };
  return {
    customers: !!orders?.customer,
    // Read only when an outlook asks (a scan of every date).
    get firstDay() {
      return (first ??= { day: firstDay(inputs) }).day;
    },
    hasTable: (table) => inputs[table] !== undefined,
    firstDayOf(table) {
      if (!firstDays.has(table)) firstDays.set(table, firstDateOf(inputs, table));
      return firstDays.get(table);
    },
    suite: (ids, periods, options) => computeSuite(inputs, ids, periods, options).values,
    windows: (ids, run, options, scope) =>
      computeWindows(inputsFor(scope), ids, run, options)[run.length - 2],
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

/** The earliest date of a table (orders by order date, the pipeline by created date), floored. */
function firstDateOf(inputs: MetricInputs, table: FigureTable): number | undefined {
  const dates =
    table === 'orders'
      ? inputs.orders?.date
      : table === 'pipeline'
        ? inputs.pipeline?.created
        : inputs.spend?.date;
  let first = Infinity;
  if (dates) for (let i = 0; i < dates.length; i++) if (dates[i] < first) first = dates[i];
  return Number.isFinite(first) ? Math.floor(first) : undefined;
}
