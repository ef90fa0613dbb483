import fc from 'fast-check';
import type { CellValue } from '../../src/core/cell';
import type { TableKind } from '../../src/core/table';
import { ingestTable, type IngestOptions } from '../../src/core/ingest';
import { translateIngestError, translateNote, translateReason } from '../../src/taskpane/ingest-messages';

interface Case {
  readonly name: string;
  readonly kind: TableKind;
  readonly values: readonly (readonly CellValue[])[];
  readonly options?: IngestOptions;
}

const ORDERS = ['Date', 'Amount', 'Customer', 'Quantity'];
const PIPELINE = ['Created', 'Stage'];
const TARGETS = ['Metric', 'Period', 'Target'];
/** A cell no reader knows (a file reader's object): the readers' last-resort reasons. */
const ODD = { rich: 'text' } as unknown as CellValue;
/** Rows that throw when read (a host range gone stale): the "could not read" failure. */
const THROWING = new Proxy([] as CellValue[][], {
  get(target, key) {
    if (key === 'length') return 3;
    throw new Error('sheet went away');
  },
});

/** Messy inputs, each aimed at one or more of the engine's messages. */
const BATTERY: readonly Case[] = [
  {
    name: 'bad dates: impossible days and months, out-of-range years, times, serials, odd cells',
    kind: 'orders',
    values: [
      ORDERS,
      ['2026-02-30', 10, 'Ani', 1],
      ['31/31/2026', 10, 'Ani', 1],
      ['#REF!', 10, 'Budi', 1],
      ['', 10, 'Citra', 1],
      ['1850-01-01', 10, 'Eko', 1],
      ['2026-01-05 25:00', 10, 'Eko', 1],
      ['Jan 5 2026 25:00', 10, 'Eko', 1],
      ['not a date at all', 10, 'Eko', 1],
      ['x'.repeat(61), 10, 'Eko', 1],
      [20260231, 10, 'Eko', 1],
      [0, 10, 'Eko', 1],
      [60, 10, 'Eko', 1],
      [1e7, 10, 'Eko', 1],
      [Infinity, 10, 'Eko', 1],
      [true, 10, 'Eko', 1],
      [new Date(NaN), 10, 'Eko', 1],
      [new Date(Date.UTC(1800, 0, 1)), 10, 'Eko', 1],
      [ODD, 10, 'Eko', 1],
    ],
  },
  {
    name: 'bad amounts: Excel errors, blanks, text, percent text, separators, odd cells; bad optional cells',
    kind: 'orders',
    values: [
      ORDERS,
      ['2026-01-05', '#N/A', 'Ani', 1],
      ['2026-01-05', '', 'Ani', 1],
      ['2026-01-06', 'abc', 'Ani', 'lots'],
      ['2026-01-07', '12,5%', '#VALUE!', 1],
      ['2026-01-07', 10, 'Budi', 'lots'],
      ['2026-01-07', '5%%', 'Budi', 1],
      ['2026-01-08', '1,2,3', 'Budi', 1],
      ['2026-01-09', NaN, 'Budi', 1],
      ['2026-01-09', false, 'Budi', 1],
      ['2026-01-09', new Date(Date.UTC(2026, 0, 1)), 'Budi', 1],
      ['2026-01-09', ODD, 'Budi', 1],
    ],
  },
  {
    name: 'duplicate headers, blank rows',
    kind: 'orders',
    values: [['Date', 'Amount', 'Amount'], ['2026-01-05', 10, 'x'], ['', '', ''], [], [null, undefined]],
  },
  {
    name: '1904 date system',
    kind: 'orders',
    values: [ORDERS, [-1, 10, 'Ani', 1], [100, 10, 'Ani', 1]],
    options: { dateSystem: '1904' },
  },
  {
    name: 'comma-decimal amounts and day-first dates',
    kind: 'orders',
    values: [ORDERS, ['28/11/2026', 'Rp 1.250.000,00', 'Ani', 1], ['5/12/2026', '2.500,50', 'Budi', 2]],
  },
  {
    name: 'day-first and month-first dates in one column; one blank row',
    kind: 'orders',
    values: [
      ORDERS,
      ['28/11/2026', 10, 'Ani', 1],
      ['11/29/2026', 10, 'Ani', 1],
      ['28/12/2026', 10, 'Ani', 1],
      [],
    ],
  },
  {
    name: 'month-first dates where day-first is the default',
    kind: 'orders',
    values: [ORDERS, ['11/28/2026', 10, 'Ani', 1]],
    options: { defaultDateOrder: 'dmy' },
  },
  {
    name: 'year-first two-digit dates',
    kind: 'orders',
    values: [ORDERS, ['99/12/31', 10, 'Ani', 1], ['98/01/15', 10, 'Ani', 1]],
  },
  {
    name: 'too many issues (one more, then several more)',
    kind: 'orders',
    values: [ORDERS, ['x', 1, 'A', 1], ['y', 1, 'A', 1], ['z', 1, 'A', 1], ['w', 1, 'A', 1]],
    options: { maxIssues: 3 },
  },
  {
    name: 'too many issues (several)',
    kind: 'orders',
    values: [ORDERS, ['x', 1, 'A', 1], ['y', 1, 'A', 1], ['z', 1, 'A', 1]],
    options: { maxIssues: 1 },
  },
  {
    name: 'pipeline: unknown statuses and unusable status cells',
    kind: 'pipeline',
    values: [
      PIPELINE,
      ['2026-01-05', 'On Hold'],
      ['2026-01-05', 'Waiting'],
      ['2026-01-05', 'Won'],
      ['2026-01-05', true],
      ['2026-01-05', 5],
      ['2026-01-05', new Date(Date.UTC(2026, 0, 1))],
      ['2026-01-05', '#N/A'],
      ['2026-01-05', ''],
    ],
    options: { mapping: { created: 'Created', status: 'Stage' } },
  },
  {
    name: 'targets: periods that are not periods',
    kind: 'targets',
    values: [
      TARGETS,
      ['revenue', '2026-Q1', 100],
      ['revenue', 'someday', 100],
      ['revenue', true, 100],
      ['revenue', -5, 100],
      ['revenue', new Date(NaN), 100],
      ['revenue', '#N/A', 100],
      ['revenue', '', 100],
    ],
    options: { mapping: { metric: 'Metric', period: 'Period', target: 'Target' } },
  },
  {
    name: 'mapping problems',
    kind: 'orders',
    values: [ORDERS, ['2026-01-05', 10, 'Ani', 1]],
    options: {
      mapping: {
        bogus: 'Date',
        customer: 9,
        product: 'Nope',
        quantity: 'Customer',
        rep: 'Customer',
      } as never,
    },
  },
  {
    name: 'a required role mapped to a column that is not there',
    kind: 'orders',
    values: [ORDERS, ['2026-01-05', 10, 'Ani', 1]],
    options: { mapping: { date: 'Tanggal' } },
  },
  {
    name: 'missing required columns',
    kind: 'orders',
    values: [
      ['Name', 'Note'],
      ['Ani', 'hi'],
    ],
  },
  { name: 'missing columns of a pipeline', kind: 'pipeline', values: [['Name'], ['Ani']] },
  { name: 'missing columns of spend', kind: 'spend', values: [] },
  { name: 'missing columns of targets', kind: 'targets', values: [['Who'], ['Ani']] },
  { name: 'not a 2-D array', kind: 'orders', values: 'cells' as never },
  { name: 'rows that throw when read', kind: 'orders', values: THROWING },
];

