import fc from 'fast-check';
import { isMetricError } from '../../../src/core/errors';
import {
  backtest,
  linearTrend,
  naiveScale,
  seasonalNaive,
  smapeTerm,
} from '../../../src/core/forecast/backtest';
import { forecastSeries } from '../../../src/core/forecast/forecast';
import type { ModelSpec } from '../../../src/core/forecast/model';

const ANN: ModelSpec = { error: 'A', trend: 'N', season: 'N' };

describe('the baselines and scores', () => {
  it('computes them as written', () => {
    expect(naiveScale([1, 3, 2, 6], 1)).toBe(7 / 3);
    expect(naiveScale([1, 3, 2, 6, 4], 2)).toBe((1 + 3 + 2) / 3);
    expect(seasonalNaive([1, 2, 3, 4, 5, 6], 4, 5)).toEqual([3, 4, 5, 6, 3]);
    expect(seasonalNaive([1, 2, 3], 1, 2)).toEqual([3, 3]);
    expect(linearTrend([1, 3, 5], 2)).toEqual([7, 9]);
    expect(smapeTerm(100, 80)).toBeCloseTo((200 * 20) / 180, 12);
    expect(smapeTerm(0, 0)).toBe(0);
  });
});

describe('backtest', () => {
  // Ten periods, the first origin after eight, two steps ahead: origins 8 and 9.
  const values = [10, 12, 11, 14, 13, 15, 16, 15, 18, 17];
  const result = backtest(values, { horizon: 2, minTrain: 8, model: ANN });

  it('works the arithmetic out by hand on a tiny series', () => {
    expect(result.origins.map((o) => o.origin)).toEqual([8, 9]);
    const [first, second] = result.origins;
    // MASE scales: mean |y_t − y_{t−1}| over the training values.
    expect(first.scale).toBeCloseTo((2 + 1 + 3 + 1 + 2 + 1 + 1) / 7, 12);
    expect(second.scale).toBeCloseTo((2 + 1 + 3 + 1 + 2 + 1 + 1 + 3) / 8, 12);
    expect(first.actual).toEqual([18, 17]);
    expect(second.actual).toEqual([17]);
    // Seasonal naive without a season: the last value.
    expect(first.forecasts.seasonal_naive).toEqual([15, 15]);
    expect(second.forecasts.seasonal_naive).toEqual([18]);
    // The least-squares line through (0, 10) … (7, 15): Σ(x − 3.5)y = 33, Σ(x − 3.5)² = 42, through the means (3.5, 13.25).
    const slope8 = 33 / 42;
    expect(first.forecasts.linear_trend[0]).toBeCloseTo(13.25 + slope8 * (8 - 3.5), 10);
    expect(first.forecasts.linear_trend[1]).toBeCloseTo(13.25 + slope8 * (9 - 3.5), 10);
    // Through nine points: Σ(x − 4)y = 52, Σ(x − 4)² = 60, mean 124 / 9.
    expect(second.forecasts.linear_trend[0]).toBeCloseTo(124 / 9 + (52 / 60) * (9 - 4), 10);

    const naive = result.methods.find((m) => m.method === 'seasonal_naive')!;
    expect(naive.byStep[0].count).toBe(2);
    expect(naive.byStep[0].mase).toBeCloseTo((3 / first.scale + 1 / second.scale) / 2, 12);
    expect(naive.byStep[0].smape).toBeCloseTo(((200 * 3) / 33 + (200 * 1) / 35) / 2, 12);
    expect(naive.byStep[1].count).toBe(1);
    expect(naive.byStep[1].mase).toBeCloseTo(2 / first.scale, 12);
    expect(naive.byStep[1].smape).toBeCloseTo((200 * 2) / 32, 12);
    const line = result.methods.find((m) => m.method === 'linear_trend')!;
    const l8 = first.forecasts.linear_trend[0];
    const l9 = second.forecasts.linear_trend[0];
    expect(line.byStep[0].mase).toBeCloseTo(
      (Math.abs(18 - l8) / first.scale + Math.abs(17 - l9) / second.scale) / 2,
      12,
    );
  });

  it('forecasts each origin as forecastSeries does on the values before it', () => {
    for (const origin of result.origins) {
      const alone = forecastSeries(values.slice(0, origin.origin), { horizon: 2, model: ANN, levels: [] });
      if (isMetricError(alone)) throw new Error(alone.reason);
      expect(origin.model).toBe('ETS(A,N,N)');
      origin.forecasts.ets.forEach((f, k) => expect(f).toBeCloseTo(alone.forecast[k].mean, 4));
    }
    const ets = result.methods.find((m) => m.method === 'ets')!;
    const [first, second] = result.origins;
    expect(ets.byStep[0].mase).toBeCloseTo(
      (Math.abs(18 - first.forecasts.ets[0]) / first.scale +
        Math.abs(17 - second.forecasts.ets[0]) / second.scale) /
        2,
      12,
    );
  });

  it('repeats the season for the seasonal naive and scales by the seasonal differences', () => {
    const pattern = [5, -3, -6, 4];
    const y = Array.from({ length: 14 }, (_, t) => 100 + t + pattern[t % 4]);
    const r = backtest(y, { horizon: 3, seasonLength: 4, model: { error: 'A', trend: 'A', season: 'A' } });
    expect(r.seasonLength).toBe(4);
    // Default first origin: two seasons.
    expect(r.origins[0].origin).toBe(8);
    expect(r.origins[0].forecasts.seasonal_naive).toEqual([y[4], y[5], y[6]]);
    // A line plus a fixed pattern: every seasonal difference is 4.
    expect(r.origins[0].scale).toBe(4);
    // An exact seasonal line is forecast exactly by ETS(A,A,A).
    r.origins.forEach((o) => o.forecasts.ets.forEach((f, k) => expect(f).toBeCloseTo(o.actual[k], 3)));
  });

  it('keeps the latest origins only', () => {
    const y = Array.from({ length: 30 }, (_, t) => 50 + Math.sin(t));
    const r = backtest(y, { horizon: 1, maxOrigins: 5, model: ANN });
    expect(r.origins.map((o) => o.origin)).toEqual([25, 26, 27, 28, 29]);
  });

  it('never uses values after its origin', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 10, max: 100, noNaN: true }), { minLength: 12, maxLength: 14 }),
        fc.array(fc.double({ min: 10, max: 100, noNaN: true }), { minLength: 14, maxLength: 14 }),
        fc.integer({ min: 8, max: 11 }),
        (y, replacement, origin) => {
          const changed = y.map((v, t) => (t >= origin ? replacement[t] : v));
          const options = { horizon: 2, minTrain: 8, seasonLength: 1 };
          const before = backtest(y, options).origins.find((o) => o.origin === origin)!;
          const after = backtest(changed, options).origins.find((o) => o.origin === origin)!;
          expect(after.model).toBe(before.model);
          expect(after.scale).toBe(before.scale);
          expect(after.forecasts).toEqual(before.forecasts);
        },
      ),
      { numRuns: 10 },
    );
  });
});
