/**
 * The custom functions' Excel host against the recording fake: a table read by name in chunks
 * (dates by their formats, in the workbook's date system, never the totals row), the mapping
 * saved in `_sales_metrics` when it names the table, change events added and removed, the date
 * system asked with DATE(1904,1,1), and SALES.TABLE cells kept up to date through it.
 */
import '../functions/setup';
import { installFunctionsHost, tableCache } from '../../src/functions/host';
import { dateSystem, setDateSystem } from '../../src/functions/date-system';
import { IMPLEMENTATIONS as F } from '../../src/functions/registry';
import { functionsHostOver } from '../../src/excel/functions-host';
import { ExcelTableSource } from '../../src/excel/table-source';
import { CONFIG_SHEET_NAME, defaultConfig, serializeConfig } from '../../src/sheets/config';
import { createExcelFake, type ExcelFake } from '../support/excel-fake';
import { calculationsOf, fireTableChanged, tableHandlers } from '../support/excel-fake/objects-events';
import { Cell, ManualTimers } from '../functions/table/support';

const SERIAL_2026_01_01 = 46023;

/** A fake workbook with a table `Orders` on sheet `Data`: `rows` order lines and a totals row. */
function workbook(rows: number, options: { date1904?: boolean; header?: string[] } = {}): ExcelFake {
  const fake = createExcelFake();
  fake.state.date1904 = options.date1904 ?? false;
  const shift = options.date1904 ? 1462 : 0;
  const sheet = fake.addSheet('Data');
  const header = options.header ?? ['Date', 'Customer', 'Region', 'Amount'];
  header.forEach((h, c) => (sheet.cell(1, c + 1).value = h));
  for (let r = 0; r < rows; r++) {
    const values = [SERIAL_2026_01_01 - shift + (r % 300), `C${r % 40}`, `R${r % 3}`, 10 + (r % 7)];
    values.forEach((v, c) => (sheet.cell(r + 2, c + 1).value = v));
    sheet.cell(r + 2, 1).numberFormat = 'yyyy-mm-dd';
  }
  sheet.cell(rows + 2, 1).value = 'Total';
  sheet.tables.push({
    id: 't1',
    name: 'Orders',
    rect: { top: 1, left: 1, bottom: rows + 2, right: 4 },
    style: '',
    showBandedRows: true,
    showHeaders: true,
    showTotals: true,
  });
  return fake;
}

/** Saves a configuration that names `Orders` as the orders source with this mapping. */
function saveMapping(fake: ExcelFake, mapping: Record<string, string>): void {
  const config = { ...defaultConfig(), mappings: { orders: mapping, sources: { orders: 'Orders' } } };
  const sheet = fake.addSheet(CONFIG_SHEET_NAME);
  sheet.cell(1, 1).value = 'Sales Metrics configuration';
  sheet.cell(1, 2).value = 1;
  sheet.cell(2, 1).value = serializeConfig(config);
}

const runOn =
  (fake: ExcelFake) =>
  <T>(batch: (context: Excel.RequestContext) => Promise<T>) =>
    batch(fake.context);

function sourceOver(fake: ExcelFake): ExcelTableSource {
  return new ExcelTableSource({ run: runOn(fake), runIn: (context, batch) => batch(context) });
}

