import fc from 'fast-check';
import { numberGoal, splitGoal, largestRemainder } from '../../../src/core/goals';
import type { Goal, GoalSplit } from '../../../src/core/goals';
import { isMetricError, metricError } from '../../../src/core/errors';
import { daysFromCivil, daysInMonth, civilFromDays, parsePeriodKey, periodAt } from '../../../src/core/periods';
import { dailySum, REVENUE, WIN_RATE } from './helpers';

function goal(key: string, target: number): Goal {
  const g = numberGoal({ metric: 'revenue', period: parsePeriodKey(key)! }, target);
  if (isMetricError(g)) throw new Error(g.reason);
  return g;
}
function split(g: Goal, opts: Parameters<typeof splitGoal>[1]): GoalSplit {
  const s = splitGoal(g, opts);
  if (isMetricError(s)) throw new Error(s.reason);
  return s;
}
const cents = (n: number) => Math.round(n * 100);
const sumCents = (s: GoalSplit) => s.parts.reduce((a, p) => a + cents(p.target), 0);

describe('largestRemainder', () => {
  it('gives the leftover cent to the largest remainder, earlier part first on ties', () => {
    expect(largestRemainder(100, [1, 1, 1])).toEqual([33.34, 33.33, 33.33]);
    expect(largestRemainder(10, [1, 2])).toEqual([3.33, 6.67]);
  });
  it('spreads evenly when all weights are zero', () => {
    expect(largestRemainder(1, [0, 0, 0, 0])).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
  it('keeps a total with more than cents exact by adding the rest to the largest part', () => {
    const parts = largestRemainder(10.005, [1, 3]);
    expect(parts[0]).toBe(2.5);
    expect(parts[1]).toBeCloseTo(7.505, 12);
  });
});

describe('splitGoal, even', () => {
  it('splits 2026 into months in proportion to days', () => {
    const s = split(goal('2026', 365_000), { unit: 'month', method: 'even', traits: REVENUE });
    expect(s.parts.map((p) => p.target)).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31].map((d) => d * 1000));
    expect(s.applied).toBe('even');
    expect(s.parts[1].key).toBe('2026-02');
  });

  it('gives February 29 days in the leap year 2024', () => {
    const s = split(goal('2024', 366_000), { unit: 'month', method: 'even', traits: REVENUE });
    expect(s.parts[1].days).toBe(29);
    expect(s.parts[1].target).toBe(29_000);
  });

  it('cuts weeks at the edges of 2026 (starts on a Thursday, 53 ISO weeks)', () => {
    const s = split(goal('2026', 365_000), { unit: 'week', method: 'even', traits: REVENUE });
    expect(s.parts).toHaveLength(53);
    const first = s.parts[0];
    const last = s.parts[52];
    expect(first).toMatchObject({ key: '2026-W01', partial: true, days: 4, start: daysFromCivil(2026, 1, 1), target: 4000 });
    expect(last).toMatchObject({ key: '2026-W53', partial: true, days: 4, end: daysFromCivil(2027, 1, 1), target: 4000 });
    expect(s.parts.slice(1, 52).every((p) => p.days === 7 && !p.partial && p.target === 7000)).toBe(true);
    expect(sumCents(s)).toBe(36_500_000);
  });

  it('ends leap year 2024 with a 2-day partial week that belongs to week-year 2025', () => {
    const s = split(goal('2024', 366_000), { unit: 'week', method: 'even', traits: REVENUE });
    expect(s.parts[0]).toMatchObject({ key: '2024-W01', days: 7, partial: false });
    expect(s.parts.at(-1)).toMatchObject({ key: '2025-W01', days: 2, partial: true, target: 2000 });
    expect(s.parts).toHaveLength(53);
  });

  it('cuts the last week of 2026-Q1 to Monday and Tuesday', () => {
    const s = split(goal('2026-Q1', 90), { unit: 'week', method: 'even', traits: REVENUE });
    expect(s.parts.at(-1)).toMatchObject({ key: '2026-W14', days: 2, partial: true, target: 2 });
    expect(s.parts[0]).toMatchObject({ key: '2026-W01', days: 4, target: 4 });
  });

  it('rounds to cents so that the parts sum exactly to the target', () => {
    const s = split(goal('2026', 1000), { unit: 'month', method: 'even', traits: REVENUE });
    expect(sumCents(s)).toBe(100_000);
    // In cents: 31-day months 8493.15…, 30-day 8219.17…, February 7671.23…; the floors sum to
    // 99,998, so the two cents left go to the largest remainders: February (.23), then April (.178).
    expect(s.parts[0].target).toBe(84.93);
    expect(s.parts[1].target).toBe(76.72);
    expect(s.parts[3].target).toBe(82.2);
    expect(s.parts[5].target).toBe(82.19);
    expect(s.rounding).toMatch(/largest remainder/);
  });

  it('keeps the target rate in every part of a ratio goal', () => {
    const s = split(goal('2026', 0.3), { unit: 'month', method: 'seasonal', traits: WIN_RATE });
    expect(s.applied).toBe('same-rate');
    expect(s.parts.every((p) => p.target === 0.3)).toBe(true);
  });

  it('refuses to split a month goal into months', () => {
    expect(isMetricError(splitGoal(goal('2026-03', 1), { unit: 'month', method: 'even', traits: REVENUE }))).toBe(true);
  });
});

