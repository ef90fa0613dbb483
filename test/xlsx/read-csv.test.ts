import * as fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvRowParser, parseCsv, readCsvFile } from '../../src/xlsx/read-csv';

const DATA = join(__dirname, '../../../shared/data');

/** RFC 4180 writer used as the independent route for the round-trip property. */
function toCsv(rows: readonly (readonly string[])[], delimiter = ','): string {
  const quote = (field: string) =>
    /["\r\n]/.test(field) || field.includes(delimiter) || field === ''
      ? `"${field.replace(/"/g, '""')}"`
      : field;
  return rows.map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n';
}

function parseInChunks(text: string, delimiter: ',' | ';', cuts: number[]): string[][] {
  const parser = new CsvRowParser(delimiter);
  let last = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.push(text.slice(last, cut));
    last = cut;
  }
  parser.push(text.slice(last));
  return parser.finish().rows;
}

describe('parseCsv', () => {
  it('reads quoted fields, escaped quotes, line breaks inside quotes, CRLF and a BOM', () => {
    const text = '\uFEFFid,note\r\n0012,"say ""hi"", then\r\nleave"\r\n0013,plain\r\n';
    expect(parseCsv(text).rows).toEqual([
      ['id', 'note'],
      ['0012', 'say "hi", then\r\nleave'],
      ['0013', 'plain'],
    ]);
  });

  it('keeps every field as text so leading zeros survive', () => {
    expect(parseCsv('id,amount\n0012,1.50\n').rows[1]).toEqual(['0012', '1.50']);
  });

  it('keeps blank lines inside the file (row numbers stay line numbers) and drops trailing ones', () => {
    expect(parseCsv('a,b\n\n1,2\n\n\n').rows).toEqual([['a', 'b'], [''], ['1', '2']]);
  });

  it('reads a last line without a line break, empty fields and lone CR line ends', () => {
    expect(parseCsv('a,b,c\r1,,3\r4,5,').rows).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['4', '5', ''],
    ]);
  });

  it('keeps text after a closing quote instead of dropping it', () => {
    expect(parseCsv('a,b\n"x"y,2\n').rows[1]).toEqual(['xy', '2']);
  });

  it('ends an unterminated quoted field at the end of the file', () => {
    expect(parseCsv('a,b\n1,"open\n').rows[1]).toEqual(['1', 'open\n']);
  });

  it('sniffs semicolons and reads decimal commas as text', () => {
    const { rows, delimiter } = parseCsv('Tanggal;Pendapatan\n05/01/2026;"Rp 1.250.000,00"\n');
    expect(delimiter).toBe(';');
    expect(rows[1]).toEqual(['05/01/2026', 'Rp 1.250.000,00']);
  });

  it('reads whitespace-separated columns with leading spaces', () => {
    const { rows, delimiter } = parseCsv(
      ' 00004 0001 19970101  2   29.33\r\n 00021 0002 19970101  3   63.34\r\n',
    );
    expect(delimiter).toBe('whitespace');
    expect(rows).toEqual([
      ['00004', '0001', '19970101', '2', '29.33'],
      ['00021', '0002', '19970101', '3', '63.34'],
    ]);
  });

  it('carries a CR across an empty chunk (found by the round-trip property)', () => {
    const parser = new CsvRowParser(';');
    parser.push('a;b\r').push('').push('\nc;d\r\n');
    expect(parser.finish().rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('gives the same rows whatever the chunk boundaries (CRLF split across chunks too)', () => {
    const text = 'a,"b\r\nc"\r\n1,"2"""\r\n';
    const whole = parseCsv(text, { delimiter: ',' }).rows;
    for (let cut = 0; cut <= text.length; cut++) expect(parseInChunks(text, ',', [cut])).toEqual(whole);
  });

  it('property: writing rows as RFC 4180 and reading them back in random chunks gives the rows (less trailing blank rows)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', '\r', '0', 'é') });
    const rows = fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(
        rows,
        fc.array(fc.nat(400), { maxLength: 6 }),
        fc.constantFrom(',' as const, ';' as const),
        (table, cuts, delimiter) => {
          const width = table[0].length;
          const rect = table.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? 'x'));
          const text = toCsv(rect, delimiter);
          const parsed = parseInChunks(
            text,
            delimiter,
            cuts.map((cut) => cut % (text.length + 1)),
          );
          // Trailing all-blank rows are dropped by design.
          const expected = [...rect];
          while (expected.length > 0 && expected[expected.length - 1].every((f) => f.trim() === ''))
            expected.pop();
          expect(parsed).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('readCsvFile', () => {
  it('reads the CDNOW sample: 6,919 whitespace-separated rows of 5 fields', async () => {
    const progress: number[] = [];
    const { rows, delimiter } = await readCsvFile(join(DATA, 'cdnow_sample.txt'), {
      onProgress: (n) => progress.push(n),
      progressEvery: 5000,
    });
    expect(delimiter).toBe('whitespace');
    expect(rows).toHaveLength(6919);
    expect(rows.every((row) => row.length === 5)).toBe(true);
    expect(rows[0]).toEqual(['00004', '0001', '19970101', '2', '29.33']);
    expect(rows[6918]).toEqual(['23569', '2357', '19970325', '2', '25.74']);
    expect(progress[progress.length - 1]).toBe(6919);
  });

  it('reads the CRM pipeline: a header and 8,800 rows of 8 fields', async () => {
    const { rows, delimiter } = await readCsvFile(join(DATA, 'crm_sales_pipeline.csv'));
    expect(delimiter).toBe(',');
    expect(rows).toHaveLength(8801);
    expect(rows[0][4]).toBe('deal_stage');
    expect(rows.every((row) => row.length === 8)).toBe(true);
    // Independent count by line: every line of this file is one row.
    const won = rows.filter((row) => row[4] === 'Won').length;
    expect(won).toBeGreaterThan(4000);
  });

  it('reads a file larger than one chunk identically to reading it in memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-'));
    const lines = ['id;note;amount'];
    for (let i = 0; i < 30000; i++)
      lines.push(`${String(i).padStart(6, '0')};"line ""${i}""\nsecond";${i},5`);
    const text = lines.join('\r\n');
    const path = join(dir, 'big.csv');
    writeFileSync(path, text);
    const fromFile = await readCsvFile(path);
    expect(fromFile.delimiter).toBe(';');
    expect(fromFile.rows).toHaveLength(30001);
    expect(fromFile.rows).toEqual(parseCsv(text).rows);
    expect(fromFile.rows[30000]).toEqual(['029999', 'line "29999"\nsecond', '29999,5']);
  });

  it('rejects with ENOENT for a missing file', async () => {
    await expect(readCsvFile('/nonexistent/file.csv')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