describe('ExcelTableSource', () => {
  it('reads a table by name in chunks, without its totals row, dates by their format', async () => {
    const fake = workbook(30_000);
    const { rows, ingest } = await sourceOver(fake).read('orders', { aborted: false });
    expect(rows).toHaveLength(30_001);
    expect(rows[0]).toEqual(['Date', 'Customer', 'Region', 'Amount']);
    expect(rows[1]).toEqual([new Date(Date.UTC(2026, 0, 1)), 'C0', 'R0', 10]);
    expect(rows[30_000][0]).toEqual(new Date(Date.UTC(2026, 0, 1 + (29_999 % 300))));
    expect(ingest).toEqual({});
    // Several chunks, each under the 5 MB request limit.
    const reads = fake.batches.filter((b) => b.ops.some((op) => op.label === 'Range.load'));
    expect(reads.length).toBeGreaterThan(3);
    expect(Math.max(...fake.batches.map((b) => b.responseBytes))).toBeLessThan(5 * 1024 * 1024);
  });

  it('takes the mapping saved in _sales_metrics when it names the table, with detection as fallback', async () => {
    const fake = workbook(20, { header: ['When', 'Who', 'Where', 'Total'] });
    saveMapping(fake, { date: 'When', customer: 'Who', amount: 'Total', region: 'Where' });
    const read = await sourceOver(fake).read('Orders', { aborted: false });
    expect(read.ingest).toEqual({
      mapping: { date: 'When', customer: 'Who', amount: 'Total', region: 'Where' },
    });
    expect(read.fallback).toEqual({});
    // The cells read the columns as mapped: "Who" is the customer.
    const timers = new ManualTimers();
    await installFunctionsHost(
      functionsHostOver(runOn(fake), (c, b) => b(c)),
      { timers, now: () => timers.now },
    );
    const customers = new Cell();
    F.TABLE('Orders', 'customers', null, null, customers);
    await timers.advance(0);
    expect(customers.last).toBe(20);
    customers.cancel();
    await installFunctionsHost(undefined);
  });

  it('reads 1904 serials as the same days and says the table is in the 1904 system', async () => {
    const fake = workbook(5, { date1904: true });
    const { rows, ingest } = await sourceOver(fake).read('Orders', { aborted: false });
    expect(rows[1][0]).toEqual(new Date(Date.UTC(2026, 0, 1)));
    expect(ingest).toEqual({ dateSystem: '1904' });
  });

  it('names the tables there are when the one asked for is missing', async () => {
    const fake = workbook(5);
    await expect(sourceOver(fake).read('Sales', { aborted: false })).rejects.toMatchObject({
      name: 'TableReadError',
      message: expect.stringContaining('(tables: "Orders")'),
    });
  });

  it('stops a read between chunks when nobody needs it any more', async () => {
    const fake = workbook(30_000);
    const signal = { aborted: false };
    const read = sourceOver(fake).read('Orders', signal);
    signal.aborted = true;
    await expect(read).rejects.toThrow(/cancelled/);
  });

  it('adds a change handler to the table and removes it again', async () => {
    const fake = workbook(5);
    const changes: number[] = [];
    const stop = await sourceOver(fake).watch('Orders', () => changes.push(1));
    expect(tableHandlers(fake.state, 'Orders')).toBe(1);
    await fireTableChanged(fake.state, 'Orders', 'Data!D3');
    expect(changes).toEqual([1]);
    await stop();
    expect(tableHandlers(fake.state, 'Orders')).toBe(0);
    await fireTableChanged(fake.state, 'Orders');
    expect(changes).toEqual([1]);
  });
});

describe('the functions host over the fake', () => {
  afterEach(async () => {
    setDateSystem('1900');
    await installFunctionsHost(undefined);
  });

  it('asks the date system once, and a 1904 workbook is recalculated in full', async () => {
    const fake1900 = workbook(3);
    await installFunctionsHost(functionsHostOver(runOn(fake1900), (c, b) => b(c)));
    expect(dateSystem()).toBe('1900');
    expect(calculationsOf(fake1900.state)).toEqual([]);
    const fake1904 = workbook(3, { date1904: true });
    await installFunctionsHost(functionsHostOver(runOn(fake1904), (c, b) => b(c)));
    expect(dateSystem()).toBe('1904');
    expect(calculationsOf(fake1904.state)).toEqual(['Full']);
  });

  it('SALES.TABLE cells read the table once, give SALES.METRIC’s values and follow an edit', async () => {
    const fake = workbook(2_000);
    const timers = new ManualTimers();
    await installFunctionsHost(
      functionsHostOver(runOn(fake), (c, b) => b(c)),
      {
        timers,
        now: () => timers.now,
      },
    );
    const revenue = new Cell();
    const customers = new Cell();
    F.TABLE('Orders', 'revenue', 'month', null, revenue);
    F.TABLE('Orders', 'customers', null, null, customers);
    await timers.advance(0);
    expect(tableCache()!.stats).toMatchObject({ reads: 1, ingestions: 1 });
    const sheet = fake.state.sheet('Data')!;
    const columnOf = (c: number) =>
      Array.from({ length: 2_000 }, (_, r) => [sheet.cell(r + 2, c).value as unknown]);
    expect(revenue.last).toBe(F.METRIC('revenue', columnOf(1), columnOf(4), null, 'month', null));
    expect(customers.last).toBe(40);

    // A person raises an amount dated on the latest day by 1000: the table's change event fires.
    const before = revenue.last as number;
    const edited = sheet.cell(301, 4);
    expect(sheet.cell(301, 1).value).toBe(SERIAL_2026_01_01 + 299);
    edited.value = (edited.value as number) + 1000;
    await fireTableChanged(fake.state, 'Orders', 'Data!D301');
    await timers.advance(399);
    expect(revenue.results).toHaveLength(1); // the change is still being gathered
    await timers.advance(1);
    expect(tableCache()!.stats).toMatchObject({ reads: 2, ingestions: 2 });
    expect(revenue.results).toHaveLength(2);
    expect(revenue.last).toBe(before + 1000);
    expect(revenue.last).toBe(F.METRIC('revenue', columnOf(1), columnOf(4), null, 'month', null));

    // The cells go away: the handler is removed.
    revenue.cancel();
    customers.cancel();
    await timers.advance(0);
    expect(tableHandlers(fake.state, 'Orders')).toBe(0);
  });
});
