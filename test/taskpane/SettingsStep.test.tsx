/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, useState } from 'react';
import { RUPIAH, type Currency } from '../../src/core/currency';
import { SettingsStep, type SettingsStepProps } from '../../src/taskpane/components/SettingsStep';
import { DEFAULT_SETTINGS, type PaneSettings } from '../../src/taskpane/model';
import { settingsStrings } from '../../src/taskpane/strings-settings';
import { paneDom } from '../support/pane-dom';

const dom = paneDom();

const DIMENSIONS = [
  { id: 'region', label: 'Region' },
  { id: 'rep', label: 'Sales rep' },
  { id: 'Store', label: 'Store' },
];

let emitted: PaneSettings[];

beforeEach(() => {
  emitted = [];
});

/** The step with its settings kept in state, as the pane keeps them; every emission is recorded. */
function Harness(
  props: Omit<SettingsStepProps, 'settings' | 'onSettingsChange'> & { initial: PaneSettings },
) {
  const { initial, ...rest } = props;
  const [settings, setSettings] = useState(initial);
  const onSettingsChange = (next: PaneSettings) => {
    emitted.push(next);
    setSettings(next);
  };
  return <SettingsStep {...rest} settings={settings} onSettingsChange={onSettingsChange} />;
}

async function render(
  language: 'en' | 'id' = 'en',
  options: { initial?: PaneSettings; detectedCurrency?: Currency } = {},
) {
  await act(async () => {
    dom.root.render(
      <FluentProvider theme={webLightTheme}>
        <Harness
          strings={settingsStrings(language)}
          language={language}
          initial={options.initial ?? DEFAULT_SETTINGS}
          available={{ orders: ['date', 'amount', 'region', 'rep'] }}
          dimensionChoices={DIMENSIONS}
          latestDay="2026-03-27"
          {...(options.detectedCurrency ? { detectedCurrency: options.detectedCurrency } : {})}
        />
      </FluentProvider>,
    );
  });
}

const text = () => dom.container.textContent ?? '';

/** The control a visible label names (Fluent's Field ties them with `for`). */
function control<T extends HTMLElement>(label: string): T {
  const element = [...dom.container.querySelectorAll('label')].find((l) => l.textContent === label);
  if (!element) throw new Error(`no label ${label}`);
  return document.getElementById(element.htmlFor) as T;
}
const optionTexts = (label: string) =>
  [...control<HTMLSelectElement>(label).options].map((option) => option.textContent);

