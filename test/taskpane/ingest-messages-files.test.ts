/**
 * The notes and reasons about files people really have (number styles judged from the file,
 * rupiah, dates fitting both orders, serial numbers, total rows, split rows, repeated headers,
 * cut rows) have an Indonesian shape in the pane.
 */
import type { CellValue } from '../../src/core/cell';
import { ingestTable, type IngestOptions } from '../../src/core/ingest';
import type { TableKind } from '../../src/core/table';
import { translateNote, translateReason } from '../../src/taskpane/ingest-messages';

interface Case {
  readonly kind: TableKind;
  readonly values: readonly (readonly CellValue[])[];
  readonly options?: IngestOptions;
}

const HINTS: IngestOptions['hints'] = {
  decimal: { 'dot-decimal': '--decimal .', 'comma-decimal': '--decimal ,' },
  dateOrder: { dmy: '--date-format dmy', mdy: '--date-format mdy', ymd: '--date-format iso' },
  mapping: '--map {role}="{header}"',
};

const ORDERS = ['Date', 'Order ID', 'Customer', 'Amount'];
const BATTERY: readonly Case[] = [
  {
    kind: 'orders',
    values: [ORDERS, ['05/10/2026', 'A', 'Budi', '75.000'], ['06/10/2026', 'B', 'Sari', '125.000']],
    options: { delimiter: ';' },
  },
  { kind: 'orders', values: [ORDERS, ['2026-10-05', 'A', 'Budi', '75.000']] },
  { kind: 'orders', values: [ORDERS, ['13/10/2026', 'A', 'Budi', '75.000']] },
  { kind: 'orders', values: [ORDERS, ['05/10/2026', 'A', 'Budi', '€ 75.000']] },
  { kind: 'orders', values: [ORDERS, ['2026-10-05', 'A', 'Budi', 'IDR 75,000']] },
  {
    kind: 'orders',
    values: [
      ['Date', 'Customer', 'Amount', 'Cost'],
      ['2026-10-05', 'Budi', '75.000', '12,50'],
      ['2026-10-06', 'Sari', '1.250', '$1,250.50'],
    ],
    options: { delimiter: ',' },
  },
  {
    kind: 'orders',
    values: [ORDERS, ['2026-10-05', 'A', 'Budi', '1,250.50'], ['2026-10-06', 'B', 'Sari', '2.500,25']],
  },
  {
    kind: 'orders',
    values: [ORDERS, ['05/10/2026', 'A', 'Budi', '1.250,50'], ['46000', 'B', 'Sari', 10]],
    options: { delimiter: ';' },
  },
  { kind: 'orders', values: [ORDERS, ['05/10/2026', 'A', 'Budi', '$10'], ['06/10/2026', 'B', 'Sari', '$5']] },
  { kind: 'orders', values: [ORDERS, ['05/10/2026', 'A', 'Budi', 'Rp 10.000']] },
  {
    kind: 'pipeline',
    values: [
      ['Created', 'Stage', 'Closed'],
      ['05/10/2026', 'Won', '28/10/2026'],
    ],
  },
  {
    kind: 'orders',
    values: [
      ['Date', 'Customer', 'Amount', 'Amount'],
      ['2026-10-05', 'Budi', 10, 9],
    ],
  },
  {
    kind: 'orders',
    values: [
      ORDERS,
      ['2026-10-05', 'A', 'Budi', 100, '1'],
      ['2026-10-05', 'B', 'Sari', 1, '000'],
      ['2026-10-06', 'C', 'Andi', 'x y', 'z'],
      ['2026-10-07', '', 'TOTAL', 101],
      ['2026-10-08', 'D', 'Dewi', 10],
      ['2026-10-09', 'E', 'Eko', 20],
      ['2026-10-10', '', '', 30],
    ],
    options: { delimiter: ',' },
  },
  {
    kind: 'spend',
    values: [
      ['Month', 'Channel', 'Spend'],
      ['2026-10', 'Ads', 5],
      ['2026-10', 'Jumlah', 5],
    ],
  },
  {
    kind: 'pipeline',
    values: [
      ['Created', 'Stage', 'Name'],
      ['2026-10-05', 'Won', 'Budi'],
      ['2026-10-06', 'Open', 'Grand Total'],
    ],
  },
  {
    kind: 'orders',
    values: [
      ['Date', 'Amount', ...Array.from({ length: 16_390 }, (_, i) => `c${i}`)],
      ['2026-10-05', 1],
    ],
  },
];

function messagesOf(cases: readonly Case[], hints?: IngestOptions['hints']) {
  const reasons = new Set<string>();
  const notes = new Set<string>();
  for (const c of cases) {
    const result = ingestTable(c.kind, c.values, { ...c.options, ...(hints ? { hints } : {}) });
    for (const issue of result.report.issues) reasons.add(issue.reason);
    for (const note of result.report.notes ?? []) notes.add(note);
  }
  return { reasons: [...reasons], notes: [...notes] };
}

