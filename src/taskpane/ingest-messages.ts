/**
 * The ingestion report in the pane's language. The engine (src/core/ingest) writes its reasons and
 * notes in English because the command line shares it; the pane matches each message's shape here
 * and rewrites it in Indonesian, carrying numbers, headers and cell text over exactly as written.
 * A message with no known shape is shown as the engine wrote it: English beats nothing.
 */
import type { PaneLanguage } from './locale-format';

type Rule = readonly [RegExp, (m: RegExpExecArray) => string];

/** Roles as the engine names them (`order_id` or `order id`) → Indonesian. */
const ROLE: Readonly<Record<string, string>> = {
  date: 'tanggal',
  amount: 'nilai',
  order_id: 'ID pesanan',
  customer: 'pelanggan',
  quantity: 'kuantitas',
  product: 'produk',
  category: 'kategori',
  region: 'wilayah',
  rep: 'tenaga penjual',
  channel: 'kanal',
  segment: 'segmen',
  cost: 'biaya',
  profit: 'laba',
  created: 'tanggal dibuat',
  closed: 'tanggal ditutup',
  status: 'status',
  value: 'nilai peluang',
  id: 'ID',
  source: 'sumber',
  spend: 'belanja',
  metric: 'metrik',
  period: 'periode',
  target: 'target',
};

const KIND: Readonly<Record<string, string>> = {
  orders: 'pesanan',
  pipeline: 'pipeline penjualan',
  spend: 'belanja pemasaran',
  targets: 'target',
};

const ORDER: Readonly<Record<string, string>> = {
  'day/month/year': 'hari/bulan/tahun',
  'month/day/year': 'bulan/hari/tahun',
  'year/month/day': 'tahun/bulan/hari',
};

const VALUE_TYPE: Readonly<Record<string, string>> = { number: 'angka', date: 'tanggal' };

const ROW_NOUN: Readonly<Record<string, string>> = {
  order: 'pesanan',
  opportunity: 'peluang',
  'spend entry': 'catatan belanja',
};

/** Why a number style or date order was chosen (`conventions.ts`), one reason at a time. */
const READING_REASONS: readonly Rule[] = [
  [/^the file separates fields with (.*)$/s, (m) => `berkas memisahkan kolom dengan ${m[1]}`],
  [
    /^'(.*)' is written with (comma|point) decimals$/s,
    (m) => `'${m[1]}' ditulis dengan desimal ${m[2] === 'comma' ? 'koma' : 'titik'}`,
  ],
  [/^'(.*)' is written (day|month) first$/s, (m) => `'${m[1]}' ditulis dengan ${FIRST[m[2]]}`],
  [/^dates are written (day|month) first$/, (m) => `tanggal ditulis dengan ${FIRST[m[1]]}`],
  [/^the amounts carry (.*)$/s, (m) => `nominalnya memakai ${m[1]}`],
  [/^amounts are written with comma decimals$/, () => 'nominal ditulis dengan desimal koma'],
  [/^amounts are in (.*)$/s, (m) => `nominal dalam ${m[1]}`],
  [
    /^nothing else in the file tells which \(the default\)$/,
    () => 'tidak ada petunjuk lain di berkas (bawaan)',
  ],
];

const FIRST: Readonly<Record<string, string>> = {
  day: 'hari di depan',
  month: 'bulan di depan',
  year: 'tahun di depan',
};

