/**
 * `build --engine duckdb FILE` and `build --db URL --table T`: the Dashboard and Review of the
 * bundled sample computed in the database equal `build` through the engine, cell for cell, except
 * what states where the figures come from (the data line, the note under it, the live/as-of marks
 * of the key figures); the key figures' forecasts (FC) included, the trend line fitted on the
 * periods the database computes. With a pipeline table, the pipeline forecast, the quota
 * leaderboard and the review's quota per rep equal the workbook's too (the deals read into memory,
 * the orders' revenue from the database). No Data sheet, no formula over one, and the database's
 * password nowhere in the file.
 */
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PgServer } from '../engines/pg-server';
import { postgresMissing } from '../engines/pg-server';
import { SAMPLE } from '../sql/datasets';
import { runCli } from './run';
import {
  runWithPgPassword,
  same,
  sampleOrdersParquet,
  sampleOrdersServer,
  samplePipelineParquet,
  sheetCells,
  urlWithPassword,
} from './sql-fixtures';

jest.setTimeout(300_000);

const AS_OF = ['--as-of', '2026-12-05'];
const SHEETS = ['Dashboard', 'Review 2026-W49'];
/** Goals from the sample's Targets sheet (per region and per rep) and an industry's benchmarks. */
const GOALS = ['--targets', SAMPLE, '--industry', 'ecommerce-retail'];

