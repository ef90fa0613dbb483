/**
 * Goals on real data (the CDNOW sample), with `evaluate` built on the metric engine the way the
 * CLI and dashboard build it, checked against sums taken straight from the file.
 */
import { computeWindows } from '../../../src/core/metrics';
import { isMetricError } from '../../../src/core/errors';
import type { MetricValue } from '../../../src/core/errors';
import { baselineGoal, splitGoal, trackGoal } from '../../../src/core/goals';
import type { Evaluate, Goal, GoalSplit } from '../../../src/core/goals';
import { daysFromCivil, parsePeriodKey } from '../../../src/core/periods';
import { loadCdnow } from '../../support/cdnow';
import { REVENUE } from './helpers';

const orders = loadCdnow();
const asOf = daysFromCivil(1998, 2, 15);

/** The engine's revenue over a window (window 0 is the one before, which revenue ignores). */
const engine: Evaluate = (w) => {
  const prev = { start: 2 * w.start - w.end, end: w.start, key: 'prev' };
  return computeWindows({ orders }, ['revenue'], [prev, { ...w, key: 'w' }], { asOf })[0][0] as MetricValue;
};
/** Straight from the rows. */
const direct = (start: number, end: number) => {
  let sum = 0;
  for (let i = 0; i < orders.length; i++) if (orders.date[i] >= start && orders.date[i] < end) sum += orders.amount[i];
  return sum;
};
const d = (y: number, m: number, day: number) => daysFromCivil(y, m, day);

describe('a 1998-Q1 revenue goal on CDNOW', () => {
  // The cohort bought most in its first quarter (1997-Q1); plan 1998-Q1 at 40 % of it.
  const goal = baselineGoal({ metric: 'revenue', period: parsePeriodKey('1998-Q1')! }, { kind: 'last-year' }, -0.6, engine) as Goal;
  const q1 = direct(d(1997, 1, 1), d(1997, 4, 1));
  const months97 = [direct(d(1997, 1, 1), d(1997, 2, 1)), direct(d(1997, 2, 1), d(1997, 3, 1)), direct(d(1997, 3, 1), d(1997, 4, 1))];

  it('takes its baseline from last year', () => {
    expect(isMetricError(goal)).toBe(false);
    expect(goal.target).toBeCloseTo(q1 * 0.4, 6);
  });

  it('splits by 1997 seasonality and paces against it', () => {
    const split = splitGoal(goal, { unit: 'month', method: 'seasonal', traits: REVENUE, evaluate: engine }) as GoalSplit;
    expect(split.applied).toBe('seasonal');
    split.parts.forEach((p, i) => expect(p.target).toBeCloseTo((goal.target * months97[i]) / q1, 1));
    const t = trackGoal(goal, { asOf, traits: REVENUE, evaluate: engine, split });
    // January whole + 15 of February's 28 days.
    const expected = split.parts[0].target + (split.parts[1].target * 15) / 28;
    const actual = direct(d(1998, 1, 1), d(1998, 2, 16));
    expect(t.expectedToDate).toBeCloseTo(expected, 6);
    expect(t.actualToDate as number).toBeCloseTo(actual, 6);
    expect(t.attainmentToDate as number).toBeCloseTo(actual / expected, 9);
    expect(t.projection.runRate as number).toBeCloseTo(actual / (46 / 90), 6);
    expect(t.parts[0].actual as number).toBeCloseTo(direct(d(1998, 1, 1), d(1998, 2, 1)), 6);
    // The 1998 repeat buying of a 1997 cohort is far below its first quarter: well under pace.
    expect(actual / expected).toBeLessThan(0.9);
    expect(t.status).toBe('off track');
  });
});
