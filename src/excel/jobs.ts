/**
 * The product's jobs inside Excel, as the task pane and the ribbon run them: build the dashboard
 * or refresh the weekly review of the open workbook, with the settings the last build saved.
 * Jobs run one at a time (a second click waits for the first), and fail with a message for the
 * person, never with a raw exception.
 */
import { calendarOf, formatDay, periodOf } from '../core/periods';
import type { SheetPlan } from '../sheets/plan';
import { savedBuildSettings } from '../sheets/config-records';
import {
  buildDashboard,
  industrySet,
  refreshReview,
  refreshStamp,
  WorkflowError,
  type BuildResult,
  type ReviewResult,
} from '../workflows';
import { ExcelWorkbookPort, type PlanRenderer } from './port';
import { ReadCancelled } from './read-range';

export type JobKind = 'dashboard' | 'review';

export interface JobOptions {
  /** The clock, read by the caller. */
  readonly now: Date;
  /** The workbook's name for the sheets' header line. */
  readonly label: string;
  readonly render: PlanRenderer;
  /** One line of progress at a time (reading, computing, writing). */
  readonly onStage?: (message: string) => void;
  readonly onRows?: (rowsRead: number, totalRows: number) => void;
  /** The orders source people chose in the pane (a table name or an address); else the saved one. */
  readonly source?: string;
  /** Cancels the job between reads when set. */
  readonly signal?: { readonly aborted: boolean };
  /** Runs a batch against the workbook (`Excel.run` unless tests give another). */
  readonly run?: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
}

export type JobOutcome =
  | {
      readonly ok: true;
      readonly kind: JobKind;
      readonly sheets: readonly string[];
      readonly summary: string;
    }
  | { readonly ok: false; readonly kind: JobKind; readonly message: string };

let queue: Promise<unknown> = Promise.resolve();

/** The as-of day of a job started at `now`: its local calendar day. */
function today(now: Date): number {
  return Math.floor(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86400000);
}

function messageOf(error: unknown): string {
  if (error instanceof WorkflowError) return error.message;
  if (error instanceof ReadCancelled) return 'Cancelled: nothing was written.';
  const text = (error as { message?: unknown } | null)?.message;
  return typeof text === 'string' && text !== '' ? text : 'Something went wrong while writing the sheets.';
}

async function runOnce(kind: JobKind, options: JobOptions): Promise<JobOutcome> {
  const port = new ExcelWorkbookPort({
    label: options.label,
    render: options.render,
    ...(options.onRows ? { onRows: options.onRows } : {}),
    ...(options.run ? { run: options.run } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const stage = options.onStage ?? (() => undefined);
  try {
    const { config } = await port.readConfig();
    const settings = savedBuildSettings(config);
    const calendar = calendarOf({
      fiscalYearStartMonth: settings.fiscalYearStartMonth,
      weekStartsOn: settings.weekStartsOn as 1,
    });
    const asOf = today(options.now);
    const common = {
      asOf,
      calendar,
      refreshedAt: refreshStamp(options.now),
      ...(options.source ? { orders: { source: options.source } } : {}),
      report: stage,
      // The pane and the custom functions share this thread: give them a turn between stages.
      pause: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
    };
    stage('reading the data');
    if (kind === 'dashboard') {
      const result: BuildResult = await buildDashboard(port, {
        ...common,
        unit: settings.unit,
        periods: settings.periods,
        industry: industrySet(settings.industry),
      });
      return {
        ok: true,
        kind,
        sheets: result.plans.filter((p: SheetPlan) => p.hidden === undefined).map((p) => p.name),
        summary: `Dashboard and ${result.review.name} as of ${formatDay(asOf)}: ${result.orders.report.rowsUsed.toLocaleString('en-US')} orders from ${result.orders.source}.`,
      };
    }
    const result: ReviewResult = await refreshReview(port, {
      ...common,
      week: periodOf(asOf, 'week', calendar),
    });
    return {
      ok: true,
      kind,
      sheets: [result.name],
      summary: `${result.existed ? 'Refreshed' : 'Wrote'} ${result.name} as of ${formatDay(asOf)}${result.carried > 0 ? `, ${result.carried} open action${result.carried === 1 ? '' : 's'} carried over` : ''}.`,
    };
  } catch (error) {
    return { ok: false, kind, message: messageOf(error) };
  }
}

/**
 * Runs a job after any job already running has finished (one at a time), resolving with what
 * happened; it never rejects.
 * @example const outcome = await runJob('review', { now: new Date(), label: 'sales.xlsx', render });
 */
export function runJob(kind: JobKind, options: JobOptions): Promise<JobOutcome> {
  const next = queue.then(() => runOnce(kind, options));
  queue = next.catch(() => undefined);
  return next;
}

/**
 * Whether the workbook has a saved configuration (the ribbon's refresh buttons need one) and the
 * week its latest review is of, so the pane can offer a refresh when a new week has begun.
 */
export async function savedState(
  port: Pick<ExcelWorkbookPort, 'readConfig' | 'sheetNames'>,
): Promise<{ configured: boolean; latestReview?: string }> {
  const { config, warning } = await port.readConfig();
  const configured = warning === undefined && Object.keys(config.mappings).length > 0;
  const reviews = (await port.sheetNames()).filter((n) => /^Review \d{4}-W\d{2}$/.test(n)).sort();
  return { configured, ...(reviews.length ? { latestReview: reviews[reviews.length - 1].slice(7) } : {}) };
}
