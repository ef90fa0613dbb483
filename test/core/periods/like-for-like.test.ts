import fc from 'fast-check';
import { calendarOf, formatDay, likeForLike, parseDay, periodOf, PERIOD_UNITS } from '../../../src/core/periods';

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
