import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellValue } from '../../src/core/cell';
import { FileReadError } from '../../src/xlsx/read-error';
import { cellValueOf, readXlsxFile } from '../../src/xlsx/read-xlsx';
import { writeDataWorkbook } from '../../src/xlsx/write-data';

const dir = mkdtempSync(join(tmpdir(), 'read-xlsx-'));

async function writeWorkbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

const looksLikeOrders = (rows: readonly (readonly CellValue[])[]) =>
  rows.some((row) => row.some((cell) => typeof cell === 'string' && /amount/i.test(cell)));

describe('cellValueOf', () => {
  it('converts every ExcelJS value shape to a CellValue', () => {
    const date = new Date(Date.UTC(2026, 0, 5));
    expect(cellValueOf(null)).toBeNull();
    expect(cellValueOf(12.5)).toBe(12.5);
    expect(cellValueOf('x')).toBe('x');
    expect(cellValueOf(true)).toBe(true);
    expect(cellValueOf(date)).toBe(date);
    expect(cellValueOf({ richText: [{ text: 'Jak' }, { text: 'arta' }] })).toBe('Jakarta');
    expect(cellValueOf({ text: 'site', hyperlink: 'https://example.com' })).toBe('site');
    expect(cellValueOf({ text: { richText: [{ text: 'rich link' }] }, hyperlink: 'x' })).toBe('rich link');
    expect(cellValueOf({ formula: 'A1*2', result: 4 })).toBe(4);
    expect(cellValueOf({ sharedFormula: 'B2', result: 'ok' })).toBe('ok');
    expect(cellValueOf({ formula: '', result: 7 })).toBe(7);
    expect(cellValueOf({ formula: 'NA()', result: { error: '#N/A' } })).toBe('#N/A');
    expect(cellValueOf({ formula: 'X', result: Number.NaN })).toBe('#VALUE!');
    expect(cellValueOf({ formula: 'TODAY()' })).toBeNull();
    expect(cellValueOf({ error: '#DIV/0!' })).toBe('#DIV/0!');
  });

  it('turns a date-formatted formula result into a Date (1900 and 1904 systems)', () => {
    expect(cellValueOf({ formula: 'A1+1', result: 46027 }, 'yyyy-mm-dd')).toEqual(
      new Date(Date.UTC(2026, 0, 5)),
    );
    expect(cellValueOf({ formula: 'A1+1', result: 46027 - 1462 }, 'd/m/yy', true)).toEqual(
      new Date(Date.UTC(2026, 0, 5)),
    );
    expect(cellValueOf({ formula: 'A1+1', result: 46027 }, '#,##0.00')).toBe(46027);
    expect(cellValueOf({ formula: 'A1+1', result: 46027 }, '"Day"0')).toBe(46027);
  });
});

