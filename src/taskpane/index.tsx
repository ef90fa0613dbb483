import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { ExcelWorkbookGateway } from '../excel/gateway';
import { excelRenderer, workbookLabel } from '../excel/host';
import { updateRibbon } from '../excel/ribbon';
import { periodOf } from '../core/periods';
import { App } from './App';
import type { WorkbookGateway } from './gateway';
import { PREVIEW_TABLES, PreviewWorkbookGateway } from './preview-gateway';
import { stringsFor } from './strings';
import { themeFor, type ThemeKind } from './theme';

/* global document, navigator, window, Office */

interface HostInfo {
  readonly inExcel: boolean;
  readonly language: string;
  readonly background?: string;
}

function hostInfo(host: Office.HostType | null | undefined): HostInfo {
  const inExcel = host === Office.HostType.Excel;
  if (!inExcel) return { inExcel, language: navigator.language };
  // officeTheme is missing on some platforms; the pane then follows the browser preference.
  let background: string | undefined;
  try {
    background = Office.context.officeTheme?.bodyBackgroundColor;
  } catch {
    background = undefined;
  }
  return { inExcel, language: Office.context.displayLanguage, background };
}

/** The ISO week of today, as the review sheets name it. */
function thisWeek(): string {
  const now = new Date();
  return periodOf(Math.floor(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86400000), 'week')
    .key;
}

function prefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

function start(info: HostInfo): void {
  const container = document.getElementById('container');
  if (!container) return;
  const root = createRoot(container);
  const gateway: WorkbookGateway = info.inExcel
    ? new ExcelWorkbookGateway({ render: excelRenderer(), label: workbookLabel(), onWritten: updateRibbon })
    : new PreviewWorkbookGateway(PREVIEW_TABLES);
  const strings = stringsFor(info.language);

  const render = (theme: ThemeKind) =>
    root.render(
      <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme}>
        <App
          gateway={gateway}
          strings={strings}
          locale={info.language}
          preview={!info.inExcel}
          currentWeek={info.inExcel ? thisWeek() : undefined}
        />
      </FluentProvider>,
    );
  render(themeFor(info.background, prefersDark()));

  if (info.inExcel) {
    // Re-theme when the user switches the Office theme, where the host reports it.
    try {
      Office.context.document.addHandlerAsync(Office.EventType.OfficeThemeChanged, () =>
        render(themeFor(Office.context.officeTheme?.bodyBackgroundColor, prefersDark())),
      );
    } catch {
      // Hosts without the event keep the theme the pane opened with.
    }
  }
}

if (typeof Office === 'undefined') {
  // office.js failed to load (offline preview without a local copy): run on sample data.
  start({ inExcel: false, language: navigator.language });
} else {
  Office.onReady((info) => start(hostInfo(info.host)));
}
