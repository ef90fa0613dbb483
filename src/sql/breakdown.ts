/**
 * Breakdowns through SQL, as the engine's `breakdown` defines them: each key's metrics of the
 * period (to date) and of the period before (whole, or like for like), the share of the total for
 * flows, growth, sorting (errors last, ties by key) and a top N whose `Others` row is computed on
 * the other keys' rows together. Keys come from the orders when the metrics use them and the
 * orders have the dimension, else from the pipeline; side tables join a key in lower case, as the
 * engine's filter compares keys; a new customer counts for the key of their first order row.
 */
import type { MetricValue } from '../core/errors';
import { isMetricError, metricError } from '../core/errors';
import type { BreakdownResult, BreakdownRow } from '../core/analyses/breakdown';
import { OTHERS_KEY } from '../core/analyses/breakdown';
import type { MetricId, MetricWindow } from '../core/metrics';
import { getMetric, isOrderMetric } from '../core/metrics';
import type { Period } from '../core/periods';
import { formatDay, likeForLike, shiftPeriod } from '../core/periods';
import type { Dialect } from './dialect';
import type { RunGroups, SqlContext } from './evaluate';
import { evaluateRuns, statementsFor } from './evaluate';
import { BLANK_GROUP, FIRST_READ_DAY } from './orders-rows';
import type { SourceColumn, SqlSources } from './source';
import { dimensionSourceColumn } from './source';

export interface SqlBreakdownOptions {
  readonly dimension: string;
  readonly period: Period;
  readonly ids: readonly MetricId[];
  readonly top?: number;
  readonly likeForLike?: boolean;
}

interface Windows {
  readonly current: MetricWindow;
  readonly base: MetricWindow;
  readonly runs: readonly (readonly MetricWindow[])[];
}

function windowsOf(period: Period, asOf: number, lfl: boolean): Windows {
  const before = shiftPeriod(period, -1);
  const cut = lfl ? likeForLike(period, asOf) : undefined;
  if (!cut || !cut.current.partial)
    return { current: period, base: before, runs: [[shiftPeriod(period, -2), before, period]] };
  const current = {
    start: cut.current.start,
    end: cut.current.end,
    key: `${period.key} to ${formatDay(cut.current.end - 1)}`,
  };
  const base = {
    start: cut.previous.start,
    end: cut.previous.end,
    key: `${before.key} to ${formatDay(cut.previous.end - 1)}`,
  };
  return {
    current,
    base,
    runs: [
      [before, current],
      [shiftPeriod(period, -2), base],
    ],
  };
}

/** [previous, current] of one group's values (one run: its last two windows; two runs: each one's last). */
function pairOf(values: MetricValue[][][]): { previous: MetricValue[]; current: MetricValue[] } {
  if (values.length === 1) {
    const run = values[0];
    return { previous: run[run.length - 2], current: run[run.length - 1] };
  }
  return { current: values[0][values[0].length - 1], previous: values[1][values[1].length - 1] };
}

function change(current: MetricValue, base: MetricValue, basePeriod: MetricWindow): MetricValue {
  if (isMetricError(current)) return current;
  if (isMetricError(base)) return metricError(base.error, `${basePeriod.key}: ${base.reason}`);
  if (base === 0) return metricError('#DIV/0!', `0 in ${basePeriod.key}`);
  return current / base - 1;
}

function share(value: MetricValue, total: MetricValue, period: Period): MetricValue {
  if (isMetricError(value)) return value;
  if (isMetricError(total)) return total;
  return total === 0 ? metricError('#DIV/0!', `the total is 0 in ${period.key}`) : value / total;
}

function compareValues(a: MetricValue, b: MetricValue, sign: number): number {
  const aBad = isMetricError(a);
  const bBad = isMetricError(b);
  if (aBad || bBad) return aBad === bBad ? 0 : aBad ? 1 : -1;
  return a === b ? 0 : (a < b ? -1 : 1) * sign;
}

/** Pipeline keys with an opportunity created or closed in [start, end) (as the engine lists them). */
export function pipelineKeysSql(
  d: Dialect,
  sources: SqlSources,
  column: SourceColumn,
  start: number,
  end: number,
): string {
  const p = sources.pipeline!;
  const c = p.columns;
  const t = (col: SourceColumn | undefined) => (col ? d.epochTime(d.ident(col.name), col.type) : 'NULL');
  const inside = (x: string) => `(${x} >= ${start} AND ${x} < ${end})`;
  const key = `COALESCE(${d.label(d.ident(column.name), column.type)}, ${d.str(BLANK_GROUP)})`;
  return `SELECT DISTINCT ${key} AS k FROM ${p.relation} WHERE ${d.label(d.ident(c.status!.name), c.status!.type)} IS NOT NULL AND ${t(c.created)} >= ${FIRST_READ_DAY} AND (${inside(t(c.created))} OR ${inside(t(c.closed))})`;
}

/**
 * A breakdown of `period` by `dimension` through SQL.
 * @example await sqlBreakdown(ctx, { dimension: 'region', period, ids: ['revenue'], top: 5 })
 */
