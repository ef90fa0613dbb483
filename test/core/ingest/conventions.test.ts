/**
 * Number styles and date orders judged from the whole file: a column of `75.000` is seventy-five
 * thousand in a `;` file with day-first dates, `IDR 75,000` is seventy-five thousand, a column
 * mixing styles or fitting two readings is named in a note, and the user's choice wins.
 */
import fc from 'fast-check';
import type { CellValue } from '../../../src/core/cell';
import { ingestOrders, ingestPipeline, type IngestOptions } from '../../../src/core/ingest';
import { amountFromText, inferNumberStyleEvidence, parseAmount } from '../../../src/core/ingest/numbers';
import { inferDateOrderEvidence } from '../../../src/core/ingest/dates';

const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000;
const HINTS: IngestOptions['hints'] = {
  decimal: { 'dot-decimal': '--decimal .', 'comma-decimal': '--decimal ,' },
  dateOrder: { dmy: '--date-format dmy', mdy: '--date-format mdy', ymd: '--date-format iso' },
};

function orders(rows: readonly (readonly CellValue[])[], options: IngestOptions = {}) {
  const result = ingestOrders([['Date', 'Customer', 'Amount'], ...rows], options);
  expect(result.table).not.toBeNull();
  return { amounts: Array.from(result.table!.amount), dates: Array.from(result.table!.date), result };
}

describe('amounts in a currency without cents', () => {
  test.each([
    ['IDR 75,000', 75000],
    ['IDR 75.000', 75000],
    ['Rp 75,000', 75000],
    ['Rp75.000', 75000],
    ['75.000 IDR', 75000],
    ['(Rp 1,250)', -1250],
    // Not a lone separator before three digits: read as written.
    ['Rp 1.250.000,50', 1250000.5],
    ['IDR 1,250,000.50', 1250000.5],
    ['Rp 12,5', 12.5],
  ])('%p → %p', (text, expected) => {
    expect(parseAmount(text)).toEqual({ value: expected });
    // The column's style does not turn rupiah into cents.
    expect(parseAmount(text, 'comma-decimal')).toEqual({ value: expected });
    expect(parseAmount(text, 'dot-decimal')).toEqual({ value: expected });
  });

  test('an explicit separator choice (wholeUnits false) wins over the marker', () => {
    expect(amountFromText('IDR 75,000', 'comma-decimal', false)).toBe(75);
    expect(amountFromText('Rp 75.000', 'dot-decimal', false)).toBe(75);
  });

  test('evidence counts the cells a style would change and the markers', () => {
    expect(inferNumberStyleEvidence(['IDR 75,000', 'Rp 1.250.000,00', '12,5', 'x', 7])).toEqual({
      style: 'comma-decimal',
      dotVotes: 0,
      commaVotes: 2,
      dotMarkers: 0,
      commaMarkers: 2,
      wholeUnitMarkers: 2,
      ambiguous: 1,
      example: 'IDR 75,000',
    });
    expect(inferNumberStyleEvidence(['1,250.00', '2.500,00', '3.000,00']).minorityExample).toBe('1,250.00');
  });
});

