/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The ribbon commands in the shared runtime: each completes its event on success and on failure,
 * a failed refresh opens the pane with the message, and the refresh buttons follow whether the
 * workbook has a saved configuration.
 */
import { createExcelFake, type ExcelFake } from '../support/excel-fake';
import { onNotice, clearNotice, type JobNotice } from '../../src/workflows/notices';
import { sampleOrders } from '../sheets/fixtures';

describe('ribbon commands', () => {
  const associated: Record<string, (event: any) => Promise<void>> = {};
  const showAsTaskpane = jest.fn(async () => undefined);
  const requestUpdate = jest.fn(async (_update: unknown) => undefined);
  let fake: ExcelFake;
  const notices: JobNotice[] = [];

  beforeAll(async () => {
    (global as any).Office = {
      onReady: jest.fn(),
      actions: { associate: (name: string, fn: (event: any) => Promise<void>) => (associated[name] = fn) },
      addin: { showAsTaskpane },
      ribbon: { requestUpdate },
      context: {
        document: { url: 'https://contoso.sharepoint.com/Shared%20Documents/sales.xlsx' },
        requirements: { isSetSupported: (name: string) => name === 'RibbonApi' },
      },
    };
    (global as any).Excel = { run: (batch: (context: unknown) => Promise<unknown>) => batch(fake.context) };
    await import('../../src/commands/commands');
    onNotice((notice) => notices.push(notice));
  });

  beforeEach(() => {
    fake = createExcelFake();
    notices.length = 0;
    clearNotice();
    showAsTaskpane.mockClear();
    requestUpdate.mockClear();
  });

  afterAll(() => {
    delete (global as any).Office;
    delete (global as any).Excel;
  });

  it('registers the pane and the two refreshes', () => {
    expect(Object.keys(associated)).toEqual(['showTaskpane', 'refreshDashboard', 'refreshWeeklyReview']);
  });

  it('showTaskpane opens the pane and completes the event, even when the pane cannot open', async () => {
    const event = { completed: jest.fn() };
    await associated.showTaskpane(event);
    expect(showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
    showAsTaskpane.mockRejectedValueOnce(new Error('not supported'));
    const again = { completed: jest.fn() };
    await expect(associated.showTaskpane(again)).rejects.toThrow('not supported');
    expect(again.completed).toHaveBeenCalledTimes(1);
  });

  it('a refresh on a workbook without orders completes, tells the pane why and opens it', async () => {
    fake.addSheet('Notes').cell(1, 1).value = 'no data here';
    const event = { completed: jest.fn() };
    await associated.refreshDashboard(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'dashboard',
        ok: false,
        message: expect.stringMatching(/required columns/),
      }),
    ]);
  });

  it('a refresh that succeeds writes the sheets, completes, and turns the refresh buttons on', async () => {
    const sample = sampleOrders();
    const sheet = fake.addSheet('Orders');
    [['Date', 'Customer', 'Amount', 'Region', 'Rep', 'Product'], ...sample.rows].forEach((row, r) =>
      row.forEach((v, c) => {
        sheet.cell(r + 1, c + 1).value = v as never;
        if (c === 0 && r > 0) sheet.cell(r + 1, c + 1).numberFormat = 'yyyy-mm-dd';
      }),
    );
    const event = { completed: jest.fn() };
    await associated.refreshDashboard(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(notices[0]).toMatchObject({ kind: 'dashboard', ok: true });
    expect(fake.sheetNames()).toEqual(expect.arrayContaining(['Dashboard', '_sales_metrics']));
    expect(fake.dump('Dashboard').cells.A2.value).toMatch(/^Data: sales\.xlsx/);
    expect(showAsTaskpane).not.toHaveBeenCalled();
    const update = requestUpdate.mock.calls.at(-1)![0] as any;
    expect(update.tabs[0].groups[0].controls).toEqual([
      { id: 'SalesMetrics.RefreshDashboard', enabled: true },
      { id: 'SalesMetrics.RefreshReview', enabled: true },
    ]);
    const review = { completed: jest.fn() };
    await associated.refreshWeeklyReview(review);
    expect(review.completed).toHaveBeenCalledTimes(1);
    expect(notices[1]).toMatchObject({ kind: 'review', ok: true });
  });
});
