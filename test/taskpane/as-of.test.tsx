/**
 * @jest-environment jsdom
 */
/**
 * The pane's one as-of rule: the day set in Metrics & settings, else the latest date in the data;
 * the Data step's report counts the rows after it, in English and Indonesian; This week and Build
 * follow the same day (This week never later than today). Expected counts and sums come from the
 * preview's raw cells here, without the ingest or metrics code.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act } from 'react';
import { App } from '../../src/taskpane/App';
import { formatDate } from '../../src/taskpane/locale-format';
import { DEFAULT_SETTINGS } from '../../src/taskpane/model';
import { configWithPaneState } from '../../src/taskpane/persist';
import { PREVIEW_TABLES, PreviewWorkbookGateway } from '../../src/taskpane/preview-gateway';
import { PREVIEW_ORDERS } from '../../src/taskpane/preview-sample';
import { stringsFor } from '../../src/taskpane/strings';
import { defaultConfig } from '../../src/sheets/config';
import { paneDom } from '../support/pane-dom';

const dom = paneDom();

/** Excel serial of a `YYYY-MM-DD` day, and the epoch day of one. */
const serial = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000 + 25569;
const epoch = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** The preview's rows with a date and an amount (the two others are skipped). */
const usable = PREVIEW_ORDERS.slice(1).filter((r) => typeof r[1] === 'number' && typeof r[5] === 'number');
const after = (day: string) => usable.filter((r) => (r[1] as number) > serial(day)).length;

async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 30));
  });
}

async function renderPane(gateway: PreviewWorkbookGateway, language = 'en-US', today?: number) {
  await act(async () => {
    dom.root.render(
      <FluentProvider theme={webLightTheme}>
        <App
          gateway={gateway}
          strings={stringsFor(language)}
          locale={language}
          preview
          {...(today !== undefined ? { today } : {})}
        />
      </FluentProvider>,
    );
  });
  await settle();
}

const button = (text: string) =>
  [...dom.container.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement;
async function click(element: HTMLElement) {
  await act(async () => {
    element.click();
  });
  await settle();
}
async function openStep(label: string) {
  const tab = [...dom.container.querySelectorAll('[role="tab"]')].find((t) =>
    t.textContent?.startsWith(label),
  );
  await click(tab as HTMLElement);
}
const report = () => dom.container.querySelector('[data-testid="ingest-report"]')!.textContent ?? '';

/** A preview workbook whose configuration sets the pane's as-of day. */
async function gatewayWithAsOf(asOf: string | undefined, now?: Date): Promise<PreviewWorkbookGateway> {
  const gateway = new PreviewWorkbookGateway(PREVIEW_TABLES, now);
  await gateway.writeConfig(
    configWithPaneState(defaultConfig(), {
      settings: { ...DEFAULT_SETTINGS, ...(asOf ? { asOf } : {}) },
      goals: [],
      figures: [],
    }),
  );
  return gateway;
}

describe("the Data step's report", () => {
  it('gives the dates the orders cover and the as-of day: the latest date in the data', async () => {
    await renderPane(await gatewayWithAsOf(undefined));
    await click(button('Read data'));
    const first = Math.min(...usable.map((r) => r[1] as number)) - 25569;
    const last = Math.max(...usable.map((r) => r[1] as number)) - 25569;
    expect(last).toBe(epoch('2026-03-27'));
    expect(report()).toContain(`${PREVIEW_ORDERS.length - 1} read · ${usable.length} used · 2 skipped`);
    expect(report()).not.toContain('not counted');
    expect(dom.container.querySelector('[data-testid="report-dates"]')?.textContent).toBe(
      `Dates ${formatDate(first, 'en-US')} – ${formatDate(last, 'en-US')} · ` +
        `As of ${formatDate(last, 'en-US')}, the latest date in the data`,
    );
  });

  it('counts the rows after the as-of day set in Metrics & settings, and the KPIs stop there', async () => {
    const asOf = '2026-03-15';
    const later = after(asOf);
    expect(later).toBe(5); // 16, 20 (two), 24 and 27 March
    await renderPane(await gatewayWithAsOf(asOf));
    await click(button('Read data'));
    const day = formatDate(epoch(asOf), 'en-US');
    expect(report()).toContain(
      `${PREVIEW_ORDERS.length - 1} read · ${usable.length - later} used · 2 skipped · ${later} after ${day}, not counted`,
    );
    expect(report()).toContain(`As of ${day}, the day set in Metrics & settings`);
    const kpis = dom.container.querySelector('[data-testid="kpis"]')!.textContent ?? '';
    expect(kpis).toContain('Up to Mar 15, 2026, the as-of day set in Metrics & settings;');
    // March to the 15th, by hand.
    const revenue = usable
      .filter((r) => (r[1] as number) >= serial('2026-03-01') && (r[1] as number) <= serial(asOf))
      .reduce((sum, r) => sum + (r[5] as number), 0);
    expect(kpis).toContain(`Revenue${revenue.toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
  });

  it('says the same in Indonesian', async () => {
    const asOf = '2026-03-15';
    await renderPane(await gatewayWithAsOf(asOf), 'id-ID');
    await click(button('Baca data'));
    const later = after(asOf);
    const day = formatDate(epoch(asOf), 'id-ID');
    expect(report()).toContain(`${later} setelah ${day}, tidak dihitung`);
    expect(report()).toContain(`Tanggal acuan ${day}, diatur di Metrik & pengaturan`);
  });
});

describe('This week and Build take the same day', () => {
  it("shows the data's latest week when today is later, and today's week when the data runs past today", async () => {
    await renderPane(await gatewayWithAsOf(undefined), 'en-US', epoch('2027-02-01'));
    await click(button('Read data'));
    await openStep('This week');
    expect(dom.container.querySelector('[data-testid="this-week"] h2')?.textContent).toBe(
      'This week: 2026-W13',
    );

    dom.remount();
    await renderPane(await gatewayWithAsOf(undefined), 'en-US', epoch('2026-03-18'));
    await click(button('Read data'));
    await openStep('This week');
    expect(dom.container.querySelector('[data-testid="this-week"] h2')?.textContent).toBe(
      'This week: 2026-W12',
    );
  });

  it('builds as of the day set in the pane and says how many orders came after it', async () => {
    const asOf = '2026-03-15';
    const gateway = await gatewayWithAsOf(asOf);
    await renderPane(gateway);
    await openStep('Build');
    await click(button('Build dashboard'));
    await settle();
    expect(dom.container.textContent).toContain(
      `Dashboard and Review 2026-W11 as of 2026-03-15: ${usable.length - after(asOf)} orders (${after(asOf)} after 2026-03-15 not counted) from Orders.`,
    );
  });

  it('builds as of the latest date in the data when none is set, the review never past today', async () => {
    const gateway = await gatewayWithAsOf(undefined, new Date(2026, 2, 18, 9, 0));
    await renderPane(gateway);
    await openStep('Build');
    await click(button('Build dashboard'));
    await settle();
    expect(dom.container.textContent).toContain(
      `Dashboard and Review 2026-W12 as of 2026-03-27 (the latest date in the data): ${usable.length} orders from Orders.`,
    );
  });
});
