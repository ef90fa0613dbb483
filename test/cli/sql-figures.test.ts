/**
 * The SQL route's figures for one part of the business (a rep's or a region's goal windows): the
 * sample's orders and pipeline in DuckDB give what the engine gives over its filtered tables, keys
 * matched as the engine's filter matches them (trimmed, in any case), and a rep in one region as the
 * engine's tables filtered by both.
 */
import type { GoalScope } from '../../src/core/goals';
import type { MetricId, MetricWindow } from '../../src/core/metrics';
import { parseDay, parsePeriodKey, DEFAULT_CALENDAR } from '../../src/core/periods';
import { openDuckDb } from '../../src/engines/duckdb';
import { openPostgres } from '../../src/engines/postgres';
import type { SqlEngine } from '../../src/engines/engine';
import { engineFigures } from '../../src/sheets/figures';
import type { PlanFigures } from '../../src/sheets/figures';
import { layOutWithSql } from '../../src/cli/sql-figures';
import type { SqlContext } from '../../src/sql/evaluate';
import { differences } from '../sql/compare';
import { sampleInputs } from '../sql/datasets';
import { loadTables } from '../sql/tables';
import { postgresMissing, startPostgres } from '../engines/pg-server';

jest.setTimeout(120_000);

const AS_OF = parseDay('2026-12-05')!;
const IDS: MetricId[] = [
  'revenue',
  'orders',
  'aov',
  'customers',
  'new_customers',
  'retention_rate',
  'win_rate',
];
const period = (key: string) => parsePeriodKey(key, DEFAULT_CALENDAR)!;
const RUNS: MetricWindow[][] = [
  [period('2026-10'), period('2026-11')],
  [period('2026-11'), { start: period('2026-12').start, end: AS_OF + 1, key: '2026-12 to date' }],
];
const SCOPES: GoalScope[] = [
  { region: 'Jakarta' },
  { region: '  bali ' },
  { rep: 'Ayu Lestari' },
  { rep: 'AYU LESTARI' },
  { rep: 'Nobody' },
];

let engine: SqlEngine;
let ctx: SqlContext;
beforeAll(async () => {
  const inputs = await sampleInputs();
  engine = await openDuckDb();
  const { statements, sources } = loadTables(engine.dialect, {
    orders: inputs.orders,
    pipeline: inputs.pipeline,
  });
  for (const sql of statements) await engine.run(sql);
  ctx = {
    dialect: engine.dialect,
    sources,
    asOf: AS_OF,
    calendar: DEFAULT_CALENDAR,
    query: (sql) => engine.query(sql),
  };
});
afterAll(() => engine.close());

const traits = {
  customers: true,
  orders: true,
  firstDay: undefined,
  tables: { orders: 0, pipeline: 0 },
  computedIn: 'test',
};

it("gives a rep's and a region's windows as the engine's filtered tables do", async () => {
  const inputs = await sampleInputs();
  const mine = engineFigures({ orders: inputs.orders, pipeline: inputs.pipeline });
  const ask = (figures: PlanFigures) =>
    SCOPES.flatMap((scope) => RUNS.map((run) => figures.windows(IDS, run, { asOf: AS_OF }, scope)));
  const viaSql = await layOutWithSql(ctx, traits, ask);
  const expected = ask(mine);
  const labels = SCOPES.flatMap((s) => RUNS.map((r) => `${JSON.stringify(s)} ${r[1].key}`));
  expect(differences(IDS, expected, viaSql, (row) => labels[row])).toEqual([]);
  expect(viaSql.some((row) => row.some((v) => typeof v === 'number' && v > 0))).toBe(true);
});

it("gives a rep's windows in one region as the engine's tables filtered twice do", async () => {
  const inputs = await sampleInputs();
  const mine = engineFigures({ orders: inputs.orders, pipeline: inputs.pipeline });
  const both: GoalScope[] = [
    { rep: 'Ayu Lestari', region: 'Jakarta' },
    { rep: ' ayu lestari', region: 'JAKARTA ' },
    { rep: 'Ayu Lestari', region: 'Nowhere' },
    { rep: 'Nobody', region: 'Bali' },
  ];
  const ask = (figures: PlanFigures) =>
    both.flatMap((scope) => RUNS.map((run) => figures.windows(IDS, run, { asOf: AS_OF }, scope)));
  const statements: string[] = [];
  const viaSql = await layOutWithSql({ ...ctx, onStatement: (sql) => statements.push(sql) }, traits, ask);
  const expected = ask(mine);
  const labels = both.flatMap((s) => RUNS.map((r) => `${JSON.stringify(s)} ${r[1].key}`));
  expect(differences(IDS, expected, viaSql, (row) => labels[row])).toEqual([]);
  expect((viaSql[0][0] as number) > 0).toBe(true);
  expect(viaSql[1]).toEqual(viaSql[3]);
  // One view per table (orders, pipeline) and part of the business.
  expect(statements.filter((sql) => sql.startsWith('CREATE TEMPORARY VIEW'))).toHaveLength(8);
  // The views are dropped when the figures are in.
  const left = await engine.query(
    "SELECT COUNT(*) AS n FROM duckdb_views() WHERE view_name LIKE 'sm_scope_%'",
  );
  expect(Number(left[0].n)).toBe(0);
});

const missing = postgresMissing();
if (missing) process.stderr.write(`sql-figures: PostgreSQL part skipped: ${missing}\n`);
(missing ? it.skip : it)(
  'gives a rep in one region on PostgreSQL too, rows in their physical order through the view',
  async () => {
    const server = (await startPostgres())!;
    const db = await openPostgres(server.url);
    try {
      const inputs = await sampleInputs();
      const { statements, sources } = loadTables(db.dialect, {
        orders: inputs.orders,
        pipeline: inputs.pipeline,
      });
      for (const sql of statements) await db.run(sql);
      // The command line's order of a table's rows: their physical place.
      const physical = '(((ctid::text::point)[0])::bigint * 512 + ((ctid::text::point)[1])::bigint)';
      const pg: SqlContext = {
        dialect: db.dialect,
        sources: {
          orders: { ...sources.orders!, rowOrder: physical },
          pipeline: { ...sources.pipeline!, rowOrder: physical },
        },
        asOf: AS_OF,
        calendar: DEFAULT_CALENDAR,
        query: (sql) => db.query(sql),
      };
      const scopes: GoalScope[] = [
        { rep: 'Ayu Lestari', region: 'Jakarta' },
        { rep: 'AYU LESTARI', region: ' bali' },
      ];
      const ask = (figures: PlanFigures) =>
        scopes.flatMap((scope) => RUNS.map((run) => figures.windows(IDS, run, { asOf: AS_OF }, scope)));
      const expected = ask(engineFigures({ orders: inputs.orders, pipeline: inputs.pipeline }));
      const viaSql = await layOutWithSql(pg, traits, ask);
      const labels = scopes.flatMap((s) => RUNS.map((r) => `${JSON.stringify(s)} ${r[1].key}`));
      expect(differences(IDS, expected, viaSql, (row) => labels[row])).toEqual([]);
      const left = await db.query("SELECT COUNT(*) AS n FROM pg_views WHERE viewname LIKE 'sm_scope_%'");
      expect(Number(left[0].n)).toBe(0);
    } finally {
      await db.close();
      server.stop();
    }
  },
);
