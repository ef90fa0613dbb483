/**
 * `sales-metrics build --engine duckdb big.parquet` and `build --db postgres://… --table T`: the
 * same Dashboard and Review sheets as `build`, their figures computed where the data is (docs/sql.md).
 * The workbook gets no Data sheet and no formulas over one: every figure is a value, and the
 * sheets say where it was computed. The database's password is never written: sources are named
 * by host, database and table only.
 */
import ExcelJS from 'exceljs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { AsOfChoice } from '../core/data-range';
import { reviewDay } from '../core/data-range';
import type { MetricId } from '../core/metrics';
import { formatDay, periodOf } from '../core/periods';
import { configSheetPlan } from '../sheets/config';
import { refreshRecord, withBuildSettings, withRefresh } from '../sheets/config-records';
import { buildDashboardPlan, DASHBOARD_SHEET } from '../sheets/dashboard';
import type { PlanFigures } from '../sheets/figures';
import type { SheetPlan } from '../sheets/plan';
import { buildReviewPlan, reviewSheetName } from '../sheets/review';
import type { FigureTable } from '../sheets/figures';
import type { FigureTraits } from './sql-figures';
import { layOutWithSql } from './sql-figures';
import { sqlPipelineDealsOf, sqlQuotaForecast } from './sql-quota';
import { pipelineFlags } from './pipeline-flags';
import { pipelineSettingsOf } from '../sheets/pipeline-settings';
import { numberOf } from '../sql/results';
import { dimensionSourceColumn } from '../sql/source';
import { rowsAfterSql, tableStatsSql } from '../sql/source-stats';
import type { Goal } from '../core/goals';
import {
  activeGoalTracking,
  benchmarkLines,
  chosenCurrency,
  industrySet,
  kpiSchedule,
  kpiTargets,
  overallGoals,
  REVIEW_METRICS,
  stampDay,
  targetGoals,
  weeklyGoals,
  withOrdersSource,
  withSavedChoices,
} from '../workflows';
import { withGivenPipelineSettings } from '../workflows/pipeline';
import { FileWorkbookPort } from '../xlsx/file-port';
import type { ParsedArgs } from './args';
import {
  booleanFlag,
  calendarFlags,
  currencyFlag,
  givenWorkbookAsOf,
  integerFlag,
  periodFlag,
  stringFlag,
  today,
} from './args';
import { usageError } from './errors';
import { sideLoadOptions } from './inputs';
import { loadTable } from './load';
import type { CliIO } from './io';
import { progressOn } from './io';
import { refreshStamp } from './job';
import { lockWorkbook } from './lock';
import { checkExistingOutput, prepareOutput } from './output';
import { backUp, ensureWritable, replaceFile, writeTarget } from './safe-write';
import { cliErrorOf, openSqlSpec, sqlContextOf, sqlSpecOf } from './sql-route';
import { stageOrders } from '../sql/evaluate';
import { sqlSourceRecord, withSqlSource } from './saved-sql-source';

/** Flags of `build` that have no meaning here (every figure is a value; tables are not sheets). */
const NOT_ON_SQL_ROUTE = ['values-only', 'sheet'] as const;
/** The dashboard's breakdowns, when the orders have the column (as `build` picks them). */
const DIMENSIONS = ['region', 'rep', 'product', 'category', 'channel'] as const;

/** The KPIs `build` shows for these tables (`defaultKpis`, read from the mapped columns). */
function kpisOf(columns: Record<string, unknown>, pipeline: boolean): MetricId[] {
  const ids: MetricId[] = ['revenue', 'orders', 'aov'];
  if (columns.customer) ids.push('customers', 'new_customers', 'retention_rate', 'repeat_rate');
  if (columns.cost || columns.profit) ids.push('gross_margin');
  if (pipeline) ids.push('win_rate', 'pipeline_value');
  return ids;
}

