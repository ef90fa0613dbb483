/**
 * The metrics through SQL, beyond a sheet: the monthly suite (every orders metric × every month of
 * the data) and breakdowns by four dimensions (region, rep, product, channel; the latest month, top
 * 10), as the engine's bench case measures them, computed by
 *
 * - DuckDB on a 10,000,000-row Parquet file it generates itself in a temporary folder (target
 *   ≤ 6 s on a 2-core machine); `BENCH_SQL_ROWS=100000000` measures another size (not in the default
 *   run; beyond 10,000,000 rows DuckDB keeps to `BENCH_SQL_MEMORY`, 12GB unless set, and spills the
 *   rest to the temporary folder);
 * - a throwaway PostgreSQL server on 1,000,000 rows (no target); after setting up, the query plan's
 *   hot spots (EXPLAIN ANALYZE, nodes by their own time) of the suite statement over the staged
 *   orders are printed on stderr.
 *
 * Each timed run stages the orders (`stageOrders`: read once into temporary tables, with the columns
 * of the four dimensions) and drops them at the end, as a command does.
 *
 * Both are skipped with a line on stderr where DuckDB's package or PostgreSQL's binaries are missing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase } from '../case';
import { ORDER_METRIC_IDS } from '../../src/core/metrics';
import type { MetricId } from '../../src/core/metrics';
import { periodOf, periodsBetween } from '../../src/core/periods';
import { openDuckDb } from '../../src/engines/duckdb';
import type { SqlEngine } from '../../src/engines/engine';
import { openPostgres } from '../../src/engines/postgres';
import { sqlBreakdown } from '../../src/sql/breakdown';
import type { SqlContext } from '../../src/sql/evaluate';
import { evaluateRuns, stageOrders, statementsFor } from '../../src/sql/evaluate';
import type { OrdersSource } from '../../src/sql/source';
import { postgresMissing, startPostgres } from '../../test/engines/pg-server';
import type { PgServer } from '../../test/engines/pg-server';

const DIMENSIONS = ['region', 'rep', 'product', 'channel'] as const;
const DAYS = 1096; // 2023-01-01 … 2025-12-31
const FIRST_DAY = 19358; // 2023-01-01
const RUNS = 1 + Math.max(1, Number(process.argv[process.argv.indexOf('--runs') + 1] || 5)); // warm-up + timed, as bench/run.ts

/** Rows of generated orders as SQL: sorted by date, two lines an order, 5 % refunds, 200,000 customers. */
function ordersSelect(rows: number, seriesTable: string): string {
  const pick = (list: readonly string[], salt: number) =>
    `(ARRAY[${list.map((x) => `'${x}'`).join(', ')}])[1 + CAST(FLOOR(RANDOM() * ${list.length + 0 * salt}) AS INTEGER)]`;
  return `SELECT
    DATE '2023-01-01' + CAST(FLOOR(i * ${DAYS}.0 / ${rows}) AS INTEGER) AS order_date,
    'O' || CAST(FLOOR(i / 2) AS BIGINT) AS order_id,
    'C' || CAST(FLOOR(RANDOM() * 200000) AS INTEGER) AS customer_id,
    CASE WHEN RANDOM() < 0.05 THEN -ROUND(CAST(RANDOM() * 100 AS NUMERIC), 2) ELSE ROUND(CAST(5 + RANDOM() * 495 AS NUMERIC), 2) END AS amount,
    1 + CAST(FLOOR(RANDOM() * 5) AS INTEGER) AS quantity,
    ${pick(['Jakarta', 'West Java', 'East Java', 'Central Java', 'Bali', 'Sumatra', 'Kalimantan', 'Sulawesi'], 1)} AS region,
    ${pick(['Ani', 'Budi', 'Citra', 'Dewi', 'Eko', 'Fajar', 'Gita', 'Hadi', 'Indra', 'Joko', 'Kartika', 'Lestari'], 2)} AS rep,
    'P' || CAST(FLOOR(RANDOM() * 400) AS INTEGER) AS product,
    ${pick(['Online Store', 'Marketplace', 'Retail', 'Reseller', 'Social'], 3)} AS channel
  FROM ${seriesTable}`;
}

