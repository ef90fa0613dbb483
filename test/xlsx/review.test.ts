/** The weekly review through a real workbook: refreshes keep typed actions; open ones carry over. */
import ExcelJS from 'exceljs';
import { writeWorkbook } from '../../src/xlsx/render-workbook';
import { readNamedPeopleArea } from '../../src/xlsx/render';
import { buildReviewPlan, openActions, ACTIONS_AREA } from '../../src/sheets/review';
import { buildDashboardPlan } from '../../src/sheets/dashboard';
import { parseRange, toA1 } from '../../src/sheets/a1';
import { sampleOrders, AS_OF } from '../sheets/fixtures';
import { reload, snapshotSheet } from './helpers';

const sample = sampleOrders();
const reviewInput = { inputs: { orders: sample.table }, asOf: AS_OF, sourceLabel: 'sample' };

async function userWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('My notes');
  ws.getCell('A1').value = 'Mine';
  ws.getCell('B2').value = { formula: 'A1&"!"', result: 'Mine!' };
  ws.getCell('C3').value = 0.5;
  ws.getCell('C3').numFmt = '0%';
  return reload(Buffer.from(await wb.xlsx.writeBuffer()));
}

describe('weekly review in a workbook', () => {
  it('keeps every Actions edit over 10 refreshes, including rows people added below', async () => {
    let wb = await userWorkbook();
    const userBefore = snapshotSheet(wb.getWorksheet('My notes')!);
    wb = await reload(await writeWorkbook(wb, [buildReviewPlan(reviewInput)]));
    const name = 'Review 2026-W47';
    const expected = new Map<string, ExcelJS.CellValue>();
    for (let round = 1; round <= 10; round++) {
      const area = readNamedPeopleArea(wb, name, ACTIONS_AREA)!;
      const range = parseRange(area.ref)!;
      const ws = wb.getWorksheet(name)!;
      // Type into a row of the table; on round 9 also write just below it, then grow the name as
      // Excel does when a table gains a row.
      const row = round === 9 ? range.bottom + 1 : range.top + (round % (range.bottom - range.top + 1));
      const edits: [number, ExcelJS.CellValue][] = [[3, `Action ${round}`], [4, round % 2 ? 'Dewi' : '=Rudi'], [6, round % 3 ? 'open' : 'done']];
      for (const [c, v] of edits) {
        ws.getCell(toA1(row, c)).value = v;
        expected.set(`${row - range.top}:${c}`, v);
      }
      if (round === 9) {
        wb.definedNames.model = wb.definedNames.model.map((n) => (n.ranges[0].includes(name) && n.name.endsWith('_actions')
          ? { ...n, ranges: [`'${name}'!$A$${range.top}:$G$${range.bottom + 1}`] } : n));
      }
      wb = await reload(await writeWorkbook(wb, [buildReviewPlan(reviewInput)]));
      const now = readNamedPeopleArea(wb, name, ACTIONS_AREA)!;
      const top = parseRange(now.ref)!.top;
      const sheet = wb.getWorksheet(name)!;
      for (const [key, value] of expected) {
        const [dr, c] = key.split(':').map(Number);
        expect([round, key, sheet.getCell(toA1(top + dr, c)).value]).toEqual([round, key, value]);
      }
    }
    expect(snapshotSheet(wb.getWorksheet('My notes')!)).toEqual(userBefore);
    // The Status drop-down follows the grown table.
    const finalArea = parseRange(readNamedPeopleArea(wb, name, ACTIONS_AREA)!.ref)!;
    const status = wb.getWorksheet(name)!.getCell(toA1(finalArea.bottom, 6));
    expect(status.dataValidation).toMatchObject({ type: 'list', formulae: ['"open,in progress,blocked,done"'] });
  });

  it('carries open actions into next week and leaves last week alone', async () => {
    let wb = await reload(await writeWorkbook(await userWorkbook(), [buildReviewPlan(reviewInput)]));
    const ws = wb.getWorksheet('Review 2026-W47')!;
    const top = parseRange(readNamedPeopleArea(wb, 'Review 2026-W47', ACTIONS_AREA)!.ref)!.top;
    ws.getRow(top).values = ['revenue', 'slow West', 'call accounts', 'Dewi', null, 'open', 'n1'];
    ws.getRow(top + 1).values = ['aov', null, 'bundle offer', 'Rudi', null, 'done', null];
    wb = await reload(await writeWorkbook(wb, []));
    const lastWeek = snapshotSheet(wb.getWorksheet('Review 2026-W47')!);
    const carry = openActions(readNamedPeopleArea(wb, 'Review 2026-W47', ACTIONS_AREA));
    expect(carry).toEqual([['revenue', 'slow West', 'call accounts', 'Dewi', null, 'open', 'n1']]);
    wb = await reload(await writeWorkbook(wb, [buildReviewPlan({ ...reviewInput, asOf: AS_OF + 7, carryOver: carry })]));
    const next = readNamedPeopleArea(wb, 'Review 2026-W48', ACTIONS_AREA)!;
    const nextTop = parseRange(next.ref)!.top;
    expect(wb.getWorksheet('Review 2026-W48')!.getCell(`C${nextTop}`).value).toBe('call accounts');
    expect(wb.getWorksheet('Review 2026-W48')!.getCell(`C${nextTop + 1}`).value).toBeNull();
    expect(snapshotSheet(wb.getWorksheet('Review 2026-W47')!)).toEqual(lastWeek);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['My notes', 'Review 2026-W47', 'Review 2026-W48']);
  });

  it('builds dashboard and review twice to identical sheets', async () => {
    const dash = buildDashboardPlan({ inputs: { orders: sample.table }, asOf: AS_OF, source: sample.source, sourceLabel: 'sample' });
    const once = await reload(await writeWorkbook(await userWorkbook(), [sample.dataPlan, dash, buildReviewPlan(reviewInput)]));
    const names = ['Data', 'Dashboard', 'Review 2026-W47'];
    const first = names.map((name) => snapshotSheet(once.getWorksheet(name)!));
    const twice = await reload(await writeWorkbook(once, [sample.dataPlan, dash, buildReviewPlan(reviewInput)]));
    expect(names.map((name) => snapshotSheet(twice.getWorksheet(name)!))).toEqual(first);
  });
});
