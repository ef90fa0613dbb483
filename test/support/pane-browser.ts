/**
 * Shared by the task pane's browser tests: headless Chromium with a fresh profile per pane, a
 * record of every request that leaves 127.0.0.1, and the pane's labels in both languages. The
 * pane is served by `npm run preview`'s server (scripts/preview.ts) over dist/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type JSHandle, type Locator, type Page } from 'playwright-core';
import { buildPreview, DIST } from '../../scripts/preview';

export const ROOT = path.resolve(__dirname, '../..');
export const TEST_OUTPUT = path.join(ROOT, 'test-output');
export const CHROMIUM = '/usr/bin/chromium';

/** No GPU, no sandbox (containers), and nothing Chromium would fetch on its own. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why the browser tests cannot run on this machine, or null. */
export const chromiumMissing: string | null = fs.existsSync(CHROMIUM)
  ? null
  : `${CHROMIUM} is missing (apt-get install -y chromium)`;

/** Builds dist/ (development, local office.js) only when absent: CI builds it before jest. */
export async function ensureDist(): Promise<void> {
  if (fs.existsSync(path.join(DIST, 'taskpane.html'))) return;
  console.log('dist/ is missing: building the development bundle with webpack');
  await buildPreview();
}

export type Lang = 'en' | 'id';
export type StepId = 'data' | 'settings' | 'goals' | 'build' | 'week';

/** What the tests click and look for, in the pane's two languages. */
export const LABELS = {
  en: {
    locale: 'en-US',
    tabs: {
      data: 'Data',
      settings: 'Metrics & settings',
      goals: 'Goals & benchmarks',
      build: 'Build',
      week: 'This week',
    },
    readData: 'Read data',
    rowsRead: '45 rows read',
    reportCounts: '45 read · 43 used · 2 skipped',
    buildDashboard: 'Build dashboard',
    refreshReview: 'Refresh weekly review',
    done: 'Done',
    goTo: 'Go to',
    languageToggle: 'ID',
  },
  id: {
    locale: 'id-ID',
    tabs: {
      data: 'Sumber data',
      settings: 'Metrik & pengaturan',
      goals: 'Sasaran & tolok ukur',
      build: 'Buat',
      week: 'Minggu ini',
    },
    readData: 'Baca data',
    rowsRead: '45 baris dibaca',
    reportCounts: '45 dibaca · 43 dipakai · 2 dilewati',
    buildDashboard: 'Buat dasbor',
    refreshReview: 'Perbarui tinjauan mingguan',
    done: 'Selesai',
    goTo: 'Buka',
    languageToggle: 'EN',
  },
} as const satisfies Record<Lang, unknown>;

export interface PaneOptions {
  readonly width: number;
  readonly height?: number;
  readonly colorScheme?: 'light' | 'dark';
  readonly lang?: Lang;
}

export interface Pane {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Every request to a host other than 127.0.0.1 (aborted before it is sent). */
  readonly outside: string[];
  /** Loads the content security policy of the preview server refused (console messages). */
  readonly refused: string[];
  /** Uncaught errors in the page. */
  readonly errors: string[];
  close(): Promise<void>;
}

/** A Chromium of its own (fresh user data dir) showing nothing yet; `page.goto` the pane next. */
export async function launchPane(options: PaneOptions): Promise<Pane> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pane-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: options.width, height: options.height ?? 720 },
    colorScheme: options.colorScheme ?? 'light',
    locale: LABELS[options.lang ?? 'en'].locale,
  });
  const outside: string[] = [];
  const refused: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).hostname === '127.0.0.1') return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) refused.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    page,
    context,
    outside,
    refused,
    errors,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Refused loads other than office.js's telemetry frame, which office.js opens 3 s after it loads
 * in any page (o15apptofilemappingtable.js); the pane itself must need nothing from elsewhere.
 */
