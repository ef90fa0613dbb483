import { isMetricError } from '../../../src/core/errors';
import type { ForecastResult } from '../../../src/core/forecast';
import {
  candidateSpecs,
  forecastSeries,
  modelName,
  seasonLengthOf,
  usableSeason,
} from '../../../src/core/forecast';
import { mulberry32, normal } from '../../../src/core/sample/random';
import { REFERENCE_FITS, seriesOf } from './reference';

function ok(result: ReturnType<typeof forecastSeries>): ForecastResult {
  if (isMetricError(result)) throw new Error(result.reason);
  return result;
}

const austourists = seriesOf(REFERENCE_FITS.find((f) => f.series === 'austourists')!).values;

describe('season length', () => {
  it('follows the period unit and needs two full seasons', () => {
    expect(seasonLengthOf('month')).toBe(12);
    expect(seasonLengthOf('quarter')).toBe(4);
    expect(seasonLengthOf('week')).toBe(52);
    expect(seasonLengthOf('year')).toBe(1);
    expect(usableSeason(12, 24)).toEqual({ seasonLength: 12 });
    expect(usableSeason(12, 23).seasonLength).toBe(1);
    expect(usableSeason(12, 18).note).toBe(
      'fewer than two full seasons (18 of 24 periods): no seasonal models',
    );
  });
});

describe('candidateSpecs', () => {
  it('tries R’s fifteen models for positive seasonal data, the additive ones otherwise', () => {
    const all = candidateSpecs(true, true).map(modelName);
    expect(all).toHaveLength(15);
    expect(all).not.toContain('ETS(A,N,M)');
    expect(all).toContain('ETS(M,Ad,M)');
    expect(candidateSpecs(false, true).map(modelName)).toEqual([
      'ETS(A,N,N)',
      'ETS(A,A,N)',
      'ETS(A,Ad,N)',
      'ETS(M,N,N)',
      'ETS(M,A,N)',
      'ETS(M,Ad,N)',
    ]);
    expect(candidateSpecs(true, false).every((s) => s.error === 'A' && s.season !== 'M')).toBe(true);
  });
});

