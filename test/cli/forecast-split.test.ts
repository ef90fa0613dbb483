/**
 * The revenue outlook's fits made on two threads: the memo holds every fit the outlook makes,
 * each exactly as one thread makes it.
 */
import { backtest, forecastSeries, outlookFits, type FitMemo } from '../../src/core/forecast';
import { sharedOutlookFits } from '../../src/cli/forecast-split';

const values = Array.from(
  { length: 30 },
  (_, t) => (200 + 3 * t) * (1 + 0.3 * Math.cos((2 * Math.PI * t) / 12)) + ((t * 37) % 11),
);

describe('sharedOutlookFits', () => {
  it('makes the fits one thread makes, to the last bit', async () => {
    const shared = await sharedOutlookFits(values, 'month', true, () => true);
    const alone: FitMemo = { fits: new Map() };
    outlookFits(values, 'month', true, alone);
    expect(shared).toBeDefined();
    expect([...shared!.fits.keys()].sort()).toEqual([...alone.fits.keys()].sort());
    for (const [key, fit] of alone.fits) expect(shared!.fits.get(key)).toEqual(fit);
    const made = shared!.fits.size;
    expect(forecastSeries(values, { unit: 'month', horizon: 3, fits: shared })).toEqual(
      forecastSeries(values, { unit: 'month', horizon: 3 }),
    );
    expect(backtest(values, { horizon: 3, seasonLength: 12, fits: shared })).toEqual(
      backtest(values, { horizon: 3, seasonLength: 12 }),
    );
    expect(shared!.fits.size).toBe(made);
  });

  it('leaves a short series, one without a backtest, or a busy machine to the outlook', async () => {
    expect(await sharedOutlookFits(values.slice(0, 20), 'month', true, () => true)).toBeUndefined();
    expect(await sharedOutlookFits(values, 'month', false, () => true)).toBeUndefined();
    expect(await sharedOutlookFits(values, 'month', true, () => false)).toBeUndefined();
  });
});
