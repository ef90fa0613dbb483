/**
 * Breakdowns for `sales-metrics metrics --by`: the engine's breakdown of the as-of period (the
 * last reported period) per dimension value, with share of total, growth on the period before,
 * and an optional top N with an "Others" row.
 */
import type { BreakdownResult } from '../../core/analyses/breakdown';
import { breakdown, DEFAULT_BREAKDOWN_METRICS } from '../../core/analyses/breakdown';
import type { MetricId, MetricInputs, MetricOptions } from '../../core/metrics';
import { dimensionColumn, getMetric } from '../../core/metrics';
import { unknownDimension } from '../../core/metrics/filter';
import type { Period } from '../../core/periods';
import { usageError } from '../errors';

/** Pipeline metrics a breakdown shows when the user names none. */
const DEFAULT_PIPELINE_BREAKDOWN: readonly MetricId[] = [
  'leads',
  'win_rate',
  'avg_deal_size',
  'sales_cycle_days',
  'pipeline_value',
];

/**
 * Checks that every `--by` dimension exists in at least one loaded table: a column header
 * (case-insensitive, `--by City`, `--by "Sub-Category"`) or else a role (`--by region`). An unknown
 * name is a usage error that lists the roles and headers there are.
 */
export function dimensionsOf(by: readonly string[], inputs: MetricInputs): string[] {
  const tables = [inputs.orders, inputs.pipeline, inputs.spend].filter((t) => t !== undefined);
  return by.map((dimension) => {
    const name = dimension.trim();
    if (!tables.some((table) => dimensionColumn(table, name)))
      throw usageError(`--by ${name}: ${unknownDimension(name, tables)}`);
    return name;
  });
}

/**
 * The metrics of a breakdown row: the `--metrics` selection, else the core orders metrics and
 * the core pipeline metrics of the loaded tables (the full catalogue per key would be slow on
 * many keys and unreadable).
 */
export function breakdownIds(inputs: MetricInputs, selected: readonly MetricId[] | undefined): MetricId[] {
  if (selected) return [...selected];
  const ids: MetricId[] = [];
  if (inputs.orders) ids.push(...DEFAULT_BREAKDOWN_METRICS);
  if (inputs.pipeline) ids.push(...DEFAULT_PIPELINE_BREAKDOWN);
  return ids.filter((id) => getMetric(id).requires.every((r) => inputs[r.table] !== undefined));
}

/**
 * One breakdown per dimension of `period`.
 * @example computeBreakdowns({ orders }, ['revenue'], ['region'], periodOf(asOf, 'month'), { asOf }, 5)
 */
export function computeBreakdowns(
  inputs: MetricInputs,
  ids: readonly MetricId[],
  dimensions: readonly string[],
  period: Period,
  options: MetricOptions,
  top?: number,
): Record<string, BreakdownResult> {
  const out: Record<string, BreakdownResult> = {};
  for (const dimension of dimensions)
    out[dimension] = breakdown(inputs, { ...options, dimension, period, ids, top });
  return out;
}
