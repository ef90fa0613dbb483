/**
 * Each customer's rhythm: the gaps, in whole days, between their consecutive order days, and
 * their **usual gap**, the median of those gaps. `days_between_orders` (the median of the usual
 * gaps of the customers with a gap to date) and the silent-customer lists (at risk, lost) both read
 * them from here, so they mean the same thing.
 *
 * Choices (stated in docs/metrics.md):
 * - Order days are the customer's distinct order days (an order is dated by its first purchase
 *   line; refunds never make an order). Two orders on one day are one order day, so no gap is 0.
 * - A customer with fewer than two order days has no usual gap and does not count.
 * - The median of an even number of values is the mean of the two middle ones (so a usual gap can
 *   end in .5, and the median of usual gaps in .25 or .75).
 *
 * Cost: one pass over the histories builds, per customer, the running median of their gaps as each
 * gap arrives (two heaps), as "change" events dated by the later order day; a series of window ends
 * then replays the events in day order into a histogram of usual gaps and reads its median at each
 * end. Built once per customer history (per table and as-of day) and reused.
 */
import type { CustomerHistory } from './orders-prep';

export interface CustomerGaps {
  /** Per customer code: the usual gap over all their order days (NaN without a gap). */
  readonly usualGap: Float64Array;
  /** Per customer code: distinct order days. */
  readonly orderDays: Int32Array;
  /** Per customer code: the last order day (NaN without an order). */
  readonly lastDay: Float64Array;
  /** Events in day order: on `eventDay[e]` a customer's usual gap × 2 goes from `eventFrom[e]` (−1: none yet) to `eventTo[e]`. */
  readonly eventDay: Int32Array;
  readonly eventFrom: Int32Array;
  readonly eventTo: Int32Array;
  /** Largest usual gap × 2 (histogram size − 1). */
  readonly maxTwice: number;
}

/** Running median of integers as they arrive: a max-heap of the lower half, a min-heap of the upper. */
class RunningMedian {
  private low: Int32Array;
  private high: Int32Array;
  private lowSize = 0;
  private highSize = 0;

  constructor(capacity: number) {
    this.low = new Int32Array(Math.max(1, capacity));
    this.high = new Int32Array(Math.max(1, capacity));
  }

  reset(): void {
    this.lowSize = 0;
    this.highSize = 0;
  }

  push(x: number): void {
    if (this.lowSize === 0 || x <= this.low[0]) this.lowSize = siftUp(this.low, this.lowSize, x, -1);
    else this.highSize = siftUp(this.high, this.highSize, x, 1);
    if (this.lowSize > this.highSize + 1) {
      const top = this.low[0];
      this.lowSize = popTop(this.low, this.lowSize, -1);
      this.highSize = siftUp(this.high, this.highSize, top, 1);
    } else if (this.highSize > this.lowSize) {
      const top = this.high[0];
      this.highSize = popTop(this.high, this.highSize, 1);
      this.lowSize = siftUp(this.low, this.lowSize, top, -1);
    }
  }

  /** Twice the median (an integer). */
  twice(): number {
    return this.lowSize > this.highSize ? 2 * this.low[0] : this.low[0] + this.high[0];
  }
}

/** Adds `x` to a heap of `size` (sign 1: min-heap, −1: max-heap); returns the new size. */
function siftUp(heap: Int32Array, size: number, x: number, sign: number): number {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (sign * (heap[parent] - x) <= 0) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = x;
  return size + 1;
}

/** Removes the top of a heap of `size`; returns the new size. */
function popTop(heap: Int32Array, size: number, sign: number): number {
  const n = size - 1;
  const x = heap[n];
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && sign * (heap[child + 1] - heap[child]) < 0) child++;
    if (sign * (heap[child] - x) >= 0) break;
    heap[i] = heap[child];
    i = child;
  }
  if (n > 0) heap[i] = x;
  return n;
}

const CACHE = new WeakMap<CustomerHistory, CustomerGaps>();

/**
 * Every customer's gaps and usual gap from their order history (cached per history).
 * @example customerGaps(prepareOrders(orders, asOf).history()!).usualGap[code] // 24.5
 */
export function customerGaps(history: CustomerHistory): CustomerGaps {
  const cached = CACHE.get(history);
  if (cached) return cached;
  const gaps = buildGaps(history);
  CACHE.set(history, gaps);
  return gaps;
}

