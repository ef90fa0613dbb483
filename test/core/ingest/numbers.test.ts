import fc from 'fast-check';
import { parseAmount, inferNumberStyle, amountFromText, plainAmount } from '../../../src/core/ingest/numbers';

const value = (v: Parameters<typeof parseAmount>[0], style?: Parameters<typeof parseAmount>[1]) => {
  const r = parseAmount(v, style);
  return 'value' in r ? r.value : r.error;
};

describe('parseAmount', () => {
  test.each([
    [1250, 1250],
    [-3.5, -3.5],
    ['1250', 1250],
    ['$1,250.00', 1250],
    ['USD 1,250', 1250],
    ['US$ 1,250.50', 1250.5],
    ['Rp 1.250.000,00', 1250000],
    ['Rp1.250.000', 1250000],
    ['IDR 1.250.000', 1250000],
    ['1.250,00 €', 1250],
    ['1 250,00 €', 1250],
    ['1\u00a0250,00 €', 1250],
    ['€1.250', 1250],
    ['EUR 12,50', 12.5],
    ["1'250.75", 1250.75],
    ['(125.00)', -125],
    ['-$125', -125],
    ['$-125', -125],
    ['125-', -125],
    ['(Rp 1.000)', -1000],
    ['\u2212 42', -42],
    ['12,5', 12.5],
    ['0.250', 0.25],
    ['1,234,567.89', 1234567.89],
    ['1.234.567,89', 1234567.89],
    ['12.5%', 0.125],
    ['-5%', -0.05],
    ['.5', 0.5],
    ['1.5E+3', 1500],
    ['  $ 7 ', 7],
  ])('%p → %p', (input, expected) => {
    expect(value(input)).toBeCloseTo(expected as number, 10);
  });

  test('the ambiguous 1.250 / 1,250 follows the given style', () => {
    expect(value('1.250', 'comma-decimal')).toBe(1250);
    expect(value('1.250', 'dot-decimal')).toBe(1.25);
    expect(value('1,250', 'comma-decimal')).toBe(1.25);
    expect(value('1,250', 'dot-decimal')).toBe(1250);
    // Without a style, a currency marker decides, else dot-decimal.
    expect(value('Rp 1.250')).toBe(1250);
    expect(value('$1.250')).toBe(1.25);
    expect(value('1,250')).toBe(1250);
  });

  test('unambiguous text ignores the style', () => {
    expect(value('12,5', 'dot-decimal')).toBe(12.5);
    expect(value('1,250.00', 'comma-decimal')).toBe(1250);
    expect(value('1.250.000', 'dot-decimal')).toBe(1250000);
  });

  test.each([
    ['abc', "text 'abc' is not an amount"],
    ['', 'blank'],
    ['   ', 'blank'],
    [null, 'blank'],
    [undefined, 'blank'],
    ['#N/A', 'Excel error #N/A'],
    ['#div/0!', 'Excel error #DIV/0!'],
    [true, 'TRUE is a boolean, not an amount'],
    [false, 'FALSE is a boolean, not an amount'],
    [new Date(0), 'a date, not an amount'],
    [NaN, 'not a finite number'],
    [Infinity, 'not a finite number'],
  ])('%p is an error: %p', (input, reason) => {
    expect(parseAmount(input)).toEqual({ error: reason });
  });

  test.each(['1.2.3', '12,34,5', '1,2345.00', '$', '-', '()', '12 abc', '1.250,00,00', '$€5', '5%%'])(
    '%p is not an amount',
    (input) => {
      expect('error' in parseAmount(input)).toBe(true);
    },
  );

  test('zero stays positive zero when written negative', () => {
    expect(Object.is(amountFromText('(0.00)'), 0)).toBe(true);
  });
});

