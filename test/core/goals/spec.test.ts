import { parseGoalSpec, resolveGoal } from '../../../src/core/goals';
import type { Goal, GoalRequest } from '../../../src/core/goals';
import { calendarOf, daysFromCivil } from '../../../src/core/periods';
import { dailySum, REVENUE, WIN_RATE } from './helpers';
import type { MetricTraits } from '../../../src/core/goals';

const CHURN: MetricTraits = { id: 'churn_rate', better: 'lower', kind: 'ratio', pace: 'complement-curve' };

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
    // A year's churn goal takes the annual figure as published (10 %); a month's the monthly range's
    // better end (3 %); a quarter's the annual figure converted: 1 − 0.9^(1/4) = 0.0259962536.
    const year = resolveGoal(req('metric=churn_rate,period=2026,benchmark=b2b-saas'), { traits: CHURN }) as Goal;
    expect(year.target).toBe(0.1);
    expect(year.basis).toMatchObject({ kind: 'benchmark', set: 'b2b-saas', year: 2016, used: 'value' });
    expect(year.basis).not.toHaveProperty('converted');
    const month = resolveGoal(req('metric=churn_rate,period=2026-11,benchmark=b2b-saas'), { traits: CHURN }) as Goal;
    expect(month.target).toBe(0.03);
    expect(month.basis).toMatchObject({ used: 'min', year: 2025 });
    const quarter = resolveGoal(req('metric=churn_rate,period=2026-Q4,benchmark=b2b-saas'), { traits: CHURN }) as Goal;
    expect(quarter.target).toBeCloseTo(0.0259962536, 9);
    expect(quarter.basis).toMatchObject({ converted: 'An annual figure converted to quarterly: 1 − (1 − c)^(1/4)' });
    // Hit rates over proposals pursued are not win rates over closed deals: no goal from them.
    const hit = resolveGoal(req('metric=win_rate,period=2026,benchmark=professional-services'), { traits: WIN_RATE });
    expect(hit).toMatchObject({ error: '#N/A', reason: expect.stringContaining('measures proposals won ÷ proposals pursued') });
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
