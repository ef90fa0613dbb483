/**
 * Opens the built task pane (dist/) in headless Chromium, offline: dist/ is served by `npm run
 * preview`'s server, which answers office.js from the @microsoft/office-js package whether the
 * page asks for dist/office-js/office.js (`--env officeJs=local`) or the CDN (production build),
 * and whose content security policy keeps the page on 127.0.0.1 (office.js's own telemetry frame,
 * opened 3 s after it loads, is refused instead of requested). Outside Excel the pane runs on its
 * preview gateway with sample data. Screenshots go to out/screenshots/. Skips when dist/ or
 * Chromium is missing.
 */
import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const SCREENSHOTS = path.join(ROOT, 'out/screenshots');
const CHROMIUM = '/usr/bin/chromium';
const TASKPANE_WIDTH = 320;

const missing = !fs.existsSync(path.join(DIST, 'taskpane.html'))
  ? 'dist/taskpane.html is missing (run `npm run build` first)'
  : !fs.existsSync(CHROMIUM)
    ? `${CHROMIUM} is missing (apt-get install -y chromium)`
    : null;

(missing ? describe.skip : describe)('task pane in Chromium', () => {
  let server: PreviewServer;
  let browser: Browser;
  let base: string;
  const blocked: string[] = [];

  beforeAll(async () => {
    server = await startPreviewServer({ root: DIST });
    base = server.url;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A page that can reach only the local server. */
  async function openPane(colorScheme: 'light' | 'dark'): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({
      viewport: { width: TASKPANE_WIDTH, height: 720 },
      colorScheme,
      locale: 'en-US',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(base)) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    await page.goto(`${base}taskpane.html`);
    await page.getByText('Sales Metrics', { exact: true }).waitFor({ timeout: 30_000 });
    return { page, errors };
  }

  it('renders at task-pane width, reads the sample data and takes a screenshot', async () => {
    const { page, errors } = await openPane('light');
    await page.getByText('Preview outside Excel').waitFor();
    await page.getByRole('button', { name: 'Read data' }).click();
    await page.getByText('rows read').waitFor();
    expect(await page.getByTestId('read-summary').textContent()).toContain('45 rows read');
    // The sample's mapping, its two skipped rows and the March KPIs against February.
    await page.getByRole('heading', { name: 'Column mapping' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Customer' }).textContent()).toBe('Customer');
    expect(await page.getByTestId('ingest-report').textContent()).toContain('45 read · 43 used · 2 skipped');
    await page.getByRole('heading', { name: 'Latest month: Mar 2026' }).waitFor();
    expect(await page.getByTestId('kpis').textContent()).toContain('22,379.00');
    // Nothing wider than the pane: no horizontal scrolling at 320 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      TASKPANE_WIDTH,
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'taskpane.png'), fullPage: true });
    // The pane's own scripts run cleanly; functions.js may miss the custom-functions runtime outside Excel.
    expect(errors.filter((message) => !/CustomFunctions/.test(message))).toEqual([]);
    await page.context().close();
  });

  it('lets the mapping be changed from the keyboard alone', async () => {
    const { page } = await openPane('light');
    await page.getByRole('button', { name: 'Read data' }).click();
    const customer = page.getByRole('combobox', { name: 'Customer' });
    await customer.focus();
    await page.keyboard.press('Enter');
    const listbox = page.getByRole('listbox');
    await listbox.waitFor();
    // Options: none, Order ID, Date, Customer, Region, Rep, Amount; from Customer, two down is Rep.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await listbox.waitFor({ state: 'hidden' });
    expect(await customer.textContent()).toBe('Rep');
    // Four reps sold in March.
    expect(await page.locator('[data-kpi="customers"]').textContent()).toMatch(/^Active customers4Change/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      TASKPANE_WIDTH,
    );
    await page.context().close();
  });

  it('follows a dark colour scheme outside Office', async () => {
    const { page } = await openPane('dark');
    const background = await page.evaluate(
      () => getComputedStyle(document.querySelector('main')!).backgroundColor,
    );
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    await page.getByRole('button', { name: 'Read data' }).click();
    await page.getByTestId('kpis').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'taskpane-dark.png'), fullPage: true });
    await page.context().close();
  });

  it('made no request beyond the local server', () => {
    expect(blocked).toEqual([]);
  });
});

if (missing) {
  it.skip(`task pane in Chromium: skipped, ${missing}`, () => undefined);
}