export function refusedBeyondOfficeTelemetry(pane: Pane): string[] {
  return pane.refused.filter((message) => !message.includes('telemetryservice.firstpartyapps.oaspapps.com'));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A step's tab. Fluent renders the label twice inside the tab, hence "starts with". */
export function tab(page: Page, label: string): Locator {
  return page.getByRole('tab', { name: new RegExp(`^${escapeRegExp(label)}`) });
}

/** The ID/EN button, by its visible text (its accessible name is a sentence). */
export function languageToggle(page: Page, text: string): Locator {
  return page.getByRole('button').filter({ hasText: new RegExp(`^${text}$`) });
}

/** How far the page scrolls sideways (0: not at all). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** A full-page screenshot in test-output/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(TEST_OUTPUT, { recursive: true });
  await page.screenshot({ path: path.join(TEST_OUTPUT, `${name}.png`), fullPage: true });
}

/** The focused element as a person hears it: role and name. */
export interface FocusedControl {
  readonly role: string;
  readonly name: string;
  readonly tag: string;
}

export function focusedControl(page: Page): Promise<FocusedControl> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { role: 'none', name: '', tag: 'body' };
    const labelledBy = element.getAttribute('aria-labelledby')?.split(' ')[0];
    const label = (element as HTMLSelectElement).labels?.[0];
    // innerText leaves out the hidden copy of a Fluent tab's label.
    const name =
      element.getAttribute('aria-label') ??
      (labelledBy ? document.getElementById(labelledBy)?.innerText : undefined) ??
      label?.innerText ??
      element.innerText;
    const role = element.getAttribute('role') ?? element.tagName.toLowerCase();
    return { role, name: name.trim(), tag: element.tagName.toLowerCase() };
  });
}

/**
 * What draws an element and its two nearest ancestors (Fluent draws a field's focus underline on
 * its wrapper): outline, box-shadow, text decoration, and the borders, background, outline and
 * shadow of ::before and ::after with their transform. Compare an element's look while focused
 * and after focus moved on: what changed is its focus indicator. Running transitions are awaited
 * so that both looks are taken at rest.
 */
export function focusLook(element: JSHandle<Element>): Promise<string[]> {
  return element.evaluate(async (el) => {
    const transitions = document.getAnimations().filter((a) => a instanceof CSSTransition);
    await Promise.all(transitions.map((a) => a.finished.catch(() => undefined)));
    const visible = (color: string) => color !== 'transparent' && !/^rgba\(.*, 0\)$/.test(color);
    const features: string[] = [];
    const draw = (style: CSSStyleDeclaration, where: string) => {
      if (
        style.outlineStyle !== 'none' &&
        parseFloat(style.outlineWidth) > 0 &&
        visible(style.outlineColor)
      ) {
        features.push(`${where} outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`);
      }
      if (style.boxShadow !== 'none') features.push(`${where} box-shadow ${style.boxShadow}`);
      if (style.textDecorationLine !== 'none') {
        features.push(`${where} text-decoration ${style.textDecorationLine} ${style.textDecorationStyle}`);
      }
    };
    let node: Element | null = el;
    for (let level = 0; node && level < 3; level++, node = node.parentElement) {
      const where = ['', 'parent', 'grandparent'][level];
      draw(getComputedStyle(node), where);
      for (const pseudo of ['::before', '::after']) {
        const p = getComputedStyle(node, pseudo);
        if (p.content === 'none' || p.display === 'none') continue;
        draw(p, `${where}${pseudo}`);
        // Fluent's field underline: a brand-coloured gradient bar scaled from 0 to full width.
        if (visible(p.backgroundColor) || p.backgroundImage !== 'none') {
          features.push(`${where}${pseudo} background ${p.backgroundImage} ${p.transform}`);
        }
        for (const side of ['top', 'right', 'bottom', 'left']) {
          const [width, line, color] = ['width', 'style', 'color'].map((k) =>
            p.getPropertyValue(`border-${side}-${k}`),
          );
          if (parseFloat(width) > 0 && line !== 'none' && visible(color)) {
            features.push(`${where}${pseudo} border-${side} ${width} ${line} ${color} ${p.transform}`);
          }
        }
      }
    }
    return features.map((feature) => feature.trim());
  });
}
