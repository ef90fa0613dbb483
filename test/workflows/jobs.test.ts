/**
 * The jobs on an in-memory workbook, and held to the file host: the same data gives the same
 * plans whichever host reads it, and a refresh keeps what people typed.
 */
import ExcelJS from 'exceljs';
import { calendarOf, parseDay } from '../../src/core/periods';
import { buildDashboard, MemoryWorkbookPort, refreshReview } from '../../src/workflows';
import { FileWorkbookPort } from '../../src/xlsx/file-port';
import { sampleOrders, AS_OF } from '../sheets/fixtures';

const sample = sampleOrders();
const HEADER = ['Date', 'Customer', 'Amount', 'Region', 'Rep', 'Product'];
const rows = [HEADER, ...sample.rows.map((r) => [new Date((Number(r[0]) - 25569) * 86400000), ...r.slice(1)])];
const options = { asOf: AS_OF, calendar: calendarOf(), refreshedAt: '2026-11-18 09:00', industry: null };

describe('the jobs on an in-memory workbook', () => {
  it('build the same plans as the file host for the same data', async () => {
    const memory = new MemoryWorkbookPort('sales.xlsx', [{ name: 'Data', rows }]);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    for (const row of rows) sheet.addRow(row);
    sheet.getColumn(1).numFmt = 'yyyy-mm-dd';
    const file = FileWorkbookPort.ofWorkbook(workbook, 'sales.xlsx');
    const a = await buildDashboard(memory, options);
    const b = await buildDashboard(file, options);
    expect(a.plans).toEqual(b.plans);
    expect(a.orders.formulas.formulaReady).toBe(true);
  });

  it('keep typed actions on a refresh and carry open ones into next week', async () => {
    const port = new MemoryWorkbookPort('sales.xlsx', [{ name: 'Data', rows }]);
    const built = await buildDashboard(port, options);
    const review = port.sheet(built.review.name)!;
    const actions = review.areas.find((a) => a.name === 'actions')!;
    const top = Number(/\d+/.exec(actions.ref)![0]);
    port.type(review.name, `C${top}`, 'Call the top 5 accounts');
    port.type(review.name, `F${top}`, 'open');
    const again = await refreshReview(port, options);
    expect(again.existed).toBe(true);
    const refreshed = port.sheet(review.name)!;
    const newTop = Number(/\d+/.exec(refreshed.areas.find((a) => a.name === 'actions')!.ref)![0]);
    expect(refreshed.cells.find((c) => c.ref === `C${newTop}`)?.value).toBe('Call the top 5 accounts');
    const next = await refreshReview(port, { ...options, asOf: parseDay('2026-11-25')! });
    expect(next.existed).toBe(false);
    expect(next.carried).toBe(1);
  });
});