async function choose(label: string, value: string) {
  const select = control<HTMLSelectElement>(label);
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Types into an input the way React notices: through the native value setter, then `input`. */
async function type(label: string, value: string) {
  const input = control<HTMLInputElement>(label);
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  await act(async () => {
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(element: Element) {
  await act(async () => {
    (element as HTMLElement).click();
  });
}

const button = (label: string) =>
  [...dom.container.querySelectorAll('button')].find((b) => b.textContent?.startsWith(label))!;
const alerts = () => [...dom.container.querySelectorAll('[role="alert"]')].map((a) => a.textContent);
const metric = (id: string) => dom.container.querySelector(`[data-metric="${id}"]`);

describe('SettingsStep', () => {
  it('renders the settings in English with the data’s latest day and currency', async () => {
    await render('en', { detectedCurrency: { symbol: '$', decimals: 2 } });
    expect(dom.container.querySelector('h2')?.textContent).toBe('Metrics & settings');
    expect(control<HTMLInputElement>('As-of day').value).toBe('');
    expect(text()).toContain('Leave empty for the latest day in the data: 27 Mar 2026.');
    expect(optionTexts('Dashboard period')).toEqual(['Day', 'Week', 'Month', 'Quarter', 'Year']);
    expect(control<HTMLSelectElement>('Dashboard period').value).toBe('month');
    expect(control<HTMLInputElement>('Trend length').value).toBe('12');
    expect(optionTexts('Fiscal year starts in').slice(0, 3)).toEqual(['January', 'February', 'March']);
    expect(optionTexts('Week starts on')).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(optionTexts('Currency')[0]).toBe('From the data ($)');
    expect(text()).toContain('Money is shown as $1,234,567.89.');
    const boxes = [...dom.container.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]')];
    expect(boxes.map((box) => box.checked)).toEqual([true, true, true]);
    expect(dom.container.querySelector('legend')?.textContent).toBe('Breakdowns');
    expect(emitted).toEqual([]);
  });

  it('speaks Indonesian, month and weekday names included, and shows the data’s rupiah', async () => {
    await render('id', {
      detectedCurrency: RUPIAH,
      initial: { ...DEFAULT_SETTINGS, fiscalYearStartMonth: 4 },
    });
    expect(dom.container.querySelector('h2')?.textContent).toBe('Metrik & pengaturan');
    expect(text()).toContain('Kosongkan untuk memakai hari terakhir dalam data: 27 Mar 2026.');
    expect(optionTexts('Periode dasbor')).toEqual(['Hari', 'Minggu', 'Bulan', 'Kuartal', 'Tahun']);
    expect(optionTexts('Tahun fiskal dimulai pada')).toEqual([
      'Januari',
      'Februari',
      'Maret',
      'April',
      'Mei',
      'Juni',
      'Juli',
      'Agustus',
      'September',
      'Oktober',
      'November',
      'Desember',
    ]);
    const fiscal = control<HTMLSelectElement>('Tahun fiskal dimulai pada');
    expect(fiscal.selectedOptions[0].textContent).toBe('April');
    expect(optionTexts('Minggu dimulai pada hari')).toEqual([
      'Senin',
      'Selasa',
      'Rabu',
      'Kamis',
      'Jumat',
      'Sabtu',
      'Minggu',
    ]);
    expect(control<HTMLSelectElement>('Mata uang').selectedOptions[0].textContent).toBe('Dari data (Rp)');
    expect(text()).toContain('Uang ditampilkan sebagai Rp 1.234.568.');
  });

  it('emits whole new settings when the period, trend, fiscal year or week start change', async () => {
    await render();
    await choose('Dashboard period', 'week');
    expect(emitted).toEqual([{ ...DEFAULT_SETTINGS, unit: 'week' }]);
    await type('Trend length', '26');
    await choose('Fiscal year starts in', '7');
    await choose('Week starts on', '7');
    expect(emitted.at(-1)).toEqual({
      ...DEFAULT_SETTINGS,
      unit: 'week',
      periods: 26,
      fiscalYearStartMonth: 7,
      weekStartsOn: 7,
    });
    expect(control<HTMLSelectElement>('Dashboard period').value).toBe('week');
  });

  it('rejects a trend length out of range with a message and emits nothing', async () => {
    await render();
    for (const bad of ['1', '121', '2.5', '']) {
      await type('Trend length', bad);
      expect(control('Trend length').getAttribute('aria-invalid')).toBe('true');
      expect(alerts()).toEqual(['Enter a whole number from 2 to 120.']);
    }
    expect(emitted).toEqual([]);
    await type('Trend length', '120');
    expect(alerts()).toEqual([]);
    expect(emitted).toEqual([{ ...DEFAULT_SETTINGS, periods: 120 }]);
  });

  it('shows a message for a bad as-of date, emits nothing, and takes a good one', async () => {
    await render();
    // A date input lets years past 9999 through; Excel has no dates before 1900.
    for (const bad of ['20260-03-31', '1850-01-01']) {
      await type('As-of day', bad);
      const input = control<HTMLInputElement>('As-of day');
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(alerts()).toEqual(['Enter a real date, such as 2026-03-31.']);
      expect(document.getElementById(input.getAttribute('aria-describedby')!.split(' ')[0])).not.toBeNull();
    }
    expect(emitted).toEqual([]);
    await type('As-of day', '2026-03-15');
    expect(alerts()).toEqual([]);
    expect(control('As-of day').getAttribute('aria-invalid')).toBeNull();
    expect(emitted).toEqual([{ ...DEFAULT_SETTINGS, asOf: '2026-03-15' }]);
    // Back to the data's latest day: the setting is left out again.
    await click(button('Use the latest day'));
    expect(emitted.at(-1)).toEqual(DEFAULT_SETTINGS);
    expect('asOf' in emitted.at(-1)!).toBe(false);
    expect(button('Use the latest day')).toBeUndefined();
    expect(document.activeElement).toBe(control('As-of day'));
  });

  it('chooses no currency, a preset, another symbol, and the data’s again', async () => {
    await render('en', { detectedCurrency: RUPIAH });
    await choose('Currency', 'none');
    expect(emitted.at(-1)).toEqual({ ...DEFAULT_SETTINGS, currency: null });
    expect(text()).toContain('Money is shown as 1,234,567.89.');
    await choose('Currency', '€');
    expect(emitted.at(-1)).toEqual({ ...DEFAULT_SETTINGS, currency: { symbol: '€', decimals: 2 } });
    // "Other" starts from the currency in use.
    await choose('Currency', 'other');
    expect(control<HTMLInputElement>('Symbol').value).toBe('€');
    await type('Symbol', 'CHF');
    await choose('Decimals', '0');
    expect(emitted.at(-1)).toEqual({ ...DEFAULT_SETTINGS, currency: { symbol: 'CHF', decimals: 0 } });
    expect(text()).toContain('Money is shown as CHF 1,234,568.');
    const count = emitted.length;
    for (const bad of ['', 'a;b', 'R:2', 'TOOLONG', 'none']) {
      await type('Symbol', bad);
      expect(control('Symbol').getAttribute('aria-invalid')).toBe('true');
      expect(alerts()).toEqual([
        'Enter a symbol of up to 5 characters, without quotes, colons, semicolons, brackets or backslashes.',
      ]);
    }
    expect(emitted).toHaveLength(count);
    // A typed preset stays "other" while it is being typed.
    await type('Symbol', 'Rp');
    expect(emitted.at(-1)?.currency).toEqual(RUPIAH);
    expect(control<HTMLSelectElement>('Currency').value).toBe('other');
    await choose('Currency', 'data');
    expect(emitted.at(-1)).toEqual(DEFAULT_SETTINGS);
    expect('currency' in emitted.at(-1)!).toBe(false);
    expect(() => control('Symbol')).toThrow();
  });

  it('shows a saved custom currency as another symbol', async () => {
    await render('en', { initial: { ...DEFAULT_SETTINGS, currency: { symbol: 'RM', decimals: 2 } } });
    expect(control<HTMLSelectElement>('Currency').value).toBe('other');
    expect(control<HTMLInputElement>('Symbol').value).toBe('RM');
    expect(optionTexts('Currency')[0]).toBe('From the data (none found)');
  });

  it('unchecks and rechecks a breakdown dimension', async () => {
    await render();
    const box = (label: string) => control<HTMLInputElement>(label);
    await click(box('Sales rep'));
    expect(emitted.at(-1)).toEqual({ ...DEFAULT_SETTINGS, dimensions: ['region', 'Store'] });
    expect(box('Sales rep').checked).toBe(false);
    await click(box('Sales rep'));
    // Every dimension on again: left to the data, so columns added later are broken down too.
    expect(emitted.at(-1)).toEqual(DEFAULT_SETTINGS);
    expect('dimensions' in emitted.at(-1)!).toBe(false);
  });

  it('keeps saved dimensions the data does not offer now', async () => {
    await render('en', { initial: { ...DEFAULT_SETTINGS, dimensions: ['channel', 'region'] } });
    expect(control<HTMLInputElement>('Sales rep').checked).toBe(false);
    await click(control('Store'));
    expect(emitted.at(-1)?.dimensions).toEqual(['channel', 'region', 'Store']);
  });

  it('lists the catalogue by family and says what an unsupported metric needs', async () => {
    await render();
    const headers = [...dom.container.querySelectorAll('[data-family] button')];
    expect(headers.map((h) => h.textContent)).toEqual([
      'Orders3 of 17 ready',
      'Pipeline0 of 8 ready',
      'Marketing0 of 4 ready',
    ]);
    expect(headers[0].getAttribute('aria-expanded')).toBe('false');
    await click(headers[0]);
    expect(headers[0].getAttribute('aria-expanded')).toBe('true');
    expect(metric('revenue')?.textContent).toContain('Ready');
    expect(metric('revenue')?.textContent).toContain('Formula: Σ amount');
    expect(metric('customers')?.textContent).toContain('Needs the Customer column');
    expect(metric('customers')?.getAttribute('data-ready')).toBe('false');
    // Long descriptions show their first clause, and the rest on request.
    expect(metric('clv')?.textContent).toContain('Historic CLV over the 12 months ending with the period.');
    expect(metric('clv')?.textContent).not.toContain('lifespan');
    const more = metric('clv')!.querySelector('button')!;
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await click(more);
    expect(metric('clv')?.textContent).toContain('lifespan is capped at 10 years');
    await click(headers[1]);
    expect(metric('win_rate')?.textContent).toContain('Needs a pipeline table');
    await click(headers[2]);
    expect(metric('cac')?.textContent).toContain('Needs the Customer column and a marketing spend table');
  });

  it('shows the catalogue in Indonesian', async () => {
    await render('id');
    const headers = [...dom.container.querySelectorAll('[data-family] button')];
    await click(headers[0]);
    expect(metric('revenue')?.textContent).toContain('Pendapatan');
    expect(metric('revenue')?.textContent).toContain('Rumus: Σ nilai');
    expect(metric('revenue')?.textContent).toContain('Siap');
    expect(metric('customers')?.textContent).toContain('Perlu kolom Pelanggan');
  });
});

describe('settingsStrings', () => {
  it('picks Indonesian for any id-* tag and English otherwise', () => {
    expect(settingsStrings('id-ID').ready).toBe('Siap');
    expect(settingsStrings('en-GB').ready).toBe('Ready');
    expect(settingsStrings('fr-FR').ready).toBe('Ready');
  });

  it('translates every text and keeps the shape', () => {
    const en = settingsStrings('en');
    const id = settingsStrings('id');
    const render = (s: unknown): unknown => (typeof s === 'function' ? s(['A', 'B'], ['spend']) : s);
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const [a, b] = [en[key], id[key]];
      if (typeof a === 'object') {
        // Lists and tables of names: the same entries; some names are the same word in both.
        expect([key, Object.keys(b as object)]).toEqual([key, Object.keys(a)]);
      } else {
        expect([key, render(b)]).not.toEqual([key, render(a)]);
      }
    }
    expect(id.months).toHaveLength(12);
    expect(id.weekdays).toHaveLength(7);
    expect(id.needs(['Pelanggan', 'Biaya (HPP)'], [])).toBe('Perlu kolom Pelanggan dan Biaya (HPP)');
  });
});

describe('the stale-deal settings', () => {
  it('shows the default multiple, passes a typed one up and keeps a bad one in the field', async () => {
    await render('en');
    expect(control<HTMLInputElement>('Stale deal after (median sales cycles)').value).toBe('2');
    await type('Stale deal after (median sales cycles)', '1,5');
    expect(emitted.at(-1)).toMatchObject({ staleMultiple: 1.5 });
    const count = emitted.length;
    await type('Stale deal after (median sales cycles)', '0');
    expect(emitted).toHaveLength(count);
    expect(alerts()).toContain('Enter a number above 0, such as 2 or 1.5.');
  });

  it('includes stale deals when the box is checked, in Indonesian too', async () => {
    await render('id');
    const box = control<HTMLInputElement>('Hitung transaksi basi dalam prakiraan dan cakupan pipeline');
    expect(box.checked).toBe(false);
    await click(box);
    expect(emitted.at(-1)).toMatchObject({ includeStale: true });
  });
});
