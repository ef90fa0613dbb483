/**
 * A job run with the settings the workbook saved: what the ribbon's refreshes, the task pane's
 * buttons and the pane's preview all do. The pane saves its settings first; the command line
 * passes its flags to `buildDashboard` / `refreshReview` directly instead.
 */
import { calendarOf, formatDay, parseDay, periodOf } from '../core/periods';
import { savedBuildSettings } from '../sheets/config-records';
import { buildDashboard } from './build-dashboard';
import { industrySet, refreshStamp } from './plans';
import type { WorkbookPort } from './port';
import { refreshReview } from './refresh-review';

export type JobKind = 'dashboard' | 'review';

export interface SavedJobOptions {
  /** The clock, read by the caller. */
  readonly now: Date;
  /** The orders source people chose (a table name or an address); else the saved one. */
  readonly source?: string;
  readonly report?: (message: string) => void;
  readonly pause?: () => Promise<void>;
}

/** What a job wrote, in words. */
export interface JobSummary {
  readonly kind: JobKind;
  readonly sheets: readonly string[];
  readonly summary: string;
}

/** The local calendar day of `now` as an epoch day. */
export function dayOf(now: Date): number {
  return Math.floor(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86400000);
}

/**
 * Builds the dashboard or refreshes the review with the saved settings (as-of day, period, trend
 * length, calendar, industry, breakdowns); throws `WorkflowError` when it cannot.
 * @example await runSavedJob(port, 'review', { now: new Date() })
 */
export async function runSavedJob(
  port: WorkbookPort,
  kind: JobKind,
  options: SavedJobOptions,
): Promise<JobSummary> {
  const { config } = await port.readConfig();
  const settings = savedBuildSettings(config);
  const calendar = calendarOf({
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    weekStartsOn: settings.weekStartsOn as 1,
  });
  const asOf = (settings.asOf ? parseDay(settings.asOf) : null) ?? dayOf(options.now);
  const common = {
    asOf,
    calendar,
    refreshedAt: refreshStamp(options.now),
    ...(options.source ? { orders: { source: options.source } } : {}),
    ...(options.report ? { report: options.report } : {}),
    ...(options.pause ? { pause: options.pause } : {}),
  };
  options.report?.('reading the data');
  if (kind === 'dashboard') {
    const result = await buildDashboard(port, {
      ...common,
      unit: settings.unit,
      periods: settings.periods,
      industry: industrySet(settings.industry),
      ...(settings.dimensions ? { dimensions: settings.dimensions } : {}),
    });
    return {
      kind,
      sheets: result.plans.filter((p) => p.hidden === undefined).map((p) => p.name),
      summary: `Dashboard and ${result.review.name} as of ${formatDay(asOf)}: ${result.orders.report.rowsUsed.toLocaleString('en-US')} orders from ${result.orders.source}.`,
    };
  }
  const result = await refreshReview(port, { ...common, week: periodOf(asOf, 'week', calendar) });
  return {
    kind,
    sheets: [result.name],
    summary: `${result.existed ? 'Refreshed' : 'Wrote'} ${result.name} as of ${formatDay(asOf)}${result.carried > 0 ? `, ${result.carried} open action${result.carried === 1 ? '' : 's'} carried over` : ''}.`,
  };
}
