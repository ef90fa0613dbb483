/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act } from 'react';
import type { CellValue } from '../../src/core/cell';
import { App, resolveSource } from '../../src/taskpane/App';
import type {
  JobKind,
  JobRequest,
  JobResult,
  ReadOptions,
  SavedState,
  SourceData,
  TableInfo,
  WorkbookGateway,
} from '../../src/taskpane/gateway';
import { PREVIEW_TABLES, PreviewWorkbookGateway } from '../../src/taskpane/preview-gateway';
import { stringsFor } from '../../src/taskpane/strings';
import { clearNotice, publishNotice } from '../../src/workflows/notices';
import { defaultConfig, type SalesMetricsConfig } from '../../src/sheets/config';
import type { OpenActionRow } from '../../src/workflows/saved-job';
import { configWithPaneState, paneStateOf } from '../../src/taskpane/persist';
import { EXPECTED } from './preview-expected';
import { paneDom } from '../support/pane-dom';

const dom = paneDom();

const ORDERS: CellValue[][] = [
  ['Date', 'Customer', 'Amount', ''],
  ...Array.from({ length: 1_234 }, (_, i) => [45658 + i, `C${i % 50}`, 100 + i, 'x']),
];
const SELECTION: CellValue[][] = [
  ['Region', 'Revenue'],
  ['West', 10],
  ['East', 20],
];

/** A gateway whose calls are recorded and whose answers the test controls. */
class FakeGateway implements WorkbookGateway {
  readonly calls: string[] = [];
  constructor(
    private readonly tables: TableInfo[] = [{ name: 'Orders', address: 'Sheet1!A1:D1235' }],
    private readonly failRead?: string,
    private readonly failList?: string,
  ) {}
  async listTables(): Promise<TableInfo[]> {
    this.calls.push('listTables');
    if (this.failList) throw new Error(this.failList);
    return this.tables;
  }
  async readTable(name: string, options?: ReadOptions): Promise<SourceData> {
    this.calls.push(`readTable:${name}`);
    if (this.failRead) throw new Error(this.failRead);
    options?.onProgress?.({ rowsRead: ORDERS.length, totalRows: ORDERS.length });
    return { address: 'Sheet1!A1:D1235', values: ORDERS };
  }
  async readSelection(): Promise<SourceData> {
    this.calls.push('readSelection');
    return { address: 'Sheet2!B2:C4', values: SELECTION };
  }
  jobResult: JobResult = { ok: true, sheets: ['Dashboard', 'Review 2026-W10'], summary: 'Dashboard built.' };
  async runJob(kind: JobKind, request?: JobRequest): Promise<JobResult> {
    this.calls.push(`runJob:${kind}:${request?.source ?? ''}`);
    request?.onStage?.('computing');
    return this.jobResult;
  }
  async goToSheet(name: string): Promise<void> {
    this.calls.push(`goToSheet:${name}`);
  }
  saved: SavedState = { configured: false };
  async savedState(): Promise<SavedState> {
    return this.saved;
  }
  config: SalesMetricsConfig = defaultConfig();
  async readConfig(): Promise<SalesMetricsConfig> {
    return this.config;
  }
  async writeConfig(config: SalesMetricsConfig): Promise<void> {
    this.calls.push('writeConfig');
    this.config = config;
  }
  actions: OpenActionRow[] = [];
  async openActions(): Promise<OpenActionRow[]> {
    return this.actions;
  }
  async goToCell(sheet: string, ref: string): Promise<void> {
    this.calls.push(`goToCell:${sheet}!${ref}`);
  }
  async peek(name: string | undefined, rows: number): Promise<SourceData> {
    const data =
      name === undefined
        ? { address: 'Sheet2!B2:C4', values: SELECTION }
        : { address: 'Sheet1!A1:D1235', values: ORDERS };
    return { address: data.address, values: data.values.slice(0, rows) };
  }
}

afterEach(() => {
  clearNotice();
});

async function renderApp(
  gateway: WorkbookGateway,
  language = 'en-US',
  preview = false,
  currentWeek?: string,
) {
  await act(async () => {
    dom.root.render(
      <FluentProvider theme={webLightTheme}>
        <App
          gateway={gateway}
          strings={stringsFor(language)}
          locale={language}
          preview={preview}
          {...(currentWeek ? { currentWeek } : {})}
        />
      </FluentProvider>,
    );
  });
}

