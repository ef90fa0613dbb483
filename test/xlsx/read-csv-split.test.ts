import * as fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ColumnarCells, ingestTable } from '../../src/core/ingest';
import { Worker } from 'node:worker_threads';
import { CsvColumnParser, readCsvColumns } from '../../src/xlsx/read-csv-columns';
import { STANDBY_KEY, warm } from '../../src/xlsx/read-csv-split';

const dir = mkdtempSync(join(tmpdir(), 'csv-split-'));

type Delimiter = ',' | ';' | '\t' | '|';

/** The cells exactly as stored: widths, and per column the codes and the distinct values. */
function stored(cells: ColumnarCells) {
  return {
    rowCount: cells.rowCount,
    // Joined: large files compare quickly.
    widths: cells.widths.join(),
    columns: cells.columns.map((column) => ({ codes: column.codes.join(), values: column.values })),
  };
}

/**
 * The bytes read as the file reader reads them on two threads: the first `split` bytes here, the
 * rest by a second parser, its part appended — or, when the split falls inside a row, the rest here.
 */
function splitReading(bytes: Buffer, delimiter: Delimiter, split: number, cut: number): ColumnarCells {
  const parser = new CsvColumnParser(delimiter);
  parser.push(bytes.subarray(0, Math.min(cut, split)));
  parser.push(bytes.subarray(Math.min(cut, split), split));
  if (!parser.atRowStart) return parser.push(bytes.subarray(split)).finish();
  const rest = new CsvColumnParser(delimiter, 16, true);
  rest.push(bytes.subarray(split, Math.max(split, cut)));
  rest.push(bytes.subarray(Math.max(split, cut)));
  return parser.append(structuredClone(rest.finishPart())).finish();
}