describe('a column of lone 75.000 values', () => {
  const rows = [
    ['2026-10-05', 'Budi', '75.000'],
    ['2026-10-12', 'Sari', '125.000'],
    ['2026-10-13', 'Andi', '450.000'],
  ];

  test("in a ';' file: thousands, with the reason and the way back", () => {
    // 75,000 + 125,000 + 450,000 = 650,000 (read as decimals it would be 650).
    const { amounts, result } = orders(rows, { delimiter: ';', hints: HINTS });
    expect(amounts).toEqual([75000, 125000, 450000]);
    expect(result.report.notes).toContain(
      "'Amount': amounts like 75.000 fit two readings; read with ',' as the decimal separator " +
        "(75.000 = 75000), as the file separates fields with ';' (to read them the other way: --decimal .).",
    );
    expect(result.formats.find((f) => f.role === 'amount')).toMatchObject({
      numberStyle: 'comma-decimal',
      basis: 'file',
    });
  });

  test('with day-first dates and no separator known (a workbook): thousands', () => {
    const dayFirst = rows.map(([date, ...rest]) => [date.split('-').reverse().join('/'), ...rest]);
    const { amounts, dates, result } = orders(dayFirst);
    expect(amounts).toEqual([75000, 125000, 450000]);
    expect(dates).toEqual([utc(2026, 10, 5), utc(2026, 10, 12), utc(2026, 10, 13)]);
    expect(result.report.notes).toContain(
      "'Amount': amounts like 75.000 fit two readings; read with ',' as the decimal separator " +
        '(75.000 = 75000), as dates are written day first.',
    );
  });

  test('with nothing to tell: the default (decimal point), said so', () => {
    const { amounts, result } = orders(rows, { hints: HINTS });
    expect(amounts).toEqual([75, 125, 450]);
    expect(result.report.notes).toContain(
      "'Amount': amounts like 75.000 fit two readings; read with '.' as the decimal point (75.000 = 75), " +
        'as nothing else in the file tells which (the default) (to read them the other way: --decimal ,).',
    );
    expect(result.formats.find((f) => f.role === 'amount')?.basis).toBe('default');
  });

  test("another column written with comma decimals outweighs a ',' separator", () => {
    const values = [
      ['Date', 'Customer', 'Amount', 'Cost'],
      ['2026-10-05', 'Budi', '75.000', '12,50'],
      ['2026-10-06', 'Sari', '125.000', '7,25'],
    ];
    const result = ingestOrders(values, { delimiter: ',' });
    expect(Array.from(result.table!.amount)).toEqual([75000, 125000]);
    expect(result.report.notes).toContain(
      "'Amount': amounts like 75.000 fit two readings; read with ',' as the decimal separator " +
        "(75.000 = 75000), as 'Cost' is written with comma decimals.",
    );
  });

  test('the user choice wins, without a note', () => {
    const { amounts, result } = orders(rows, { delimiter: ';', numberStyle: 'dot-decimal' });
    expect(amounts).toEqual([75, 125, 450]);
    expect(result.report.notes!.some((n) => n.includes('fit two readings'))).toBe(false);
  });

  test('a currency marker in the cells decides', () => {
    const euros = orders([
      ['2026-10-05', 'Budi', '€ 75.000'],
      ['2026-10-06', 'Sari', '€ 1.250'],
    ]);
    expect(euros.amounts).toEqual([75000, 1250]);
    expect(euros.result.report.notes).toContain(
      "'Amount': amounts like € 75.000 fit two readings; read with ',' as the decimal separator " +
        '(€ 75.000 = 75000), as the amounts carry €.',
    );
  });
});

describe('rupiah columns', () => {
  test('IDR 75,000 is seventy-five thousand, beside Rp 1.250.000,00, with a note', () => {
    // 75,000 + 125,000 + 50,000 + 1,250,000 = 1,500,000 (before: 75 + 125 + 50,000 + 1,250,000).
    const { amounts, result } = orders([
      ['2026-10-05', 'Budi', 'IDR 75,000'],
      ['2026-10-06', 'Sari', 'IDR 125,000'],
      ['2026-10-07', 'Andi', 'Rp 50.000'],
      ['2026-10-08', 'Dewi', 'Rp 1.250.000,00'],
    ]);
    expect(amounts).toEqual([75000, 125000, 50000, 1250000]);
    expect(result.report.notes).toContain(
      "'Amount': amounts like IDR 75,000 read as 75000, as amounts in IDR carry no cents " +
        "('.' or ',' before three digits groups thousands).",
    );
  });

  test('a plain 50.000 in the cost column of a rupiah table is thousands too', () => {
    const result = ingestOrders([
      ['Date', 'Customer', 'Amount', 'Cost'],
      ['2026-10-05', 'Budi', 'Rp 75.000', '50,000'],
      ['2026-10-06', 'Sari', 'Rp 125.000', '80,000'],
    ]);
    expect(Array.from(result.table!.amount)).toEqual([75000, 125000]);
    expect(Array.from(result.table!.cost!)).toEqual([50000, 80000]);
  });
});

