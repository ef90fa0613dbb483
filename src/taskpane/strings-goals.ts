import type { BenchmarkPeriod } from '../core/benchmarks';

/**
 * The words of the pane's "Goals & benchmarks" step in English and Indonesian. Kept apart from
 * `strings.ts` so the step can be built and translated on its own; the shape is the same
 * (plain texts, and functions for texts with blanks).
 */
export interface GoalsStrings {
  /** Which language of the catalogue's and the library's bilingual names to show. */
  readonly language: 'en' | 'id';
  readonly heading: string;
  readonly intro: string;
  // The goals grid.
  readonly goalsHeading: string;
  readonly noGoals: string;
  readonly addGoal: string;
  readonly goalLabel: (n: string) => string;
  readonly metric: string;
  readonly needsData: (metric: string) => string;
  readonly period: string;
  readonly periodHint: string;
  readonly scope: string;
  readonly wholeBusiness: string;
  readonly repScope: (name: string) => string;
  readonly regionScope: (name: string) => string;
  readonly target: string;
  readonly inPercent: string;
  readonly basis: (text: string) => string;
  readonly remove: string;
  readonly removeGoal: (n: string) => string;
  readonly tools: string;
  // Setting a target from the data or a benchmark.
  readonly growth: string;
  readonly growthHint: string;
  readonly fromLastYear: string;
  readonly fromBenchmark: string;
  readonly fixRowFirst: string;
  readonly readDataFirst: string;
  readonly noBaseline: (period: string) => string;
  readonly baselineUnfinished: (period: string) => string;
  readonly chooseIndustryFirst: string;
  readonly noBenchmark: (industry: string, metric: string) => string;
  // Field problems.
  readonly problems: {
    readonly required: string;
    readonly notANumber: string;
    readonly negative: string;
    readonly notWhole: string;
    readonly over100: string;
    readonly noPercent: string;
    readonly badPeriod: string;
    readonly dayPeriod: string;
    readonly duplicate: string;
    readonly sourceRequired: string;
    readonly growthFloor: string;
  };
  // Period labels the step writes itself.
  readonly quarterLabel: (quarter: string, year: string) => string;
  readonly fiscalYearLabel: (year: string) => string;
  readonly fiscalQuarterLabel: (quarter: string, year: string) => string;
  readonly weekLabel: (week: string, year: string) => string;
  // The split preview.
  readonly splitHeading: string;
  readonly splitInto: string;
  readonly months: string;
  readonly weeks: string;
  readonly splitHow: string;
  readonly even: string;
  readonly seasonal: string;
  readonly splitNote: string;
  readonly seasonalFallback: string;
  readonly sameRate: string;
  readonly notSplittable: string;
  /** Customers, retention, churn, active ratio: paced along last period's curve, never split. */
  readonly notSplitCurve: string;
  readonly partialWeek: string;
  readonly total: string;
  // Benchmarks and figures.
  readonly benchmarksHeading: string;
  readonly industry: string;
  readonly noIndustry: string;
  readonly industryFigures: (industry: string) => string;
  readonly per: Readonly<Record<BenchmarkPeriod, string>>;
  readonly monthsUnit: string;
  readonly daysUnit: string;
  readonly figuresHeading: string;
  readonly figuresHint: string;
  readonly noFigures: string;
  readonly addFigure: string;
  readonly figureLabel: (n: string) => string;
  readonly value: string;
  readonly whose: string;
  readonly own: string;
  readonly competitor: string;
  readonly source: string;
  readonly sourceHint: string;
  readonly removeFigure: (n: string) => string;
}

