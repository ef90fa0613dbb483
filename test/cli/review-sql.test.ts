/**
 * `review` of a workbook built through SQL: the week's review is computed in the database again,
 * from the file or table the build saved (a password never saved: it comes from `--db` given again
 * or PGPASSWORD), and equals `review` of the same workbook built from the sample, cell by cell but
 * for the line naming the data and the note under it; what people typed in Actions is kept, and a
 * new week's sheet carries the open actions over. With a pipeline table, the review's quota per
 * rep (forecast by open deals, the pipeline flags applied) equals the workbook route's too.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSheetRef } from '../../src/sheets/a1';
import { areaRangeName } from '../../src/xlsx/render';
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

const BUILD = ['--as-of', '2026-12-05', '--targets', SAMPLE, '--industry', 'ecommerce-retail', '-q'];
const W49 = 'Review 2026-W49';
const W50 = 'Review 2026-W50';
/** An action as people type it: metric, observation, action, owner, due, status, notes. */
const ACTION = [
  'revenue',
  'Jakarta slowed',
  'Call the top 10 accounts',
  'Ani',
  undefined,
  'open',
  'first call done',
];

let dir: string;
let engineBook: string;
let parquet: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'review-sql-'));
  engineBook = join(dir, 'engine.xlsx');
  expect((await runCli(['build', SAMPLE, ...BUILD, '--out', engineBook])).code).toBe(0);
  await typeAction(engineBook);
  parquet = await sampleOrdersParquet(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Types ACTION into the first row of the week's Actions table. */
async function typeAction(book: string, sheet = W49): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  const ranges = workbook.definedNames.getRanges(areaRangeName(sheet, 'actions')).ranges;
  const { top, left } = parseSheetRef(ranges[0])!.range;
  const ws = workbook.getWorksheet(sheet)!;
  ACTION.forEach((value, c) => {
    if (value !== undefined) ws.getCell(top, left + c).value = value;
  });
  await workbook.xlsx.writeFile(book);
}

/** Refreshes a book; stops on a failed run. */
async function review(book: string, args: readonly string[] = []): Promise<string> {
  const run = await runCli(['review', book, '--as-of', '2026-12-05', '-q', ...args]);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  return run.out;
}

/** The cells of a review that differ from the engine's but for the data line and the note under it. */
async function differences(book: string, sheet: string, engine = engineBook): Promise<string[]> {
  const a = (await sheetCells(engine)).get(sheet)!;
  const b = (await sheetCells(book)).get(sheet);
  if (!b) return [`${sheet} missing`];
  const out: string[] = [];
  for (const ref of new Set([...a.keys(), ...b.keys()])) {
    const [x, y] = [a.get(ref)?.value, b.get(ref)?.value];
    if (!same(x, y) && ref !== 'A2' && ref !== 'A3')
      out.push(`${sheet}!${ref}: ${JSON.stringify(x)} | ${JSON.stringify(y)}`);
  }
  return out;
}

/** The first row of the week's Actions table as it reads back. */
async function actionRow(book: string, sheet = W49): Promise<unknown[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  const { top, left } = parseSheetRef(
    workbook.definedNames.getRanges(areaRangeName(sheet, 'actions')).ranges[0],
  )!.range;
  return ACTION.map((_, c) => workbook.getWorksheet(sheet)!.getCell(top, left + c).value ?? undefined);
}

describe('review of a workbook built with --engine duckdb', () => {
  let book: string;
  beforeAll(async () => {
    book = join(dir, 'duckdb.xlsx');
    expect((await runCli(['build', parquet, '--engine', 'duckdb', ...BUILD, '--out', book])).code).toBe(0);
    await typeAction(book);
    await review(engineBook);
  });

  it('computes the review in DuckDB again, equal to the workbook route, keeping the typed action', async () => {
    const out = await review(book);
    expect(out).toMatch(/^refreshed "Review 2026-W49" in .*duckdb\.xlsx \(as of 2026-12-05\)/);
    expect(out).toMatch(/orders \(orders\.parquet\): 20,000 rows read, 19,026 used, 0 skipped, 974 after/);
    expect(out).toMatch(/figures as values computed in DuckDB from .*orders\.parquet/);
    expect(await differences(book, W49)).toEqual([]);
    expect(await actionRow(book)).toEqual(ACTION);
  });

  it("writes next week's review with the open action carried over, as on the workbook route", async () => {
    const next = ['--week', '2026-W50', '--as-of', '2026-12-12'];
    const engineOut = await review(engineBook, next);
    const out = await review(book, next);
    expect(engineOut).toMatch(/1 open action carried over/);
    expect(out).toMatch(/^wrote "Review 2026-W50" .*1 open action carried over/);
    expect(await differences(book, W50)).toEqual([]);
    expect(await actionRow(book, W50)).toEqual(ACTION);
  });

  it('says in one line when the file moved, and reads it from --data, saving the new place', async () => {
    const moved = join(dir, 'moved.parquet');
    renameSync(parquet, moved);
    try {
      const lost = await runCli(['review', book, '--as-of', '2026-12-05', '-q']);
      expect(lost.code).not.toBe(0);
      expect(lost.err).toMatch(
        /orders\.parquet, which is not at .* any more: name the file with --data FILE/,
      );
      await review(book, ['--data', moved]);
      await review(book);
      expect(await differences(book, W49)).toEqual([]);
    } finally {
      renameSync(moved, parquet);
    }
  });
});