/** Runs `build` through SQL and writes the workbook. */
export async function runBuildSql(args: ParsedArgs, io: CliIO): Promise<void> {
  for (const flag of NOT_ON_SQL_ROUTE)
    if (args.values[flag] !== undefined)
      throw usageError(
        `--${flag} is not available with --engine or --db: the dashboard is built from the figures the database computes, as values`,
      );
  const url = stringFlag(args, 'db');
  const positional = args.positionals[0];
  if (!url && !positional) throw usageError('build --engine duckdb needs one input file (.parquet or .csv)');
  if (url && !stringFlag(args, 'table')) throw usageError('build --db needs the orders table: --table NAME');
  const tableName = stringFlag(args, 'table');
  const defaultOut = url
    ? join(io.cwd, `${(tableName ?? 'orders').replace(/[^\w.-]+/g, '_')}-dashboard.xlsx`)
    : join(
        dirname(resolve(io.cwd, positional!)),
        `${basename(positional!, extname(positional!))}-dashboard.xlsx`,
      );
  const out = resolve(io.cwd, stringFlag(args, 'out') ?? defaultOut);
  if (!/\.xlsx$/i.test(out)) throw usageError(`--out must name an .xlsx file, got "${out}"`);
  const force = booleanFlag(args, 'force');
  const unit = periodFlag(args, 'month');
  const periods = integerFlag(args, 'periods', 2, 120) ?? 12;
  const calendar = calendarFlags(args);
  const givenDay = givenWorkbookAsOf(args);
  const currencyChoice = currencyFlag(args);
  const givenPipeline = pipelineFlags(args);
  const waitMs = (integerFlag(args, 'wait', 0, 3600) ?? 60) * 1000;
  const industryId = stringFlag(args, 'industry');
  const industry = industrySet(industryId);
  if (industryId !== undefined && !industry)
    throw usageError(`--industry: unknown industry "${industryId}" (run "sales-metrics benchmarks")`);
  const progress = progressOn(io, booleanFlag(args, 'quiet'));
  const targetsPath = stringFlag(args, 'targets');
  const goals: Goal[] = targetsPath
    ? targetGoals(
        (await loadTable('targets', targetsPath, sideLoadOptions(args, 'targets'), io, progress)).table,
        (message) => progress.stage(message),
        calendar,
      )
    : [];
  const target = await writeTarget(out);
  if (target.existing) await ensureWritable(target, 'replace it');
  const secrets = [process.env.PGPASSWORD, url];
  const spec = sqlSpecOf(args, io.cwd);
  const inputs = await openSqlSpec(spec, progress);
  const { engine, sources } = inputs;
  try {
    const orders = sources.orders;
    const table = inputs.tables.find((t) => t.kind === 'orders');
    if (!orders || !table) throw usageError('build needs an orders table');
    // As-of day: given, else the orders' latest usable date, as `metrics` on the SQL route.
    const [stats] = await engine.query(tableStatsSql(engine.dialect, 'orders', orders));
    const last = numberOf(stats.last);
    const asOf: AsOfChoice =
      givenDay !== undefined
        ? { day: givenDay, source: 'given' }
        : last !== null
          ? { day: last, source: 'data' }
          : { day: today(io), source: 'today' };
    const [after] = await engine.query(rowsAfterSql(engine.dialect, 'orders', orders, asOf.day));
    const ctx = await sqlContextOf(engine, sources, asOf.day, calendar);
    const where = url ? `PostgreSQL from ${table.label}` : `DuckDB from ${table.label}`;
    const firstDays: Partial<Record<FigureTable, number | undefined>> = {};
    for (const t of inputs.tables) {
      const [row] =
        t.kind === 'orders'
          ? [stats]
          : await engine.query(tableStatsSql(engine.dialect, t.kind, t.discovered.source));
      firstDays[t.kind] = numberOf(row.first) ?? undefined;
    }
    const traits: FigureTraits = {
      orders: true,
      customers: orders.columns.customer !== undefined,
      firstDay: numberOf(stats.first) ?? undefined,
      tables: firstDays,
      computedIn: `computed in ${where}`,
    };
    const label = url ? table.label : basename(table.label);
    const refreshedAt = refreshStamp(io.now());
    const workbook = new ExcelJS.Workbook();
    const port = FileWorkbookPort.ofWorkbook(workbook, label);
    const { config } = await port.readConfig();
    const currency = chosenCurrency(currencyChoice, config, undefined);
    const kpis = kpisOf(orders.columns as Record<string, unknown>, sources.pipeline !== undefined);
    const dimensions = DIMENSIONS.filter((d) => orders.columns[d] !== undefined).filter(
      (d) => dimensionSourceColumn('orders', orders, d) !== undefined,
    );
    const reviewAsOf = reviewDay(asOf, today(io));
    const week = periodOf(reviewAsOf, 'week', calendar);
    const refreshed = withRefresh(
      withRefresh(config, refreshRecord(refreshedAt, DASHBOARD_SHEET, kpis)),
      refreshRecord(refreshedAt, reviewSheetName(week), REVIEW_METRICS),
    );
    const period = periodOf(asOf.day, unit, calendar);
    // The pipeline's deals in memory (a pipeline is small), the orders' revenue from the database.
    const deals = await sqlPipelineDealsOf(inputs, progress);
    const quotas = { goals, teamGoals: overallGoals(goals) };
    const pipelineSettings = pipelineSettingsOf(config, givenPipeline);
    const forecastAt = async (day: number) => {
      const forecast = await sqlQuotaForecast(engine, orders, quotas, day, calendar, pipelineSettings, deals);
      for (const problem of forecast?.open?.problems ?? []) progress.stage(`pipeline settings: ${problem}`);
      return forecast;
    };
    const pipelineForecast = await forecastAt(asOf.day);
    const reviewForecast = reviewAsOf === asOf.day ? pipelineForecast : await forecastAt(reviewAsOf);
    const metricsAt = { inputs: {}, asOf: asOf.day, calendar };
    const layOut = (figures: PlanFigures): SheetPlan[] => [
      buildDashboardPlan({
        inputs: {},
        asOf: asOf.day,
        unit,
        periods,
        calendar,
        sourceLabel: label,
        refreshedAt,
        kpis,
        dimensions,
        targets: kpiTargets(goals, period, industry, { ...metricsAt, figures }),
        goals: activeGoalTracking(goals, {}, asOf.day, calendar, figures),
        benchmarks: benchmarkLines(industry, {}, period, asOf.day, calendar, [], figures),
        schedule: kpiSchedule(kpis, refreshed, stampDay(refreshedAt), calendar),
        currency: currency.value,
        ...(pipelineForecast ? { pipelineForecast } : {}),
        figures,
      }),
      buildReviewPlan({
        inputs: {},
        asOf: reviewAsOf,
        week,
        calendar,
        sourceLabel: label,
        refreshedAt,
        weeklyGoals: weeklyGoals(goals, week),
        currency: currency.value,
        ...(reviewForecast ? { pipelineForecast: reviewForecast } : {}),
        figures,
      }),
    ];
    // The orders read once into temporary tables that the statements of the as-of day read, with
    // the columns of the dashboard's dimensions (docs/sql.md "Performance"); other days'
    // statements read the source.
    progress.stage('reading the orders once for the statements that follow');
    const { ctx: staged, release } = await stageOrders(ctx, (sql) => engine.run(sql), { dimensions });
    const [dashboard, review] = await layOutWithSql(staged, traits, layOut, (what) => progress.stage(what));
    await release();
    const located = withGivenPipelineSettings(
      withSqlSource(withOrdersSource(refreshed, inputs.mapping, label), sqlSourceRecord(spec, out)),
      givenPipeline,
    );
    const saved = withSavedChoices(located, {
      goals,
      ...(targetsPath ? { goalsSource: basename(targetsPath) } : {}),
      currency,
    });
    const configPlan = configSheetPlan(
      withBuildSettings(saved, {
        unit,
        periods,
        ...(industry ? { industry: industry.id } : {}),
        fiscalYearStartMonth: calendar.fiscalYearStartMonth,
        weekStartsOn: calendar.weekStartsOn,
        dimensions: [...dimensions],
      }),
    );
    const plans = [dashboard, review, configPlan];
    progress.stage('writing the sheets');
    await port.render(plans);
    await writeOut(target, port.output!, { force, waitMs, io, out, progress });
    const counts = {
      read: numberOf(stats.read) ?? 0,
      used: numberOf(stats.used) ?? 0,
      after: numberOf(after.after) ?? 0,
    };
    io.stdout(
      `wrote ${out}\n  sheets: ${dashboard.name}, ${review.name}, ${configPlan.name} (hidden)\n` +
        `  orders: ${table.label}: ${counts.read.toLocaleString('en-US')} rows read, ` +
        `${(counts.used - counts.after).toLocaleString('en-US')} used, ${(counts.read - counts.used).toLocaleString('en-US')} skipped` +
        (counts.after ? `, ${counts.after.toLocaleString('en-US')} after the as-of day` : '') +
        `\n  as of ${formatDay(asOf.day)} (${asOf.source === 'given' ? 'given' : asOf.source === 'data' ? 'the latest date in the data' : 'today'})\n` +
        `  ${unit}ly, figures as values ${traits.computedIn}, no Data sheet\n`,
    );
  } catch (error) {
    throw cliErrorOf(error, secrets);
  } finally {
    await engine.close();
  }
}

async function writeOut(
  target: Awaited<ReturnType<typeof writeTarget>>,
  data: Buffer,
  how: {
    force: boolean;
    waitMs: number;
    io: CliIO;
    out: string;
    progress: ReturnType<typeof progressOn>;
  },
): Promise<void> {
  await prepareOutput(how.out);
  const lock = await lockWorkbook(target.real, {
    command: 'build',
    waitMs: how.waitMs,
    now: how.io.now,
    onWait: () => how.progress.warn(`another run is writing ${how.out}; waiting for it to finish`),
    onNote: (message) => how.progress.warn(message),
  });
  try {
    const existing = await checkExistingOutput(target, how.force);
    if (how.force && existing) await backUp(target, `${target.real}.bak`);
    how.progress.stage(`writing ${how.out}`);
    await replaceFile({ ...target, ...(existing ? { existing } : {}) }, data, {
      ...(how.io.writer ? { writer: how.io.writer } : {}),
    });
  } finally {
    await lock.release();
  }
}
