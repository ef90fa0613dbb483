/**
 * Spend spread over the days each row covers. Expected values are worked out by hand (days of a
 * span inside a window / days of the span), and checked by properties on generated tables.
 */
import fc from 'fast-check';
import { computeSuite } from '../../../src/core/metrics';
import { inferSpanUnit, spendSpans, spreadSpend } from '../../../src/core/metrics/spend-spread';
import { spendNote } from '../../../src/core/metrics/notes';
import { calendarOf, daysFromCivil, daysInMonth, parsePeriodKey, periodOf } from '../../../src/core/periods';
import type { SpendTable } from '../../../src/core/table';
import { day, dict, ordersTable, spendTable } from './tables';

const ISO = calendarOf();
const SUNDAY_WEEKS = calendarOf({ weekStartsOn: 7 });
const APRIL_YEARS = calendarOf({ fiscalYearStartMonth: 4 });

/** A spend table with optional end dates and period keys. */
function spend(
  rows: { date: string; spend: number; channel?: string; end?: string; period?: string }[],
): SpendTable {
  const base = spendTable({
    date: rows.map((r) => r.date),
    spend: rows.map((r) => r.spend),
    ...(rows.some((r) => r.channel) ? { channel: rows.map((r) => r.channel ?? '') } : {}),
  });
  return {
    ...base,
    ...(rows.some((r) => r.end) ? { end: Float64Array.from(rows, (r) => (r.end ? day(r.end) : NaN)) } : {}),
    ...(rows.some((r) => r.period) ? { period: dict(rows.map((r) => r.period ?? null)) } : {}),
  };
}

const monthlyOnly = spend([{ date: '2026-12-01', spend: 31, channel: 'TV' }]);
const between = (from: string, to: string) => [day(from), day(to) + 1]; // both days included

describe('inferSpanUnit', () => {
  test.each([
    ['months', ['2026-01-01', '2026-02-01', '2026-03-01', '2026-03-01'], ISO, 'month'],
    ['months with a gap', ['2026-01-01', '2026-02-01', '2026-04-01'], ISO, 'month'],
    [
      'quarter starts 3 months apart',
      ['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01'],
      ISO,
      'quarter',
    ],
    ['quarter starts, one quarter skipped', ['2026-01-01', '2026-07-01', '2026-10-01'], ISO, 'quarter'],
    [
      'quarters of an April fiscal year',
      ['2026-04-01', '2026-07-01', '2026-10-01', '2027-01-01'],
      APRIL_YEARS,
      'quarter',
    ],
    ['not fiscal quarter starts', ['2026-02-01', '2026-05-01', '2026-08-01'], APRIL_YEARS, 'month'],
    ['year starts', ['2025-01-01', '2026-01-01'], ISO, 'year'],
    ['fiscal year starts', ['2025-04-01', '2026-04-01'], APRIL_YEARS, 'year'],
    ['calendar years in an April fiscal year', ['2025-01-01', '2026-01-01'], APRIL_YEARS, 'quarter'],
    ['Mondays', ['2026-11-02', '2026-11-09', '2026-11-23'], ISO, 'week'],
    ['Sundays with weeks from Sunday', ['2026-11-01', '2026-11-08'], SUNDAY_WEEKS, 'week'],
    ['Sundays with ISO weeks', ['2026-11-01', '2026-11-08'], ISO, 'day'],
    ['a 1st among other days', ['2026-11-01', '2026-11-02'], ISO, 'day'],
    ['one 1st of a month', ['2026-12-01'], ISO, 'month'],
    ['one Monday', ['2026-11-30'], ISO, 'day'],
    ['leap day', ['2024-02-29', '2024-03-07'], ISO, 'day'],
    ['no dates', [], ISO, 'day'],
  ] as const)('%s', (_, dates, calendar, unit) => {
    expect(inferSpanUnit(dates.map(day), calendar)).toBe(unit);
  });
});

