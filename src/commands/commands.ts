/* global Office */

/**
 * Ribbon commands. In the shared runtime this file runs in the task pane's page: a command opens
 * the pane, or refreshes the sheets without it (ExecuteFunction). A refresh runs the same job as
 * the pane, one at a time; its outcome reaches the pane, which opens when something went wrong.
 * Office waits for `event.completed()`, so every path calls it.
 */
import { excelRenderer, workbookLabel } from '../excel/host';
import { runJob, type JobKind } from '../excel/jobs';
import { updateRibbon } from '../excel/ribbon';
import { publishNotice } from '../workflows/notices';

/** Opens the Sales Metrics task pane (an ExecuteFunction command). */
export async function showTaskpane(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    event.completed();
  }
}

async function refresh(kind: JobKind, event: Office.AddinCommands.Event): Promise<void> {
  try {
    const outcome = await runJob(kind, { now: new Date(), label: workbookLabel(), render: excelRenderer() });
    publishNotice(
      outcome.ok
        ? { kind, ok: true, message: outcome.summary, sheets: outcome.sheets }
        : { kind, ok: false, message: outcome.message, sheets: [] },
    );
    if (!outcome.ok) await Office.addin.showAsTaskpane();
    else await updateRibbon().catch(() => undefined);
  } catch (error) {
    publishNotice({ kind, ok: false, message: (error as Error)?.message ?? String(error), sheets: [] });
    try {
      await Office.addin.showAsTaskpane();
    } catch {
      // The pane cannot open (the host is closing): the notice waits for it.
    }
  } finally {
    event.completed();
  }
}

/** Rebuilds the Dashboard (and this week's Review) with the saved settings. */
export function refreshDashboard(event: Office.AddinCommands.Event): Promise<void> {
  return refresh('dashboard', event);
}

/** Writes or refreshes this week's Review. */
export function refreshWeeklyReview(event: Office.AddinCommands.Event): Promise<void> {
  return refresh('review', event);
}

// Outside an Office host (a browser preview) office.js may be absent or have no actions registry.
if (typeof Office !== 'undefined') {
  if (Office.actions) {
    Office.actions.associate('showTaskpane', showTaskpane);
    Office.actions.associate('refreshDashboard', refreshDashboard);
    Office.actions.associate('refreshWeeklyReview', refreshWeeklyReview);
  }
  Office.onReady((info) => {
    // Outside Excel (a browser preview) there is no ribbon to update.
    if (info?.host === Office.HostType.Excel) updateRibbon().catch(() => undefined);
  });
}
