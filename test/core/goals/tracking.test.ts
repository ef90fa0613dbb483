import fc from 'fast-check';
import { goalStatus, numberGoal, splitGoal, statusThresholds, trackGoal, trackingRow } from '../../../src/core/goals';
import type { Goal, GoalSplit, GoalTracking } from '../../../src/core/goals';
import { isMetricError, metricError } from '../../../src/core/errors';
import { civilFromDays, daysFromCivil, parsePeriodKey } from '../../../src/core/periods';
import { CAC, dailySum, PIPELINE, REVENUE, WIN_RATE } from './helpers';

function goal(key: string, target: number, metric = 'revenue'): Goal {
  const g = numberGoal({ metric, period: parsePeriodKey(key)! }, target);
  if (isMetricError(g)) throw new Error(g.reason);
  return g;
}
const num = (v: unknown) => {
  if (typeof v !== 'number') throw new Error(`not a number: ${JSON.stringify(v)}`);
  return v;
};
const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);

describe('trackGoal, flow, even pace', () => {
  // Target 365,000 for 2026 (1,000 a day); the team sells 900 a day.
  const g = goal('2026', 365_000);
  const t = trackGoal(g, { asOf: day(2026, 3, 31), traits: REVENUE, evaluate: dailySum(() => 900) });

  it('paces by elapsed days: 90 of 365 days → 90,000 expected', () => {
    expect(t.daysElapsed).toBe(90);
    expect(t.daysRemaining).toBe(275);
    expect(t.expectedToDate).toBeCloseTo(90_000, 9);
    expect(t.actualToDate).toBe(81_000);
    expect(num(t.attainmentToDate)).toBeCloseTo(0.9, 12);
    expect(num(t.attainmentOfTarget)).toBeCloseTo(81_000 / 365_000, 12);
    expect(num(t.gap)).toBeCloseTo(-9000, 9);
    expect(t.favourable).toBe(false);
    expect(t.status).toBe('at risk');
  });

  it('projects by run-rate and trend, and says what is still required', () => {
    expect(num(t.projection.runRate)).toBeCloseTo(900 * 365, 6);
    expect(num(t.projection.trend)).toBeCloseTo(900 * 365, 6); // a flat daily rate
    expect(t.required.value).toBe(284_000);
    expect(num(t.required.perDay)).toBeCloseTo(284_000 / 275, 9);
    expect(t.required.subPeriodsLeft).toBe(9); // April–December
    expect(num(t.required.perSubPeriod)).toBeCloseTo(284_000 / 9, 9);
  });

  it('reports each month: a month that is over is achieved or missed', () => {
    expect(t.parts).toHaveLength(12);
    // January is over: 27,900 against its 31,000 → missed (not "at risk").
    expect(t.parts[0]).toMatchObject({ key: '2026-01', actual: 27_900, status: 'missed' });
    expect(t.parts[3]).toMatchObject({ key: '2026-04', actual: null, status: 'not started' });
  });

  it('fits a trend through the completed months', () => {
    // Sales grow by one a day: day k of the year sells k (k = 0…364). The monthly daily rates
    // lie exactly on a line, so the trend projects the year's true total Σk = 364·365/2.
    const jan1 = day(2026, 1, 1);
    const growing = trackGoal(g, { asOf: day(2026, 5, 20), traits: REVENUE, evaluate: dailySum((d) => d - jan1) });
    expect(num(growing.projection.trend)).toBeCloseTo((364 * 365) / 2, 6);
    const early = trackGoal(g, { asOf: day(2026, 2, 3), traits: REVENUE, evaluate: dailySum(() => 1) });
    expect(isMetricError(early.projection.trend)).toBe(true);
  });

  it('is not started before the period and reports a missing actual as no data', () => {
    const before = trackGoal(g, { asOf: day(2025, 12, 31), traits: REVENUE, evaluate: dailySum(() => 1) });
    expect(before.status).toBe('not started');
    expect(before.daysElapsed).toBe(0);
    const missing = trackGoal(g, { asOf: day(2026, 6, 1), traits: REVENUE, evaluate: () => metricError('#N/A', 'no orders') });
    expect(missing.status).toBe('no data');
    expect(missing.actualToDate).toEqual(metricError('#N/A', 'no orders'));
  });

  it('at period end, nothing is required any more and the run-rate is the actual', () => {
    const end = trackGoal(g, { asOf: day(2026, 12, 31), traits: REVENUE, evaluate: dailySum(() => 1000) });
    expect(end.elapsedShare).toBe(1);
    expect(end.finished).toBe(true);
    expect(end.status).toBe('achieved');
    expect(end.projection.runRate).toBe(365_000);
    expect(isMetricError(end.required.value)).toBe(true);
    // Dates past the end are clipped to the period.
    const later = trackGoal(g, { asOf: day(2027, 3, 1), traits: REVENUE, evaluate: dailySum(() => 1000) });
    expect(later.actualToDate).toBe(365_000);
  });

  it('uses user thresholds', () => {
    const loose = trackGoal(g, { asOf: day(2026, 3, 31), traits: REVENUE, evaluate: dailySum(() => 900), thresholds: statusThresholds({ onTrack: 0.9 }) });
    expect(loose.status).toBe('on track');
  });
});

