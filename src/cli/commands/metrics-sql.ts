/**
 * `sales-metrics metrics --engine duckdb FILE` and `metrics --db URL --table NAME`: the same figures
 * and the same document as `metrics` on a file, computed by the database (docs/sql.md). Rows read
 * and used are counted by the database; there is no per-row issue list (a row whose required cells
 * cannot be read is counted as skipped).
 */
import type { AsOfChoice, DataDates, TableDates } from '../../core/data-range';
import type { MetricValue } from '../../core/errors';
import type { BreakdownResult } from '../../core/analyses/breakdown';
import type { MetricId } from '../../core/metrics';
import { CONVERSION_CLOSE_SHARE, METRICS, getMetric, metricIdFromText } from '../../core/metrics';
import type { Period } from '../../core/periods';
import { formatDay, lastPeriods } from '../../core/periods';
import { sqlBreakdown } from '../../sql/breakdown';
import type { SqlContext } from '../../sql/evaluate';
import { stageOrders } from '../../sql/evaluate';
import { conversionRuleSql } from '../../sql/pipeline-query';
import { numberOf } from '../../sql/results';
import { rowsAfterSql, tableStatsSql } from '../../sql/source-stats';
import { sqlSuite } from '../../sql/suite';
import type { ParsedArgs } from '../args';
import {
  booleanFlag,
  calendarFlags,
  givenAsOf,
  integerFlag,
  listFlag,
  periodFlag,
  stringFlag,
  today,
} from '../args';
import { usageError } from '../errors';
import { toJson } from '../format';
import type { CliIO } from '../io';
import { progressOn } from '../io';
import type { OpenedTable } from '../sql-route';
import { cliErrorOf, openSqlInputs, sqlContextOf } from '../sql-route';
import { breakdownIds } from './metrics-breakdowns';
import type { FileJson, MetricsDocument } from './metrics-json';
import { metricsDocument, rowsJson } from './metrics-json';

/** How the document is printed as text (the `metrics` command's own renderer). */
export type MetricsText = (
  doc: MetricsDocument,
  ids: readonly MetricId[],
  periods: readonly Period[],
  asOf: number,
) => string;

interface TableCounts {
  readonly table: OpenedTable;
  readonly read: number;
  readonly used: number;
  readonly first: number | null;
  readonly last: number | null;
  afterAsOf: number;
}

/** The metrics whose tables are there, in catalogue order (or the `--metrics` selection). */
export function selectMetricIds(has: Record<string, boolean>, selection: string | undefined): MetricId[] {
  if (selection === undefined)
    return METRICS.filter((m) => m.requires.every((r) => has[r.table])).map((m) => m.id);
  return selection.split(',').map((text) => {
    const id = metricIdFromText(text.trim());
    if (!id)
      throw usageError(
        `--metrics: unknown metric "${text.trim()}" (known: ${METRICS.map((m) => m.id).join(', ')})`,
      );
    return id;
  });
}

