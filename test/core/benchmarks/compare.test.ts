import fc from 'fast-check';
import { breakEvenTarget, compareToBenchmark, librarySet, benchmarksFor, roiTarget } from '../../../src/core/benchmarks';
import type { BenchmarkComparison, BenchmarkSet } from '../../../src/core/benchmarks';
import { benchmarkGoal } from '../../../src/core/goals';
import type { Goal } from '../../../src/core/goals';
import { isMetricError, metricError } from '../../../src/core/errors';
import { marketingRoi } from '../../../src/core/formulas';
import { parsePeriodKey } from '../../../src/core/periods';

const higher = { better: 'higher' as const };
const lower = { better: 'lower' as const };
const cmp = (...args: Parameters<typeof compareToBenchmark>) => {
  const r = compareToBenchmark(...args);
  if (isMetricError(r)) throw new Error(r.reason);
  return r as BenchmarkComparison;
};

describe('compareToBenchmark, single value', () => {
  it('respects the direction', () => {
    expect(cmp(0.2, { value: 0.16 }, higher)).toMatchObject({ status: 'better', position: null });
    expect(cmp(0.2, { value: 0.16 }, higher).gap).toBeCloseTo(0.04, 12);
    expect(cmp(0.2, { value: 0.16 }, higher).relativeGap as number).toBeCloseTo(0.25, 12);
    expect(cmp(20, { value: 16 }, lower)).toMatchObject({ gap: 4, relativeGap: 0.25, status: 'worse' });
    expect(cmp(12, { value: 16 }, lower)).toMatchObject({ gap: -4, relativeGap: -0.25, status: 'better' });
    expect(cmp(16, { value: 16 }, lower).status).toBe('within');
  });
  it('counts a tolerance band as within', () => {
    expect(cmp(0.0301, { value: 0.0295 }, higher, { tolerance: 0.05 }).status).toBe('within');
    expect(cmp(0.04, { value: 0.0295 }, higher, { tolerance: 0.05 }).status).toBe('better');
  });
  it('passes errors through and reports a zero benchmark', () => {
    expect(compareToBenchmark(metricError('#DIV/0!', 'no orders'), { value: 1 }, higher)).toEqual(metricError('#DIV/0!', 'no orders'));
    expect(cmp(1, { value: 0 }, higher).relativeGap).toMatchObject({ error: '#DIV/0!' });
  });
});

describe('compareToBenchmark, ranges', () => {
  const range = { min: 0.025, max: 0.03 };
  it('places a value inside the range', () => {
    const r = cmp(0.0275, range, higher);
    expect(r.status).toBe('within');
    expect(r.gap).toBe(0);
    expect(r.position).toBeCloseTo(0.5, 12);
  });
  it('measures the gap to the end crossed, with the direction deciding the status', () => {
    const below = cmp(0.02, range, higher);
    expect(below.status).toBe('worse');
    expect(below.gap).toBeCloseTo(-0.005, 12);
    expect(below.relativeGap as number).toBeCloseTo(-0.2, 12);
    expect(below.position).toBe(0);
    expect(cmp(0.04, range, higher)).toMatchObject({ status: 'better', position: 1 });
    // CAC payback 20 months against 12–18: worse, 2 months over the upper end.
    expect(cmp(20, { min: 12, max: 18 }, lower)).toMatchObject({ status: 'worse', gap: 2, position: 1 });
    expect(cmp(8, { min: 12, max: 18 }, lower)).toMatchObject({ status: 'better', gap: -4, position: 0 });
  });
  it('handles open ranges: LTV:CAC at least 3, payback at most 12 months', () => {
    const saas = librarySet('b2b-saas')!;
    const ltv = benchmarksFor(saas, 'ltv_cac')[0];
    expect(cmp(4.2, ltv, higher)).toMatchObject({ status: 'within', position: null, gap: 0 });
    expect(cmp(2.4, ltv, higher)).toMatchObject({ status: 'worse' });
    expect(cmp(2.4, ltv, higher).relativeGap as number).toBeCloseTo(-0.2, 12);
    const payback = benchmarksFor(saas, 'cac_payback_months')[0];
    expect(cmp(9, payback, lower).status).toBe('within');
    expect(cmp(15, payback, lower)).toMatchObject({ status: 'worse', gap: 3, relativeGap: 0.25 });
  });
});

describe('goals from benchmarks', () => {
  it('sets a conversion goal at the better end of Shopify’s range', () => {
    const entry = benchmarksFor(librarySet('ecommerce-retail')!, 'conversion_rate')[0];
    const goal = benchmarkGoal({ metric: 'conversion_rate', period: parsePeriodKey('2026')! }, entry, { id: 'conversion_rate', better: 'higher', kind: 'ratio' }, 'ecommerce-retail') as Goal;
    expect(goal.target).toBe(0.03);
    expect(goal.basis).toMatchObject({ kind: 'benchmark', used: 'max', year: 2024, set: 'ecommerce-retail' });
  });
});

describe('break-even and ROI targets', () => {
  it('turns the break-even point into minimum units and revenue', () => {
    const set = breakEvenTarget({ fixedCosts: 10_000, unitPrice: 50, unitVariableCost: 30 }) as BenchmarkSet;
    expect(set.kind).toBe('own');
    expect(set.metrics.map((m) => [m.metric, m.min])).toEqual([['units', 500], ['revenue', 25_000]]);
    expect(cmp(600, set.metrics[0], higher).status).toBe('within');
    expect(cmp(400, set.metrics[0], higher)).toMatchObject({ status: 'worse', gap: -100 });
    expect(breakEvenTarget({ fixedCosts: 1, unitPrice: 30, unitVariableCost: 30 })).toMatchObject({ error: '#NUM!' });
  });
  it('gives the revenue an ROI target takes, consistent with the ROI formula', () => {
    const set = roiTarget({ spend: 2000, margin: 0.5, roi: 1.5 }) as BenchmarkSet;
    expect(set.metrics[1]).toMatchObject({ metric: 'revenue', min: 10_000 });
    expect(marketingRoi(10_000, 2000, 0.5)).toBeCloseTo(1.5, 12);
    expect((roiTarget({ spend: 500 }) as BenchmarkSet).metrics[1].min).toBe(500);
    expect(roiTarget({ spend: 0 })).toMatchObject({ error: '#NUM!' });
  });
});

describe('comparison properties', () => {
  const rank = { worse: 0, within: 1, better: 2 } as const;
  const arb = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  it('status never gets worse as the value improves, and position stays in [0, 1]', () => {
    fc.assert(
      fc.property(arb, arb, arb, arb, fc.constantFrom('higher', 'lower') as fc.Arbitrary<'higher' | 'lower'>, (a, b, m1, m2, better) => {
        const range = { min: Math.min(m1, m2), max: Math.max(m1, m2) };
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const rLo = cmp(lo, range, { better });
        const rHi = cmp(hi, range, { better });
        const ordered = better === 'higher' ? rank[rLo.status] <= rank[rHi.status] : rank[rLo.status] >= rank[rHi.status];
        const point = better === 'higher'
          ? rank[cmp(lo, { value: m1 }, { better }).status] <= rank[cmp(hi, { value: m1 }, { better }).status]
          : rank[cmp(lo, { value: m1 }, { better }).status] >= rank[cmp(hi, { value: m1 }, { better }).status];
        return ordered && point && rLo.position! >= 0 && rLo.position! <= 1 && rLo.position! <= rHi.position!;
      }),
      { numRuns: 1000 },
    );
  });
});