describe('trackGoal, flow, seasonal pace', () => {
  it('paces by last year shares: January whole + half of February', () => {
    // 2025 sold `month` a day, so the 2026 target of 238,200 splits as 100 × month × days.
    const lastYear = dailySum((d) => civilFromDays(d).month);
    const g = goal('2026', 238_200);
    const split = splitGoal(g, { unit: 'month', method: 'seasonal', traits: REVENUE, evaluate: lastYear }) as GoalSplit;
    // 2026 sells 95 × month a day. As of 14 Feb: expected = 3,100 + 5,600 × 14/28 = 5,900;
    // actual = 95 × 31 + 190 × 14 = 5,605 → 95 % of pace.
    const t = trackGoal(g, { asOf: day(2026, 2, 14), traits: REVENUE, evaluate: dailySum((d) => 95 * civilFromDays(d).month), split });
    expect(t.expectedToDate).toBeCloseTo(5900, 9);
    expect(t.actualToDate).toBe(5605);
    expect(num(t.attainmentToDate)).toBeCloseTo(0.95, 12);
    expect(t.status).toBe('at risk');
    expect(t.paceBasis).toMatch(/seasonal split by month/);
    expect(t.parts[1]).toMatchObject({ key: '2026-02', target: 5600, expectedToDate: 2800, actual: 2660 });
  });

  it('paces a partial first week of 2026 by its own days', () => {
    const g = goal('2026', 365_000);
    const split = splitGoal(g, { unit: 'week', method: 'even', traits: REVENUE }) as GoalSplit;
    // As of Sat 3 Jan: 3 of the 4 days of week 1 → 3,000 expected.
    const t = trackGoal(g, { asOf: day(2026, 1, 3), traits: REVENUE, evaluate: dailySum(() => 1000), split });
    expect(t.expectedToDate).toBeCloseTo(3000, 9);
    expect(t.parts[0]).toMatchObject({ key: '2026-W01', target: 4000, expectedToDate: 3000, actual: 3000, status: 'on track' });
    expect(t.status).toBe('on track');
  });
});

