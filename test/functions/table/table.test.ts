/**
 * SALES.TABLE, SALES.TABLEBYPERIOD and SALES.TABLEBREAKDOWN as Excel runs them: streaming cells
 * over a table read by name through the host, sharing one read and one ingestion per version of
 * the table, pushed again after edits (gathered for a moment), stopped when cancelled. Results
 * are checked against the range functions over the same table's columns.
 */
import { CustomFunctionsError, errorCell } from '../setup';
import type { CellValue } from '../../../src/core/cell';
import { generateOrders } from '../../../src/core/sample';
import { installFunctionsHost, tableCache } from '../../../src/functions/host';
import { IMPLEMENTATIONS as F } from '../../../src/functions/registry';
import { Cell, ManualTimers, MemoryTables, settle } from './support';

let tables: MemoryTables;
let timers: ManualTimers;

beforeEach(async () => {
  tables = new MemoryTables();
  timers = new ManualTimers();
  await installFunctionsHost(
    { tables, dateSystem: async () => '1900', recalculate: async () => undefined },
    { timers, now: () => timers.now, debounceMs: 400, sliceMs: 50 },
  );
});

afterAll(() => installFunctionsHost(undefined));

const cache = () => tableCache()!;

/** The generated sample's orders: a header and `rows` order lines with serial dates. */
function orders(rows: number, seed = 7): CellValue[][] {
  return generateOrders({ rows, seed, startYear: 2025, years: 2 });
}

/**
 * A 1,048,575-row orders table (a header and the most rows an Excel table holds): row i is dated
 * i ÷ 1000 days after 2024-01-01, customer i mod 50,000, region i mod 7, amount i mod 100.
 */
function millionRows(): CellValue[][] {
  const rows: CellValue[][] = new Array(1_048_576);
  rows[0] = ['Order ID', 'Date', 'Customer', 'Region', 'Amount'];
  const start = 45292; // 2024-01-01
  for (let i = 1; i < rows.length; i++)
    rows[i] = [i, start + Math.floor(i / 1000), `C${i % 50_000}`, `R${i % 7}`, i % 100];
  return rows;
}

/** Σ (i mod 100) for i = 1…n. */
function sumOfAmounts(n: number): number {
  let sum = 0;
  for (let i = 1; i <= n; i++) sum += i % 100;
  return sum;
}

/** A column of the table as Excel passes a table column to a range function. */
function column(rows: CellValue[][], header: string): unknown[][] {
  const at = rows[0].indexOf(header);
  return rows.slice(1).map((row) => [row[at]]);
}

/** What a range function gives, or the code of the error it throws. */
function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return errorCell((error as CustomFunctionsError).code);
  }
}

/** The value a cell shows now, errors compared by code. */
function shown(cell: Cell): unknown {
  const value = cell.last;
  return value instanceof CustomFunctionsError ? errorCell(value.code) : value;
}

describe('the table functions give what the range functions give on the same columns', () => {
  const rows = orders(3000);
  const dates = column(rows, 'Order Date');
  const amounts = column(rows, 'Amount');
  const customers = column(rows, 'Customer');
  const ids = column(rows, 'Order ID');
  const costs = column(rows, 'Cost');
  const regions = column(rows, 'Region');
  const lastDay = Math.max(...dates.map((r) => r[0] as number));

  beforeEach(() => tables.set('Orders', rows));

  const METRICS = [
    'revenue',
    'orders',
    'aov',
    'customers',
    'new_customers',
    'retention_rate',
    'repeat_rate',
    'gross_margin',
  ];
  const PERIODS = [null, 'month', 'quarter', 'year'];
  const AS_OF = [null, lastDay - 40];

  it('SALES.TABLE = SALES.METRIC for every metric, period and as-of day', async () => {
    const cases = METRICS.flatMap((m) => PERIODS.flatMap((p) => AS_OF.map((a) => [m, p, a] as const)));
    const cells = cases.map(([m, p, a]) => {
      const cell = new Cell();
      F.TABLE('Orders', m, p, a, cell);
      return cell;
    });
    await timers.advance(0);
    expect(tables.reads).toEqual(['Orders']);
    cases.forEach(([m, p, a], k) => {
      const expected = outcome(() => F.METRIC(m, dates, amounts, customers, p, a, ids, costs));
      const got = shown(cells[k]);
      if (typeof expected === 'number')
        expect([m, p, a, got]).toEqual([m, p, a, expect.closeTo(expected, 9)]);
      else expect([m, p, a, got]).toEqual([m, p, a, expected]);
    });
  });

  it('SALES.TABLEBYPERIOD revenue = SALES.BYPERIOD sums; customers = SALES.CUSTOMERS of each month', async () => {
    const revenue = new Cell();
    const active = new Cell();
    F.TABLEBYPERIOD('Orders', 'revenue', 'month', null, revenue);
    F.TABLEBYPERIOD('orders', 'customers', 'month', null, active);
    await timers.advance(0);
    expect(tables.reads).toHaveLength(1);
    const byPeriod = F.BYPERIOD(dates, amounts, 'month', null);
    const got = revenue.last as unknown[][];
    expect(got).toHaveLength(byPeriod.length);
    expect(got[0]).toEqual(['Period', 'Start', 'Revenue']);
    got.slice(1).forEach((row, k) => {
      const [key, start, sum] = byPeriod[k + 1];
      expect(row).toEqual([key, start, expect.closeTo(sum as number, 6)]);
    });
    const months = active.last as unknown[][];
    for (const [key, start] of months.slice(1, 6)) {
      const [y, m] = (key as string).split('-').map(Number);
      const monthEnd = (start as number) + new Date(Date.UTC(y, m, 0)).getUTCDate() - 1;
      const expected = F.CUSTOMERS(dates, customers, 'month', monthEnd, amounts);
      expect([key, months.find((r) => r[0] === key)![2]]).toEqual([key, expected]);
    }
  });

  it('SALES.TABLEBREAKDOWN = SALES.BREAKDOWN over the region column', async () => {
    const variants = [
      ['revenue', null, null],
      ['orders', 'month', null],
      ['aov', 'quarter', lastDay - 10],
    ] as const;
    const cells = variants.map(([m, p, a]) => {
      const cell = new Cell();
      F.TABLEBREAKDOWN('Orders', 'Region', m, p, a, cell);
      return cell;
    });
    await timers.advance(0);
    variants.forEach(([m, p, a], k) => {
      const expected = F.BREAKDOWN(regions, amounts, m, dates, p, a, ids);
      const got = cells[k].last as unknown[][];
      expect(got.map((row) => row.map((v) => (v instanceof CustomFunctionsError ? v.code : v)))).toEqual(
        expected.map((row) => row.map((v) => (v instanceof CustomFunctionsError ? v.code : v))),
      );
    });
    // A role works as well as a header.
    const byRole = new Cell();
    F.TABLEBREAKDOWN('Orders', 'region', null, null, null, byRole);
    await timers.advance(0);
    expect(byRole.last).toEqual(cells[0].last);
  });
});

