import { buildDashboardPlan } from '../../src/sheets/dashboard';
import { noBaselineTracking, numberGoal, trackGoal, type Goal } from '../../src/core/goals';
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
  const ranged = compareToBenchmark(0.04, { min: 0.03, max: 0.05 }, { better: 'lower' }) as BenchmarkComparison;
  const month = periodOf(AS_OF, 'month');
  const finished = trackGoal(numberGoal({ metric: 'revenue', period: periodOf(AS_OF - 40, 'month') }, 1) as Goal, {
    asOf: AS_OF,
    traits: { id: 'revenue', better: 'higher', kind: 'flow' },
    evaluate: (w) => computeMetric('revenue', inputs, { ...periodOf(w.start, 'month'), start: w.start, end: w.end }, { asOf: AS_OF }),
  });
  const noBaseline = noBaselineTracking(
    { id: 'aov|m', metric: 'aov', period: month },
    { id: 'aov', better: 'higher', kind: 'ratio' },
    AS_OF,
    'no baseline: the data starts on 2026-01-01, after Nov 2025 began',
  );
  // Revenue refreshed on 3 of the last 5 days (and today), retention never before today.
  const history = [
    { day: AS_OF - 4, metrics: ['revenue'] },
    { day: AS_OF - 2, metrics: ['revenue'] },
    { day: AS_OF, metrics: ['revenue', 'retention_rate'] },
  ];
  const plan = buildDashboardPlan({
    inputs, asOf: AS_OF, sourceLabel: 'sample',
    goals: [tracking, finished, noBaseline],
    benchmarks: [
      { metric: 'aov', comparison, source: 'Example retail survey 2025' },
      { metric: 'churn_rate', comparison: ranged, note: 'A monthly figure.', source: 'Churn survey 2025' },
      {
        metric: 'repeat_rate',
        value: 0.9,
        benchmark: { value: 0.282 },
        skipped: 'measures the lifetime repeat-buyer share, not this metric',
        source: 'Repeat survey 2025',
      },
    ],
    schedule: scheduleFromHistory(['revenue', 'retention_rate'], history, AS_OF),
  });

  it('lays out goal tracking as computed by core/goals', () => {
    expect(isMetricError(tracking.actualToDate)).toBe(false);
    const row = rowOf(plan, 'B', quarter.label);
    expect(row.A).toBe('Revenue');
    expect(row.C).toBe(30000);
    expect(row.D).toBe(tracking.actualToDate);
    expect(row.E).toBeCloseTo(tracking.expectedToDate!, 9);
    expect(row.H).toBe(({ 'on track': 'On track', 'at risk': 'At risk', 'off track': 'Off track' } as Record<string, string>)[tracking.status]);
  });

  it('reads a finished period as achieved or missed, and a goal without a baseline as no baseline', () => {
    const done = rowOf(plan, 'B', finished.periodLabel);
    expect(done.H).toBe((finished.actualToDate as number) >= 1 ? 'Achieved' : 'Missed');
    const none = rowOf(plan, 'B', month.label);
    expect(none).toMatchObject({ A: 'Average order value', C: null, E: null, H: 'No baseline' });
    const note = plan.cells.find((c) => c.value === 'No baseline')?.note;
    expect(note).toBe('no baseline: the data starts on 2026-01-01, after Nov 2025 began');
  });

  it('lays out benchmark comparisons with their source', () => {
    const row = rowOf(plan, 'H', 'Example retail survey 2025');
    expect(row).toMatchObject({ A: getMetric('aov').label.en, B: aov, C: 240, D: null, E: comparison.gap, F: comparison.relativeGap });
    expect(row.G).toBe({ better: 'Better', worse: 'Worse', within: 'Within range' }[comparison.status]);
  });

  it('shows a range as its two ends, never a midpoint, with the note', () => {
    const row = rowOf(plan, 'H', 'Churn survey 2025');
    expect(row).toMatchObject({ A: 'Churn rate', B: 0.04, C: 0.03, D: 0.05, E: 0, F: null, G: 'Within range' });
    const cell = plan.cells.find((c) => c.value === 0.03 && c.ref.startsWith('C'));
    expect(cell?.note).toBe('A monthly figure.');
  });

  it('lists a figure that measures something else as not compared, with the reason in the gap cell', () => {
    const row = rowOf(plan, 'H', 'Repeat survey 2025');
    expect(row).toMatchObject({
      A: 'Repeat purchase rate',
      B: 0.9,
      C: 0.282,
      E: 'measures the lifetime repeat-buyer share, not this metric',
      G: 'Not compared',
    });
    expect(row.F).toBeUndefined();
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
