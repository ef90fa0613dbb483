import fc from 'fast-check';
import {
  benchmarkForPeriod,
  benchmarksFor,
  compareForPeriod,
  isSkipped,
  librarySet,
  pickBenchmark,
} from '../../../src/core/benchmarks';
import type { BenchmarkEntry, ComparedMetric, ComparedPeriod } from '../../../src/core/benchmarks';

const churn: ComparedMetric = { id: 'churn_rate', better: 'lower', scaling: 'loss' };
const retention: ComparedMetric = { id: 'retention_rate', better: 'higher', scaling: 'survival' };
const revenue: ComparedMetric = { id: 'revenue', better: 'higher', scaling: 'additive' };
const margin: ComparedMetric = { id: 'gross_margin', better: 'higher', scaling: 'none' };
const repeat: ComparedMetric = {
  id: 'repeat_rate',
  better: 'higher',
  scaling: 'other',
  definition: "Share of the period's customers with two or more orders to date.",
};
const whole = (unit: ComparedPeriod['unit'], days = 30): ComparedPeriod => ({ unit, days, periodDays: days });
const monthlyChurn: BenchmarkEntry = {
  metric: 'churn_rate',
  min: 0.03,
  max: 0.05,
  unit: 'ratio',
  period: 'month',
};
const annualChurn: BenchmarkEntry = { metric: 'churn_rate', value: 0.1, unit: 'ratio', period: 'year' };

describe('churn and retention convert between months, quarters and years', () => {
  it('annual = 1 − (1 − monthly)^12, and back', () => {
    // 0.97^12 = 0.693842…, 0.95^12 = 0.540360…
    const annual = benchmarkForPeriod(monthlyChurn, whole('year', 365), churn);
    expect(isSkipped(annual)).toBe(false);
    if (isSkipped(annual)) return;
    expect(annual.range.min).toBeCloseTo(0.3061576390045623, 12);
    expect(annual.range.max).toBeCloseTo(0.45963991233736334, 12);
    expect(annual.notes).toEqual(['A monthly figure converted to annual: 1 − (1 − c)^12']);
    // 1 − 0.9^(1/12) = 0.0087416…
    const monthly = benchmarkForPeriod(annualChurn, whole('month'), churn);
    expect(monthly).toEqual({
      range: { value: expect.closeTo(0.008741610954696721, 12) },
      notes: ['An annual figure converted to monthly: 1 − (1 − c)^(1/12)'],
    });
  });

  it('quarterly = 1 − (1 − monthly)^3: 0.97³ = 0.912673, 0.95³ = 0.857375', () => {
    const quarterly = benchmarkForPeriod(monthlyChurn, whole('quarter', 92), churn);
    expect(quarterly).toEqual({
      range: { min: expect.closeTo(0.087327, 12), max: expect.closeTo(0.142625, 12) },
      notes: ['A monthly figure converted to quarterly: 1 − (1 − c)^3'],
    });
  });

  it('retention compounds itself: r^k', () => {
    const monthly: BenchmarkEntry = { metric: 'retention_rate', value: 0.9, unit: 'ratio', period: 'month' };
    expect(benchmarkForPeriod(monthly, whole('quarter', 92), retention)).toEqual({
      range: { value: expect.closeTo(0.729, 12) },
      notes: ['A monthly figure converted to quarterly: r^3'],
    });
  });

  it('uses a figure of the same period as published', () => {
    expect(benchmarkForPeriod(monthlyChurn, whole('month'), churn)).toEqual({
      range: { min: 0.03, max: 0.05 },
      notes: [],
    });
  });

  it('refuses what does not convert, saying why', () => {
    expect(benchmarkForPeriod(monthlyChurn, whole('week', 7), churn)).toEqual({
      skipped: 'a monthly figure does not convert to a weekly one (a week is not a whole number of months)',
    });
    expect(benchmarkForPeriod({ ...annualChurn, period: 'any' }, whole('month'), churn)).toEqual({
      skipped: "the figure states no period, so a month's churn rate cannot be set against it",
    });
    expect(benchmarkForPeriod({ ...annualChurn, period: 'lifetime' }, whole('month'), churn)).toEqual({
      skipped: "a lifetime figure cannot be set against a month's churn rate",
    });
    const monthlyRepeat: BenchmarkEntry = {
      metric: 'repeat_rate',
      value: 0.3,
      unit: 'ratio',
      period: 'month',
    };
    expect(benchmarkForPeriod(monthlyRepeat, whole('year', 365), repeat)).toEqual({
      skipped: 'a monthly repeat rate does not convert to an annual one',
    });
  });

  it('does not compare churn of a period to date with a whole period’s', () => {
    const december = { unit: 'month' as const, days: 5, periodDays: 31, label: 'Dec 2026' };
    expect(benchmarkForPeriod(monthlyChurn, december, churn)).toEqual({
      skipped: "Dec 2026 covers 5 of 31 days: churn rate to date is not a whole month's",
    });
    expect(compareForPeriod(0.756, monthlyChurn, december, churn)).toEqual({
      skipped: "Dec 2026 covers 5 of 31 days: churn rate to date is not a whole month's",
    });
  });
});

