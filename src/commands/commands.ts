/* global Office */

/**
 * Ribbon commands. In the shared runtime this file runs in the task pane's page, so a command
 * can open the pane or, later, refresh sheets without it.
 */

/** Opens the Sales Metrics task pane (an ExecuteFunction command). */
export async function showTaskpane(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    // Office waits for completed() before it runs the next command.
    event.completed();
  }
}

// Outside an Office host (a browser preview) office.js may be absent or have no actions registry.
if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    // Nothing to prepare: commands run on demand.
  });
  if (Office.actions) Office.actions.associate('showTaskpane', showTaskpane);
}
