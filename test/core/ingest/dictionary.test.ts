import fc from 'fast-check';
import { encodeDictionary, DictionaryEncoder, cellText } from '../../../src/core/ingest/dictionary';
import { dictReader } from '../../../src/core/ingest/readers';
import { type Frame, IssueLog } from '../../../src/core/ingest/frame';
import type { DictColumn } from '../../../src/core/table';

describe('dictionary encoding', () => {
  test('trims text, numbers become their text, blanks are -1', () => {
    const column = encodeDictionary([' Acme', 1001, 'Acme', '', 1001, '1001', null, '  ', 1001.5]);
    expect(column.dictionary).toEqual(['Acme', '1001', '1001.5']);
    expect(Array.from(column.codes)).toEqual([0, 1, 0, -1, 1, 1, -1, -1, 2]);
  });

  test('Excel errors are missing; the encoder reports them as -2', () => {
    const encoder = new DictionaryEncoder();
    expect(encoder.encode('#N/A')).toBe(-2);
    expect(Array.from(encodeDictionary(['#N/A', 'x']).codes)).toEqual([-1, 0]);
  });

  test('booleans and dates have a text', () => {
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(new Date(Date.UTC(2026, 10, 28)))).toBe('2026-11-28');
    expect(cellText(new Date(Date.UTC(2026, 10, 28, 10, 30)))).toBe('2026-11-28 10:30:00');
    expect(cellText(NaN)).toBe('');
  });

  test('text that only looks like a number keeps its form', () => {
    const column = encodeDictionary(['00042', 42, '42.0']);
    expect(column.dictionary).toEqual(['00042', '42', '42.0']);
  });
});

describe('large id columns', () => {
  test('a hundred thousand distinct numbers: texts made on read, behaving as a plain array', () => {
    const values: (number | string)[] = [];
    for (let i = 0; i < 100_000; i++) values.push(500_000 + i);
    values.push('Walk-in', '500007', 499_999, 1e15, 2.5);
    const column = encodeDictionary(values);
    const dictionary = column.dictionary;
    expect(dictionary.length).toBe(100_004);
    expect(Array.isArray(dictionary)).toBe(true);
    expect(dictionary[0]).toBe('500000');
    expect(dictionary[column.codes[100_000]]).toBe('Walk-in');
    // Text equal to a number's text shares its code, also through the lookup table.
    expect(column.codes[100_001]).toBe(7);
    expect(dictionary[column.codes[100_002]]).toBe('499999');
    expect(dictionary[column.codes[100_003]]).toBe('1000000000000000');
    expect(dictionary[column.codes[100_004]]).toBe('2.5');
    const all = [...dictionary];
    expect(all[99_999]).toBe('599999');
    expect(all.every((text) => typeof text === 'string')).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    expect(JSON.parse(JSON.stringify(dictionary))).toEqual(all);
    expect(dictionary.indexOf('500010')).toBe(10);
  });

  test('ids growing downwards and far apart still get one code each', () => {
    const values = [1000, 999, 10, 5_000_000, 1000, 10, 5_000_000, -3, -3];
    const column = encodeDictionary(values);
    expect(column.dictionary).toEqual(['1000', '999', '10', '5000000', '-3']);
    expect(Array.from(column.codes)).toEqual([0, 1, 2, 3, 0, 2, 3, 4, 4]);
  });
});

