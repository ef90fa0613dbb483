/**
 * `cohorts` and `rfm` through SQL (`--engine duckdb` on a Parquet file of the sample's orders,
 * `--db` on the same orders in a throwaway PostgreSQL server) print what they print on the sample
 * workbook: the same JSON document and the same text, but for the line naming the table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PgServer } from '../engines/pg-server';
import { postgresMissing } from '../engines/pg-server';
import { jsonDifferences } from '../sql/compare';
import { SAMPLE } from '../sql/datasets';
import { runCli, runJson } from './run';
import { runWithPgPassword, sampleOrdersParquet, sampleOrdersServer, urlWithPassword } from './sql-fixtures';

jest.setTimeout(300_000);

/** The cases both routes must agree on, as arguments after the orders. */
const CASES: readonly (readonly string[])[] = [
  ['cohorts', '--as-of', '2026-12-05'],
  ['cohorts', '--period', 'quarter', '--fiscal-start', '4', '--measure', 'revenue'],
  ['cohorts', '--period', 'week', '--week-start', 'sunday', '--as-of', '2026-06-30', '--steps', '8'],
  ['rfm', '--as-of', '2026-12-05'],
  ['rfm', '--risk-factor', '1.5', '--lost-factor', '2.5', '--lost-after', '200', '--top', '25'],
];

/** The text output with the table's line set aside (it names the file or table read). */
const withoutTableLine = (text: string) => text.replace(/^orders .*: (\d[\d,]* rows read)/m, 'orders: $1');

let dir: string;
let parquet: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'analyses-sql-'));
  parquet = await sampleOrdersParquet(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function expectSameOutput(args: readonly string[], sqlRoute: readonly string[]): Promise<void> {
  const [command, ...rest] = args;
  const viaFile = await runJson([command, SAMPLE, ...rest]);
  const viaSql = await runJson([command, ...sqlRoute, ...rest]);
  expect(jsonDifferences(viaFile, viaSql)).toEqual([]);
  const fileText = await runCli([command, SAMPLE, ...rest, '--quiet']);
  const sqlText = await runCli([command, ...sqlRoute, ...rest, '--quiet']);
  expect(sqlText.err).toBe('');
  expect(sqlText.code).toBe(0);
  expect(withoutTableLine(sqlText.out)).toBe(withoutTableLine(fileText.out));
}

describe('cohorts and rfm --engine duckdb', () => {
  it.each(CASES.map((c) => [c.join(' '), c]))('%s prints what the workbook gives', async (_, args) => {
    await expectSameOutput(args, [parquet, '--engine', 'duckdb']);
  });

  it('names the file it read, and refuses a column it does not have in one line', async () => {
    const run = await runCli(['rfm', parquet, '--engine', 'duckdb', '--as-of', '2026-12-05']);
    expect(run.out).toMatch(/^orders .*orders\.parquet: 20,000 rows read/m);
    const none = await runCli(['cohorts', parquet, '--engine', 'duckdb', '--map', 'customer=Nope', '-q']);
    expect(none.code).not.toBe(0);
    expect(none.err).toMatch(/customer=Nope: no such column/);
    expect(none.err.trim().split('\n')).toHaveLength(1);
  });
});

const withServer = postgresMissing() ? it.skip : it;

describe('cohorts and rfm --db postgres://…', () => {
  let server: PgServer | null = null;
  beforeAll(async () => {
    server = await sampleOrdersServer();
  });
  afterAll(() => server?.stop());

  withServer('print what the workbook gives, and never the password', async () => {
    const password = 'Pw-cohorts-topsecret';
    const url = urlWithPassword(server!, password);
    for (const args of [CASES[1], CASES[4]]) await expectSameOutput(args, ['--db', url, '--table', 'orders']);
    const run = await runWithPgPassword(
      ['rfm', '--db', url, '--table', 'orders', '--as-of', '2026-12-05'],
      `${password}-env`,
    );
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^orders postgres 127\.0\.0\.1:\d+\/postgres table orders: /m);
    expect(run.out + run.err).not.toContain('topsecret');
    const missing = await runWithPgPassword(
      ['cohorts', '--db', url, '--table', 'no_such_orders'],
      `${password}-env`,
    );
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/no_such_orders/);
    expect(missing.out + missing.err).not.toContain('topsecret');
  });
});
