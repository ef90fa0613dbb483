/**
 * The forecast command's document (its `--json`) and the readable report made from it.
 */
import type { BacktestResult, ForecastResult } from '../../core/forecast';
import type { MetricId } from '../../core/metrics';
import { getMetric } from '../../core/metrics';
import type { Period, PeriodUnit } from '../../core/periods';
import { formatNumber, formatTable } from '../format';

/** A period not fitted, and why. */
export interface LeftOut {
  readonly key: string;
  readonly reason: string;
}

/** The smoothing parameters the model uses. */
function paramsOf(result: ForecastResult): Record<string, number> {
  const { spec, params } = result.model;
  return {
    alpha: params.alpha,
    ...(spec.trend !== 'N' ? { beta: params.beta } : {}),
    ...(spec.season !== 'N' ? { gamma: params.gamma } : {}),
    ...(spec.trend === 'Ad' ? { phi: params.phi } : {}),
  };
}

export interface ForecastDocument {
  readonly metric: MetricId;
  readonly unit: PeriodUnit;
  readonly seasonLength: number;
  /** The complete periods fitted. */
  readonly series: readonly { key: string; value: number }[];
  readonly leftOut: readonly LeftOut[];
  readonly model: {
    readonly name: string;
    readonly error: string;
    readonly trend: string;
    readonly season: string;
    readonly params: Record<string, number>;
    readonly initialState: ForecastResult['model']['initial'];
    readonly aicc: number;
    readonly aic: number;
    readonly bic: number;
    readonly logLikelihood: number;
    readonly sigma2: number;
    readonly n: number;
    readonly parameters: number;
  };
  readonly candidates: ForecastResult['candidates'];
  readonly intervals: ForecastResult['intervals'];
  readonly levels: readonly number[];
  readonly forecast: readonly {
    key: string;
    mean: number;
    intervals: readonly { level: number; lower: number; upper: number }[];
  }[];
  readonly backtest: {
    readonly horizon: number;
    readonly seasonLength: number;
    readonly methods: BacktestResult['methods'];
    /** key: the first period forecast from the origin; trainedOn: the periods before it. */
    readonly origins: readonly {
      key: string;
      trainedOn: number;
      model: string | null;
      scale: number;
      actual: readonly number[];
      forecasts: BacktestResult['origins'][number]['forecasts'];
    }[];
  };
  readonly notes?: readonly string[];
}

/** The JSON document: the series, the model, the forecast and the backtest. */
export function forecastDocument(
  metric: MetricId,
  unit: PeriodUnit,
  series: readonly { period: Period; value: number }[],
  leftOut: readonly LeftOut[],
  result: ForecastResult,
  future: readonly Period[],
  test: BacktestResult,
): ForecastDocument {
  const { model } = result;
  return {
    metric,
    unit,
    seasonLength: result.seasonLength,
    series: series.map((p) => ({ key: p.period.key, value: p.value })),
    leftOut,
    model: {
      name: result.name,
      error: model.spec.error,
      trend: model.spec.trend,
      season: model.spec.season,
      params: paramsOf(result),
      initialState: model.initial,
      aicc: model.aicc,
      aic: model.aic,
      bic: model.bic,
      logLikelihood: model.logLikelihood,
      sigma2: model.sigma2,
      n: model.n,
      parameters: model.parameters,
    },
    candidates: result.candidates,
    intervals: result.intervals,
    levels: result.levels,
    forecast: result.forecast.map((point, k) => ({
      key: future[k].key,
      mean: point.mean,
      intervals: result.levels.map((level, i) => ({ level, lower: point.lower[i], upper: point.upper[i] })),
    })),
    backtest: {
      horizon: test.horizon,
      seasonLength: test.seasonLength,
      methods: test.methods,
      origins: test.origins.map((o) => ({
        key: series[o.origin].period.key,
        trainedOn: o.origin,
        model: o.model,
        scale: o.scale,
        actual: o.actual,
        forecasts: o.forecasts,
      })),
    },
    ...(result.seasonNote ? { notes: [result.seasonNote] } : {}),
  };
}

/** The readable report: series, model, forecast table, backtest table. */
export function forecastText(doc: ForecastDocument): string {
  const unit = getMetric(doc.metric).unit;
  const money = (v: number) => formatNumber(v, unit);
  const { series, model, backtest: test } = doc;
  const out: string[] = [
    `${getMetric(doc.metric).label.en} by ${doc.unit}: ${series.length} complete periods, ${series[0].key} … ${series[series.length - 1].key}`,
    ...doc.leftOut.map((l) => `  ${l.key} left out: ${l.reason}`),
    ...(doc.notes ?? []).map((note) => `  ${note}`),
  ];
  const fitted = doc.candidates.filter((c) => c.aicc !== null).length;
  const sigma = Math.sqrt(model.sigma2);
  out.push(
    '',
    `Model ${model.name}: the smallest AICc of ${fitted} models fitted (season ${doc.seasonLength === 1 ? 'none' : `${doc.seasonLength} periods`})`,
    `  ${Object.entries(model.params)
      .map(([name, value]) => `${name} ${value.toFixed(4)}`)
      .join('  ')}`,
    `  AICc ${model.aicc.toFixed(2)}  AIC ${model.aic.toFixed(2)}  BIC ${model.bic.toFixed(2)}  sigma ${
      model.error === 'M' ? `${formatNumber(sigma, 'ratio')} of the forecast` : money(sigma)
    }`,
    doc.intervals === 'analytic'
      ? '  intervals: exact (additive errors)'
      : '  intervals: quantiles of 5,000 simulated paths (multiplicative errors)',
    '',
    formatTable(
      ['period', 'forecast', '80% low', '80% high', '95% low', '95% high'],
      doc.forecast.map((f) => [
        f.key,
        money(f.mean),
        money(f.intervals[0].lower),
        money(f.intervals[0].upper),
        money(f.intervals[1].lower),
        money(f.intervals[1].upper),
      ]),
    ),
  );
  if (test.origins.length === 0) {
    out.push('Backtest: too few complete periods for a first origin');
    return out.join('\n') + '\n';
  }
  const origins = test.origins;
  out.push(
    `Backtest: ${origins.length} origins (first forecast ${origins[0].key} … ${origins[origins.length - 1].key}), expanding window, the model chosen again at each origin`,
  );
  const score = (v: number | null, percent = false) =>
    v === null ? '—' : percent ? `${v.toFixed(1)}%` : v.toFixed(3);
  const steps = test.horizon === 1 ? [0] : [0, test.horizon - 1];
  out.push(
    formatTable(
      ['method', ...steps.flatMap((s) => [`${s + 1}-step MASE`, 'sMAPE'])],
      test.methods.map((m) => [
        m.label,
        ...steps.flatMap((s) => [score(m.byStep[s].mase), score(m.byStep[s].smape, true)]),
      ]),
    ),
    'MASE below 1: smaller errors than the seasonal naive forecast within the training periods.',
  );
  return out.join('\n') + '\n';
}