describe('a column mixing number styles', () => {
  test('each cell as written, and a note', () => {
    const { amounts, result } = orders([
      ['2026-10-05', 'Budi', '1,250.50'],
      ['2026-10-06', 'Sari', '2.500,25'],
      ['2026-10-07', 'Andi', '3.000,75'],
    ]);
    expect(amounts).toEqual([1250.5, 2500.25, 3000.75]);
    expect(result.report.notes).toContain(
      "'Amount' mixes number styles: cells like 1,250.50 are read as written, the others with ',' as the decimal separator.",
    );
  });
});

describe('dates that fit both day/month orders', () => {
  const rows = [
    ['05/10/2026', 'Budi', '1.250,50'],
    ['06/10/2026', 'Sari', '2.000,00'],
  ];

  test("day first in a ';' file with comma decimals, said so", () => {
    const { dates, result } = orders(rows, { delimiter: ';', hints: HINTS });
    expect(dates).toEqual([utc(2026, 10, 5), utc(2026, 10, 6)]);
    expect(result.report.notes).toContain(
      "'Date': dates like 05/10/2026 fit both day/month orders; read day first (05/10/2026 = 2026-10-05), " +
        "as the file separates fields with ';' and amounts are written with comma decimals " +
        '(to read them month first: --date-format mdy).',
    );
    expect(result.formats.find((f) => f.role === 'date')).toMatchObject({ dateOrder: 'dmy', basis: 'file' });
  });

  test('month first by default when nothing tells, said so', () => {
    const { dates, result } = orders([
      ['05/10/2026', 'Budi', 10],
      ['06/10/2026', 'Sari', 20],
    ]);
    expect(dates).toEqual([utc(2026, 5, 10), utc(2026, 6, 10)]);
    expect(result.report.notes).toContain(
      "'Date': dates like 05/10/2026 fit both day/month orders; read month first (05/10/2026 = 2026-05-10), " +
        'as nothing else in the file tells which (the default).',
    );
  });

  test('another date column written day first decides', () => {
    const pipeline = ingestPipeline([
      ['Created', 'Stage', 'Closed'],
      ['05/10/2026', 'Won', '28/10/2026'],
      ['06/10/2026', 'Won', '29/10/2026'],
    ]);
    expect(Array.from(pipeline.table!.created)).toEqual([utc(2026, 10, 5), utc(2026, 10, 6)]);
    expect(pipeline.report.notes).toContain(
      "'Created': dates like 05/10/2026 fit both day/month orders; read day first (05/10/2026 = 2026-10-05), " +
        "as 'Closed' is written day first.",
    );
  });

  test('the same day and month (01/01) is not ambiguous; ISO dates never are', () => {
    expect(inferDateOrderEvidence(['01/01/2026', '2026-10-05', '12/12/2026']).ambiguous).toBe(0);
    const { result } = orders([
      ['01/01/2026', 'Budi', 10],
      ['2026-10-05', 'Sari', 20],
    ]);
    expect(result.report.notes!.some((n) => n.includes('fit both'))).toBe(false);
  });

  test('the user choice wins, without a note', () => {
    const { dates, result } = orders(rows, { delimiter: ';', dateOrder: 'mdy' });
    expect(dates).toEqual([utc(2026, 5, 10), utc(2026, 6, 10)]);
    expect(result.report.notes!.some((n) => n.includes('fit both'))).toBe(false);
  });
});

describe('Excel serial numbers as text in a date column', () => {
  test('are dates, with a note', () => {
    // 46000 = 2025-12-09 (45292 is 2024-01-01; 708 days later); 46001.5 = 2025-12-10 12:00.
    const { dates, result } = orders([
      ['46000', 'Budi', 100],
      ['46001.5', 'Sari', 200],
      ['2025-12-11', 'Andi', 300],
    ]);
    expect(dates).toEqual([utc(2025, 12, 9), utc(2025, 12, 10) + 0.5, utc(2025, 12, 11)]);
    expect(result.report.notes).toContain(
      "'Date': numbers like 46000 read as Excel serial dates (46000 = 2025-12-09).",
    );
  });

  test('other digit runs are still not dates', () => {
    const { result } = orders([
      ['2026-10-05', 'Budi', 1],
      ['4600', 'Sari', 2],
      ['460000', 'Andi', 3],
    ]);
    expect(result.report.rowsUsed).toBe(1);
  });
});

