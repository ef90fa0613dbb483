import fc from 'fast-check';
import { openDuckDb } from '../../src/engines/duckdb';
import type { SqlEngine } from '../../src/engines/engine';
import { METRICS } from '../../src/core/metrics';
import type { MetricId } from '../../src/core/metrics';
import type { PeriodUnit } from '../../src/core/periods';
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
    // Without returning customers and repeat rate, first-timers and repeat customers are not counted.
    const few = { ...options, ids: ['revenue', 'customers', 'new_customers'] as MetricId[] };
    const fewStaged = await sqlBreakdown(ctx, few);
    await release();
    expect(staged).toEqual(unstaged);
    expect(breakdownStaged).toEqual(await sqlBreakdown(context(), options));
    expect(fewStaged).toEqual(await sqlBreakdown(context(), few));
  });
});

describe('staged orders for chosen dimensions', () => {
  it('copy only those columns; a breakdown by another dimension reads the source, with the same figures', async () => {
    const periods = lastPeriods(asOf, 'month', 3);
    const options = { dimension: 'region', period: periods[2], ids, top: 5 };
    const statements: string[] = [];
    const { ctx, release } = await stageOrders(
      { ...context(), onStatement: (sql) => statements.push(sql) },
      (s) => db.run(s),
      { dimensions: ['customer'] },
    );
    const staged = await sqlBreakdown(ctx, options);
    await release();
    const rows = statements.find((sql) => /^CREATE TEMP TABLE sm_staged_rows_/.test(sql))!;
    expect(rows).toContain('x."cust"');
    expect(rows).not.toContain('x."region"');
    // The grouped statements name the source; the totals read the staged days.
    expect(statements.filter((sql) => sql.includes('FROM staging_orders')).length).toBeGreaterThan(0);
    expect(staged).toEqual(await sqlBreakdown(context(), options));
  });
});

// Random orders over a few weeks: few customers and order ids, so orders spread over several days
// and customers, share ids, have two orders on a first day, refunds, blank customers and blank ids.
const line = fc.record({
  day: fc.oneof(fc.integer({ min: 0, max: 68 }), fc.constantFrom(20, 40, 58, 59)),
  customer: fc.option(fc.constantFrom('ann', 'bob', 'cid', 'dee'), { nil: null, freq: 6 }),
  orderId: fc.option(fc.constantFrom('A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'D1'), { nil: null, freq: 4 }),
  amount: fc.integer({ min: -20, max: 60 }),
  region: fc.constantFrom('North', 'South'),
});

const HISTORY_OR_RETENTION = ['active_ratio', 'days_between_orders', 'clv', 'retention_rate', 'churn_rate'];
const lineIds = ids.filter((id) => !HISTORY_OR_RETENTION.includes(id));

describe('staged orders, random tables', () => {
  it('give the figures the source gives (the whole business from the staged days, a breakdown from the staged lines)', async () => {
    let table = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 60 }),
        fc.constantFrom<PeriodUnit>('week', 'month'),
        fc.boolean(),
        fc.constantFrom(1, 2, 3, 1000),
        async (lines, unit, withIds, gapFrame) => {
          const name = `random_orders_${++table}`;
          await db.run(
            `CREATE TABLE ${name} (d DATE, cust VARCHAR, oid VARCHAR, amount DOUBLE, region VARCHAR, _row BIGINT)`,
          );
          const values = lines.map(
            (x, i) =>
              `(DATE '2026-01-01' + ${x.day}, ${text(x.customer)}, ${text(x.orderId)}, ${x.amount}, '${x.region}', ${i})`,
          );
          await db.run(`INSERT INTO ${name} VALUES ${values.join(', ')}`);
          const { order_id: _ids, ...noIds } = SOURCE.columns;
          const source: OrdersSource = {
            ...SOURCE,
            relation: name,
            columns: withIds ? SOURCE.columns : noIds,
          };
          const at = parseDay('2026-03-10')!;
          const ctx: SqlContext = {
            sources: { orders: source },
            asOf: at,
            dialect: db.dialect,
            query: (q) => db.query(q),
          };
          const periods = lastPeriods(at, unit, unit === 'week' ? 8 : 3);
          const unstaged = await sqlSuite(ctx, ids, periods);
          // Small running-median frames send the customers with more gaps through the second pass.
          const { ctx: stagedCtx, release } = await stageOrders(ctx, (q) => db.run(q), { gapFrame });
          const staged = await sqlSuite(stagedCtx, ids, periods);
          // A breakdown without history metrics or retention reads the staged lines themselves.
          const options = { dimension: 'region', period: periods[periods.length - 1], ids: lineIds, top: 1 };
          const breakdownStaged = await sqlBreakdown(stagedCtx, options);
          await release();
          const breakdown = await sqlBreakdown(ctx, options);
          await db.run(`DROP TABLE ${name}`);
          expect(staged).toEqual(unstaged);
          expect(breakdownStaged).toEqual(breakdown);
        },
      ),
      { numRuns: 40 },
    );
  });
});
