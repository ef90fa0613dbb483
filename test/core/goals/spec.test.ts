import { parseGoalSpec, resolveGoal } from '../../../src/core/goals';
import type { Goal, GoalRequest } from '../../../src/core/goals';
import { calendarOf, daysFromCivil } from '../../../src/core/periods';
import { dailySum, REVENUE, WIN_RATE } from './helpers';

const req = (text: string) => parseGoalSpec(text) as GoalRequest;

describe('parseGoalSpec', () => {
  it('reads the CLI forms', () => {
    expect(parseGoalSpec('metric=revenue,period=2019,target=1,200,000')).toEqual({ metric: 'revenue', period: '2019', target: 1_200_000 });
    expect(parseGoalSpec('metric=revenue,period=2019,baseline=last-year,growth=0.2'))
      .toEqual({ metric: 'revenue', period: '2019', baseline: { kind: 'last-year' }, growth: 0.2 });
    expect(parseGoalSpec('metric=AOV, period=2026-Q3, baseline=average:4, growth=5%, rep=Ani'))
      .toEqual({ metric: 'aov', period: '2026-Q3', baseline: { kind: 'average', count: 4 }, growth: 0.05, scope: { rep: 'Ani' } });
    expect(parseGoalSpec('metric=conversion_rate,period=2026,benchmark=ecommerce-retail'))
      .toEqual({ metric: 'conversion_rate', period: '2026', benchmark: 'ecommerce-retail' });
  });
  it('says what is wrong', () => {
    expect(parseGoalSpec('period=2019,target=1')).toMatchObject({ reason: 'the goal needs metric=' });
    expect(parseGoalSpec('metric=revenue,period=2019')).toMatchObject({ reason: 'give exactly one of target=, baseline= or benchmark=' });
    expect(parseGoalSpec('metric=revenue,period=2019,target=lots')).toMatchObject({ reason: 'target "lots" is not a number' });
    expect(parseGoalSpec('metric=revenue,period=2019,colour=red')).toMatchObject({ reason: 'unknown goal field "colour"' });
    expect(parseGoalSpec('metric=revenue,period=2019,baseline=forever')).toMatchObject({ error: '#VALUE!' });
  });
});

describe('resolveGoal', () => {
  const evaluate = dailySum(() => 100);
  it('sets targets each way', () => {
    expect((resolveGoal(req('metric=revenue,period=2026,target=5000'), { traits: REVENUE }) as Goal).target).toBe(5000);
    // 2025 at 100 a day = 36,500; +20 %.
    expect((resolveGoal(req('metric=revenue,period=2026,baseline=last-year,growth=20%'), { traits: REVENUE, evaluate }) as Goal).target).toBeCloseTo(43_800, 9);
    const fromBenchmark = resolveGoal(req('metric=win_rate,period=2026,benchmark=professional-services'), { traits: WIN_RATE }) as Goal;
    expect(fromBenchmark.target).toBe(0.4207);
    expect(fromBenchmark.basis).toMatchObject({ kind: 'benchmark', set: 'professional-services', year: 2015 });
    const own = resolveGoal(req('metric=win_rate,period=2026,benchmark=mine'), {
      traits: WIN_RATE, sets: [{ id: 'mine', name: 'Mine', kind: 'own', metrics: [{ metric: 'win_rate', value: 0.5, unit: 'ratio' }] }],
    }) as Goal;
    expect(own.target).toBe(0.5);
  });
  it('reads periods in the fiscal calendar', () => {
    const g = resolveGoal(req('metric=revenue,period=FY2027,target=1'), { traits: REVENUE, calendar: calendarOf({ fiscalYearStartMonth: 7 }) }) as Goal;
    expect(g.period.start).toBe(daysFromCivil(2026, 7, 1));
  });
  it('reports what cannot be resolved', () => {
    expect(resolveGoal(req('metric=revenue,period=2026-02-30,target=1'), { traits: REVENUE })).toMatchObject({ error: '#VALUE!' });
    expect(resolveGoal(req('metric=revenue,period=2026-02-03,target=1'), { traits: REVENUE })).toMatchObject({ error: '#VALUE!' });
    expect(resolveGoal(req('metric=revenue,period=2026,baseline=last-year'), { traits: REVENUE })).toMatchObject({ error: '#VALUE!' });
    expect(resolveGoal(req('metric=revenue,period=2026,benchmark=b2b-saas'), { traits: REVENUE })).toMatchObject({ error: '#N/A' });
    expect(resolveGoal(req('metric=revenue,period=2026,benchmark=nope'), { traits: REVENUE })).toMatchObject({ error: '#VALUE!' });
  });
});
