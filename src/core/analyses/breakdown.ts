/**
 * Breakdowns: metrics of one period per key of a dimension (region, rep, product, category,
 * channel, segment, any extra text column; pipeline rep/source/region), with share of total for
 * flows, growth against the previous period, sorting, and top-N with an "Others" row whose
 * metrics are computed on the others' rows together (never by adding ratios).
 *
 * Orders metrics that live in one period come from one grouped pass over the rows; the rest
 * (pipeline, marketing, active ratio, days between orders, CLV) are computed per key on
 * `filterInputs`, which has the same meaning (new customers are new to the business).
 */
import type { MetricValue } from '../errors';
import { isMetricError, metricError } from '../errors';
import type { Period } from '../periods';
import { shiftPeriod } from '../periods';
import type { DictColumn } from '../table';
import { computeWindows, getMetric, isOrderMetric } from '../metrics';
import type { MetricId, MetricInputs, MetricOptions, OrderMetricId } from '../metrics';
import { BLANK_KEY, dimensionColumn, filterInputs } from '../metrics/filter';
import { computeGroupedOrderWindows, GROUPABLE_ORDER_METRICS } from '../metrics/orders-metrics';

/** The label of the row that gathers every key after the top N. */
export const OTHERS_KEY = 'Others';

/** Metrics shown when the caller names none. */
export const DEFAULT_BREAKDOWN_METRICS: readonly MetricId[] = [
  'revenue',
  'orders',
  'aov',
  'customers',
  'new_customers',
];

export interface BreakdownOptions extends MetricOptions {
  readonly dimension: string;
  readonly period: Period;
  /** Metrics per row (default `DEFAULT_BREAKDOWN_METRICS`). */
  readonly ids?: readonly MetricId[];
  /** Metric to sort by (default the first of `ids`), best first unless `order` says otherwise. */
  readonly sortBy?: MetricId;
  /** `desc` (default) or `asc`; errors always sort last, ties by key. */
  readonly order?: 'desc' | 'asc';
  /** Keep the first N keys and gather the rest into an "Others" row. */
  readonly top?: number;
}

export interface BreakdownRow {
  /** The dimension's text, `(blank)` for blanks, `Others` for the gathered tail. */
  readonly key: string;
  readonly kind: 'key' | 'blank' | 'others';
  /** Keys gathered into this row (one key for ordinary rows). */
  readonly keys: readonly string[];
  readonly values: readonly MetricValue[];
  /** The same metrics in the period before (P−1). */
  readonly previous: readonly MetricValue[];
  /** Share of the total for flow metrics, `null` for others. */
  readonly share: readonly (MetricValue | null)[];
  /** m(P) / m(P−1) − 1 per metric. */
  readonly growth: readonly MetricValue[];
}

export interface BreakdownResult {
  readonly dimension: string;
  readonly period: Period;
  readonly ids: readonly MetricId[];
  readonly rows: readonly BreakdownRow[];
  readonly total: { readonly values: readonly MetricValue[]; readonly growth: readonly MetricValue[] };
  /** Set when no table has the dimension. */
  readonly error?: MetricValue;
}

interface Measured {
  key: string;
  group: number;
  kind: BreakdownRow['kind'];
  keys: string[];
  current: MetricValue[];
  previous: MetricValue[];
}

function change(current: MetricValue, base: MetricValue, basePeriod: Period): MetricValue {
  if (isMetricError(current)) return current;
  if (isMetricError(base)) return metricError(base.error, `${basePeriod.key}: ${base.reason}`);
  if (base === 0) return metricError('#DIV/0!', `0 in ${basePeriod.key}`);
  return current / base - 1;
}

/** Metric values for [P−1, P] on a filtered subset of the inputs. */
function measureFiltered(
  inputs: MetricInputs,
  ids: readonly MetricId[],
  keys: string[],
  dimension: string,
  windows: Period[],
  options: MetricOptions,
) {
  const filtered = filterInputs(inputs, { dimension, keys });
  const values = computeWindows(filtered, ids, windows, options);
  return { previous: values[0], current: values[1] };
}

function keyOf(column: DictColumn, code: number): string {
  return code < 0 ? BLANK_KEY : column.dictionary[code];
}

/**
 * Metrics of `period` per key of `dimension`.
 * @example
 * breakdown({ orders }, { dimension: 'region', period: periodOf(asOf, 'month'), asOf, top: 5 })
 *   .rows.map((r) => [r.key, r.values[0], r.share[0]]) // [['West', 52000, 0.31], …, ['Others', 12000, 0.07]]
 */