function messagesOf(cases: readonly Case[]) {
  const reasons = new Set<string>();
  const notes = new Set<string>();
  const errors = new Set<string>();
  for (const c of cases) {
    const result = ingestTable(c.kind, c.values, c.options);
    for (const issue of result.report.issues) reasons.add(issue.reason);
    for (const note of result.report.notes ?? []) notes.add(note);
    if (result.error) errors.add(result.error);
  }
  return { reasons: [...reasons], notes: [...notes], errors: [...errors] };
}

/** English words that must not survive translation (outside quoted text and header examples). */
const LEFTOVER_ENGLISH =
  /\b(is|not|the|of|an|and|or|does|exist|outside|before|serial|text|amount|blank|skipped|listed|read|rows?|columns?|unknown|counted|open|mapped|table|headers?|could|find|cells?|limit|more|issues?|ignored|kept)\b/;

/** A translation with quoted cell text, headers and alias examples taken out. */
const ownWords = (text: string): string => text.replace(/'[^']*'/g, '').replace(/seperti [^)]*\)/g, '');

describe('every message the engine produces has an Indonesian shape', () => {
  const { reasons, notes, errors } = messagesOf(BATTERY);

  it('finds a broad set of messages in the battery', () => {
    expect(reasons.length).toBeGreaterThanOrEqual(30);
    expect(notes.length).toBeGreaterThanOrEqual(20);
    expect(errors.length).toBeGreaterThanOrEqual(3);
  });

  it.each(reasons)('reason %p', (reason) => {
    const id = translateReason(reason, 'id');
    expect(id).not.toBe(reason);
    expect(ownWords(id)).not.toMatch(LEFTOVER_ENGLISH);
    expect(translateReason(reason, 'en')).toBe(reason);
  });

  it.each(notes)('note %p', (note) => {
    const id = translateNote(note, 'id');
    expect(id).not.toBe(note);
    expect(ownWords(id)).not.toMatch(LEFTOVER_ENGLISH);
    expect(translateNote(note, 'en')).toBe(note);
  });

  it.each(errors)('error %p', (error) => {
    const id = translateIngestError(error, 'id');
    expect(id).not.toBe(error);
    expect(translateNote(error, 'id')).toBe(id);
  });
});

