/**
 * The jobs' as-of day: the one given, else the latest date in the data; the weekly review never
 * later than today; the result carries each table's dates and rows after the as-of day.
 */
import { calendarOf, formatDay, parseDay } from '../../src/core/periods';
import { buildDashboard, MemoryWorkbookPort, refreshReview, runSavedJob } from '../../src/workflows';

const day = (text: string) => parseDay(text)!;
const date = (text: string) => new Date(`${text}T00:00:00Z`);

/** Orders on the 1st and 15th of each month, 2025-10-01 … 2026-01-15; spend on each 1st; a pipeline. */
function port(): MemoryWorkbookPort {
  const orders: unknown[][] = [['Date', 'Customer', 'Amount']];
  const spend: unknown[][] = [['Date', 'Spend']];
  for (const month of ['2025-10', '2025-11', '2025-12', '2026-01']) {
    orders.push([date(`${month}-01`), 'A', 100], [date(`${month}-15`), 'B', 50]);
    spend.push([date(`${month}-01`), 30]);
  }
  const pipeline = [
    ['Created', 'Status', 'Closed'],
    [date('2025-10-03'), 'Won', date('2025-11-20')],
    [date('2026-01-10'), 'Open', null],
    [date('2026-02-02'), 'Lost', date('2026-02-20')],
  ];
  return new MemoryWorkbookPort('sales.xlsx', [
    { name: 'Orders', rows: orders as never },
    { name: 'Spend', rows: spend as never },
    { name: 'Pipeline', rows: pipeline as never },
  ]);
}

const base = { calendar: calendarOf(), refreshedAt: '2026-01-20 09:00', industry: null };
const side = { spend: { source: 'Spend' }, pipeline: { source: 'Pipeline' } };

describe('the as-of day of the jobs', () => {
  it("is the orders' latest date when none is given, and the review stays at today", async () => {
    const result = await buildDashboard(port(), { ...base, ...side, today: day('2026-01-07') });
    expect(result.asOf).toEqual({ day: day('2026-01-15'), source: 'data' });
    expect(formatDay(result.reviewAsOf)).toBe('2026-01-07');
    expect(result.review.name).toBe('Review 2026-W02');
    expect(result.orders.counts).toEqual({ read: 8, used: 8, skipped: 0, afterAsOf: 0 });
    expect(result.dates.orders?.range).toEqual({ first: day('2025-10-01'), last: day('2026-01-15') });
    // The pipeline runs later than the orders: its lead of 2026-02-02 is after the as-of day.
    expect(result.dates.pipeline).toEqual({
      range: { first: day('2025-10-03'), last: day('2026-02-20') },
      afterAsOf: 1,
    });
    expect(result.dates.spend).toEqual({
      range: { first: day('2025-10-01'), last: day('2026-01-01') },
      afterAsOf: 0,
    });
  });

  it('is the day given, with the rows after it counted per table', async () => {
    const result = await buildDashboard(port(), {
      ...base,
      ...side,
      asOf: day('2025-12-10'),
      today: day('2026-01-07'),
    });
    expect(result.asOf).toEqual({ day: day('2025-12-10'), source: 'given' });
    expect(result.reviewAsOf).toBe(day('2025-12-10'));
    expect(result.orders.counts).toEqual({ read: 8, used: 5, skipped: 0, afterAsOf: 3 });
    expect(result.dates.spend?.afterAsOf).toBe(1);
    expect(result.dates.pipeline?.afterAsOf).toBe(2);
  });

  it('refreshes the review of the week of the latest date, or of today when the data runs later', async () => {
    const past = await refreshReview(port(), { ...base, today: day('2026-03-01') });
    expect([past.name, formatDay(past.asOf.day), past.asOf.source]).toEqual([
      'Review 2026-W03',
      '2026-01-15',
      'data',
    ]);
    const early = await refreshReview(port(), { ...base, today: day('2026-01-07') });
    expect([early.name, formatDay(early.asOf.day)]).toEqual(['Review 2026-W02', '2026-01-07']);
    expect(early.orders.counts).toEqual({ read: 8, used: 7, skipped: 0, afterAsOf: 1 });
  });

  it('a saved job without a saved as-of day follows the same rule', async () => {
    const done = await runSavedJob(port(), 'review', { now: new Date(2026, 2, 1, 9) });
    expect(done.summary).toBe('Wrote Review 2026-W03 as of 2026-01-15 (the latest date in the data).');
    const dashboard = await runSavedJob(port(), 'dashboard', { now: new Date(2026, 0, 7, 9) });
    expect(dashboard.summary).toBe(
      'Dashboard and Review 2026-W02 as of 2026-01-15 (the latest date in the data): 8 orders from Orders.',
    );
  });
});
