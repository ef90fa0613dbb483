/**
 * The product's jobs inside Excel, as the task pane and the ribbon run them: build the dashboard
 * or refresh the weekly review of the open workbook, with the settings the last build saved.
 * Jobs run one at a time (a second click waits for the first), and fail with a message for the
 * person, never with a raw exception.
 */
import { runSavedJob, WorkflowError, type JobKind } from '../workflows';
import { ExcelWorkbookPort, type PlanRenderer } from './port';
import { ReadCancelled } from './read-range';

export type { JobKind };

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
  try {
    const done = await runSavedJob(port, kind, {
      now: options.now,
      ...(options.source ? { source: options.source } : {}),
      ...(options.onStage ? { report: options.onStage } : {}),
      // The pane and the custom functions share this thread: give them a turn between stages.
      pause: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
    });
    return { ok: true, kind, sheets: done.sheets, summary: done.summary };
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
