/**
 * The words of the pane's "Metrics & settings" step in English and Indonesian. Kept apart from
 * `strings.ts` so the step can be read and translated on its own; the order columns' names come
 * from there, so the mapping and the catalogue call a column the same.
 */
import type { MetricTableKind } from '../core/metrics';
import type { PeriodUnit } from '../core/periods';
import type { OrderRole, PipelineRole, SpendRole } from '../core/table';
import type { FamilyId } from './catalogue';
import { stringsFor } from './strings';

/** The preset currencies the form offers besides "from the data", "none" and "other". */
export type PresetSymbol = 'Rp' | '$' | '€';

export interface SettingsStrings {
  readonly stepHeading: string;
  readonly catalogueHeading: string;
  readonly catalogueHint: string;
  readonly families: Readonly<Record<FamilyId, string>>;
  readonly familyReady: (ready: string, total: string) => string;
  readonly ready: string;
  /** "Needs the Customer column and a marketing spend table". */
  readonly needs: (columns: readonly string[], tables: readonly MetricTableKind[]) => string;
  readonly columns: {
    readonly orders: Readonly<Record<OrderRole, string>>;
    readonly pipeline: Readonly<Record<PipelineRole, string>>;
    readonly spend: Readonly<Record<SpendRole, string>>;
  };
  readonly formula: (text: string) => string;
  readonly moreAbout: string;
  readonly lessAbout: string;
  readonly settingsHeading: string;
  readonly asOfLabel: string;
  /** The hint under the as-of day; the data's latest day when known, formatted. */
  readonly asOfHint: (latestDay?: string) => string;
  readonly asOfInvalid: string;
  readonly useLatestDay: string;
  readonly unitLabel: string;
  readonly units: Readonly<Record<PeriodUnit, string>>;
  readonly periodsLabel: string;
  readonly periodsHint: string;
  readonly periodsInvalid: string;
  readonly fiscalLabel: string;
  /** January … December. */
  readonly months: readonly string[];
  readonly weekStartLabel: string;
  /** Monday … Sunday (ISO order, as `weekStartsOn` numbers them). */
  readonly weekdays: readonly string[];
  readonly currencyLabel: string;
  /** The "from the data" choice, with what the data suggested (or nothing found). */
  readonly currencyFromData: (found?: string) => string;
  readonly currencyNone: string;
  readonly currencyPresets: Readonly<Record<PresetSymbol, string>>;
  readonly currencyOther: string;
  readonly symbolLabel: string;
  readonly symbolInvalid: string;
  readonly decimalsLabel: string;
  readonly currencyExample: (shown: string) => string;
  readonly dimensionsLabel: string;
  readonly dimensionsHint: string;
  readonly noDimensions: string;
  readonly staleMultipleLabel: string;
  readonly staleMultipleHint: string;
  readonly staleMultipleInvalid: string;
  readonly includeStaleLabel: string;
}

/** "A", "A and B", "A, B and C" in the language's own way. */
function listOf(language: string, items: readonly string[]): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}

