/**
 * A published worked example of the method: Hyndman & Athanasopoulos, "Forecasting: Principles
 * and Practice" (2nd ed., otexts.com/fpp2), §7.1 "Simple exponential smoothing", Example: oil
 * production in Saudi Arabia 1996–2013 (`oildata <- window(oil, start=1996)`, fpp2's `oil`, the
 * series in fixtures/r-ets-reference.json), fitted with `ses(oildata, h=5)` — ETS(A,N,N), whose
 * likelihood is maximised where the sum of squared errors is smallest. The book gives
 * α = 0.83 and ℓ0 = 446.6, and prints the one-step training errors as
 *
 *     round(accuracy(fc), 2)
 *     #>               ME  RMSE   MAE MPE MAPE MASE  ACF1
 *     #> Training set 6.4 28.12 22.26 1.1 4.61 0.93 -0.03
 *
 * Each figure is computed here from our fit's residuals with the textbook formula (fpp2 §3.4), so
 * the test checks the fit, the recursion and the scores together against the book.
 */
import { isMetricError } from '../../../src/core/errors';
import { fitEts, forecastSeries } from '../../../src/core/forecast';
import reference from './fixtures/r-ets-reference.json';

const oil = reference.series.oil.values; // 1965 … 2013
const oildata = oil.slice(oil.length - 18); // 1996 … 2013
const ANN = { error: 'A', trend: 'N', season: 'N' } as const;

describe('fpp2 §7.1: simple exponential smoothing of Saudi Arabian oil production', () => {
  const fit = fitEts(oildata, ANN, 1);
  if (isMetricError(fit)) throw new Error(fit.reason);
  const e = fit.residuals;
  const n = e.length;
  const y = oildata;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

  it('starts from 1996 and has the 18 values the book fits', () => {
    expect(n).toBe(18);
    expect(round(y[0], 1)).toBe(445.4);
    expect(round(y[17], 1)).toBe(542.3);
  });

  it('finds the published parameters: α = 0.83, ℓ0 = 446.6', () => {
    expect(round(fit.params.alpha, 2)).toBe(0.83);
    expect(round(fit.initial.level, 1)).toBe(446.6);
  });

  it('reproduces the published training accuracy table', () => {
    const me = mean(e);
    const rmse = Math.sqrt(mean(e.map((v) => v * v)));
    const mae = mean(e.map(Math.abs));
    const mpe = mean(e.map((v, t) => (100 * v) / y[t]));
    const mape = mean(e.map((v, t) => Math.abs((100 * v) / y[t])));
    // MASE: scaled by the in-sample naive forecast's mean absolute error (annual data, lag 1).
    const naive = mean(y.slice(1).map((v, t) => Math.abs(v - y[t])));
    const acf1 =
      e.slice(1).reduce((s, v, t) => s + (v - me) * (e[t] - me), 0) /
      e.reduce((s, v) => s + (v - me) ** 2, 0);
    expect([
      round(me, 2),
      round(rmse, 2),
      round(mae, 2),
      round(mpe, 2),
      round(mape, 2),
      round(mae / naive, 2),
      round(acf1, 2),
    ]).toEqual([6.4, 28.12, 22.26, 1.1, 4.61, 0.93, -0.03]);
  });

  it('forecasts 2014–2018 flat at the last level, 542.7, with intervals widening as σ²(1 + (h − 1)α²)', () => {
    const f = forecastSeries(oildata, { horizon: 5, model: ANN, levels: [0.8, 0.95] });
    if (isMetricError(f)) throw new Error(f.reason);
    expect(f.forecast.map((p) => round(p.mean, 1))).toEqual([542.7, 542.7, 542.7, 542.7, 542.7]);
    expect(f.forecast[0].mean).toBeCloseTo(fit.final.level, 9);
    // σ² = SSE / (n − parameters): α and ℓ0 (as R's ets).
    const sse = e.reduce((s, v) => s + v * v, 0);
    expect(fit.sigma2).toBeCloseTo(sse / (n - 2), 6);
    const z80 = 1.2815515655446004;
    f.forecast.forEach((p, k) => {
      const sd = Math.sqrt(fit.sigma2 * (1 + k * fit.params.alpha ** 2));
      expect(p.upper[0] - p.mean).toBeCloseTo(z80 * sd, 6);
      expect(p.mean - p.lower[0]).toBeCloseTo(z80 * sd, 6);
    });
  });
});
