/**
 * Metric ids (docs/metrics.md "The metric catalogue"). Typed constants, so a misspelt id is a compile
 * error rather than a silent lookup miss.
 */

export const ORDER_METRIC_IDS = [
  'revenue',
  'orders',
  'aov',
  'units',
  'avg_price',
  'customers',
  'sales_per_customer',
  'new_customers',
  'returning_customers',
  'purchase_frequency',
  'repeat_rate',
  'retention_rate',
  'churn_rate',
  'active_ratio',
  'days_between_orders',
  'gross_margin',
  'clv',
] as const;

/**
 * `sales_cycle_days` is the mean; the median is wanted too (docs/metrics.md), exposed as its own id so that
 * both can be tiles, goals and custom-function results.
 */
export const PIPELINE_METRIC_IDS = [
  'leads',
  'conversion_rate',
  'win_rate',
  'avg_deal_size',
  'sales_cycle_days',
  'sales_cycle_days_median',
  'pipeline_value',
  'pipeline_velocity',
] as const;

export const MARKETING_METRIC_IDS = ['cac', 'marketing_roi', 'ltv_cac', 'cac_payback_months'] as const;

export const METRIC_IDS = [...ORDER_METRIC_IDS, ...PIPELINE_METRIC_IDS, ...MARKETING_METRIC_IDS] as const;

export type OrderMetricId = (typeof ORDER_METRIC_IDS)[number];
export type PipelineMetricId = (typeof PIPELINE_METRIC_IDS)[number];
export type MarketingMetricId = (typeof MARKETING_METRIC_IDS)[number];
export type MetricId = (typeof METRIC_IDS)[number];

/** `M.aov === 'aov'`: use these instead of string literals in callers. */
export const M: { readonly [K in MetricId]: K } = Object.freeze(
  Object.fromEntries(METRIC_IDS.map((id) => [id, id])) as { [K in MetricId]: K },
);

const ID_SET: ReadonlySet<string> = new Set(METRIC_IDS);
const ORDER_SET: ReadonlySet<string> = new Set(ORDER_METRIC_IDS);
const PIPELINE_SET: ReadonlySet<string> = new Set(PIPELINE_METRIC_IDS);

/** True when `text` is exactly a metric id. @example isMetricId('aov') // true */
export function isMetricId(text: unknown): text is MetricId {
  return typeof text === 'string' && ID_SET.has(text);
}

export function isOrderMetric(id: MetricId): id is OrderMetricId {
  return ORDER_SET.has(id);
}

export function isPipelineMetric(id: MetricId): id is PipelineMetricId {
  return PIPELINE_SET.has(id);
}
