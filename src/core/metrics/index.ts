/** The metric catalogue and engine: definitions, computation, filtering. */
export * from './registry';
export type { OrderMetricId, PipelineMetricId, MarketingMetricId } from './ids';
export {
  ORDER_METRIC_IDS,
  PIPELINE_METRIC_IDS,
  MARKETING_METRIC_IDS,
  isOrderMetric,
  isPipelineMetric,
} from './ids';
export type { MetricInputs, MetricOptions, MetricWindow } from './inputs';
export type { SuiteOptions, SuiteResult } from './compute';
export { computeMetric, computeSuite, computeGrowth, computeYoy, computeWindows } from './compute';
export type { InputFilter, RowPredicate } from './filter';
export { BLANK_KEY, dimensionColumn, filterInputs, pickRows } from './filter';
export type { ConversionCohort } from './pipeline-metrics';
export { conversionCohort, conversionNote, CONVERSION_CLOSE_SHARE } from './pipeline-metrics';
export { retentionReference, retentionWindows } from './reference';
export { metricNotes, spendNote } from './notes';
export type { InferredUnit, SpanSource, SpendSpans } from './spend-spread';
export { inferSpanUnit, spendSpans, spreadSpend } from './spend-spread';