describe('sharing, updates and cancellation', () => {
  const small = orders(400, 3);

  it('100 cells over a 1,048,576-row table cost one read and one ingestion; after an edit all 100 update once', async () => {
    const big = millionRows();
    expect(big).toHaveLength(1_048_576);
    tables.set('Orders', big);
    // A dashboard's cells: 10 metrics × 5 periods × 2 as-of days (the latest, and 30 June 2026).
    const metrics = [
      'revenue',
      'orders',
      'aov',
      'customers',
      'new_customers',
      'retention_rate',
      'churn_rate',
      'repeat_rate',
      'purchase_frequency',
      'active_ratio',
    ];
    const periods = [null, 'week', 'month', 'quarter', 'year'];
    const cells: Cell[] = [];
    for (const asOf of [null, '2026-06-30'])
      for (const period of periods)
        for (const metric of metrics) {
          const cell = new Cell();
          F.TABLE('Orders', metric, period, asOf, cell);
          cells.push(cell);
        }
    expect(cells).toHaveLength(100);
    await timers.advance(0);
    expect(tables.reads).toHaveLength(1);
    expect(cache().stats).toMatchObject({ reads: 1, ingestions: 1, pushes: 100 });
    expect(cells.every((c) => c.results.length === 1)).toBe(true);
    const revenue = cells[0];
    const before = revenue.last as number;
    // Every row's amount is its row number mod 100, and no row is dated after the last one.
    expect(before).toBe(sumOfAmounts(1_048_575));

    // An edit: the last row's amount grows by 1000.
    const edited = big.slice();
    const last = big[big.length - 1].slice();
    last[4] = (last[4] as number) + 1000;
    edited[edited.length - 1] = last;
    tables.edit('Orders', edited);
    await timers.advance(399);
    expect(tables.reads).toHaveLength(1); // still gathering changes
    await timers.advance(1);
    expect(cache().stats).toMatchObject({ reads: 2, ingestions: 2, pushes: 200 });
    expect(cells.every((c) => c.results.length === 2)).toBe(true);
    expect(revenue.last).toBe(before + 1000);
    // The cells agree with the range function on the edited columns.
    const dates = column(edited, 'Date');
    const amounts = column(edited, 'Amount');
    const customers = column(edited, 'Customer');
    expect(cells[22].last).toBeCloseTo(
      F.METRIC('aov', dates, amounts, customers, 'month', null) as number,
      9,
    );
    expect(cells[73].last).toBe(F.METRIC('customers', dates, amounts, customers, 'month', '2026-06-30'));
  }, 120_000);

  it('gathers a burst of edits into one read', async () => {
    tables.set('Orders', small);
    const cell = new Cell();
    F.TABLE('Orders', 'revenue', null, null, cell);
    await timers.advance(0);
    for (let k = 0; k < 5; k++) {
      tables.edit('Orders', small);
      await timers.advance(100);
    }
    expect(tables.reads).toHaveLength(1);
    await timers.advance(400);
    expect(tables.reads).toHaveLength(2);
    expect(cell.results).toHaveLength(2);
  });

  it('a cell added later shares the ingested table: no new read', async () => {
    tables.set('Orders', small);
    const first = new Cell();
    F.TABLE('Orders', 'revenue', null, null, first);
    await timers.advance(0);
    const later = new Cell();
    F.TABLE('ORDERS', 'revenue', null, null, later);
    await settle();
    expect(later.results).toEqual(first.results);
    expect(cache().stats).toMatchObject({ reads: 1, ingestions: 1 });
  });

  it('a cancelled cell gets no more values; the others still do', async () => {
    tables.set('Orders', small);
    const kept = new Cell();
    const cancelled = new Cell();
    F.TABLE('Orders', 'revenue', null, null, kept);
    F.TABLE('Orders', 'orders', null, null, cancelled);
    await timers.advance(0);
    cancelled.cancel();
    tables.edit('Orders', small);
    await timers.advance(400);
    expect(kept.results).toHaveLength(2);
    expect(cancelled.results).toHaveLength(1);
  });

  it('when no cell names a table any more, its read is abandoned, the watch stopped and the table dropped', async () => {
    tables.set('Orders', small);
    tables.hold();
    const a = new Cell();
    const b = new Cell();
    F.TABLE('Orders', 'revenue', null, null, a);
    F.TABLEBYPERIOD('Orders', 'revenue', 'month', null, b);
    await settle();
    expect(cache().tables()).toEqual(['Orders']);
    a.cancel();
    expect(cache().listeners('Orders')).toBe(1);
    b.cancel();
    expect(cache().tables()).toEqual([]);
    tables.release();
    await timers.advance(1000);
    expect(tables.aborted).toEqual(['Orders']);
    expect(cache().stats.ingestions).toBe(0);
    expect(a.results).toEqual([]);
    expect(b.results).toEqual([]);
    expect(tables.stopped).toBe(1);
    expect(tables.watching('Orders')).toBe(0);
    // An edit after that reads nothing.
    tables.edit('Orders', small);
    await timers.advance(1000);
    expect(tables.reads).toHaveLength(1);
  });

  it('an edit while a read is under way starts over; only the newest version reaches the cells', async () => {
    tables.set('Orders', small);
    const cell = new Cell();
    F.TABLE('Orders', 'revenue', null, null, cell);
    await timers.advance(0);
    tables.hold();
    tables.edit('Orders', small);
    await timers.advance(400);
    tables.edit('Orders', small.slice(0, 100));
    await timers.advance(400);
    tables.release();
    await timers.advance(0);
    expect(tables.reads).toHaveLength(3);
    expect(tables.aborted).toEqual(['Orders']);
    expect(cell.results).toHaveLength(2);
    expect(cache().stats.ingestions).toBe(2);
  });
});