export async function sqlBreakdown(ctx: SqlContext, options: SqlBreakdownOptions): Promise<BreakdownResult> {
  const { ids, period, dimension } = options;
  const windows = windowsOf(period, ctx.asOf, options.likeForLike ?? false);
  const totals = pairOf((await evaluateRuns(ctx, ids, windows.runs)).byGroup.get('')!);
  const total = {
    values: totals.current,
    previous: totals.previous,
    growth: ids.map((_, m) => change(totals.current[m], totals.previous[m], windows.base)),
  };
  const compared = { current: windows.current, base: windows.base };
  const { orders, pipeline, spend } = ctx.sources;
  const ordersColumn = orders && dimensionSourceColumn('orders', orders, dimension);
  const pipelineColumn = pipeline && dimensionSourceColumn('pipeline', pipeline, dimension);
  const spendColumn = spend && dimensionSourceColumn('spend', spend, dimension);
  const usesOrders = ids.some((id) => isOrderMetric(id) || getMetric(id).table === 'spend');
  const fromOrders = usesOrders && ordersColumn !== undefined;
  if (!fromOrders && !pipelineColumn)
    return {
      dimension,
      period,
      ids,
      rows: [],
      total,
      ...compared,
      error: metricError('#N/A', `no column or role named '${dimension}'`),
    };
  // Tables without the dimension are left out of every key's figures.
  const keyed: SqlContext = {
    ...ctx,
    sources: {
      orders: ordersColumn ? orders : undefined,
      pipeline: pipelineColumn ? pipeline : undefined,
      spend: spendColumn ? spend : undefined,
    },
  };
  const groups = (only?: readonly string[]): RunGroups => ({
    orders: ordersColumn ? { column: ordersColumn, only } : undefined,
    pipeline: pipelineColumn ? { column: pipelineColumn, only } : undefined,
    spend: spendColumn ? { column: spendColumn, only } : undefined,
  });
  const evaluated = await evaluateRuns(keyed, ids, windows.runs, groups());
  const measured: {
    key: string;
    kind: BreakdownRow['kind'];
    current: MetricValue[];
    previous: MetricValue[];
  }[] = [];
  const push = (key: string, values: MetricValue[][][]) => {
    const pair = pairOf(values);
    measured.push({
      key,
      kind: key === BLANK_GROUP ? 'blank' : 'key',
      current: [...pair.current],
      previous: [...pair.previous],
    });
  };
  if (fromOrders) {
    for (const [key, perRun] of evaluated.rows) {
      if (!perRun.some((run) => run.some((n, w) => w > 0 && n > 0))) continue;
      push(key, evaluated.byGroup.get(key)!);
    }
  } else {
    const rows = await ctx.query(
      pipelineKeysSql(ctx.dialect, ctx.sources, pipelineColumn!, windows.base.start, windows.current.end),
    );
    for (const row of rows) {
      const key = String(row.k);
      push(key, evaluated.pipelineGroups.get(key.toLowerCase()) ?? evaluated.empty);
    }
  }
  const spendMetrics = spend !== undefined && ids.some((id) => getMetric(id).table === 'spend');
  const blank = spendMetrics ? measured.find((r) => r.kind === 'blank') : undefined;
  if (blank) {
    const none = metricError('#N/A', `spend without a ${dimension} is not attributed to any orders`);
    ids.forEach((id, m) => {
      if (getMetric(id).table !== 'spend') return;
      blank.current[m] = none;
      blank.previous[m] = none;
    });
  }
  const sortIndex = 0;
  measured.sort(
    (a, b) => compareValues(a.current[sortIndex], b.current[sortIndex], -1) || a.key.localeCompare(b.key),
  );
  let rows: ((typeof measured)[number] & { keys: string[] })[] = measured.map((r) => ({
    ...r,
    keys: [r.key],
  }));
  if (options.top !== undefined && options.top >= 0 && measured.length > options.top) {
    const tail = measured.slice(options.top).map((r) => r.key);
    const others = await evaluateRuns(keyed, ids, windows.runs, groups(tail));
    const values = fromOrders
      ? (others.byGroup.get(OTHERS_KEY) ?? others.empty)
      : (others.pipelineGroups.get(OTHERS_KEY.toLowerCase()) ?? others.empty);
    const pair = pairOf(values);
    rows = [
      ...rows.slice(0, options.top),
      { key: OTHERS_KEY, kind: 'others', keys: tail, current: pair.current, previous: pair.previous },
    ];
  }
  return {
    dimension,
    period,
    ids,
    total,
    ...compared,
    rows: rows.map((r) => ({
      key: r.key,
      kind: r.kind,
      keys: r.keys,
      values: r.current,
      previous: r.previous,
      share: ids.map((id, m) =>
        getMetric(id).kind === 'flow' ? share(r.current[m], total.values[m], period) : null,
      ),
      growth: ids.map((_, m) => change(r.current[m], r.previous[m], windows.base)),
    })),
  };
}

/**
 * The grouped statements of a breakdown (per key; the totals are the suite's), for printing.
 * @example breakdownStatements(ctx, { dimension: 'region', period, ids }).orders // 'WITH …'
 */
export function breakdownStatements(
  ctx: Omit<SqlContext, 'query'>,
  options: SqlBreakdownOptions,
): { orders?: string; pipeline?: string } {
  const windows = windowsOf(options.period, ctx.asOf, options.likeForLike ?? false);
  const { orders, pipeline, spend } = ctx.sources;
  const ordersColumn = orders && dimensionSourceColumn('orders', orders, options.dimension);
  const pipelineColumn = pipeline && dimensionSourceColumn('pipeline', pipeline, options.dimension);
  const spendColumn = spend && dimensionSourceColumn('spend', spend, options.dimension);
  const sources = {
    orders: ordersColumn ? orders : undefined,
    pipeline: pipelineColumn ? pipeline : undefined,
    spend: spendColumn ? spend : undefined,
  };
  return statementsFor({ ...ctx, sources }, options.ids, windows.runs, {
    orders: ordersColumn ? { column: ordersColumn } : undefined,
    pipeline: pipelineColumn ? { column: pipelineColumn } : undefined,
    spend: spendColumn ? { column: spendColumn } : undefined,
  });
}
