/**
 * Nothing half-written: the renderer reads first, tries every plan on hidden trial sheets, and
 * applies only then. Failures injected at each stage must leave the product sheets (and the names
 * and formulas pointing at them) as they were, remove the trial sheets, and surface a typed error
 * with a message for the person.
 */
import { renderPlansInExcel, ExcelRenderError, type ExcelRenderErrorCode } from '../../src/excel/render';
import { ALL_CAPABILITIES } from '../../src/excel/capabilities';
import { emptyPlan, formulaCell, textCell, valueCell, type SheetPlan } from '../../src/sheets/plan';
import { createExcelFake, type ExcelFake, type OpInfo } from '../support/excel-fake';

const capabilities = ALL_CAPABILITIES;

function plans(version: string): SheetPlan[] {
  const dashboard: SheetPlan = {
    ...emptyPlan('Dashboard'),
    cells: [
      textCell('A1', `Dashboard ${version}`, 'title'),
      textCell('A4', 'Metric', 'header'),
      textCell('B4', 'Value', 'header'),
      textCell('A5', 'Revenue'),
      formulaCell('B5', 'SUM(Data!A2:A4)'),
      { ref: 'A7', value: 'note', note: `written by ${version}` },
      textCell('J1', 'Month'),
      textCell('K1', 'Sales'),
      textCell('J2', 'Jan'),
      valueCell('K2', 5),
    ],
    conditionalFormats: [{ type: 'dataBar', ref: 'B5:B5', color: '63BE7B' }],
    tables: [{ name: 'KpiTable', ref: 'A4:B5', columns: ['Metric', 'Value'] }],
    charts: [
      {
        type: 'line',
        title: 'Sales',
        anchor: { from: 'D1', to: 'H10' },
        categories: 'Dashboard!$J$2:$J$2',
        series: [{ name: 'Sales', ref: 'Dashboard!$K$2:$K$2' }],
      },
    ],
    namedRanges: [{ name: 'KpiRevenue', ref: 'Dashboard!$B$5' }],
    areas: [{ ref: 'A1:K7', owner: 'computed', name: 'dashboard' }],
    active: true,
  };
  const review: SheetPlan = {
    ...emptyPlan('Review'),
    cells: [textCell('A1', `Review ${version}`), { ref: 'A3', value: null, style: 'input' }],
    areas: [{ ref: 'A3:B4', owner: 'people', name: 'actions' }],
    protectedAreas: ['A3:B4'],
  };
  return [dashboard, review];
}

async function builtWorkbook(): Promise<{ fake: ExcelFake; snapshot: () => unknown }> {
  const fake = createExcelFake();
  fake.addSheet('Data');
  await renderPlansInExcel(fake.context, plans('v1'), { capabilities });
  fake.addSheet('Mine');
  fake.typeInto('Mine', 'A1', '=Dashboard!B5*2');
  fake.typeInto('Review', 'A3', 'typed by a person');
  const snapshot = () => ({
    sheets: fake.sheetNames(),
    dashboard: fake.dump('Dashboard'),
    review: fake.dump('Review'),
    mine: fake.dump('Mine'),
    names: fake.names(),
  });
  return { fake, snapshot };
}

async function expectFailure(fake: ExcelFake, code: ExcelRenderErrorCode): Promise<ExcelRenderError> {
  const error = await renderPlansInExcel(fake.context, plans('v2'), { capabilities }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExcelRenderError);
  expect((error as ExcelRenderError).code).toBe(code);
  expect((error as ExcelRenderError).message.length).toBeGreaterThan(20);
  return error as ExcelRenderError;
}

/** The batch an operation is sent in, counted from the start of the next render. */
const laterBatch = (fake: ExcelFake, n: number) => {
  const start = fake.batches.length;
  return (op: OpInfo) => op.batch === start + n;
};

