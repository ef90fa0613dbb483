import { baselineGoal, benchmarkGoal, goalsFromTargets, numberGoal, normaliseMetricId } from '../../../src/core/goals';
import type { Goal } from '../../../src/core/goals';
import { isMetricError, metricError } from '../../../src/core/errors';
import { calendarOf, daysFromCivil, parsePeriodKey } from '../../../src/core/periods';
import type { TargetsTable } from '../../../src/core/table';
import { CAC, dailySum, REVENUE, WIN_RATE } from './helpers';

const period = (key: string) => parsePeriodKey(key)!;
const ok = (g: Goal | { error: string }): Goal => {
  if (isMetricError(g)) throw new Error(g.reason);
  return g as Goal;
};

describe('numberGoal', () => {
  it('builds an id from metric, period and scope', () => {
    const g = ok(numberGoal({ metric: 'revenue', period: period('2026-Q2'), scope: { rep: ' Ani ', region: '' } }, 5000));
    expect(g.id).toBe('revenue|2026-Q2|rep=Ani');
    expect(g.scope).toEqual({ rep: 'Ani' });
    expect(g.basis).toEqual({ kind: 'number' });
  });
  it('refuses a target that is not a number', () => {
    expect(numberGoal({ metric: 'revenue', period: period('2026') }, NaN)).toMatchObject({ error: '#VALUE!' });
  });
});

describe('baselineGoal', () => {
  // 2025 sold 100 a day (36,500 in the year); 2024 (leap) 50 a day; 2026 nothing yet.
  const evaluate = dailySum((d) => (d < daysFromCivil(2025, 1, 1) ? 50 : d < daysFromCivil(2026, 1, 1) ? 100 : 0));

  it('grows last year by the expected rate', () => {
    const g = ok(baselineGoal({ metric: 'revenue', period: period('2026') }, { kind: 'last-year' }, 0.2, evaluate));
    expect(g.target).toBeCloseTo(36_500 * 1.2, 9);
    expect(g.basis).toEqual({ kind: 'baseline', method: 'last-year', periods: ['2025'], baseline: 36_500, growth: 0.2 });
  });

  it('averages the last N periods', () => {
    // For 2025-03: Jan 2025 (3,100), Feb 2025 (2,800) and Dec 2024 (31 × 50 = 1,550); mean 2,483.33…
    const g = ok(baselineGoal({ metric: 'revenue', period: period('2025-03') }, { kind: 'average', count: 3 }, 0.1, evaluate));
    expect(g.basis).toMatchObject({ periods: ['2024-12', '2025-01', '2025-02'] });
    expect(g.target).toBeCloseTo(((1550 + 3100 + 2800) / 3) * 1.1, 9);
  });

  it('takes a planned reduction as negative growth (lower-is-better metrics)', () => {
    const g = ok(baselineGoal({ metric: 'cac', period: period('2026') }, { kind: 'last-year' }, -0.1, () => 200));
    expect(g.target).toBeCloseTo(180, 12);
  });

  it('passes the engine error on, naming the period', () => {
    const g = baselineGoal({ metric: 'revenue', period: period('2026') }, { kind: 'last-year' }, 0.2, () => metricError('#N/A', 'no orders'));
    expect(g).toEqual({
      ...metricError('#N/A', 'no baseline: 2025: no orders'),
      noBaseline: true,
      method: 'last-year',
      periods: ['2025'],
      growth: 0.2,
    });
    expect(baselineGoal({ metric: 'revenue', period: period('2026') }, { kind: 'average', count: 0 }, 0, evaluate)).toMatchObject({ error: '#VALUE!' });
  });

  it('scopes the baseline to the goal scope', () => {
    const seen: unknown[] = [];
    baselineGoal({ metric: 'revenue', period: period('2026'), scope: { region: 'Java' } }, { kind: 'last-year' }, 0, (_w, s) => { seen.push(s); return 1; });
    expect(seen).toEqual([{ region: 'Java' }]);
  });
});

describe('benchmarkGoal', () => {
  const spec = { metric: 'conversion_rate', period: period('2026') };
  it('takes the value, or the better end of a range', () => {
    expect(ok(benchmarkGoal(spec, { value: 0.016, source: 'Statista', year: 2025 }, WIN_RATE)).target).toBe(0.016);
    const ranged = ok(benchmarkGoal(spec, { min: 0.025, max: 0.03, source: 'Shopify', year: 2024 }, WIN_RATE, 'ecommerce-retail'));
    expect(ranged.target).toBe(0.03);
    expect(ranged.basis).toEqual({ kind: 'benchmark', used: 'max', value: 0.03, source: 'Shopify', year: 2024, set: 'ecommerce-retail' });
    expect(ok(benchmarkGoal(spec, { min: 6, max: 12, source: 'x', year: 2025 }, CAC)).target).toBe(6);
    expect(ok(benchmarkGoal(spec, { min: 3, source: 'Skok', year: 2013 }, CAC)).target).toBe(3);
    expect(benchmarkGoal(spec, { source: 'x', year: 2025 }, REVENUE)).toMatchObject({ error: '#VALUE!' });
  });
});

describe('goalsFromTargets', () => {
  const row = (sourceRow: number, metric: string, period: string, target: number, rep?: string, region?: string) =>
    ({ sourceRow, metric, period, target, ...(rep !== undefined ? { rep } : {}), ...(region !== undefined ? { region } : {}) });
  const table: TargetsTable = {
    kind: 'targets',
    mapping: {},
    rows: [
      row(2, 'Revenue', '2026', 1_200_000),
      row(3, 'New Customers', '2026-Q1', 150, 'Ani'),
      row(4, 'revenue', '2026-13', 5),
      row(5, '', '2026', 5),
      row(6, 'orders', '2026-03-01', 5),
      row(7, 'orders', '2026-W05', NaN),
      row(8, 'revenue', '2026', 99),
      row(9, 'revenue', '2026', 99, undefined, 'Java'),
      row(10, 'win rate', 'Q3 2026', 0.3),
    ],
  };

  it('reads good rows and reports the others with their row numbers', () => {
    const { goals, problems } = goalsFromTargets(table);
    expect(goals.map((g) => g.id)).toEqual(['revenue|2026', 'new_customers|2026-Q1|rep=Ani', 'revenue|2026|region=Java', 'win_rate|2026-Q3']);
    expect(goals[0].basis).toEqual({ kind: 'targets-table', sourceRow: 2 });
    expect(problems).toEqual([
      { row: 4, reason: 'unreadable period "2026-13"' },
      { row: 5, reason: 'the metric is blank' },
      { row: 6, reason: 'a goal period must be a year, quarter, month or week, not a day ("2026-03-01")' },
      { row: 7, reason: 'the target is not a number' },
      { row: 8, reason: 'duplicate of row 2 (same metric, period and scope)' },
    ]);
  });

  it('reads periods in the fiscal calendar and checks metric ids when asked', () => {
    const fiscal = goalsFromTargets({ kind: 'targets', mapping: {}, rows: [row(2, 'revenue', 'FY2027-Q1', 10), row(3, 'revnue', '2026', 1)] },
      calendarOf({ fiscalYearStartMonth: 7 }), { metrics: ['revenue'] });
    expect(fiscal.goals[0].period.start).toBe(daysFromCivil(2026, 7, 1));
    expect(fiscal.problems).toEqual([{ row: 3, reason: 'unknown metric "revnue"' }]);
  });

  it('normalises typed metric names', () => {
    expect(normaliseMetricId(' Sales-Cycle Days ')).toBe('sales_cycle_days');
  });
});
