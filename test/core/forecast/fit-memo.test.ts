/**
 * Fits made ahead and shared out: an outlook whose fits were made in two shares (each model's
 * fits in one of them) is the outlook made in one go, to the last bit, and searches nothing more.
 */
import fc from 'fast-check';
import {
  backtest,
  candidateSpecs,
  fitKey,
  forecastSeries,
  modelName,
  outlookFits,
  type FitMemo,
} from '../../../src/core/forecast';

/** A monthly series with a season, a trend and noise from a seed (positive unless `dip`). */
function series(length: number, seed: number, dip: boolean): number[] {
  let state = seed >>> 0 || 1;
  const noise = () => {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  return Array.from({ length }, (_, t) => {
    const value = (100 + 1.5 * t) * (1 + 0.25 * Math.sin((2 * Math.PI * t) / 12)) + 20 * noise();
    return dip && t === length - 3 ? -value : value;
  });
}

describe('fitKey', () => {
  const spec = { error: 'A', trend: 'N', season: 'N' } as const;
  it('names the model, the season length and the values', () => {
    expect(fitKey([1, 2, 3], spec, 1)).toBe('ETS(A,N,N)|1|1,2,3|');
  });
  it('tells −0 from 0 and one warm start from another', () => {
    expect(fitKey([-0], spec, 1)).not.toBe(fitKey([0], spec, 1));
    const start = {
      spec,
      seasonLength: 1,
      params: { alpha: 0.5, beta: 0, gamma: 0, phi: 1 },
      initial: { level: 10, trend: 0, season: [] },
    };
    const other = { ...start, params: { ...start.params, alpha: 0.25 } };
    expect(fitKey([1, 2], spec, 1, start)).not.toBe(fitKey([1, 2], spec, 1, other));
    expect(fitKey([1, 2], spec, 1, start)).not.toBe(fitKey([1, 2], spec, 1));
  });
});

describe('outlookFits shared out', () => {
  it('gives the outlook made in one go, with no search left (property)', () => {
    const names = candidateSpecs(true, true).map(modelName);
    fc.assert(
      fc.property(
        fc.integer({ min: 24, max: 30 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.boolean(),
        fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length }),
        (length, seed, dip, side) => {
          const values = series(length, seed, dip);
          const one: FitMemo = { fits: new Map(), only: new Set(names.filter((_, i) => side[i])) };
          const other: FitMemo = { fits: new Map(), only: new Set(names.filter((_, i) => !side[i])) };
          outlookFits(values, 'month', true, one);
          outlookFits(values, 'month', true, other);
          const memo: FitMemo = { fits: new Map([...one.fits, ...other.fits]) };
          const made = memo.fits.size;
          const options = { unit: 'month', horizon: 3, levels: [0.8, 0.95] } as const;
          const shared = {
            forecast: forecastSeries(values, { ...options, fits: memo }),
            backtest: backtest(values, { horizon: 3, seasonLength: 12, fits: memo }),
          };
          expect(memo.fits.size).toBe(made);
          expect(shared).toEqual({
            forecast: forecastSeries(values, options),
            backtest: backtest(values, { horizon: 3, seasonLength: 12 }),
          });
        },
      ),
      { numRuns: 3 },
    );
  });
});
