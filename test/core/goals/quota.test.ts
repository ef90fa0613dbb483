/**
 * Quota per rep on the hand-worked pipeline of test/core/pipeline/fixture.ts (as of 2026-02-15):
 * attainment, pace, run rate, forecast and coverage, a rep without a quota, a quota without
 * activity, quotas split by region, a leap-year quarter and a fiscal quarter.
 */
import { isMetricError } from '../../../src/core/errors';
import { quotaLeaderboard, repQuotas } from '../../../src/core/goals/quota';
import type { Goal } from '../../../src/core/goals';
import { calendarOf, parsePeriodKey, type Calendar } from '../../../src/core/periods';
import { openPipeline } from '../../../src/core/pipeline';
import { AS_OF, day, fixture } from '../pipeline/fixture';

function goal(rep: string, key: string, target: number, calendar?: Calendar, region?: string): Goal {
  const period = parsePeriodKey(key, calendar)!;
  return {
    id: `revenue|${key}|rep=${rep}${region ? `|region=${region}` : ''}`,
    metric: 'revenue',
    period,
    target,
    scope: { rep, ...(region ? { region } : {}) },
    basis: { kind: 'number' },
  };
}

describe('quota per rep, 2026-Q1 as of 2026-02-15', () => {
  const table = fixture();
  const pipeline = { table, open: openPipeline(table, AS_OF) };
  const goals = [
    // Ann's quarter in two regional rows: 6,000 + 4,000; her year is longer and not used.
    goal('Ann', '2026-Q1', 6000, undefined, 'Jakarta'),
    goal('Ann', '2026-Q1', 4000, undefined, 'Bandung'),
    goal('Ann', '2026', 50000),
    goal('Bob', '2026-Q1', 5000),
    goal('Dee', '2026-Q1', 4000),
    // Another metric and a past quarter are no quota.
    { ...goal('Bob', '2026-Q1', 10), metric: 'orders', id: 'orders' },
    goal('Bob', '2025-Q4', 7000),
  ];
  const board = quotaLeaderboard({ goals, asOf: AS_OF, pipeline, reps: ['Ann', 'Bob', 'Cy', ' cy '] });
  const byRep = new Map(board.map((l) => [l.rep, l]));
  // 2026-Q1 has 90 days; by 2026-02-15, 31 + 15 = 46 are gone.
  const pace = 46 / 90;

  it('takes the shortest period holding the as-of day and adds up its rows', () => {
    const quotas = repQuotas(goals, AS_OF);
    expect(quotas.map((q) => [q.rep, q.period.key, q.quota])).toEqual([
      ['Ann', '2026-Q1', 10000],
      ['Bob', '2026-Q1', 5000],
      ['Dee', '2026-Q1', 4000],
    ]);
  });

  it('ranks by attainment, then lists the reps without a quota', () => {
    expect(board.map((l) => l.rep)).toEqual(['Ann', 'Bob', 'Dee', 'Cy']);
  });

  it('Ann: 3,000 won of 10,000, forecast 3,000 + 1,200, coverage 1,600 ÷ 7,000', () => {
    const ann = byRep.get('Ann')!;
    expect(ann.actualFrom).toBe('won deals');
    expect(ann.actual).toBe(3000);
    expect(ann.attainment).toBeCloseTo(0.3, 12);
    expect(ann.pace).toBeCloseTo(pace, 12);
    expect(ann.vsPace).toBeCloseTo(0.3 - pace, 12);
    expect(ann.runRate).toBeCloseTo((3000 / 46) * 90, 9);
    expect(ann.forecast).toBeCloseTo(4200, 9);
    expect(ann.due).toMatchObject({ count: 2, value: 1600, weighted: 1200 });
    expect(ann.coverage).toBeCloseTo(1600 / 7000, 12);
    expect(ann.stale).toBe(1);
  });

  it('Bob: nothing won yet; forecast is his weighted due pipeline; coverage 2,000 ÷ 5,000', () => {
    const bob = byRep.get('Bob')!;
    expect(bob.actual).toBe(0);
    expect(bob.attainment).toBe(0);
    expect(bob.forecast).toBeCloseTo(1800, 9);
    expect(bob.coverage).toBeCloseTo(0.4, 12);
  });

  it('Dee has a quota and no activity: all zero, coverage 0', () => {
    const dee = byRep.get('Dee')!;
    expect(dee).toMatchObject({ actual: 0, attainment: 0, forecast: 0, coverage: 0, stale: 0 });
    expect(dee.due?.count).toBe(0);
  });

  it('Cy has activity and no quota: figures without a quota say why', () => {
    const cy = byRep.get('Cy')!;
    expect(cy.quota).toBeUndefined();
    expect(cy.period.key).toBe('2026-Q1');
    expect(cy.actual).toBe(0);
    expect(isMetricError(cy.attainment) && cy.attainment.reason).toBe('no revenue quota for Cy in 2026-Q1');
    expect(isMetricError(cy.coverage) && cy.coverage.error).toBe('#N/A');
  });

  it('measures reps by their orders when the orders can say', () => {
    const revenue = (start: number, end: number, rep: string) =>
      rep === 'Ann' && start === day('2026-01-01') && end === day('2026-02-16') ? 4500 : 0;
    const ann = quotaLeaderboard({ goals, asOf: AS_OF, pipeline, ordersRevenue: revenue })[0];
    expect(ann).toMatchObject({ rep: 'Ann', actual: 4500, actualFrom: 'orders' });
    expect(ann.forecast).toBeCloseTo(4500 + 1200, 9);
    expect(ann.coverage).toBeCloseTo(1600 / 5500, 12);
  });

  it('without a pipeline the forecast is the run rate', () => {
    const ann = quotaLeaderboard({ goals, asOf: AS_OF, ordersRevenue: () => 4600 })[0];
    expect(ann.forecastFrom).toBe('run rate');
    expect(ann.forecast).toBeCloseTo((4600 / 46) * 90, 9);
    expect(isMetricError(ann.coverage)).toBe(true);
  });
});