describe('readXlsxFile', () => {
  it('reads cell values densely, picking the first sheet that looks like orders', async () => {
    const path = await writeWorkbook('orders.xlsx', (wb) => {
      wb.addWorksheet('Notes').getCell('A1').value = 'read me';
      const ws = wb.addWorksheet('Orders');
      ws.addRow(['Date', 'Customer', 'Amount', 'Site', 'Double', 'Check']);
      ws.addRow([
        new Date(Date.UTC(2026, 0, 5)),
        { richText: [{ text: 'PT ' }, { text: 'Maju' }] },
        12.5,
        { text: 'shop', hyperlink: 'https://example.com' },
        { formula: 'C2*2', result: 25 },
        { error: '#N/A' },
      ]);
      ws.getCell('E3').value = { formula: 'A2+1', result: 46028 };
      ws.getCell('E3').numFmt = 'yyyy-mm-dd';
      ws.getCell('B5').value = '0012';
    });
    const result = await readXlsxFile(path, { looksLike: looksLikeOrders });
    expect(result.sheet).toBe('Orders');
    expect(result.sheetNames).toEqual(['Notes', 'Orders']);
    expect(result.rows).toEqual([
      ['Date', 'Customer', 'Amount', 'Site', 'Double', 'Check'],
      [new Date(Date.UTC(2026, 0, 5)), 'PT Maju', 12.5, 'shop', 25, '#N/A'],
      [null, null, null, null, new Date(Date.UTC(2026, 0, 6))],
      [],
      [null, '0012'],
    ]);
  });

  it('reads shared formulas by their cached results', async () => {
    const path = await writeWorkbook('shared.xlsx', (wb) => {
      const ws = wb.addWorksheet('Data');
      ws.getCell('A1').value = 1;
      ws.getCell('A2').value = 2;
      ws.getCell('B1').value = {
        formula: 'A1*10',
        result: 10,
        shareType: 'shared',
        ref: 'B1:B2',
      } as ExcelJS.CellFormulaValue;
      ws.getCell('B2').value = { sharedFormula: 'B1', result: 20 } as ExcelJS.CellSharedFormulaValue;
    });
    expect((await readXlsxFile(path)).rows).toEqual([
      [1, 10],
      [2, 20],
    ]);
  });

  it('falls back to the first visible sheet and skips hidden ones', async () => {
    const path = await writeWorkbook('plain.xlsx', (wb) => {
      const hidden = wb.addWorksheet('_sales_metrics', { state: 'veryHidden' });
      hidden.getCell('A1').value = '{}';
      wb.addWorksheet('First').getCell('A1').value = 'x';
      wb.addWorksheet('Second').getCell('A1').value = 'y';
    });
    const result = await readXlsxFile(path, { looksLike: looksLikeOrders });
    expect(result.sheet).toBe('First');
    expect(result.rows).toEqual([['x']]);
  });

  it('reads a named sheet (case-insensitive) and names the sheets when it is missing', async () => {
    const path = await writeWorkbook('named.xlsx', (wb) => {
      wb.addWorksheet('Orders').getCell('A1').value = 'o';
      wb.addWorksheet('Pipeline').getCell('A1').value = 'p';
    });
    expect((await readXlsxFile(path, { sheet: 'pipeline' })).rows).toEqual([['p']]);
    await expect(readXlsxFile(path, { sheet: 'Spend' })).rejects.toThrow('no sheet named "Spend" in');
    await expect(readXlsxFile(path, { sheet: 'Spend' })).rejects.toThrow('(sheets: "Orders", "Pipeline")');
  });

  it('prefers a sheet by name, and reads workbooks whose sheets come before their shared strings', async () => {
    // ExcelJS's streaming writer stores sheets first, so the reader parks them in temporary files.
    const path = join(dir, 'streamed.xlsx');
    const orders = [
      ['Date', 'Amount'],
      [46027, 10],
      [46028, 20],
    ];
    await writeDataWorkbook(path, [
      { name: 'Orders', rows: orders, formats: { Date: 'yyyy-mm-dd' } },
      { name: 'Notes', rows: [['just text']] },
      {
        name: 'Spend',
        rows: [
          ['Date', 'Amount'],
          [46027, 5],
        ],
        formats: { Date: 'yyyy-mm-dd' },
      },
    ]);
    const spend = await readXlsxFile(path, { looksLike: looksLikeOrders, preferredNames: ['spend'] });
    expect(spend.sheet).toBe('Spend');
    expect(spend.rows).toEqual([
      ['Date', 'Amount'],
      [new Date(Date.UTC(2026, 0, 5)), 5],
    ]);
    const first = await readXlsxFile(path, { looksLike: looksLikeOrders, preferredNames: ['Pipeline'] });
    expect(first.sheet).toBe('Orders');
    const named = await readXlsxFile(path, { sheet: 'notes' });
    expect(named.rows).toEqual([['just text']]);
    expect(named.sheetNames).toEqual(['Orders', 'Notes', 'Spend']);
  });

  it('reports progress in rows', async () => {
    const path = await writeWorkbook('rows.xlsx', (wb) => {
      const ws = wb.addWorksheet('Orders');
      for (let i = 0; i < 250; i++) ws.addRow([i]);
    });
    const seen: number[] = [];
    const result = await readXlsxFile(path, { onProgress: (n) => seen.push(n), progressEvery: 100 });
    expect(result.rows).toHaveLength(250);
    expect(seen).toEqual([100, 200, 250]);
  });

  it('throws FileReadError for a missing file, a non-ZIP file and a truncated workbook', async () => {
    await expect(readXlsxFile(join(dir, 'nope.xlsx'))).rejects.toThrow(/file not found: .*nope\.xlsx/);
    const garbage = join(dir, 'garbage.xlsx');
    writeFileSync(garbage, 'this is not a workbook '.repeat(50));
    await expect(readXlsxFile(garbage)).rejects.toBeInstanceOf(FileReadError);
    const good = await writeWorkbook('whole.xlsx', (wb) => {
      const ws = wb.addWorksheet('Orders');
      for (let i = 0; i < 2000; i++) ws.addRow([i, `customer ${i}`]);
    });
    const bytes = readFileSync(good);
    const truncated = join(dir, 'truncated.xlsx');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(readXlsxFile(truncated)).rejects.toThrow(/truncated\.xlsx is damaged: the zip package is incomplete/);
  });
});