export function breakdown(inputs: MetricInputs, options: BreakdownOptions): BreakdownResult {
  const ids = options.ids ?? DEFAULT_BREAKDOWN_METRICS;
  const { period, dimension } = options;
  const windows = [shiftPeriod(period, -2), shiftPeriod(period, -1), period];
  const totalValues = computeWindows(inputs, ids, windows, options);
  const total = {
    values: totalValues[1],
    growth: ids.map((_, m) => change(totalValues[1][m], totalValues[0][m], windows[1])),
  };
  const ordersColumn = inputs.orders && dimensionColumn(inputs.orders, dimension);
  const usesOrders = ids.some((id) => isOrderMetric(id) || getMetric(id).table === 'spend');
  const primary =
    usesOrders && ordersColumn
      ? ordersColumn
      : inputs.pipeline && dimensionColumn(inputs.pipeline, dimension);
  if (!primary) {
    return {
      dimension,
      period,
      ids,
      rows: [],
      total,
      error: metricError('#N/A', `no table has a ${dimension} column`),
    };
  }

  const fastIds =
    ordersColumn && primary === ordersColumn
      ? ids.filter((id): id is OrderMetricId => isOrderMetric(id) && GROUPABLE_ORDER_METRICS.has(id))
      : [];
  const slowIds = ids.filter((id) => !(fastIds as readonly MetricId[]).includes(id));
  const groupCount = primary.dictionary.length + 1; // last group = blanks
  /** Code → group lookup, indexed by code + 1 (blanks, code −1, at 0). */
  const groupOfCode = (remap?: Int32Array) => {
    const out = new Int32Array(groupCount + 1);
    for (let code = -1; code < groupCount - 1; code++) {
      const g = code < 0 ? groupCount - 1 : code;
      out[code + 1] = remap ? remap[g] : g;
    }
    return out;
  };

  // 1. Every key on its own.
  let present: Uint8Array;
  let fast: MetricValue[][][] | null = null;
  if (fastIds.length || primary === ordersColumn) {
    const grouped = computeGroupedOrderWindows(
      inputs.orders!,
      fastIds,
      windows,
      options.asOf,
      primary.codes,
      groupOfCode(),
      groupCount,
    );
    present = grouped.present;
    fast = grouped.values;
  } else {
    present = pipelinePresence(inputs, primary, windows, groupCount);
  }
  const measured: Measured[] = [];
  for (let g = 0; g < groupCount; g++) {
    if (!present[g]) continue;
    const key = keyOf(primary, g === groupCount - 1 ? -1 : g);
    const slow = slowIds.length ? measureFiltered(inputs, slowIds, [key], dimension, windows, options) : null;
    measured.push({
      key,
      group: g,
      kind: g === groupCount - 1 ? 'blank' : 'key',
      keys: [key],
      current: merge(ids, fastIds, fast?.[g][1], slow?.current),
      previous: merge(ids, fastIds, fast?.[g][0], slow?.previous),
    });
  }

  // 2. Sort, then gather the tail into "Others" (recomputed on the tail's rows together).
  const sortIndex = Math.max(0, ids.indexOf(options.sortBy ?? ids[0]));
  const sign = options.order === 'asc' ? 1 : -1;
  measured.sort(
    (a, b) => compareValues(a.current[sortIndex], b.current[sortIndex], sign) || a.key.localeCompare(b.key),
  );
  let rows = measured;
  if (options.top !== undefined && options.top >= 0 && measured.length > options.top) {
    const head = measured.slice(0, options.top);
    const tail = measured.slice(options.top);
    const tailKeys = tail.map((r) => r.key);
    const others: Measured = {
      key: OTHERS_KEY,
      group: -1,
      kind: 'others',
      keys: tailKeys,
      current: [],
      previous: [],
    };
    let fastOthers: MetricValue[][] | undefined;
    if (fastIds.length) {
      const remap = new Int32Array(groupCount).fill(-1);
      for (const r of tail) remap[r.group] = 0;
      fastOthers = computeGroupedOrderWindows(
        inputs.orders!,
        fastIds,
        windows,
        options.asOf,
        primary.codes,
        groupOfCode(remap),
        1,
      ).values[0];
    }
    const slow = slowIds.length
      ? measureFiltered(inputs, slowIds, tailKeys, dimension, windows, options)
      : null;
    others.current = merge(ids, fastIds, fastOthers?.[1], slow?.current);
    others.previous = merge(ids, fastIds, fastOthers?.[0], slow?.previous);
    rows = [...head, others];
  }

  return {
    dimension,
    period,
    ids,
    total,
    rows: rows.map((r) => ({
      key: r.key,
      kind: r.kind,
      keys: r.keys,
      values: r.current,
      previous: r.previous,
      share: ids.map((id, m) =>
        getMetric(id).kind === 'flow' ? share(r.current[m], total.values[m], period) : null,
      ),
      growth: ids.map((_, m) => change(r.current[m], r.previous[m], windows[1])),
    })),
  };
}

function merge(
  ids: readonly MetricId[],
  fastIds: readonly MetricId[],
  fast: MetricValue[] | undefined,
  slow: MetricValue[] | undefined,
): MetricValue[] {
  let f = 0;
  let s = 0;
  return ids.map((id) => (fastIds.includes(id) ? fast![f++] : slow![s++]));
}

function share(value: MetricValue, total: MetricValue, period: Period): MetricValue {
  if (isMetricError(value)) return value;
  if (isMetricError(total)) return total;
  return total === 0 ? metricError('#DIV/0!', `the total is 0 in ${period.key}`) : value / total;
}

function compareValues(a: MetricValue, b: MetricValue, sign: number): number {
  const aBad = isMetricError(a);
  const bBad = isMetricError(b);
  if (aBad || bBad) return aBad === bBad ? 0 : aBad ? 1 : -1;
  return a === b ? 0 : (a < b ? -1 : 1) * sign;
}

/** Pipeline keys with an opportunity created or closed in P−1 or P. */
function pipelinePresence(
  inputs: MetricInputs,
  column: DictColumn,
  windows: Period[],
  groupCount: number,
): Uint8Array {
  const present = new Uint8Array(groupCount);
  const table = inputs.pipeline!;
  const start = windows[1].start;
  const end = windows[2].end;
  for (let i = 0; i < table.length; i++) {
    const inside = (d: number) => d >= start && d < end;
    if (inside(table.created[i]) || inside(table.closed[i]))
      present[column.codes[i] < 0 ? groupCount - 1 : column.codes[i]] = 1;
  }
  return present;
}
