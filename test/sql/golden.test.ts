/**
 * The SQL `sales-metrics sql` prints per dialect, held to golden files (test/sql/golden/*.sql).
 * BigQuery and Snowflake are checked this way only; DuckDB and PostgreSQL also run the same SQL
 * in the parity tests. Regenerate after an intended change with UPDATE_GOLDEN=1.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIALECT_NAMES } from '../../src/sql/dialect';
import { openDuckDb } from '../../src/engines/duckdb';
import { runCli } from '../cli/run';

const GOLDEN = join(__dirname, 'golden');

const ARGS = [
  'sql',
  '--as-of',
  '2026-12-05',
  '--last',
  '3',
  '--fiscal-start',
  '4',
  '--table',
  'sales.orders',
  '--pipeline',
  'sales.pipeline',
  '--spend',
  'sales.marketing_spend',
  '--map',
  'date=order_date',
  '--map',
  'amount=net_amount',
  '--map',
  'order_id=order_id',
  '--map',
  'customer=customer_id',
  '--map',
  'quantity=qty',
  '--map',
  'cost=cogs',
  '--map',
  'region=region',
  '--map',
  'pipeline.created=created_at',
  '--map',
  'pipeline.status=stage',
  '--map',
  'pipeline.closed=closed_at',
  '--map',
  'pipeline.value=amount',
  '--map',
  'pipeline.region=region',
  '--map',
  'spend.date=spend_date',
  '--map',
  'spend.spend=spend',
  '--map',
  'spend.channel=channel',
  '--type',
  'created_at=timestamp',
  '--type',
  'closed_at=timestamp',
  '--by',
  'region',
];

describe('sales-metrics sql', () => {
  for (const dialect of DIALECT_NAMES) {
    it(`prints the ${dialect} SQL of the golden file`, async () => {
      const run = await runCli([...ARGS, '--dialect', dialect]);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      const file = join(GOLDEN, `${dialect}.sql`);
      if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, run.out);
      expect(run.out).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('prints DuckDB SQL that DuckDB runs on tables of those columns', async () => {
    const db = await openDuckDb();
    try {
      await db.run('CREATE SCHEMA sales');
      await db.run(
        `CREATE TABLE sales.orders (order_date DATE, net_amount DOUBLE, order_id VARCHAR, customer_id VARCHAR, qty DOUBLE, cogs DOUBLE, region VARCHAR)`,
      );
      await db.run(
        `INSERT INTO sales.orders VALUES ('2026-11-03', 120, 'A1', 'c1', 2, 70, 'North'), ('2026-12-02', 80, 'A2', 'c1', 1, 40, 'South'), ('2026-12-04', -20, 'A2', 'c1', -1, -10, 'South')`,
      );
      await db.run(
        `CREATE TABLE sales.pipeline (created_at TIMESTAMP, stage VARCHAR, closed_at TIMESTAMP, amount DOUBLE, region VARCHAR)`,
      );
      await db.run(
        `INSERT INTO sales.pipeline VALUES ('2026-10-01 09:00', 'Won', '2026-11-20 17:30', 5000, 'North')`,
      );
      await db.run(`CREATE TABLE sales.marketing_spend (spend_date DATE, spend DOUBLE, channel VARCHAR)`);
      await db.run(
        `INSERT INTO sales.marketing_spend VALUES ('2026-11-01', 300, 'Ads'), ('2026-12-01', 310, 'Ads')`,
      );
      const sql = readFileSync(join(GOLDEN, 'duckdb.sql'), 'utf8');
      const statements = sql.split(/;\n/).filter((s) => s.trim() !== '');
      expect(statements).toHaveLength(4);
      for (const statement of statements) expect((await db.query(statement)).length).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  });

  it('asks for what it needs in one line', async () => {
    const noDialect = await runCli(['sql', '--as-of', '2026-12-05']);
    expect(noDialect.err).toMatch(/--dialect takes duckdb, postgres, bigquery, snowflake/);
    const noAsOf = await runCli(['sql', '--dialect', 'duckdb']);
    expect(noAsOf.err).toMatch(/sql needs --as-of/);
    const noAmount = await runCli(['sql', '--dialect', 'duckdb', '--as-of', '2026-12-05', '--map', 'date=d']);
    expect(noAmount.err).toMatch(/name the orders table's amount column with --map amount=COLUMN/);
  });
});
