/**
 * Break-even and ROI as benchmark-style targets: figures the business must reach, in the same
 * shape as an industry benchmark, so the dashboard compares them and goals can be set from them.
 * Both are minimums (`min`): reaching them is `within`, beyond is `better`.
 */
import type { MetricError } from '../errors';
import { isMetricError, metricError } from '../errors';
import { breakEven, marketingRoi } from '../formulas';
import type { BenchmarkSet } from './types';

export interface BreakEvenInput {
  /** Fixed costs of the period the target is for (a month's rent for a monthly target). */
  readonly fixedCosts: number;
  readonly unitPrice: number;
  readonly unitVariableCost: number;
  readonly id?: string;
  readonly name?: string;
}

/**
 * Units and revenue needed to break even: units = fixed costs / (price − variable cost),
 * revenue = units × price (docs/metrics.md). `#NUM!` when the price does not exceed the variable cost.
 * @example breakEvenTarget({ fixedCosts: 10000, unitPrice: 50, unitVariableCost: 30 })
 *   // metrics: units ≥ 500, revenue ≥ 25,000
 */
export function breakEvenTarget(input: BreakEvenInput): BenchmarkSet | MetricError {
  const result = breakEven(input.fixedCosts, input.unitPrice, input.unitVariableCost);
  if (isMetricError(result)) return result;
  const note = `fixed costs ${input.fixedCosts} ÷ (price ${input.unitPrice} − variable cost ${input.unitVariableCost})`;
  return {
    id: input.id ?? 'break-even',
    name: input.name ?? 'Break-even',
    kind: 'own',
    metrics: [
      {
        metric: 'units',
        min: result.units,
        unit: 'count',
        source: 'break-even point',
        note: `units = ${note}`,
      },
      {
        metric: 'revenue',
        min: result.revenue,
        unit: 'currency',
        source: 'break-even point',
        note: `revenue = units × price; ${note}`,
      },
    ],
  };
}

export interface RoiInput {
  /** Marketing spend of the period. */
  readonly spend: number;
  /** Gross margin ratio applied to revenue (1 when there is no cost column, as in docs/metrics.md). */
  readonly margin?: number;
  /** The ROI to reach; 0 = the spend pays for itself. */
  readonly roi?: number;
  readonly id?: string;
  readonly name?: string;
}

/**
 * The ROI target and the revenue it takes: ROI = (revenue × margin − spend) / spend, so
 * revenue = spend × (1 + ROI) / margin.
 * @example roiTarget({ spend: 2000, margin: 0.5, roi: 1.5 }) // marketing_roi ≥ 1.5, revenue ≥ 10,000
 */
export function roiTarget(input: RoiInput): BenchmarkSet | MetricError {
  const margin = input.margin ?? 1;
  const roi = input.roi ?? 0;
  if (![input.spend, margin, roi].every(Number.isFinite))
    return metricError('#VALUE!', 'an input is not a number');
  if (input.spend <= 0) return metricError('#NUM!', 'spend must be above 0');
  if (margin <= 0) return metricError('#NUM!', 'the margin must be above 0');
  const revenue = (input.spend * (1 + roi)) / margin;
  // The same formula the metric uses, as a check that the target is consistent with it.
  const check = marketingRoi(revenue, input.spend, margin);
  if (isMetricError(check)) return check;
  return {
    id: input.id ?? 'roi-target',
    name: input.name ?? 'ROI target',
    kind: 'own',
    metrics: [
      {
        metric: 'marketing_roi',
        min: roi,
        unit: 'multiple',
        source: 'ROI target',
        note: '(revenue × margin − spend) ÷ spend',
      },
      {
        metric: 'revenue',
        min: revenue,
        unit: 'currency',
        source: 'ROI target',
        note: `spend ${input.spend} × (1 + ${roi}) ÷ margin ${margin}`,
      },
    ],
  };
}
