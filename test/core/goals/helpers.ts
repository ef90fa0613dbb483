import type { Evaluate, MetricTraits } from '../../../src/core/goals';

/** An evaluate that sums a per-day function over the window (a flow metric). */
export function dailySum(perDay: (day: number) => number): Evaluate {
  return (window) => {
    let sum = 0;
    for (let d = window.start; d < window.end; d++) sum += perDay(d);
    return sum;
  };
}

export const REVENUE: MetricTraits = { id: 'revenue', better: 'higher', kind: 'flow' };
export const WIN_RATE: MetricTraits = { id: 'win_rate', better: 'higher', kind: 'ratio' };
export const CAC: MetricTraits = { id: 'cac', better: 'lower', kind: 'ratio' };
export const PIPELINE: MetricTraits = { id: 'pipeline_value', better: 'higher', kind: 'stock' };
