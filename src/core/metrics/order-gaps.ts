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
 * gap arrives, as "change" events dated by the later order day (built once per customer history,
 * per table and as-of day, and reused). A series of window ends files each event under the first
 * end after its day, then adds those changes up end by end into a histogram of usual gaps and reads
 * its median at each end (many ends over very long gaps: the events are replayed in day order).
 */
import type { CustomerHistory } from './orders-prep';
import { spareInt32s } from '../spare-memory';

export interface CustomerGaps {
  /** Per customer code: the usual gap over all their order days (NaN without a gap). */
  readonly usualGap: Float64Array;
  /** Per customer code: distinct order days. */
  readonly orderDays: Int32Array;
  /** Per customer code: the last order day (NaN without an order). */
  readonly lastDay: Float64Array;
  /**
   * Events, customer by customer (not in day order): on `eventDay[e]` a customer's usual gap × 2
   * goes from `eventFrom[e]` (−1: none yet) to `eventTo[e]`.
   */
  readonly eventDay: Int32Array;
  readonly eventFrom: Int32Array;
  readonly eventTo: Int32Array;
  /** Largest usual gap × 2 (histogram size − 1). */
  readonly maxTwice: number;
  /** First and last event day (0 and −1 without events). */
  readonly minEventDay: number;
  readonly maxEventDay: number;
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
  const day = spareInt32s(history, events);
  const fromTwice = spareInt32s(history, events);
  const toTwice = spareInt32s(history, events);
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
  return {
    usualGap,
    orderDays,
    lastDay,
    eventDay: day,
    eventFrom: fromTwice,
    eventTo: toTwice,
    maxTwice,
    minEventDay: events > 0 ? minDay : 0,
    maxEventDay: events > 0 ? maxDay : -1,
  };
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
  const gaps = customerGaps(history);
  const { eventDay, eventFrom, eventTo, maxTwice } = gaps;
  const out = new Array<number>(ends.length).fill(NaN);
  const order = Array.from({ length: ends.length }, (_, i) => i).sort((a, b) => ends[a] - ends[b]);
  const k = order.length;
  const width = maxTwice + 1;
  const events = eventDay.length;
  if (k === 0 || events === 0) return out;
  if (k * width > DELTA_CELLS) return replayInDayOrder(gaps, ends, order, out);
  // Slot of an event = the number of ends on or before its day: it counts at the ends from that
  // rank on. Per slot, the change it makes to the histogram of usual gaps (× 2) and to the number
  // of customers with one; the ends then add the slots up in order.
  const sortedEnds = Float64Array.from(order, (w) => ends[w]);
  const delta = new Int32Array(k * width);
  const joined = new Int32Array(k);
  const { minEventDay, maxEventDay } = gaps;
  const span = maxEventDay - minEventDay + 1;
  let slotOfDay: Int32Array | null = null;
  if (span <= 4_000_000) {
    slotOfDay = new Int32Array(span);
    let r = 0;
    for (let s = 0; s < span; s++) {
      while (r < k && sortedEnds[r] <= minEventDay + s) r++;
      slotOfDay[s] = r;
    }
  }
  for (let e = 0; e < events; e++) {
    const d = eventDay[e];
    const slot = slotOfDay ? slotOfDay[d - minEventDay] : countAtOrBelow(sortedEnds, d);
    if (slot >= k) continue;
    const row = slot * width;
    const from = eventFrom[e];
    if (from >= 0) delta[row + from]--;
    else joined[slot]++;
    delta[row + eventTo[e]]++;
  }
  const histogram = new Int32Array(width);
  let customers = 0;
  for (let r = 0; r < k; r++) {
    const row = r * width;
    for (let v = 0; v < width; v++) histogram[v] += delta[row + v];
    customers += joined[r];
    if (customers > 0) out[order[r]] = histogramMedian(histogram, customers) / 2;
  }
  return out;
}

/** Most histogram cells (ends × usual gaps) the slotted route may allocate. */
const DELTA_CELLS = 8_000_000;

/** Number of entries of ascending `sorted` that are ≤ `day` (binary search). */
function countAtOrBelow(sorted: Float64Array, day: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Many ends over long gaps: the events sorted by day once, replayed into one histogram. */
function replayInDayOrder(
  gaps: CustomerGaps,
  ends: readonly number[],
  order: number[],
  out: number[],
): number[] {
  const { eventDay, eventFrom, eventTo, maxTwice } = gaps;
  const byDay = Array.from({ length: eventDay.length }, (_, i) => i).sort(
    (a, b) => eventDay[a] - eventDay[b] || a - b,
  );
  const histogram = new Int32Array(maxTwice + 1);
  let applied = 0;
  let customers = 0;
  for (const w of order) {
    const end = ends[w];
    while (applied < byDay.length && eventDay[byDay[applied]] < end) {
      const e = byDay[applied];
      const from = eventFrom[e];
      if (from >= 0) histogram[from]--;
      else customers++;
      histogram[eventTo[e]]++;
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
