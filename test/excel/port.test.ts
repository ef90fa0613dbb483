/**
 * The Excel host of the product's jobs, run against the recording fake: sources are found and
 * read as Office.js gives them (serial dates, totals rows, the 1904 system), the jobs write the
 * same plans as the file host for the same data, and refreshes keep what people typed.
 */
import ExcelJS from 'exceljs';
import { ALL_CAPABILITIES } from '../../src/excel/capabilities';
import { runJob } from '../../src/excel/jobs';
import { ExcelWorkbookPort, peopleAreaName } from '../../src/excel/port';
import { areaRangeName, renderPlansInExcel } from '../../src/excel/render';
import { calendarOf, parseDay } from '../../src/core/periods';
import { buildDashboard, refreshReview } from '../../src/workflows';
import { FileWorkbookPort } from '../../src/xlsx/file-port';
import { areaRangeName as fileAreaName } from '../../src/xlsx/render';
import { createExcelFake, type ExcelFake } from '../support/excel-fake';
import { sampleOrders, AS_OF } from '../sheets/fixtures';

const sample = sampleOrders();
const HEADER = ['Date', 'Customer', 'Amount', 'Region', 'Rep', 'Product'];
const options = { asOf: AS_OF, calendar: calendarOf(), refreshedAt: '2026-11-18 09:00', industry: null };

/** A fake workbook with the fixture's orders on a sheet `Data`, dates formatted as dates. */
function workbookWithOrders(): ExcelFake {
  const fake = createExcelFake();
  const sheet = fake.addSheet('Data');
  [HEADER, ...sample.rows].forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = sheet.cell(r + 1, c + 1);
      cell.value = value as never;
      if (c === 0 && r > 0) cell.numberFormat = 'yyyy-mm-dd';
    }),
  );
  return fake;
}

function portOver(fake: ExcelFake, label = 'sales.xlsx'): ExcelWorkbookPort {
  return new ExcelWorkbookPort({
    label,
    render: (context, plans) => renderPlansInExcel(context, plans, { capabilities: ALL_CAPABILITIES }),
    run: (batch) => batch(fake.context),
  });
}

describe('the Excel host reads', () => {
  it('tables without their totals row, named ranges and used ranges, not the product sheets', async () => {
    const fake = createExcelFake();
    const data = fake.addSheet('Sheet1');
    const rows = [
      ['Tanggal', 'Total'],
      [46000, 100],
      [46001, 200],
      ['Total', 300],
    ];
    rows.forEach((row, r) => row.forEach((v, c) => (data.cell(r + 3, c + 2).value = v as never)));
    data.cell(4, 2).numberFormat = 'dd/mm/yyyy';
    data.tables.push({
      id: 't1',
      name: 'Penjualan',
      rect: { top: 3, left: 2, bottom: 6, right: 3 },
      style: '',
      showBandedRows: true,
      showHeaders: true,
      showTotals: true,
    });
    fake.addSheet('Dashboard').cell(1, 1).value = 'Sales dashboard';
    const port = portOver(fake);
    const sources = await port.listSources();
    expect(sources.map((s) => [s.name, s.kind, s.origin])).toEqual([
      ['Penjualan', 'table', { sheet: 'Sheet1', row: 3, column: 2, table: 'Penjualan' }],
      ['Sheet1', 'sheet', { sheet: 'Sheet1', row: 3, column: 2 }],
    ]);
    const table = await sources[0].rows();
    expect(table).toEqual([
      ['Tanggal', 'Total'],
      [new Date(Date.UTC(2025, 11, 9)), 100],
      [new Date(Date.UTC(2025, 11, 10)), 200],
    ]);
    expect(await sources[0].rows(2)).toHaveLength(2);
  });

  it('dates in the 1904 system', async () => {
    const fake = createExcelFake();
    fake.state.date1904 = true;
    const data = fake.addSheet('Orders');
    [
      ['Date', 'Amount'],
      [44538, 5],
    ].forEach((row, r) => row.forEach((v, c) => (data.cell(r + 1, c + 1).value = v as never)));
    data.cell(2, 1).numberFormat = 'yyyy-mm-dd';
    const [source] = await portOver(fake).listSources();
    expect(source.date1904).toBe(true);
    expect((await source.rows())[1][0]).toEqual(new Date(Date.UTC(2025, 11, 9)));
  });

  it('a range people chose by its address', async () => {
    const fake = workbookWithOrders();
    const port = portOver(fake);
    const source = await port.sourceAt('Data!A1:F11');
    expect(source?.origin).toEqual({ sheet: 'Data', row: 1, column: 1 });
    expect(await source!.rows()).toHaveLength(11);
  });

  it('names people areas as the file host does', () => {
    for (const [sheet, area] of [
      ['Review 2026-W48', 'actions'],
      ['Dashboard', 'dashboard'],
    ])
      expect(peopleAreaName(sheet, area)).toBe(fileAreaName(sheet, area));
    expect(peopleAreaName('Review 2026-W48', 'actions')).toBe(areaRangeName('Review 2026-W48', 'actions'));
  });
});

