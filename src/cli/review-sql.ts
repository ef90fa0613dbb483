/**
 * `sales-metrics review` of a workbook built through SQL (`build --engine duckdb` or `--db`): the
 * week's review refreshed with figures computed in the database again, read from where the build
 * saved them (`saved-sql-source.ts`). The job is the workflow's `refreshReview` with the orders
 * left in the database: the same plan, the same carried actions and typed cells kept by the same
 * rendering, the goals saved by the build (or `--targets`), the configuration saved again.
 */
import { basename } from 'node:path';
import { reviewDay } from '../core/data-range';
import type { Goal } from '../core/goals';
import type { Calendar, Period } from '../core/periods';
import { formatDay, periodOf } from '../core/periods';
import type { PipelineSettings } from '../core/pipeline';
import { configSheetPlan } from '../sheets/config';
import { refreshRecord, withRefresh } from '../sheets/config-records';
import type { FigureTable } from '../sheets/figures';
import { pipelineSettingsOf } from '../sheets/pipeline-settings';
import { buildReviewPlan } from '../sheets/review';
import { numberOf } from '../sql/results';
import { tableStatsSql } from '../sql/source-stats';
import type { WorkbookPort } from '../workflows';
import { withGivenPipelineSettings } from '../workflows/pipeline';
import {
  carriedActions,
  chosenCurrency,
  goalsOf,
  overallGoals,
  REVIEW_METRICS,
  weeklyGoals,
  withOrdersSource,
  withSavedChoices,
} from '../workflows';
import type { Currency } from '../core/currency';
import type { TargetsTable } from '../core/table';
import { CliError } from './errors';
import type { Progress } from './io';
import type { SavedSqlSource } from './saved-sql-source';
import { specOfSaved, sqlSourceRecord, withSqlSource } from './saved-sql-source';
import { sqlOrdersAsOf } from './sql-as-of';
import type { FigureTraits } from './sql-figures';
import { layOutWithSql } from './sql-figures';
import { sqlPipelineDealsOf, sqlQuotaForecast } from './sql-quota';
import { cliErrorOf, openSqlSpec, sqlContextOf } from './sql-route';

export interface SqlReviewRun {
  readonly saved: SavedSqlSource;
  /** The workbook as named and its real path (a link's target), for files saved beside it. */
  readonly workbook: string;
  readonly real: string;
  readonly cwd: string;
  /** `--db` given again (its password is used, never saved), `--data`, `--map`. */
  readonly db?: string;
  readonly data?: string;
  readonly maps: readonly string[];
  readonly week?: Period;
  readonly asOf?: number;
  /** How to say where a fixed as-of day came from. */
  readonly words?: string;
  readonly today: number;
  readonly calendar: Calendar;
  readonly refreshedAt: string;
  readonly currency: Currency | null | undefined;
  readonly targets?: { readonly table: TargetsTable; readonly label: string };
  readonly pipelineSettings?: PipelineSettings;
  readonly progress: Progress;
}

export interface SqlReviewResult {
  readonly name: string;
  readonly existed: boolean;
  readonly carried: number;
  readonly asOf: number;
  readonly lines: readonly string[];
}

/**
 * Refreshes the week's review of a workbook built through SQL; the caller writes the file.
 * @example await refreshReviewSql(port, { saved, workbook, real, cwd, maps: [], today, calendar, refreshedAt, currency: undefined, progress })
 */
export async function refreshReviewSql(port: WorkbookPort, run: SqlReviewRun): Promise<SqlReviewResult> {
  const { calendar, progress } = run;
  const report = (message: string) => progress.stage(message);
  const spec = await specOfSaved(run.saved, run.maps, run);
  const inputs = await openSqlSpec(spec, progress);
  const { engine, sources } = inputs;
  try {
    const orders = sources.orders;
    const table = inputs.tables.find((t) => t.kind === 'orders');
    if (!orders || !table)
      throw new CliError('the review needs the orders table the workbook was built from');
    const label = spec.engine === 'postgres' ? table.label : basename(table.label);
    const asOfOf = await sqlOrdersAsOf(
      engine,
      orders,
      `orders (${label})`,
      run.asOf,
      run.today,
      (choice, last) => {
        const day = reviewDay(choice, run.today);
        const later = choice.source === 'data' && last !== null && last > day;
        return {
          day,
          words: run.words ?? (later ? `today; the data runs to ${formatDay(last)}` : undefined),
        };
      },
    );
    const day = asOfOf.day;
    const firstDays: Partial<Record<FigureTable, number | undefined>> = {};
    for (const t of inputs.tables) {
      const [row] = await engine.query(tableStatsSql(engine.dialect, t.kind, t.discovered.source));
      firstDays[t.kind] = numberOf(row.first) ?? undefined;
    }
    const traits: FigureTraits = {
      orders: true,
      customers: orders.columns.customer !== undefined,
      firstDay: firstDays.orders,
      tables: firstDays,
      computedIn: `computed in ${spec.engine === 'postgres' ? 'PostgreSQL' : 'DuckDB'} from ${table.label}`,
    };
    const { config } = await port.readConfig();
    const loaded = goalsOf(run.targets?.table, config, report, calendar);
    const goals: Goal[] = loaded.goals;
    const currency = chosenCurrency(run.currency, config, undefined);
    const week = run.week ?? periodOf(day, 'week', calendar);
    report(`building the review of ${week.key}`);
    const carryOver = await carriedActions(port, week);
    // As the build: the pipeline's deals in memory, the orders' revenue from the database.
    const deals = await sqlPipelineDealsOf(inputs, progress);
    const pipelineForecast = await sqlQuotaForecast(
      engine,
      orders,
      { goals, teamGoals: overallGoals(goals) },
      day,
      calendar,
      pipelineSettingsOf(config, run.pipelineSettings),
      deals,
    );
    for (const problem of pipelineForecast?.open?.problems ?? []) report(`pipeline settings: ${problem}`);
    const ctx = await sqlContextOf(engine, sources, day, calendar);
    const plan = await layOutWithSql(
      ctx,
      traits,
      (figures) =>
        buildReviewPlan({
          inputs: {},
          asOf: day,
          week,
          calendar,
          sourceLabel: label,
          refreshedAt: run.refreshedAt,
          weeklyGoals: weeklyGoals(goals, week),
          carryOver,
          currency: currency.value,
          ...(pipelineForecast ? { pipelineForecast } : {}),
          figures,
        }),
      report,
    );
    const configPlan = configSheetPlan(
      withSavedChoices(
        withRefresh(
          withGivenPipelineSettings(
            withSqlSource(
              withOrdersSource(config, inputs.mapping, label),
              sqlSourceRecord(spec, run.workbook),
            ),
            run.pipelineSettings,
          ),
          refreshRecord(run.refreshedAt, plan.name, REVIEW_METRICS),
        ),
        {
          goals: loaded.saved ? undefined : goals,
          ...(run.targets ? { goalsSource: run.targets.label } : {}),
          currency,
        },
      ),
    );
    report('writing the sheets');
    await port.render([plan, configPlan]);
    return {
      name: plan.name,
      existed: carryOver === undefined,
      carried: carryOver?.length ?? 0,
      asOf: day,
      lines: [...asOfOf.lines, `figures as values ${traits.computedIn}`],
    };
  } catch (error) {
    throw cliErrorOf(error, [process.env.PGPASSWORD, run.db]);
  } finally {
    await engine.close();
  }
}
