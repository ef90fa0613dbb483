/**
 * The weekly job, the same in every host: write or refresh a week's `Review YYYY-Www` sheet,
 * keeping what people typed in its Actions; a new week's sheet carries over the open actions of
 * the latest earlier review. Only the review and the configuration are rewritten.
 */
import type { IngestReport } from '../core/report';
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
  readonly orders: { readonly report: IngestReport; readonly source: string };
  readonly currency: ChosenCurrency;
  readonly configWarning?: string;
}

/**
 * Writes or refreshes the week's review in the workbook behind `port`.
 * @example const { name, existed } = await refreshReview(port, { asOf, calendar, refreshedAt });
 */
export async function refreshReview(port: WorkbookPort, options: ReviewOptions): Promise<ReviewResult> {
  const report = options.report ?? (() => undefined);
  const loaded = await loadWorkbook(port, options);
  const { asOf, calendar, refreshedAt } = options;
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
  });
  const configPlan = configSheetPlan(
    withSavedChoices(
      withRefresh(
        withOrdersSource(loaded.config, loaded.orders.table.mapping, loaded.orders.source.name),
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
    orders: { report: loaded.orders.report, source: loaded.orders.source.name },
    currency: loaded.currency,
    ...(loaded.configWarning ? { configWarning: loaded.configWarning } : {}),
  };
}