describe('spreadSpend, by hand', () => {
  // December 2026 has 31 days: 3,100 is 100 a day. 1 December 2026 is a Tuesday.
  const monthly = spend([
    { date: '2026-11-01', spend: 3000 },
    { date: '2026-12-01', spend: 3100 },
  ]);

  test('a month to date gets the days to date, a whole month all of it', () => {
    expect(spreadSpend(monthly, between('2026-12-01', '2026-12-05'), day('2026-12-05'))[0]).toBeCloseTo(
      500,
      9,
    );
    expect(spreadSpend(monthly, between('2026-12-01', '2026-12-31'), day('2026-12-31'))[0]).toBeCloseTo(
      3100,
      9,
    );
    expect(spreadSpend(monthly, between('2026-12-01', '2026-12-31'), day('2026-12-05'))[0]).toBeCloseTo(
      500,
      9,
    );
  });

  test('a week across two months takes a share of each (ISO week 49: Mon 30 Nov – Sun 6 Dec)', () => {
    const week = periodOf(day('2026-12-01'), 'week');
    expect(spreadSpend(monthly, [week.start, week.end], day('2026-12-31'))[0]).toBeCloseTo(100 + 600, 9);
  });

  test('contiguous windows share the spend out; nothing after the as-of day', () => {
    const weeks = [0, 1, 2, 3, 4, 5].map((k) => day('2026-11-30') + 7 * k);
    const got = [...spreadSpend(monthly, weeks, day('2026-12-20'))];
    expect(got.map((x) => Math.round(x * 1e6) / 1e6)).toEqual([700, 700, 700, 0, 0]);
  });

  test('rows dated after the as-of day count nowhere', () => {
    expect(spreadSpend(monthly, between('2026-11-01', '2026-12-31'), day('2026-11-30'))[0]).toBeCloseTo(
      3000,
      9,
    );
  });

  test('an end date: the date to the end date, both included; an end before the date is left out', () => {
    const ranged = spend([
      { date: '2026-11-10', end: '2026-11-19', spend: 1000 },
      { date: '2026-11-20', end: '2026-11-01', spend: 70 }, // read as its own day
    ]);
    const [first, second] = spreadSpend(
      ranged,
      [day('2026-11-01'), day('2026-11-15'), day('2026-12-01')],
      day('2026-12-31'),
    );
    expect(first).toBeCloseTo(500, 9); // 10–14 Nov
    expect(second).toBeCloseTo(570, 9); // 15–19 Nov and the row of 20 Nov
    expect(spendSpans(ranged, day('2026-12-31')).source).toEqual(['range', 'day']);
  });

  test('a period key wins over the date, read in the calendar', () => {
    const keyed = spend([
      { date: '2026-11-01', period: '2026-W47', spend: 700 }, // ISO: Mon 16 – Sun 22 Nov
      { date: '2026-10-01', period: '2026-Q4', spend: 9200 }, // 92 days
      { date: '2026-01-01', period: '2026', spend: 3650 },
      { date: '2026-11-05', period: 'not a key', spend: 31 }, // falls back on its date
    ]);
    const nov16to18 = between('2026-11-16', '2026-11-18');
    expect(spreadSpend(keyed, nov16to18, day('2026-12-31'))[0]).toBeCloseTo(300 + 300 + 30, 9);
    // Weeks from Sunday: week 1 of 2026 holds 4 January (a Sunday), so 2026-W47 is Sun 22 – Sat 28 Nov.
    const sunday = spendSpans(keyed, day('2026-12-31'), SUNDAY_WEEKS);
    expect([sunday.start[0], sunday.end[0]]).toEqual(between('2026-11-22', '2026-11-28'));
    expect(spendSpans(keyed, day('2026-12-31')).source).toEqual(['period', 'period', 'period', 'day']);
  });

  test("the unit is inferred per channel; a channel with one date takes the table's unit", () => {
    const quarterly = spend([
      { date: '2026-01-01', channel: 'TV', spend: 900 },
      { date: '2026-04-01', channel: 'TV', spend: 910 },
      { date: '2026-07-01', channel: 'Radio', spend: 920 },
    ]);
    expect(Object.fromEntries(spendSpans(quarterly, day('2026-12-31')).inferred)).toEqual({
      TV: 'quarter',
      Radio: 'quarter',
    });
    const mixed = spend([
      { date: '2026-11-02', channel: 'Search', spend: 70 },
      { date: '2026-11-09', channel: 'Search', spend: 140 },
      { date: '2026-11-01', channel: 'TV', spend: 3000 },
      { date: '2026-12-01', channel: 'TV', spend: 3100 },
      { date: '2026-12-01', channel: 'Radio', spend: 310 },
      { date: '2026-12-03', channel: 'Events', spend: 50 },
    ]);
    const spans = spendSpans(mixed, day('2026-12-31'));
    expect(Object.fromEntries(spans.inferred)).toEqual({
      Search: 'week',
      TV: 'month',
      Radio: 'month',
      Events: 'day',
    });
    expect(spendNote(mixed, day('2026-12-31'))).toBe(
      'marketing spend is spread over the days each row covers: its week (Search); its month (Radio, TV); its own day (Events)',
    );
    expect(spendNote(monthlyOnly, day('2026-12-31'))).toBe(
      'marketing spend is spread over the days each row covers: its month',
    );
    // 10–11 Nov: Search 2 days of 140/7, TV 2 days of 3000/30.
    expect(spreadSpend(mixed, between('2026-11-10', '2026-11-11'), day('2026-12-31'))[0]).toBeCloseTo(
      40 + 200,
      9,
    );
  });

  test('blank spend counts nowhere; windows before every span get nothing', () => {
    const blank = spend([
      { date: '2026-12-01', spend: NaN },
      { date: '2026-12-01', spend: 31 },
    ]);
    expect([
      ...spreadSpend(blank, [day('2026-01-01'), day('2026-12-01'), day('2027-01-01')], day('2027-01-01')),
    ]).toEqual([0, 31]);
  });
});