describe('inferNumberStyle', () => {
  test('strong evidence: both separators, repeated separators, short decimals', () => {
    expect(inferNumberStyle(['1.250', '1.250,00'])).toBe('comma-decimal');
    expect(inferNumberStyle(['1.250', '2.500.000'])).toBe('comma-decimal');
    expect(inferNumberStyle(['1.250', '12,5'])).toBe('comma-decimal');
    expect(inferNumberStyle(['1,250', '1,250.00'])).toBe('dot-decimal');
    expect(inferNumberStyle(['1,250', '2,500,000'])).toBe('dot-decimal');
    expect(inferNumberStyle(['1,250', '12.5'])).toBe('dot-decimal');
  });

  test('currency markers are weak evidence', () => {
    expect(inferNumberStyle(['Rp 1.250', 'Rp 2.500'])).toBe('comma-decimal');
    expect(inferNumberStyle(['€1.250'])).toBe('comma-decimal');
    expect(inferNumberStyle(['$1.250'])).toBe('dot-decimal');
    // One strong cell beats many markers.
    expect(inferNumberStyle(['Rp 1.250', 'Rp 2.500', 'Rp 3.000', '1,250.00'])).toBe('dot-decimal');
  });

  test('no evidence or a tie → dot-decimal', () => {
    expect(inferNumberStyle([])).toBe('dot-decimal');
    expect(inferNumberStyle([1250, 12.5, '1.250', '1,250'])).toBe('dot-decimal');
    expect(inferNumberStyle(['1.250,00', '1,250.00'])).toBe('dot-decimal');
  });

  test('majority of strong evidence wins', () => {
    expect(inferNumberStyle(['1.250,00', '2.000,50', '1,250.00'])).toBe('comma-decimal');
  });
});

describe('round trip through the platform formatter (independent route)', () => {
  const fc = require('fast-check') as typeof import('fast-check');
  const cases: [string, Intl.NumberFormatOptions, 'dot-decimal' | 'comma-decimal'][] = [
    ['en-US', { minimumFractionDigits: 2 }, 'dot-decimal'],
    ['en-US', { style: 'currency', currency: 'USD' }, 'dot-decimal'],
    ['de-DE', { minimumFractionDigits: 2 }, 'comma-decimal'],
    ['de-DE', { style: 'currency', currency: 'EUR' }, 'comma-decimal'],
    ['id-ID', { style: 'currency', currency: 'IDR', minimumFractionDigits: 2 }, 'comma-decimal'],
    ['fr-FR', { style: 'currency', currency: 'EUR' }, 'comma-decimal'],
    ['en-US', { style: 'currency', currency: 'USD', currencySign: 'accounting' }, 'dot-decimal'],
  ];
  test.each(cases)('%s %j', (locale, options, style) => {
    const format = new Intl.NumberFormat(locale, options);
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => {
        const text = format.format(cents / 100);
        expect(parseAmount(text, style)).toEqual({ value: cents / 100 });
      }),
      { numRuns: 300 },
    );
  });

  test("a column formatted in one locale infers that locale's style", () => {
    const format = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2 });
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 100000, max: 1e10 }), { minLength: 1, maxLength: 20 }),
        (cents) => {
          expect(inferNumberStyle(cents.map((c) => format.format(c / 100)))).toBe('comma-decimal');
        },
      ),
    );
  });

  test('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const result = parseAmount(text);
        expect('value' in result ? Number.isFinite(result.value) : typeof result.error === 'string').toBe(
          true,
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('plainAmount (the quick path of plain amounts)', () => {
  it('reads text as amountFromText does in every style, or leaves it to it', () => {
    const piece = fc.constantFrom(
      '0',
      '1',
      '2',
      '5',
      '9',
      '.',
      ',',
      ' ',
      '-',
      '%',
      'e',
      'Rp',
      '$',
      '(',
      ')',
      '\u00a0',
    );
    const text = fc.oneof(
      fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join('')),
      fc
        .tuple(fc.nat(), fc.nat({ max: 999 }), fc.integer({ min: 0, max: 4 }))
        .map(
          ([whole, fraction, digits]) =>
            `${whole}${digits === 0 ? '' : '.'}${String(fraction).padStart(digits, '0').slice(0, digits)}`,
        ),
    );
    let quick = 0;
    fc.assert(
      fc.property(
        text,
        fc.constantFrom<'dot-decimal' | 'comma-decimal' | undefined>(
          'dot-decimal',
          'comma-decimal',
          undefined,
        ),
        fc.constantFrom<boolean | undefined>(true, false, undefined),
        (t, style, wholeUnits) => {
          const value = plainAmount(t);
          if (value === undefined) return;
          quick++;
          expect(value).toBe(amountFromText(t, style, wholeUnits));
        },
      ),
      { numRuns: 3000 },
    );
    expect(quick).toBeGreaterThan(500);
    expect(plainAmount('1.250')).toBeUndefined();
    expect(plainAmount('0012.5')).toBe(12.5);
  });
});
