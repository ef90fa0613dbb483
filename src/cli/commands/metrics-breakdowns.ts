/**
 * Breakdowns for `sales-metrics metrics --by`: each metric per dimension value over the span of
 * the reported periods (the same window as the totals).
 */
import type { MetricValue } from '../../core/errors';
import type { MetricId, MetricInputs, MetricOptions } from '../../core/metrics';
import { computeSuite, dimensionColumn, filterInputs } from '../../core/metrics';
import type { Period } from '../../core/periods';
import { usageError } from '../errors';

export type BreakdownRows = { readonly key: string; readonly values: readonly MetricValue[] }[];

/** Checks that every `--by` dimension exists in at least one loaded table. */
export function dimensionsOf(by: readonly string[], inputs: MetricInputs): string[] {
  const tables = [inputs.orders, inputs.pipeline, inputs.spend].filter((t) => t !== undefined);
  return by.map((dimension) => {
    const name = dimension.trim();
    if (!tables.some((table) => dimensionColumn(table!, name))) {
      const known = new Set<string>();
      for (const table of tables) {
        for (const [role, header] of Object.entries(table!.mapping)) if (header && dimensionColumn(table!, role)) known.add(role);
        for (const header of Object.keys(table!.extra)) known.add(header);
      }
      throw usageError(`--by ${name}: no such column (dimensions here: ${[...known].join(', ') || 'none'})`);
    }
    return name;
  });
}

/** Distinct values of a dimension across the loaded tables, in first-seen dictionary order. */
function keysOf(inputs: MetricInputs, dimension: string): string[] {
  const keys = new Set<string>();
  for (const table of [inputs.orders, inputs.pipeline, inputs.spend]) {
    const column = table && dimensionColumn(table, dimension);
    if (!column) continue;
    const used = new Uint8Array(column.dictionary.length);
    for (let i = 0; i < column.codes.length; i++) if (column.codes[i] >= 0) used[column.codes[i]] = 1;
    column.dictionary.forEach((text, code) => used[code] && keys.add(text));
  }
  return [...keys];
}

/**
 * Each metric per dimension value over the periods' span.
 * @returns dimension → rows `{ key, values }` with values in the order of `ids`
 */
export function computeBreakdowns(inputs: MetricInputs, ids: readonly MetricId[], dimensions: readonly string[],
  periods: readonly Period[], options: MetricOptions): Record<string, BreakdownRows> {
  const out: Record<string, BreakdownRows> = {};
  for (const dimension of dimensions) {
    out[dimension] = keysOf(inputs, dimension).map((key) => {
      const subset = filterInputs(inputs, { dimension, keys: [key] });
      const suite = computeSuite(subset, ids, periods, { ...options, totals: true });
      return { key, values: suite.totals ?? [] };
    });
  }
  return out;
}
