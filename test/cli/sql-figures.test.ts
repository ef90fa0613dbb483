/**
 * The SQL route's figures for one part of the business (a rep's or a region's goal windows): the
 * sample's orders and pipeline in DuckDB give what the engine gives over its filtered tables, keys
 * matched as the engine's filter matches them (trimmed, in any case); a rep in a region is said to
 * be out of reach rather than guessed.
 */
import { isMetricError } from '../../src/core/errors';
import type { GoalScope } from '../../src/core/goals';
import type { MetricId, MetricWindow } from '../../src/core/metrics';
import { parseDay, parsePeriodKey, DEFAULT_CALENDAR } from '../../src/core/periods';
import { openDuckDb } from '../../src/engines/duckdb';
import type { SqlEngine } from '../../src/engines/engine';
import { engineFigures } from '../../src/sheets/figures';
import type { PlanFigures } from '../../src/sheets/figures';
import { layOutWithSql } from '../../src/cli/sql-figures';
import type { SqlContext } from '../../src/sql/evaluate';
import { differences } from '../sql/compare';
import { sampleInputs } from '../sql/datasets';
import { loadTables } from '../sql/tables';

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

it('says a goal of one rep in one region is not computed through SQL', async () => {
  const [values] = await layOutWithSql(ctx, traits, (figures) => [
    figures.windows(['revenue'], RUNS[0], { asOf: AS_OF }, { rep: 'Ayu Lestari', region: 'Jakarta' }),
  ]);
  expect(isMetricError(values[0]) && values[0].reason).toMatch(
    /one rep in one region is not computed through SQL/,
  );
});