/** English words that must not survive translation (outside quoted text and command-line hints). */
const LEFTOVER_ENGLISH =
  /\b(is|not|the|of|an?|and|or|as|read|rows?|columns?|fields?|fit|two|readings?|dates?|amounts?|numbers?|like|with|carry|cents|separator|decimals?|point|first|orders?|heads|named|from|sum|above|more|than|header|unquoted|value|file|written|nothing|else|tells|which|default|only|sheet's|width|cells?|mixes|styles)\b/;

/** A translation with quoted text, cell examples and hints taken out. */
const ownWords = (text: string): string =>
  text
    .replace(/'[^']*'/g, '')
    .replace(/--\S+(?: \S+)?/g, '')
    .replace(/seperti [^;,]*?(?= (dibaca|bisa|cocok))/g, 'seperti');

describe('the notes and reasons on messy files have an Indonesian shape', () => {
  const plain = messagesOf(BATTERY);
  const hinted = messagesOf(BATTERY, HINTS);
  const notes = [...new Set([...plain.notes, ...hinted.notes])];
  const reasons = [...new Set([...plain.reasons, ...hinted.reasons])];

  it('the battery reaches every new message shape', () => {
    const shapes = [
      /fit two readings/,
      /carry no cents/,
      /mixes number styles/,
      /Excel serial dates/,
      /fit both day\/month orders/,
      /heads columns/,
      /rows have up to/,
      /to read them the other way/,
      /to read them month first/,
      /to read it from/,
    ];
    for (const shape of shapes) expect(notes.some((n) => shape.test(n))).toBe(true);
    for (const shape of [
      /an unquoted 1,000\?/,
      /a value with an unquoted/,
      /not an order/,
      /not a spend entry/,
      /not an opportunity/,
      /is the sum of/,
    ])
      expect(reasons.some((r) => shape.test(r))).toBe(true);
  });

  it.each(notes.filter((n) => !/blank rows? skipped|chosen over/.test(n)))('note %p', (note) => {
    const id = translateNote(note, 'id');
    expect(id).not.toBe(note);
    expect(ownWords(id)).not.toMatch(LEFTOVER_ENGLISH);
  });

  it.each(reasons)('reason %p', (reason) => {
    const id = translateReason(reason, 'id');
    expect(id).not.toBe(reason);
    expect(ownWords(id)).not.toMatch(LEFTOVER_ENGLISH);
  });
});

describe('Indonesian wording', () => {
  it.each([
    [
      "'Total': amounts like 75.000 fit two readings; read with ',' as the decimal separator (75.000 = 75000), as the file separates fields with ';' and dates are written day first (to read them the other way: --decimal .).",
      "'Total': nominal seperti 75.000 bisa dibaca dua cara; dibaca dengan ',' sebagai pemisah desimal (75.000 = 75000), karena berkas memisahkan kolom dengan ';' dan tanggal ditulis dengan hari di depan (untuk membaca sebaliknya: --decimal .).",
    ],
    [
      "'Amount': amounts like IDR 75,000 read as 75000, as amounts in IDR carry no cents ('.' or ',' before three digits groups thousands).",
      "'Amount': nominal seperti IDR 75,000 dibaca sebagai 75000, karena nominal dalam IDR tidak memakai sen ('.' atau ',' sebelum tiga digit memisahkan ribuan).",
    ],
    [
      "'Tanggal': dates like 05/10/2026 fit both day/month orders; read day first (05/10/2026 = 2026-10-05), as the file separates fields with ';' (to read them month first: --date-format mdy).",
      "'Tanggal': tanggal seperti 05/10/2026 cocok dengan kedua urutan hari/bulan; dibaca dengan hari di depan (05/10/2026 = 2026-10-05), karena berkas memisahkan kolom dengan ';' (untuk membaca dengan bulan di depan: --date-format mdy).",
    ],
    [
      "'Amount' heads columns C and E (named 'Amount' and 'Amount (2)'); amount is read from C (to read it from E: --map amount=\"Amount (2)\").",
      "'Amount' menjadi judul kolom C dan E (dinamai 'Amount' dan 'Amount (2)'); nilai dibaca dari C (untuk membaca dari E: --map amount=\"Amount (2)\").",
    ],
  ])('note %p', (en, id) => expect(translateNote(en, 'id')).toBe(id));

  it.each([
    [
      'more fields than the header (5 for 4): an unquoted 1,000?',
      'lebih banyak kolom daripada judulnya (5 untuk 4): 1,000 tanpa tanda kutip?',
    ],
    ["a total row ('Jumlah'), not an order", "baris total ('Jumlah'), bukan pesanan"],
    [
      'a total row: no order id or customer, and 200 is the sum of the 2 rows above it',
      'baris total: tanpa ID pesanan maupun pelanggan, dan 200 sama dengan jumlah 2 baris di atasnya',
    ],
  ])('reason %p', (en, id) => expect(translateReason(en, 'id')).toBe(id));
});
