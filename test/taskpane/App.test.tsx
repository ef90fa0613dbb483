/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { CellValue } from '../../src/core/cell';
import { App, resolveSource } from '../../src/taskpane/App';
import type { ReadOptions, SourceData, TableInfo, WorkbookGateway } from '../../src/taskpane/gateway';
import { PREVIEW_TABLES, PreviewWorkbookGateway } from '../../src/taskpane/preview-gateway';
import { stringsFor } from '../../src/taskpane/strings';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// jsdom has no layout; Fluent's MessageBar watches its size to reflow.
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

const ORDERS: CellValue[][] = [
  ['Date', 'Customer', 'Amount', ''],
  ...Array.from({ length: 1_234 }, (_, i) => [45658 + i, `C${i % 50}`, 100 + i, 'x']),
];
const SELECTION: CellValue[][] = [['Region', 'Revenue'], ['West', 10], ['East', 20]];

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
}

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

async function renderApp(gateway: WorkbookGateway, language = 'en-US', preview = false) {
  await act(async () => {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <App gateway={gateway} strings={stringsFor(language)} locale={language} preview={preview} />
      </FluentProvider>,
    );
  });
}

const select = () => container.querySelector('select') as HTMLSelectElement;
const button = (text: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement;
const text = () => container.textContent ?? '';

async function click(element: HTMLElement) {
  await act(async () => {
    element.click();
  });
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
    expect([...select().options].map((o) => o.textContent)).toEqual(['Orders — Sheet1!A1:D1235', 'Current selection']);
    expect(select().value).toBe('table:Orders');

    await click(button('Read data'));
    expect(gateway.calls).toEqual(['listTables', 'readTable:Orders']);
    const summary = container.querySelector('[data-testid="read-summary"]')!;
    expect(summary.textContent).toContain('1,234 rows read');
    expect(summary.textContent).toContain('From Orders (Sheet1!A1:D1235)');
    expect(summary.textContent).toContain('4 columns');
    expect([...summary.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Date',
      'Customer',
      'Amount',
      'Column 4',
    ]);
  });

  it('reads the current selection when the user picks it', async () => {
    const gateway = new FakeGateway();
    await renderApp(gateway);
    await choose('selection');
    await click(button('Read data'));
    expect(gateway.calls).toContain('readSelection');
    expect(text()).toContain('2 rows read');
    expect(text()).toContain('From Current selection (Sheet2!B2:C4)');
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
    expect(resolveSource({ kind: 'table', name: 'Pipeline' }, tables)).toEqual({ kind: 'table', name: 'Pipeline' });
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
