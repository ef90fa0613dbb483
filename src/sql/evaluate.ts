/**
 * Runs of windows → statements → the engine's values. `evaluateRuns` is the SQL route's
 * `computeWindows`: given runs (window 0 of each is the one before), it writes the orders and the
 * pipeline statements, has the database run them through `query`, and reads the rows back into
 * values[s][k − 1][metric] per group. Nothing here does I/O itself: `query` is the caller's.
 */
import type { MetricValue } from '../core/errors';
import type {
  MarketingMetricId,
  MetricId,
  MetricWindow,
  OrderMetricId,
  PipelineMetricId,
} from '../core/metrics';
import { isOrderMetric, isPipelineMetric } from '../core/metrics';
import type { Calendar } from '../core/periods';
import { DEFAULT_CALENDAR } from '../core/periods';
import type { Dialect } from './dialect';
import type { GroupBy } from './orders-rows';
import { EMPTY_GROUP } from './orders-rows';
import { ordersQuerySql } from './orders-query';
import { pipelineQuerySql } from './pipeline-query';
import type { ResultRow } from './results';
import { numberOf, readValues } from './results';
import type { SqlSources } from './source';
import type { StagedOrders, StagingOptions } from './staging';
import { groupColumnsOf, stagingStatements, unstagingStatements } from './staging';
import { planWindows } from './windows';

/** Runs one statement and returns its rows (the caller's database connection). */
export type RunQuery = (sql: string) => Promise<readonly ResultRow[]>;

export interface SqlContext {
  readonly dialect: Dialect;
  readonly sources: SqlSources;
  readonly asOf: number;
  readonly calendar?: Calendar;
  readonly lifespanCapYears?: number;
  /** Period keys of the spend table read into spans (see `spend.ts`). */
  readonly spendPeriods?: ReadonlyMap<string, readonly [number, number]>;
  readonly query: RunQuery;
  /** Called with every statement before it runs (the `sql` command and tests read them here). */
  readonly onStatement?: (sql: string) => void;
  /** The orders source's staged tables (`stageOrders`), read instead of the source when they match it. */
  readonly staged?: StagedOrders;
}

/** A breakdown's grouping: the orders' key and the side tables' keys (compared in lower case). */
export interface RunGroups {
  readonly orders?: GroupBy;
  readonly pipeline?: GroupBy;
  readonly spend?: GroupBy;
}

export interface EvaluatedRuns {
  /** Values per orders group key ('' for the whole business): values[s][k − 1][metric]. */
  readonly byGroup: Map<string, MetricValue[][][]>;
  /** Values of a key no row has (every table empty for it). */
  readonly empty: MetricValue[][][];
  /** Rows (lines, refunds included) of each orders group per run and window: presence in a breakdown. */
  readonly rows: Map<string, number[][]>;
  /** Pipeline group keys (lower case) with their values, for breakdowns whose keys come from the pipeline. */
  readonly pipelineGroups: Map<string, MetricValue[][][]>;
}

/** The statements for `ids` over `runs` (orders first, then the pipeline), without running them. */
export function statementsFor(
  ctx: Omit<SqlContext, 'query'>,
  ids: readonly MetricId[],
  runs: readonly (readonly MetricWindow[])[],
  groups?: RunGroups,
): { orders?: string; pipeline?: string } {
  const windows = planWindows(runs, ctx.asOf);
  const orderIds = ids.filter((id) => !isPipelineMetric(id)) as (OrderMetricId | MarketingMetricId)[];
  const pipelineIds = ids.filter(isPipelineMetric) as PipelineMetricId[];
  const { orders, pipeline, spend } = ctx.sources;
  const out: { orders?: string; pipeline?: string } = {};
  if (orders && orderIds.length && (!groups || groups.orders))
    out.orders = ordersQuerySql({
      dialect: ctx.dialect,
      orders,
      spend: groups && !groups.spend ? undefined : spend,
      asOf: ctx.asOf,
      calendar: ctx.calendar ?? DEFAULT_CALENDAR,
      ids: orderIds,
      windows,
      group: groups?.orders ? { orders: groups.orders, spend: groups.spend } : undefined,
      lifespanCapYears: ctx.lifespanCapYears,
      spendPeriods: ctx.spendPeriods,
      staged: stagedFor(ctx, groups?.orders),
    });
  if (pipeline && pipelineIds.length && (!groups || groups.pipeline))
    out.pipeline = pipelineQuerySql({
      dialect: ctx.dialect,
      pipeline,
      asOf: ctx.asOf,
      ids: pipelineIds,
      windows,
      group: groups?.pipeline,
    });
  return out;
}

/** `ctx`'s staged orders where they hold the rows of its orders source and the column `group` reads. */
function stagedFor(ctx: Omit<SqlContext, 'query'>, group?: GroupBy): StagedOrders | undefined {
  const staged = ctx.staged;
  if (!staged || staged.source !== ctx.sources.orders || staged.asOf !== Math.floor(ctx.asOf))
    return undefined;
  return !group || staged.groupColumns.includes(group.column.name) ? staged : undefined;
}