describe('other metrics', () => {
  it('compares rates as published whatever their period, saying so', () => {
    const annual: BenchmarkEntry = { metric: 'gross_margin', value: 0.361, unit: 'ratio', period: 'year' };
    expect(benchmarkForPeriod(annual, { unit: 'month', days: 5, periodDays: 31 }, margin)).toEqual({
      range: { value: 0.361 },
      notes: [
        "An annual figure, compared as published (gross margin does not depend on the period's length)",
      ],
    });
  });

  it('scales flows by whole numbers of periods and prorates a period to date by days', () => {
    const monthly: BenchmarkEntry = { metric: 'revenue', min: 1000, unit: 'currency', period: 'month' };
    expect(benchmarkForPeriod(monthly, whole('quarter', 92), revenue)).toEqual({
      range: { min: 3000 },
      notes: ['A monthly figure converted to quarterly: × 3'],
    });
    // An own figure without a period is taken for the period compared; 5 of 31 days of 3,100.
    const own: BenchmarkEntry = { metric: 'revenue', min: 3100, unit: 'currency' };
    expect(benchmarkForPeriod(own, { unit: 'month', days: 5, periodDays: 31 }, revenue)).toEqual({
      range: { min: 500 },
      notes: ['Prorated to 5 of 31 days'],
    });
  });

  it('skips a figure that measures something else, naming both', () => {
    const lifetime: BenchmarkEntry = {
      metric: 'repeat_rate',
      value: 0.282,
      unit: 'ratio',
      period: 'lifetime',
      measures: 'the lifetime repeat-buyer share',
    };
    expect(benchmarkForPeriod(lifetime, whole('month'), repeat)).toEqual({
      skipped:
        "measures the lifetime repeat-buyer share, not this metric (share of the period's customers with two or more orders to date)",
    });
  });
});