const SOURCE_COLUMNS: OrdersSource['columns'] = {
  date: { name: 'order_date', type: 'date' },
  amount: { name: 'amount', type: 'number' },
  order_id: { name: 'order_id', type: 'text' },
  customer: { name: 'customer_id', type: 'text' },
  quantity: { name: 'quantity', type: 'number' },
  region: { name: 'region', type: 'text' },
  rep: { name: 'rep', type: 'text' },
  product: { name: 'product', type: 'text' },
  channel: { name: 'channel', type: 'text' },
};

interface State {
  readonly db: SqlEngine | null;
  readonly ctx: SqlContext | null;
  /** Closes the database after the runner's last run (an open connection would keep the process alive). */
  readonly cleanup: () => void;
  runs: number;
}

/** The suite and the four breakdowns, as `bench/cases/metrics.ts` times them. */
async function suiteAndBreakdowns(state: State): Promise<number> {
  if (!state.ctx || !state.db) return 0;
  const db = state.db;
  try {
    return await timedWork(state.ctx, (sql) => db.run(sql));
  } finally {
    if (++state.runs === RUNS) state.cleanup();
  }
}

/** The command's work: the orders staged once (read into temporary tables), then every statement. */
async function timedWork(source: SqlContext, run: (sql: string) => Promise<void>): Promise<number> {
  const { ctx, release } = await stageOrders(source, run, { dimensions: DIMENSIONS });
  try {
    return await suiteAndBreakdownRows(ctx);
  } finally {
    await release();
  }
}

async function suiteAndBreakdownRows(ctx: SqlContext): Promise<number> {
  const months = periodsBetween(FIRST_DAY, FIRST_DAY + DAYS, 'month');
  const runs = [[periodOf(months[0].start - 1, 'month'), ...months]];
  const suite = await evaluateRuns(ctx, ORDER_METRIC_IDS as readonly MetricId[], runs);
  let rows = suite.byGroup.get('')![0].length;
  const latest = months[months.length - 1];
  for (const dimension of DIMENSIONS)
    rows += (
      await sqlBreakdown(ctx, {
        dimension,
        period: latest,
        ids: ['revenue', 'orders', 'aov', 'customers', 'new_customers'],
        top: 10,
      })
    ).rows.length;
  return rows;
}

const asOf = FIRST_DAY + DAYS - 1; // 2025-12-31

