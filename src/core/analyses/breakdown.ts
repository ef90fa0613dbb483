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
import { formatDay, likeForLike, shiftPeriod } from '../periods';
import type { DictColumn } from '../table';
import { computeWindows, getMetric, isOrderMetric } from '../metrics';
import type { MetricId, MetricInputs, MetricOptions, MetricWindow, OrderMetricId } from '../metrics';
import { BLANK_KEY, dimensionColumn, filterInputs, unknownDimension } from '../metrics/filter';
import { computeGroupedOrderWindows, GROUPABLE_ORDER_METRICS } from '../metrics/orders-metrics';
import { spreadSpend } from '../metrics/spend-spread';

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
  /**
   * Compare like for like: when `period` is not over on the as-of day, growth is against the same
   * number of days at the start of the period before (Dec 1–5 against Nov 1–5), not all of it.
   */
  readonly likeForLike?: boolean;
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
  readonly total: {
    readonly values: readonly MetricValue[];
    readonly previous: readonly MetricValue[];
    readonly growth: readonly MetricValue[];
  };
  /** The windows compared: `period` (to date) and the one growth is measured against. */
  readonly current: MetricWindow;
  readonly base: MetricWindow;
  /** Set when no table has the dimension. */
  readonly error?: MetricValue;
  /**
   * Keys of the orders' column that another key matches but for letter case (`Bali`, `BALI`):
   * each is its own row here, while a case-insensitive match such as Excel's SUMIFS takes both.
   */
  readonly caseVariants?: readonly string[];
  /**
   * Marketing spend that no row's figures include, when the metrics include a marketing one: spend
   * without a key, or whose key has no orders in the compared periods (or all the spend, when the
   * spend table has no such column). The total's CAC and ROI include it.
   */
  readonly unattributedSpend?: UnattributedSpend;
}

export interface UnattributedSpend {
  /** Spread spend of the current window (to date) and of the base window. */
  readonly current: number;
  readonly previous: number;
  /** Keys of that spend, `(blank)` for rows without one (empty when the spend has no such column). */
  readonly keys: readonly string[];
  readonly reason: string;
}

interface Measured {
  key: string;
  group: number;
  kind: BreakdownRow['kind'];
  keys: string[];
  current: MetricValue[];
  previous: MetricValue[];
}

function change(current: MetricValue, base: MetricValue, basePeriod: MetricWindow): MetricValue {
  if (isMetricError(current)) return current;
  if (isMetricError(base)) return metricError(base.error, `${basePeriod.key}: ${base.reason}`);
  if (base === 0) return metricError('#DIV/0!', `0 in ${basePeriod.key}`);
  return current / base - 1;
}

/**
 * The windows a breakdown measures. `run` is one contiguous run [P−2, P−1, P] when the base is the
 * whole period before; a like-for-like comparison of a partial period needs two runs, each with
 * the whole period before it (for retention): [P−1, P to date] and [P−2, P−1 to the same day].
 */
interface Windows {
  readonly current: MetricWindow;
  readonly base: MetricWindow;
  readonly runs: readonly (readonly MetricWindow[])[];
}

function windowsOf(period: Period, options: BreakdownOptions): Windows {
  const before = shiftPeriod(period, -1);
  const lfl = options.likeForLike ? likeForLike(period, options.asOf) : undefined;
  if (!lfl || !lfl.current.partial) {
    return { current: period, base: before, runs: [[shiftPeriod(period, -2), before, period]] };
  }
  const current = {
    start: lfl.current.start,
    end: lfl.current.end,
    key: `${period.key} to ${formatDay(lfl.current.end - 1)}`,
  };
  const base = {
    start: lfl.previous.start,
    end: lfl.previous.end,
    key: `${before.key} to ${formatDay(lfl.previous.end - 1)}`,
  };
  return {
    current,
    base,
    runs: [
      [before, current],
      [shiftPeriod(period, -2), base],
    ],
  };
}

/** [previous, current] values from one run (its last two windows) or two runs (each its last window). */
function pairOf<T>(
  windows: Windows,
  measure: (run: readonly MetricWindow[]) => T[],
): { previous: T; current: T } {
  if (windows.runs.length === 1) {
    const values = measure(windows.runs[0]);
    return { previous: values[values.length - 2], current: values[values.length - 1] };
  }
  const current = measure(windows.runs[0]);
  const previous = measure(windows.runs[1]);
  return { previous: previous[previous.length - 1], current: current[current.length - 1] };
}

