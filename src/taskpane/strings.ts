/**
 * The task pane's words in English and Indonesian. Components take a `Strings` object, so a new
 * language is a new entry here and nothing else.
 */
const en = {
  appTitle: 'Sales Metrics',
  appSubtitle: 'Pick your sales data and read it into the add-in.',
  previewNotice: 'Preview outside Excel: showing a small sample workbook.',
  sourceLabel: 'Data source',
  sourceHint: 'A table keeps its range as rows are added; the selection reads the cells selected now.',
  currentSelection: 'Current selection',
  reloadTables: 'Reload tables',
  loadingTables: 'Looking for tables…',
  noTables: 'No tables in this workbook: select your data or format it as a table (Ctrl+T).',
  readData: 'Read data',
  reading: 'Reading…',
  rowsProgress: (read: string, total: string) => `${read} of ${total} rows`,
  rowsRead: (rows: string) => `${rows} rows read`,
  readFrom: (label: string, address: string) => `From ${label} (${address})`,
  columnsHeading: (count: string) => `${count} columns`,
  readFailed: 'Could not read the data',
  tablesFailed: 'Could not list the tables',
};

export type Strings = typeof en;

const id: Strings = {
  appTitle: 'Sales Metrics',
  appSubtitle: 'Pilih data penjualan Anda dan baca ke dalam add-in.',
  previewNotice: 'Pratinjau di luar Excel: menampilkan buku kerja contoh kecil.',
  sourceLabel: 'Sumber data',
  sourceHint: 'Tabel mengikuti baris yang ditambahkan; pilihan membaca sel yang dipilih saat ini.',
  currentSelection: 'Pilihan saat ini',
  reloadTables: 'Muat ulang tabel',
  loadingTables: 'Mencari tabel…',
  noTables: 'Tidak ada tabel di buku kerja ini: pilih data Anda atau jadikan tabel (Ctrl+T).',
  readData: 'Baca data',
  reading: 'Membaca…',
  rowsProgress: (read: string, total: string) => `${read} dari ${total} baris`,
  rowsRead: (rows: string) => `${rows} baris dibaca`,
  readFrom: (label: string, address: string) => `Dari ${label} (${address})`,
  columnsHeading: (count: string) => `${count} kolom`,
  readFailed: 'Data tidak dapat dibaca',
  tablesFailed: 'Daftar tabel tidak dapat dimuat',
};

const BY_LANGUAGE: Readonly<Record<string, Strings>> = { en, id };

/**
 * Strings for a BCP 47 language tag such as Office's `displayLanguage`; English when the
 * language is not translated.
 *
 * @example
 * stringsFor('id-ID').readData; // 'Baca data'
 * stringsFor('fr-FR').readData; // 'Read data'
 */
export function stringsFor(language: string | undefined): Strings {
  const primary = (language ?? 'en').toLowerCase().split('-')[0];
  return BY_LANGUAGE[primary] ?? en;
}