describe('review of a workbook built with --engine duckdb and a pipeline table', () => {
  const SETTINGS = ['--stale-multiple', '1.5', '--stage-probability', 'Proposal=55%'];
  let pipeline: string;
  beforeAll(async () => {
    pipeline = await samplePipelineParquet(dir);
  });

  // The reference: the review `build --pipeline` writes on the workbook route (its quota per rep
  // forecast by the open deals), as of the same day.
  it.each([
    ['without flags', []],
    ['with the stale and stage flags', SETTINGS],
  ])('makes the quota per rep from the deals and the orders as the workbook route, %s', async (_, flags) => {
    const engine = join(dir, `engine-pipeline${flags.length}.xlsx`);
    const book = join(dir, `duckdb-pipeline${flags.length}.xlsx`);
    const built = await runCli(['build', SAMPLE, '--pipeline', SAMPLE, ...BUILD, ...flags, '--out', engine]);
    expect(built.code).toBe(0);
    const sql = ['build', parquet, '--engine', 'duckdb', '--pipeline', pipeline, ...BUILD, '--out', book];
    expect((await runCli(sql)).code).toBe(0);
    const out = await review(book, flags);
    expect(out).not.toMatch(/no pipeline forecast/);
    expect(await differences(book, W49, engine)).toEqual([]);
    const texts = [...(await sheetCells(book)).get(W49)!.values()].map((c) => String(c.value));
    expect(texts).toContain('Quota per rep (as of 2026-12-05)');
  });
});

const withServer = postgresMissing() ? it.skip : it;

describe('review of a workbook built with --db', () => {
  let server: PgServer | null = null;
  beforeAll(async () => {
    server = await sampleOrdersServer();
  });
  afterAll(() => server?.stop());

  withServer(
    'reconnects with the saved URL and PGPASSWORD, or --db again, and saves no password',
    async () => {
      const password = 'Pw-review-topsecret';
      const url = urlWithPassword(server!, password);
      const book = join(dir, 'postgres.xlsx');
      const built = await runWithPgPassword(
        ['build', '--db', url, '--table', 'orders', ...BUILD, '--out', book],
        `${password}-env`,
      );
      expect(built.code).toBe(0);
      await typeAction(book);
      const viaEnv = await runWithPgPassword(
        ['review', book, '--as-of', '2026-12-05', '-q'],
        `${password}-env`,
      );
      expect(viaEnv.err).toBe('');
      expect(viaEnv.out).toMatch(
        /computed in PostgreSQL from postgres 127\.0\.0\.1:\d+\/postgres table orders/,
      );
      const viaDb = await runWithPgPassword(
        ['review', book, '--db', url, '--as-of', '2026-12-05', '-q'],
        `${password}-env`,
      );
      expect(viaDb.code).toBe(0);
      for (const run of [built, viaEnv, viaDb]) expect(run.out + run.err).not.toContain('topsecret');
      expect(await differences(book, W49)).toEqual([]);
      expect(await actionRow(book)).toEqual(ACTION);
      for (const file of [book, `${book}.bak`]) {
        const zip = await JSZip.loadAsync(readFileSync(file));
        for (const name of Object.keys(zip.files)) {
          const text = await zip.files[name].async('string');
          expect(`${name}: ${text.includes('topsecret') ? 'has the password' : 'clean'}`).toBe(
            `${name}: clean`,
          );
        }
      }
    },
  );
});
