import fc from 'fast-check';
import { addCadence, checkCadence, dueStatus, goalReviewStatus, measurementSchedule, nextDue, parseReviewCadence } from '../../src/core/schedule';
import { METRICS } from '../../src/core/metrics';
import { civilFromDays, daysFromCivil, daysInMonth, formatDay } from '../../src/core/periods';

const d = (text: string) => { const [y, m, dd] = text.split('-').map(Number); return daysFromCivil(y, m, dd); };
const add = (text: string, n: number, unit: Parameters<typeof addCadence>[2]) => formatDay(addCadence(d(text), n, unit));

describe('addCadence across month ends (DAX DATEADD)', () => {
  it('clamps to the end of a shorter month', () => {
    expect(add('2026-01-31', 1, 'month')).toBe('2026-02-28');
    expect(add('2024-01-31', 1, 'month')).toBe('2024-02-29');
    expect(add('2026-01-30', 1, 'month')).toBe('2026-02-28');
    expect(add('2026-03-31', 1, 'month')).toBe('2026-04-30');
    expect(add('2026-08-31', 1, 'quarter')).toBe('2026-11-30');
  });
  it('keeps a month end on month ends', () => {
    expect(add('2026-02-28', 1, 'month')).toBe('2026-03-31');
    expect(add('2024-02-29', 1, 'year')).toBe('2025-02-28');
    expect(add('2023-02-28', 1, 'year')).toBe('2024-02-29');
    expect(add('2026-04-30', 1, 'month')).toBe('2026-05-31');
    expect(add('2026-03-31', -1, 'month')).toBe('2026-02-28');
  });
  it('keeps other days of the month', () => {
    expect(add('2026-01-15', 1, 'month')).toBe('2026-02-15');
    expect(add('2026-02-27', 1, 'month')).toBe('2026-03-27');
    expect(add('2026-12-15', 1, 'month')).toBe('2027-01-15');
    expect(add('2026-08-15', 1, 'half-year')).toBe('2027-02-15');
  });
  it('adds days and weeks across year ends and leap days', () => {
    expect(add('2024-02-28', 1, 'day')).toBe('2024-02-29');
    expect(add('2026-12-29', 1, 'week')).toBe('2027-01-05');
  });
  it('never lands outside the target month (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -50_000, max: 100_000 }), fc.integer({ min: -36, max: 36 }), (day, n) => {
      const from = civilFromDays(day);
      const to = civilFromDays(addCadence(day, n, 'month'));
      const index = from.year * 12 + from.month - 1 + n;
      const endToEnd = from.day === daysInMonth(from.year, from.month) ? to.day === daysInMonth(to.year, to.month) : true;
      return to.year * 12 + to.month - 1 === index && to.day <= from.day + 3 && endToEnd;
    }));
  });
});

describe('nextDue and dueStatus', () => {
  const asOf = d('2026-11-28');
  it('is due one cadence after the last check', () => {
    expect(formatDay(nextDue(d('2026-01-31'), 'month', asOf))).toBe('2026-02-28');
    expect(formatDay(nextDue(d('2026-11-27'), 'day', asOf))).toBe('2026-11-28');
  });
  it('is due now when never checked', () => {
    expect(dueStatus(null, 'week', asOf)).toMatchObject({ nextDue: asOf, dueToday: true, overdue: false, neverChecked: true, lastChecked: null });
  });
  it('flags overdue checks with the days past due', () => {
    expect(dueStatus(d('2026-11-16'), 'week', asOf)).toMatchObject({ nextDueDate: '2026-11-23', overdue: true, daysOverdue: 5 });
    expect(dueStatus(d('2026-11-21'), 'week', asOf)).toMatchObject({ nextDueDate: '2026-11-28', dueToday: true, overdue: false, daysOverdue: 0 });
    expect(dueStatus(d('2026-11-27'), 'month', asOf)).toMatchObject({ nextDueDate: '2026-12-27', overdue: false });
  });
});

describe('cadences', () => {
  it('defaults: sales volume daily, retention weekly, loyalty monthly; settings win', () => {
    expect(checkCadence('revenue')).toBe('day');
    expect(checkCadence('retention_rate')).toBe('week');
    expect(checkCadence('repeat_rate')).toBe('month');
    expect(checkCadence('something_else')).toBe('week');
    expect(checkCadence('revenue', { revenue: 'month' })).toBe('month');
  });
  it('agrees with the metric catalogue for every metric', () => {
    for (const m of METRICS) expect([m.id, checkCadence(m.id)]).toEqual([m.id, m.cadence]);
  });
  it('builds the dashboard schedule', () => {
    const asOf = d('2026-11-28');
    const rows = measurementSchedule(['revenue', 'retention_rate', 'clv'], { revenue: d('2026-11-26'), clv: d('2026-10-31') }, asOf);
    // clv is checked monthly: 31 Oct + 1 month = 30 Nov (month end to month end).
    expect(rows.map((r) => [r.metric, r.cadence, r.nextDueDate, r.overdue])).toEqual([
      ['revenue', 'day', '2026-11-27', true],
      ['retention_rate', 'week', '2026-11-28', false],
      ['clv', 'month', '2026-11-30', false],
    ]);
  });
  it('reviews goals quarterly or half-yearly', () => {
    expect(goalReviewStatus(d('2026-06-30'), 'quarter', d('2026-11-28'))).toMatchObject({ nextDueDate: '2026-09-30', overdue: true, daysOverdue: 59 });
    expect(goalReviewStatus(d('2026-05-31'), 'half-year', d('2026-11-28'))).toMatchObject({ nextDueDate: '2026-11-30', overdue: false });
    expect(parseReviewCadence('Half-yearly')).toBe('half-year');
    expect(parseReviewCadence('triwulan')).toBe('quarter');
    expect(parseReviewCadence('daily')).toBeNull();
  });
});