describe('errors', () => {
  it('an unknown table is #VALUE! naming it', async () => {
    const cell = new Cell();
    F.TABLE('Sales', 'revenue', null, null, cell);
    await timers.advance(0);
    expect(cell.last).toBeInstanceOf(CustomFunctionsError);
    expect(cell.last).toMatchObject({
      code: '#VALUE!',
      message: expect.stringContaining('no table named "Sales"'),
    });
  });

  it('a bad argument is the cell error at once, without reading the table', async () => {
    tables.set('Orders', orders(50));
    const cell = new Cell();
    F.TABLE('Orders', 'velocity', null, null, cell);
    const noPeriod = new Cell();
    F.TABLEBYPERIOD('Orders', 'revenue', null, null, noPeriod);
    await timers.advance(0);
    expect(cell.last).toMatchObject({ code: '#VALUE!' });
    expect(noPeriod.last).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('period') });
    expect(tables.reads).toEqual([]);
  });

  it('a table without the columns a metric needs says which', async () => {
    tables.set('Plain', [
      ['Date', 'Amount'],
      [46000, 10],
      [46001, 20],
    ]);
    const cell = new Cell();
    F.TABLE('Plain', 'customers', null, null, cell);
    const revenue = new Cell();
    F.TABLE('Plain', 'revenue', null, null, revenue);
    const byRep = new Cell();
    F.TABLEBREAKDOWN('Plain', 'rep', null, null, null, byRep);
    await timers.advance(0);
    expect(cell.last).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('customer') });
    expect(revenue.last).toBe(30);
    expect(byRep.last).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('rep') });
  });

  it('a table with no orders columns is #VALUE! with ingestion’s reason', async () => {
    tables.set('Notes', [['Text'], ['hello'], ['world']]);
    const cell = new Cell();
    F.TABLE('Notes', 'revenue', null, null, cell);
    await timers.advance(0);
    expect(cell.last).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('Notes') });
  });

  it('outside Excel there is no table to read: #N/A', async () => {
    await installFunctionsHost(undefined);
    const cell = new Cell();
    F.TABLE('Orders', 'revenue', null, null, cell);
    expect(cell.last).toMatchObject({ code: '#N/A' });
  });
});
