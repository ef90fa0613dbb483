import { buildDashboardPlan } from '../../src/sheets/dashboard';
import { numberGoal, trackGoal, type Goal } from '../../src/core/goals';
import { compareToBenchmark, type BenchmarkComparison } from '../../src/core/benchmarks/compare';
import { scheduleFromHistory } from '../../src/core/schedule';
import { computeMetric, getMetric } from '../../src/core/metrics';
import { formatDay, periodAt, periodOf } from '../../src/core/periods';
import { isMetricError } from '../../src/core/errors';
import type { SheetPlan } from '../../src/sheets/plan';
import { sampleOrders, AS_OF } from './fixtures';

const sample = sampleOrders();
const inputs = { orders: sample.table };

/** The cells of the row where column `column` holds `text`, by column letter. */
function rowOf(plan: SheetPlan, column: string, text: string, last = false): Record<string, unknown> {
  const matches = plan.cells.filter((c) => c.value === text && c.ref.replace(/\d+$/, '') === column);
  const label = last ? matches[matches.length - 1] : matches[0];
  const r = label.ref.replace(/^[A-Z]+/, '');
  return Object.fromEntries(plan.cells.filter((c) => c.ref.replace(/^[A-Z]+/, '') === r).map((c) => [c.ref.replace(/\d+$/, ''), c.value]));
}

describe('goal pacing, benchmarks and schedule sections', () => {
  const quarter = periodOf(AS_OF, 'quarter');
  const goal = numberGoal({ metric: 'revenue', period: quarter }, 30000) as Goal;
  const tracking = trackGoal(goal, {
    asOf: AS_OF,
    traits: { id: 'revenue', better: 'higher', kind: 'flow' } as never,
    evaluate: (w) => computeMetric('revenue', inputs, { ...periodAt(quarter.index, 'quarter'), start: w.start, end: w.end }, { asOf: AS_OF }),
  });
  const aov = computeMetric('aov', inputs, periodOf(AS_OF, 'month'), { asOf: AS_OF });
  const comparison = compareToBenchmark(aov, { value: 240 }, { better: 'higher' }) as BenchmarkComparison;
  // Revenue refreshed on 3 of the last 5 days (and today), retention never before today.
  const history = [
    { day: AS_OF - 4, metrics: ['revenue'] },
    { day: AS_OF - 2, metrics: ['revenue'] },
    { day: AS_OF, metrics: ['revenue', 'retention_rate'] },
  ];
  const plan = buildDashboardPlan({
    inputs, asOf: AS_OF, sourceLabel: 'sample',
    goals: [tracking],
    benchmarks: [{ metric: 'aov', comparison, source: 'Example retail survey 2025' }],
    schedule: scheduleFromHistory(['revenue', 'retention_rate'], history, AS_OF),
  });

  it('lays out goal tracking as computed by core/goals', () => {
    expect(isMetricError(tracking.actualToDate)).toBe(false);
    const row = rowOf(plan, 'B', quarter.label);
    expect(row.A).toBe('Revenue');
    expect(row.C).toBe(30000);
    expect(row.D).toBe(tracking.actualToDate);
    expect(row.E).toBeCloseTo(tracking.expectedToDate, 9);
    expect(row.H).toBe(({ 'on track': 'On track', 'at risk': 'At risk', 'off track': 'Off track' } as Record<string, string>)[tracking.status]);
  });

  it('lays out benchmark comparisons with their source', () => {
    const row = rowOf(plan, 'G', 'Example retail survey 2025');
    expect(row).toMatchObject({ A: getMetric('aov').label.en, B: aov, C: 240, D: comparison.gap, E: comparison.relativeGap });
    expect(row.F).toBe({ better: 'Better', worse: 'Worse', within: 'Within range' }[comparison.status]);
  });

  it('lays out the measurement schedule from the refresh history', () => {
    const day = (n: number) => formatDay(AS_OF + n);
    expect(rowOf(plan, 'A', getMetric('revenue').label.en, true)).toEqual({ A: 'Revenue', B: 'day', C: day(0), D: day(-2), E: day(1), F: '3 of 5 days' });
    expect(rowOf(plan, 'A', getMetric('retention_rate').label.en, true)).toMatchObject({ B: 'week', C: day(0), D: '—', E: day(7), F: '1 of 1 week' });
  });

  it('says how to fill each section when its inputs are missing', () => {
    const bare = buildDashboardPlan({ inputs, asOf: AS_OF, sourceLabel: 'sample' });
    const notes = bare.cells.filter((c) => c.style === 'note').map((c) => String(c.value));
    expect(notes).toEqual(expect.arrayContaining([
      expect.stringMatching(/^No goals set yet/), expect.stringMatching(/^No benchmarks chosen/), expect.stringMatching(/^No schedule/),
    ]));
  });
});
