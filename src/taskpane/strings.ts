import type { OrderRole } from '../core/table';

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
  /** Which language of the metric catalogue's bilingual labels to show. */
  catalogue: 'en' as 'en' | 'id',
  mappingHeading: 'Column mapping',
  mappingHint: 'The add-in guessed which column is which. Change any guess that is wrong.',
  noColumn: '— none —',
  requiredRole: 'required',
  chosenByYou: 'set',
  confidence: (percent: string) => `Confidence of the guess: ${percent}`,
  chosenByYouLong: 'Chosen by you',
  missingRoles: (roles: string) => `Required column missing: ${roles}`,
  moreRoles: (count: string) => `Show ${count} more roles`,
  fewerRoles: 'Show fewer roles',
  reportHeading: 'Rows',
  reportCounts: (read: string, used: string, skipped: string) =>
    `${read} read · ${used} used · ${skipped} skipped`,
  issueWhere: (row: string, column: string) => `Row ${row}, ${column}`,
  blankValue: '(blank)',
  moreIssues: (count: string) => `and ${count} more`,
  everyRowUsed: 'Every row was used.',
  kpiHeading: (period: string) => `Latest month: ${period}`,
  kpiWindow: (asOf: string, previous: string) =>
    `Up to ${asOf}, the latest order date; compared with ${previous}.`,
  kpiChange: (change: string) => `Change: ${change}`,
  noOrders: 'No usable orders, so there are no KPIs yet.',
  buildHeading: 'Sheets',
  buildHint:
    'Writes the Dashboard and this week’s Review into the workbook. What you type in the Review’s Actions is kept.',
  buildDashboard: 'Build dashboard',
  refreshReview: 'Refresh weekly review',
  working: 'Working…',
  jobDone: 'Done',
  jobFailed: 'The sheets were not written',
  goToSheet: (name: string) => `Go to ${name}`,
  fromRibbon: 'From the ribbon',
  dismiss: 'Dismiss',
  reviewBehind: (latest: string, current: string) =>
    `The latest review is ${latest}; this is ${current}. Refresh the weekly review to start this week’s.`,
  roles: {
    date: 'Order date',
    amount: 'Amount',
    order_id: 'Order ID',
    customer: 'Customer',
    quantity: 'Quantity',
    product: 'Product',
    category: 'Category',
    region: 'Region',
    rep: 'Sales rep',
    channel: 'Channel',
    segment: 'Segment',
    cost: 'Cost (COGS)',
  } as Readonly<Record<OrderRole, string>>,
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
  catalogue: 'id',
  mappingHeading: 'Pemetaan kolom',
  mappingHint: 'Add-in menebak kolom mana untuk apa. Ubah tebakan yang salah.',
  noColumn: '— tidak ada —',
  requiredRole: 'wajib',
  chosenByYou: 'dipilih',
  confidence: (percent: string) => `Keyakinan tebakan: ${percent}`,
  chosenByYouLong: 'Dipilih oleh Anda',
  missingRoles: (roles: string) => `Kolom wajib belum ada: ${roles}`,
  moreRoles: (count: string) => `Tampilkan ${count} peran lain`,
  fewerRoles: 'Tampilkan lebih sedikit',
  reportHeading: 'Baris',
  reportCounts: (read: string, used: string, skipped: string) =>
    `${read} dibaca · ${used} dipakai · ${skipped} dilewati`,
  issueWhere: (row: string, column: string) => `Baris ${row}, ${column}`,
  blankValue: '(kosong)',
  moreIssues: (count: string) => `dan ${count} lainnya`,
  everyRowUsed: 'Semua baris dipakai.',
  kpiHeading: (period: string) => `Bulan terakhir: ${period}`,
  kpiWindow: (asOf: string, previous: string) =>
    `Sampai ${asOf}, tanggal pesanan terakhir; dibandingkan dengan ${previous}.`,
  kpiChange: (change: string) => `Perubahan: ${change}`,
  noOrders: 'Tidak ada pesanan yang dapat dipakai, jadi belum ada KPI.',
  buildHeading: 'Lembar',
  buildHint:
    'Menulis Dasbor dan Tinjauan minggu ini ke buku kerja. Isian Anda di Tindakan pada Tinjauan tetap disimpan.',
  buildDashboard: 'Buat dasbor',
  refreshReview: 'Perbarui tinjauan mingguan',
  working: 'Sedang bekerja…',
  jobDone: 'Selesai',
  jobFailed: 'Lembar tidak ditulis',
  goToSheet: (name: string) => `Buka ${name}`,
  fromRibbon: 'Dari pita',
  dismiss: 'Tutup',
  reviewBehind: (latest: string, current: string) =>
    `Tinjauan terakhir adalah ${latest}; sekarang ${current}. Perbarui tinjauan mingguan untuk memulai minggu ini.`,
  roles: {
    date: 'Tanggal pesanan',
    amount: 'Nilai',
    order_id: 'ID pesanan',
    customer: 'Pelanggan',
    quantity: 'Jumlah',
    product: 'Produk',
    category: 'Kategori',
    region: 'Wilayah',
    rep: 'Tenaga penjual',
    channel: 'Kanal',
    segment: 'Segmen',
    cost: 'Biaya (HPP)',
  },
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
