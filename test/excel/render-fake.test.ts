/**
 * The recording fake behaves like Office.js where the renderer's correctness depends on it: loads
 * and syncs, batches that are not transactions, the request size limit, typed-text parsing, names,
 * references that follow or lose their sheet, requirement sets and protection.
 */
import { createExcelFake, FakeOfficeError, PAYLOAD_LIMIT } from '../support/excel-fake';
import { a1ToR1C1, r1c1ToA1, typeText } from '../support/excel-fake/typing';

/* eslint-disable @typescript-eslint/no-explicit-any */
const ctx = (fake: ReturnType<typeof createExcelFake>): any => fake.context;

describe('the Excel fake', () => {
  it('reads properties only after load and sync, and resolves null objects at sync', async () => {
    const fake = createExcelFake();
    fake.addSheet('Data');
    const sheets = ctx(fake).workbook.worksheets;
    const missing = sheets.getItemOrNullObject('Nope');
    const range = sheets.getItem('Data').getRange('A1:B1');
    expect(() => missing.isNullObject).toThrow(FakeOfficeError);
    range.load('address,values');
    expect(() => range.values).toThrow(/not available/);
    await ctx(fake).sync();
    expect(missing.isNullObject).toBe(true);
    expect(range.address).toBe('Data!A1:B1');
    expect(range.values).toEqual([['', '']]);
    expect(() => range.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  it('applies a batch in order and keeps what ran before a failing operation (no rollback)', async () => {
    const fake = createExcelFake();
    fake.addSheet('Data');
    const sheet = ctx(fake).workbook.worksheets.getItem('Data');
    sheet.getRange('A1').values = [['first']];
    sheet.getRange('A2').values = [['a', 'too wide']];
    sheet.getRange('A3').values = [['never']];
    await expect(ctx(fake).sync()).rejects.toMatchObject({
      code: 'InvalidArgument',
      debugInfo: { errorLocation: 'Range.values' },
    });
    expect(fake.dump('Data').cells).toEqual({ A1: { value: 'first' } });
  });

  it('measures each request in UTF-8 bytes and refuses one over 5 MB whole', async () => {
    const fake = createExcelFake();
    fake.addSheet('Data');
    const sheet = ctx(fake).workbook.worksheets.getItem('Data');
    sheet.getRange('A1').values = [['é']];
    await ctx(fake).sync();
    expect(fake.batches[0].bytes).toBe(
      Buffer.byteLength(
        JSON.stringify([['Range.values', "workbook.worksheets.getItem('Data').getRange('A1')", [[['é']]]]]),
      ),
    );
    sheet.getRange('A2').values = [['kept?']];
    sheet.getRange('A3').values = [['x'.repeat(PAYLOAD_LIMIT)]];
    await expect(ctx(fake).sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.dump('Data').cells.A2).toBeUndefined();
  });

  it.each([
    ['=1+1', { kind: 'formula', formula: '=1+1' }],
    ['+62 812', { kind: 'formula', formula: '=+62 812' }],
    ['-5', { kind: 'value', value: -5 }],
    ['2026-04-22', { kind: 'value', value: 46134, format: 'm/d/yyyy' }],
    ['Jan 2026', { kind: 'value', value: 46023, format: 'mmm-yy' }],
    ['#N/A', { kind: 'value', value: { error: '#N/A' } }],
    ["'x", { kind: 'value', value: 'x', quotePrefix: true }],
    ["'=1+1", { kind: 'value', value: '=1+1', quotePrefix: true }],
    ['1,234.5', { kind: 'value', value: 1234.5 }],
    ['12%', { kind: 'value', value: 0.12, format: '0%' }],
    ['true', { kind: 'value', value: true }],
    ['@mention', { kind: 'formula', formula: '=@mention' }],
    ['', { kind: 'clear' }],
    ['Revenue', { kind: 'value', value: 'Revenue' }],
  ])('parses typed %j as Excel does', (text, expected) => {
    expect(typeText(text)).toEqual(expected);
  });

  it('converts formulas between A1 and R1C1 relative to their cell', () => {
    expect(a1ToR1C1('=B60*2+$A$1+Data!C3+SUM(A1:B2)', 60, 3)).toBe(
      '=RC[-1]*2+R1C1+Data!R[-57]C+SUM(R[-59]C[-2]:R[-58]C[-1])',
    );
    expect(r1c1ToA1('=RC[-1]*2+R1C1', 62, 3)).toBe('=B62*2+$A$1');
    expect(a1ToR1C1('="B60"&LOG10(A1)', 2, 2)).toBe('="B60"&LOG10(R[-1]C[-1])');
  });

  it('reads and writes formulasR1C1', async () => {
    const fake = createExcelFake();
    fake.addSheet('S');
    const sheet = ctx(fake).workbook.worksheets.getItem('S');
    sheet.getRange('C5').formulasR1C1 = [['=R[-1]C[-1]*2']];
    const read = sheet.getRange('C5').load('formulas,formulasR1C1');
    await ctx(fake).sync();
    expect([read.formulas, read.formulasR1C1]).toEqual([[['=B4*2']], [['=R[-1]C[-1]*2']]]);
  });

  it('refuses a name that exists, and keeps names and formulas with their sheet: renamed follows, deleted is #REF!', async () => {
    const fake = createExcelFake();
    fake.addSheet('Data');
    fake.addSheet('Old');
    fake.typeInto('Data', 'A1', "='Old'!B2+Old!C3");
    const wb = ctx(fake).workbook;
    wb.names.add('Kpi', wb.worksheets.getItem('Old').getRange('B2'));
    await ctx(fake).sync();
    wb.names.add('kpi', '=Data!$A$1');
    await expect(ctx(fake).sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    wb.worksheets.getItem('Old').name = 'New Name';
    await ctx(fake).sync();
    expect(fake.names()).toEqual({ Kpi: "='New Name'!$B$2" });
    expect(fake.dump('Data').cells.A1.formula).toBe("='New Name'!B2+'New Name'!C3");
    wb.worksheets.getItem('New Name').delete();
    await ctx(fake).sync();
    expect(fake.dump('Data').cells.A1.formula).toBe('=#REF!B2+#REF!C3');
    expect(fake.names()).toEqual({ Kpi: '=#REF!' });
  });

  it('fails operations the host lacks (requirement sets)', async () => {
    const fake = createExcelFake({ api: '1.17' });
    fake.addSheet('S');
    const sheet = ctx(fake).workbook.worksheets.getItem('S');
    sheet.notes.add(sheet.getRange('A1'), 'hi');
    await expect(ctx(fake).sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('refuses changes to locked cells of a protected sheet, not to unlocked ones', async () => {
    const fake = createExcelFake();
    fake.addSheet('S');
    const sheet = ctx(fake).workbook.worksheets.getItem('S');
    sheet.getRange('B2').format.protection.locked = false;
    sheet.protection.protect();
    sheet.getRange('B2').values = [['ok']];
    await ctx(fake).sync();
    sheet.getRange('A1').values = [['no']];
    await expect(ctx(fake).sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    sheet.tables.add('A1:A2', true);
    await expect(ctx(fake).sync()).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('puts a new conditional format on top, and checks its settings', async () => {
    const fake = createExcelFake();
    fake.addSheet('S');
    const range = ctx(fake).workbook.worksheets.getItem('S').getRange('A1:A3');
    range.conditionalFormats.add('DataBar');
    range.conditionalFormats.add('ColorScale');
    await ctx(fake).sync();
    expect(fake.dump('S').conditionalFormats.map((cf) => cf.type)).toEqual(['ColorScale', 'DataBar']);
    range.conditionalFormats.add('Custom').custom.rule.formula = 'A1>0';
    await expect(ctx(fake).sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    range.conditionalFormats.add('Custom').dataBar.showDataBarOnly = true;
    await expect(ctx(fake).sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('keeps table names unique with defined names, and tables apart from other tables', async () => {
    const fake = createExcelFake();
    fake.addSheet('S');
    const wb = ctx(fake).workbook;
    const sheet = wb.worksheets.getItem('S');
    wb.names.add('Orders', sheet.getRange('Z1'));
    const table = sheet.tables.add('A1:B3', true);
    await ctx(fake).sync();
    expect(fake.dump('S').tables[0]).toMatchObject({ name: 'Table1', columns: ['Column1', 'Column2'] });
    table.name = 'orders';
    await expect(ctx(fake).sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    sheet.tables.add('B2:C4', true);
    await expect(ctx(fake).sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('fails an operation on request, once', async () => {
    const fake = createExcelFake();
    fake.addSheet('S');
    fake.failOn((op) => op.label === 'Range.values', 'GeneralException');
    const sheet = ctx(fake).workbook.worksheets.getItem('S');
    sheet.getRange('A1').values = [[1]];
    await expect(ctx(fake).sync()).rejects.toMatchObject({ code: 'GeneralException' });
    sheet.getRange('A1').values = [[1]];
    await ctx(fake).sync();
    expect(fake.dump('S').cells.A1).toEqual({ value: 1 });
    expect(fake.batches.map((b) => b.error)).toEqual(['GeneralException', undefined]);
  });
});
