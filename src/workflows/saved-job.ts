/**
 * A job run with the settings the workbook saved: what the ribbon's refreshes, the task pane's
 * buttons and the pane's preview all do. The pane saves its settings first; the command line
 * passes its flags to `buildDashboard` / `refreshReview` directly instead.
 */
import { calendarOf, formatDay, parseDay } from '../core/periods';
import type { AsOfChoice } from '../core/data-range';
import type { RowCounts } from '../core/report';
import { savedBuildSettings } from '../sheets/config-records';
import { ACTION_COLUMNS, ACTIONS_AREA, openActions } from '../sheets/review';
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
 * length, calendar, industry, breakdowns); throws `WorkflowError` when it cannot. Without a saved
 * as-of day the figures are as of the latest date in the data, and the review's week is never
 * later than this week.
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
  const given = settings.asOf ? parseDay(settings.asOf) : null;
  // Side tables where the pane found them (their names saved beside the orders').
  const where = config.mappings.sources ?? {};
  const side = Object.fromEntries(
    (['pipeline', 'spend', 'targets'] as const)
      .filter((kind) => typeof where[kind] === 'string')
      .map((kind) => [kind, { source: where[kind], saved: true }]),
  );
  const common = {
    ...side,
    ...(given !== null ? { asOf: given } : {}),
    today: dayOf(options.now),
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
      summary: `Dashboard and ${result.review.name} as of ${formatDay(result.asOf.day)}${sourceNote(result.asOf)}: ${rowsNote(result.orders.counts, result.asOf.day)} from ${result.orders.source}.`,
    };
  }
  const result = await refreshReview(port, common);
  return {
    kind,
    sheets: [result.name],
    summary: `${result.existed ? 'Refreshed' : 'Wrote'} ${result.name} as of ${formatDay(result.asOf.day)}${sourceNote(result.asOf)}${result.carried > 0 ? `, ${result.carried} open action${result.carried === 1 ? '' : 's'} carried over` : ''}.`,
  };
}

/** ` (the latest date in the data)` when the as-of day was not given. */
function sourceNote(asOf: AsOfChoice): string {
  return asOf.source === 'data'
    ? ' (the latest date in the data)'
    : asOf.source === 'today'
      ? ' (today)'
      : '';
}

/** `19,026 orders` and, when rows came after the as-of day, how many were not counted. */
function rowsNote(counts: RowCounts, asOf: number): string {
  const after =
    counts.afterAsOf > 0
      ? ` (${counts.afterAsOf.toLocaleString('en-US')} after ${formatDay(asOf)} not counted)`
      : '';
  return `${counts.used.toLocaleString('en-US')} orders${after}`;
}

/** An action of the latest review that is not closed, and where it is. */
export interface OpenActionRow {
  readonly sheet: string;
  /** The row's first cell (`A57`), for "go to". */
  readonly ref: string;
  readonly metric: string;
  readonly action: string;
  readonly owner: string;
  readonly due?: number;
  readonly status: string;
}

/**
 * The open actions of the latest `Review` sheet (status not done/closed/selesai…), in their order.
 * @example const open = await latestOpenActions(port); // [{ sheet: 'Review 2026-W49', ref: 'A57', action: 'Call …' }]
 */
export async function latestOpenActions(port: WorkbookPort): Promise<OpenActionRow[]> {
  const reviews = (await port.sheetNames()).filter((n) => /^Review \d{4}-W\d{2}$/.test(n)).sort();
  const sheet = reviews[reviews.length - 1];
  if (!sheet) return [];
  const area = await port.readPeopleArea(sheet, ACTIONS_AREA);
  if (!area) return [];
  const open = openActions(area);
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const column = (name: (typeof ACTION_COLUMNS)[number]) => ACTION_COLUMNS.indexOf(name);
  const byRow = new Map<number, unknown[]>();
  const first = Math.min(...area.cells.map((c) => Number(/\d+/.exec(c.ref)![0])));
  for (const cell of area.cells) {
    const row = Number(/\d+/.exec(cell.ref)![0]);
    const list = byRow.get(row) ?? [];
    list.push(cell.value);
    byRow.set(row, list);
  }
  // Match each open row back to its sheet row by content (openActions keeps rows in order).
  const rows = [...byRow.entries()].sort((a, b) => a[0] - b[0]);
  const out: OpenActionRow[] = [];
  let cursor = 0;
  for (const item of open) {
    while (
      cursor < rows.length &&
      JSON.stringify(rows[cursor][1].slice(0, ACTION_COLUMNS.length)) !== JSON.stringify(item)
    )
      cursor++;
    const row = cursor < rows.length ? rows[cursor][0] : first;
    cursor++;
    const due = item[column('Due')];
    out.push({
      sheet,
      ref: `A${row}`,
      metric: text(item[column('Metric')]),
      action: text(item[column('Action')]) || text(item[column('Observation')]),
      owner: text(item[column('Owner')]),
      ...(typeof due === 'number' ? { due } : {}),
      status: text(item[column('Status')]) || 'open',
    });
  }
  return out;
}