function buildGaps(history: CustomerHistory): CustomerGaps {
  const { offsets, days } = history;
  const customers = offsets.length - 1;
  const usualGap = new Float64Array(customers).fill(NaN);
  const orderDays = new Int32Array(customers);
  const lastDay = new Float64Array(customers).fill(NaN);
  // 1. Gaps per customer (zero gaps are two orders on one day) and the largest block.
  let events = 0;
  let longest = 0;
  for (let c = 0; c < customers; c++) {
    const from = offsets[c];
    const to = offsets[c + 1];
    if (to === from) continue;
    let count = 0;
    for (let k = from + 1; k < to; k++) if (days[k] !== days[k - 1]) count++;
    orderDays[c] = count + 1;
    lastDay[c] = days[to - 1];
    events += count;
    if (count > longest) longest = count;
  }
  // 2. The running median of each customer's gaps, one event per gap.
  const day = new Int32Array(events);
  const fromTwice = new Int32Array(events);
  const toTwice = new Int32Array(events);
  const running = new RunningMedian(longest);
  let e = 0;
  let maxTwice = 0;
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let c = 0; c < customers; c++) {
    const from = offsets[c];
    const to = offsets[c + 1];
    running.reset();
    let previous = -1;
    for (let k = from + 1; k < to; k++) {
      const gap = days[k] - days[k - 1];
      if (gap === 0) continue;
      running.push(gap);
      const twice = running.twice();
      day[e] = days[k];
      fromTwice[e] = previous;
      toTwice[e] = twice;
      e++;
      previous = twice;
      if (twice > maxTwice) maxTwice = twice;
      if (days[k] < minDay) minDay = days[k];
      if (days[k] > maxDay) maxDay = days[k];
    }
    if (previous >= 0) usualGap[c] = previous / 2;
  }
  // 3. Events in day order (counting sort over the day span; a sort for very long spans).
  const order = sortByDay(day, minDay, maxDay);
  return {
    usualGap,
    orderDays,
    lastDay,
    eventDay: Int32Array.from(order, (i) => day[i]),
    eventFrom: Int32Array.from(order, (i) => fromTwice[i]),
    eventTo: Int32Array.from(order, (i) => toTwice[i]),
    maxTwice,
  };
}

/** Indexes of `day` in ascending day order, stable. */
function sortByDay(day: Int32Array, minDay: number, maxDay: number): Int32Array {
  const n = day.length;
  const order = new Int32Array(n);
  if (n === 0) return order;
  const span = maxDay - minDay + 1;
  if (span > 10_000_000) {
    const index = Array.from({ length: n }, (_, i) => i).sort((a, b) => day[a] - day[b] || a - b);
    order.set(index);
    return order;
  }
  const start = new Int32Array(span + 1);
  for (let i = 0; i < n; i++) start[day[i] - minDay + 1]++;
  for (let s = 0; s < span; s++) start[s + 1] += start[s];
  for (let i = 0; i < n; i++) order[start[day[i] - minDay]++] = i;
  return order;
}

/**
 * For each end: the median, over customers with a gap before that end, of their usual gap counting
 * only order days before the end (NaN when nobody has one). Ends in any order.
 * @example medianUsualGapBefore(history, [day('2026-12-01')]) // [24.5]
 */
export function medianUsualGapBefore(history: CustomerHistory, ends: readonly number[]): number[] {
  const { eventDay, eventFrom, eventTo, maxTwice } = customerGaps(history);
  const out = new Array<number>(ends.length).fill(NaN);
  const order = Array.from({ length: ends.length }, (_, i) => i).sort((a, b) => ends[a] - ends[b]);
  const histogram = new Int32Array(maxTwice + 1);
  let applied = 0;
  let customers = 0;
  for (const w of order) {
    const end = ends[w];
    while (applied < eventDay.length && eventDay[applied] < end) {
      const from = eventFrom[applied];
      if (from >= 0) histogram[from]--;
      else customers++;
      histogram[eventTo[applied]]++;
      applied++;
    }
    if (customers > 0) out[w] = histogramMedian(histogram, customers) / 2;
  }
  return out;
}

/** Median of `count` values held as a histogram (mean of the two middle values when even). */
function histogramMedian(histogram: Int32Array, count: number): number {
  const lowRank = Math.floor((count - 1) / 2);
  const highRank = Math.floor(count / 2);
  let seen = 0;
  let low = -1;
  for (let v = 0; v < histogram.length; v++) {
    seen += histogram[v];
    if (low < 0 && seen > lowRank) low = v;
    if (seen > highRank) return (low + v) / 2;
  }
  return low;
}