const en: GoalsStrings = {
  language: 'en',
  heading: 'Goals & benchmarks',
  intro: 'Set the targets the dashboard tracks and the figures you compare yourself with.',
  goalsHeading: 'Goals',
  noGoals: 'No goals yet. Add one to track it on the dashboard.',
  addGoal: 'Add goal',
  goalLabel: (n) => `Goal ${n}`,
  metric: 'Metric',
  needsData: (metric) => `${metric} (needs data)`,
  period: 'Period',
  periodHint: 'For example 2026, 2026-Q4, 2026-11, 2026-W48 or FY2027',
  scope: 'For',
  wholeBusiness: 'Whole business',
  repScope: (name) => `Rep: ${name}`,
  regionScope: (name) => `Region: ${name}`,
  target: 'Target',
  inPercent: 'In percent, for example 12.5 or 15%',
  basis: (text) => `Based on ${text}`,
  remove: 'Remove',
  removeGoal: (n) => `Remove goal ${n}`,
  tools: 'Set from data, split',
  growth: 'Growth %',
  growthHint: 'Negative for a planned fall, for example -5',
  fromLastYear: 'From last year',
  fromBenchmark: 'From benchmark',
  fixRowFirst: 'Choose a metric and a valid period first.',
  readDataFirst: 'Last year’s figure comes from the data: first read data that can compute this metric.',
  noBaseline: (period) => `No baseline: the data has nothing for ${period}.`,
  baselineUnfinished: (period) =>
    `No baseline: ${period} is not over yet, so it is not a full year’s figure.`,
  chooseIndustryFirst: 'Choose an industry under Benchmarks first.',
  noBenchmark: (industry, metric) => `${industry} has no figure for ${metric}.`,
  problems: {
    required: 'Required.',
    notANumber: 'Not a number. Type it like 1,250,000 or 1.250.000.',
    negative: 'Cannot be negative.',
    notWhole: 'Must be a whole number.',
    over100: 'Cannot be more than 100%.',
    noPercent: 'This metric is not a percentage: leave out the % sign.',
    badPeriod: 'Not a period. Type 2026, 2026-Q4, 2026-11, 2026-W48 or FY2027.',
    dayPeriod: 'A goal covers a year, quarter, month or week, not a single day.',
    duplicate: 'Another goal already has this metric, period and scope.',
    sourceRequired: 'Say where the figure comes from.',
    growthFloor: 'A fall of 100% or more leaves nothing to aim for.',
  },
  quarterLabel: (quarter, year) => `Q${quarter} ${year}`,
  fiscalYearLabel: (year) => `FY${year}`,
  fiscalQuarterLabel: (quarter, year) => `FY${year} Q${quarter}`,
  weekLabel: (week, year) => `Week ${week}, ${year}`,
  splitHeading: 'Split preview',
  splitInto: 'Split into',
  months: 'Months',
  weeks: 'Weeks',
  splitHow: 'How',
  even: 'Evenly by days',
  seasonal: 'Like last year',
  splitNote: 'A preview only; nothing here is saved.',
  seasonalFallback: 'Last year’s figures cannot shape this split, so it is spread evenly by days.',
  sameRate: 'A rate or a level is not divided: every part keeps the goal’s target.',
  notSplittable: 'Only year, quarter and month goals can be split.',
  notSplitCurve:
    'Customers, retention, churn and the active ratio do not add up over months or weeks: the goal is not split, it is paced along last period’s curve.',
  partialWeek: 'part week',
  total: 'Total',
  benchmarksHeading: 'Benchmarks',
  industry: 'Industry',
  noIndustry: '— none —',
  industryFigures: (industry) => `Published figures for ${industry}`,
  per: {
    day: 'per day',
    week: 'per week',
    month: 'per month',
    quarter: 'per quarter',
    year: 'per year',
    lifetime: 'over the customer history',
    any: '',
  },
  monthsUnit: 'months',
  daysUnit: 'days',
  figuresHeading: 'Your own and competitors’ figures',
  figuresHint: 'Figures to compare with, such as your plan or a rival’s annual report.',
  noFigures: 'No figures yet.',
  addFigure: 'Add figure',
  figureLabel: (n) => `Figure ${n}`,
  value: 'Value',
  whose: 'Whose',
  own: 'Own',
  competitor: 'Competitor',
  source: 'Source',
  sourceHint: 'For example: Our 2027 plan, or Rival Ltd annual report 2025',
  removeFigure: (n) => `Remove figure ${n}`,
};