/** Metric values for the base and the current window on a filtered subset of the inputs. */
function measureFiltered(
  inputs: MetricInputs,
  ids: readonly MetricId[],
  keys: string[],
  dimension: string,
  windows: Windows,
  options: MetricOptions,
) {
  const filtered = filterInputs(inputs, { dimension, keys });
  return pairOf(windows, (run) => computeWindows(filtered, ids, run, options));
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
  const windows = windowsOf(period, options);
  const totals = pairOf(windows, (run) => computeWindows(inputs, ids, run, options));
  const total = {
    values: totals.current,
    previous: totals.previous,
    growth: ids.map((_, m) => change(totals.current[m], totals.previous[m], windows.base)),
  };
  const compared = { current: windows.current, base: windows.base };
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
      ...compared,
      error: metricError(
        '#N/A',
        unknownDimension(
          dimension,
          [inputs.orders, inputs.pipeline].filter((t) => t !== undefined),
        ),
      ),
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
  let present: Uint8Array = new Uint8Array(groupCount);
  let fast: { previous: MetricValue[][]; current: MetricValue[][] } | null = null;
  if (fastIds.length || primary === ordersColumn) {
    fast = pairOf(windows, (run) => {
      const grouped = computeGroupedOrderWindows(
        inputs.orders!,
        fastIds,
        run,
        options.asOf,
        primary.codes,
        groupOfCode(),
        groupCount,
      );
      for (let g = 0; g < groupCount; g++) if (grouped.present[g]) present[g] = 1;
      // values[group][window − 1] → per window, per group.
      return run.slice(1).map((_, k) => grouped.values.map((perGroup) => perGroup[k]));
    });
  } else {
    present = pipelinePresence(inputs, primary, windows, groupCount);
  }
  const listed: string[] = [];
  for (let g = 0; g < groupCount - 1; g++) if (present[g]) listed.push(keyOf(primary, g));
  const spendSplit = splitSpend(inputs, ids, dimension, listed, windows, options);
  const keyed = spendSplit?.keyed ?? inputs;
  const measured: Measured[] = [];
  for (let g = 0; g < groupCount; g++) {
    if (!present[g]) continue;
    const key = keyOf(primary, g === groupCount - 1 ? -1 : g);
    const slow = slowIds.length ? measureFiltered(keyed, slowIds, [key], dimension, windows, options) : null;
    measured.push({
      key,
      group: g,
      kind: g === groupCount - 1 ? 'blank' : 'key',
      keys: [key],
      current: merge(ids, fastIds, fast?.current[g], slow?.current),
      previous: merge(ids, fastIds, fast?.previous[g], slow?.previous),
    });
  }
  // Spend without a key is not the spend of the orders without one: no marketing figure there.
  const blankRow = spendSplit && measured.find((r) => r.kind === 'blank');
  if (blankRow) {
    const none = metricError('#N/A', `spend without a ${dimension} is not attributed to any orders`);
    ids.forEach((id, m) => {
      if (getMetric(id).table !== 'spend') return;
      blankRow.current[m] = none;
      blankRow.previous[m] = none;
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
    let fastOthers: { previous: MetricValue[]; current: MetricValue[] } | undefined;
    if (fastIds.length) {
      const remap = new Int32Array(groupCount).fill(-1);
      for (const r of tail) remap[r.group] = 0;
      fastOthers = pairOf(
        windows,
        (run) =>
          computeGroupedOrderWindows(
            inputs.orders!,
            fastIds,
            run,
            options.asOf,
            primary.codes,
            groupOfCode(remap),
            1,
          ).values[0],
      );
    }
    const slow = slowIds.length
      ? measureFiltered(keyed, slowIds, tailKeys, dimension, windows, options)
      : null;
    others.current = merge(ids, fastIds, fastOthers?.current, slow?.current);
    others.previous = merge(ids, fastIds, fastOthers?.previous, slow?.previous);
    rows = [...head, others];
  }

  return {
    dimension,
    period,
    ids,
    total,
    ...compared,
    ...(spendSplit?.unattributed ? { unattributedSpend: spendSplit.unattributed } : {}),
    ...caseVariantsOf(ordersColumn?.dictionary),
    rows: rows.map((r) => ({
      key: r.key,
      kind: r.kind,
      keys: r.keys,
      values: r.current,
      previous: r.previous,
      share: ids.map((id, m) =>
        getMetric(id).kind === 'flow' ? share(r.current[m], total.values[m], period) : null,
      ),
      growth: ids.map((_, m) => change(r.current[m], r.previous[m], windows.base)),
    })),
  };
}

/**
 * The keys that equal another key but for letter case, as `{ caseVariants }` (nothing when none).
 * @example caseVariantsOf(['Bali', 'Java', 'BALI']) // { caseVariants: ['Bali', 'BALI'] }
 */
export function caseVariantsOf(keys: readonly string[] | undefined): { caseVariants?: readonly string[] } {
  if (!keys) return {};
  const byFolded = new Map<string, number>();
  for (const key of keys) {
    const folded = key.toLowerCase();
    byFolded.set(folded, (byFolded.get(folded) ?? 0) + 1);
  }
  const variants = keys.filter((key) => byFolded.get(key.toLowerCase())! > 1);
  return variants.length > 0 ? { caseVariants: variants } : {};
}

/**
 * The breakdown's unattributed spend in words, or null when there is none.
 * @example unattributedNote(result) // "by channel, 1,234.00 of spend in 2026-12 is in no row (TV, (blank)): spend without a channel, or …"
 */
export function unattributedNote(result: BreakdownResult): string | null {
  const u = result.unattributedSpend;
  if (!u) return null;
  const amount = u.current.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const keys = u.keys.length ? ` (${u.keys.join(', ')})` : '';
  return `by ${result.dimension}, ${amount} of spend in ${result.current.key} is in no row${keys}: ${u.reason}; the total includes it`;
}

/**
 * With marketing metrics: the inputs each key is measured on (spend rows without a key left out,
 * so the `(blank)` row gets no spend) and the spend that no listed key receives.
 */
function splitSpend(
  inputs: MetricInputs,
  ids: readonly MetricId[],
  dimension: string,
  listed: readonly string[],
  windows: Windows,
  options: MetricOptions,
): { keyed: MetricInputs; unattributed?: UnattributedSpend } | undefined {
  const spend = inputs.spend;
  if (!spend || !ids.some((id) => getMetric(id).table === 'spend')) return undefined;
  const column = dimensionColumn(spend, dimension);
  const spreadOver = (mask: Uint8Array | null, window: MetricWindow) => {
    const table = mask ? filterInputs({ spend }, { spend: mask }).spend! : spend;
    return spreadSpend(table, [window.start, window.end], options.asOf, options.calendar)[0];
  };
  const over = (mask: Uint8Array | null, keys: string[], reason: string) => {
    const current = spreadOver(mask, windows.current);
    const previous = spreadOver(mask, windows.base);
    return current === 0 && previous === 0 ? undefined : { current, previous, keys, reason };
  };
  if (!column) {
    return {
      keyed: inputs,
      unattributed: over(null, [], `the spend table has no ${dimension} column`),
    };
  }
  const known = new Set(listed.map((key) => key.trim().toLowerCase()));
  const codeKnown = column.dictionary.map((text) => known.has(text.trim().toLowerCase()));
  const keyedMask = new Uint8Array(spend.length);
  const looseMask = new Uint8Array(spend.length);
  const loose = new Set<string>();
  for (let i = 0; i < spend.length; i++) {
    const code = column.codes[i];
    if (code >= 0) keyedMask[i] = 1;
    if (code >= 0 && codeKnown[code]) continue;
    looseMask[i] = 1;
    loose.add(code < 0 ? BLANK_KEY : column.dictionary[code]);
  }
  const keys = [...loose].sort((a, b) => a.localeCompare(b));
  const unattributed = loose.size
    ? over(
        looseMask,
        keys,
        `spend without a ${dimension}, or in a ${dimension} with no orders in ${windows.base.key} or ${windows.current.key}`,
      )
    : undefined;
  return { keyed: { ...inputs, spend: filterInputs({ spend }, { spend: keyedMask }).spend }, unattributed };
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

/** Pipeline keys with an opportunity created or closed in the base window or the current one. */
function pipelinePresence(
  inputs: MetricInputs,
  column: DictColumn,
  windows: Windows,
  groupCount: number,
): Uint8Array {
  const present = new Uint8Array(groupCount);
  const table = inputs.pipeline!;
  const start = windows.base.start;
  const end = windows.current.end;
  for (let i = 0; i < table.length; i++) {
    const inside = (d: number) => d >= start && d < end;
    if (inside(table.created[i]) || inside(table.closed[i]))
      present[column.codes[i] < 0 ? groupCount - 1 : column.codes[i]] = 1;
  }
  return present;
}
