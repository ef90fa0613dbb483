import type { Goal } from '../../src/core/goals';
import { numberGoal } from '../../src/core/goals';
import { isMetricError } from '../../src/core/errors';
import { parsePeriodKey } from '../../src/core/periods';
import { goalsFor, kpiTargets, overallGoals } from '../../src/cli/workbook-plans';

function goal(
  metric: string,
  period: string,
  target: number,
  scope?: { rep?: string; region?: string },
): Goal {
  const made = numberGoal({ metric, period: parsePeriodKey(period)!, ...(scope ? { scope } : {}) }, target);
  if (isMetricError(made)) throw new Error(made.reason);
  return made;
}

describe('goals for the dashboard and the review', () => {
  const goals = [
    goal('revenue', '2026-Q1', 900, { region: 'North' }),
    goal('revenue', '2026-Q1', 1800, { region: 'South' }),
    goal('revenue', '2026-Q1', 5000, { rep: 'Ani' }),
    goal('revenue', '2026', 12000),
    goal('aov', '2026', 300),
    goal('aov', '2026-Q1', 250, { region: 'North' }),
  ];

  it('sums regional goals of a flow metric into a business-wide goal, never rep goals or rates', () => {
    const overall = overallGoals(goals);
    const byKey = Object.fromEntries(overall.map((g) => [`${g.metric}|${g.period.key}`, g.target]));
    expect(byKey).toEqual({ 'revenue|2026-Q1': 2700, 'revenue|2026': 12000, 'aov|2026': 300 });
    expect(overall.every((g) => !g.scope)).toBe(true);
  });

  it('takes the shortest goal containing the period, prorated by days for flows', () => {
    // February: Q1's 2,700 × 28 / 90 days; AOV keeps its yearly rate.
    const feb = goalsFor(goals, parsePeriodKey('2026-02')!);
    expect(feb.revenue).toBeCloseTo((2700 * 28) / 90, 9);
    expect(feb.aov).toBe(300);
    // A week of Q1: 2,700 × 7 / 90. A week in Q2 falls back to the year: 12,000 × 7 / 365.
    expect(goalsFor(goals, parsePeriodKey('2026-W10')!).revenue).toBeCloseTo((2700 * 7) / 90, 9);
    expect(goalsFor(goals, parsePeriodKey('2026-W20')!).revenue).toBeCloseTo((12000 * 7) / 365, 9);
    // The same period as the goal: the target itself.
    expect(goalsFor(goals, parsePeriodKey('2026-Q1')!).revenue).toBe(2700);
    expect(goalsFor(goals, parsePeriodKey('2027-01')!)).toEqual({});
  });

  it('paces the KPI goal of a flow to the as-of day, not a rate', () => {
    // 2026-02-10: 10 of February's 28 days are over.
    const targets = kpiTargets(goals, parsePeriodKey('2026-02')!, null, parsePeriodKey('2026-02-10')!.start);
    expect(targets.revenue?.goal).toBeCloseTo(((2700 * 28) / 90) * (10 / 28), 9);
    expect(targets.aov?.goal).toBe(300);
  });
});
