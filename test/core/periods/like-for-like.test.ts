import fc from 'fast-check';
import {
  calendarOf,
  formatDay,
  isPartialPeriod,
  likeForLike,
  parseDay,
  periodCoverage,
  periodOf,
  PERIOD_UNITS,
} from '../../../src/core/periods';

const day = (text: string) => parseDay(text)!;
const span = (w: { start: number; end: number }) => `${formatDay(w.start)}..${formatDay(w.end - 1)}`;

describe('likeForLike', () => {
  it('compares the first five days of December with the first five of November and of last December', () => {
    const asOf = day('2026-12-05');
    const w = likeForLike(periodOf(asOf, 'month'), asOf);
    expect(span(w.current)).toBe('2026-12-01..2026-12-05');
    expect(span(w.previous)).toBe('2026-11-01..2026-11-05');
    expect(span(w.priorYear)).toBe('2025-12-01..2025-12-05');
    expect([w.current.days, w.previous.days, w.priorYear.days]).toEqual([5, 5, 5]);
    expect([w.current.partial, w.previous.partial, w.priorYear.partial]).toEqual([true, true, true]);
  });

  it('cuts at the end of a shorter period: 1-30 March against all of February (leap and common years)', () => {
    const common = likeForLike(periodOf(day('2026-03-30'), 'month'), day('2026-03-30'));
    expect(span(common.previous)).toBe('2026-02-01..2026-02-28');
    expect(common.previous.partial).toBe(false);
    const leap = likeForLike(periodOf(day('2028-03-30'), 'month'), day('2028-03-30'));
    expect(span(leap.previous)).toBe('2028-02-01..2028-02-29');
    expect(span(leap.priorYear)).toBe('2027-03-01..2027-03-30');
  });

  it('compares a complete period with complete periods', () => {
    const asOf = day('2026-03-31');
    const w = likeForLike(periodOf(asOf, 'month'), asOf);
    expect(w.current.partial).toBe(false);
    expect(span(w.previous)).toBe('2026-02-01..2026-02-28');
    expect(span(w.priorYear)).toBe('2025-03-01..2025-03-31');
  });

  it('maps ISO week 53 to the last week of a 52-week year', () => {
    const asOf = day('2026-12-29'); // Tuesday of 2026-W53
    const week = periodOf(asOf, 'week');
    expect(week.key).toBe('2026-W53');
    const w = likeForLike(week, asOf);
    expect(span(w.current)).toBe('2026-12-28..2026-12-29');
    expect(span(w.previous)).toBe('2026-12-21..2026-12-22');
    expect(w.priorYear.period.key).toBe('2025-W52');
    expect(w.priorYear.days).toBe(2);
  });

  it('follows a fiscal year for quarters', () => {
    const calendar = calendarOf({ fiscalYearStartMonth: 7 });
    const asOf = day('2026-07-10');
    const w = likeForLike(periodOf(asOf, 'quarter', calendar), asOf);
    expect(span(w.current)).toBe('2026-07-01..2026-07-10');
    expect(span(w.previous)).toBe('2026-04-01..2026-04-10');
    expect(span(w.priorYear)).toBe('2025-07-01..2025-07-10');
  });

  it('for any as-of day and unit, the compared windows have equal length unless the other period is shorter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: day('1990-01-01'), max: day('2090-12-31') }),
        fc.constantFrom(...PERIOD_UNITS),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 7 }),
        (asOf, unit, fiscal, weekStart) => {
          const calendar = calendarOf({
            fiscalYearStartMonth: fiscal,
            weekStartsOn: weekStart as 1 | 2 | 3 | 4 | 5 | 6 | 7,
          });
          const period = periodOf(asOf, unit, calendar);
          const w = likeForLike(period, asOf);
          expect(w.current.start).toBe(period.start);
          expect(w.current.end).toBe(asOf + 1);
          for (const other of [w.previous, w.priorYear]) {
            expect(other.start).toBe(other.period.start);
            expect(other.days).toBe(other.end - other.start);
            const otherLength = other.period.end - other.period.start;
            expect(other.days).toBe(w.current.partial ? Math.min(w.current.days, otherLength) : otherLength);
            expect(other.end).toBeLessThanOrEqual(other.period.end);
          }
          expect(w.previous.period.end).toBe(period.start);
        },
      ),
    );
  });
});

describe('isPartialPeriod and periodCoverage', () => {
  it('a period is partial when the as-of day falls inside it before its last day', () => {
    const december = periodOf(day('2026-12-05'), 'month');
    expect(isPartialPeriod(december, day('2026-12-05'))).toBe(true);
    expect(isPartialPeriod(december, day('2026-12-01'))).toBe(true);
    expect(isPartialPeriod(december, day('2026-12-31'))).toBe(false); // the last day: complete
    expect(isPartialPeriod(december, day('2027-01-10'))).toBe(false); // over
    expect(isPartialPeriod(december, day('2026-11-30'))).toBe(false); // not begun
    expect(isPartialPeriod(periodOf(day('2026-12-05'), 'day'), day('2026-12-05'))).toBe(false); // a day is never partial
  });

  it('counts the days covered and the days in the period', () => {
    const asOf = day('2026-12-05');
    const coverage = periodCoverage(periodOf(asOf, 'month'), asOf);
    expect(coverage).toEqual({ partial: true, days: 5, daysInPeriod: 31, lastDay: asOf });
    expect(periodCoverage(periodOf(day('2026-11-10'), 'month'), asOf)).toEqual({
      partial: false,
      days: 30,
      daysInPeriod: 30,
      lastDay: day('2026-11-30'),
    });
    // A leap February to its 29th: complete.
    expect(periodCoverage(periodOf(day('2028-02-29'), 'month'), day('2028-02-29'))).toMatchObject({
      partial: false,
      days: 29,
      daysInPeriod: 29,
    });
    // A fiscal year from July, as of 2026-12-05: 158 of 365 days.
    const fy = periodOf(asOf, 'year', calendarOf({ fiscalYearStartMonth: 7 }));
    expect(fy.key).toBe('FY2027');
    expect(periodCoverage(fy, asOf)).toMatchObject({
      partial: true,
      days: 31 + 31 + 30 + 31 + 30 + 5,
      daysInPeriod: 365,
    });
    // ISO week 2026-W49 (Mon 30 Nov – Sun 6 Dec), as of Saturday 5 Dec: 6 of 7 days.
    expect(periodCoverage(periodOf(asOf, 'week'), asOf)).toMatchObject({
      partial: true,
      days: 6,
      daysInPeriod: 7,
    });
    // A period after the as-of day covers nothing.
    expect(periodCoverage(periodOf(day('2027-01-02'), 'month'), asOf)).toMatchObject({
      partial: false,
      days: 0,
    });
  });

  it('agrees with likeForLike: partial exactly when the current window stops before the period ends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: day('1990-01-01'), max: day('2090-12-31') }),
        fc.constantFrom(...PERIOD_UNITS),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 7 }),
        (asOf, unit, fiscal, weekStart) => {
          const calendar = calendarOf({
            fiscalYearStartMonth: fiscal,
            weekStartsOn: weekStart as 1 | 2 | 3 | 4 | 5 | 6 | 7,
          });
          const period = periodOf(asOf, unit, calendar);
          const coverage = periodCoverage(period, asOf);
          expect(coverage.partial).toBe(likeForLike(period, asOf).current.partial);
          expect(coverage.days).toBe(asOf - period.start + 1);
          expect(coverage.daysInPeriod).toBe(period.end - period.start);
          expect(coverage.lastDay).toBe(asOf);
        },
      ),
    );
  });
});
