import fc from 'fast-check';
import {
  calendarOf, civilFromDays, daysFromCivil, elapsedShare, formatDay, isoWeekday, lastPeriods, parseDay,
  parsePeriodKey, parsePeriodUnit, periodOf, periodsBetween, previousPeriod, samePeriodLastYear,
  toDateWindow, weekNumberOf, weeksInWeekYear,
} from '../../../src/core/periods';

const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);
const fiscalJuly = calendarOf({ fiscalYearStartMonth: 7 });

describe('civil dates', () => {
  it('agrees with the JavaScript Date UTC calendar (an independent route)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (epochDay) => {
        const date = new Date(epochDay * 86_400_000);
        const civil = civilFromDays(epochDay);
        expect(civil).toEqual({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
        expect(daysFromCivil(civil.year, civil.month, civil.day)).toBe(epochDay);
        expect(isoWeekday(epochDay)).toBe(((date.getUTCDay() + 6) % 7) + 1);
      }),
    );
  });

  it('knows leap days and rejects impossible dates', () => {
    expect(formatDay(parseDay('2024-02-29')!)).toBe('2024-02-29');
    expect(parseDay('2023-02-29')).toBeNull();
    expect(parseDay('1900-02-29')).toBeNull();
    expect(parseDay('2000-02-29')).not.toBeNull();
    expect(parseDay('2026-13-01')).toBeNull();
  });
});