function indexRows(rows: readonly ResultRow[]): Map<string, Map<string, ResultRow>> {
  const out = new Map<string, Map<string, ResultRow>>();
  for (const row of rows) {
    const g = String(row.g ?? '');
    let byWindow = out.get(g);
    if (!byWindow) out.set(g, (byWindow = new Map()));
    byWindow.set(`${numberOf(row.s)}|${numberOf(row.w)}`, row);
  }
  return out;
}

/**
 * The SQL route's `computeWindows` for several runs at once, per group.
 * @example (await evaluateRuns(ctx, ['revenue'], [[prev, period]])).byGroup.get('')![0][0][0] // revenue of `period`
 */
export async function evaluateRuns(
  ctx: SqlContext,
  ids: readonly MetricId[],
  runs: readonly (readonly MetricWindow[])[],
  groups?: RunGroups,
): Promise<EvaluatedRuns> {
  const windows = planWindows(runs, ctx.asOf);
  const statements = statementsFor(ctx, ids, runs, groups);
  const run = async (sql: string | undefined) => {
    if (!sql) return new Map<string, Map<string, ResultRow>>();
    ctx.onStatement?.(sql);
    return indexRows(await ctx.query(sql));
  };
  const orderRows = await run(statements.orders);
  const pipelineRows = await run(statements.pipeline);
  let closeDays: number | null | undefined;
  for (const byWindow of pipelineRows.values())
    for (const row of byWindow.values()) closeDays = numberOf(row.close_days);
  const fold = (g: string) => (groups ? g.toLowerCase() : g);
  const rowAt = (g: string) => (s: number, w: number) => {
    const key = `${s}|${w}`;
    const o = orderRows.get(g)?.get(key) ?? orderRows.get(EMPTY_GROUP)?.get(key);
    const p = pipelineRows.get(fold(g))?.get(key) ?? pipelineRows.get(EMPTY_GROUP)?.get(key);
    return o && p ? { ...o, ...p } : (o ?? p);
  };
  const read = (g: string) => readValues(ids, windows, ctx.sources, rowAt(g), { closeDays });
  const byGroup = new Map<string, MetricValue[][][]>();
  const rows = new Map<string, number[][]>();
  const orderGroups = groups ? [...orderRows.keys()].filter((g) => g !== EMPTY_GROUP) : [''];
  for (const g of orderGroups) {
    byGroup.set(g, read(g));
    const perRun: number[][] = [];
    for (const window of windows) {
      (perRun[window.s] ??= [])[window.w] =
        numberOf(orderRows.get(g)?.get(`${window.s}|${window.w}`)?.nrows) ?? 0;
    }
    rows.set(g, perRun);
  }
  const pipelineGroups = new Map<string, MetricValue[][][]>();
  for (const g of pipelineRows.keys()) if (g !== EMPTY_GROUP) pipelineGroups.set(g, read(g));
  return { byGroup, empty: read(EMPTY_GROUP), rows, pipelineGroups };
}

let stagings = 0;

/**
 * `ctx` with its orders source staged: read once into temporary tables (`staging.ts`) by `run`, so
 * the statements that follow read those instead of the source. `release` drops them. Without an
 * orders source, `ctx` as it is.
 * @example const { ctx: staged, release } = await stageOrders(ctx, (sql) => db.run(sql)); await sqlSuite(staged, ids, periods); await release();
 */
export async function stageOrders(
  ctx: SqlContext,
  run: (sql: string) => Promise<void>,
  options: StagingOptions = {},
): Promise<{ ctx: SqlContext; release: () => Promise<void> }> {
  const orders = ctx.sources.orders;
  if (!orders) return { ctx, release: async () => undefined };
  const n = ++stagings;
  const hasOrderId = orders.columns.order_id !== undefined;
  const table = (name: string) => `sm_staged_${name}_${n}`;
  const staged: StagedOrders = {
    source: orders,
    asOf: Math.floor(ctx.asOf),
    rows: table('rows'),
    groupColumns: groupColumnsOf(orders, options.dimensions),
    life: table('life'),
    days: table('days'),
    totals: {
      daily: table('daily'),
      buyers: table('buyers'),
      orderDays: hasOrderId ? table('order_days') : undefined,
      spanning: hasOrderId ? table('spanning') : undefined,
      gaps: table('gaps'),
      marks: table('marks'),
      longGaps: table('long_gaps'),
    },
  };
  for (const sql of stagingStatements(
    ctx.dialect,
    orders,
    ctx.asOf,
    { ...staged, work: table('work') },
    options,
  )) {
    ctx.onStatement?.(sql);
    await run(sql);
  }
  const release = async () => {
    for (const sql of unstagingStatements(staged)) await run(sql);
  };
  return { ctx: { ...ctx, staged }, release };
}

/** Orders metrics are read from the orders statement; the others need no orders. */
export function needsOrders(ids: readonly MetricId[]): boolean {
  return ids.some((id) => isOrderMetric(id) || !isPipelineMetric(id));
}
