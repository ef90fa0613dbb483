import {
  numberGoal,
  projectionSentence,
  trackGoal,
  trackingRow,
  historyPeriods,
} from '../../../src/core/goals';
import type { Goal } from '../../../src/core/goals';
import { isMetricError } from '../../../src/core/errors';
import { forecastSeries } from '../../../src/core/forecast';
import { daysFromCivil, parsePeriodKey } from '../../../src/core/periods';
import { dailySum, REVENUE, WIN_RATE } from './helpers';

function goal(key: string, target: number, metric = 'revenue'): Goal {
  const g = numberGoal({ metric, period: parsePeriodKey(key)! }, target);
  if (isMetricError(g)) throw new Error(g.reason);
  return g;
}
const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);
const num = (v: unknown) => {
  if (typeof v !== 'number') throw new Error(`not a number: ${JSON.stringify(v)}`);
  return v;
};

describe('projectionSentence', () => {
  it('gives whole percentages of the target, the interval low to high', () => {
    expect(projectionSentence(96, 100, { low: 88.4, high: 103.6 })).toBe(
      'projected to reach 96 % of target (interval 88–104 %)',
    );
    expect(projectionSentence(27_900, 31_000)).toBe('projected to reach 90 % of target');
  });
});

describe('goal projection at the run rate', () => {
  // December 2026, target 31,000; 900 a day sold; as of 10 December: 10 of 31 days.
  const g = goal('2026-12', 31_000);
  const asOf = day(2026, 12, 10);

  it('projects actual ÷ elapsed share and says so when the history is short', () => {
    // Data from 1 May: May–November are 7 complete months, one short of the 8 needed.
    const t = trackGoal(g, {
      asOf,
      traits: REVENUE,
      evaluate: dailySum(() => 900),
      history: { firstDay: day(2026, 5, 1) },
    });
    expect(t.actualToDate).toBe(9000);
    expect(t.projection.forecast).toBeNull();
    expect(t.projected.method).toBe('run rate');
    expect(num(t.projected.value)).toBeCloseTo((9000 * 31) / 10, 9); // 27,900
    expect(t.projected.sentence).toBe('projected to reach 90 % of target at the run rate');
    expect(t.projected.basis).toContain('7 complete months of history, 8 needed');
    expect(t.status).toBe('at risk'); // pace 9000 / (31,000 × 10/31) = 0.9
  });

  it('keeps the run rate for rates, whatever the history', () => {
    const rate = goal('2026-12', 0.3, 'win_rate');
    const t = trackGoal(rate, {
      asOf,
      traits: WIN_RATE,
      evaluate: () => 0.27,
      history: { firstDay: day(2020, 1, 1) },
    });
    expect(t.projected.method).toBe('run rate');
    expect(t.projected.value).toBe(0.27);
    expect(t.projected.sentence).toBe('projected to reach 90 % of target at the run rate');
    expect(t.projected.basis).toContain('not a flow');
  });
});

describe('goal projection by the ETS forecaster', () => {
  // A wavy 1,000 a day from 1 January 2026: January–November are 11 complete months.
  const perDay = (d: number) => 1000 + 300 * Math.sin(d / 5);
  const firstDay = day(2026, 1, 1);
  const asOf = day(2026, 12, 10);
  // The first ten days of December sell double.
  const evaluate = dailySum((d) => (d >= day(2026, 12, 1) ? 2 * perDay(d) : perDay(d)));
  const months = historyPeriods(parsePeriodKey('2026-12')!, firstDay);
  const series = months.map((p) => {
    let s = 0;
    for (let d = p.start; d < p.end; d++) s += perDay(d);
    return s;
  });
  const reference = forecastSeries(series, { unit: 'month', horizon: 1, levels: [0.8] });
  if (isMetricError(reference)) throw new Error(reference.reason);
  let actual = 0;
  for (let d = day(2026, 12, 1); d <= asOf; d++) actual += 2 * perDay(d);
  const point = reference.forecast[0];
  const whole = (v: number) => actual + (v * 21) / 31;

  it('fits the complete months before the goal, never December itself', () => {
    expect(months.map((p) => p.key)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
  });

  it('adds the forecast of the days left to the actual, with the 80 % interval', () => {
    const t = trackGoal(goal('2026-12', 45_000), { asOf, traits: REVENUE, evaluate, history: { firstDay } });
    const f = t.projection.forecast!;
    expect(f).not.toBeNull();
    expect(f.model).toBe(reference.name);
    expect(f.fitted).toBe(11);
    expect(f.value).toBeCloseTo(whole(point.mean), 6);
    expect(f.low).toBeCloseTo(whole(point.lower[0]), 6);
    expect(f.high).toBeCloseTo(whole(point.upper[0]), 6);
    expect(f.low).toBeLessThan(f.value);
    expect(f.high).toBeGreaterThan(f.value);
    const pct = (v: number) => Math.round((v / 45_000) * 100);
    expect(t.projected).toMatchObject({ method: 'ets', value: f.value, low: f.low, high: f.high });
    expect(t.projected.sentence).toBe(
      `projected to reach ${pct(f.value)} % of target (interval ${pct(f.low)}–${pct(f.high)} %)`,
    );
    expect(t.projected.basis).toContain(`${reference.name} forecast of all of`);
    expect(t.paceBasis).toBe(
      'actual to date against the target paced even by days; the status is judged on the projection',
    );
    const row = trackingRow(t);
    expect(row).toMatchObject({
      projection: f.value,
      projectionMethod: 'ets',
      projectionLow: f.low,
      projectionHigh: f.high,
    });
    expect(row.projectionNote).toContain(t.projected.sentence);
  });

  it('judges the status on the projection, not on the pace to date', () => {
    // Pace to date is ahead (a double December so far), but the rest of the month is forecast at
    // the usual rate: judged on the projection against the target, with the usual thresholds.
    const projected = whole(point.mean);
    const at = (target: number) =>
      trackGoal(goal('2026-12', target), { asOf, traits: REVENUE, evaluate, history: { firstDay } });
    const risk = at(projected / 0.95);
    expect(num(risk.attainmentToDate)).toBeGreaterThan(1); // on track by pace
    expect(risk.status).toBe('at risk');
    expect(risk.projected.sentence).toMatch(/^projected to reach 95 % of target/);
    expect(at(projected / 0.85).status).toBe('off track');
    expect(at(projected).status).toBe('on track');
  });

  it('uses no history after the as-of day: the same projection whatever comes later', () => {
    const later = dailySum((d) => (d > asOf ? 1e9 : d >= day(2026, 12, 1) ? 2 * perDay(d) : perDay(d)));
    const a = trackGoal(goal('2026-12', 45_000), { asOf, traits: REVENUE, evaluate, history: { firstDay } });
    const b = trackGoal(goal('2026-12', 45_000), {
      asOf,
      traits: REVENUE,
      evaluate: later,
      history: { firstDay },
    });
    expect(b.projection.forecast).toEqual(a.projection.forecast);
  });

  it('reports the final value once the period is over', () => {
    const t = trackGoal(goal('2026-11', 30_000), {
      asOf: day(2026, 12, 10),
      traits: REVENUE,
      evaluate,
      history: { firstDay },
    });
    expect(t.projection.forecast).toBeNull();
    expect(t.projected.sentence).toMatch(/^reached \d+ % of target$/);
  });
});