describe('renderPlansInExcel: failures leave the workbook as it was', () => {
  it.each([
    ['reading the workbook', 1, 'WorksheetCollection.load'],
    ['reading the product sheets', 2, 'Range.load'],
    ['the trial, on a value block', 3, 'Range.formulas'],
    ['the trial, on a conditional format', 3, 'ConditionalFormatCollection.add'],
    ['the trial, on a chart series', 3, 'ChartSeries.setValues'],
  ])('when Excel fails while %s', async (_stage, batch, label) => {
    const { fake, snapshot } = await builtWorkbook();
    const before = snapshot();
    const inBatch = laterBatch(fake, batch);
    fake.failOn((op) => inBatch(op) && op.label === label, 'GeneralException');
    const error = await expectFailure(fake, 'failed');
    expect(error.message).toMatch(/Nothing was changed/);
    expect(snapshot()).toEqual(before);
  });

  it.each(['TableCollection.add', 'Table.name'])(
    'names the table when a table name is taken while trying (ItemAlreadyExists on %s)',
    async (label) => {
      const { fake, snapshot } = await builtWorkbook();
      const before = snapshot();
      const trialBatch = laterBatch(fake, 3);
      fake.failOn((op) => trialBatch(op) && op.label === label, 'ItemAlreadyExists');
      await expectFailure(fake, 'table-name-taken');
      expect(snapshot()).toEqual(before);
    },
  );

  it('retries once in smaller batches when Excel refuses a request as too large, then succeeds', async () => {
    const { fake } = await builtWorkbook();
    fake.rejectBatch(
      (b) => b.ops.some((op) => op.label === 'WorksheetCollection.add'),
      'RequestPayloadSizeLimitExceeded',
    );
    const result = await renderPlansInExcel(fake.context, plans('v2'), { capabilities });
    expect(result.syncs).toBeGreaterThan(4);
    expect(fake.dump('Dashboard').cells.A1.value).toBe('Dashboard v2');
    expect(fake.sheetNames()).toEqual(['Data', 'Dashboard', 'Review', 'Mine']);
  });

  it('gives up with payload-too-large when even smaller batches are refused', async () => {
    const { fake, snapshot } = await builtWorkbook();
    const before = snapshot();
    fake.rejectBatch(
      (b) => b.ops.some((op) => op.label === 'WorksheetCollection.add'),
      'RequestPayloadSizeLimitExceeded',
      { times: 2 },
    );
    await expectFailure(fake, 'payload-too-large');
    expect(snapshot()).toEqual(before);
  });

  it('stops before writing when the workbook structure is protected', async () => {
    const { fake, snapshot } = await builtWorkbook();
    fake.state.protection.protected = true;
    const before = snapshot();
    const batches = fake.batches.length;
    await expectFailure(fake, 'workbook-protected');
    expect(fake.batches.length).toBe(batches + 1);
    expect(snapshot()).toEqual(before);
  });

  it('stops when a product sheet is protected with a password, before anything changed', async () => {
    const { fake, snapshot } = await builtWorkbook();
    fake.state.sheet('Review')!.protection = { protected: true, password: 'secret' };
    const before = snapshot();
    const error = await expectFailure(fake, 'failed');
    expect(error.message).toMatch(/protected with a password/);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a sheet, a name or a table of the plan that the product did not make', async () => {
    const taken = async (setUp: (fake: ExcelFake) => void, code: ExcelRenderErrorCode) => {
      const fake = createExcelFake();
      fake.addSheet('Data');
      setUp(fake);
      const before = fake.sheetNames();
      await expectFailure(fake, code);
      expect(fake.sheetNames()).toEqual(before);
    };
    await taken((fake) => fake.addSheet('Dashboard'), 'sheet-name-taken');
    await taken(
      (fake) =>
        fake.state.names.set('kpirevenue', {
          name: 'KpiRevenue',
          ref: { sheet: fake.state.sheet('Data')!, rect: { top: 1, left: 1, bottom: 1, right: 1 } },
        }),
      'name-taken',
    );
    await taken((fake) => {
      const data = fake.state.sheet('Data')!;
      data.tables.push({
        id: 't',
        name: 'KpiTable',
        rect: { top: 1, left: 1, bottom: 2, right: 1 },
        style: '',
        showBandedRows: true,
        showHeaders: true,
      });
    }, 'table-name-taken');
  });

  it('removes the trial sheets and reports part-way when applying fails after the trial passed', async () => {
    const { fake } = await builtWorkbook();
    const applyBatch = laterBatch(fake, 4);
    fake.failOn((op) => applyBatch(op) && op.label === 'Worksheet.delete', 'GeneralException');
    const error = await expectFailure(fake, 'failed');
    expect(error.message).toMatch(/part-way/);
    expect(fake.sheetNames().filter((n) => n.startsWith('SM_trial'))).toEqual([]);
    // The sheet objects are the same ones: the other sheet's formula still points at the Dashboard.
    expect(fake.dump('Mine').cells.A1.formula).toBe('=Dashboard!B5*2');
  });

  it('removes trial sheets a crashed render left behind', async () => {
    const { fake } = await builtWorkbook();
    fake.addSheet('SM_trial_1').visibility = 'Hidden';
    await renderPlansInExcel(fake.context, plans('v2'), { capabilities });
    expect(fake.sheetNames()).toEqual(['Data', 'Dashboard', 'Review', 'Mine']);
  });

  it('keeps references to the product sheets through a refresh and a new sheet added beside them', async () => {
    const { fake } = await builtWorkbook();
    const ids = [fake.dump('Dashboard').id, fake.dump('Review').id];
    const more: SheetPlan = {
      ...emptyPlan('Extra'),
      cells: [textCell('A1', 'new')],
      namedRanges: [{ name: 'ExtraTitle', ref: 'Extra!$A$1' }],
    };
    await renderPlansInExcel(fake.context, [...plans('v2'), more], { capabilities });
    expect([fake.dump('Dashboard').id, fake.dump('Review').id]).toEqual(ids);
    expect(fake.sheetNames()).toEqual(['Data', 'Dashboard', 'Review', 'Mine', 'Extra']);
    expect(fake.dump('Mine').cells.A1.formula).toBe('=Dashboard!B5*2');
    expect(fake.names()).toMatchObject({ KpiRevenue: '=Dashboard!$B$5', ExtraTitle: '=Extra!$A$1' });
    expect(fake.dump('Review').cells.A3.value).toBe('typed by a person');
    expect(fake.dump('Dashboard').cells.A7.note).toBe('written by v2');
  });
});