const select = () => dom.container.querySelector('select') as HTMLSelectElement;
const button = (text: string) =>
  [...dom.container.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement;
const text = () => dom.container.textContent ?? '';

async function click(element: HTMLElement) {
  await act(async () => {
    element.click();
  });
}

/** The mapping line of a role. */
const roleRow = (role: string) => dom.container.querySelector(`[data-role="${role}"]`) as HTMLElement;
const dropdownText = (role: string) => roleRow(role).querySelector('[role="combobox"]')!.textContent;
const options = () => [...document.querySelectorAll('[role="option"]')].map((o) => o.textContent);
const kpi = (id: string) => dom.container.querySelector(`[data-kpi="${id}"]`)?.textContent ?? '';

async function openDropdown(role: string) {
  await click(roleRow(role).querySelector('[role="combobox"]') as HTMLElement);
}

async function pickOption(role: string, label: string) {
  await openDropdown(role);
  const option = [...document.querySelectorAll('[role="option"]')].find((o) => o.textContent === label);
  await click(option as HTMLElement);
}

async function choose(value: string) {
  await act(async () => {
    select().value = value;
    select().dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('App', () => {
  it('lists the tables, preselects the first one and reads it', async () => {
    const gateway = new FakeGateway();
    await renderApp(gateway);
    expect(gateway.calls).toEqual(['listTables']);
    expect([...select().options].map((o) => o.textContent)).toEqual([
      'Orders — Sheet1!A1:D1235',
      'Current selection',
    ]);
    expect(select().value).toBe('table:Orders');

    await click(button('Read data'));
    expect(gateway.calls).toEqual(['listTables', 'readTable:Orders']);
    const summary = dom.container.querySelector('[data-testid="read-summary"]')!;
    expect(summary.textContent).toContain('1,234 rows read');
    expect(summary.textContent).toContain('From Orders (Sheet1!A1:D1235)');
    expect(summary.textContent).toContain('4 columns');
    // The columns are offered in every mapping dropdown (blank headers named by their letter).
    await openDropdown('customer');
    expect(options()).toEqual(['— none —', 'Date', 'Customer', 'Amount', 'Column D']);
  });

  it('reads the current selection when the user picks it', async () => {
    const gateway = new FakeGateway();
    await renderApp(gateway);
    await choose('selection');
    await click(button('Read data'));
    expect(gateway.calls).toContain('readSelection');
    expect(text()).toContain('2 rows read');
    expect(text()).toContain('From Current selection (Sheet2!B2:C4)');
    // Region and Revenue: no order date, so no KPIs, and the pane says what to choose.
    expect(text()).toContain('Required column missing: Order date');
    expect(dom.container.querySelector('[data-testid="kpis"]')).toBeNull();
  });

  it('offers only the selection, with advice, when the workbook has no tables', async () => {
    const gateway = new FakeGateway([]);
    await renderApp(gateway);
    expect([...select().options].map((o) => o.value)).toEqual(['selection']);
    expect(text()).toContain('No tables in this workbook');
    await click(button('Read data'));
    expect(gateway.calls).toEqual(['listTables', 'readSelection']);
  });

  it('shows a failed read as an error message, not a crash', async () => {
    await renderApp(new FakeGateway(undefined, 'The workbook is busy.'));
    await click(button('Read data'));
    expect(text()).toContain('Could not read the data');
    expect(text()).toContain('The workbook is busy.');
    expect(button('Read data').disabled).toBe(false);
  });

  it('still lets the user read the selection when listing tables fails', async () => {
    const gateway = new FakeGateway(undefined, undefined, 'Excel is not responding.');
    await renderApp(gateway);
    expect(text()).toContain('Could not list the tables: Excel is not responding.');
    await click(button('Read data'));
    expect(gateway.calls).toEqual(['listTables', 'readSelection']);
  });

  it('shows progress while a read is running and disables the controls', async () => {
    let finish: (data: SourceData) => void = () => undefined;
    const gateway = new FakeGateway();
    gateway.readTable = (_name, options) =>
      new Promise<SourceData>((resolve) => {
        options?.onProgress?.({ rowsRead: 5_000, totalRows: 20_000 });
        finish = resolve;
      });
    await renderApp(gateway);
    await click(button('Read data'));
    expect(text()).toContain('5,000 of 20,000 rows');
    expect(button('Reading…').disabled).toBe(true);
    expect(select().disabled).toBe(true);
    await act(async () => finish({ address: 'A1:B2', values: SELECTION }));
    expect(text()).toContain('2 rows read');
  });

  it('speaks Indonesian and formats numbers for the display language', async () => {
    await renderApp(new FakeGateway(), 'id-ID');
    await click(button('Baca data'));
    expect(text()).toContain('1.234 baris dibaca');
    expect(text()).toContain('Sumber data');
  });

  it('runs on the preview gateway outside Excel and says so', async () => {
    await renderApp(new PreviewWorkbookGateway(PREVIEW_TABLES), 'en-US', true);
    expect(text()).toContain('Preview outside Excel');
    await click(button('Read data'));
    expect(text()).toContain(`${PREVIEW_TABLES[0].values.length - 1} rows read`);
  });
});

describe('resolveSource', () => {
  const tables = [
    { name: 'Orders', address: 'A1:B2' },
    { name: 'Pipeline', address: 'C1:D2' },
  ];

  it('keeps a choice that still exists', () => {
    expect(resolveSource({ kind: 'table', name: 'Pipeline' }, tables)).toEqual({
      kind: 'table',
      name: 'Pipeline',
    });
    expect(resolveSource({ kind: 'selection' }, tables)).toEqual({ kind: 'selection' });
  });

  it('falls back to the first table, then to the selection', () => {
    expect(resolveSource(null, tables)).toEqual({ kind: 'table', name: 'Orders' });
    expect(resolveSource({ kind: 'table', name: 'Gone' }, tables)).toEqual({ kind: 'table', name: 'Orders' });
    expect(resolveSource({ kind: 'table', name: 'Gone' }, [])).toEqual({ kind: 'selection' });
  });

  it('leaves the choice alone while the table list is unknown', () => {
    expect(resolveSource({ kind: 'table', name: 'Gone' }, null)).toEqual({ kind: 'table', name: 'Gone' });
    expect(resolveSource(null, null)).toEqual({ kind: 'selection' });
  });
});

describe('App on the preview sample', () => {
  const en = (n: number, digits = 2) =>
    new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
      n,
    );
  const pct = (n: number, locale = 'en-US') =>
    new Intl.NumberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    }).format(n);

  async function readPreview(language = 'en-US') {
    await renderApp(new PreviewWorkbookGateway(PREVIEW_TABLES), language, true);
    await click(button(stringsFor(language).readData));
  }

  it('shows the guessed mapping with a labelled dropdown and a confidence per role', async () => {
    await readPreview();
    const mapping = dom.container.querySelector('[data-testid="mapping"]')!;
    expect(mapping.querySelector('h2')?.textContent).toBe('Column mapping');
    const guessed: [string, string][] = [
      ['date', 'Date'],
      ['amount', 'Amount'],
      ['order_id', 'Order ID'],
      ['customer', 'Customer'],
      ['region', 'Region'],
      ['rep', 'Rep'],
    ];
    for (const [role, header] of guessed) {
      expect(dropdownText(role)).toBe(header);
      expect(roleRow(role).textContent).toContain('100%');
      // The dropdown is named by the role's label, for screen readers.
      const combobox = roleRow(role).querySelector('[role="combobox"]')!;
      const label = document.getElementById(combobox.getAttribute('aria-labelledby')!.split(' ')[0]);
      expect(label?.textContent).toBe(stringsFor('en').roles[role as 'date']);
      const description = document.getElementById(combobox.getAttribute('aria-describedby')!);
      expect(description?.getAttribute('aria-label')).toBe('Confidence of the guess: 100%');
    }
    // Roles with no column wait behind a toggle.
    expect(roleRow('product')).toBeNull();
    await click(button('Show 7 more roles'));
    expect(dropdownText('product')).toBe('— none —');
    expect(button('Show fewer roles').getAttribute('aria-expanded')).toBe('true');
  });

  it('re-runs ingestion when the user picks another column', async () => {
    await readPreview();
    expect(kpi('customers')).toContain(String(EXPECTED.current.customers));
    await pickOption('customer', 'Rep');
    expect(dropdownText('customer')).toBe('Rep');
    expect(roleRow('customer').textContent).toContain('set');
    // Four reps sold in March; the rep role is guessed again, from what is left.
    expect(kpi('customers')).toMatch(/^Active customers4Change/);
    await pickOption('customer', '— none —');
    expect(dropdownText('customer')).toBe('— none —');
    expect(kpi('customers')).toBe('');
    expect(kpi('revenue')).toContain(en(EXPECTED.current.revenue));
  });

  it('keeps the mapping a person chose when the same columns are read again', async () => {
    await readPreview();
    await pickOption('customer', 'Rep');
    expect(dropdownText('customer')).toBe('Rep');
    await click(button('Read data'));
    expect(dropdownText('customer')).toBe('Rep');
    await pickOption('customer', 'Customer');
    expect(kpi('customers')).toContain(`Active customers${EXPECTED.current.customers}`);
  });

  it('says which required column is missing when the user takes it away', async () => {
    await readPreview();
    await pickOption('amount', '— none —');
    expect(text()).toContain('Required column missing: Amount');
    expect(text()).toContain('Could not find the amount column');
    expect(dom.container.querySelector('[data-testid="kpis"]')).toBeNull();
    await pickOption('amount', 'Amount');
    expect(dom.container.querySelector('[data-testid="kpis"]')).not.toBeNull();
  });

  it('reports the rows read, used and skipped, and why', async () => {
    await readPreview();
    const report = dom.container.querySelector('[data-testid="ingest-report"]')!;
    expect(report.textContent).toContain(`${EXPECTED.rowsRead} read · ${EXPECTED.rowsUsed} used · 2 skipped`);
    expect([...report.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      "Row 42, Date: “TBD”'TBD' is not a date",
      "Row 45, Amount: “pending”text 'pending' is not an amount",
    ]);
  });

  it('lists the first five issues and counts the rest', async () => {
    const values = [
      ['Date', 'Amount'],
      ...Array.from({ length: 8 }, (_, i) => [46023 + i, 'n/a']),
      [46040, 5],
      ['', ''],
    ];
    const gateway = new PreviewWorkbookGateway([{ name: 'Orders', address: 'Data!B3:C12', values }]);
    await renderApp(gateway);
    await click(button('Read data'));
    const report = dom.container.querySelector('[data-testid="ingest-report"]')!;
    expect(report.textContent).toContain('10 read · 1 used · 9 skipped');
    expect(report.querySelectorAll('li')).toHaveLength(5);
    expect(report.querySelector('li')?.textContent).toMatch(/^Row 4, Amount: “n\/a”/);
    expect(report.textContent).toContain('and 3 more');
    // The blank row is counted, not listed; ingestion's note says so.
    expect(report.textContent).toContain('1 blank row skipped (not listed).');
  });

  it('shows the latest month’s KPIs against the month before, computed from the cells by hand', async () => {
    await readPreview();
    const kpis = dom.container.querySelector('[data-testid="kpis"]')!;
    expect(kpis.querySelector('h2')?.textContent).toBe('Latest month: Mar 2026');
    expect(kpis.textContent).toContain(
      'Up to Mar 27, 2026, the latest order date; compared with the same days of the month before (Feb 1, 2026 – Feb 27, 2026).',
    );
    const { current, previous } = EXPECTED;
    expect(kpi('revenue')).toBe(
      `Revenue${en(current.revenue)}Change: ${pct(current.revenue / previous.revenue - 1)}Feb 1, 2026 – Feb 27, 2026: ${en(previous.revenue)}`,
    );
    expect(kpi('orders')).toBe(
      `Orders${current.orders}Change: ${pct(current.orders / previous.orders - 1)}Feb 1, 2026 – Feb 27, 2026: ${previous.orders}`,
    );
    expect(kpi('aov')).toBe(
      `Average order value${en(current.aov)}Change: ${pct(current.aov / previous.aov - 1)}Feb 1, 2026 – Feb 27, 2026: ${en(previous.aov)}`,
    );
    expect(kpi('customers')).toBe(
      `Active customers${current.customers}Change: ${pct(current.customers / previous.customers - 1)}Feb 1, 2026 – Feb 27, 2026: ${previous.customers}`,
    );
  });

  it('speaks Indonesian in the mapping, the report and the KPIs', async () => {
    await readPreview('id-ID');
    expect(text()).toContain('Pemetaan kolom');
    expect(roleRow('customer').textContent).toContain('Pelanggan');
    expect(text()).toContain('45 dibaca · 43 dipakai · 2 dilewati');
    const revenue = new Intl.NumberFormat('id-ID', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(EXPECTED.current.revenue);
    expect(kpi('revenue')).toContain(`Pendapatan${revenue}`);
    expect(revenue).toBe('22.379,00');
  });

  it('shows an error value as its code with the reason', async () => {
    const values = [
      ['Date', 'Amount'],
      [46054, 30],
    ];
    await renderApp(new PreviewWorkbookGateway([{ name: 'Orders', address: 'A1:B2', values }]));
    await click(button('Read data'));
    expect(kpi('revenue')).toContain('Change: #DIV/0!revenue was 0 in 2026-01');
    const code = [...dom.container.querySelectorAll('[data-kpi="revenue"] [title]')].find((e) =>
      e.textContent?.includes('#DIV/0!'),
    );
    expect(code?.getAttribute('title')).toBe('revenue was 0 in 2026-01');
    // No orders in January: AOV's previous value and change are errors, each with its reason.
    expect(kpi('aov')).toBe(
      'Average order value30.00Change: #DIV/0!aov of 2026-01: no orders in 2026-01Jan 1, 2026 – Jan 1, 2026: #DIV/0!',
    );
    const previous = [...dom.container.querySelectorAll('[data-kpi="aov"] [title]')].map((e) =>
      e.getAttribute('title'),
    );
    expect(previous).toContain('no orders in 2026-01');
  });
});

/** Opens a step of the pane by its tab (the tab's text is its label, rendered twice by Fluent for sizing). */
async function openStep(label: string) {
  const tab = [...dom.container.querySelectorAll('[role="tab"]')].find((t) =>
    t.textContent?.startsWith(label),
  ) as HTMLElement;
  await click(tab);
}

describe('building the sheets from the pane', () => {
  it('builds the dashboard from the chosen table and links to the sheets written', async () => {
    const gateway = new FakeGateway();
    await renderApp(gateway);
    await openStep('Build');
    await click(button('Build dashboard'));
    expect(gateway.calls).toContain('runJob:dashboard:Orders');
    const panel = dom.container.querySelector('[data-testid="build"]')!;
    expect(panel.querySelector('[role="alert"]')?.textContent).toContain('Dashboard built.');
    const link = [...panel.querySelectorAll('button, a')].find(
      (l) => l.textContent === 'Go to Review 2026-W10',
    ) as HTMLElement;
    await click(link);
    expect(gateway.calls).toContain('goToSheet:Review 2026-W10');
  });

  it('says why a job failed, and stays usable', async () => {
    const gateway = new FakeGateway();
    gateway.jobResult = {
      ok: false,
      message: 'The workbook structure is protected: unprotect it to add the Dashboard sheet.',
    };
    await renderApp(gateway);
    await openStep('Build');
    await click(button('Refresh weekly review'));
    expect(gateway.calls).toContain('runJob:review:Orders');
    expect(text()).toContain('The sheets were not written');
    expect(text()).toContain('The workbook structure is protected');
    expect(button('Refresh weekly review').disabled).toBe(false);
  });

  it('shows the outcome of a refresh started from the ribbon', async () => {
    await renderApp(new FakeGateway());
    await openStep('Build');
    await act(async () => {
      publishNotice({
        kind: 'review',
        ok: false,
        message: 'No saved configuration: build the dashboard first.',
        sheets: [],
      });
    });
    expect(text()).toContain('The sheets were not written (From the ribbon)');
    expect(text()).toContain('build the dashboard first');
    await click(button('Dismiss'));
    expect(text()).not.toContain('build the dashboard first');
  });

  it('offers to refresh the review when a new week has begun since the latest one', async () => {
    const gateway = new FakeGateway();
    gateway.saved = { configured: true, latestReview: '2026-W48' };
    await renderApp(gateway, 'en-US', false, '2026-W49');
    await openStep('Build');
    expect(text()).toContain('The latest review is 2026-W48; this is 2026-W49.');
    const offer = [...dom.container.querySelectorAll('button')].filter(
      (b) => b.textContent === 'Refresh weekly review',
    );
    await click(offer[offer.length - 1]);
    expect(gateway.calls).toContain('runJob:review:Orders');
  });

  it("does not offer a refresh when the review is this week's", async () => {
    const gateway = new FakeGateway();
    gateway.saved = { configured: true, latestReview: '2026-W49' };
    await renderApp(gateway, 'en-US', false, '2026-W49');
    await openStep('Build');
    expect(text()).not.toContain('The latest review is');
  });

  it('runs the real jobs on the preview workbook', async () => {
    const gateway = new PreviewWorkbookGateway(PREVIEW_TABLES);
    await renderApp(gateway, 'en-US', true);
    await openStep('Build');
    await click(button('Build dashboard'));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(text()).toContain(
      'Dashboard and Review 2026-W13 as of 2026-03-27 (the latest date in the data): 43 orders from Orders.',
    );
    expect(gateway.sheet('Dashboard')?.cells.find((c) => c.ref === 'A1')?.value).toBe('Sales dashboard');
  });
});

describe('settings kept in the workbook', () => {
  it('opens with the goals and settings a workbook holds, and saves them before a job', async () => {
    const gateway = new FakeGateway();
    gateway.config = configWithPaneState(defaultConfig(), {
      settings: {
        unit: 'quarter',
        periods: 8,
        fiscalYearStartMonth: 7,
        weekStartsOn: 1,
        industry: 'ecommerce-retail',
      },
      goals: [{ id: 'g1', metric: 'revenue', period: 'FY2027', target: 1_200_000 }],
      figures: [{ id: 'f1', metric: 'aov', value: 120, kind: 'competitor', source: 'Rival Ltd 2025' }],
    });
    await renderApp(gateway);
    await openStep('Goals & benchmarks');
    const inputs = [...dom.container.querySelectorAll('input')].map((i) => i.value);
    expect(inputs).toEqual(expect.arrayContaining(['FY2027', 'Rival Ltd 2025']));
    await openStep('Build');
    await click(button('Build dashboard'));
    expect(gateway.calls.indexOf('writeConfig')).toBeGreaterThanOrEqual(0);
    expect(gateway.calls.indexOf('writeConfig')).toBeLessThan(
      gateway.calls.findIndex((c) => c.startsWith('runJob')),
    );
    const saved = paneStateOf(gateway.config);
    expect(saved.settings).toMatchObject({
      unit: 'quarter',
      periods: 8,
      fiscalYearStartMonth: 7,
      industry: 'ecommerce-retail',
    });
    expect(saved.goals).toEqual([
      expect.objectContaining({ metric: 'revenue', period: 'FY2027', target: 1_200_000 }),
    ]);
    expect(gateway.config.mappings.sources).toEqual({});
  });

  it('saves the orders source and the mapping a person chose once the data is read', async () => {
    const gateway = new FakeGateway();
    await renderApp(gateway);
    await click(button('Read data'));
    await openStep('Build');
    await click(button('Build dashboard'));
    expect(gateway.config.mappings.sources).toEqual({ orders: 'Orders' });
    expect(gateway.config.mappings.orders).toMatchObject({
      date: 'Date',
      amount: 'Amount',
      customer: 'Customer',
    });
  });

  it('switches to Indonesian in the pane, and sets the page language', async () => {
    await renderApp(new FakeGateway());
    const toggle = [...dom.container.querySelectorAll('button')].find(
      (b) => b.textContent === 'ID',
    ) as HTMLElement;
    await click(toggle);
    expect(text()).toContain('Baca data');
    expect(document.documentElement.lang).toBe('id');
  });
});

describe('side tables and saved sources', () => {
  const DEALS: CellValue[][] = [
    ['Opened', 'Step', 'Worth'],
    ...Array.from({ length: 30 }, (_, i) => [
      `2026-0${1 + (i % 3)}-${String(1 + i).padStart(2, '0')}`,
      ['Won', 'Lost', 'Open'][i % 3],
      1000 + 10 * i,
    ]),
  ];
  const sideSection = () => dom.container.querySelector('[data-testid="side-tables"]') as HTMLElement;
  /** The side table select of a kind, by its field label. */
  const sideSelect = (label: string) => {
    const field = [...sideSection().querySelectorAll('label')].find((l) => l.textContent === label);
    return document.getElementById(field!.htmlFor) as HTMLSelectElement;
  };
  async function pick(selectElement: HTMLSelectElement, value: string) {
    await act(async () => {
      selectElement.value = value;
      selectElement.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  it('maps a pipeline whose columns detection cannot tell, saves the mapping and builds with it', async () => {
    const gateway = new PreviewWorkbookGateway([
      PREVIEW_TABLES[0],
      { name: 'Deals', address: 'Deals!A1:C31', values: DEALS },
    ]);
    await renderApp(gateway, 'en-US', true);
    await click(button('Read data'));
    await pick(sideSelect('Pipeline'), 'Deals');
    expect(sideSection().textContent).toContain('Not usable');
    // The column list opens by itself, the created date detected, the status not found.
    const status = sideSelect('Status (required)');
    expect(status.options[0].textContent).toBe('Not found');
    // Each role's select is named by its role alone (not by the table's field).
    expect(status.getAttribute('aria-labelledby')).toBeNull();
    expect(sideSelect('Created date (required)').options[0].textContent).toBe('Detected: Opened');
    await pick(status, 'Step');
    expect(sideSection().textContent).toContain('30 rows with the columns needed');
    expect(sideSelect('Status (required)').options[0].textContent).toBe('Detect');
    await openStep('Build');
    await click(button('Build dashboard'));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(text()).toContain('43 orders from Orders');
    const config = await gateway.readConfig();
    expect(config.mappings.sources).toMatchObject({ orders: 'Orders', pipeline: 'Deals' });
    expect(config.mappings.pipeline).toEqual({ status: 'Step' });
    const dashboard = gateway.sheet('Dashboard')!;
    // The dashboard's pipeline figures, read from Deals with the mapped status.
    const labels = dashboard.cells.map((c) => c.value);
    expect(labels).toEqual(expect.arrayContaining(['Win rate', 'Open pipeline value']));
  });

  it('opens with the sources the workbook saved, and keeps their mappings', async () => {
    const gateway = new FakeGateway();
    gateway.config = {
      ...defaultConfig(),
      mappings: {
        orders: { date: 'Date', amount: 'Amount', customer: 'Column D' },
        pipeline: { status: 'Step' },
        sources: { orders: 'Orders', pipeline: 'Pipeline' },
      },
    };
    await renderApp(gateway);
    expect(sideSelect('Pipeline').value).toBe('Pipeline');
    expect(sideSection().textContent).toContain('Saved by an earlier build');
    await click(button('Read data'));
    // The saved customer column, not the guess, marked as set.
    expect(dropdownText('customer')).toBe('Column D');
    expect(roleRow('customer').textContent).toContain('set');
    expect(roleRow('customer').querySelector('[role="img"]')?.getAttribute('aria-label')).toBe(
      'Chosen by you, or saved with the workbook',
    );
    await openStep('Build');
    await click(button('Build dashboard'));
    expect(gateway.config.mappings.orders).toMatchObject({ customer: 'Column D' });
    expect(gateway.config.mappings.sources).toEqual({ orders: 'Orders', pipeline: 'Pipeline' });
    expect(gateway.config.mappings.pipeline).toEqual({ status: 'Step' });
  });

  it('forgets a saved side table set to none', async () => {
    const gateway = new FakeGateway();
    gateway.config = {
      ...defaultConfig(),
      mappings: { pipeline: { status: 'Step' }, sources: { pipeline: 'Pipeline', spend: 'Spend' } },
    };
    await renderApp(gateway);
    await pick(sideSelect('Pipeline'), '');
    await openStep('Build');
    await click(button('Build dashboard'));
    expect(gateway.config.mappings.sources).toEqual({ spend: 'Spend' });
    expect(gateway.config.mappings.pipeline).toBeUndefined();
  });
});
