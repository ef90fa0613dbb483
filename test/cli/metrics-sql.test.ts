/**
 * `metrics --engine duckdb` and `metrics --db postgres://…`: the same document as `metrics` on the
 * files, computed by the database.
 */
import { join } from 'node:path';
import { openPostgres } from '../../src/engines/postgres';
import type { PgServer } from '../engines/pg-server';
import { postgresMissing, startPostgres } from '../engines/pg-server';
import { sampleInputs, SAMPLE, sharedDataPresent } from '../sql/datasets';
import { loadTables } from '../sql/tables';
import { jsonDifferences } from '../sql/compare';
import { DATA, runCli, runJson } from './run';

jest.setTimeout(300_000);

/** The parts of the document both routes must agree on. */
const figures = (doc: any) => ({
  mapping: doc.mapping,
  periods: doc.periods,
  totals: doc.totals,
  breakdowns: doc.breakdowns,
  asOf: doc.asOf,
  asOfSource: doc.asOfSource,
  dataRange: doc.dataRange,
  afterAsOf: doc.afterAsOf,
});

const CRM = join(DATA, 'crm_sales_pipeline.csv');
const withData = sharedDataPresent ? it : it.skip;

describe('metrics --engine duckdb', () => {
  withData('reads a CSV pipeline where it lies and prints the same figures as without --engine', async () => {
    const args = ['metrics', '--pipeline', CRM, '--last', '4', '--by', 'rep', '--top', '5'];
    const viaFile = await runJson(args);
    const viaDuckDb = await runJson([...args, '--engine', 'duckdb']);
    expect(jsonDifferences(figures(viaFile), figures(viaDuckDb))).toEqual([]);
    expect(viaDuckDb.rows).toEqual(viaFile.rows);
    expect(viaDuckDb.notes).toEqual(viaFile.notes);
  });

  it('refuses an .xlsx file and an unknown engine in one line', async () => {
    const xlsx = await runCli(['metrics', SAMPLE, '--engine', 'duckdb']);
    expect(xlsx.code).toBe(2);
    expect(xlsx.err).toMatch(/reads \.parquet and \.csv files/);
    const other = await runCli(['metrics', 'x.csv', '--engine', 'sqlite']);
    expect(other.err).toMatch(/--engine takes duckdb/);
  });
});

const missing = postgresMissing();
const withServer = missing ? it.skip : it;
if (missing) console.warn(`PostgreSQL command-line tests skipped: ${missing}`);

describe('metrics --db postgres://…', () => {
  let server: PgServer | null = null;
  beforeAll(async () => {
    server = missing ? null : await startPostgres();
    if (!server) return;
    const db = await openPostgres(server.url);
    const { statements } = loadTables(db.dialect, await sampleInputs());
    for (const sql of statements) await db.run(sql);
    await db.run('ALTER TABLE orders DROP COLUMN _row');
    await db.run('ALTER TABLE pipeline DROP COLUMN _row');
    await db.run('ALTER TABLE spend DROP COLUMN _row');
    await db.close();
  });
  afterAll(() => server?.stop());

  withServer('maps the tables from their columns and prints the figures of the sample workbook', async () => {
    const common = ['--as-of', '2026-12-05', '--by', 'region', '--by', 'channel', '--last', '6'];
    const viaFile = await runJson(['metrics', SAMPLE, '--pipeline', SAMPLE, '--spend', SAMPLE, ...common]);
    const viaDb = await runJson([
      'metrics',
      '--db',
      server!.url,
      '--table',
      'orders',
      '--pipeline',
      'pipeline',
      '--spend',
      'spend',
      ...common,
    ]);
    expect(jsonDifferences(figures(viaFile), figures(viaDb))).toEqual([]);
    expect(viaDb.rows).toEqual(viaFile.rows);
    expect(viaDb.files.map((f: any) => f.path)).toEqual([
      expect.stringMatching(/^postgres 127\.0\.0\.1:\d+\/postgres table orders$/),
      expect.stringMatching(/table pipeline$/),
      expect.stringMatching(/table spend$/),
    ]);
  });

  withServer('never prints the password of the URL', async () => {
    const url = server!.url.replace('postgres@', 'postgres:topsecret9@');
    const run = await runCli(['metrics', '--db', url, '--table', 'no_such_table']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/no_such_table/);
    expect(run.err + run.out).not.toMatch(/topsecret9/);
  });
});
