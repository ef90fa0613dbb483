/**
 * Open deals, weighted pipeline, categories, due pipeline, stale deals and coverage on a pipeline
 * worked by hand (fixture.ts).
 */
import fc from 'fast-check';
import { isMetricError } from '../../../src/core/errors';
import { ingestPipeline } from '../../../src/core/ingest';
import { computeMetric } from '../../../src/core/metrics';
import { periodOf } from '../../../src/core/periods';
import {
  categoryFromText,
  categoryOfProbability,
  dealTotals,
  openPipeline,
  pipelineCoverage,
  stageProbability,
  stageTable,
  summarisePipeline,
  OPEN_CATEGORIES,
} from '../../../src/core/pipeline';
import { AS_OF, day, fixture, Q1 } from './fixture';

describe('stage probabilities and categories', () => {
  it('knows common stages in English and Indonesian', () => {
    expect(stageProbability('Prospecting')).toBe(0.1);
    expect(stageProbability('Needs Analysis')).toBe(0.2);
    expect(stageProbability('Proposal/Price Quote')).toBe(0.75);
    expect(stageProbability('negotiation')).toBe(0.9);
    expect(stageProbability('Prospek')).toBe(0.1);
    expect(stageProbability('Kualifikasi')).toBe(0.1);
    expect(stageProbability('Negosiasi')).toBe(0.9);
    expect(stageProbability('On Hold')).toBeUndefined();
  });

  it('takes overrides from the configuration, as shares or percentages, and reports bad ones', () => {
    const { table, problems } = stageTable({ Proposal: 0.4, 'On Hold': '15%', Demo: 35, Bad: 'x' });
    expect(stageProbability('Proposal', table)).toBe(0.4);
    expect(stageProbability('on hold', table)).toBeCloseTo(0.15, 12);
    expect(stageProbability('Demo', table)).toBeCloseTo(0.35, 12);
    expect(stageProbability('Negotiation', table)).toBe(0.9);
    expect(problems).toEqual(['stage probability "Bad": x is not a probability (0–1 or 0–100 %)']);
  });

  it('reads category names and falls back to the probability (commit ≥ 90 %, best case ≥ 70 %)', () => {
    expect(categoryFromText('Best Case')).toBe('best_case');
    expect(categoryFromText('Komit')).toBe('commit');
    expect(categoryFromText('Kasus Terbaik')).toBe('best_case');
    expect(categoryFromText('Omitted')).toBe('omitted');
    expect(categoryFromText('whatever')).toBeUndefined();
    expect(categoryOfProbability(0.9)).toBe('commit');
    expect(categoryOfProbability(0.8999)).toBe('best_case');
    expect(categoryOfProbability(0.7)).toBe('best_case');
    expect(categoryOfProbability(0.69)).toBe('pipeline');
    expect(categoryOfProbability(undefined)).toBe('pipeline');
  });
});