describe('Indonesian wording', () => {
  it.each([
    ['blank', 'kosong'],
    ['Excel error #N/A', 'galat Excel #N/A'],
    ['day 30 does not exist in 2026-02', 'tanggal 30 tidak ada di 2026-02'],
    ['month 31 does not exist', 'bulan 31 tidak ada'],
    ['year 1850 is outside 1900–2200', 'tahun 1850 di luar rentang 1900–2200'],
    ["'31-31' is not a date", "'31-31' bukan tanggal"],
    ["text 'abc' is not an amount", "teks 'abc' bukan nominal"],
    ["unknown status 'On Hold' counted as open", "status 'On Hold' tidak dikenal, dihitung sebagai terbuka"],
    ['number is not a status', 'berisi angka, bukan status'],
    [
      'not a period (use e.g. 2026, 2026-Q1, 2026-03, 2026-W05 or FY2027)',
      'bukan periode (gunakan misalnya 2026, 2026-Q1, 2026-03, 2026-W05 atau FY2027)',
    ],
  ])('reason %p', (en, id) => expect(translateReason(en, 'id')).toBe(id));

  it.each([
    ['1 blank row skipped (not listed).', '1 baris kosong dilewati (tidak dicantumkan).'],
    ['12 blank rows skipped (not listed).', '12 baris kosong dilewati (tidak dicantumkan).'],
    ["'Tgl': dates read as day/month/year.", "'Tgl': tanggal dibaca sebagai hari/bulan/tahun."],
    ['5 more issues not listed (limit 1000).', '5 masalah lainnya tidak dicantumkan (batas 1000).'],
    [
      "rep and quantity are both mapped to 'Customer'; kept quantity",
      "peran tenaga penjual dan kuantitas sama-sama dipetakan ke 'Customer'; yang dipakai kuantitas",
    ],
  ])('note %p', (en, id) => expect(translateNote(en, 'id')).toBe(id));

  it('names the missing columns and the headers seen', () => {
    expect(
      translateIngestError(
        'Could not find the date column (a header like Date, Order Date, Tanggal) or the amount column ' +
          "(a header like Amount, Revenue, Sales) in this orders table. Headers seen: 'Name', 'Note'.",
        'id',
      ),
    ).toBe(
      'Kolom tanggal (judul seperti Date, Order Date, Tanggal) dan kolom nilai (judul seperti Amount, ' +
        "Revenue, Sales) tidak ditemukan di tabel pesanan ini. Judul kolom yang terbaca: 'Name', 'Note'.",
    );
  });

  it('passes unknown messages through unchanged', () => {
    expect(translateReason('something new', 'id')).toBe('something new');
    expect(translateNote('A note from the future.', 'id')).toBe('A note from the future.');
    expect(translateIngestError('Could not parse', 'id')).toBe('Could not parse');
  });
});

