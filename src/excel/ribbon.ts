/**
 * The ribbon's refresh buttons follow the workbook: on once it has a saved configuration (a
 * dashboard was built once), off before, where the host lets add-ins update the ribbon
 * (RibbonApi 1.1); elsewhere they stay on and a refresh without a configuration says what to do.
 */
import { workbookLabel } from './host';
import { savedState } from './jobs';
import { ExcelWorkbookPort } from './port';

/** The ids of the refresh buttons in the manifest. */
export const REFRESH_BUTTONS = ['SalesMetrics.RefreshDashboard', 'SalesMetrics.RefreshReview'] as const;

/** Turns the refresh buttons on or off by whether the workbook has a saved configuration. */
export async function updateRibbon(): Promise<void> {
  if (!Office.context.requirements.isSetSupported('RibbonApi', '1.1')) return;
  const port = new ExcelWorkbookPort({ label: workbookLabel(), render: async () => undefined });
  const { configured } = await savedState(port);
  await Office.ribbon.requestUpdate({
    tabs: [
      {
        id: 'TabHome',
        groups: [
          { id: 'SalesMetrics.Group', controls: REFRESH_BUTTONS.map((id) => ({ id, enabled: configured })) },
        ],
      },
    ],
  });
}
