import * as fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { columnarRows } from '../../src/core/ingest';
import { CsvRowParser, parseCsv, readCsvFile } from '../../src/xlsx/read-csv';
import { CsvColumnParser, parseCsvColumns, readCsvColumns } from '../../src/xlsx/read-csv-columns';

const dir = mkdtempSync(join(tmpdir(), 'csv-columns-'));

/** The byte parser fed in chunks cut at the given byte offsets (cuts may split a character). */
function columnsInChunks(bytes: Buffer, delimiter: ',' | ';' | '\t' | '|', cuts: number[]) {
  const parser = new CsvColumnParser(delimiter);
  let last = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.push(bytes.subarray(last, cut));
    last = cut;
  }
  parser.push(bytes.subarray(last));
  return parser.finish();
}

function rowsOf(text: string, delimiter: ',' | ';' | '\t' | '|'): string[][] {
  return new CsvRowParser(delimiter).push(text).finish().rows;
}

describe('CsvColumnParser', () => {
  it('reads quoted fields, escaped quotes, line breaks inside quotes, CRLF and a BOM', () => {
    const text = '\uFEFFid,note\r\n0012,"say ""hi"", then\r\nleave"\r\n0013,plain\r\n';
    const cells = parseCsvColumns(text).cells;
    expect(columnarRows(cells)).toEqual([
      ['id', 'note'],
      ['0012', 'say "hi", then\r\nleave'],
      ['0013', 'plain'],
    ]);
    // Each column holds its distinct texts once.
    expect(cells.columns[0].values).toEqual(['id', '0012', '0013']);
    expect(Array.from(cells.columns[0].codes)).toEqual([0, 1, 2]);
  });

  it('keeps blank lines (row numbers stay line numbers), drops trailing ones, keeps ragged rows', () => {
    const cells = parseCsvColumns('a,b\n\n1,2,3\n4\n\n\n', { delimiter: ',' }).cells;
    expect(columnarRows(cells)).toEqual([['a', 'b'], [''], ['1', '2', '3'], ['4']]);
    expect(Array.from(cells.widths)).toEqual([2, 1, 3, 1]);
    // A field a row does not have is −1, not an empty text.
    expect(cells.columns[2].codes[0]).toBe(-1);
    expect(cells.columns[1].codes[3]).toBe(-1);
  });

  it('reads a last line without a line break, empty fields, lone CR line ends and text after a closing quote', () => {
    expect(columnarRows(parseCsvColumns('a,b,c\r1,,3\r"x"y,5,').cells)).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['xy', '5', ''],
    ]);
  });

  it('ends an unterminated quoted field at the end of the file', () => {
    expect(columnarRows(parseCsvColumns('a,b\n1,"open\n').cells)[1]).toEqual(['1', 'open\n']);
  });

  it('decodes UTF-8 split across chunks, and invalid bytes as the text route does', () => {
    const text = 'Wilayah;Jumlah\nBäli;€ 1.250,00\n日本;"Ürün ""x"""\n';
    const bytes = Buffer.from(text, 'utf8');
    const expected = rowsOf(text, ';');
    for (let cut = 1; cut < bytes.length; cut++)
      expect(columnarRows(columnsInChunks(bytes, ';', [cut]))).toEqual(expected);
    const invalid = Buffer.concat([Buffer.from('a,b\n'), Buffer.from([0xff, 0xe2, 0x2c, 0x62, 0x0a])]);
    expect(columnarRows(parseCsvColumns(invalid, { delimiter: ',' }).cells)).toEqual(
      rowsOf(invalid.toString('utf8'), ','),
    );
  });

  it('gives the same rows as the text parser for any text and any chunking', () => {
    const piece = fc.constantFrom(
      'a',
      'Bäli',
      '1',
      '1,000',
      ' ',
      ',',
      ';',
      '\t',
      '"',
      '""',
      '\n',
      '\r',
      '\r\n',
      '€',
      '#N/A',
      '\uFEFF',
      'SO-001',
      'SO-0012',
      '0012',
      '123',
      '999999999',
      '1234567890',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }),
        fc.boolean(),
        fc.constantFrom<',' | ';' | '\t' | '|'>(',', ';', '\t', '|'),
        fc.array(fc.nat(), { maxLength: 5 }),
        (pieces, bom, delimiter, cutSeeds) => {
          const text = (bom ? '\uFEFF' : '') + pieces.join('');
          const bytes = Buffer.from(text, 'utf8');
          const cuts = cutSeeds.map((seed) => (bytes.length === 0 ? 0 : seed % (bytes.length + 1)));
          expect(columnarRows(columnsInChunks(bytes, delimiter, cuts))).toEqual(rowsOf(text, delimiter));
        },
      ),
      { numRuns: 500 },
    );
  });

  /**
   * Per column, codes numbering each distinct text in order of first appearance (what the parser
   * gives), over at least `columns` columns (a line of empty fields alone is no row but has columns).
   */
  function firstSeen(rows: readonly string[][], columns = 0) {
    const width = Math.max(columns, ...rows.map((row) => row.length));
    return Array.from({ length: width }, (_, c) => {
      const codes = new Map<string, number>();
      return rows
        .map((row) => {
          if (c >= row.length) return -1;
          if (!codes.has(row[c])) codes.set(row[c], codes.size);
          return codes.get(row[c]);
        })
        .join();
    });
  }

  it('numbers ids of one shape (prefix and digits) in order of first appearance, near and far apart', () => {
    // Ids of the column's shape are found through a table indexed by their number; numbers too far
    // apart for it, other shapes and other texts go through the hash table. The codes must not tell.
    const id = fc.oneof(
      fc.integer({ min: 0, max: 40 }).map((n) => `SO-${String(n).padStart(4, '0')}`),
      fc.integer({ min: 0, max: 999_999_999 }).map((n) => `SO-${String(n).padStart(9, '0')}`),
      fc.integer({ min: 0, max: 40 }).map((n) => `SO-${String(n).padStart(5, '0')}`),
      fc.integer({ min: 0, max: 99 }).map((n) => `${n}`.padStart(3, '0')),
      fc.constantFrom('SO-', 'so-0001', 'SO-00a1', '', 'x', '"SO-0001"', 'SO-0001 '),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(id, id), { maxLength: 120 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        (pairs, cutSeeds) => {
          const text = pairs.map(([a, b]) => `${a},${b}\n`).join('');
          const bytes = Buffer.from(text, 'utf8');
          const cuts = cutSeeds.map((seed) => seed % (bytes.length + 1));
          const cells = columnsInChunks(bytes, ',', cuts);
          const rows = rowsOf(text, ',');
          expect(columnarRows(cells)).toEqual(rows);
          expect(cells.columns.map((column) => column.codes.join())).toEqual(
            firstSeen(rows, cells.columns.length),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('numbers ids far apart (past the id table) as any other values', () => {
    const ids = [1, 999_999_999, 1, 5_000_000, 2, 999_999_999, 5_000_001, 5_000_000, 3].map(
      (n) => `A${String(n).padStart(9, '0')}`,
    );
    const text = ids.map((value) => `${value}\n`).join('');
    const cells = parseCsvColumns(text, { delimiter: ',' }).cells;
    expect(cells.columns[0].values).toEqual([...new Set(ids)]);
    expect(Array.from(cells.columns[0].codes)).toEqual([0, 1, 0, 2, 3, 1, 4, 2, 5]);
  });

  it('reads a file as readCsvFile does, sniffing the same delimiter', async () => {
    const lines = ['Tanggal;Pelanggan;Total'];
    for (let i = 0; i < 5000; i++)
      lines.push(`${(i % 28) + 1}/0${(i % 9) + 1}/2026;"Toko ""${i % 97}""";${i},${i % 100}`);
    const path = join(dir, 'semicolons.csv');
    writeFileSync(path, '\uFEFF' + lines.join('\r\n') + '\r\n\r\n');
    const progress: number[] = [];
    const columns = await readCsvColumns(path, { progressEvery: 1000, onProgress: (n) => progress.push(n) });
    const rows = await readCsvFile(path);
    expect(columns.delimiter).toBe(';');
    expect(columns.delimiter).toBe(rows.delimiter);
    expect(columnarRows(columns.cells)).toEqual(rows.rows);
    expect(progress[progress.length - 1]).toBe(5001);
  });

  it('reads whitespace-separated files through the text route', async () => {
    const path = join(dir, 'cdnow.txt');
    writeFileSync(path, ' 00004 0001 19970101  2   29.33\n 00004 0001 19970118  2   29.73\n');
    const columns = await readCsvColumns(path);
    expect(columns.delimiter).toBe('whitespace');
    expect(columnarRows(columns.cells)).toEqual(
      parseCsv(' 00004 0001 19970101  2   29.33\n 00004 0001 19970118  2   29.73\n').rows,
    );
  });

  it('reads an empty file as no rows', async () => {
    const path = join(dir, 'empty.csv');
    writeFileSync(path, '');
    expect((await readCsvColumns(path)).cells.rowCount).toBe(0);
  });
});
