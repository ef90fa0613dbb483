import { buildDashboardPlan } from '../../src/sheets/dashboard';
import { numberGoal, trackGoal, type Goal } from '../../src/core/goals';
import { compareToBenchmark, type BenchmarkComparison } from '../../src/core/benchmarks/compare';
import { measurementSchedule } from '../../src/core/schedule';
import { computeMetric, getMetric } from '../../src/core/metrics';
import { periodAt, periodOf } from '../../src/core/periods';
import { isMetricError } from '../../src/core/errors';
import type { SheetPlan } from '../../src/sheets/plan';
import { sampleOrders, AS_OF } from './fixtures';

const sample = sampleOrders();
const inputs = { orders: sample.table };

/** The cells of the row where column `column` holds `text`, by column letter. */
function rowOf(plan: SheetPlan, column: string, text: string): Record<string, unknown> {
  const label = plan.cells.find((c) => c.value === text && c.ref.replace(/\d+$/, '') === column)!;
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
  const plan = buildDashboardPlan({
    inputs, asOf: AS_OF, sourceLabel: 'sample',
    goals: [tracking],
    benchmarks: [{ metric: 'aov', comparison, source: 'Example retail survey 2025' }],
    schedule: measurementSchedule(['revenue', 'retention_rate'], { revenue: AS_OF - 1 }, AS_OF),
  });

  it('lays out goal tracking as computed by core/goals', () => {
    expect(isMetricError(tracking.actualToDate)).toBe(false);
    const row = rowOf(plan, 'B', quarter.label);
    expect(row.A).toBe('Revenue');
    expect(row.C).toBe(30000);
    expect(row.D).toBe(tracking.actualToDate);
    expect(row.E).toBeCloseTo(tracking.expectedToDate, 9);
    expect(row.H).toBe(tracking.status);
  });

  it('lays out benchmark comparisons with their source', () => {
    const row = rowOf(plan, 'G', 'Example retail survey 2025');
    expect(row).toMatchObject({ A: getMetric('aov').label.en, B: aov, C: 240, D: comparison.gap, E: comparison.relativeGap, F: comparison.status });
  });

  it('lays out the measurement schedule', () => {
    const schedule = measurementSchedule(['revenue', 'retention_rate'], { revenue: AS_OF - 1 }, AS_OF);
    const rowAt = (r: string) => Object.fromEntries(plan.cells.filter((c) => c.ref.replace(/^[A-Z]+/, '') === r).map((c) => [c.ref.replace(/\d+$/, ''), c.value]));
    const rows = plan.cells.filter((c) => c.ref.startsWith('D') && c.value === schedule[1].nextDueDate).map((c) => rowAt(c.ref.slice(1)));
    expect(rows).toEqual(expect.arrayContaining([
      expect.objectContaining({ A: getMetric('retention_rate').label.en, B: schedule[1].cadence, C: '—' }),
    ]));
  });

  it('says how to fill each section when its inputs are missing', () => {
    const bare = buildDashboardPlan({ inputs, asOf: AS_OF, sourceLabel: 'sample' });
    const notes = bare.cells.filter((c) => c.style === 'note').map((c) => String(c.value));
    expect(notes).toEqual(expect.arrayContaining([
      expect.stringMatching(/^No goals set yet/), expect.stringMatching(/^No benchmarks chosen/), expect.stringMatching(/^No schedule/),
    ]));
  });
});