const id: GoalsStrings = {
  language: 'id',
  heading: 'Target & tolok ukur',
  intro: 'Tetapkan target yang dipantau dasbor dan angka pembanding Anda.',
  goalsHeading: 'Target',
  noGoals: 'Belum ada target. Tambahkan satu agar dipantau di dasbor.',
  addGoal: 'Tambah target',
  goalLabel: (n) => `Target ${n}`,
  metric: 'Metrik',
  needsData: (metric) => `${metric} (perlu data)`,
  period: 'Periode',
  periodHint: 'Misalnya 2026, 2026-Q4, 2026-11, 2026-W48 atau FY2027',
  scope: 'Untuk',
  wholeBusiness: 'Seluruh bisnis',
  repScope: (name) => `Tenaga penjual: ${name}`,
  regionScope: (name) => `Wilayah: ${name}`,
  target: 'Nilai target',
  inPercent: 'Dalam persen, misalnya 12,5 atau 15%',
  basis: (text) => `Berdasarkan ${text}`,
  remove: 'Hapus',
  removeGoal: (n) => `Hapus target ${n}`,
  tools: 'Isi dari data, bagi',
  growth: 'Pertumbuhan %',
  growthHint: 'Negatif untuk rencana penurunan, misalnya -5',
  fromLastYear: 'Dari tahun lalu',
  fromBenchmark: 'Dari tolok ukur',
  fixRowFirst: 'Pilih metrik dan periode yang sah terlebih dahulu.',
  readDataFirst: 'Angka tahun lalu diambil dari data: baca dulu data yang dapat menghitung metrik ini.',
  noBaseline: (period) => `Tidak ada acuan: data tidak berisi apa pun untuk ${period}.`,
  baselineUnfinished: (period) =>
    `Tidak ada acuan: ${period} belum selesai, jadi angkanya belum mencakup satu periode penuh.`,
  chooseIndustryFirst: 'Pilih industri di bagian Tolok ukur terlebih dahulu.',
  noBenchmark: (industry, metric) => `${industry} tidak memiliki angka untuk ${metric}.`,
  problems: {
    required: 'Wajib diisi.',
    notANumber: 'Bukan angka. Ketik seperti 1.250.000 atau 1,250,000.',
    negative: 'Tidak boleh negatif.',
    notWhole: 'Harus bilangan bulat.',
    over100: 'Tidak boleh lebih dari 100%.',
    noPercent: 'Metrik ini bukan persentase: hilangkan tanda %.',
    badPeriod: 'Bukan periode. Ketik 2026, 2026-Q4, 2026-11, 2026-W48 atau FY2027.',
    dayPeriod: 'Target mencakup satu tahun, kuartal, bulan atau minggu, bukan satu hari.',
    duplicate: 'Sudah ada target lain dengan metrik, periode dan cakupan yang sama.',
    sourceRequired: 'Sebutkan asal angka ini.',
    growthFloor: 'Penurunan 100% atau lebih tidak menyisakan apa pun untuk dituju.',
  },
  quarterLabel: (quarter, year) => `Kuartal ${quarter} ${year}`,
  fiscalYearLabel: (year) => `Tahun fiskal ${year}`,
  fiscalQuarterLabel: (quarter, year) => `Kuartal ${quarter} tahun fiskal ${year}`,
  weekLabel: (week, year) => `Minggu ke-${week} ${year}`,
  splitHeading: 'Pratinjau pembagian',
  splitInto: 'Bagi menjadi',
  months: 'Bulan',
  weeks: 'Minggu',
  splitHow: 'Cara',
  even: 'Rata menurut hari',
  seasonal: 'Mengikuti tahun lalu',
  splitNote: 'Hanya pratinjau; tidak ada yang disimpan di sini.',
  seasonalFallback: 'Angka tahun lalu tidak dapat membentuk pembagian ini, jadi dibagi rata menurut hari.',
  sameRate: 'Rasio atau saldo tidak dibagi: setiap bagian memakai target yang sama.',
  notSplittable: 'Hanya target tahunan, kuartalan dan bulanan yang dapat dibagi.',
  notSplitCurve:
    'Pelanggan, retensi, churn dan rasio pelanggan aktif tidak dapat dijumlahkan per bulan atau minggu: target tidak dibagi, tetapi diukur mengikuti kurva periode sebelumnya.',
  partialWeek: 'minggu terpotong',
  total: 'Jumlah',
  benchmarksHeading: 'Tolok ukur',
  industry: 'Industri',
  noIndustry: '— tidak ada —',
  industryFigures: (industry) => `Angka terbitan untuk ${industry}`,
  per: {
    day: 'per hari',
    week: 'per minggu',
    month: 'per bulan',
    quarter: 'per kuartal',
    year: 'per tahun',
    lifetime: 'sepanjang riwayat pelanggan',
    any: '',
  },
  monthsUnit: 'bulan',
  daysUnit: 'hari',
  figuresHeading: 'Angka sendiri dan pesaing',
  figuresHint: 'Angka pembanding, seperti rencana Anda atau laporan tahunan pesaing.',
  noFigures: 'Belum ada angka.',
  addFigure: 'Tambah angka',
  figureLabel: (n) => `Angka ${n}`,
  value: 'Nilai',
  whose: 'Milik',
  own: 'Sendiri',
  competitor: 'Pesaing',
  source: 'Sumber',
  sourceHint: 'Misalnya: Rencana kami 2027, atau laporan tahunan PT Pesaing 2025',
  removeFigure: (n) => `Hapus angka ${n}`,
};

const BY_LANGUAGE: Readonly<Record<string, GoalsStrings>> = { en, id };

/**
 * The step's words for a BCP 47 language tag; English when the language is not translated.
 *
 * @example
 * goalsStrings('id-ID').addGoal; // 'Tambah target'
 * goalsStrings('fr-FR').addGoal; // 'Add goal'
 */
export function goalsStrings(language: string): GoalsStrings {
  const primary = (language || 'en').toLowerCase().split('-')[0];
  return BY_LANGUAGE[primary] ?? en;
}
