import fc from 'fast-check';
import {
  chooseAsOf,
  dataAsOf,
  dataDates,
  reviewDay,
  rowsAfter,
  tableDateRange,
  tableDates,
} from '../../src/core/data-range';
import { parseDay } from '../../src/core/periods';
import { rowCounts } from '../../src/core/report';
import type { OrdersTable, PipelineTable, SpendTable } from '../../src/core/table';

const day = (text: string) => parseDay(text)!;
const base = { mapping: {}, extra: {} };

function orders(rows: readonly [string | number, number][]): OrdersTable {
  return {
    ...base,
    kind: 'orders',
    length: rows.length,
    sourceRow: Int32Array.from(rows, (_, i) => i + 2),
    date: Float64Array.from(rows, ([d]) => (typeof d === 'number' ? d : day(d))),
    amount: Float64Array.from(rows, ([, a]) => a),
    dimensions: {},
  };
}

function pipeline(rows: readonly [string, string | null][]): PipelineTable {
  return {
    ...base,
    kind: 'pipeline',
    length: rows.length,
    sourceRow: Int32Array.from(rows, (_, i) => i + 2),
    created: Float64Array.from(rows, ([c]) => day(c)),
    closed: Float64Array.from(rows, ([, c]) => (c === null ? NaN : day(c))),
    status: Uint8Array.from(rows, ([, c]) => (c === null ? 0 : 1)),
  };
}

function spend(rows: readonly [string, number][]): SpendTable {
  return {
    ...base,
    kind: 'spend',
    length: rows.length,
    sourceRow: Int32Array.from(rows, (_, i) => i + 2),
    date: Float64Array.from(rows, ([d]) => day(d)),
    spend: Float64Array.from(rows, ([, s]) => s),
  };
}

describe('tableDateRange', () => {
  it('spans the orders with a readable date and amount; a refund counts, an unreadable amount does not', () => {
    const table = orders([
      ['2024-03-02', 10],
      ['2023-12-31', NaN],
      ['2024-01-01', 5],
      ['2024-06-30', -20],
      ['2025-01-01', NaN],
    ]);
    expect(tableDateRange(table)).toEqual({ first: day('2024-01-01'), last: day('2024-06-30') });
  });

  it('drops the time of day', () => {
    expect(tableDateRange(orders([[day('2026-12-05') + 0.75, 1]]))).toEqual({
      first: day('2026-12-05'),
      last: day('2026-12-05'),
    });
  });

  it('runs a pipeline from its first created date to its latest created or closed date', () => {
    const table = pipeline([
      ['2016-10-20', '2017-03-01'],
      ['2016-11-02', null],
      ['2017-01-15', '2017-12-31'],
    ]);
    expect(tableDateRange(table)).toEqual({ first: day('2016-10-20'), last: day('2017-12-31') });
  });

  it('is null for a table without a usable row', () => {
    expect(tableDateRange(orders([]))).toBeNull();
    expect(tableDateRange(orders([['2024-01-01', NaN]]))).toBeNull();
    expect(tableDateRange(spend([['2024-01-01', NaN]]))).toBeNull();
  });
});