describe('periods', () => {
  it('puts 28 Nov 2026 in ISO week 48, Nov 2026, Q4 2026, 2026', () => {
    const asOf = day(2026, 11, 28);
    const week = periodOf(asOf, 'week');
    expect(week.key).toBe('2026-W48');
    expect(formatDay(week.start)).toBe('2026-11-23');
    expect(formatDay(week.end)).toBe('2026-11-30');
    expect(periodOf(asOf, 'month').key).toBe('2026-11');
    expect(periodOf(asOf, 'month').label).toBe('Nov 2026');
    expect(periodOf(asOf, 'quarter').key).toBe('2026-Q4');
    expect(periodOf(asOf, 'year').key).toBe('2026');
    expect(periodOf(asOf, 'day').key).toBe('2026-11-28');
  });

  it('handles ISO week 53 and week-years across new year', () => {
    expect(periodOf(day(2020, 12, 31), 'week').key).toBe('2020-W53');
    expect(periodOf(day(2021, 1, 3), 'week').key).toBe('2020-W53');
    expect(periodOf(day(2021, 1, 4), 'week').key).toBe('2021-W01');
    expect(periodOf(day(2024, 12, 30), 'week').key).toBe('2025-W01');
    expect(weeksInWeekYear(2020)).toBe(53);
    expect(weeksInWeekYear(2021)).toBe(52);
    expect(weeksInWeekYear(2026)).toBe(53);
    expect(samePeriodLastYear(periodOf(day(2020, 12, 31), 'week')).key).toBe('2019-W52');
    expect(samePeriodLastYear(periodOf(day(2026, 11, 28), 'week')).key).toBe('2025-W48');
  });

  it('respects another week start (Sunday)', () => {
    const sunday = calendarOf({ weekStartsOn: 7 });
    const week = periodOf(day(2026, 11, 28), 'week', sunday);
    expect(formatDay(week.start)).toBe('2026-11-22');
    expect(isoWeekday(week.start)).toBe(7);
    expect(weekNumberOf(day(2026, 11, 28), sunday).weekYear).toBe(2026);
  });

  it('names fiscal quarters and years by the year in which the fiscal year ends', () => {
    expect(periodOf(day(2026, 7, 1), 'quarter', fiscalJuly).key).toBe('FY2027-Q1');
    expect(periodOf(day(2026, 6, 30), 'quarter', fiscalJuly).key).toBe('FY2026-Q4');
    const fy = periodOf(day(2026, 11, 28), 'year', fiscalJuly);
    expect(fy.key).toBe('FY2027');
    expect(formatDay(fy.start)).toBe('2026-07-01');
    expect(formatDay(fy.end)).toBe('2027-07-01');
    expect(periodOf(day(2026, 11, 28), 'month', fiscalJuly).key).toBe('2026-11');
  });

  it('steps back one period and one year, with leap days', () => {
    expect(previousPeriod(periodOf(day(2026, 1, 15), 'month')).key).toBe('2025-12');
    expect(previousPeriod(periodOf(day(2026, 1, 15), 'quarter')).key).toBe('2025-Q4');
    expect(samePeriodLastYear(periodOf(day(2024, 2, 29), 'day')).key).toBe('2023-02-28');
    expect(samePeriodLastYear(periodOf(day(2025, 3, 1), 'month')).key).toBe('2024-03');
    expect(samePeriodLastYear(periodOf(day(2026, 8, 1), 'quarter', fiscalJuly)).key).toBe('FY2026-Q1');
    const feb2024 = periodOf(day(2024, 2, 10), 'month');
    expect(feb2024.end - feb2024.start).toBe(29);
  });

  it('makes to-date windows and elapsed shares', () => {
    const nov = periodOf(day(2026, 11, 28), 'month');
    expect(toDateWindow(nov, day(2026, 11, 28))).toEqual({ start: day(2026, 11, 1), end: day(2026, 11, 29) });
    expect(elapsedShare(nov, day(2026, 11, 15))).toBeCloseTo(15 / 30, 12);
    expect(elapsedShare(nov, day(2026, 10, 1))).toBe(0);
    expect(elapsedShare(nov, day(2027, 1, 1))).toBe(1);
  });

  it('lists trailing and covering periods', () => {
    expect(lastPeriods(day(2026, 11, 28), 'month', 3).map((p) => p.key)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(periodsBetween(day(2026, 1, 1), day(2027, 1, 1), 'quarter').map((p) => p.key)).toEqual([
      '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4',
    ]);
    expect(periodsBetween(day(2026, 1, 1), day(2027, 1, 1), 'week')).toHaveLength(53);
  });

  it('partitions every day into exactly one period of each unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 50_000 }), fc.constantFrom('day', 'week', 'month', 'quarter', 'year' as const),
        fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 7 }), (d, unit, fiscal, weekStart) => {
          const calendar = calendarOf({ fiscalYearStartMonth: fiscal, weekStartsOn: weekStart });
          const period = periodOf(d, unit, calendar);
          expect(period.start).toBeLessThanOrEqual(d);
          expect(period.end).toBeGreaterThan(d);
          expect(previousPeriod(period).end).toBe(period.start);
          expect(parsePeriodKey(period.key, calendar)).toEqual(period);
        }),
    );
  });
});

describe('reading keys and units', () => {
  it('reads every key form', () => {
    expect(parsePeriodKey('Q1 2026')!.key).toBe('2026-Q1');
    expect(parsePeriodKey('2026q3')!.key).toBe('2026-Q3');
    expect(parsePeriodKey(2026)!.key).toBe('2026');
    expect(parsePeriodKey('2026-W53')!.key).toBe('2026-W53');
    expect(parsePeriodKey('2025-W53')).toBeNull();
    expect(parsePeriodKey('2026-13')).toBeNull();
    expect(parsePeriodKey('FY2027', fiscalJuly)!.start).toBe(day(2026, 7, 1));
    expect(parsePeriodKey('nonsense')).toBeNull();
    expect(parsePeriodKey(undefined)).toBeNull();
  });

  it('reads units in English and Indonesian', () => {
    expect(parsePeriodUnit('Bulan')).toBe('month');
    expect(parsePeriodUnit('minggu')).toBe('week');
    expect(parsePeriodUnit('triwulan')).toBe('quarter');
    expect(parsePeriodUnit('Tahun')).toBe('year');
    expect(parsePeriodUnit('hari')).toBe('day');
    expect(parsePeriodUnit('fortnight')).toBeNull();
    expect(parsePeriodUnit(3)).toBeNull();
  });
});
