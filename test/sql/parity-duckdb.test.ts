import { computeWindows, METRICS } from '../../src/core/metrics';
import type { MetricId, MetricInputs, MetricWindow } from '../../src/core/metrics';
import { lastPeriods, parseDay, previousPeriod } from '../../src/core/periods';
import { openDuckDb } from '../../src/engines/duckdb';
import type { SqlEngine } from '../../src/engines/engine';
import { evaluateRuns } from '../../src/sql/evaluate';
import { differences } from './compare';
import { sampleInputs } from './datasets';
import { loadTables } from './tables';

jest.setTimeout(120_000);

let db: SqlEngine;
beforeAll(async () => {
  db = await openDuckDb();
});
afterAll(async () => db.close());

async function parity(inputs: MetricInputs, asOf: number, runs: MetricWindow[][]) {
  const { statements, sources } = loadTables(db.dialect, inputs);
  for (const sql of statements) await db.run(sql);
  const has = { orders: !!inputs.orders, pipeline: !!inputs.pipeline, spend: !!inputs.spend };
  const ids = METRICS.filter((m) => m.requires.every((r) => has[r.table])).map((m) => m.id) as MetricId[];
  const sql = await evaluateRuns(
    { dialect: db.dialect, sources, asOf, query: (s) => db.query(s) },
    ids,
    runs,
  );
  const problems: string[] = [];
  runs.forEach((run, s) => {
    const engine = computeWindows(inputs, ids, run, { asOf });
    problems.push(...differences(ids, engine, sql.byGroup.get('')![s], (k) => `${run[k + 1].key}`));
  });
  return problems;
}

describe('SQL on DuckDB equals the engine', () => {
  it('the sample, every metric, the last 12 months as of 2026-12-05', async () => {
    const inputs = await sampleInputs();
    const asOf = parseDay('2026-12-05')!;
    const months = lastPeriods(asOf, 'month', 12);
    const run = [previousPeriod(months[0]), ...months];
    expect(await parity(inputs, asOf, [run])).toEqual([]);
  });
});