describe('rowsAfter', () => {
  it('counts orders by date, the pipeline by created date (a later closing does not count) and spend by date', () => {
    const asOf = day('2026-12-05');
    const o = orders([
      ['2026-12-05', 1],
      [day('2026-12-05') + 0.99, 1], // the as-of day itself, late in the day
      ['2026-12-06', 1],
      ['2026-12-31', -5], // a refund after the as-of day is a row after it too
      ['2027-01-01', NaN], // unreadable amount: skipped, not "after"
    ]);
    expect(rowsAfter(o, asOf)).toBe(2);
    const p = pipeline([
      ['2026-12-01', '2026-12-20'],
      ['2026-12-06', null],
    ]);
    expect(rowsAfter(p, asOf)).toBe(1);
    const s = spend([
      ['2026-12-01', 100],
      ['2027-01-01', 100],
    ]);
    expect(rowsAfter(s, asOf)).toBe(1);
    expect(dataDates({ orders: o, pipeline: p, spend: s }, asOf)).toEqual({
      orders: { range: { first: day('2026-12-05'), last: day('2026-12-31') }, afterAsOf: 2 },
      pipeline: { range: { first: day('2026-12-01'), last: day('2026-12-20') }, afterAsOf: 1 },
      spend: { range: { first: day('2026-12-01'), last: day('2027-01-01') }, afterAsOf: 1 },
    });
  });

  it('adds up with the rows counted: every usable row is up to the as-of day or after it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.boolean()), { maxLength: 60 }),
        fc.integer({ min: -5, max: 405 }),
        (cells, asOf) => {
          const table = orders(cells.map(([d, ok]) => [20000 + d + 0.5, ok ? 1 : NaN]));
          const usable = cells.filter(([, ok]) => ok);
          const upTo = usable.filter(([d]) => 20000 + d <= 20000 + asOf).length;
          expect(rowsAfter(table, 20000 + asOf)).toBe(usable.length - upTo);
          const range = tableDateRange(table);
          if (range) {
            expect(rowsAfter(table, range.last)).toBe(0);
            expect(rowsAfter(table, range.first - 1)).toBe(usable.length);
          } else expect(usable).toHaveLength(0);
        },
      ),
    );
  });
});

describe('the as-of day', () => {
  const o = orders([
    ['1997-01-01', 12],
    ['1998-06-30', 7],
  ]);
  const p = pipeline([['2016-10-20', '2017-12-31']]);
  const s = spend([['2018-01-01', 100]]);

  it("is the orders' latest date even when the pipeline or spend run later", () => {
    expect(dataAsOf({ orders: o, pipeline: p, spend: s })).toBe(day('1998-06-30'));
  });

  it('without orders, is the latest date of the pipeline (created or closed) or the spend', () => {
    expect(dataAsOf({ pipeline: p })).toBe(day('2017-12-31'));
    expect(dataAsOf({ pipeline: p, spend: s })).toBe(day('2018-01-01'));
    expect(dataAsOf({ orders: orders([]), pipeline: p })).toBe(day('2017-12-31'));
    expect(dataAsOf({})).toBeNull();
  });

  it('is the one given, else the data, else today, else nothing', () => {
    const today = day('2026-12-05');
    expect(chooseAsOf({ orders: o }, day('1997-06-30'), today)).toEqual({
      day: day('1997-06-30'),
      source: 'given',
    });
    expect(chooseAsOf({ orders: o }, undefined, today)).toEqual({ day: day('1998-06-30'), source: 'data' });
    expect(chooseAsOf({ orders: orders([]) }, undefined, today)).toEqual({ day: today, source: 'today' });
    expect(chooseAsOf({}, undefined)).toBeNull();
    expect(chooseAsOf({}, day('2026-01-01') + 0.5)).toEqual({ day: day('2026-01-01'), source: 'given' });
  });

  it('keeps the review at today when data dated in the future sets the as-of day; a given day stays', () => {
    const today = day('2026-12-05');
    expect(reviewDay({ day: day('2026-12-31'), source: 'data' }, today)).toBe(today);
    expect(reviewDay({ day: day('1998-06-30'), source: 'data' }, today)).toBe(day('1998-06-30'));
    expect(reviewDay({ day: day('2026-12-31'), source: 'given' }, today)).toBe(day('2026-12-31'));
    expect(reviewDay({ day: day('2026-12-31'), source: 'data' })).toBe(day('2026-12-31'));
  });
});

describe('rowCounts', () => {
  it('takes the rows after the as-of day out of the rows used: read = used + skipped + after', () => {
    const report = { rowsRead: 20000, rowsUsed: 19990, rowsSkipped: 10, issues: [] };
    expect(rowCounts(report, 974)).toEqual({ read: 20000, used: 19016, skipped: 10, afterAsOf: 974 });
    expect(rowCounts(report)).toEqual({ read: 20000, used: 19990, skipped: 10, afterAsOf: 0 });
  });

  it('tableDates gives the range and the rows after together', () => {
    const t = orders([
      ['2026-01-01', 1],
      ['2026-02-01', 1],
    ]);
    expect(tableDates(t, day('2026-01-15'))).toEqual({
      range: { first: day('2026-01-01'), last: day('2026-02-01') },
      afterAsOf: 1,
    });
  });
});