let dir: string;
let engineBook: string;
let goalsBook: string;
/** The sample's workbook built with its Pipeline sheet as the pipeline table, and the goals. */
let pipelineBook: string;
/** As `pipelineBook`, with the stale and stage-probability flags. */
let settingsBook: string;
let parquet: string;
let pipelineParquet: string;
/** The pipeline flags of `settingsBook`. */
const SETTINGS = ['--stale-multiple', '1.5', '--include-stale', '--stage-probability', 'Proposal=55%'];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'build-sql-'));
  engineBook = join(dir, 'engine.xlsx');
  goalsBook = join(dir, 'engine-goals.xlsx');
  pipelineBook = join(dir, 'engine-pipeline.xlsx');
  settingsBook = join(dir, 'engine-settings.xlsx');
  for (const [out, extra] of [
    [engineBook, []],
    [goalsBook, GOALS],
    [pipelineBook, ['--pipeline', SAMPLE, ...GOALS]],
    [settingsBook, ['--pipeline', SAMPLE, ...GOALS, ...SETTINGS]],
  ] as const) {
    const run = await runCli(['build', SAMPLE, ...AS_OF, ...extra, '--out', out, '--quiet']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
  }
  parquet = await sampleOrdersParquet(dir);
  pipelineParquet = await samplePipelineParquet(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The cells that differ, each with why it may; `unexplained` lists the others. */
async function compareWithEngine(
  file: string,
  book = engineBook,
): Promise<{ compared: number; unexplained: string[] }> {
  const engine = await sheetCells(book);
  const sql = await sheetCells(file);
  const unexplained: string[] = [];
  let compared = 0;
  for (const name of SHEETS) {
    const a = engine.get(name)!;
    const b = sql.get(name)!;
    expect(b).toBeDefined();
    // The forecast column (the key figures' header "Forecast (FC)"): compared like every other.
    const fcColumn = [...a.entries()].find(([, c]) => c.value === 'Forecast (FC)')?.[0].replace(/\d+/, '');
    if (name === 'Dashboard') expect(fcColumn).toBe('O');
    const forecasts = (cells: typeof a) =>
      [...cells.entries()].filter(([ref, c]) => ref.startsWith(`${fcColumn}`) && typeof c.value === 'number');
    if (name === 'Dashboard') expect(forecasts(b).length).toBeGreaterThan(5);
    expect(forecasts(b).length).toBe(forecasts(a).length);
    for (const ref of new Set([...a.keys(), ...b.keys()])) {
      const x = a.get(ref)?.value;
      const y = b.get(ref)?.value;
      compared++;
      if (same(x, y)) continue;
      const where = ref === 'A2' || ref === 'A3';
      const mark = x === 'live' && y === 'as of';
      // A text cell left empty: no cell in a workbook written over its file, an empty text in a new one.
      const blank = x === undefined && y === '';
      if (!where && !mark && !blank)
        unexplained.push(`${name}!${ref}: ${JSON.stringify(x)} | ${JSON.stringify(y)}`);
    }
  }
  return { compared, unexplained };
}

async function expectValuesOnly(file: string, where: RegExp): Promise<void> {
  const cells = await sheetCells(file);
  expect([...cells.keys()]).not.toContain('Data');
  for (const name of SHEETS)
    for (const [ref, cell] of cells.get(name)!)
      if (cell.formula) expect(`${ref}: ${cell.formula}`).not.toMatch(/SUMIFS|COUNTIFS|!/);
  expect(String(cells.get('Dashboard')!.get('A3')!.value)).toMatch(where);
}

describe('build --engine duckdb', () => {
  it('builds the sample from a Parquet file with the same figures as build through the engine', async () => {
    const out = join(dir, 'duckdb.xlsx');
    const run = await runCli(['build', parquet, '--engine', 'duckdb', ...AS_OF, '--out', out, '--quiet']);
    expect(run.err).toBe('');
    expect(run.out).toMatch(/computed in DuckDB from .*orders\.parquet, no Data sheet/);
    const { compared, unexplained } = await compareWithEngine(out);
    expect(unexplained).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
    await expectValuesOnly(out, /computed in DuckDB from .*orders\.parquet/);
  });

  it('paces goals from a targets file and sets benchmarks as on the workbook', async () => {
    const out = join(dir, 'duckdb-goals.xlsx');
    const run = await runCli([
      'build',
      parquet,
      '--engine',
      'duckdb',
      ...AS_OF,
      ...GOALS,
      '--out',
      out,
      '-q',
    ]);
    expect(run.err).toBe('');
    const { compared, unexplained } = await compareWithEngine(out, goalsBook);
    expect(unexplained).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
    const cells = await sheetCells(out);
    const texts = [...cells.get('Dashboard')!.values()].map((c) => String(c.value));
    for (const section of [
      'Goal pacing (most at risk first)',
      'Benchmarks',
      'Quota leaderboard (as of 2026-12-05)',
    ])
      expect(texts).toContain(section);
  });

  it('with a pipeline table, makes the pipeline forecast, leaderboard and quota per rep as the workbook', async () => {
    const out = join(dir, 'duckdb-pipeline.xlsx');
    const run = await runCli([
      'build',
      parquet,
      '--engine',
      'duckdb',
      '--pipeline',
      pipelineParquet,
      ...AS_OF,
      ...GOALS,
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.out).not.toMatch(/no pipeline forecast/);
    const { compared, unexplained } = await compareWithEngine(out, pipelineBook);
    expect(unexplained).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
    const cells = await sheetCells(out);
    const texts = (name: string) => [...cells.get(name)!.values()].map((c) => String(c.value));
    for (const section of [
      'Win rate',
      'Pipeline forecast — Q4 2026 (as of 2026-12-05)',
      'Quota leaderboard (as of 2026-12-05)',
    ])
      expect(texts('Dashboard')).toContain(section);
    expect(texts('Review 2026-W49')).toContain('Quota per rep (as of 2026-12-05)');
  });

  it('applies the stale and stage-probability flags as the workbook does', async () => {
    const out = join(dir, 'duckdb-settings.xlsx');
    const run = await runCli([
      'build',
      parquet,
      '--engine',
      'duckdb',
      '--pipeline',
      pipelineParquet,
      ...AS_OF,
      ...GOALS,
      ...SETTINGS,
      '--out',
      out,
      '-q',
    ]);
    expect(run.code).toBe(0);
    const { unexplained } = await compareWithEngine(out, settingsBook);
    expect(unexplained).toEqual([]);
    // The flags change the forecast: the two books differ.
    const plain = await compareWithEngine(out, pipelineBook);
    expect(plain.unexplained.length).toBeGreaterThan(0);
  });

  it('refuses the flags that have no meaning here, and an unknown industry, in one line', async () => {
    const run = await runCli(['build', 'x.parquet', '--engine', 'duckdb', '--values-only']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/--values-only is not available with --engine or --db/);
    const industry = await runCli(['build', 'x.parquet', '--engine', 'duckdb', '--industry', 'nope']);
    expect(industry.code).toBe(2);
    expect(industry.err).toMatch(/--industry: unknown industry "nope"/);
  });
});

const withServer = postgresMissing() ? it.skip : it;

describe('build --db postgres://…', () => {
  let server: PgServer | null = null;
  beforeAll(async () => {
    server = await sampleOrdersServer();
  });
  afterAll(() => server?.stop());

  withServer(
    'builds the same sheets, goals and benchmarks included, and writes the password nowhere in the file',
    async () => {
      const password = 'Pw-7f3kq9-topsecret';
      const url = urlWithPassword(server!, password);
      const out = join(dir, 'postgres.xlsx');
      const run = await runWithPgPassword(
        ['build', '--db', url, '--table', 'orders', ...AS_OF, ...GOALS, '--out', out],
        `${password}-env`,
      );
      expect(run.code).toBe(0);
      expect(run.out + run.err).not.toContain(password);
      expect(run.out).toMatch(/computed in PostgreSQL from postgres 127\.0\.0\.1:\d+\/postgres table orders/);
      const { unexplained } = await compareWithEngine(out, goalsBook);
      expect(unexplained).toEqual([]);
      await expectValuesOnly(
        out,
        /computed in PostgreSQL from postgres 127\.0\.0\.1:\d+\/postgres table orders/,
      );
      const zip = await JSZip.loadAsync(readFileSync(out));
      const names = Object.keys(zip.files);
      expect(names.length).toBeGreaterThan(5);
      for (const name of names) {
        const text = await zip.files[name].async('string');
        expect(`${name}: ${text.includes(password) ? 'has the password' : 'clean'}`).toBe(`${name}: clean`);
        expect(text).not.toContain('topsecret');
      }
    },
  );

  withServer(
    'with the pipeline table, makes the same pipeline forecast, leaderboard and quota per rep',
    async () => {
      const out = join(dir, 'postgres-pipeline.xlsx');
      const run = await runCli([
        'build',
        '--db',
        server!.url,
        '--table',
        'orders',
        '--pipeline',
        'pipeline',
        ...AS_OF,
        ...GOALS,
        '--out',
        out,
        '-q',
      ]);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      const { unexplained } = await compareWithEngine(out, pipelineBook);
      expect(unexplained).toEqual([]);
    },
  );
});