/** Runs `metrics` through SQL and prints the document. */
export async function runMetricsSql(args: ParsedArgs, io: CliIO, render: MetricsText): Promise<void> {
  const quiet = booleanFlag(args, 'quiet');
  const progress = progressOn(io, quiet);
  const unit = periodFlag(args, 'month');
  const count = integerFlag(args, 'last', 1, 10000) ?? 12;
  const given = givenAsOf(args);
  const calendar = calendarFlags(args);
  const by = listFlag(args, 'by').map((d) => d.trim());
  const selection = stringFlag(args, 'metrics');
  const inputs = await openSqlInputs(args, progress, io.cwd);
  const { engine, sources } = inputs;
  try {
    const counts: TableCounts[] = [];
    for (const table of inputs.tables) {
      progress.stage(`counting the rows of ${table.kind}`);
      const [row] = await engine.query(tableStatsSql(engine.dialect, table.kind, table.discovered.source));
      counts.push({
        table,
        read: numberOf(row.read) ?? 0,
        used: numberOf(row.used) ?? 0,
        first: numberOf(row.first),
        last: numberOf(row.last),
        afterAsOf: 0,
      });
    }
    const ordersCount = counts.find((c) => c.table.kind === 'orders');
    const latest = ordersCount ? ordersCount.last : Math.max(...counts.map((c) => c.last ?? -Infinity));
    const asOf: AsOfChoice =
      given !== undefined
        ? { day: given, source: 'given' }
        : latest !== null && Number.isFinite(latest)
          ? { day: latest, source: 'data' }
          : { day: today(io), source: 'today' };
    for (const c of counts) {
      const [row] = await engine.query(
        rowsAfterSql(engine.dialect, c.table.kind, c.table.discovered.source, asOf.day),
      );
      c.afterAsOf = numberOf(row.after) ?? 0;
    }
    const has = { orders: !!sources.orders, pipeline: !!sources.pipeline, spend: !!sources.spend };
    const ids = selectMetricIds(has, selection);
    const unstaged = await sqlContextOf(engine, sources, asOf.day, calendar);
    // With breakdowns the orders are read once into temporary tables that every statement reads,
    // with the columns of the dimensions asked for (docs/sql.md "Performance"); the suite alone
    // reads them once anyway.
    const { ctx, release } =
      by.length > 0
        ? await stageOrders(unstaged, (sql) => engine.run(sql), { dimensions: by })
        : { ctx: unstaged, release: async () => undefined };
    const periods = lastPeriods(asOf.day, unit, count, calendar);
    progress.stage(
      `computing ${ids.length} metrics for ${periods.length} ${unit}${periods.length === 1 ? '' : 's'} to ${formatDay(asOf.day)} in the database`,
    );
    const suite = await sqlSuite(ctx, ids, periods);
    const breakdowns: Record<string, BreakdownResult> = {};
    if (by.length > 0) {
      const last = periods[periods.length - 1];
      const byIds = breakdownIds(has as never, selection === undefined ? undefined : ids);
      for (const dimension of by) {
        progress.stage(`breaking down ${last.key} by ${dimension}`);
        const result = await sqlBreakdown(ctx, {
          dimension,
          period: last,
          ids: byIds,
          top: integerFlag(args, 'top', 1, 100000),
        });
        if (result.error && typeof result.error !== 'number')
          throw usageError(`--by ${dimension}: ${result.error.reason}`);
        breakdowns[dimension] = result;
      }
    }
    const notes = await sqlNotes(ctx, ids, Object.values(breakdowns));
    await release();
    const dates: DataDates = Object.fromEntries(
      counts.map((c) => [c.table.kind, tableDatesOf(c)]),
    ) as DataDates;
    const files: FileJson[] = counts.map((c) => ({
      kind: c.table.kind,
      path: c.table.label,
      rows: { read: c.read, used: c.used - c.afterAsOf, skipped: c.read - c.used, afterAsOf: c.afterAsOf },
      dataRange:
        c.first === null || c.last === null ? null : { first: formatDay(c.first), last: formatDay(c.last) },
      issues: 0,
      issuesNotListed: 0,
      notes: c.table.discovered.notes,
    }));
    const document: MetricsDocument = {
      ...metricsDocument({
        rows: rowsJson(files.map((f) => f.rows)),
        issues: [],
        mapping: inputs.mapping,
        periods: periods.map((period, p) => ({ period, values: suite.values[p], changes: suite.changes[p] })),
        ids,
        breakdowns,
        totals: suite.totals as MetricValue[],
        files,
        asOf,
        dates,
      }),
      ...(notes.length ? { notes } : {}),
    };
    io.stdout(booleanFlag(args, 'json') ? toJson(document) : render(document, ids, periods, asOf.day));
  } catch (error) {
    throw cliErrorOf(error, [process.env.PGPASSWORD, stringFlag(args, 'db')]);
  } finally {
    await engine.close();
  }
}

function tableDatesOf(c: TableCounts): TableDates {
  return {
    range: c.first === null || c.last === null ? null : { first: c.first, last: c.last },
    afterAsOf: c.afterAsOf,
  };
}

/** The lead-conversion rule and the spread of spend, in words (as `metricNotes` says them). */
async function sqlNotes(
  ctx: SqlContext,
  ids: readonly MetricId[],
  breakdowns: readonly BreakdownResult[],
): Promise<string[]> {
  const all = new Set<MetricId>([...ids, ...breakdowns.flatMap((b) => b.ids)]);
  const notes: string[] = [];
  if (ctx.sources.pipeline && all.has('conversion_rate')) {
    const [row] = await ctx.query(conversionRuleSql(ctx.dialect, ctx.sources.pipeline, ctx.asOf));
    const closeDays = numberOf(row?.close_days);
    const closed = numberOf(row?.closed) ?? 0;
    notes.push(
      closeDays === null
        ? 'lead conversion counts every lead: no deal has closed yet to measure how long deals take'
        : `lead conversion counts the leads created by ${formatDay(ctx.asOf - closeDays)} (${closeDays} days before ` +
            `${formatDay(ctx.asOf)}): ${Math.round(CONVERSION_CLOSE_SHARE * 100)} % of the ${closed.toLocaleString('en-US')} deals closed to date closed within ${closeDays} days`,
    );
  }
  if (ctx.sources.spend && [...all].some((id) => getMetric(id).table === 'spend'))
    notes.push(
      'marketing spend is spread over the days each row covers (its period, its end date, or the unit its dates are given in)',
    );
  return notes;
}
