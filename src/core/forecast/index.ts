/**
 * Revenue (or any metric) forecasting: ETS models fitted by maximum likelihood and chosen by
 * AICc, prediction intervals, and a rolling-origin backtest against seasonal naive and a line.
 */
export type {
  ErrorType,
  TrendType,
  SeasonType,
  ModelSpec,
  SmoothingParams,
  EtsState,
  EtsModel,
} from './model';
export { modelName, modelWords, parseModelSpec, filter, pointForecasts, simulatePath } from './model';
export type { FittedEts } from './fit';
export { fitEts, freeParameters } from './fit';
export type { ForecastOptions, ForecastPoint, ForecastResult, Candidate } from './forecast';
export { forecastSeries, candidateSpecs } from './forecast';
export type {
  BacktestMethod,
  BacktestOptions,
  BacktestOrigin,
  BacktestResult,
  MethodAccuracy,
  StepAccuracy,
} from './backtest';
export { backtest, METHOD_LABELS } from './backtest';
export { seasonLengthOf, usableSeason } from './season';
export { normalQuantile } from './intervals';
