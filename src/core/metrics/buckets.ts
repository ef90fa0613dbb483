/**
 * Bucketing days into contiguous windows in one arithmetic step per row: a lookup table over the
 * day span, so a million rows cost a million array reads.
 */

/**
 * The window index of every day value, for windows given by ascending `bounds`
 * (window k = [bounds[k], bounds[k+1])). Returns −1 outside. `days` holds floored days; when
 * `ascending`, they are in ascending order and only the rows inside the windows are looked at.
 * @example bucketDays(Int32Array.of(0, 5, 9), [0, 5, 10]) // Int32Array [0, 1, 1]
 */
export function bucketDays(
  days: Int32Array,
  bounds: readonly number[],
  minDay = -Infinity,
  maxDay = Infinity,
  ascending = false,
): Int32Array {
  const out = new Int32Array(days.length);
  const k = bounds.length - 1;
  if (k <= 0) return out.fill(-1);
  const lo = Math.max(bounds[0], minDay);
  const hi = Math.min(bounds[k] - 1, maxDay);
  if (!(hi >= lo)) return out.fill(-1);
  const span = hi - lo + 1;
  if (ascending && span <= 4_000_000) {
    const [from, to] = rowRange(days, lo, hi);
    out.fill(-1, 0, from);
    let w = 0;
    for (let i = from; i < to; i++) {
      const d = days[i];
      while (bounds[w + 1] <= d) w++;
      out[i] = w;
    }
    out.fill(-1, to);
    return out;
  }
  if (span <= 4_000_000) {
    const lookup = new Int32Array(span);
    let w = 0;
    for (let s = 0; s < span; s++) {
      const d = lo + s;
      while (bounds[w + 1] <= d) w++;
      lookup[s] = w;
    }
    // One pass writes every row (no separate fill of −1 first).
    for (let i = 0; i < days.length; i++) {
      const s = days[i] - lo;
      out[i] = s >= 0 && s < span ? lookup[s] : -1;
    }
    return out;
  }
  for (let i = 0; i < days.length; i++) out[i] = windowOf(days[i], bounds);
  return out;
}

/**
 * Rows [from, to) of ascending `days` whose day lies in [lo, hi] (binary searches).
 * @example rowRange(Int32Array.of(1, 3, 3, 8), 2, 5) // [1, 3]
 */
export function rowRange(days: Int32Array, lo: number, hi: number): [number, number] {
  const firstAbove = (limit: number) => {
    let a = 0;
    let b = days.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (days[mid] < limit) a = mid + 1;
      else b = mid;
    }
    return a;
  };
  return [firstAbove(lo), firstAbove(hi + 1)];
}

/** Window index of one day (binary search), −1 outside. */
export function windowOf(day: number, bounds: readonly number[]): number {
  const k = bounds.length - 1;
  if (!(day >= bounds[0]) || !(day < bounds[k])) return -1;
  let lo = 0;
  let hi = k - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (bounds[mid] <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Rows grouped by bucket (counting sort): rows of bucket b are `rows[offsets[b] .. offsets[b+1])`,
 * in table order. `bucket[j]` is the bucket of row `rowIds[j]` (of row j without `rowIds`).
 * When the buckets are already ascending (none −1), `rows` is `rowIds` itself: do not mutate it.
 */
export function groupRows(
  bucket: Int32Array,
  bucketCount: number,
  rowIds?: Int32Array,
): { rows: Int32Array; offsets: Int32Array } {
  const offsets = new Int32Array(bucketCount + 1);
  // Rows already in bucket order (a date-sorted sheet bucketed by window) need no reordering.
  let ordered = true;
  let last = 0;
  for (let j = 0; j < bucket.length; j++) {
    const b = bucket[j];
    if (b >= 0) offsets[b + 1]++;
    if (b < last) ordered = false;
    last = b;
  }
  for (let b = 0; b < bucketCount; b++) offsets[b + 1] += offsets[b];
  if (ordered && rowIds && rowIds.length === bucket.length) return { rows: rowIds, offsets };
  const fill = offsets.slice(0, bucketCount);
  const rows = new Int32Array(offsets[bucketCount]);
  for (let j = 0; j < bucket.length; j++)
    if (bucket[j] >= 0) rows[fill[bucket[j]]++] = rowIds ? rowIds[j] : j;
  return { rows, offsets };
}

/** The rows whose bucket is not −1, ascending. */
export function rowsInBuckets(bucket: Int32Array): Int32Array {
  let count = 0;
  for (let i = 0; i < bucket.length; i++) if (bucket[i] >= 0) count++;
  const rows = new Int32Array(count);
  let j = 0;
  for (let i = 0; i < bucket.length; i++) if (bucket[i] >= 0) rows[j++] = i;
  return rows;
}

/**
 * The bucket of each row of `rowIds` (ascending rows): `windowOfRow[rowIds[j]]`. Rows that are one
 * run of consecutive rows have their buckets as a view of `windowOfRow` rather than a copy (a
 * million rows' worth of fresh memory per call).
 */
export function bucketsOfRows(windowOfRow: Int32Array, rowIds: Int32Array): Int32Array {
  const n = rowIds.length;
  if (n > 0 && rowIds[n - 1] - rowIds[0] === n - 1) return windowOfRow.subarray(rowIds[0], rowIds[0] + n);
  const bucket = new Int32Array(n);
  for (let j = 0; j < n; j++) bucket[j] = windowOfRow[rowIds[j]];
  return bucket;
}