const en: SettingsStrings = {
  stepHeading: 'Metrics & settings',
  catalogueHeading: 'Metrics',
  catalogueHint: 'What each metric measures, and whether your data has what it needs.',
  families: { orders: 'Orders', pipeline: 'Pipeline', marketing: 'Marketing' },
  familyReady: (ready, total) => `${ready} of ${total} ready`,
  ready: 'Ready',
  needs: (columns, tables) => {
    const tableText = {
      orders: 'an orders table',
      pipeline: 'a pipeline table',
      spend: 'a marketing spend table',
    };
    const parts = tables.map((table) => tableText[table]);
    if (columns.length > 0)
      parts.unshift(`the ${listOf('en', columns)} column${columns.length > 1 ? 's' : ''}`);
    return `Needs ${listOf('en', parts)}`;
  },
  columns: {
    orders: stringsFor('en').roles,
    pipeline: stringsFor('en').sideRoles.pipeline,
    spend: stringsFor('en').sideRoles.spend,
  },
  formula: (text) => `Formula: ${text}`,
  moreAbout: 'More',
  lessAbout: 'Less',
  settingsHeading: 'Settings',
  asOfLabel: 'As-of day',
  asOfHint: (latestDay) =>
    latestDay === undefined
      ? 'Leave empty for the latest day in the data.'
      : `Leave empty for the latest day in the data: ${latestDay}.`,
  asOfInvalid: 'Enter a real date, such as 2026-03-31.',
  useLatestDay: 'Use the latest day',
  unitLabel: 'Dashboard period',
  units: { day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter', year: 'Year' },
  periodsLabel: 'Trend length',
  periodsHint: 'Periods in the trend, 2 to 120.',
  periodsInvalid: 'Enter a whole number from 2 to 120.',
  fiscalLabel: 'Fiscal year starts in',
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  weekStartLabel: 'Week starts on',
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  currencyLabel: 'Currency',
  currencyFromData: (found) =>
    found === undefined ? 'From the data (none found)' : `From the data (${found})`,
  currencyNone: 'None (plain numbers)',
  currencyPresets: { Rp: 'Rp (rupiah)', $: '$ (dollar)', '€': '€ (euro)' },
  currencyOther: 'Other symbol…',
  symbolLabel: 'Symbol',
  symbolInvalid:
    'Enter a symbol of up to 5 characters, without quotes, colons, semicolons, brackets or backslashes.',
  decimalsLabel: 'Decimals',
  currencyExample: (shown) => `Money is shown as ${shown}.`,
  dimensionsLabel: 'Breakdowns',
  dimensionsHint: 'The dashboard breaks results down by the checked columns.',
  staleMultipleLabel: 'Stale deal after (median sales cycles)',
  staleMultipleHint:
    'An open deal older than this many median sales cycles is stale: listed, and left out of the forecast.',
  staleMultipleInvalid: 'Enter a number above 0, such as 2 or 1.5.',
  includeStaleLabel: 'Count stale deals in the forecast and pipeline coverage',
  noDimensions: 'The orders have no columns to break results down by.',
};

const id: SettingsStrings = {
  stepHeading: 'Metrik & pengaturan',
  catalogueHeading: 'Metrik',
  catalogueHint: 'Apa yang diukur tiap metrik, dan apakah data Anda memiliki yang dibutuhkannya.',
  families: { orders: 'Pesanan', pipeline: 'Pipeline penjualan', marketing: 'Pemasaran' },
  familyReady: (ready, total) => `${ready} dari ${total} siap`,
  ready: 'Siap',
  needs: (columns, tables) => {
    const tableText = {
      orders: 'tabel pesanan',
      pipeline: 'tabel pipeline penjualan',
      spend: 'tabel belanja pemasaran',
    };
    const parts = tables.map((table) => tableText[table]);
    if (columns.length > 0) parts.unshift(`kolom ${listOf('id', columns)}`);
    return `Perlu ${listOf('id', parts)}`;
  },
  columns: {
    orders: stringsFor('id').roles,
    pipeline: stringsFor('id').sideRoles.pipeline,
    spend: stringsFor('id').sideRoles.spend,
  },
  formula: (text) => `Rumus: ${text}`,
  moreAbout: 'Selengkapnya',
  lessAbout: 'Ringkas',
  settingsHeading: 'Pengaturan',
  asOfLabel: 'Tanggal acuan',
  asOfHint: (latestDay) =>
    latestDay === undefined
      ? 'Kosongkan untuk memakai hari terakhir dalam data.'
      : `Kosongkan untuk memakai hari terakhir dalam data: ${latestDay}.`,
  asOfInvalid: 'Masukkan tanggal yang benar, misalnya 2026-03-31.',
  useLatestDay: 'Pakai hari terakhir',
  unitLabel: 'Periode dasbor',
  units: { day: 'Hari', week: 'Minggu', month: 'Bulan', quarter: 'Kuartal', year: 'Tahun' },
  periodsLabel: 'Panjang tren',
  periodsHint: 'Jumlah periode dalam tren, 2 sampai 120.',
  periodsInvalid: 'Masukkan bilangan bulat dari 2 sampai 120.',
  fiscalLabel: 'Tahun fiskal dimulai pada',
  months: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  weekStartLabel: 'Minggu dimulai pada hari',
  weekdays: ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'],
  currencyLabel: 'Mata uang',
  currencyFromData: (found) => (found === undefined ? 'Dari data (tidak ditemukan)' : `Dari data (${found})`),
  currencyNone: 'Tanpa mata uang (angka biasa)',
  currencyPresets: { Rp: 'Rp (rupiah)', $: '$ (dolar)', '€': '€ (euro)' },
  currencyOther: 'Simbol lain…',
  symbolLabel: 'Simbol',
  symbolInvalid:
    'Masukkan simbol hingga 5 karakter, tanpa tanda kutip, titik dua, titik koma, kurung siku, atau garis miring terbalik.',
  decimalsLabel: 'Jumlah desimal',
  currencyExample: (shown) => `Uang ditampilkan sebagai ${shown}.`,
  dimensionsLabel: 'Rincian',
  dimensionsHint: 'Dasbor merinci hasil menurut kolom yang dicentang.',
  staleMultipleLabel: 'Transaksi basi setelah (median siklus penjualan)',
  staleMultipleHint:
    'Transaksi terbuka yang lebih tua dari sekian kali median siklus penjualan dianggap basi: dicantumkan, dan tidak dihitung dalam prakiraan.',
  staleMultipleInvalid: 'Masukkan angka di atas 0, misalnya 2 atau 1,5.',
  includeStaleLabel: 'Hitung transaksi basi dalam prakiraan dan cakupan pipeline',
  noDimensions: 'Pesanan tidak memiliki kolom untuk merinci hasil.',
};

const BY_LANGUAGE: Readonly<Record<string, SettingsStrings>> = { en, id };

/**
 * The step's strings for a BCP 47 language tag such as Office's `displayLanguage`; English when
 * the language is not translated.
 *
 * @example
 * settingsStrings('id-ID').weekdays[0]; // 'Senin'
 * settingsStrings('en-GB').needs(['Customer'], ['spend']); // 'Needs the Customer column and a marketing spend table'
 */
export function settingsStrings(language: string): SettingsStrings {
  return BY_LANGUAGE[language.toLowerCase().split('-')[0]] ?? en;
}
