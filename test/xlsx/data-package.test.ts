/**
 * The Data sheet written straight from a grid: read back by the product's own reader, by ExcelJS
 * and by LibreOffice, every cell is what the grid held, with its type.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellValue } from '../../src/core/cell';
import { dataPackage, MAX_CELL_TEXT } from '../../src/xlsx/data-package';
import { gridOfRows } from '../../src/xlsx/grid';
import { readXlsxFile } from '../../src/xlsx/read-xlsx';
import { cellText, decodeCellText } from '../../src/xlsx/sheet-xml';
import { convert, describeWithLibreOffice } from '../support/libreoffice';

const dir = mkdtempSync(join(tmpdir(), 'data-package-'));
let files = 0;

/** Writes the rows as a Data sheet and reads them back with the product's reader. */
async function roundTrip(rows: CellValue[][], formats?: Record<string, string>): Promise<CellValue[][]> {
  const path = join(dir, `sheet-${++files}.xlsx`);
  writeFileSync(path, dataPackage({ name: 'Data', grid: gridOfRows(rows), formats }).buffer);
  return (await readXlsxFile(path)).rows;
}

/** What a reader gives back for the rows: blanks are absent, rows end at their last value. */
function expected(rows: CellValue[][]): CellValue[][] {
  return rows.map((row) => {
    const out = row.map((v) => (v === '' || v === undefined ? null : v));
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  });
}

const TRICKY = [
  '=1+1',
  '+62 812',
  '-5',
  '@sum',
  '0012',
  '1e5',
  'a < b & c > "d" \'e\'',
  'tab\there',
  'line\r\nnext\rlast',
  'bell\u0007 nul\u0000 esc\u001B',
  'literal _x0041_ and _x005F_',
  '  spaced  ',
  'Jakarta Selatan — café 東京 😀',
  '\uFFFE',
];

describe('dataPackage', () => {
  it('keeps dates as dates, numbers as numbers and text as text, whatever the text holds', async () => {
    const header = ['Order Date', 'Amount', 'Note', 'Flag'];
    const rows: CellValue[][] = [header];
    TRICKY.forEach((text, i) =>
      rows.push([new Date(Date.UTC(2025, 0, 1 + i)), i === 0 ? -0.5 : 1234.5678 * i, text, i % 2 === 0]),
    );
    rows.push([null, 1e-7, '', undefined], [new Date(Date.UTC(2025, 11, 31, 12, 30)), 9.99e15, 'x']);
    const back = await roundTrip(rows, { 'Order Date': 'yyyy-mm-dd' });
    expect(back).toEqual(expected(rows));
    expect(back[1][0]).toBeInstanceOf(Date);
    expect(typeof back[1][1]).toBe('number');
    expect(back[1][2]).toBe('=1+1');
    expect(back[5][2]).toBe('0012');
  });

  it('cuts text past a cell’s 32,767 characters and says where', async () => {
    const long = 'ab'.repeat(20_000);
    const near = 'c'.repeat(MAX_CELL_TEXT);
    const rows: CellValue[][] = [['Note'], [long], [near]];
    const written = dataPackage({ name: 'Data', grid: gridOfRows(rows) });
    expect(written.cut).toEqual([{ row: 2, column: 'A', length: 40_000 }]);
    expect(written.cutCount).toBe(1);
    const back = await roundTrip(rows);
    expect(back[1][0]).toBe(long.slice(0, MAX_CELL_TEXT));
    expect(back[2][0]).toBe(near);
  });

  it('writes a valid sheet ExcelJS reads: bold header, frozen row, filter, date format', async () => {
    const rows: CellValue[][] = [
      ['Date', 'Amount', 'Region'],
      [new Date(Date.UTC(2026, 0, 5)), 100, 'North & South'],
      [new Date(Date.UTC(2026, 0, 6)), 50.25, '=A1'],
    ];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      dataPackage({ name: 'Data', grid: gridOfRows(rows) }).buffer as unknown as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet('Data')!;
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('A2').value).toEqual(new Date(Date.UTC(2026, 0, 5)));
    expect(sheet.getCell('B3').value).toBe(50.25);
    expect(sheet.getCell('C2').value).toBe('North & South');
    expect(sheet.getCell('C3').value).toBe('=A1');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:C3');
  });

  it('refuses a grid larger than a sheet', () => {
    const grid = { rowCount: 1_048_577, columnCount: 2, cell: () => null };
    expect(() => dataPackage({ name: 'Data', grid })).toThrow(
      /1,048,577 rows × 2 columns do not fit in a sheet/,
    );
  });

  it('reads back any grid of text, numbers, dates and booleans as written (property)', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 30 }).map((s) => s.replace(/[\uD800-\uDFFF]/g, '?'));
    const number = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
    const date = fc
      .integer({ min: Date.UTC(1900, 2, 1), max: Date.UTC(9999, 11, 31) })
      .map((ms) => new Date(Math.floor(ms / 1000) * 1000));
    const cell: fc.Arbitrary<CellValue> = fc.oneof(text, number, date, fc.boolean(), fc.constant(null));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        async (body) => {
          const rows: CellValue[][] = [['A', 'B', 'C', 'D', 'E', 'F'], ...body];
          const back = await roundTrip(rows);
          const want = expected(rows);
          while (want.length > 0 && want[want.length - 1].length === 0) want.pop();
          expect(back).toEqual(want);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('cellText', () => {
  it('escapes markup, control characters and literal escapes, and decodeCellText reverses it', () => {
    expect(cellText('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    expect(cellText('x\ry\u0001')).toBe('x_x000D_y_x0001_');
    expect(cellText('_x0041_ and _y')).toBe('_x005F_x0041_ and _y');
    for (const text of TRICKY) {
      const xml = cellText(text).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      expect(decodeCellText(xml)).toBe(text);
    }
  });
});

describeWithLibreOffice('a Data sheet opened by LibreOffice', () => {
  it('shows every text, number and date as written', async () => {
    const rows: CellValue[][] = [
      ['Date', 'Amount', 'Note'],
      [new Date(Date.UTC(2026, 0, 5)), 100.5, '=1+1'],
      [new Date(Date.UTC(2026, 1, 28)), -3, '0012'],
      [new Date(Date.UTC(2026, 2, 1)), 7, 'a < b & "c"'],
      [new Date(Date.UTC(2026, 2, 2)), 8, 'literal _x0041_'],
    ];
    const path = join(dir, 'lo.xlsx');
    writeFileSync(path, dataPackage({ name: 'Data', grid: gridOfRows(rows) }).buffer);
    const [csv] = await convert([path], 'csv', join(dir, 'lo'));
    expect(readFileSync(csv, 'utf8').trim().split('\n')).toEqual([
      'Date,Amount,Note',
      '2026-01-05,100.5,=1+1',
      '2026-02-28,-3,0012',
      '2026-03-01,7,"a < b & ""c"""',
      '2026-03-02,8,literal _x0041_',
    ]);
  }, 120_000);
});
