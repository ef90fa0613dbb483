import * as fc from 'fast-check';
import type { ColumnarCells } from '../../src/core/ingest';
import { CsvColumnParser } from '../../src/xlsx/read-csv-columns';

type Delimiter = ',' | ';' | '\t' | '|';

/** The cells exactly as stored: widths, and per column the codes and the distinct values. */
function stored(cells: ColumnarCells) {
  return {
    rowCount: cells.rowCount,
    widths: Array.from(cells.widths),
    columns: cells.columns.map((column) => ({ codes: Array.from(column.codes), values: column.values })),
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
    const field = fc.constantFrom('x', 'y', '', '"q,1"', '"a\nb"', 'Ü', '7', ' ');
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
