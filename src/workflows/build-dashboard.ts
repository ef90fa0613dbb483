/**
 * The product's main job, the same in every host: read the orders and side tables, compute, and
 * write the `Dashboard`, this week's `Review YYYY-Www` and the configuration into the workbook.
 */
import type { BenchmarkSet } from '../core/benchmarks';
import type { AsOfChoice, DataDates } from '../core/data-range';
import { reviewDay } from '../core/data-range';
import type { IngestReport, RowCounts } from '../core/report';
import { rowCounts } from '../core/report';
import type { PeriodUnit } from '../core/periods';
import { periodOf } from '../core/periods';
import { configSheetPlan } from '../sheets/config';
import {
  refreshRecord,
  savedBuildSettings,
  savedFigures,
  withBuildSettings,
  withRefresh,
} from '../sheets/config-records';
import { buildDashboardPlan, DASHBOARD_SHEET } from '../sheets/dashboard';
import type { SheetPlan } from '../sheets/plan';
import type { OrdersSource } from '../sheets/sources';
import { buildReviewPlan, reviewSheetName } from '../sheets/review';
import {
  activeGoalTracking,
  benchmarkLines,
  carriedActions,
  dashboardKpis,
  figureSets,
  kpiSchedule,
  kpiTargets,
  REVIEW_METRICS,
  stampDay,
  weeklyGoals,
  withOrdersSource,
  withoutSideSources,
  withSavedChoices,
  type ChosenCurrency,
} from './plans';
import type { WorkbookPort } from './port';
import { loadWorkbook, type RefreshOptions } from './refresh';
import { forecastOf, withGivenPipelineSettings } from './pipeline';

export interface BuildOptions extends RefreshOptions {
  /** The dashboard's period unit (default month). */
  readonly unit?: PeriodUnit;
  /** Periods in the trend (default 12). */
  readonly periods?: number;
  /** Benchmark figures of an industry, or none. */
  readonly industry?: BenchmarkSet | null;
  /** Write values only, never formulas over the orders (the orders are not in the workbook). */
  readonly valuesOnly?: boolean;
  /** Where a Targets table the goals came from is named in the configuration. */
  readonly targetsLabel?: string;
  /** Breakdown dimensions (roles or extra column headers); absent: every one the orders have. */
  readonly dimensions?: readonly string[];
}

export interface BuildResult {
  readonly plans: readonly SheetPlan[];
  readonly orders: {
    readonly report: IngestReport;
    /** Rows read, used (up to the as-of day), skipped, and after the as-of day. */
    readonly counts: RowCounts;
    readonly source: string;
    readonly formulas: OrdersSource;
  };
  /** The dashboard's as-of day and where it came from (given, or the latest date in the data). */
  readonly asOf: AsOfChoice;
  /** The review's as-of day: the as-of day, never later than today when it came from the data. */
  readonly reviewAsOf: number;
  /** Each table's first and last date and its rows after the as-of day (not counted). */
  readonly dates: DataDates;
  readonly currency: ChosenCurrency;
  readonly review: { readonly name: string; readonly carried: number };
  readonly configWarning?: string;
}

/**
 * Builds the dashboard and this week's review into the workbook behind `port`.
 * @example
 * const result = await buildDashboard(port, { calendar, today, refreshedAt: '2026-12-05 09:00', industry: null });
 * result.asOf; // { day: …, source: 'data' }: the latest date in the data, as no as-of day was given
 * console.log(result.plans.map((p) => p.name)); // ['Dashboard', 'Review 2026-W49', '_sales_metrics']
 */
export async function buildDashboard(port: WorkbookPort, options: BuildOptions): Promise<BuildResult> {
  const report = options.report ?? (() => undefined);
  const loaded = await loadWorkbook(port, options);
  const { inputs, goals, config, currency } = loaded;
  const { calendar, refreshedAt } = options;
  const asOf = loaded.asOf.day;
  const reviewAsOf = reviewDay(loaded.asOf, options.today);
  const unit = options.unit ?? 'month';
  const industry = options.industry ?? null;
  report('building the dashboard and the weekly review');
  const period = periodOf(asOf, unit, calendar);
  const kpis = dashboardKpis(inputs);
  const week = periodOf(reviewAsOf, 'week', calendar);
  const reviewName = reviewSheetName(week);
  const refreshed = withRefresh(
    withRefresh(config, refreshRecord(refreshedAt, DASHBOARD_SHEET, kpis)),
    refreshRecord(refreshedAt, reviewName, REVIEW_METRICS),
  );
  const formulas = loaded.orders.formulas;
  const forecast = (day: number) =>
    forecastOf(inputs, goals, day, calendar, config, options.pipelineSettings, report);
  const pipelineForecast = forecast(asOf);
  const dashboard = buildDashboardPlan({
    inputs,
    asOf,
    unit,
    periods: options.periods ?? 12,
    calendar,
    source: options.valuesOnly ? undefined : formulas,
    sourceLabel: port.label,
    refreshedAt,
    targets: kpiTargets(goals, period, industry, { inputs, asOf, calendar }),
    goals: activeGoalTracking(goals, inputs, asOf, calendar),
    benchmarks: benchmarkLines(industry, inputs, period, asOf, calendar, figureSets(savedFigures(config))),
    ...(options.dimensions ? { dimensions: options.dimensions } : {}),
    schedule: kpiSchedule(kpis, refreshed, stampDay(refreshedAt), calendar),
    currency: currency.value,
    pipelineForecast,
  });
  const carryOver = await carriedActions(port, week);
  const review = buildReviewPlan({
    inputs,
    asOf: reviewAsOf,
    week,
    calendar,
    sourceLabel: port.label,
    refreshedAt,
    weeklyGoals: weeklyGoals(goals, week),
    carryOver,
    currency: currency.value,
    pipelineForecast: reviewAsOf === asOf ? pipelineForecast : forecast(reviewAsOf),
  });
  const saved = savedBuildSettings(config);
  const settings = {
    ...saved,
    unit,
    periods: options.periods ?? 12,
    ...(industry ? { industry: industry.id } : {}),
    fiscalYearStartMonth: calendar.fiscalYearStartMonth,
    weekStartsOn: calendar.weekStartsOn,
    ...(options.dimensions ? { dimensions: [...options.dimensions] } : {}),
  };
  if (!industry) delete (settings as { industry?: string }).industry;
  const configPlan = configSheetPlan(
    withBuildSettings(
      withSavedChoices(
        withGivenPipelineSettings(
          withOrdersSource(
            withoutSideSources(refreshed),
            loaded.orders.table.mapping,
            loaded.orders.source.name,
            loaded.sideSources,
            loaded.sideMappings,
          ),
          options.pipelineSettings,
        ),
        {
          goals: loaded.goalsSaved ? undefined : goals,
          goalsSource: options.targetsLabel,
          currency,
        },
      ),
      settings,
    ),
  );
  const plans = [dashboard, review, configPlan];
  await options.pause?.();
  report('writing the sheets');
  await port.render(plans);
  return {
    plans,
    orders: {
      report: loaded.orders.report,
      counts: rowCounts(loaded.orders.report, loaded.dates.orders?.afterAsOf ?? 0),
      source: loaded.orders.source.name,
      formulas,
    },
    asOf: loaded.asOf,
    reviewAsOf,
    dates: loaded.dates,
    currency,
    review: { name: review.name, carried: carryOver?.length ?? 0 },
    ...(loaded.configWarning ? { configWarning: loaded.configWarning } : {}),
  };
}
