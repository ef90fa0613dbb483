/**
 * The pipeline forecast and the quota leaderboard of a build through SQL, made by the same
 * `pipelineForecast` as on a workbook: the pipeline table's deals are read into memory (one SELECT
 * of its mapped columns, `src/sql/pipeline-deals.ts`, ingested as a sheet of them would be), while
 * the orders stay in the database: the revenue of the quota periods to date, in all and per rep,
 * is added up there (`src/sql/rep-revenue.ts`).
 */
import type { Goal } from '../core/goals';
import { repQuotas } from '../core/goals/quota';
import { ingestPipeline } from '../core/ingest';
import type { Calendar, Period } from '../core/periods';
import { periodOf } from '../core/periods';
import type { OrdersRevenue, PipelineForecast, PipelineSettings } from '../core/pipeline';
import { pipelineForecast, repKey, teamQuota } from '../core/pipeline';
import type { Mapping, PipelineTable } from '../core/table';
import type { SqlEngine } from '../engines/engine';
import { pipelineDealsCells, pipelineDealsSql } from '../sql/pipeline-deals';
import { repRevenueFromRows, repRevenueSql } from '../sql/rep-revenue';
import type { OrdersSource, PipelineSource } from '../sql/source';
import type { Progress } from './io';
import type { SqlInputs } from './sql-route';

/**
 * The pipeline table's deals, when the inputs have one, read from the database into the table a
 * sheet of the same columns gives (mapped as the table was); what ingestion noted is warned on
 * `progress`. Undefined without a pipeline table or a usable deal.
 * @example (await sqlPipelineDealsOf(inputs, progress))?.length // 240
 */
export async function sqlPipelineDealsOf(
  inputs: SqlInputs,
  progress: Progress,
): Promise<PipelineTable | undefined> {
  const pipeline = inputs.sources.pipeline;
  const table = inputs.tables.find((t) => t.kind === 'pipeline');
  if (!pipeline || !table) return undefined;
  const deals = await sqlPipelineDeals(inputs.engine, pipeline, table.discovered.mapping);
  for (const note of deals.notes) progress.warn(note);
  return deals.table;
}

/** The deals of `pipeline` (`mapping`: role → column) and what ingestion noted. */
async function sqlPipelineDeals(
  engine: SqlEngine,
  pipeline: PipelineSource,
  mapping: Mapping,
): Promise<{ table?: PipelineTable; notes: readonly string[] }> {
  const query = pipelineDealsSql(engine.dialect, pipeline, mapping);
  const read = new Set(query.headers);
  const mapped: Record<string, string> = {};
  for (const [role, header] of Object.entries(mapping)) if (header && read.has(header)) mapped[role] = header;
  const cells = pipelineDealsCells(query, await engine.query(query.sql));
  const result = ingestPipeline(cells, { mapping: mapped as Mapping, headerRow: 0 });
  if (!result.table) return { notes: [`pipeline: ${result.error ?? 'no usable deals'}`] };
  return { table: result.table, notes: [] };
}

/**
 * The orders' revenue over each of `ranges` ([start, end) day pairs), added up in the database,
 * as the forecast reads it; asking for another range is an error.
 */
async function sqlOrdersRevenue(
  engine: SqlEngine,
  orders: OrdersSource,
  ranges: readonly (readonly [number, number])[],
): Promise<OrdersRevenue> {
  const names = new Map<string, Map<string, number>>();
  const byRep = new Map<string, Map<string, number>>();
  for (const [start, end] of ranges) {
    const key = `${start}|${end}`;
    if (names.has(key)) continue;
    const revenue = repRevenueFromRows(await engine.query(repRevenueSql(engine.dialect, orders, start, end)));
    names.set(key, revenue);
    const sums = new Map<string, number>();
    for (const [name, amount] of revenue) sums.set(repKey(name), (sums.get(repKey(name)) ?? 0) + amount);
    byRep.set(key, sums);
  }
  const of = <T>(map: Map<string, T>, start: number, end: number): T => {
    const found = map.get(`${start}|${end}`);
    if (found === undefined) throw new Error(`the orders' revenue from day ${start} to ${end} was not read`);
    return found;
  };
  return {
    total: (start, end) => [...of(names, start, end).values()].reduce((sum, amount) => sum + amount, 0),
    ...(orders.columns.rep ? { byRep: (start: number, end: number) => of(byRep, start, end) } : {}),
    reps: (start, end) => [...of(names, start, end).keys()].filter((name) => name !== ''),
  };
}

/**
 * The forecast as of `asOf`, as `pipelineForecast` makes it on a workbook, with the orders in the
 * database and the pipeline's deals (when there is a pipeline table) in memory; undefined with
 * neither a pipeline nor a quota per rep holding the day.
 * @example await sqlQuotaForecast(engine, orders, { goals, teamGoals: overallGoals(goals) }, asOf, calendar, {}, deals)
 */
export async function sqlQuotaForecast(
  engine: SqlEngine,
  orders: OrdersSource,
  quotas: { readonly goals: readonly Goal[]; readonly teamGoals: readonly Goal[] },
  asOf: number,
  calendar: Calendar,
  settings: PipelineSettings,
  pipeline?: PipelineTable,
): Promise<PipelineForecast | undefined> {
  const day = Math.floor(asOf);
  const quotaLines = repQuotas(quotas.goals, day);
  if (!pipeline && quotaLines.length === 0) return undefined;
  // The ranges `pipelineForecast` reads: the team's period and each quota's, to the as-of day.
  const period = teamQuota(quotas.teamGoals, day)?.period ?? periodOf(day, 'quarter', calendar);
  const cutOf = (p: Period) => Math.min(p.end, Math.max(p.start, day + 1));
  const ranges = [period, ...quotaLines.map((q) => q.period)].map((p) => [p.start, cutOf(p)] as const);
  const revenue = await sqlOrdersRevenue(engine, orders, ranges);
  return pipelineForecast(pipeline ? { pipeline } : {}, quotas, day, calendar, settings, revenue);
}
