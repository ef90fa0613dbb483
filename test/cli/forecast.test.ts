import { join } from 'node:path';
import { isMetricError } from '../../src/core/errors';
import { forecastSeries } from '../../src/core/forecast';
import { DATA, runCli, runJson } from './run';

const SAMPLE = join(__dirname, '../../samples/sales-sample.xlsx');

describe('sales-metrics forecast', () => {
  it('forecasts the sample’s monthly revenue from its complete months, leaving December’s five days out', async () => {
    const doc = await runJson(['forecast', SAMPLE, '--as-of', '2026-12-05', '--horizon', '3']);
    expect(doc.metric).toBe('revenue');
    expect(doc.unit).toBe('month');
    expect(doc.leftOut).toEqual([{ key: '2026-12', reason: 'not over: 5 of 31 days to 2026-12-05' }]);
    expect(doc.series).toHaveLength(35);
    expect(doc.series[0].key).toBe('2024-01');
    expect(doc.series[34].key).toBe('2026-11');
    // The series is the metric catalogue's monthly revenue.
    const metrics = await runJson([
      'metrics',
      SAMPLE,
      '--as-of',
      '2026-12-05',
      '--last',
      '36',
      '--metrics',
      'revenue',
    ]);
    const complete = metrics.periods.filter((p: { partial: boolean }) => !p.partial);
    expect(doc.series.map((p: { value: number }) => p.value)).toEqual(
      complete.map((p: { metrics: { revenue: number } }) => p.metrics.revenue),
    );
    // The forecast is the engine's on those values: December 2026 first.
    const values = doc.series.map((p: { value: number }) => p.value);
    const engine = forecastSeries(values, { unit: 'month', horizon: 3 });
    if (isMetricError(engine)) throw new Error(engine.reason);
    expect(doc.model.name).toBe(engine.name);
    expect(doc.model.aicc).toBeCloseTo(engine.aicc, 8);
    expect(doc.forecast.map((f: { key: string }) => f.key)).toEqual(['2026-12', '2027-01', '2027-02']);
    doc.forecast.forEach(
      (f: { mean: number; intervals: { level: number; lower: number; upper: number }[] }, k: number) => {
        expect(f.mean).toBeCloseTo(engine.forecast[k].mean, 6);
        expect(f.intervals.map((i) => i.level)).toEqual([0.8, 0.95]);
        expect(f.intervals[1].lower).toBeLessThan(f.intervals[0].lower);
        expect(f.intervals[0].upper).toBeLessThan(f.intervals[1].upper);
      },
    );
    expect(doc.candidates).toHaveLength(15);
    // The backtest: origins after two seasons (24 months), the first forecast January 2026; its
    // scores are the means of the origins' scaled errors.
    expect(doc.backtest.origins).toHaveLength(11);
    expect(doc.backtest.origins[0].key).toBe('2026-01');
    expect(doc.backtest.origins[0].trainedOn).toBe(24);
    for (const method of doc.backtest.methods) {
      method.byStep.forEach((step: { step: number; count: number; mase: number; smape: number }) => {
        const scored = doc.backtest.origins.filter((o: { actual: number[] }) => o.actual.length >= step.step);
        const errors = scored.map(
          (o: { actual: number[]; scale: number; forecasts: Record<string, number[]> }) => ({
            scaled: Math.abs(o.actual[step.step - 1] - o.forecasts[method.method][step.step - 1]) / o.scale,
            smape:
              (200 * Math.abs(o.actual[step.step - 1] - o.forecasts[method.method][step.step - 1])) /
              (Math.abs(o.actual[step.step - 1]) + Math.abs(o.forecasts[method.method][step.step - 1])),
          }),
        );
        expect(step.count).toBe(scored.length);
        expect(step.mase).toBeCloseTo(
          errors.reduce((a: number, e: { scaled: number }) => a + e.scaled, 0) / scored.length,
          10,
        );
        expect(step.smape).toBeCloseTo(
          errors.reduce((a: number, e: { smape: number }) => a + e.smape, 0) / scored.length,
          10,
        );
      });
    }
    expect(doc.backtest.methods.map((m: { method: string }) => m.method)).toEqual([
      'ets',
      'seasonal_naive',
      'linear_trend',
    ]);
    expect(doc.asOf).toBe('2026-12-05');
    expect(doc.afterAsOf).toBe(974);
  });

  it('prints the model, the forecast table and the backtest table', async () => {
    const run = await runCli(['forecast', SAMPLE, '--as-of', '2026-12-05', '--period', 'quarter', '-q']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Revenue by quarter: 11 complete periods, 2024-Q1 … 2026-Q3');
    expect(run.out).toContain('2026-Q4 left out: not over: 66 of 92 days to 2026-12-05');
    expect(run.out).toMatch(
      /Model ETS\([AM],(N|A|Ad),[NAM]\): the smallest AICc of \d+ models fitted \(season 4 periods\)/,
    );
    expect(run.out).toMatch(/sigma [\d,.]+( of the forecast)?\n/);
    expect(run.out).toMatch(/period\s+forecast\s+80% low\s+80% high\s+95% low\s+95% high/);
    expect(run.out).toMatch(/Backtest: 3 origins \(first forecast 2026-Q1 … 2026-Q3\)/);
    expect(run.out).toMatch(/method\s+1-step MASE\s+sMAPE\s+3-step MASE\s+sMAPE/);
    expect(run.out).toContain('seasonal naive');
    expect(run.out).toContain('linear trend');
  });

  it('says why there is no season on CDNOW’s eighteen months', async () => {
    const doc = await runJson(['forecast', join(DATA, 'cdnow_sample.txt'), '--map', 'customer=Column B']);
    expect(doc.series).toHaveLength(18);
    expect(doc.seasonLength).toBe(1);
    expect(doc.notes).toEqual(['fewer than two full seasons (18 of 24 periods): no seasonal models']);
    expect(doc.model.season).toBe('N');
    expect(doc.leftOut).toEqual([]);
  });

  it('forecasts another orders metric by quarter', async () => {
    const doc = await runJson([
      'forecast',
      SAMPLE,
      '--as-of',
      '2026-12-05',
      '--metric',
      'orders',
      '--period',
      'quarter',
    ]);
    expect(doc.metric).toBe('orders');
    expect(doc.leftOut).toEqual([{ key: '2026-Q4', reason: 'not over: 66 of 92 days to 2026-12-05' }]);
    expect(doc.series).toHaveLength(11);
    expect(doc.forecast[0].key).toBe('2026-Q4');
  });

  it('refuses what it cannot do with one line', async () => {
    const metric = await runCli(['forecast', SAMPLE, '--metric', 'leads']);
    expect(metric.code).toBe(2);
    expect(metric.err).toMatch(/--metric must be an orders metric/);
    const period = await runCli(['forecast', SAMPLE, '--period', 'day']);
    expect(period.code).toBe(2);
    expect(period.err).toMatch(/--period must be one of week\|month\|quarter/);
    const horizon = await runCli(['forecast', SAMPLE, '--horizon', '0']);
    expect(horizon.code).toBe(2);
    const help = await runCli(['--help']);
    expect(help.out).toMatch(/forecast\s+ETS forecast of revenue/);
  });
});
