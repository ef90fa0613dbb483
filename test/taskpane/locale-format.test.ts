import { NO_CURRENCY, RUPIAH } from '../../src/core/currency';
import { epochDay } from '../../src/core/ingest/dates';
import {
  formatCount,
  formatDate,
  formatMoney,
  formatPercent,
  formatPoints,
  htmlLang,
  paneLanguage,
} from '../../src/taskpane/locale-format';

const DOLLAR = { symbol: '$', decimals: 2 };
const EURO = { symbol: '€', decimals: 2 };

describe('formatMoney', () => {
  it('writes rupiah without decimals, grouped with dots in Indonesian', () => {
    expect(formatMoney(1250000, RUPIAH, 'id-ID')).toBe('Rp 1.250.000');
    expect(formatMoney(1250000.6, RUPIAH, 'id')).toBe('Rp 1.250.001');
    expect(formatMoney(1250000, RUPIAH, 'en-US')).toBe('Rp 1,250,000');
  });

  it('writes dollars with cents, the symbol against the number in English', () => {
    expect(formatMoney(1250, DOLLAR, 'en-US')).toBe('$1,250.00');
    expect(formatMoney(1250, DOLLAR, 'id-ID')).toBe('$ 1.250,00');
    expect(formatMoney(1250.5, EURO, 'en')).toBe('€1,250.50');
  });

  it('puts the minus before the symbol', () => {
    expect(formatMoney(-1250000, RUPIAH, 'id-ID')).toBe('-Rp 1.250.000');
    expect(formatMoney(-1250, DOLLAR, 'en-US')).toBe('-$1,250.00');
  });

  it('shows zero without a sign, also for a negative that rounds to zero', () => {
    expect(formatMoney(0, RUPIAH, 'id-ID')).toBe('Rp 0');
    expect(formatMoney(-0.4, RUPIAH, 'id-ID')).toBe('Rp 0');
    expect(formatMoney(-0.001, DOLLAR, 'en-US')).toBe('$0.00');
  });

  it('groups very large numbers', () => {
    expect(formatMoney(1_234_567_890_123, RUPIAH, 'id-ID')).toBe('Rp 1.234.567.890.123');
    expect(formatMoney(1e15, DOLLAR, 'en-US')).toBe('$1,000,000,000,000,000.00');
  });

  it('has no symbol and two decimals when the currency is unknown or none', () => {
    expect(formatMoney(1250, undefined, 'id-ID')).toBe('1.250,00');
    expect(formatMoney(1250, NO_CURRENCY, 'en-US')).toBe('1,250.00');
  });

  it('shows a dash for what is not a number', () => {
    expect(formatMoney(NaN, RUPIAH, 'id-ID')).toBe('—');
    expect(formatMoney(Infinity, DOLLAR, 'en-US')).toBe('—');
  });
});

describe('formatCount, formatPercent, formatPoints', () => {
  it('counts whole numbers', () => {
    expect(formatCount(1250, 'id-ID')).toBe('1.250');
    expect(formatCount(1250, 'en-US')).toBe('1,250');
    expect(formatCount(0, 'id-ID')).toBe('0');
    expect(formatCount(-0.3, 'en')).toBe('0');
    expect(formatCount(9_876_543_210, 'id')).toBe('9.876.543.210');
  });

  it('writes a ratio as a percent with one decimal', () => {
    expect(formatPercent(0.1234, 'id-ID')).toBe('12,3%');
    expect(formatPercent(0.1234, 'en-US')).toBe('12.3%');
    expect(formatPercent(0, 'id-ID')).toBe('0,0%');
    expect(formatPercent(-0.00001, 'en')).toBe('0.0%');
    expect(formatPercent(-0.05, 'en')).toBe('-5.0%');
    expect(formatPercent(12.5, 'id')).toBe('1.250,0%');
  });

  it('writes a difference of ratios in signed percentage points', () => {
    expect(formatPoints(0.023, 'en-US')).toBe('+2.3 pp');
    expect(formatPoints(0.023, 'id-ID')).toBe('+2,3 poin');
    expect(formatPoints(-0.023, 'id-ID')).toBe('-2,3 poin');
    expect(formatPoints(0, 'en')).toBe('0.0 pp');
    expect(formatPoints(-0.0001, 'en')).toBe('0.0 pp');
  });
});

describe('formatDate', () => {
  it('writes the day first with a short month in both languages', () => {
    expect(formatDate(epochDay(2026, 12, 5), 'id-ID')).toBe('5 Des 2026');
    expect(formatDate(epochDay(2026, 12, 5), 'en-US')).toBe('5 Dec 2026');
    expect(formatDate(epochDay(2026, 8, 17), 'id')).toBe('17 Agu 2026');
    expect(formatDate(epochDay(2026, 9, 1), 'en-GB')).toBe('1 Sep 2026');
  });

  it('crosses a year boundary', () => {
    expect(formatDate(epochDay(2026, 12, 31), 'id-ID')).toBe('31 Des 2026');
    expect(formatDate(epochDay(2027, 1, 1), 'id-ID')).toBe('1 Jan 2027');
    expect(formatDate(epochDay(2026, 12, 31) + 0.99, 'en')).toBe('31 Dec 2026');
    expect(formatDate(epochDay(2027, 1, 1), 'en')).toBe('1 Jan 2027');
  });

  it('handles the epoch, early dates and non-numbers', () => {
    expect(formatDate(0, 'en')).toBe('1 Jan 1970');
    expect(formatDate(epochDay(1900, 3, 1), 'id')).toBe('1 Mar 1900');
    expect(formatDate(NaN, 'id')).toBe('—');
    expect(formatDate(1e12, 'en')).toBe('—');
  });
});

describe('languages', () => {
  it('reads the language of a tag and gives the html lang', () => {
    expect(paneLanguage('id-ID')).toBe('id');
    expect(paneLanguage('ID')).toBe('id');
    expect(paneLanguage('en-GB')).toBe('en');
    expect(paneLanguage('fr-FR')).toBe('en');
    expect(paneLanguage(undefined)).toBe('en');
    expect(htmlLang('id')).toBe('id');
    expect(htmlLang('en')).toBe('en');
  });
});
