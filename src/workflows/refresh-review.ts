/**
 * The weekly job, the same in every host: write or refresh a week's `Review YYYY-Www` sheet,
 * keeping what people typed in its Actions; a new week's sheet carries over the open actions of
 * the latest earlier review. Only the review and the configuration are rewritten.
 */
import type { AsOfChoice, DataDates } from '../core/data-range';
import { dataDates, reviewDay } from '../core/data-range';
import type { IngestReport, RowCounts } from '../core/report';
import { rowCounts } from '../core/report';
import type { Period } from '../core/periods';
import { periodOf } from '../core/periods';
import { configSheetPlan } from '../sheets/config';
import { refreshRecord, withRefresh } from '../sheets/config-records';
import type { SheetPlan } from '../sheets/plan';
import { buildReviewPlan } from '../sheets/review';
import {
  carriedActions,
  REVIEW_METRICS,
  weeklyGoals,
  withOrdersSource,
  withSavedChoices,
  type ChosenCurrency,
} from './plans';
import type { WorkbookPort } from './port';
import { loadWorkbook, type RefreshOptions } from './refresh';
import { forecastOf, withGivenPipelineSettings } from './pipeline';

export interface ReviewOptions extends RefreshOptions {
  /** The week reviewed (default: the week of the as-of day). */
  readonly week?: Period;
  /** Where a Targets table the goals came from is named in the configuration. */
  readonly targetsLabel?: string;
}

export interface ReviewResult {
  readonly plans: readonly SheetPlan[];
  readonly name: string;
  /** True when the week's sheet existed and was refreshed; false when written new. */
  readonly existed: boolean;
  /** Open actions carried over into a new week's sheet. */
  readonly carried: number;
  readonly orders: {
    readonly report: IngestReport;
    /** Rows read, used (up to the review's as-of day), skipped, and after it. */
    readonly counts: RowCounts;
    readonly source: string;
  };
  /**
   * The review's as-of day: the one given, else the latest date in the data but never later than
   * today; `source` says which.
   */
  readonly asOf: AsOfChoice;
  /** Each table's first and last date and its rows after the review's as-of day. */
  readonly dates: DataDates;
  readonly currency: ChosenCurrency;
  readonly configWarning?: string;
}

/**
 * Writes or refreshes the week's review in the workbook behind `port`.
 * @example const { name, existed } = await refreshReview(port, { calendar, today, refreshedAt });
 */
export async function refreshReview(port: WorkbookPort, options: ReviewOptions): Promise<ReviewResult> {
  const report = options.report ?? (() => undefined);
  const loaded = await loadWorkbook(port, options);
  const { calendar, refreshedAt } = options;
  const asOf = reviewDay(loaded.asOf, options.today);
  const chosen: AsOfChoice = { ...loaded.asOf, day: asOf };
  const dates = asOf === loaded.asOf.day ? loaded.dates : dataDates(loaded.inputs, asOf);
  const week = options.week ?? periodOf(asOf, 'week', calendar);
  report(`building the review of ${week.key}`);
  const carryOver = await carriedActions(port, week);
  const plan = buildReviewPlan({
    inputs: loaded.inputs,
    asOf,
    week,
    calendar,
    sourceLabel: port.label,
    refreshedAt,
    weeklyGoals: weeklyGoals(loaded.goals, week),
    carryOver,
    currency: loaded.currency.value,
    pipelineForecast: forecastOf(
      loaded.inputs,
      loaded.goals,
      asOf,
      calendar,
      loaded.config,
      options.pipelineSettings,
      report,
    ),
  });
  const configPlan = configSheetPlan(
    withSavedChoices(
      withRefresh(
        withGivenPipelineSettings(
          withOrdersSource(
            loaded.config,
            loaded.orders.table.mapping,
            loaded.orders.source.name,
            loaded.sideSources,
            loaded.sideMappings,
          ),
          options.pipelineSettings,
        ),
        refreshRecord(refreshedAt, plan.name, REVIEW_METRICS),
      ),
      {
        goals: loaded.goalsSaved ? undefined : loaded.goals,
        goalsSource: options.targetsLabel,
        currency: loaded.currency,
      },
    ),
  );
  const plans = [plan, configPlan];
  await options.pause?.();
  report('writing the sheets');
  await port.render(plans);
  return {
    plans,
    name: plan.name,
    existed: carryOver === undefined,
    carried: carryOver?.length ?? 0,
    orders: {
      report: loaded.orders.report,
      counts: rowCounts(loaded.orders.report, dates.orders?.afterAsOf ?? 0),
      source: loaded.orders.source.name,
    },
    asOf: chosen,
    dates,
    currency: loaded.currency,
    ...(loaded.configWarning ? { configWarning: loaded.configWarning } : {}),
  };
}