describe('properties', () => {
  const languages = fc.constantFrom<'en' | 'id'>('en', 'id');
  const translators = [translateReason, translateNote, translateIngestError];

  it('never throws and gives non-empty text for any non-empty message', () => {
    // An empty message is not a shape: it passes through as the empty string.
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'binary' }), languages, (text, language) => {
        for (const translate of translators) expect(translate(text, language).length).toBeGreaterThan(0);
      }),
    );
  });

  /** Engine message shapes with a header (or cell text) `h` and numbers `a`, `b`. */
  const SHAPES: readonly ((h: string, a: string, b: string) => [typeof translateReason, string])[] = [
    (h) => [translateReason, `'${h}' is not a date`],
    (h) => [translateReason, `text '${h}' is not an amount`],
    (h) => [translateReason, `time '${h}' is not a time of day`],
    (h) => [translateReason, `unknown status '${h}' counted as open`],
    (_, a, b) => [translateReason, `day ${a} does not exist in ${b}-02`],
    (_, a) => [translateReason, `year ${a} is outside 1900–2200`],
    (_, a) => [translateReason, `serial ${a} is outside 1900–2200`],
    (h) => [translateNote, `'${h}': dates read as day/month/year.`],
    (h, a, b) => [
      translateNote,
      `'${h}': dates read as day/month/year by majority (${a} sampled cells are day-first only, ${b} month-first only); cells that do not fit are reported.`,
    ],
    (h) => [translateNote, `'${h}': amounts read with comma decimals (1.250,00).`],
    (h, a) => [translateNote, `'${h}': ${a} row(s) with an unknown status were counted as open.`],
    (_, a) => [translateNote, `${a} blank rows skipped (not listed).`],
    (_, a, b) => [translateNote, `${a} more issues not listed (limit ${b}).`],
    (h) => [translateNote, `'${h}' is not a column role of a orders table; ignored`],
    (_, a) => [translateNote, `date is mapped to column ${a}, which does not exist`],
    (h) => [translateNote, `date is mapped to '${h}', but no column has that header`],
    (h) => [translateNote, `amount and date are both mapped to '${h}'; kept date`],
    (h) => [
      translateIngestError,
      `Could not find the date column (a header like Date, Tanggal) in this orders table. Headers seen: '${h}'.`,
    ],
  ];
  /** Headers that imitate the messages around them, as well as anything at all. */
  const header = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.constantFrom(
      '',
      "it's",
      "x': dates read as month/day/year.",
      "a' is not a date",
      'line\nbreak',
      "Headers seen: 'q'. in this orders table. Headers seen: ",
      ') or the amount column (a header like $1',
    ),
  );
  const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map(String);

  it('carries numbers and quoted headers over unchanged', () => {
    fc.assert(
      fc.property(header, number, number, fc.nat(SHAPES.length - 1), (h, a, b, which) => {
        const [translate, english] = SHAPES[which](h, a, b);
        const id = translate(english, 'id');
        expect(id).not.toBe(english);
        if (english.includes(`'${h}'`)) expect(id).toContain(`'${h}'`);
        for (const n of [a, b]) if (english.includes(n)) expect(id).toContain(n);
      }),
      { numRuns: 2000 },
    );
  });
});