describe('CsvColumnParser.append (a file read in two parts)', () => {
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
    '\n',
    '\n\n',
    '\r',
    '\r\n',
    '€',
    '日本',
    '\uFEFF',
    'SO-001',
    'SO-0012',
    '0012',
    '123',
  );

  it('gives exactly the cells of one reading, wherever the file is split', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 80 }),
        fc.boolean(),
        fc.constantFrom<Delimiter>(',', ';', '\t', '|'),
        fc.nat(),
        fc.nat(),
        (pieces, bom, delimiter, splitSeed, cutSeed) => {
          const bytes = Buffer.from((bom ? '\uFEFF' : '') + pieces.join(''), 'utf8');
          const split = splitSeed % (bytes.length + 1);
          const cut = cutSeed % (bytes.length + 1);
          const one = new CsvColumnParser(delimiter).push(bytes).finish();
          expect(stored(splitReading(bytes, delimiter, split, cut))).toEqual(stored(one));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('splits at line starts: rows of many shapes, the second part with values of its own', () => {
    const field = fc.oneof(
      fc.constantFrom('x', 'y', '', '"q,1"', '"a\nb"', 'Ü', '7', ' '),
      // Ids of a shape, near and far apart: each part numbers them through its own id table.
      fc.integer({ min: 0, max: 30 }).map((n) => `SO-${String(n).padStart(4, '0')}`),
      fc.integer({ min: 0, max: 999_999_999 }).map((n) => `SO-${String(n).padStart(9, '0')}`),
      fc.integer({ min: 0, max: 30 }).map((n) => `C${String(n).padStart(3, '0')}`),
    );
    const row = fc.array(field, { minLength: 0, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 40 }),
        fc.constantFrom('\n', '\r\n'),
        fc.nat(),
        (rows, eol, splitSeed) => {
          const text = rows.map((r) => r.join(',')).join(eol) + eol;
          const bytes = Buffer.from(text, 'utf8');
          const starts = [0];
          for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) starts.push(i + 1);
          const split = starts[splitSeed % starts.length];
          const one = new CsvColumnParser(',').push(bytes).finish();
          expect(stored(splitReading(bytes, ',', split, 0))).toEqual(stored(one));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

/** A file of about `bytes` bytes of seeded rows of the given shapes. */
function messyFile(name: string, bytes: number, line: (i: number) => string, head = '', tail = ''): string {
  const lines: string[] = [];
  let length = head.length;
  for (let i = 0; length < bytes; i++) {
    lines.push(line(i));
    length += lines[lines.length - 1].length;
  }
  const path = join(dir, name);
  writeFileSync(path, head + lines.join('') + tail);
  return path;
}

describe('readCsvColumns on two threads', () => {
  async function both(path: string) {
    const one = await readCsvColumns(path, { splitAbove: Infinity });
    const progress: number[] = [];
    const two = await readCsvColumns(path, { splitAbove: 0, onProgress: (rows) => progress.push(rows) });
    expect(two.delimiter).toBe(one.delimiter);
    expect(stored(two.cells)).toEqual(stored(one.cells));
    expect(progress[progress.length - 1]).toBe(one.cells.rowCount);
    return { one, two };
  }

  it('reads a large file with quotes, CRLF, a BOM, blank lines and non-ASCII text as one thread does', async () => {
    const path = messyFile(
      'messy.csv',
      3 << 20,
      (i) =>
        i % 97 === 0
          ? '\r\n'
          : `2026-0${(i % 9) + 1}-1${i % 10};"Tök ""${i % 301}"", a;b";${i * 7};Ürün ${i % 13};${i % 7 === 0 && (i < 9000 || i > 40_000) ? '"x\r\ny"' : ''}\r\n`,
      '\uFEFFDate;Customer;Amount;Product;Note\r\n',
      '\r\n\r\n',
    );
    const { one, two } = await both(path);
    expect(one.threads).toBe(1);
    expect(two.threads).toBe(2);
    expect(one.delimiter).toBe(';');
  });

  it('reads on one thread when the middle of the file is inside a quoted field', async () => {
    const path = join(dir, 'quoted-middle.csv');
    writeFileSync(path, `id,note\n1,"${'a\nb,'.repeat(800_000)}"\n2,x\n`);
    const { two } = await both(path);
    expect(two.threads).toBe(1);
  });

  it('reads a large whitespace-separated file on one thread (the worker started early is stopped)', async () => {
    const path = messyFile(
      'spaced.txt',
      3 << 20,
      (i) => `   ${i % 500}   2026010${(i % 9) + 1}   ${i % 4}   ${i}.50\n`,
    );
    const { two } = await both(path);
    expect(two.threads).toBe(1);
    expect(two.delimiter).toBe('whitespace');
  });

  it('takes the worker a launcher left waiting, and reads with it as with its own', async () => {
    const path = messyFile(
      'standby.csv',
      3 << 20,
      (i) => `2026-01-0${(i % 9) + 1},SO-${String(i).padStart(7, '0')},${i % 97}\n`,
    );
    const slots = globalThis as { [STANDBY_KEY]?: Worker };
    slots[STANDBY_KEY] = new Worker(join(__dirname, '../../src/xlsx/read-csv-worker.ts'), {
      execArgv: ['--require', require.resolve('tsx/cjs')],
    });
    const { two } = await both(path);
    expect(two.threads).toBe(2);
    expect(slots[STANDBY_KEY]).toBeUndefined();
  });

  it('sets memory aside for the table, and ingests the same table from it', async () => {
    const path = messyFile(
      'orders.csv',
      3 << 19,
      (i) =>
        `2026-0${(i % 9) + 1}-1${i % 10},SO-${String(i >> 1).padStart(7, '0')},C${i % 501},${i % 13 === 0 ? 'n/a' : `${i % 400}.25`},R${i % 5}\n`,
      'Order Date,Order ID,Customer,Amount,Region\n',
    );
    const { one, two } = await both(path);
    expect(two.threads).toBe(2);
    expect(one.cells.memory).toBeUndefined();
    const options = { delimiter: ',' };
    const fresh = ingestTable('orders', one.cells, options);
    const reused = ingestTable('orders', two.cells, options);
    expect(reused).toEqual(fresh);
    expect(reused.report.rowsUsed).toBeGreaterThan(30_000);
    // Ingestion took its columns from it.
    expect(two.cells.memory?.take(0)?.offset).toBeGreaterThan(30_000 * 8);
  });

  it('gives its memory in zeroed pieces, each once', async () => {
    const path = messyFile('spare.csv', 3 << 20, (i) => `2026-01-0${(i % 9) + 1},${i % 97}\n`);
    const { two } = await both(path);
    const memory = two.cells.memory;
    expect(memory?.take(1 << 30)).toBeUndefined();
    const piece = memory?.int32s(1 << 16);
    expect(piece?.length).toBe(1 << 16);
    expect(piece?.every((word) => word === 0)).toBe(true);
    expect(memory?.take(8)?.offset).toBe(4 << 16);
  });

  it('reads a large file whose second half has columns and values the first has not', async () => {
    const path = messyFile('ragged.csv', 5 << 19, (i) =>
      i < 30_000 ? `first half ${i % 5},${i % 5}\n` : `second half,${i % 11},${i},"${i % 3}"\n\n`,
    );
    const { two } = await both(path);
    expect(two.threads).toBe(2);
  });
});

describe('warm', () => {
  it('keeps what the memory holds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }),
        fc.integer(),
        (shapes, seed) => {
          const buffers = shapes.map((pages) => new SharedArrayBuffer(pages * 4096 + 4 * (seed & 7)));
          const words = buffers.map((buffer) => new Int32Array(buffer));
          words.forEach((array, b) =>
            array.forEach((_, i) => (array[i] = (seed ^ (i * 2_654_435_761) ^ b) | 0)),
          );
          const before = words.map((array) => Array.from(array));
          warm({ warm: buffers });
          expect(words.map((array) => Array.from(array))).toEqual(before);
        },
      ),
      { numRuns: 200 },
    );
  });
});