describe('marketing metrics over spread spend', () => {
  // New customers a (1 Dec), b (3 Dec), c (10 Dec); December spend 3,100.
  const orders = ordersTable({
    date: ['2026-12-01', '2026-12-03', '2026-12-10'],
    amount: [200, 300, 100],
    customer: ['a', 'b', 'c'],
  });
  const monthly = spend([{ date: '2026-12-01', spend: 3100 }]);
  const asOf = day('2026-12-05');

  test('December to date: 5 of 31 days of spend against 5 days of revenue', () => {
    const suite = computeSuite(
      { orders, spend: monthly },
      ['cac', 'marketing_roi'],
      [parsePeriodKey('2026-12')!],
      { asOf },
    );
    expect(suite.values[0][0]).toBeCloseTo(500 / 2, 9);
    expect(suite.values[0][1]).toBeCloseTo((500 - 500) / 500, 9);
  });

  test('weeks get a share instead of the whole month falling in the week of the 1st', () => {
    const weeks = ['2026-W49', '2026-W50'].map((k) => parsePeriodKey(k)!);
    const suite = computeSuite({ orders, spend: monthly }, ['cac'], weeks, { asOf: day('2026-12-31') });
    expect(suite.values[0][0]).toBeCloseTo(600 / 2, 9); // 1–6 Dec: a, b
    expect(suite.values[1][0]).toBeCloseTo(700 / 1, 9); // 7–13 Dec: c
  });
});

describe('properties', () => {
  /**
   * Monthly spend per channel over 2024–2026 (a leap year included): each channel a run of at least
   * two consecutive months from a random start, dated on the 1st.
   */
  const monthlyTable = fc
    .array(
      fc.record({
        first: fc.integer({ min: 0, max: 30 }),
        amounts: fc.array(
          fc.integer({ min: 0, max: 1_000_000 }).map((c) => c / 100),
          { minLength: 2, maxLength: 12 },
        ),
      }),
      { minLength: 1, maxLength: 4 },
    )
    .map((channels) => {
      const rows: { date: number; spend: number; channel: string }[] = [];
      channels.forEach((c, k) =>
        c.amounts.forEach((amount, j) => {
          const m = Math.min(35, c.first + j);
          rows.push({
            date: daysFromCivil(2024 + Math.floor(m / 12), (m % 12) + 1, 1),
            spend: amount,
            channel: `C${k}`,
          });
        }),
      );
      const table: SpendTable = {
        ...spendTable({ date: [], spend: [] }),
        length: rows.length,
        sourceRow: Int32Array.from(rows, (_, i) => i + 2),
        date: Float64Array.from(rows, (r) => r.date),
        spend: Float64Array.from(rows, (r) => r.spend),
        channel: dict(rows.map((r) => r.channel)),
      };
      return { table, rows };
    });

  test('spread amounts add back to the total over windows covering everything', () => {
    fc.assert(
      fc.property(
        monthlyTable,
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 12 }),
        ({ table }, cuts) => {
          const bounds = [day('2023-12-15')];
          for (const c of cuts) bounds.push(bounds[bounds.length - 1] + c);
          bounds.push(day('2027-02-01'));
          const total = [...table.spend].reduce((a, b) => a + b, 0);
          const spread = [...spreadSpend(table, bounds, day('2027-06-30'))].reduce((a, b) => a + b, 0);
          expect(spread).toBeCloseTo(total, 6);
        },
      ),
    );
  });

  test('a window of the whole month gets the whole monthly amount; a 5-day to-date gets 5/days', () => {
    fc.assert(
      fc.property(
        monthlyTable,
        fc.integer({ min: 0, max: 35 }),
        fc.integer({ min: 1, max: 28 }),
        ({ table, rows }, m, d) => {
          const y = 2024 + Math.floor(m / 12);
          const month = (m % 12) + 1;
          const start = daysFromCivil(y, month, 1);
          const end = start + daysInMonth(y, month);
          const amount = rows.reduce((sum, r) => sum + (r.date === start ? r.spend : 0), 0);
          expect(spreadSpend(table, [start, end], end - 1)[0]).toBeCloseTo(amount, 6);
          expect(spreadSpend(table, [start, end], start + d - 1)[0]).toBeCloseTo(
            (amount * d) / daysInMonth(y, month),
            6,
          );
        },
      ),
    );
  });
});
