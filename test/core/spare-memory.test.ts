import fc from 'fast-check';
import { SpareMemory, setSpareMemory, spareInt32s } from '../../src/core/spare-memory';
import { computeSuite, ORDER_METRIC_IDS } from '../../src/core/metrics';
import { breakdown } from '../../src/core/analyses/breakdown';
import { HALF_YEAR, randomRow, tableOfRows, type RandomRow } from './metrics/tables';

describe('SpareMemory', () => {
  it('hands out disjoint pieces at multiples of 8 within its buffer, then none', () => {
    fc.assert(
      fc.property(fc.nat({ max: 4096 }), fc.array(fc.nat({ max: 600 }), { maxLength: 20 }), (size, wants) => {
        const memory = new SpareMemory(new ArrayBuffer(size));
        // Where the next piece starts: the end of the last one, rounded up to a multiple of 8.
        let next = 0;
        for (const bytes of wants) {
          const piece = memory.take(bytes);
          if (piece === undefined) {
            expect(next + bytes).toBeGreaterThan(size);
            continue;
          }
          expect(piece.offset).toBe(next);
          expect(piece.offset + bytes).toBeLessThanOrEqual(size);
          next = 8 * Math.ceil((piece.offset + bytes) / 8);
        }
      }),
    );
  });

  it('gives arrays as new ones are (zeroed), from itself only when they are long enough', () => {
    const memory = new SpareMemory(new SharedArrayBuffer(1 << 20), 1000);
    const owner = {};
    setSpareMemory(owner, memory);
    const kind = (array: Int32Array) => Object.prototype.toString.call(array.buffer);
    expect(kind(spareInt32s(owner, 999))).toBe('[object ArrayBuffer]');
    const long = spareInt32s(owner, 1000);
    expect(kind(long)).toBe('[object SharedArrayBuffer]');
    expect(Array.from(long)).toEqual(new Array(1000).fill(0));
    expect(kind(spareInt32s({}, 5000))).toBe('[object ArrayBuffer]');
  });
});

describe('metrics of a table with spare memory', () => {
  const { months, asOf } = HALF_YEAR;
  const row = randomRow();
  const build = (rows: readonly RandomRow[]) => tableOfRows(rows);
  const figures = (orders: ReturnType<typeof build>) => ({
    suite: computeSuite({ orders }, ORDER_METRIC_IDS, months, { asOf }).values,
    regions: breakdown({ orders }, { dimension: 'region', period: months[5], asOf, ids: ORDER_METRIC_IDS })
      .rows,
  });

  it('are those of the same table without it, however much of it there is', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 80 }),
        fc.boolean(),
        fc.nat({ max: 4000 }),
        (rows, sorted, size) => {
          if (sorted) rows.sort((a, b) => a.offset - b.offset);
          const spared = build(rows);
          setSpareMemory(spared, new SpareMemory(new ArrayBuffer(size), 0));
          expect(figures(spared)).toEqual(figures(build(rows)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