describe('open deals as of 2026-02-15', () => {
  const table = fixture();
  const open = openPipeline(table, AS_OF);
  const byId = new Map(open.deals.map((d) => [d.id, d]));

  it('measures the median cycle and win rate on the deals closed by the as-of day', () => {
    // Won cycles 30, 40, 50 (W4 closes after the as-of day); 3 won and 1 lost.
    expect(open.medianCycleDays).toBe(40);
    expect(open.wonDeals).toBe(3);
    expect(open.winRate).toBe(0.75);
    expect(open.staleAfterDays).toBe(80);
  });

  it('lists the open deals: not yet created and already closed ones are left out', () => {
    expect([...byId.keys()].sort()).toEqual(['O1', 'O2', 'O3', 'O4', 'O5', 'W4']);
  });

  it('takes probability from the stage, else the win rate to date', () => {
    expect(byId.get('O1')).toMatchObject({
      probability: 0.75,
      probabilityFrom: 'stage',
      category: 'best_case',
    });
    expect(byId.get('O2')).toMatchObject({ probability: 0.9, probabilityFrom: 'stage', category: 'commit' });
    expect(byId.get('O4')).toMatchObject({
      probability: 0.75,
      probabilityFrom: 'win rate',
      category: 'best_case',
    });
    // Won after the as-of day: its stage then is unknown.
    expect(byId.get('W4')).toMatchObject({ probability: 0.75, probabilityFrom: 'win rate' });
  });

  it('estimates a missing expected close a median cycle after creation, never before the as-of day', () => {
    expect(byId.get('O1')).toMatchObject({
      expectedClose: day('2026-03-10'),
      expectedFrom: 'column',
      overdue: false,
    });
    // 2025-11-27 + 40 = 2026-01-06 has passed: due on the as-of day, overdue.
    expect(byId.get('O2')).toMatchObject({ expectedClose: AS_OF, expectedFrom: 'cycle', overdue: true });
    expect(byId.get('O5')).toMatchObject({ expectedClose: day('2026-03-22'), expectedFrom: 'cycle' });
  });

  it('is stale only when open longer than 2 × 40 days: 80 days exactly is not', () => {
    expect(byId.get('O2')).toMatchObject({ ageDays: 80, stale: false });
    expect(byId.get('O3')).toMatchObject({ ageDays: 81, stale: true });
    expect(open.deals.filter((d) => d.stale).map((d) => d.id)).toEqual(['O3']);
  });

  it('moves the threshold with the multiple', () => {
    const strict = openPipeline(table, AS_OF, { staleMultiple: 1 });
    // Over 40 days: O2 (80), O3 (81), W4 (41).
    expect(
      strict.deals
        .filter((d) => d.stale)
        .map((d) => d.id)
        .sort(),
    ).toEqual(['O2', 'O3', 'W4']);
    const bad = openPipeline(table, AS_OF, { staleMultiple: -1 });
    expect(bad.staleMultiple).toBe(2);
    expect(bad.problems[0]).toMatch(/not a positive number/);
  });
});

describe('the pipeline forecast of 2026-Q1 as of 2026-02-15', () => {
  const table = fixture();
  const open = openPipeline(table, AS_OF);
  const summary = summarisePipeline(table, open, Q1);

  it('weighs the counted (not stale) deals', () => {
    // O1 1000, O2 2000, O4 4000, W4 600 (O5 has no value); weighted 750 + 1800 + 3000 + 450.
    expect(summary.counted).toEqual({
      count: 5,
      value: 7600,
      weighted: 6000,
      withoutValue: 1,
      withoutProbability: 0,
    });
    expect(summary.stale).toEqual({
      count: 1,
      value: 5000,
      weighted: 500,
      withoutValue: 0,
      withoutProbability: 0,
    });
    expect(summary.open).toMatchObject({ count: 6, value: 12600, weighted: 6500 });
    // The open pipeline is `pipeline_value` on the as-of day.
    expect(
      computeMetric('pipeline_value', { pipeline: table }, periodOf(AS_OF, 'month'), { asOf: AS_OF }),
    ).toBe(summary.open.value);
  });

  it('splits the counted deals by category', () => {
    expect(summary.byCategory.best_case).toMatchObject({ count: 3, value: 5600, weighted: 4200 });
    expect(summary.byCategory.commit).toMatchObject({ count: 1, value: 2000, weighted: 1800 });
    expect(summary.byCategory.pipeline).toMatchObject({ count: 1, value: 0, weighted: 0 });
    expect(summary.byCategory.omitted.count).toBe(0);
  });

  it('counts as due the deals expected to close by the end of the quarter', () => {
    // O1 (2026-03-10), O2 and W4 (the as-of day), O5 (2026-03-22, no value); not O4 (May).
    expect(summary.due).toMatchObject({ count: 4, value: 3600, weighted: 3000 });
    expect(summary.closedWon).toEqual({ count: 1, value: 3000 });
  });

  it('gives coverage of the remaining quota: 3,600 ÷ (10,000 − 3,000)', () => {
    expect(pipelineCoverage(summary.due.value, 10000, summary.closedWon.value, Q1.key)).toBeCloseTo(
      3600 / 7000,
      12,
    );
  });

  it('adds the stale deals back when asked', () => {
    const all = summarisePipeline(table, openPipeline(table, AS_OF, { includeStale: true }), Q1);
    expect(all.due.value).toBe(8600);
    expect(all.counted.value).toBe(12600);
  });

  it('per rep', () => {
    const ann = summarisePipeline(table, open, Q1, ' ann ');
    expect(ann.due).toMatchObject({ count: 2, value: 1600, weighted: 1200 });
    expect(ann.stale.count).toBe(1);
    expect(ann.closedWon).toEqual({ count: 1, value: 3000 });
    const bob = summarisePipeline(table, open, Q1, 'Bob');
    expect(bob.due).toMatchObject({ count: 1, value: 2000, weighted: 1800 });
    expect(bob.closedWon.value).toBe(0);
  });
});

