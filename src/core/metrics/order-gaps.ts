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

const CACHE = new WeakMap<CustomerHistory, CustomerGaps>();

/** Most gaps a customer may have for their running median to use a sorted insertion buffer. */
const SHORT = 256;

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
  // 2. The running median of each customer's gaps, one event per gap. Up to `SHORT` gaps, the
  // gaps so far are kept sorted by insertion (the median is read at the middle); longer histories
  // use a max-heap `low` of the lower half and a min-heap `high` of the upper half (`low` holds the
  // extra value when odd).
  const day = new Int32Array(events);
  const fromTwice = new Int32Array(events);
  const toTwice = new Int32Array(events);
  const sorted = new Int32Array(Math.max(1, Math.min(longest, SHORT)));
  const low = new Int32Array(longest > SHORT ? longest : 1);
  const high = new Int32Array(longest > SHORT ? longest : 1);
  let e = 0;
  let maxTwice = 0;
  let minDay = 2147483647;
  let maxDay = -2147483648;
  for (let c = 0; c < customers; c++) {
    const from = offsets[c];
    const to = offsets[c + 1];
    const short = orderDays[c] - 1 <= SHORT;
    let size = 0;
    let lowSize = 0;
    let highSize = 0;
    let previous = -1;
    for (let k = from + 1; k < to; k++) {
      const today = days[k];
      const gap = today - days[k - 1];
      if (gap === 0) continue;
      let twice: number;
      if (short) {
        let i = size;
        while (i > 0 && sorted[i - 1] > gap) {
          sorted[i] = sorted[i - 1];
          i--;
        }
        sorted[i] = gap;
        size++;
        twice = sorted[(size - 1) >> 1] + sorted[size >> 1];
      } else {
        if (lowSize === 0 || gap <= low[0]) {
          maxHeapPush(low, lowSize++, gap);
          if (lowSize > highSize + 1) {
            minHeapPush(high, highSize++, low[0]);
            maxHeapPop(low, lowSize--);
          }
        } else {
          minHeapPush(high, highSize++, gap);
          if (highSize > lowSize) {
            maxHeapPush(low, lowSize++, high[0]);
            minHeapPop(high, highSize--);
          }
        }
        twice = lowSize > highSize ? 2 * low[0] : low[0] + high[0];
      }
      day[e] = today;
      fromTwice[e] = previous;
      toTwice[e] = twice;
      e++;
      previous = twice;
      if (twice > maxTwice) maxTwice = twice;
      if (today < minDay) minDay = today;
      if (today > maxDay) maxDay = today;
    }
    if (previous >= 0) usualGap[c] = previous / 2;
  }
  // 3. Events in day order (stable counting sort over the day span; a sort for very long spans).
  const eventDay = new Int32Array(events);
  const eventFrom = new Int32Array(events);
  const eventTo = new Int32Array(events);
  const span = events === 0 ? 0 : maxDay - minDay + 1;
  if (span > 10_000_000) {
    const order = Array.from({ length: events }, (_, i) => i).sort((a, b) => day[a] - day[b] || a - b);
    for (let i = 0; i < events; i++) {
      const at = order[i];
      eventDay[i] = day[at];
      eventFrom[i] = fromTwice[at];
      eventTo[i] = toTwice[at];
    }
  } else if (events > 0) {
    const start = new Int32Array(span + 1);
    for (let i = 0; i < events; i++) start[day[i] - minDay + 1]++;
    for (let s = 0; s < span; s++) start[s + 1] += start[s];
    for (let i = 0; i < events; i++) {
      const at = start[day[i] - minDay]++;
      eventDay[at] = day[i];
      eventFrom[at] = fromTwice[i];
      eventTo[at] = toTwice[i];
    }
  }
  return { usualGap, orderDays, lastDay, eventDay, eventFrom, eventTo, maxTwice };
}

/** Adds `x` to the max-heap `heap[0, size)`. */
function maxHeapPush(heap: Int32Array, size: number, x: number): void {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent] >= x) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = x;
}

/** Adds `x` to the min-heap `heap[0, size)`. */
function minHeapPush(heap: Int32Array, size: number, x: number): void {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent] <= x) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = x;
}

/** Removes the top of the max-heap `heap[0, size)`. */
function maxHeapPop(heap: Int32Array, size: number): void {
  const n = size - 1;
  const x = heap[n];
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && heap[child + 1] > heap[child]) child++;
    if (heap[child] <= x) break;
    heap[i] = heap[child];
    i = child;
  }
  if (n > 0) heap[i] = x;
}

/** Removes the top of the min-heap `heap[0, size)`. */
function minHeapPop(heap: Int32Array, size: number): void {
  const n = size - 1;
  const x = heap[n];
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && heap[child + 1] < heap[child]) child++;
    if (heap[child] >= x) break;
    heap[i] = heap[child];
    i = child;
  }
  if (n > 0) heap[i] = x;
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
