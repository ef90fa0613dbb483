import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTableFile } from '../../src/xlsx/read';
import { FileReadError } from '../../src/xlsx/read-error';
import { openWorkbook } from '../../src/xlsx/read-workbook';

const dir = mkdtempSync(join(tmpdir(), 'read-'));

describe('readTableFile', () => {
  it('reads a CSV as strings and says which delimiter it used', async () => {
    const path = join(dir, 'orders.csv');
    writeFileSync(path, 'Date;Amount\n2026-01-05;12,50\n');
    const read = await readTableFile(path);
    expect(read).toMatchObject({ rowCount: 2, format: 'csv', delimiter: ';' });
    expect(read.rows).toEqual([
      ['Date', 'Amount'],
      ['2026-01-05', '12,50'],
    ]);
    expect(read.grid.columnCount).toBe(2);
    expect(read.grid.cell(1, 1)).toBe('12,50');
    expect(read.grid.cell(1, 2)).toBeUndefined();
  });

  it('reads a workbook by its content even when misnamed', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Orders').addRow(['Date', 'Amount']);
    const path = join(dir, 'orders.data');
    await wb.xlsx.writeFile(path);
    const result = await readTableFile(path);
    expect(result.format).toBe('xlsx');
    expect(result.sheet).toBe('Orders');
    expect(result.rows).toEqual([['Date', 'Amount']]);
  });

  it('explains missing files, folders, fake workbooks, old formats and UTF-16 text', async () => {
    await expect(readTableFile(join(dir, 'missing.csv'))).rejects.toThrow(
      `file not found: ${join(dir, 'missing.csv')}`,
    );
    await expect(readTableFile(dir)).rejects.toThrow('is a folder, not a file');
    const fake = join(dir, 'fake.xlsx');
    writeFileSync(fake, 'Date,Amount\n');
    await expect(readTableFile(fake)).rejects.toThrow('is not a valid .xlsx workbook');
    const old = join(dir, 'old.xls');
    writeFileSync(old, Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    await expect(readTableFile(old)).rejects.toThrow('save it as .xlsx or .csv');
    const utf16 = join(dir, 'utf16.csv');
    writeFileSync(utf16, Buffer.from('\uFEFFa,b\n', 'utf16le'));
    await expect(readTableFile(utf16)).rejects.toBeInstanceOf(FileReadError);
  });
});

describe('openWorkbook', () => {
  it('opens a workbook, and refuses one above the size it can rewrite in memory, in one sentence', async () => {
    const path = join(dir, 'small.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Orders').addRow(['Date', 'Amount']);
    await wb.xlsx.writeFile(path);
    const opened = await openWorkbook(path);
    expect(opened.worksheets.map((ws) => ws.name)).toEqual(['Orders']);
    await expect(openWorkbook(path, 100)).rejects.toThrow(
      /small\.xlsx is 0 MB; workbooks are rewritten in memory/,
    );
    await expect(openWorkbook(join(dir, 'none.xlsx'))).rejects.toThrow(/file not found/);
  });
});