describe('trackGoal, ratio and stock', () => {
  it('compares a rate to date with the target rate (pace is not proportional to time)', () => {
    const g = goal('2026', 0.3, 'win_rate');
    const t = trackGoal(g, { asOf: day(2026, 7, 1), traits: WIN_RATE, evaluate: () => 0.25 });
    expect(t.expectedToDate).toBe(0.3);
    expect(num(t.attainmentToDate)).toBeCloseTo(0.25 / 0.3, 12);
    expect(t.status).toBe('off track');
    expect(t.projection.runRate).toBe(0.25);
    // 182 days at 25 %; the remaining 183 days need (0.3 × 365 − 0.25 × 182) / 183 = 64/183.
    expect(num(t.required.value)).toBeCloseTo(64 / 183, 12);
  });

  it('inverts attainment and status for lower-is-better metrics (CAC)', () => {
    const g = goal('2026-Q1', 100, 'cac');
    const at = (cac: number) => trackGoal(g, { asOf: day(2026, 2, 10), traits: CAC, evaluate: () => cac });
    expect(num(at(80).attainmentToDate)).toBeCloseTo(1.25, 12);
    expect(at(80).status).toBe('on track');
    expect(at(100).status).toBe('on track');
    expect(num(at(105).attainmentToDate)).toBeCloseTo(100 / 105, 12);
    expect(at(105).status).toBe('at risk');
    expect(at(120).status).toBe('off track');
    expect(at(120).favourable).toBe(false);
    expect(at(80).favourable).toBe(true);
  });

  it('compares the latest level of a stock with the target', () => {
    const g = goal('2026-Q2', 1_000_000, 'pipeline_value');
    const t = trackGoal(g, { asOf: day(2026, 5, 31), traits: PIPELINE, evaluate: () => 800_000 });
    expect(num(t.attainmentOfTarget)).toBeCloseTo(0.8, 12);
    expect(t.status).toBe('off track');
    expect(t.required.value).toBe(200_000);
    expect(num(t.required.perDay)).toBeCloseTo(200_000 / 30, 9); // June left
  });

  it('extrapolates a ratio trend to the whole-period rate', () => {
    // The rate over a window is its middle day / 1000 (a rate rising steadily through the year):
    // sub-period rates lie on a line, so the projection is the whole year's rate, 365/2/1000.
    const jan1 = day(2026, 1, 1);
    const g = goal('2026', 0.2, 'win_rate');
    const t = trackGoal(g, { asOf: day(2026, 8, 10), traits: WIN_RATE, evaluate: (w) => ((w.start + w.end) / 2 - jan1) / 1000 });
    expect(num(t.projection.trend)).toBeCloseTo(365 / 2 / 1000, 12);
  });

  it('extrapolates a growing stock along its trend to the period end', () => {
    // Level = days since 1 Jan 2026, read at each window end.
    const jan1 = day(2026, 1, 1);
    const g = goal('2026', 500, 'pipeline_value');
    const t = trackGoal(g, { asOf: day(2026, 6, 30), traits: PIPELINE, evaluate: (w) => w.end - jan1 });
    expect(num(t.projection.trend)).toBeCloseTo(365, 9);
  });
});

describe('goalStatus', () => {
  it('uses the thresholds both ways', () => {
    expect(goalStatus(100, 100, 'higher')).toBe('on track');
    expect(goalStatus(90, 100, 'higher')).toBe('at risk');
    expect(goalStatus(89.9, 100, 'higher')).toBe('off track');
    expect(goalStatus(0, 0, 'higher')).toBe('on track');
    expect(goalStatus(0, 5, 'lower')).toBe('on track');
    expect(goalStatus(5, 0, 'lower')).toBe('off track');
  });

  it('never improves when the actual moves the wrong way', () => {
    const rank = { 'off track': 0, 'at risk': 1, 'on track': 2 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        (a, b, expected, t1, t2) => {
          const thresholds = statusThresholds({ onTrack: Math.max(t1, t2), atRisk: Math.min(t1, t2) });
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const higherOk = rank[goalStatus(lo, expected, 'higher', thresholds)] <= rank[goalStatus(hi, expected, 'higher', thresholds)];
          const lowerOk = rank[goalStatus(lo, expected, 'lower', thresholds)] >= rank[goalStatus(hi, expected, 'lower', thresholds)];
          return higherOk && lowerOk;
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('tracking results are JSON-ready', () => {
  it('survives a JSON round trip unchanged', () => {
    const t: GoalTracking = trackGoal(goal('2026', 365_000), { asOf: day(2026, 3, 31), traits: REVENUE, evaluate: dailySum(() => 900) });
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
  });
});

describe('trackingRow', () => {
  it('flattens a tracking result, keeping reasons for missing values', () => {
    const g = goal('2026', 365_000);
    const row = trackingRow(trackGoal(g, { asOf: day(2026, 1, 20), traits: REVENUE, evaluate: dailySum(() => 1000) }));
    expect(row).toMatchObject({ goal: 'revenue|2026', period: '2026', asOf: '2026-01-20', target: 365_000, actualToDate: 20_000, status: 'on track', rep: null });
    expect(row.projectionTrend).toBeNull();
    expect(row.reasons).toEqual(['projectionTrend: a trend needs at least two completed sub-periods']);
  });

  it('ignores a split made for another goal', () => {
    const g = goal('2026', 365_000);
    const other = splitGoal(goal('2026', 1), { unit: 'month', method: 'even', traits: REVENUE }) as GoalSplit;
    const t = trackGoal({ ...g, id: 'mine' }, { asOf: day(2026, 3, 31), traits: REVENUE, evaluate: dailySum(() => 1000), split: other });
    expect(t.expectedToDate).toBeCloseTo(90_000, 9);
  });
});