describe('compareForPeriod and pickBenchmark', () => {
  it('measures the gap to the nearest end of the converted range', () => {
    // A quarter's churn of 15 % against 8.7327 %–14.2625 %: 0.75 points above the range, worse.
    const result = compareForPeriod(0.15, monthlyChurn, whole('quarter', 92), churn);
    expect(result).toMatchObject({
      status: 'worse',
      gap: expect.closeTo(0.15 - 0.142625, 12),
      benchmark: { min: expect.closeTo(0.087327, 12), max: expect.closeTo(0.142625, 12) },
      notes: ['A monthly figure converted to quarterly: 1 − (1 − c)^3'],
    });
  });

  it('prefers a figure of the same period, then converts the others in order', () => {
    const saas = benchmarksFor(librarySet('b2b-saas')!, 'churn_rate');
    expect(pickBenchmark(saas, whole('month'), churn)).toMatchObject({
      entry: { period: 'month' },
      prepared: { notes: [] },
    });
    expect(pickBenchmark(saas, whole('year', 365), churn)).toMatchObject({
      entry: { period: 'year', value: 0.1 },
    });
    expect(pickBenchmark(saas, whole('quarter', 92), churn)).toMatchObject({
      entry: { period: 'year' },
      prepared: { range: { value: expect.closeTo(0.025996253574703254, 12) } },
    });
    // Every e-commerce conversion figure is orders ÷ sessions: the first one's reason.
    const conversion = benchmarksFor(librarySet('ecommerce-retail')!, 'conversion_rate');
    expect(
      pickBenchmark(conversion, whole('month'), { id: 'conversion_rate', better: 'higher', scaling: 'none' }),
    ).toMatchObject({
      entry: conversion[0],
      skipped: expect.stringMatching(/^measures orders ÷ store sessions/),
    });
    expect(pickBenchmark([], whole('month'), churn)).toBeNull();
  });
});

describe('the library says what each figure measures and when', () => {
  const entry = (industry: string, metric: string, source: string) =>
    benchmarksFor(librarySet(industry)!, metric).find((e) => e.source!.startsWith(source))!;

  it('gives every figure a period', () => {
    for (const id of ['ecommerce-retail', 'b2b-saas', 'b2b-wholesale-distribution', 'professional-services'])
      for (const e of librarySet(id)!.metrics) expect(e.period).toEqual(expect.any(String));
  });

  it('marks the figures that are not our metric', () => {
    expect(entry('ecommerce-retail', 'repeat_rate', 'Metrilo')).toMatchObject({
      period: 'lifetime',
      measures: expect.stringContaining('lifetime repeat-buyer share'),
    });
    expect(entry('b2b-saas', 'win_rate', 'HubSpot')).toMatchObject({
      measures: 'won ÷ all opportunities, open ones included',
    });
    for (const e of benchmarksFor(librarySet('ecommerce-retail')!, 'conversion_rate'))
      expect(e.measures).toBeTruthy();
    expect(entry('b2b-saas', 'churn_rate', 'Optifai').measures).toBeUndefined();
  });

  it('gives the data year where the report is of an earlier year', () => {
    expect(entry('b2b-saas', 'cac_payback_months', 'Benchmarkit')).toMatchObject({
      year: 2025,
      dataYear: 2024,
    });
    expect(entry('b2b-saas', 'cac_payback_months', 'Aleph')).toMatchObject({ year: 2026, dataYear: 2025 });
    expect(entry('b2b-wholesale-distribution', 'gross_margin', 'PPAI')).toMatchObject({
      year: 2025,
      dataYear: 2024,
    });
  });
});

describe('conversions as properties', () => {
  it('a monthly churn (up to 50 %) converted to a year and back is the churn it was, and keeps its order', () => {
    const annualOf = (c: number, from: BenchmarkEntry['period']) =>
      benchmarkForPeriod(
        { metric: 'churn_rate', value: c, unit: 'ratio', period: from },
        whole('year', 365),
        churn,
      );
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (a, b) => {
          const yearA = annualOf(a, 'month');
          const yearB = annualOf(b, 'month');
          if (isSkipped(yearA) || isSkipped(yearB)) return false;
          const back = benchmarkForPeriod(
            { metric: 'churn_rate', value: yearA.range.value!, unit: 'ratio', period: 'year' },
            whole('month'),
            churn,
          );
          if (isSkipped(back)) return false;
          const ordered =
            a <= b ? yearA.range.value! <= yearB.range.value! : yearA.range.value! >= yearB.range.value!;
          return Math.abs(back.range.value! - a) < 1e-9 && ordered && yearA.range.value! >= a - 1e-12;
        },
      ),
      { numRuns: 500 },
    );
  });
});
