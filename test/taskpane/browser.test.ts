/**
 * Opens the built task pane (dist/) in headless Chromium, offline: dist/ is served by a tiny
 * local server and office.js comes from the @microsoft/office-js package, whether the page asks
 * for dist/office-js/office.js (`--env officeJs=local`) or the CDN (production build; the request
 * is answered locally). Outside Excel the pane runs on its preview gateway with sample data.
 * Screenshots go to out/screenshots/. Skips when dist/ or Chromium is missing.
 */
import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const OFFICE_JS = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
const SCREENSHOTS = path.join(ROOT, 'out/screenshots');
const CHROMIUM = '/usr/bin/chromium';
const CDN_PREFIX = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const TASKPANE_WIDTH = 320;

const missing = !fs.existsSync(path.join(DIST, 'taskpane.html'))
  ? 'dist/taskpane.html is missing (run `npm run build` first)'
  : !fs.existsSync(CHROMIUM)
    ? `${CHROMIUM} is missing (apt-get install -y chromium)`
    : null;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

/** Serves files under `root`; 404 for anything else. */
function serve(root: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

(missing ? describe.skip : describe)('task pane in Chromium', () => {
  let server: http.Server;
  let browser: Browser;
  let base: string;
  const blocked: string[] = [];

  beforeAll(async () => {
    server = await serve(DIST);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
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
    await new Promise((resolve) => server?.close(resolve));
  });

  /** A page that can reach only the local server; office.js CDN requests are answered from disk. */
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
      if (url.startsWith(CDN_PREFIX)) {
        const file = path.join(OFFICE_JS, url.slice(CDN_PREFIX.length).split('?')[0]);
        if (file.startsWith(OFFICE_JS) && fs.existsSync(file)) {
          return route.fulfill({ path: file, contentType: 'text/javascript' });
        }
      }
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

  it('made no request beyond the local server and office.js', () => {
    expect(blocked).toEqual([]);
  });
});

if (missing) {
  it.skip(`task pane in Chromium: skipped, ${missing}`, () => undefined);
}
