import { openDuckDb } from '../../src/engines/duckdb';
import type { SqlEngine } from '../../src/engines/engine';
import { METRICS } from '../../src/core/metrics';
import type { MetricId } from '../../src/core/metrics';
import { lastPeriods, parseDay } from '../../src/core/periods';
import type { SqlContext } from '../../src/sql/evaluate';
import { stageOrders } from '../../src/sql/evaluate';
import type { OrdersSource } from '../../src/sql/source';
import { sqlSuite } from '../../src/sql/suite';
import { sqlBreakdown } from '../../src/sql/breakdown';

jest.setTimeout(120_000);

// Order ids that repeat across customers and days, blank ids (an order per row), and an id whose
// text is a blank id's own key (`~row:3`, the row of order 3): the staged rows must tell apart
// exactly the orders the source's rows tell apart.
const ROWS: [day: string, customer: string | null, orderId: string | null, amount: number, region: string][] =
  [
    ['2026-01-03', 'ann', 'A1', 10, 'North'],
    ['2026-01-03', 'ann', 'A1', 5, 'North'],
    ['2026-01-05', 'bob', null, 7, 'South'],
    ['2026-01-05', 'bob', null, 8, 'South'],
    ['2026-01-09', 'bob', '~row:3', 4, 'South'],
    ['2026-02-01', 'ann', 'A2', 12, 'North'],
    ['2026-02-01', 'cid', 'A2', 3, 'South'],
    ['2026-02-02', 'cid', null, -2, 'South'],
    ['2026-02-14', null, 'B9', 6, 'North'],
    ['2026-02-14', null, null, 9, 'North'],
    ['2026-03-01', 'ann', null, 11, 'North'],
    ['2026-03-01', 'ann', '~row:10', 1, 'North'],
    ['2026-03-02', 'dee', 'A1', 2, 'South'],
    ['2026-03-20', 'bob', '~row:99', 5, 'South'],
    ['2026-03-21', 'bob', 'C1', -5, 'South'],
  ];

const SOURCE: OrdersSource = {
  relation: 'staging_orders',
  columns: {
    date: { name: 'd', type: 'date' },
    amount: { name: 'amount', type: 'number' },
    customer: { name: 'cust', type: 'text' },
    order_id: { name: 'oid', type: 'text' },
    region: { name: 'region', type: 'text' },
  },
  rowOrder: '"_row"',
};

const text = (v: string | null) => (v === null ? 'NULL' : `'${v}'`);

let db: SqlEngine;
beforeAll(async () => {
  db = await openDuckDb();
  await db.run(
    'CREATE TABLE staging_orders (d DATE, cust VARCHAR, oid VARCHAR, amount DOUBLE, region VARCHAR, _row BIGINT)',
  );
  const values = ROWS.map(
    ([day, c, o, a, r], i) => `(DATE '${day}', ${text(c)}, ${text(o)}, ${a}, '${r}', ${i})`,
  ).join(', ');
  await db.run(`INSERT INTO staging_orders VALUES ${values}`);
});
afterAll(async () => db.close());

const asOf = parseDay('2026-03-25')!;
const ids = METRICS.filter((m) => m.requires.every((r) => r.table === 'orders')).map(
  (m) => m.id,
) as MetricId[];

function context(): SqlContext {
  return { sources: { orders: SOURCE }, asOf, dialect: db.dialect, query: (s) => db.query(s) };
}

describe('staged orders', () => {
  it('give the figures the source gives, blank and look-alike order ids included', async () => {
    const periods = lastPeriods(asOf, 'month', 3);
    const unstaged = await sqlSuite(context(), ids, periods);
    const { ctx, release } = await stageOrders(context(), (s) => db.run(s));
    const staged = await sqlSuite(ctx, ids, periods);
    const options = { dimension: 'region', period: periods[2], ids, top: 5 };
    const breakdownStaged = await sqlBreakdown(ctx, options);
    await release();
    expect(staged).toEqual(unstaged);
    expect(breakdownStaged).toEqual(await sqlBreakdown(context(), options));
  });
});
