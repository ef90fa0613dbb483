import type { GoalStatus } from '../core/goals';
import type { OrderRole, PipelineRole, SpendRole, TargetRole } from '../core/table';

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
  chosenByYouLong: 'Chosen by you, or saved with the workbook',
  missingRoles: (roles: string) => `Required column missing: ${roles}`,
  moreRoles: (count: string) => `Show ${count} more roles`,
  fewerRoles: 'Show fewer roles',
  reportHeading: 'Rows',
  reportCounts: (read: string, used: string, skipped: string) =>
    `${read} read · ${used} used · ${skipped} skipped`,
  reportAfter: (count: string, day: string) => `${count} after ${day}, not counted`,
  reportDates: (first: string, last: string) => `Dates ${first} – ${last}`,
  reportAsOf: (day: string, given: boolean) =>
    given ? `As of ${day}, the day set in Metrics & settings` : `As of ${day}, the latest date in the data`,
  issueWhere: (row: string, column: string) => `Row ${row}, ${column}`,
  blankValue: '(blank)',
  moreIssues: (count: string) => `and ${count} more`,
  everyRowUsed: 'Every row was used.',
  kpiHeading: (period: string) => `Latest month: ${period}`,
  kpiWindow: (asOf: string, previous: string, given = false) =>
    `Up to ${asOf}, ${given ? 'the as-of day set in Metrics & settings' : 'the latest order date'}; compared with the same days of the month before (${previous}).`,
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
  tabs: {
    data: 'Data',
    settings: 'Metrics & settings',
    goals: 'Goals & benchmarks',
    build: 'Build',
    week: 'This week',
  },
  stepsLabel: 'Steps',
  previewHeading: 'First rows',
  dateOrderLabel: 'Dates in text are written',
  dateOrders: {
    auto: 'as the add-in detects',
    dmy: 'day first (31/12/2026)',
    mdy: 'month first (12/31/2026)',
    ymd: 'year first (2026-12-31)',
  },
  warnLooksLike: (table: 'pipeline' | 'spend'): string =>
    table === 'pipeline'
      ? 'This looks like a pipeline (it has a status with won/lost), not orders.'
      : 'This looks like marketing spend, not orders.',
  useAs: (table: 'pipeline' | 'spend'): string =>
    table === 'pipeline' ? 'Use it as the pipeline' : 'Use it as spend',
  warnUnsure: (roles: string) => `The add-in is unsure which column is ${roles}: check the mapping below.`,
  warnPercent: 'The amounts look like percentages, not money: check that the right column is the amount.',
  warnCurrencies: (markers: string) =>
    `The amounts are in several currencies (${markers}): they would be added up as if they were one.`,
  moreTables: 'More tables (optional)',
  sideTable: { pipeline: 'Pipeline', spend: 'Marketing spend', targets: 'Targets' },
  sideNone: '— none —',
  sideReady: (rows: string) => `${rows} rows with the columns needed`,
  sideMissing: (message: string) => `Not usable: ${message}`,
  sideSaved: 'Saved by an earlier build (a sheet or file); read again when the dashboard is built.',
  sideColumns: 'Columns',
  sideColumnsHide: 'Hide columns',
  sideFound: (header: string) => `Detected: ${header}`,
  sideNotFound: 'Not found',
  sideDetectAgain: 'Detect',
  sideRequired: 'required',
  sideRoles: {
    pipeline: {
      created: 'Created date',
      status: 'Status',
      id: 'Deal ID',
      closed: 'Close date',
      value: 'Deal value',
      rep: 'Sales rep',
      source: 'Lead source',
      region: 'Region',
      expected_close: 'Expected close date',
      probability: 'Win probability',
      stage: 'Stage',
      forecast_category: 'Forecast category',
    },
    spend: {
      date: 'Spend date',
      spend: 'Spend',
      channel: 'Channel',
      end: 'End date',
      period: 'Period covered',
    },
    targets: {
      metric: 'Metric',
      period: 'Period',
      target: 'Target',
      rep: 'Sales rep',
      region: 'Region',
    },
  } as {
    readonly pipeline: Readonly<Record<PipelineRole, string>>;
    readonly spend: Readonly<Record<SpendRole, string>>;
    readonly targets: Readonly<Record<TargetRole, string>>;
  },
  saving: 'Saving settings…',
  saved: 'Settings saved in the workbook.',
  saveFailed: 'The settings could not be saved',
  cancel: 'Cancel',
  previewSheetNote:
    'Preview of the sheet written into the sample workbook (values; formula results in italics).',
  progressLabel: 'Progress',
  weekHeading: (week: string) => `This week: ${week}`,
  weekNeedsData: 'Read your orders (Data) to see this week at a glance.',
  weekColumns: { metric: 'Metric', now: 'This week', last: 'Same days last week', pace: 'Goal pace' },
  weekHeaded: 'Where the week is headed',
  weekProjected: (metric: string, share: string) => `${metric}: ${share} of the week's goal`,
  weekInterval: (low: string, high: string) => `80 % interval ${low}–${high}`,
  weekProjectedValue: (value: string, interval?: string) =>
    interval ? `Projected ${value} (${interval})` : `Projected ${value}`,
  weekByEts: (model: string, weeks: string, daysLeft: number) =>
    `to date + the ${model} forecast of the ${daysLeft === 1 ? 'day' : `${daysLeft} days`} left (${weeks} complete weeks fitted)`,
  weekByRunRate: (reason: string) => `at the run rate (${reason})`,
  goalStatus: { 'on track': 'On track', 'at risk': 'At risk', 'off track': 'Off track' } as Readonly<
    Record<GoalStatus, string>
  >,
  openActionsHeading: 'Open actions',
  noOpenActions: 'No open actions in the latest review.',
  goToAction: 'Go to',
  dueOn: (day: string) => `due ${day}`,
  /** A job's progress line in the pane's language (the jobs report in English). */
  stage: (message: string): string => message,
  /** A job's outcome in the pane's language; English keeps the job's own summary. */
  jobSummary: (summary: string, _sheets: readonly string[]): string => summary,
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
    profit: 'Profit',
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
  chosenByYouLong: 'Dipilih oleh Anda, atau tersimpan di buku kerja',
  missingRoles: (roles: string) => `Kolom wajib belum ada: ${roles}`,
  moreRoles: (count: string) => `Tampilkan ${count} peran lain`,
  fewerRoles: 'Tampilkan lebih sedikit',
  reportHeading: 'Baris',
  reportCounts: (read: string, used: string, skipped: string) =>
    `${read} dibaca · ${used} dipakai · ${skipped} dilewati`,
  reportAfter: (count: string, day: string) => `${count} setelah ${day}, tidak dihitung`,
  reportDates: (first: string, last: string) => `Tanggal ${first} – ${last}`,
  reportAsOf: (day: string, given: boolean) =>
    given
      ? `Tanggal acuan ${day}, diatur di Metrik & pengaturan`
      : `Tanggal acuan ${day}, tanggal terakhir dalam data`,
  issueWhere: (row: string, column: string) => `Baris ${row}, ${column}`,
  blankValue: '(kosong)',
  moreIssues: (count: string) => `dan ${count} lainnya`,
  everyRowUsed: 'Semua baris dipakai.',
  kpiHeading: (period: string) => `Bulan terakhir: ${period}`,
  kpiWindow: (asOf: string, previous: string, given = false) =>
    `Sampai ${asOf}, ${given ? 'tanggal acuan di Metrik & pengaturan' : 'tanggal pesanan terakhir'}; dibandingkan dengan hari yang sama bulan sebelumnya (${previous}).`,
  kpiChange: (change: string) => `Perubahan: ${change}`,
  noOrders: 'Tidak ada pesanan yang dapat dipakai, jadi belum ada KPI.',
  buildHeading: 'Lembar',
  buildHint:
    'Menulis lembar Dashboard dan Review minggu ini ke buku kerja. Isian Anda di Actions pada Review tetap disimpan.',
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
  tabs: {
    data: 'Sumber data',
    settings: 'Metrik & pengaturan',
    goals: 'Sasaran & tolok ukur',
    build: 'Buat',
    week: 'Minggu ini',
  },
  stepsLabel: 'Langkah',
  previewHeading: 'Baris pertama',
  dateOrderLabel: 'Tanggal dalam teks ditulis',
  dateOrders: {
    auto: 'seperti yang dideteksi add-in',
    dmy: 'hari dulu (31/12/2026)',
    mdy: 'bulan dulu (12/31/2026)',
    ymd: 'tahun dulu (2026-12-31)',
  },
  warnLooksLike: (table: 'pipeline' | 'spend') =>
    table === 'pipeline'
      ? 'Ini tampak seperti pipeline (ada status menang/kalah), bukan pesanan.'
      : 'Ini tampak seperti biaya pemasaran, bukan pesanan.',
  useAs: (table: 'pipeline' | 'spend') =>
    table === 'pipeline' ? 'Pakai sebagai pipeline' : 'Pakai sebagai biaya',
  warnUnsure: (roles: string) => `Add-in ragu kolom mana yang ${roles}: periksa pemetaan di bawah.`,
  warnPercent: 'Nilainya tampak seperti persentase, bukan uang: pastikan kolom nilai sudah benar.',
  warnCurrencies: (markers: string) =>
    `Nilainya dalam beberapa mata uang (${markers}): semuanya akan dijumlahkan seolah satu mata uang.`,
  moreTables: 'Tabel lain (opsional)',
  sideTable: { pipeline: 'Pipeline penjualan', spend: 'Biaya pemasaran', targets: 'Target' },
  sideNone: '— tidak ada —',
  sideReady: (rows: string) => `${rows} baris dengan kolom yang diperlukan`,
  sideMissing: (message: string) => `Tidak dapat dipakai: ${message}`,
  sideSaved: 'Disimpan oleh pembuatan sebelumnya (lembar atau berkas); dibaca lagi saat dasbor dibuat.',
  sideColumns: 'Kolom',
  sideColumnsHide: 'Sembunyikan kolom',
  sideFound: (header: string) => `Terdeteksi: ${header}`,
  sideNotFound: 'Tidak ditemukan',
  sideDetectAgain: 'Deteksi',
  sideRequired: 'wajib',
  sideRoles: {
    pipeline: {
      created: 'Tanggal dibuat',
      status: 'Status peluang',
      id: 'ID peluang',
      closed: 'Tanggal ditutup',
      value: 'Nilai peluang',
      rep: 'Tenaga penjual',
      source: 'Sumber prospek',
      region: 'Wilayah',
      expected_close: 'Perkiraan tanggal tutup',
      probability: 'Probabilitas menang',
      stage: 'Tahap',
      forecast_category: 'Kategori prakiraan',
    },
    spend: {
      date: 'Tanggal belanja',
      spend: 'Belanja',
      channel: 'Kanal',
      end: 'Tanggal akhir',
      period: 'Periode belanja',
    },
    targets: {
      metric: 'Metrik',
      period: 'Periode',
      target: 'Target',
      rep: 'Tenaga penjual',
      region: 'Wilayah',
    },
  },
  saving: 'Menyimpan pengaturan…',
  saved: 'Pengaturan disimpan di buku kerja.',
  saveFailed: 'Pengaturan tidak dapat disimpan',
  cancel: 'Batal',
  previewSheetNote: 'Pratinjau lembar yang ditulis ke buku kerja contoh (nilai; hasil rumus dicetak miring).',
  progressLabel: 'Kemajuan',
  weekHeading: (week: string) => `Minggu ini: ${week}`,
  weekNeedsData: 'Baca data pesanan Anda (Data) untuk melihat ringkasan minggu ini.',
  weekColumns: {
    metric: 'Metrik',
    now: 'Minggu ini',
    last: 'Hari yang sama minggu lalu',
    pace: 'Laju sasaran',
  },
  weekHeaded: 'Arah minggu ini',
  weekProjected: (metric: string, share: string) => `${metric}: ${share} dari target minggu ini`,
  weekInterval: (low: string, high: string) => `interval 80 % ${low}–${high}`,
  weekProjectedValue: (value: string, interval?: string) =>
    interval ? `Proyeksi ${value} (${interval})` : `Proyeksi ${value}`,
  weekByEts: (model: string, weeks: string, daysLeft: number) =>
    `capaian sejauh ini + prakiraan ${model} untuk ${daysLeft} hari tersisa (${weeks} minggu penuh dipakai)`,
  weekByRunRate: (_reason: string) => 'pada laju saat ini (prakiraan belum dapat dibuat)',
  goalStatus: { 'on track': 'Sesuai jalur', 'at risk': 'Berisiko', 'off track': 'Tertinggal' },
  openActionsHeading: 'Tindakan terbuka',
  noOpenActions: 'Tidak ada tindakan terbuka di tinjauan terakhir.',
  goToAction: 'Buka',
  dueOn: (day: string) => `tenggat ${day}`,
  stage: (message: string): string => {
    const review = /^building the review of (\S+)$/.exec(message);
    if (review) return `menyusun tinjauan ${review[1]}`;
    const known: Record<string, string> = {
      'reading the data': 'membaca data',
      'building the dashboard and the weekly review': 'menyusun dasbor dan tinjauan mingguan',
      'writing the sheets': 'menulis lembar',
    };
    return known[message] ?? 'Sedang bekerja…';
  },
  jobSummary: (_summary: string, sheets: readonly string[]): string =>
    `Lembar ditulis: ${[...sheets].join(', ')}.`,
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
    profit: 'Laba',
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
