/**
 * The currency money is shown in: a symbol and one number of decimals for every money figure.
 * It comes from the configuration when set; else from the data when amounts are written with a
 * currency (`Rp 1.250.000`); else rupiah for data with Indonesian headers; else none.
 */
import type { ColumnFormat } from './ingest/columns';

export interface Currency {
  /** Shown before the number, e.g. `Rp`, `$`, `€`; empty for none. */
  readonly symbol: string;
  /** Decimals of every money figure (0 for rupiah, whose cents are not used). */
  readonly decimals: number;
}

/** No currency symbol; money with two decimals. */
export const NO_CURRENCY: Currency = { symbol: '', decimals: 2 };
export const RUPIAH: Currency = { symbol: 'Rp', decimals: 0 };

/** Markers as amount text writes them → the currency shown. */
const BY_MARKER: Readonly<Record<string, Currency>> = {
  Rp: RUPIAH,
  IDR: RUPIAH,
  $: { symbol: '$', decimals: 2 },
  US$: { symbol: '$', decimals: 2 },
  USD: { symbol: '$', decimals: 2 },
  '€': { symbol: '€', decimals: 2 },
  EUR: { symbol: '€', decimals: 2 },
  '£': { symbol: '£', decimals: 2 },
  GBP: { symbol: '£', decimals: 2 },
  S$: { symbol: 'S$', decimals: 2 },
  SGD: { symbol: 'S$', decimals: 2 },
  A$: { symbol: 'A$', decimals: 2 },
  AUD: { symbol: 'A$', decimals: 2 },
  RM: { symbol: 'RM', decimals: 2 },
  MYR: { symbol: 'RM', decimals: 2 },
  '¥': { symbol: '¥', decimals: 0 },
};

/** Header words that mark a table as Indonesian (lower case, without accents). */
const INDONESIAN_WORDS = [
  'tanggal',
  'tgl',
  'pelanggan',
  'penjualan',
  'pendapatan',
  'jumlah',
  'harga',
  'wilayah',
  'produk',
  'kategori',
  'pesanan',
  'faktur',
  'omzet',
  'omset',
  'nilai',
  'kota',
  'cabang',
  'toko',
  'barang',
  'transaksi',
];

/** True when at least two headers are Indonesian words (or contain one as a word). */
export function looksIndonesian(headers: readonly string[]): boolean {
  let hits = 0;
  for (const header of headers) {
    const words = String(header)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .split(/[^a-z]+/);
    if (words.some((w) => INDONESIAN_WORDS.includes(w))) hits++;
  }
  return hits >= 2;
}

/**
 * The currency of a marker written in the data (`Rp`, `IDR`, `$`, `€`…).
 * @example currencyOfMarker('IDR') // { symbol: 'Rp', decimals: 0 }
 */
export function currencyOfMarker(marker: string | undefined): Currency | undefined {
  return marker === undefined ? undefined : (BY_MARKER[marker] ?? BY_MARKER[marker.toUpperCase()]);
}

/**
 * The currency the data suggests: the amount column's marker, else rupiah for Indonesian headers,
 * else none (`undefined`).
 * @example detectCurrency(result.formats, result.table.headers)
 */
export function detectCurrency(
  formats: readonly ColumnFormat[],
  headers: readonly string[],
): Currency | undefined {
  const amount = formats.find((f) => f.role === 'amount');
  return currencyOfMarker(amount?.currency) ?? (looksIndonesian(headers) ? RUPIAH : undefined);
}

/**
 * Reads a currency as people write it: `Rp`, `IDR`, `$`, `EUR`, `none`, optionally with decimals
 * after a colon (`Rp:2`, `$:0`). `null` for none; `undefined` when unreadable.
 * @example parseCurrency('Rp') // { symbol: 'Rp', decimals: 0 }
 * @example parseCurrency('CHF:2') // { symbol: 'CHF', decimals: 2 }
 */
export function parseCurrency(text: string): Currency | null | undefined {
  const [rawSymbol, rawDecimals, ...rest] = text.trim().split(':');
  if (rest.length > 0) return undefined;
  const symbol = rawSymbol.trim();
  if (/^(none|-|)$/i.test(symbol)) {
    if (rawDecimals === undefined) return null;
    const decimals = decimalsOf(rawDecimals);
    return decimals === undefined ? undefined : { symbol: '', decimals };
  }
  if (symbol.length > 5 || /["\\;[\]]/.test(symbol)) return undefined;
  const known = currencyOfMarker(symbol);
  const base = known ?? { symbol, decimals: 2 };
  if (rawDecimals === undefined) return base;
  const decimals = decimalsOf(rawDecimals);
  return decimals === undefined ? undefined : { symbol: base.symbol, decimals };
}

function decimalsOf(text: string): number | undefined {
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 0 && n <= 4 ? n : undefined;
}

/** A stored currency setting (`{ symbol, decimals }`) when well formed. */
export function currencyFromSetting(value: unknown): Currency | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { symbol, decimals } = value as Record<string, unknown>;
  if (typeof symbol !== 'string' || symbol.length > 5 || /["\\;[\]]/.test(symbol)) return undefined;
  if (!Number.isInteger(decimals) || (decimals as number) < 0 || (decimals as number) > 4) return undefined;
  return { symbol, decimals: decimals as number };
}