async function duckDbState(): Promise<State> {
  const rows = Number(process.env.BENCH_SQL_ROWS ?? 10_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'bench-sql-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  // Beyond 10,000,000 rows DuckDB spills what does not fit in BENCH_SQL_MEMORY to the temporary folder.
  const spill: Record<string, string> =
    rows > 10_000_000
      ? { memory_limit: process.env.BENCH_SQL_MEMORY ?? '12GB', temp_directory: join(dir, 'spill') }
      : {};
  let db: SqlEngine;
  try {
    db = await openDuckDb(':memory:', spill);
  } catch (error) {
    console.error(`  skipped: ${(error as Error).message}`);
    return { db: null, ctx: null, cleanup: () => undefined, runs: 0 };
  }
  const file = join(dir, 'orders.parquet');
  const t0 = performance.now();
  await db.run(`SELECT setseed(0.42)`);
  await db.run(`COPY (${ordersSelect(rows, `range(${rows}) t(i)`)}) TO '${file}' (FORMAT parquet)`);
  console.error(
    `  generated ${rows.toLocaleString('en-US')} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${file}`,
  );
  const ctx: SqlContext = {
    dialect: db.dialect,
    asOf,
    sources: {
      orders: {
        relation: `read_parquet('${file}', file_row_number = true)`,
        columns: SOURCE_COLUMNS,
        rowOrder: '"file_row_number"',
      },
    },
    query: (sql) => db.query(sql),
  };
  return {
    db,
    ctx,
    cleanup: () => void db.close(),
    runs: 0,
  };
}

export const duckDbSuiteCase = {
  name: 'sql: DuckDB, monthly suite + 4 breakdowns on a 10M-row Parquet',
  targetMs: 6000,
  setup: () => duckDbState(),
  run: (state: State) => suiteAndBreakdowns(state),
} as unknown as BenchCase;

let server: PgServer | null = null;

/** The nodes of an EXPLAIN ANALYZE plan that took the most time of their own. */
function hotSpots(plan: unknown, top = 6): string[] {
  const nodes: { label: string; self: number }[] = [];
  const walk = (node: Record<string, unknown>) => {
    const children = (node.Plans as Record<string, unknown>[] | undefined) ?? [];
    const total = Number(node['Actual Total Time'] ?? 0) * Number(node['Actual Loops'] ?? 1);
    const childTime = children.reduce(
      (sum, c) => sum + Number(c['Actual Total Time'] ?? 0) * Number(c['Actual Loops'] ?? 1),
      0,
    );
    const what = [
      node['Node Type'],
      node['Relation Name'] ?? node['CTE Name'] ?? node['Alias'] ?? '',
      node['Sort Key'] ? `by ${(node['Sort Key'] as string[]).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    // A CTE Scan's time includes running its CTE, whose plan is listed (and counted) on its own.
    if (node['Node Type'] !== 'CTE Scan')
      nodes.push({
        label: `${what}${node['Subplan Name'] ? ` [${node['Subplan Name']}]` : ''} (${node['Actual Rows']} rows)`,
        self: total - childTime,
      });
    children.forEach(walk);
  };
  walk((plan as Record<string, unknown>[])[0].Plan as Record<string, unknown>);
  return nodes
    .sort((a, b) => b.self - a.self)
    .slice(0, top)
    .map((n) => `${(n.self / 1000).toFixed(2)} s  ${n.label}`);
}

async function postgresState(): Promise<State> {
  const missing = postgresMissing();
  if (missing) {
    console.error(`  skipped: ${missing}`);
    return { db: null, ctx: null, cleanup: () => undefined, runs: 0 };
  }
  const rows = 1_000_000;
  server = await startPostgres();
  const db = await openPostgres(server!.url);
  await db.run("SET work_mem = '256MB'");
  await db.run('SELECT setseed(0.42)');
  const t0 = performance.now();
  await db.run(`CREATE TABLE orders AS ${ordersSelect(rows, `generate_series(0, ${rows - 1}) AS t(i)`)}`);
  await db.run('ANALYZE orders');
  console.error(
    `  loaded ${rows.toLocaleString('en-US')} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const ctx: SqlContext = {
    dialect: db.dialect,
    asOf,
    sources: {
      orders: {
        relation: '"orders"',
        columns: SOURCE_COLUMNS,
        rowOrder: '(((ctid::text::point)[0])::bigint * 512 + ((ctid::text::point)[1])::bigint)',
      },
    },
    query: (sql) => db.query(sql),
  };
  const months = periodsBetween(FIRST_DAY, FIRST_DAY + DAYS, 'month');
  const t1 = performance.now();
  const staged = await stageOrders(ctx, (sql) => db.run(sql), { dimensions: DIMENSIONS });
  console.error(`  staged the orders in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  const statement = statementsFor(staged.ctx, ORDER_METRIC_IDS, [
    [periodOf(months[0].start - 1, 'month'), ...months],
  ]).orders!;
  const [plan] = await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement}`);
  console.error('  PostgreSQL hot spots of the suite statement (own time):');
  for (const line of hotSpots(Object.values(plan)[0])) console.error(`    ${line}`);
  await staged.release();
  return {
    db,
    ctx,
    cleanup: () => {
      void db.close().then(() => server?.stop());
    },
    runs: 0,
  };
}

export const postgresSuiteCase = {
  name: 'sql: PostgreSQL, monthly suite + 4 breakdowns on 1M rows',
  setup: () => postgresState(),
  run: (state: State) => suiteAndBreakdowns(state),
} as unknown as BenchCase;