describe('coverage edge cases', () => {
  it('explains a missing quota, a quota met exactly and a quota exceeded', () => {
    const none = pipelineCoverage(100, undefined, 0, '2026-Q1');
    expect(isMetricError(none) && none.error).toBe('#N/A');
    const met = pipelineCoverage(100, 500, 500, '2026-Q1');
    expect(isMetricError(met) && met.error).toBe('#DIV/0!');
    const over = pipelineCoverage(100, 500, 650, '2026-Q1');
    expect(isMetricError(over) && over.reason).toBe(
      'the quota of 2026-Q1 is exceeded by 150: nothing remains to cover',
    );
    expect(pipelineCoverage(0, 500, 100, '2026-Q1')).toBe(0);
  });
});

describe('properties', () => {
  const deal = fc.record({
    value: fc.oneof(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.constant(NaN)),
    probability: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(NaN)),
  });

  it('weighted pipeline never exceeds the pipeline value (non-negative values)', () => {
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 50 }), (deals) => {
        const t = dealTotals(deals);
        expect(t.weighted).toBeLessThanOrEqual(t.value * (1 + 1e-12) + 1e-9);
        expect(t.weighted).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('categories add up to the counted pipeline', () => {
    const stages = ['Prospecting', 'Proposal', 'Negotiation', 'On Hold', 'Won', 'Lost', 'Commit'];
    const row = fc.tuple(
      fc.integer({ min: 0, max: 400 }),
      fc.constantFrom(...stages),
      fc.integer({ min: 0, max: 120 }),
      fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.constant('')),
      fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant('')),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), fc.boolean(), (rows, includeStale) => {
        const base = day('2025-06-01');
        const { table } = ingestPipeline([
          ['Created', 'Stage', 'Closed', 'Value', 'Probability'],
          ...rows.map(([c, stage, cycle, value, p]) => [
            base + c + 25569,
            stage,
            base + c + cycle + 25569,
            value,
            p,
          ]),
        ]);
        if (!table) return;
        const open = openPipeline(table, day('2026-02-15'), { includeStale });
        const s = summarisePipeline(table, open, Q1);
        const sum = (k: 'count' | 'value' | 'weighted') =>
          OPEN_CATEGORIES.reduce((a, c) => a + s.byCategory[c][k], 0);
        expect(sum('count')).toBe(s.counted.count);
        expect(sum('value')).toBeCloseTo(s.counted.value, 6);
        expect(sum('weighted')).toBeCloseTo(s.counted.weighted, 6);
        expect(s.counted.count).toBe(s.open.count - (includeStale ? 0 : s.stale.count));
      }),
      { numRuns: 60 },
    );
  });

  it('coverage does not change when every value and the quota are scaled alike', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        (due, quota, share, k) => {
          const a = pipelineCoverage(due, quota, quota * share, 'P');
          const b = pipelineCoverage(due * k, quota * k, quota * share * k, 'P');
          expect(typeof a).toBe('number');
          // Equal to a relative 1e-9 (the remaining quota is a difference, rounded at each scale).
          expect(Math.abs((b as number) - (a as number))).toBeLessThanOrEqual(
            1e-9 * Math.abs(a as number) + 1e-12,
          );
        },
      ),
    );
  });
});