describe('forecastSeries', () => {
  it('chooses the smallest AICc among the candidates and forecasts with nested intervals', () => {
    const result = ok(forecastSeries(austourists, { unit: 'quarter', horizon: 8 }));
    const fitted = result.candidates.filter((c) => c.aicc !== null);
    expect(fitted).toHaveLength(15);
    expect(result.aicc).toBe(Math.min(...fitted.map((c) => c.aicc!)));
    expect(result.candidates.find((c) => c.name === result.name)!.aicc).toBe(result.aicc);
    // The series has a growing seasonal swing: a multiplicative season wins.
    expect(result.model.spec.season).toBe('M');
    expect(result.intervals).toBe('simulated');
    expect(result.levels).toEqual([0.8, 0.95]);
    expect(result.forecast).toHaveLength(8);
    for (const point of result.forecast) {
      expect(point.lower[1]).toBeLessThan(point.lower[0]);
      expect(point.lower[0]).toBeLessThan(point.mean);
      expect(point.mean).toBeLessThan(point.upper[0]);
      expect(point.upper[0]).toBeLessThan(point.upper[1]);
    }
    // The first quarter of each year is the high one in the data; so in the forecast (2016 Q1 and Q2).
    expect(result.forecast[0].mean).toBeGreaterThan(result.forecast[1].mean);
    expect(result.fitted).toHaveLength(austourists.length);
  });

  it('forecasts a fixed model with exact intervals when its errors are additive', () => {
    const result = ok(
      forecastSeries(austourists, {
        seasonLength: 4,
        horizon: 4,
        model: { error: 'A', trend: 'Ad', season: 'A' },
      }),
    );
    expect(result.name).toBe('ETS(A,Ad,A)');
    expect(result.candidates).toHaveLength(1);
    expect(result.intervals).toBe('analytic');
    const { sigma2 } = result.model;
    // One step ahead: mean ± z σ.
    expect(result.forecast[0].upper[1] - result.forecast[0].mean).toBeCloseTo(
      1.959963984540054 * Math.sqrt(sigma2),
      8,
    );
  });

  it('leaves the season out with fewer than two full seasons and says so', () => {
    const result = ok(forecastSeries(austourists.slice(0, 18), { unit: 'month', horizon: 2 }));
    expect(result.seasonLength).toBe(1);
    expect(result.seasonNote).toBe('fewer than two full seasons (18 of 24 periods): no seasonal models');
    expect(result.model.spec.season).toBe('N');
    const fixed = forecastSeries(austourists.slice(0, 18), {
      unit: 'month',
      horizon: 2,
      model: { error: 'A', trend: 'N', season: 'A' },
    });
    expect(isMetricError(fixed) && fixed.reason).toMatch(/fewer than two full seasons/);
  });

  it('finds the season and the multiplicative swing of a simulated series', () => {
    const random = mulberry32(11);
    const pattern = [0.8, 0.85, 0.95, 1, 1.05, 1.1, 1, 0.95, 1, 1.05, 1.15, 1.1];
    const y = Array.from(
      { length: 96 },
      (_, t) => (1000 + 15 * t) * pattern[t % 12] * (1 + 0.02 * normal(random)),
    );
    const result = ok(forecastSeries(y, { unit: 'month', horizon: 12 }));
    expect(result.model.spec.season).toBe('M');
    expect(result.model.spec.trend).not.toBe('N');
    // Next year's months keep the pattern's order: November above January.
    const january = result.forecast[0].mean;
    const november = result.forecast[10].mean;
    expect(november / january).toBeGreaterThan(1.3);
  });

  it('keeps a random walk without trend or season', () => {
    const random = mulberry32(5);
    let level = 500;
    const y = Array.from({ length: 60 }, () => (level += 10 * normal(random)) + 3 * normal(random));
    const result = ok(forecastSeries(y, { unit: 'month', horizon: 3 }));
    expect(result.model.spec.season).toBe('N');
    expect(result.model.spec.trend).toBe('N');
  });

  it('uses additive models only when a value is zero or negative', () => {
    const y = [5, 3, 0, 4, 6, -2, 5, 7, 3, 4, 6, 5];
    const result = ok(forecastSeries(y, { horizon: 2 }));
    expect(result.candidates.map((c) => c.name)).toEqual(['ETS(A,N,N)', 'ETS(A,A,N)', 'ETS(A,Ad,N)']);
    expect(result.model.spec.error).toBe('A');
  });

  it('forecasts a constant series flat with no spread', () => {
    const result = ok(forecastSeries(new Array(12).fill(250), { horizon: 3 }));
    expect(result.name).toBe('ETS(A,N,N)');
    for (const point of result.forecast) {
      expect(point.mean).toBeCloseTo(250, 6);
      expect(point.upper[1] - point.lower[1]).toBeCloseTo(0, 6);
    }
  });

  it('answers bad input with an error value, never an exception', () => {
    const short = forecastSeries([1, 2, 3, 4, 5, 6], { horizon: 2 });
    expect(isMetricError(short) && short.error).toBe('#N/A');
    expect(isMetricError(short) && short.reason).toMatch(/needs at least 7 periods/);
    const nan = forecastSeries([1, 2, NaN, 4, 5, 6, 7, 8], { horizon: 2 });
    expect(isMetricError(nan) && nan.error).toBe('#VALUE!');
    const horizon = forecastSeries([1, 2, 3, 4, 5, 6, 7, 8], { horizon: 0 });
    expect(isMetricError(horizon) && horizon.error).toBe('#VALUE!');
    const level = forecastSeries([1, 2, 3, 4, 5, 6, 7, 8], { horizon: 1, levels: [95] });
    expect(isMetricError(level) && level.reason).toMatch(/between 0 and 1/);
  });

  it('gives the same forecast twice (seeded simulation)', () => {
    const a = ok(forecastSeries(austourists, { unit: 'quarter', horizon: 4 }));
    const b = ok(forecastSeries(austourists, { unit: 'quarter', horizon: 4 }));
    expect(b.forecast).toEqual(a.forecast);
  });
});
