import fc from 'fast-check';
import { bucketDays, bucketsOfRows, groupRows, rowRange, windowOf } from '../../../src/core/metrics/buckets';

/** Rows of each bucket in input order, by filtering. */
function brute(bucket: number[], count: number, rowIds?: number[]) {
  const rows: number[] = [];
  const offsets = [0];
  for (let b = 0; b < count; b++) {
    bucket.forEach((x, j) => x === b && rows.push(rowIds ? rowIds[j] : j));
    offsets.push(rows.length);
  }
  return { rows, offsets };
}

describe('groupRows', () => {
  const buckets = fc.array(fc.integer({ min: -1, max: 4 }), { maxLength: 40 });
  const check = (bucket: number[], withIds: boolean) => {
    const rowIds = withIds ? bucket.map((_, j) => 3 * j + 1) : undefined;
    const got = groupRows(Int32Array.from(bucket), 5, rowIds && Int32Array.from(rowIds));
    expect({ rows: [...got.rows], offsets: [...got.offsets] }).toEqual(brute(bucket, 5, rowIds));
  };

  it('groups rows by bucket in input order, skipping −1', () => {
    fc.assert(fc.property(buckets, fc.boolean(), check));
  });

  it('gives the same grouping when the buckets are already ascending', () => {
    fc.assert(
      fc.property(buckets, fc.boolean(), (bucket, withIds) =>
        check(
          [...bucket].sort((a, b) => a - b),
          withIds,
        ),
      ),
    );
    check([0, 0, 1, 3, 3, 4], true);
    check([0, 1, -1, 2], true);
  });
});

describe('bucketDays', () => {
  it('gives each day the window a binary search finds, −1 outside', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -40, max: 40 }), { maxLength: 30 }),
        fc
          .array(fc.integer({ min: -30, max: 30 }), { maxLength: 6 })
          .map((b) => [...new Set(b)].sort((x, y) => x - y)),
        (days, bounds) => {
          const lo = Math.min(...days);
          const hi = Math.max(...days);
          const got = bucketDays(Int32Array.from(days), bounds, lo, hi);
          expect([...got]).toEqual(days.map((d) => windowOf(d, bounds)));
        },
      ),
    );
    expect([...bucketDays(Int32Array.of(0, 5, 9, 10, -1), [0, 5, 10])]).toEqual([0, 1, 1, -1, -1]);
  });
});

describe('ascending days (a date-sorted sheet)', () => {
  test('by hand: only the rows inside the windows are bucketed, the rest are -1', () => {
    expect([...bucketDays(Int32Array.of(1, 3, 3, 5, 8, 12), [3, 5, 9], -Infinity, Infinity, true)]).toEqual([
      -1, 0, 0, 1, 1, -1,
    ]);
    expect(rowRange(Int32Array.of(1, 3, 3, 8), 2, 5)).toEqual([1, 3]);
    expect(rowRange(Int32Array.of(1, 3, 3, 8), 9, 20)).toEqual([4, 4]);
  });

  test('property: the same buckets as the lookup over every row, and rowRange is the rows in [lo, hi]', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: -50, max: 400 }), { maxLength: 60 })
          .map((d) => [...d].sort((a, b) => a - b)),
        fc
          .array(fc.integer({ min: -60, max: 420 }), { minLength: 1, maxLength: 8 })
          .map((b) => [...b].sort((x, y) => x - y)),
        (raw, bounds) => {
          const days = Int32Array.from(raw);
          const min = raw.length ? raw[0] : Infinity;
          const max = raw.length ? raw[raw.length - 1] : -Infinity;
          expect([...bucketDays(days, bounds, min, max, true)]).toEqual([
            ...bucketDays(days, bounds, min, max),
          ]);
          expect([...bucketDays(days, bounds, min, max, true)]).toEqual(raw.map((d) => windowOf(d, bounds)));
          const lo = bounds[0];
          const hi = bounds[bounds.length - 1];
          const [from, to] = rowRange(days, lo, hi);
          const inside = raw.flatMap((d, i) => (d >= lo && d <= hi ? [i] : []));
          expect(inside).toEqual(Array.from({ length: to - from }, (_, j) => from + j));
        },
      ),
    );
  });
});

describe('bucketsOfRows', () => {
  it('gives windowOfRow[rowIds[j]] for any ascending rows, as a view when they are consecutive', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1, max: 5 }), { maxLength: 60 }),
        fc.nat(60),
        fc.nat(60),
        fc.boolean(),
        (windows, from, length, gaps) => {
          const windowOfRow = Int32Array.from(windows);
          const start = Math.min(from, windowOfRow.length);
          const end = Math.min(start + length, windowOfRow.length);
          const rows: number[] = [];
          for (let i = start; i < end; i++) if (!gaps || i % 3 !== 1) rows.push(i);
          const rowIds = Int32Array.from(rows);
          expect(Array.from(bucketsOfRows(windowOfRow, rowIds))).toEqual(rows.map((i) => windowOfRow[i]));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