describe('pace over leap years and fiscal quarters', () => {
  it('2028-Q1 has 91 days; by 2028-02-29, 60 are gone', () => {
    const [line] = quotaLeaderboard({
      goals: [goal('Ann', '2028-Q1', 9100)],
      asOf: day('2028-02-29'),
      ordersRevenue: () => 6000,
    });
    expect(line.pace).toBeCloseTo(60 / 91, 12);
    expect(line.runRate).toBeCloseTo((6000 / 60) * 91, 9);
    expect(line.attainment).toBeCloseTo(6000 / 9100, 12);
  });

  it('FY2027-Q1 of a July fiscal year is July–September 2026: 46 of 92 days by 2026-08-15', () => {
    const calendar = calendarOf({ fiscalYearStartMonth: 7 });
    const [line] = quotaLeaderboard({
      goals: [goal('Ann', 'FY2027-Q1', 9200, calendar)],
      asOf: day('2026-08-15'),
      ordersRevenue: (start, end) => (start === day('2026-07-01') && end === day('2026-08-16') ? 4000 : NaN),
    });
    expect(line.period.start).toBe(day('2026-07-01'));
    expect(line.pace).toBe(0.5);
    expect(line.attainment).toBeCloseTo(4000 / 9200, 12);
    expect(line.vsPace).toBeCloseTo(4000 / 9200 - 0.5, 12);
  });

  it('a quota of 0 and an exceeded quota explain themselves', () => {
    const board = quotaLeaderboard({
      goals: [goal('Zed', '2026-Q1', 0), goal('Amy', '2026-Q1', 100)],
      asOf: AS_OF,
      ordersRevenue: () => 150,
      pipeline: { table: fixture(), open: openPipeline(fixture(), AS_OF) },
    });
    const amy = board.find((l) => l.rep === 'Amy')!;
    const zed = board.find((l) => l.rep === 'Zed')!;
    expect(amy.attainment).toBe(1.5);
    expect(isMetricError(amy.coverage) && amy.coverage.reason).toMatch(/exceeded by 50/);
    expect(isMetricError(zed.attainment) && zed.attainment.error).toBe('#DIV/0!');
  });
});