describe('prefixed ids (SO-0001234)', () => {
  const { detectIdPattern } =
    require('../../../src/core/ingest/int-codes') as typeof import('../../../src/core/ingest/int-codes');
  const ids = (n: number, from = 1) =>
    Array.from({ length: n }, (_, i) => `SO-${String(from + i).padStart(7, '0')}`);

  test('detected on many distinct ids with one prefix and width; not on labels or numbers', () => {
    expect(detectIdPattern(ids(100))).toEqual({ prefix: 'SO-', digits: 7 });
    expect(detectIdPattern(Array.from({ length: 100 }, (_, i) => ['North', 'South'][i % 2]))).toBeUndefined();
    expect(detectIdPattern(Array.from({ length: 100 }, (_, i) => String(100000 + i)))).toBeUndefined();
    expect(detectIdPattern(ids(5))).toBeUndefined();
  });

  test('codes agree with the plain map route, spaces, far-apart numbers and other texts included', () => {
    const { DictionaryEncoder } =
      require('../../../src/core/ingest/dictionary') as typeof import('../../../src/core/ingest/dictionary');
    const cells = [
      ...ids(50),
      ' SO-0000003 ',
      'SO-0000003',
      'SO-999999999'.slice(0, 10),
      'SO-9999999',
      'SO-0000001',
      'SO-12',
      'Walk-in',
      '#N/A',
      '',
    ];
    const patterned = new DictionaryEncoder({ prefix: 'SO-', digits: 7 });
    const plain = new DictionaryEncoder();
    const a = cells.map((c) => patterned.encode(c));
    const b = cells.map((c) => plain.encode(c));
    expect(a).toEqual(b);
    expect(patterned.dictionary()).toEqual(plain.dictionary());
    expect(a[50]).toBe(a[2]);
  });
});

describe('dictionary reader (the ingest loop)', () => {
  // Texts that collide in the reader's small text cache (same length and same first, middle and
  // last characters) and texts that differ only by spaces must still get the encoder's codes.
  const texts = ['Ab', 'Ab ', ' Ab', 'AxxB', 'AyyB', 'AzyB', 'North', 'Nxrth', '#N/A', '1001', '', 'A'];

  test('gives the same codes and texts as encoding the cells one by one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...texts), fc.integer({ min: 0, max: 3 }), fc.constant(null)), {
          maxLength: 200,
        }),
        (cells) => {
          const frame: Frame = {
            values: cells.map((cell) => [cell]),
            start: 0,
            count: cells.length,
            firstRowNumber: 1,
            fate: new Uint8Array(cells.length),
            log: new IssueLog(10),
          };
          const reader = dictReader(frame, { column: 0, header: 'Region', required: false }, false);
          reader.read(0, cells.length);
          const read = reader.result();
          const expected = encodeDictionary(cells);
          const text = (column: DictColumn) =>
            Array.from(column.codes, (code) => (code < 0 ? undefined : column.dictionary[code]));
          expect(text(read)).toEqual(text(expected));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('an encoder given its capacity in advance', () => {
  const pattern = { prefix: 'SO-', digits: 4 };
  const cell = fc.oneof(
    fc.constantFrom('Acme', ' Acme', 'Acme ', '', '  ', '#N/A', '1001', '0012', '-5', 'SO-0001', ' SO-0002'),
    fc.integer({ min: -3, max: 40 }).map((n) => `SO-${String(n).padStart(4, '0')}`),
    fc.integer({ min: 0, max: 50 }),
    fc.double({ noNaN: false }),
    fc.string({ maxLength: 4 }),
    fc.constant(null),
  );
  type Step = { id: number } | { cell: string | number | null };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.integer({ min: 0, max: 60 }).map((id) => ({ id })),
    cell.map((value) => ({ cell: value })),
  );

  it('gives the codes, sizes, found texts and dictionary of one that grows', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 60 }),
        fc.boolean(),
        fc.nat(80),
        (steps, patterned, capacity) => {
          const grown = new DictionaryEncoder(patterned ? pattern : undefined);
          const sized = new DictionaryEncoder(patterned ? pattern : undefined, capacity);
          for (const s of steps) {
            const code = (e: DictionaryEncoder) =>
              'id' in s ? (patterned ? e.codeOfIdNumber(s.id) : e.codeOfNumber(s.id)) : e.encode(s.cell);
            expect(code(sized)).toBe(code(grown));
            expect(sized.size).toBe(grown.size);
          }
          const test = (text: string) => text.length % 2 === 0;
          expect(sized.codesOfText(test)).toEqual(grown.codesOfText(test));
          const dictionary = sized.dictionary();
          expect(dictionary.length).toBe(grown.size);
          expect([...dictionary]).toEqual([...grown.dictionary()]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
