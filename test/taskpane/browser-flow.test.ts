/**
 * The task pane's whole flow in headless Chromium, served by `npm run preview`'s server over
 * dist/: read the sample workbook, build the dashboard, look at it, refresh the weekly review — at
 * task-pane widths, light and dark, English and Indonesian; then the same from the keyboard alone,
 * axe-core on every step, and the pane's first-render time and bundle size. Nothing may leave
 * 127.0.0.1. Screenshots go to test-output/. Skips when Chromium is missing; builds dist/ when
 * it is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AxeResults, Result } from 'axe-core';
import type { JSHandle, Page } from 'playwright-core';
import {
  DIST,
  OFFICE_JS_DIST,
  portFrom,
  startPreviewServer,
  type PreviewServer,
} from '../../scripts/preview';
import {
  ROOT,
  LABELS,
  chromiumMissing,
  ensureDist,
  focusedControl,
  focusLook,
  horizontalOverflow,
  languageToggle,
  launchPane,
  refusedBeyondOfficeTelemetry,
  screenshot,
  tab,
  type FocusedControl,
  type Lang,
  type Pane,
  type PaneOptions,
  type StepId,
} from '../support/pane-browser';

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const SHEET_TITLE = 'Sales dashboard';

let server: PreviewServer;

beforeAll(async () => {
  await ensureDist();
  server = await startPreviewServer();
}, 300_000);

afterAll(async () => {
  await server?.close();
});

describe("npm run preview's server", () => {
  it('serves the task pane and answers office.js from the package, not the CDN', async () => {
    const page = await fetch(server.taskpaneUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/appsforoffice\.microsoft\.com/);
    const src = /<script[^>]*\ssrc="?([^"\s>]*office\.js)/.exec(html)?.[1];
    expect(src).toBeDefined();
    const officeJs = await fetch(new URL(src!, server.taskpaneUrl));
    expect(new URL(officeJs.url).host).toBe(new URL(server.url).host);
    expect(officeJs.status).toBe(200);
    expect(officeJs.headers.get('content-type')).toMatch(/javascript/);
    expect(await officeJs.text()).toBe(fs.readFileSync(path.join(OFFICE_JS_DIST, 'office.js'), 'utf8'));
    // Neither a way out of dist/ nor out of the package.
    expect((await fetch(`${server.url}%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${server.url}office-js/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
  });

  it('takes the port from --port, --port= or PORT, else a free one', () => {
    expect(portFrom(['--port', '8080'], {})).toBe(8080);
    expect(portFrom(['--port=8081'], { PORT: '9000' })).toBe(8081);
    expect(portFrom([], { PORT: '9000' })).toBe(9000);
    expect(portFrom([], {})).toBe(0);
    expect(() => portFrom(['--port', 'http'], {})).toThrow('Not a port: http');
  });
});

/** Opens the pane and waits for its first step. */
async function openPane(options: PaneOptions): Promise<Pane> {
  const pane = await launchPane(options);
  await pane.page.goto(server.taskpaneUrl);
  await pane.page.getByRole('button', { name: LABELS[options.lang ?? 'en'].readData, exact: true }).waitFor();
  return pane;
}

/** Nothing left 127.0.0.1, nothing was refused but office.js's telemetry, no script failed. */
function expectOffline(pane: Pane): void {
  expect(pane.outside).toEqual([]);
  expect(refusedBeyondOfficeTelemetry(pane)).toEqual([]);
  // functions.js may miss the custom-functions runtime outside Excel.
  expect(pane.errors.filter((message) => !/CustomFunctions/.test(message))).toEqual([]);
}

/** Reads the sample workbook and waits for the mapping and the ingestion report. */
async function readData(page: Page, lang: Lang): Promise<void> {
  const labels = LABELS[lang];
  await page.getByRole('button', { name: labels.readData, exact: true }).click();
  await page.getByTestId('ingest-report').waitFor();
  expect(await page.getByTestId('read-summary').textContent()).toContain(labels.rowsRead);
  expect(await page.getByTestId('ingest-report').textContent()).toContain(labels.reportCounts);
  await page.getByTestId('mapping').getByRole('combobox').first().waitFor();
}

