/**
 * Period units and the calendar settings that shape them (week start, fiscal year start).
 */

export const PERIOD_UNITS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

export interface Calendar {
  /** First day of the week, ISO numbering: 1 = Monday (ISO 8601, the default) … 7 = Sunday. */
  readonly weekStartsOn: number;
  /** Month (1–12) in which the fiscal year starts; 1 = calendar year. */
  readonly fiscalYearStartMonth: number;
}

export const DEFAULT_CALENDAR: Calendar = { weekStartsOn: 1, fiscalYearStartMonth: 1 };

/** A calendar with out-of-range settings replaced by the defaults. */
export function calendarOf(partial: Partial<Calendar> = {}): Calendar {
  const week = partial.weekStartsOn;
  const fiscal = partial.fiscalYearStartMonth;
  return {
    weekStartsOn: Number.isInteger(week) && week! >= 1 && week! <= 7 ? week! : 1,
    fiscalYearStartMonth: Number.isInteger(fiscal) && fiscal! >= 1 && fiscal! <= 12 ? fiscal! : 1,
  };
}

const UNIT_ALIASES: Readonly<Record<string, PeriodUnit>> = {
  day: 'day',
  days: 'day',
  daily: 'day',
  d: 'day',
  hari: 'day',
  harian: 'day',
  week: 'week',
  weeks: 'week',
  weekly: 'week',
  w: 'week',
  wk: 'week',
  minggu: 'week',
  mingguan: 'week',
  pekan: 'week',
  pekanan: 'week',
  month: 'month',
  months: 'month',
  monthly: 'month',
  m: 'month',
  mo: 'month',
  bulan: 'month',
  bulanan: 'month',
  quarter: 'quarter',
  quarters: 'quarter',
  quarterly: 'quarter',
  q: 'quarter',
  qtr: 'quarter',
  kuartal: 'quarter',
  kuartalan: 'quarter',
  triwulan: 'quarter',
  triwulanan: 'quarter',
  year: 'year',
  years: 'year',
  yearly: 'year',
  annual: 'year',
  annually: 'year',
  y: 'year',
  yr: 'year',
  tahun: 'year',
  tahunan: 'year',
};

/**
 * Reads a period unit in English or Indonesian, case-insensitive.
 * @example parsePeriodUnit('Bulan') // 'month'
 */
export function parsePeriodUnit(text: unknown): PeriodUnit | null {
  if (typeof text !== 'string') return null;
  return UNIT_ALIASES[text.trim().toLowerCase()] ?? null;
}
