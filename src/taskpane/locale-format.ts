/**
 * Numbers, money and dates as the pane shows them, in English or Indonesian. Every function takes
 * a locale as Office gives it (`id-ID`, `en-US`, or just `id` / `en`); any Indonesian tag gives
 * Indonesian, everything else English, the same rule as the pane's words (strings.ts).
 */
import type { Currency } from '../core/currency';

export type PaneLanguage = 'en' | 'id';

/** Shown for a value that is not a finite number, instead of `NaN` or `∞`. */
const NOT_A_NUMBER = '—';

const DAY_MS = 86_400_000;

/**
 * The pane's language of a BCP 47 tag.
 * @example paneLanguage('id-ID') // 'id'
 * @example paneLanguage('fr-FR') // 'en'
 */
export function paneLanguage(locale: string | undefined): PaneLanguage {
  return (locale ?? 'en').toLowerCase().split('-')[0] === 'id' ? 'id' : 'en';
}

/**
 * The `<html lang>` value of a language, so screen readers pronounce the pane's words right.
 * @example htmlLang('id') // 'id'
 */
export function htmlLang(language: PaneLanguage): string {
  return language === 'id' ? 'id' : 'en';
}

// One Intl tag per language: grouping and decimal marks must not change with the user's region
// (en-GB and en-US agree on numbers; the date order is fixed by `formatDate` itself).
const TAG: Readonly<Record<PaneLanguage, string>> = { en: 'en-US', id: 'id-ID' };

const formats = new Map<string, Intl.NumberFormat>();

/** Formatters are costly to build and the pane formats hundreds of figures per render. */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const tag = TAG[paneLanguage(locale)];
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tag, options);
    formats.set(key, format);
  }
  return format;
}

/**
 * Money with its currency: `Rp 1.250.000` (rupiah has no decimals), `$1,250.00`; no symbol and two
 * decimals when the currency is unknown. The minus goes before the symbol, as both languages write it.
 * @example formatMoney(1250000, RUPIAH, 'id-ID') // 'Rp 1.250.000'
 * @example formatMoney(-1250, { symbol: '$', decimals: 2 }, 'en-US') // '-$1,250.00'
 */
export function formatMoney(value: number, currency: Currency | undefined, locale: string): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  const symbol = currency?.symbol ?? '';
  const decimals = currency?.decimals ?? 2;
  const digits = numberFormat(locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(Math.abs(value));
  // A value that rounds to zero shows no minus (`-Rp 0` reads as a loss).
  const sign = value < 0 && /[1-9]/.test(digits) ? '-' : '';
  // Indonesian always spaces the symbol (`Rp 5.000`, `US$ 5`); English only after letters (`Rp 5,000`, `$5.00`).
  const spaced = symbol !== '' && (paneLanguage(locale) === 'id' || /\p{L}$/u.test(symbol));
  return `${sign}${symbol}${spaced ? ' ' : ''}${digits}`;
}

/**
 * A whole count with the language's grouping.
 * @example formatCount(1250, 'id-ID') // '1.250'
 */
export function formatCount(value: number, locale: string): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(
    Math.round(value) || 0, // `|| 0`: no `-0` for a small negative
  );
}

/**
 * A ratio as a percent with one decimal.
 * @example formatPercent(0.1234, 'id-ID') // '12,3%'
 * @example formatPercent(0.1234, 'en') // '12.3%'
 */
export function formatPercent(ratio: number, locale: string): string {
  if (!Number.isFinite(ratio)) return NOT_A_NUMBER;
  const shown = Math.round(ratio * 1000) === 0 ? 0 : ratio; // no `-0.0%`
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(shown);
}

/**
 * A difference of two ratios in percentage points, signed since it is a change.
 * @example formatPoints(0.023, 'en-US') // '+2.3 pp'
 * @example formatPoints(-0.023, 'id-ID') // '-2,3 poin'
 */
export function formatPoints(difference: number, locale: string): string {
  if (!Number.isFinite(difference)) return NOT_A_NUMBER;
  const points = numberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(difference * 100);
  return `${points} ${paneLanguage(locale) === 'id' ? 'poin' : 'pp'}`;
}

/**
 * A day from its epoch day (days since 1970-01-01 UTC; a time of day is dropped), day first in
 * both languages so `5/12` is never in doubt.
 * @example formatDate(20792, 'id-ID') // '5 Des 2026'
 * @example formatDate(20792, 'en-US') // '5 Dec 2026'
 */
export function formatDate(epochDay: number, locale: string): string {
  if (!Number.isFinite(epochDay)) return NOT_A_NUMBER;
  const date = new Date(Math.floor(epochDay) * DAY_MS);
  if (!Number.isFinite(date.getTime())) return NOT_A_NUMBER;
  // Parts, not the formatted string: en-US would write `Dec 5, 2026` and en-GB `5 Sept 2026`.
  const parts = new Intl.DateTimeFormat(TAG[paneLanguage(locale)], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}`;
}
