import fc from 'fast-check';
import { groupRows } from '../../../src/core/metrics/buckets';

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