/** Runs a job from the Build step and waits for its success message; returns the message. */
async function runJob(page: Page, lang: Lang, button: 'buildDashboard' | 'refreshReview'): Promise<string> {
  const labels = LABELS[lang];
  const build = page.getByTestId('build');
  await build.getByRole('button', { name: labels[button], exact: true }).first().click();
  const expected =
    button === 'buildDashboard' ? `${labels.goTo} Dashboard` : new RegExp(`^${labels.goTo} Review`);
  const message = build.getByRole('alert').filter({ has: page.getByText(expected) });
  await message.waitFor({ timeout: 30_000 });
  return (await message.textContent()) ?? '';
}

/** Goes to a written sheet and waits for the pane's preview of it. */
async function goToSheet(page: Page, lang: Lang, sheet: RegExp): Promise<string> {
  const link = page.getByTestId('build').getByText(new RegExp(`^${LABELS[lang].goTo} ${sheet.source}$`));
  await link.click();
  const preview = page.getByTestId('preview-sheet');
  await preview.getByRole('heading', { name: sheet }).waitFor();
  return (await preview.textContent()) ?? '';
}

/** Notes whether a progress bar was ever shown: the sample's jobs finish in a blink. */
async function watchForProgressBar(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const flags = window as unknown as { sawProgressBar?: boolean };
    new MutationObserver(() => {
      if (document.querySelector('[role="progressbar"]')) flags.sawProgressBar = true;
    }).observe(document, { childList: true, subtree: true });
  });
}