/** `A, B and C` → `A, B dan C`, each reason rewritten. */
function readingReasons(text: string): string {
  const parts = text.split(/, | and (?=the |'|dates |amounts |nothing )/);
  const out = parts.map((part) => {
    for (const [pattern, render] of READING_REASONS) {
      const m = pattern.exec(part);
      if (m) return render(m);
    }
    return part;
  });
  return out.length <= 1 ? out.join('') : `${out.slice(0, -1).join(', ')} dan ${out[out.length - 1]}`;
}

/** ` (to read them the other way: --decimal .)` → ` (untuk membaca sebaliknya: --decimal .)`. */
function hintTail(hint: string | undefined, how: string): string {
  return hint === undefined ? '' : ` (untuk membaca ${how}: ${hint})`;
}

const DECIMAL: Readonly<Record<string, string>> = {
  "',' as the decimal separator": "',' sebagai pemisah desimal",
  "'.' as the decimal point": "'.' sebagai pemisah desimal",
};

const role = (name: string): string => ROLE[name.replace(' ', '_')] ?? name;

// `s` flag throughout: a header or cell text may hold a line break (Alt+Enter in Excel).
const REASONS: readonly Rule[] = [
  [/^blank$/, () => 'kosong'],
  [/^Excel error (.+)$/s, (m) => `galat Excel ${m[1]}`],
  [/^not a date$/, () => 'bukan tanggal'],
  [/^'(.*)' is not a date$/s, (m) => `'${m[1]}' bukan tanggal`],
  [/^month (\S+) does not exist$/, (m) => `bulan ${m[1]} tidak ada`],
  [/^year (\S+) is outside (\S+)$/, (m) => `tahun ${m[1]} di luar rentang ${m[2]}`],
  [/^day (\S+) does not exist in (\S+)$/, (m) => `tanggal ${m[1]} tidak ada di ${m[2]}`],
  [/^not a finite number$/, () => 'bukan bilangan berhingga'],
  [/^serial (\S+) is before (\S+)$/, (m) => `nomor seri ${m[1]} jatuh sebelum ${m[2]}`],
  [
    /^serial (\S+) is (\S+), a day that does not exist \(Excel leap-year bug\)$/,
    (m) => `nomor seri ${m[1]} adalah ${m[2]}, hari yang tidak pernah ada (galat tahun kabisat Excel)`,
  ],
  [/^serial (\S+) is outside (\S+)$/, (m) => `nomor seri ${m[1]} di luar rentang ${m[2]}`],
  [/^time '(.*)' is not a time of day$/s, (m) => `waktu '${m[1]}' bukan jam yang sah`],
  [/^(TRUE|FALSE) is a boolean, not a date$/, (m) => `${m[1]} adalah nilai logika, bukan tanggal`],
  [/^invalid Date object$/, () => 'objek Date tidak sah'],
  [/^date outside (\S+)$/, (m) => `tanggal di luar rentang ${m[1]}`],
  [
    /^text '(.*)' is not an amount \(separators do not group digits in threes\)$/s,
    (m) => `teks '${m[1]}' bukan nominal (pemisah tidak mengelompokkan angka per tiga digit)`,
  ],
  [/^text '(.*)' is not an amount$/s, (m) => `teks '${m[1]}' bukan nominal`],
  [/^(TRUE|FALSE) is a boolean, not an amount$/, (m) => `${m[1]} adalah nilai logika, bukan nominal`],
  [/^a date, not an amount$/, () => 'berisi tanggal, bukan nominal'],
  [/^not an amount$/, () => 'bukan nominal'],
  [
    /^unknown status '(.*)' counted as open$/s,
    (m) => `status '${m[1]}' tidak dikenal, dihitung sebagai terbuka`,
  ],
  [/^(TRUE|FALSE) is not a status$/, (m) => `${m[1]} bukan status`],
  [
    /^more fields than the header \((\S+) for (\S+)\): an unquoted (.*)\?$/s,
    (m) => `lebih banyak kolom daripada judulnya (${m[1]} untuk ${m[2]}): ${m[3]} tanpa tanda kutip?`,
  ],
  [
    /^more fields than the header \((\S+) for (\S+)\): a value with an unquoted (.*)\?$/s,
    (m) =>
      `lebih banyak kolom daripada judulnya (${m[1]} untuk ${m[2]}): nilai berisi ${m[3]} tanpa tanda kutip?`,
  ],
  [
    /^a total row \('(.*)'\), not an? (order|opportunity|spend entry)$/s,
    (m) => `baris total ('${m[1]}'), bukan ${ROW_NOUN[m[2]]}`,
  ],
  [
    /^a total row: no order id or customer, and (\S+) is the sum of the (\S+) rows above it$/,
    (m) =>
      `baris total: tanpa ID pesanan maupun pelanggan, dan ${m[1]} sama dengan jumlah ${m[2]} baris di atasnya`,
  ],
  [/^(number|date) is not a status$/, (m) => `berisi ${VALUE_TYPE[m[1]]}, bukan status`],
  [
    /^not a period \(use e\.g\. (.*)\)$/s,
    (m) => `bukan periode (gunakan misalnya ${m[1].replace(/ or (\S+)$/, ' atau $1')})`,
  ],
];

/** Why detection chose a column (`choiceNotes` in src/core/ingest/mapping-notes.ts). */
const CHOICE_REASON: Readonly<Record<string, string>> = {
  "its header is the role's name": 'judulnya nama peran itu sendiri',
  'an id column is preferred to a name': 'kolom ID didahulukan daripada nama',
  'the coarsest place column with more than one value':
    'kolom tempat paling luas yang berisi lebih dari satu nilai',
  'best header and values': 'judul dan isinya paling cocok',
  'equally good; the leftmost column': 'sama cocoknya; kolom paling kiri',
};

const NOTES: readonly Rule[] = [
  [
    /^(\S+): '(.*)' chosen over (.*) \(([^()]*)\)\.$/s,
    (m) => `${role(m[1])}: '${m[2]}' dipilih daripada ${m[3]} (${CHOICE_REASON[m[4]] ?? m[4]}).`,
  ],
  [
    /^cost is '(.*)' minus '(.*)' on each row \(no cost column\)\.$/s,
    (m) => `biaya = '${m[1]}' dikurangi '${m[2]}' pada tiap baris (tidak ada kolom biaya).`,
  ],
  [
    /^'(.*)' not used: cost is read from '(.*)' \(a cost column wins over profit\)\.$/s,
    (m) => `'${m[1]}' tidak dipakai: biaya diambil dari '${m[2]}' (kolom biaya didahulukan daripada laba).`,
  ],
  [
    /^'(.*)': dates read as (\S+) by majority \((\S+) sampled cells are day-first only, (\S+) month-first only\); cells that do not fit are reported\.$/s,
    (m) =>
      `'${m[1]}': tanggal dibaca sebagai ${ORDER[m[2]] ?? m[2]} mengikuti mayoritas (${m[3]} sel sampel ` +
      `hanya cocok dengan hari di depan, ${m[4]} hanya dengan bulan di depan); sel yang tidak sesuai dilaporkan.`,
  ],
  [/^'(.*)': dates read as (\S+)\.$/s, (m) => `'${m[1]}': tanggal dibaca sebagai ${ORDER[m[2]] ?? m[2]}.`],
  [
    /^'(.*)' mixes number styles: cells like (.*) are read as written, the others with ('.' as the decimal point|',' as the decimal separator)\.$/s,
    (m) =>
      `'${m[1]}' mencampur gaya angka: sel seperti ${m[2]} dibaca apa adanya, sisanya dengan ${DECIMAL[m[3]]}.`,
  ],
  [
    /^'(.*)': amounts like (.*) read as (\S+), as amounts in (\S+) carry no cents \('\.' or ',' before three digits groups thousands\)(?: \(to read them the other way: (.*)\))?\.$/s,
    (m) =>
      `'${m[1]}': nominal seperti ${m[2]} dibaca sebagai ${m[3]}, karena nominal dalam ${m[4]} tidak memakai sen ` +
      `('.' atau ',' sebelum tiga digit memisahkan ribuan)${hintTail(m[5], 'sebaliknya')}.`,
  ],
  [
    /^'(.*)': amounts like (.*) fit two readings; read with ('.' as the decimal point|',' as the decimal separator) \((.*) = (\S+)\), as (.*?)(?: \(to read them the other way: (.*)\))?\.$/s,
    (m) =>
      `'${m[1]}': nominal seperti ${m[2]} bisa dibaca dua cara; dibaca dengan ${DECIMAL[m[3]]} ` +
      `(${m[4]} = ${m[5]}), karena ${readingReasons(m[6])}${hintTail(m[7], 'sebaliknya')}.`,
  ],
  [
    /^'(.*)': numbers like (\S+) read as Excel serial dates \((\S+) = (\S+)\)\.$/s,
    (m) => `'${m[1]}': angka seperti ${m[2]} dibaca sebagai nomor seri tanggal Excel (${m[3]} = ${m[4]}).`,
  ],
  [
    /^'(.*)': dates like (.*) fit both day\/month orders; read (day|month|year) first \((.*) = (\S+)\), as (.*?)(?: \(to read them (day|month|year) first: (.*)\))?\.$/s,
    (m) =>
      `'${m[1]}': tanggal seperti ${m[2]} cocok dengan kedua urutan hari/bulan; dibaca dengan ${FIRST[m[3]]} ` +
      `(${m[4]} = ${m[5]}), karena ${readingReasons(m[6])}` +
      `${m[7] ? hintTail(m[8], `dengan ${FIRST[m[7]]}`) : ''}.`,
  ],
  [
    /^'(.*)' heads columns (.*?) \(named (.*?)\)((?:; \S+ is read from \S+(?: \(to read it from \S+: .*?\))?)*)\.$/s,
    (m) => {
      const uses = [
        ...m[4].matchAll(/; (\S+) is read from (\S+)(?: \(to read it from (\S+): (.*?)\))?(?=; |$)/gs),
      ]
        .map(
          (u) => `; ${role(u[1])} dibaca dari ${u[2]}${u[3] ? ` (untuk membaca dari ${u[3]}: ${u[4]})` : ''}`,
        )
        .join('');
      return (
        `'${m[1]}' menjadi judul kolom ${m[2].replace(/ and /g, ' dan ')} ` +
        `(dinamai ${m[3].replace(/' and '/g, "' dan '")})${uses}.`
      );
    },
  ],
  [
    /^rows have up to (\S+) fields; only the first (\S+) columns \(A to XFD, a sheet's width\) are read\.$/,
    (m) =>
      `baris berisi hingga ${m[1]} kolom; hanya ${m[2]} kolom pertama (A sampai XFD, lebar satu sheet) yang dibaca.`,
  ],
  [
    /^'(.*)': amounts read with comma decimals \((\S+)\)\.$/s,
    (m) => `'${m[1]}': nominal dibaca dengan koma sebagai pemisah desimal (${m[2]}).`,
  ],
  [
    /^'(.*)': (\S+) row\(s\) with an unknown status were counted as open\.$/s,
    (m) => `'${m[1]}': ${m[2]} baris dengan status tidak dikenal dihitung sebagai terbuka.`,
  ],
  [
    /^(\S+) blank rows? skipped \(not listed\)\.$/,
    (m) => `${m[1]} baris kosong dilewati (tidak dicantumkan).`,
  ],
  [
    /^(\S+) more issues? not listed \(limit (\S+)\)\.$/,
    (m) => `${m[1]} masalah lainnya tidak dicantumkan (batas ${m[2]}).`,
  ],
  [
    /^'(.*)' is not a column role of a (\S+) table; ignored$/s,
    (m) => `'${m[1]}' bukan peran kolom pada tabel ${KIND[m[2]] ?? m[2]}; diabaikan`,
  ],
  [
    /^(\S+) is mapped to column (\S+), which does not exist$/,
    (m) => `peran ${role(m[1])} dipetakan ke kolom ${m[2]}, tetapi kolom itu tidak ada`,
  ],
  [
    /^(\S+) is mapped to '(.*)', but no column has that header$/s,
    (m) => `peran ${role(m[1])} dipetakan ke '${m[2]}', tetapi tidak ada kolom dengan judul itu`,
  ],
  [
    /^(\S+) and (\S+) are both mapped to '(.*)'; kept (\S+)$/s,
    (m) =>
      `peran ${role(m[1])} dan ${role(m[2])} sama-sama dipetakan ke '${m[3]}'; yang dipakai ${role(m[4])}`,
  ],
];

/** One `the date column (a header like Date, Tanggal)` part of the missing-column message. */
const MISSING_PART = /the (.+?) column \(a header like (.*?)\)(?= or the |$)/gs;

const ERRORS: readonly Rule[] = [
  [
    // Lazy on the roles: the alias lists never hold this phrase, a header might.
    /^Could not find (.+?) in this (\S+) table\. Headers seen: (.*)\.$/s,
    (m) => {
      const parts = [...m[1].matchAll(MISSING_PART)].map(
        (p) => `kolom ${role(p[1])} (judul seperti ${p[2]})`,
      );
      if (parts.length === 0) return m[0];
      // Every listed column is missing: `dan`, since `atau` would read as "one of them".
      const what =
        parts.length > 1 ? `${parts.slice(0, -1).join(', ')} dan ${parts[parts.length - 1]}` : parts[0];
      const seen = m[3] === 'none' ? 'tidak ada' : m[3];
      return (
        `${what[0].toUpperCase()}${what.slice(1)} tidak ditemukan di tabel ${KIND[m[2]] ?? m[2]} ini. ` +
        `Judul kolom yang terbaca: ${seen}.`
      );
    },
  ],
  [/^The data is not a 2-D array of cells\.$/, () => 'Data bukan tabel sel dua dimensi.'],
  [/^Could not read the data: (.*)$/s, (m) => `Data tidak dapat dibaca: ${m[1]}`],
];

/** Notes first; a failed ingestion's error is also its last note. */
const NOTES_AND_ERRORS: readonly Rule[] = [...NOTES, ...ERRORS];

function translate(rules: readonly Rule[], message: string, language: PaneLanguage): string {
  // Callers pass report fields typed as strings; a stray non-string from a host must not crash.
  const text = typeof message === 'string' ? message : String(message);
  if (language !== 'id') return text;
  for (const [pattern, render] of rules) {
    const m = pattern.exec(text);
    if (m) return render(m);
  }
  return text;
}

/**
 * An issue's reason (`IngestIssue.reason`) in the pane's language.
 * @example translateReason('day 30 does not exist in 2026-02', 'id') // 'tanggal 30 tidak ada di 2026-02'
 * @example translateReason('Excel error #N/A', 'id') // 'galat Excel #N/A'
 */
export function translateReason(reason: string, language: PaneLanguage): string {
  return translate(REASONS, reason, language);
}

/**
 * A failure of ingestion (`IngestResult.error`) in the pane's language.
 * @example translateIngestError("Could not find the date column (a header like Date, Tanggal) in this orders table. Headers seen: 'X'.", 'id')
 * // "Kolom tanggal (judul seperti Date, Tanggal) tidak ditemukan di tabel pesanan ini. Judul kolom yang terbaca: 'X'."
 */
export function translateIngestError(error: string, language: PaneLanguage): string {
  return translate(ERRORS, error, language);
}

/**
 * A table-level note (`IngestReport.notes`) in the pane's language; a failed ingestion's error is
 * also its last note, so errors are understood here too.
 * @example translateNote('3 blank rows skipped (not listed).', 'id') // '3 baris kosong dilewati (tidak dicantumkan).'
 */
export function translateNote(note: string, language: PaneLanguage): string {
  return translate(NOTES_AND_ERRORS, note, language);
}