describe('splitGoal, seasonal', () => {
  // Last year (2025) sold `month` per day: January 1/day … December 12/day. Σ month × days = 2382.
  const byMonth = dailySum((d) => civilFromDays(d).month);

  it('splits by last year shares', () => {
    const s = split(goal('2026', 238_200), { unit: 'month', method: 'seasonal', traits: REVENUE, evaluate: byMonth });
    expect(s.applied).toBe('seasonal');
    expect(s.parts.map((p) => p.target)).toEqual(
      Array.from({ length: 12 }, (_, i) => 100 * (i + 1) * daysInMonth(2025, i + 1)),
    );
    expect(s.parts[0].share).toBeCloseTo(31 / 2382, 12);
  });

  it('matches weeks by week number and weekday', () => {
    // A partial first week of 2026 (Thu 1 Jan – Sun 4 Jan) is compared with Thu–Sun of 2025-W01 (2–5 Jan 2025).
    const seen: Array<[number, number]> = [];
    const evaluate = (w: { start: number; end: number }) => { seen.push([w.start, w.end]); return 1; };
    split(goal('2026', 100), { unit: 'week', method: 'seasonal', traits: REVENUE, evaluate });
    expect(seen[0]).toEqual([daysFromCivil(2025, 1, 2), daysFromCivil(2025, 1, 6)]);
  });

  it('falls back to even, and says so, when last year has no data for some months', () => {
    const evaluate = (w: { start: number }) =>
      w.start < daysFromCivil(2025, 6, 1) ? metricError('#N/A', 'no data') : 100;
    const s = split(goal('2026', 365_000), { unit: 'month', method: 'seasonal', traits: REVENUE, evaluate });
    expect(s.requested).toBe('seasonal');
    expect(s.applied).toBe('even');
    expect(s.fallbackReason).toMatch(/no usable figure for 2025-01-01…2025-01-31.*and 2 more; split evenly/);
    expect(s.parts[0].target).toBe(31_000);
  });

  it('falls back when some months were zero (short history), unless zero shares are allowed', () => {
    const evaluate = dailySum((d) => (civilFromDays(d).month <= 2 ? 0 : 1));
    const s = split(goal('2026', 1000), { unit: 'month', method: 'seasonal', traits: REVENUE, evaluate });
    expect(s.applied).toBe('even');
    expect(s.fallbackReason).toMatch(/zero for .*history too short/);
    const allowed = split(goal('2026', 1000), { unit: 'month', method: 'seasonal', traits: REVENUE, evaluate, allowZeroShares: true });
    expect(allowed.applied).toBe('seasonal');
    expect(allowed.parts[0].target).toBe(0);
  });

  it('falls back when the history starts after last year began, or when no history is given', () => {
    const s = split(goal('2026', 1000), { unit: 'month', method: 'seasonal', traits: REVENUE, evaluate: byMonth, historyStart: daysFromCivil(2025, 3, 1) });
    expect(s.fallbackReason).toMatch(/history starts on 2025-03-01/);
    expect(split(goal('2026', 1000), { unit: 'month', method: 'seasonal', traits: REVENUE }).applied).toBe('even');
  });
});

describe('split properties', () => {
  it('parts always sum to the target (in cents) for any target and any seasonality', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.float({ min: 0, max: 1e6, noNaN: true }), { minLength: 53, maxLength: 53 }),
        fc.constantFrom('month', 'week') as fc.Arbitrary<'month' | 'week'>,
        fc.integer({ min: 2000, max: 2100 }),
        (targetCents, weights, unit, year) => {
          const g = goal(String(year), targetCents / 100);
          let i = 0;
          const evaluate = () => weights[i++ % weights.length] + 1;
          const s = split(g, { unit, method: 'seasonal', traits: REVENUE, evaluate });
          const total = s.parts.reduce((a, p) => a + p.days, 0);
          return sumCents(s) === targetCents && total === g.period.end - g.period.start &&
            Math.abs(s.parts.reduce((a, p) => a + p.target, 0) - targetCents / 100) < 1e-6;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('weeks of any quarter cover it exactly, partial only at the edges', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990 * 4, max: 2100 * 4 }), (index) => {
        const g = goal(periodAt(index, 'quarter').key, 1);
        const s = split(g, { unit: 'week', method: 'even', traits: REVENUE });
        const inner = s.parts.slice(1, -1);
        return s.parts[0].start === g.period.start && s.parts.at(-1)!.end === g.period.end &&
          inner.every((p) => !p.partial && p.days === 7) &&
          s.parts.every((p, k) => k === 0 || p.start === s.parts[k - 1].end);
      }),
    );
  });
});
