/**
 * Workbook packages as other programs write them, and as damage leaves them: each class read
 * right or refused with one precise sentence.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsxFile, readXlsxSheets } from '../../src/xlsx/read-xlsx';
import { FileReadError } from '../../src/xlsx/read-error';
import { rawZip, workbookParts, type RawEntry } from '../support/raw-zip';

const dir = mkdtempSync(join(tmpdir(), 'ooxml-'));

function save(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="4"/></cellXfs></styleSheet>`;

/** An ExcelJS workbook with an Orders sheet of `n` rows (and a Notes sheet before it). */
async function excelJsWorkbook(n: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').getCell('A1').value = 'read me';
  const ws = wb.addWorksheet('Orders');
  ws.addRow(['Date', 'Customer', 'Amount']);
  for (let i = 0; i < n; i++) {
    ws.addRow([new Date(Date.UTC(2026, 0, 1 + (i % 28))), `customer ${i}`, i + 0.5]);
    ws.getCell(`A${i + 2}`).numFmt = 'yyyy-mm-dd';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The entries of a package, in file order. */
async function entriesOf(bytes: Buffer): Promise<RawEntry[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: RawEntry[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    out.push({ name, data: await zip.file(name)!.async('nodebuffer') });
  }
  return out;
}

describe('workbooks written by other programs', () => {
  it('finds sheets by name when their parts come before the workbook part (pandas/openpyxl order)', async () => {
    const entries = await entriesOf(await excelJsWorkbook(30));
    const sheetsFirst = [
      ...entries.filter((e) => e.name.startsWith('xl/worksheets/sheet')),
      ...entries.filter((e) => !e.name.startsWith('xl/worksheets/sheet')),
    ];
    expect(sheetsFirst[0].name).toMatch(/^xl\/worksheets\/sheet/);
    const path = save('sheets-first.xlsx', rawZip(sheetsFirst));
    const named = await readXlsxFile(path, { sheet: 'Orders' });
    expect(named.sheet).toBe('Orders');
    expect(named.sheetNames).toEqual(['Notes', 'Orders']);
    expect(named.rows).toHaveLength(31);
    expect(named.rows[1]).toEqual([new Date(Date.UTC(2026, 0, 1)), 'customer 0', 0.5]);
    const picked = await readXlsxFile(path, {
      looksLike: (rows) => rows.some((r) => r.includes('Amount')),
    });
    expect(picked.sheet).toBe('Orders');
    const all = await readXlsxSheets(path);
    expect(all.sheets.map((s) => s.name)).toEqual(['Notes', 'Orders']);
  });

  it('reads rows and cells without r references, inline strings, booleans, errors and ISO dates', async () => {
    const xml =
      '<row><c t="inlineStr"><is><t>Date</t></is></c><c t="inlineStr"><is><r><t>Cust</t></r><r><t>omer</t></r><rPh><t>ふりがな</t></rPh></is></c><c t="s"><v>0</v></c><c t="inlineStr"><is><t>Flag</t></is></c></row>' +
      '<row><c s="1"><v>46027</v></c><c t="str"><f>A1</f><v>Ani</v></c><c s="3"><v>1250.5</v></c><c t="b"><v>1</v></c></row>' +
      '<row r="5"><c r="A5" s="2"><v>46028</v></c><c r="C5"><v>-20</v></c><c r="D5" t="e"><v>#N/A</v></c></row>' +
      '<row><c t="d"><v>2026-01-07</v></c><c t="s"><v>1</v></c><c><v>7</v></c><c t="b"><v>0</v></c></row>';
    const path = save(
      'no-refs.xlsx',
      rawZip(workbookParts([{ name: 'Orders', xml }], { strings: ['Amount', 'Budi'], styles: STYLES })),
    );
    const { rows } = await readXlsxFile(path);
    expect(rows).toEqual([
      ['Date', 'Customer', 'Amount', 'Flag'],
      [new Date(Date.UTC(2026, 0, 5)), 'Ani', 1250.5, true],
      [],
      [],
      [new Date(Date.UTC(2026, 0, 6)), null, -20, '#N/A'],
      [new Date(Date.UTC(2026, 0, 7)), 'Budi', 7, false],
    ]);
  });

  it('reads a package without styles (dates stay serial numbers) and with namespace prefixes', async () => {
    const entries = workbookParts([{ name: 'Data', xml: '' }], { strings: ['Date', 'Amount'] }).map((e) =>
      e.name === 'xl/worksheets/sheet1.xml'
        ? {
            ...e,
            data: '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row><x:row r="2"><x:c r="A2" s="1"><x:v>46027</x:v></x:c><x:c r="B2"><x:v>10</x:v></x:c></x:row></x:sheetData></x:worksheet>',
          }
        : e,
    );
    const { rows } = await readXlsxFile(save('prefixed.xlsx', rawZip(entries)));
    expect(rows).toEqual([
      ['Date', 'Amount'],
      [46027, 10],
    ]);
  });

  it('reads the 1904 date system and skips hidden sheets when choosing', async () => {
    const path = save(
      '1904.xlsx',
      rawZip(
        workbookParts(
          [
            { name: 'Old', xml: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', state: 'hidden' },
            { name: 'Orders', xml: '<row r="1"><c r="A1" s="1"><v>44565</v></c></row>' },
          ],
          { strings: ['Amount'], styles: STYLES, date1904: true },
        ),
      ),
    );
    const result = await readXlsxFile(path);
    expect(result.sheet).toBe('Orders');
    expect(result.rows).toEqual([[new Date(Date.UTC(2026, 0, 5))]]);
  });
});

describe('damaged workbooks fail with one sentence', () => {
  it('a package cut at 40, 60 or 80 % of its bytes', async () => {
    const bytes = await excelJsWorkbook(3000);
    for (const share of [0.4, 0.6, 0.8]) {
      const path = save(`cut-${share}.xlsx`, bytes.subarray(0, Math.floor(bytes.length * share)));
      await expect(readXlsxFile(path)).rejects.toThrow(
        /cut-0\.\d\.xlsx is damaged: the zip package is incomplete .* cut off while being copied, downloaded or saved/,
      );
    }
  });

  it('a sheet whose XML is cut in half, naming the last whole row', async () => {
    const rows = Array.from(
      { length: 100 },
      (_, i) =>
        `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>${i * 2}</v></c></row>`,
    ).join('');
    const whole = workbookParts([{ name: 'Orders', xml: rows }]);
    const sheet = whole.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const text = String(sheet.data);
    const cut = text.slice(0, text.indexOf('<row r="61"') + 12);
    const path = save('half-sheet.xlsx', rawZip(whole.map((e) => (e === sheet ? { ...e, data: cut } : e))));
    await expect(readXlsxFile(path)).rejects.toThrow(
      'half-sheet.xlsx is damaged: sheet "Orders" (xl/worksheets/sheet1.xml) is cut short after row 60 — the rows after it are missing',
    );
    await expect(readXlsxSheets(path)).rejects.toBeInstanceOf(FileReadError);
  });

  it('two zip entries with one name', async () => {
    const parts = workbookParts([{ name: 'Orders', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }]);
    const path = save('duplicate.xlsx', rawZip([...parts, parts[parts.length - 1]]));
    await expect(readXlsxFile(path)).rejects.toThrow(
      /duplicate\.xlsx is damaged: the zip package holds two entries named xl\/worksheets\/sheet1\.xml/,
    );
  });

  it('an entry whose bytes fail their checksum', async () => {
    const parts = workbookParts([{ name: 'Orders', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }]).map(
      (e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, store: true, crc: 12345 } : e),
    );
    await expect(readXlsxFile(save('crc.xlsx', rawZip(parts)))).rejects.toThrow(
      /crc\.xlsx is damaged: xl\/worksheets\/sheet1\.xml fails its checksum/,
    );
  });

  it('a missing workbook part, a missing sheet part and a missing shared string', async () => {
    const parts = workbookParts([{ name: 'Orders', xml: '<row r="1"><c r="A1" t="s"><v>5</v></c></row>' }], {
      strings: ['only one'],
    });
    await expect(
      readXlsxFile(save('no-workbook.xlsx', rawZip(parts.filter((e) => !e.name.startsWith('xl/workbook'))))),
    ).rejects.toThrow(/no-workbook\.xlsx is not an Excel workbook: the package has no workbook part/);
    await expect(
      readXlsxFile(save('no-sheet.xlsx', rawZip(parts.filter((e) => !e.name.startsWith('xl/worksheets'))))),
    ).rejects.toThrow(
      /no-sheet\.xlsx is damaged: sheet "Orders" points to xl\/worksheets\/sheet1\.xml, which is not in the file/,
    );
    await expect(readXlsxFile(save('no-string.xlsx', rawZip(parts)))).rejects.toThrow(
      /no-string\.xlsx is damaged: sheet "Orders" \(xl\/worksheets\/sheet1\.xml\) cell A1 points to shared string 5, which the workbook does not have/,
    );
  });

  it('never leaks a library message such as "Cannot read properties of undefined"', async () => {
    const bytes = await excelJsWorkbook(200);
    for (let cut = 100; cut < bytes.length; cut += Math.floor(bytes.length / 23)) {
      const path = save('any-cut.xlsx', bytes.subarray(0, cut));
      const error = await readXlsxFile(path).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(FileReadError);
      expect(String((error as Error).message)).not.toMatch(/undefined|https?:|at \w+ \(/);
    }
    expect(readFileSync(join(dir, 'any-cut.xlsx')).length).toBeLessThan(bytes.length);
  });
});