/** `1234567.5` → `1,234,567.50` (US) or `1.234.567,50` (Indonesia, Europe). */
function formatAmount(cents: number, style: 'us' | 'id', decimals: boolean): string {
  const [group, point] = style === 'us' ? [',', '.'] : ['.', ','];
  const whole = Math.floor(cents / 100);
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return decimals ? `${grouped}${point}${String(cents % 100).padStart(2, '0')}` : grouped;
}

describe('properties over separators and number styles', () => {
  const column = fc.array(fc.integer({ min: 0, max: 99_999_999_999 }), { minLength: 1, maxLength: 12 });

  test('a column in one style, in a file of that style, reads back every amount', () => {
    fc.assert(
      fc.property(
        column,
        fc.constantFrom('us' as const, 'id' as const),
        fc.boolean(),
        (cents, style, decimals) => {
          const amounts = decimals ? cents : cents.map((c) => c - (c % 100));
          const rows = amounts.map((c, i) => ['2026-10-05', `C${i}`, formatAmount(c, style, decimals)]);
          const { amounts: read } = orders(rows, { delimiter: style === 'us' ? ',' : ';' });
          expect(read).toEqual(amounts.map((c) => c / 100));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('Indonesian style beside day-first dates reads back without knowing the separator', () => {
    fc.assert(
      fc.property(column, fc.boolean(), (cents, decimals) => {
        const amounts = decimals ? cents : cents.map((c) => c - (c % 100));
        const rows = amounts.map((c, i) => ['28/10/2026', `C${i}`, formatAmount(c, 'id', decimals)]);
        expect(orders(rows).amounts).toEqual(amounts.map((c) => c / 100));
      }),
      { numRuns: 200 },
    );
  });

  test('a column mixing both styles (with decimals) is flagged and each cell reads as written', () => {
    fc.assert(
      fc.property(column, column, fc.integer(), (us, id, seed) => {
        const cells = [
          ...us.map((c) => ({ c, style: 'us' as const })),
          ...id.map((c) => ({ c, style: 'id' as const })),
        ];
        // A fixed shuffle per seed.
        cells.sort((a, b) => ((a.c * 31 + seed) % 7) - ((b.c * 31 + seed) % 7));
        const rows = cells.map(({ c, style }, i) => ['2026-10-05', `C${i}`, formatAmount(c, style, true)]);
        const { amounts, result } = orders(rows);
        expect(amounts).toEqual(cells.map(({ c }) => c / 100));
        expect(result.report.notes!.some((n) => n.startsWith("'Amount' mixes number styles"))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test('rupiah with either separator and either marker reads back as whole rupiah', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            rupiah: fc.integer({ min: 0, max: 999_999_999 }),
            style: fc.constantFrom('us' as const, 'id' as const),
            marker: fc.constantFrom('Rp ', 'Rp', 'IDR ', 'idr '),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.constantFrom(',', ';', undefined),
        (cells, delimiter) => {
          const rows = cells.map(({ rupiah, style, marker }, i) => [
            '2026-10-05',
            `C${i}`,
            `${marker}${formatAmount(rupiah * 100, style, false)}`,
          ]);
          const { amounts } = orders(rows, delimiter ? { delimiter } : {});
          expect(amounts).toEqual(cells.map(({ rupiah }) => rupiah));
        },
      ),
      { numRuns: 200 },
    );
  });

  test("day-first dates in a ';' file with comma decimals read back whatever the days", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ day: fc.integer({ min: 1, max: 28 }), month: fc.integer({ min: 1, max: 12 }) }),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        (days) => {
          const pad = (n: number) => String(n).padStart(2, '0');
          const rows = days.map(({ day, month }, i) => [
            `${pad(day)}/${pad(month)}/2026`,
            `C${i}`,
            '1.250,50',
          ]);
          const { dates } = orders(rows, { delimiter: ';' });
          expect(dates).toEqual(days.map(({ day, month }) => utc(2026, month, day)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