describe('the jobs in Excel', () => {
  it('write the same plans as the file host for the same data, in a few round trips', async () => {
    const fake = workbookWithOrders();
    const excel = await buildDashboard(portOver(fake), options);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(HEADER);
    for (const row of sample.rows)
      sheet.addRow([new Date((Number(row[0]) - 25569) * 86400000), ...row.slice(1)]);
    sheet.getColumn(1).numFmt = 'yyyy-mm-dd';
    const file = await buildDashboard(FileWorkbookPort.ofWorkbook(workbook, 'sales.xlsx'), options);
    expect(excel.plans).toEqual(file.plans);
    expect(fake.sheetNames()).toEqual(['Data', 'Dashboard', 'Review 2026-W47', '_sales_metrics']);
    expect(fake.dump('Dashboard').cells.A1.value).toBe('Sales dashboard');
    // The configuration reads back: the next refresh finds the orders where the build found them.
    const { config } = await portOver(fake).readConfig();
    expect(config.mappings.sources).toEqual({ orders: 'Data' });
  });

  it('keep typed actions on a refresh and carry open ones into a new week', async () => {
    const fake = workbookWithOrders();
    await buildDashboard(portOver(fake), options);
    const names = fake.names();
    const actions = names[peopleAreaName('Review 2026-W47', 'actions')]!;
    const top = Number(/\$(\d+):/.exec(actions)![1]);
    fake.typeInto('Review 2026-W47', `C${top}`, 'Call the top 5 accounts');
    fake.typeInto('Review 2026-W47', `F${top}`, 'open');
    fake.typeInto('Review 2026-W47', `B${top}`, '=A' + top + '&"!"');
    const again = await refreshReview(portOver(fake), options);
    expect(again.existed).toBe(true);
    const dumped = fake.dump('Review 2026-W47').cells;
    const newTop = Number(/\$(\d+):/.exec(fake.names()[peopleAreaName('Review 2026-W47', 'actions')]!)![1]);
    expect(dumped[`C${newTop}`].value).toBe('Call the top 5 accounts');
    expect(dumped[`B${newTop}`].formula).toBe(`=A${newTop}&"!"`);
    const next = await refreshReview(portOver(fake), { ...options, asOf: parseDay('2026-11-25')! });
    expect([next.existed, next.carried]).toEqual([false, 1]);
  });

  it('keep an action typed in the row right under the Actions table, over two refreshes', async () => {
    const fake = workbookWithOrders();
    await buildDashboard(portOver(fake), options);
    const area = () =>
      /\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)/.exec(
        fake.names()[peopleAreaName('Review 2026-W47', 'actions')]!,
      )!;
    const [top, bottom] = [Number(area()[2]), Number(area()[4])];
    fake.typeInto('Review 2026-W47', `C${bottom + 1}`, 'Call Ani about the Bali order');
    fake.typeInto('Review 2026-W47', `D${bottom + 1}`, 'Budi');
    await refreshReview(portOver(fake), options);
    await refreshReview(portOver(fake), options);
    const grown = area();
    const dumped = fake.dump('Review 2026-W47').cells;
    // The area is one row taller and ends at the typed row, which holds what was typed.
    expect(Number(grown[4]) - Number(grown[2])).toBe(bottom - top + 1);
    const row = Number(grown[4]);
    expect(dumped[`C${row}`].value).toBe('Call Ani about the Bali order');
    expect(dumped[`D${row}`].value).toBe('Budi');
  });

  it('run one at a time from the pane or the ribbon, and fail with a message, not an exception', async () => {
    const fake = workbookWithOrders();
    const render = (context: Excel.RequestContext, plans: Parameters<typeof renderPlansInExcel>[1]) =>
      renderPlansInExcel(context, plans, { capabilities: ALL_CAPABILITIES });
    const common = {
      now: new Date(2026, 10, 18, 9, 0),
      label: 'sales.xlsx',
      render,
      run: <T>(batch: (c: Excel.RequestContext) => Promise<T>) => batch(fake.context),
    };
    const [a, b] = await Promise.all([runJob('dashboard', common), runJob('review', common)]);
    expect(a).toMatchObject({ ok: true, sheets: ['Dashboard', 'Review 2026-W47'] });
    expect(b).toMatchObject({ ok: true, sheets: ['Review 2026-W47'] });
    const empty = createExcelFake();
    empty.addSheet('Notes').cell(1, 1).value = 'nothing here';
    const failed = await runJob('dashboard', { ...common, run: (batch) => batch(empty.context) });
    expect(failed.ok).toBe(false);
    expect(failed.ok ? '' : failed.message).toMatch(
      /no sheet or table has the orders table's required columns/,
    );
  });
});