(chromiumMissing ? describe.skip : describe)('the task pane in Chromium', () => {
  const runs = (['en', 'id'] as const).flatMap((lang) =>
    [320, 500].flatMap((width) => (['light', 'dark'] as const).map((scheme) => ({ lang, width, scheme }))),
  );

  describe.each(runs)('$lang at $width px, $scheme', ({ lang, width, scheme }) => {
    it('reads the data, builds the dashboard, shows it and refreshes the weekly review', async () => {
      const labels = LABELS[lang];
      const pane = await launchPane({ width, colorScheme: scheme, lang, height: 800 });
      const { page } = pane;
      const shot = async (step: string) => {
        expect({ step, overflow: await horizontalOverflow(page) }).toEqual({ step, overflow: 0 });
        await screenshot(page, `pane-${lang}-${width}-${scheme}-${step}`);
      };
      try {
        await watchForProgressBar(page);
        await page.goto(server.taskpaneUrl);
        await page.getByRole('button', { name: labels.readData, exact: true }).waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        expect(await tab(page, labels.tabs.data).getAttribute('aria-selected')).toBe('true');
        expect(await languageToggle(page, labels.languageToggle).count()).toBe(1);
        // The pane follows the browser's colour scheme outside Office.
        const background = await page.evaluate(
          () => getComputedStyle(document.querySelector('main')!).backgroundColor,
        );
        const brightness = (background.match(/\d+/g) ?? [])
          .slice(0, 3)
          .reduce((sum, c) => sum + Number(c), 0);
        expect(scheme === 'dark' ? brightness < 3 * 80 : brightness > 3 * 200).toBe(true);
        await shot('data');

        await readData(page, lang);
        await shot('read');

        await tab(page, labels.tabs.build).click();
        await page.getByTestId('build').waitFor();
        await shot('build');

        const built = await runJob(page, lang, 'buildDashboard');
        expect(built).toContain(labels.done);
        expect(
          await page.evaluate(() => (window as unknown as { sawProgressBar?: boolean }).sawProgressBar),
        ).toBe(true);
        await shot('built');

        expect(await goToSheet(page, lang, /Dashboard/)).toContain(SHEET_TITLE);
        await shot('dashboard');

        const refreshed = await runJob(page, lang, 'refreshReview');
        expect(refreshed).toContain(labels.done);
        expect(await goToSheet(page, lang, /Review \d{4}-W\d{2}/)).toMatch(/Review \d{4}-W\d{2}/);
        await shot('review');

        expectOffline(pane);
      } finally {
        await pane.close();
      }
    });
  });

  it('switches the language with its ID / EN button', async () => {
    const pane = await openPane({ width: 320 });
    const { page } = pane;
    try {
      await languageToggle(page, LABELS.en.languageToggle).click();
      await tab(page, LABELS.id.tabs.data).waitFor();
      await page.getByRole('button', { name: LABELS.id.readData, exact: true }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
      await languageToggle(page, LABELS.id.languageToggle).click();
      await tab(page, LABELS.en.tabs.data).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expectOffline(pane);
    } finally {
      await pane.close();
    }
  });

  describe('from the keyboard alone', () => {
    it('reads the data, builds the dashboard and reaches Go to Dashboard with Tab, arrows, Enter and Space', async () => {
      const labels = LABELS.en;
      const pane = await openPane({ width: 320 });
      const { page } = pane;
      const stops: string[] = [];
      const withoutIndicator: string[] = [];
      // The element focused last and how it looked: once focus moves on, what changed in its look
      // is its focus indicator.
      let previous: { handle: JSHandle<Element>; focused: string[]; label: string } | null = null;

      /** Checks the last stop's focus indicator when focus has moved, then notes the new stop. */
      const noteFocus = async (): Promise<FocusedControl> => {
        const focused = await focusedControl(page);
        const handle = (await page.evaluateHandle(
          () => document.activeElement ?? document.body,
        )) as JSHandle<Element>;
        if (previous && (await handle.evaluate((el, last) => el === last, previous.handle))) return focused;
        if (previous) {
          const unfocused = await focusLook(previous.handle);
          const indicator = previous.focused.filter((f) => !unfocused.includes(f));
          if (indicator.length === 0) withoutIndicator.push(previous.label);
          else stops[stops.length - 1] += ` [${indicator[0].split(/ (?:rgb|linear|matrix)/)[0]}]`;
        }
        const label = `${focused.role} "${focused.name.slice(0, 40)}"`;
        stops.push(label);
        previous = focused.tag === 'body' ? null : { handle, focused: await focusLook(handle), label };
        return focused;
      };
      const press = async (key: string): Promise<FocusedControl> => {
        await page.keyboard.press(key);
        return noteFocus();
      };
      /** Presses `key` until the focused element matches, at most `limit` times. */
      const pressUntil = async (
        key: string,
        wanted: (f: FocusedControl) => boolean,
        limit = 40,
      ): Promise<void> => {
        for (let i = 0; i < limit; i++) if (wanted(await press(key))) return;
        throw new Error(`${key} never reached the control; stops: ${stops.join(' → ')}`);
      };

      try {
        await pressUntil('Tab', (f) => f.role === 'button' && f.name === labels.readData);
        await press('Enter');
        await page.getByTestId('ingest-report').waitFor();

        // Back to the step tabs, then along them with the arrow keys.
        await pressUntil('Shift+Tab', (f) => f.role === 'tab');
        await pressUntil('ArrowRight', (f) => f.role === 'tab' && f.name.startsWith(labels.tabs.build), 5);
        await press('Enter');
        await page.getByTestId('build').waitFor();
        expect(await tab(page, labels.tabs.build).getAttribute('aria-selected')).toBe('true');

        await pressUntil('Tab', (f) => f.name === labels.buildDashboard);
        await press('Space');
        await page.getByTestId('build').getByRole('alert').waitFor({ timeout: 30_000 });
        const afterJob = await noteFocus();

        await pressUntil('Tab', (f) => f.name === `${labels.goTo} Dashboard`);
        await press('Enter');
        await page.getByTestId('preview-sheet').getByText(SHEET_TITLE).first().waitFor();
        // The sheet's scrollable box takes focus too; Tab on to check its indicator.
        await pressUntil('Tab', (f) => f.role === 'region');
        await press('Tab');

        console.log(
          `Keyboard run, ${stops.length} stops: ${stops.join(' → ')}\n` +
            `Focus when the dashboard was built: ${afterJob.role} "${afterJob.name}"\n` +
            `Without a visible focus indicator: ${withoutIndicator.join(', ') || 'none'}`,
        );
        expect(withoutIndicator).toEqual([]);
        expectOffline(pane);
      } finally {
        await pane.close();
      }
    });
  });

  describe('axe-core', () => {
    /** Serious and critical violations, one line per element, with its selector. */
    function serious(results: AxeResults): string[] {
      return results.violations
        .filter((v: Result) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) =>
          v.nodes.map(
            (n) => `${v.impact} ${v.id} (${v.help}): ${n.target.join(' ')} ${n.html.slice(0, 120)}`,
          ),
        );
    }

    it.each(['en', 'id'] as const)('finds nothing serious on any step in %s at 320 px', async (lang) => {
      const labels = LABELS[lang];
      const pane = await openPane({ width: 320, lang });
      const { page } = pane;
      const found: string[] = [];
      const lesser: string[] = [];
      const check = async (step: StepId | 'data, pipeline columns') => {
        const results = await page.evaluate(() =>
          // Tabster's (Fluent's focus manager) sentinels are focusable on purpose and aria-hidden so
          // that screen readers skip them; they hand focus on at once (microsoft/tabster#288).
          (window as unknown as { axe: typeof import('axe-core') }).axe.run(
            { exclude: [['[data-tabster-dummy]']] },
            { resultTypes: ['violations'] },
          ),
        );
        found.push(...serious(results).map((line) => `[${step}] ${line}`));
        lesser.push(
          ...results.violations
            .filter((v) => v.impact !== 'serious' && v.impact !== 'critical')
            .map(
              (v) => `[${step}] ${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            ),
        );
      };
      try {
        await page.addScriptTag({ path: AXE });
        await readData(page, lang);
        await check('data');
        // The sample's pipeline as a side table, with its column list open.
        const side = page.getByTestId('side-tables');
        await side.locator('select').first().selectOption('Pipeline');
        await side.getByRole('button', { expanded: false }).first().click();
        await page.locator('#side-pipeline-created').waitFor();
        await check('data, pipeline columns');
        await tab(page, labels.tabs.settings).click();
        await page.getByTestId('settings-step').waitFor();
        await check('settings');
        await tab(page, labels.tabs.goals).click();
        await page.getByTestId('goals-step').waitFor();
        await check('goals');
        await tab(page, labels.tabs.build).click();
        await runJob(page, lang, 'buildDashboard');
        await goToSheet(page, lang, /Dashboard/);
        await check('build');
        await tab(page, labels.tabs.week).click();
        await page.getByTestId('this-week').waitFor();
        await check('week');
        console.log(
          `axe-core, ${lang}: serious or critical:\n${found.join('\n') || 'none'}\n` +
            `moderate or minor (not failing):\n${lesser.join('\n') || 'none'}`,
        );
        expect(found).toEqual([]);
        expectOffline(pane);
      } finally {
        await pane.close();
      }
    });
  });

  describe('first render and bundle size', () => {
    it('measures navigation start → "Read data" visible (median of 5 loads) and taskpane.js gzipped', async () => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const pane = await launchPane({ width: 320 });
        try {
          // Stamps the moment the button is in the DOM and rendered, relative to navigation start.
          await pane.page.addInitScript((label) => {
            const stamp = window as unknown as { readDataShown?: number };
            const observer = new MutationObserver(() => {
              const button = [...document.querySelectorAll('button')].find(
                (b) => b.textContent?.trim() === label,
              );
              if (button?.checkVisibility()) {
                stamp.readDataShown = performance.now();
                observer.disconnect();
              }
            });
            observer.observe(document, { childList: true, subtree: true, attributes: true });
          }, LABELS.en.readData);
          await pane.page.goto(server.taskpaneUrl);
          await pane.page.getByRole('button', { name: LABELS.en.readData, exact: true }).waitFor();
          times.push(
            await pane.page.evaluate(() => (window as unknown as { readDataShown: number }).readDataShown),
          );
        } finally {
          await pane.close();
        }
      }
      const median = [...times].sort((a, b) => a - b)[2];
      const bundle = fs.readFileSync(path.join(DIST, 'taskpane.js'));
      // webpack's development output keeps its bootstrap comments; production is minified.
      const development = bundle.includes('/******/');
      console.log(
        `First render (navigation start → "Read data" visible), ${development ? 'development' : 'production'} bundle: ` +
          `median ${median.toFixed(0)} ms of ${times.map((t) => t.toFixed(0)).join(', ')} ms\n` +
          `dist/taskpane.js: ${(bundle.length / 1024).toFixed(0)} KiB, ` +
          `gzip ${(zlib.gzipSync(bundle).length / 1024).toFixed(0)} KiB (level 6), ` +
          `${(zlib.gzipSync(bundle, { level: 9 }).length / 1024).toFixed(0)} KiB (level 9)`,
      );
      expect(times.every((t) => Number.isFinite(t) && t > 0)).toBe(true);
    });
  });
});

if (chromiumMissing) {
  it.skip(`the task pane in Chromium: skipped, ${chromiumMissing}`, () => undefined);
}
