/**
 * `review` after `build` with side tables: without flags it reads the pipeline and targets from
 * where the build found them (a sheet of the workbook, or a file beside it), so a refresh shows the
 * figures the build showed; a saved file that has moved is named in a warning and left out.
 */
import { copyFileSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfigSheet } from '../../src/xlsx/config';
import { openWorkbook, worksheetRows } from '../../src/xlsx/read-workbook';
import { runCli } from './run';

const SAMPLE = join(__dirname, '../../samples/sales-sample.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'review-side-'));
const REVIEW = 'Review 2026-W49';
const now = new Date(Date.UTC(2026, 11, 5, 12));

/** The review's rows but its subtitle (which names the file the figures were read from). */
async function reviewRows(path: string): Promise<unknown[][]> {
  const rows = worksheetRows((await openWorkbook(path)).getWorksheet(REVIEW)!);
  expect(String(rows[1][0])).toMatch(/^2026-11-30 to 2026-12-06 · Data: /);
  return [rows[0], ...rows.slice(2)];
}

/** The rows of the review's "Quota per rep" section (title to the first empty row). */
function quotaSection(rows: readonly unknown[][]): unknown[][] {
  const top = rows.findIndex((r) => typeof r?.[0] === 'string' && r[0].startsWith('Quota per rep'));
  expect(top).toBeGreaterThan(0);
  const end = rows.findIndex(
    (r, i) => i > top && (r ?? []).every((v) => v === null || v === undefined || v === ''),
  );
  return rows.slice(top, end < 0 ? undefined : end);
}

async function sources(path: string): Promise<Record<string, string> | undefined> {
  const config = readConfigSheet(await openWorkbook(path));
  return config.config.mappings.sources as Record<string, string> | undefined;
}

/** Writes the sample's Pipeline sheet to `path` as a CSV, with `header` in place of its own. */
async function writePipelineCsv(path: string, header?: readonly unknown[]): Promise<void> {
  const rows = worksheetRows((await openWorkbook(SAMPLE)).getWorksheet('Pipeline')!);
  const text = (v: unknown) =>
    v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v);
  const lines = [header ?? rows[0], ...rows.slice(1)].map((r) => r.map(text).join(','));
  writeFileSync(path, lines.join('\n') + '\n');
}

/** A plain `review` of `out` (no flags but the as-of day) leaves its review as `before`. */
async function plainReviewKeeps(out: string, before: unknown[][]): Promise<void> {
  const run = await runCli(['review', out, '--as-of', '2026-12-05', '--no-backup', '-q'], now);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  expect(await reviewRows(out)).toEqual(before);
}

describe('review reads the side tables build found', () => {
  it('from sheets of the workbook: the refresh shows the quota per rep the build showed', async () => {
    const out = join(dir, 'sheets.xlsx');
    const built = await runCli(
      [
        'build',
        SAMPLE,
        '--pipeline',
        SAMPLE,
        '--targets',
        SAMPLE,
        '--as-of',
        '2026-12-05',
        '--out',
        out,
        '-q',
      ],
      now,
    );
    expect(built.err).toBe('');
    expect(built.code).toBe(0);
    expect(await sources(out)).toEqual({ orders: 'Orders', pipeline: 'Pipeline', targets: 'Targets' });
    const before = await reviewRows(out);
    const run = await runCli(['review', out, '--as-of', '2026-12-05', '--no-backup', '-q'], now);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/pipeline: .*dates 2024-01-02/);
    const after = await reviewRows(out);
    expect(quotaSection(after)).toEqual(quotaSection(before));
    // The whole sheet: the clock is the same, so nothing else differs.
    expect(after).toEqual(before);
    // Built again without the pipeline: the build records what it read, so a review reads the same.
    const again = join(dir, 'again.xlsx');
    const rebuilt = await runCli(
      ['build', out, '--targets', out, '--as-of', '2026-12-05', '--out', again, '-q'],
      now,
    );
    expect(rebuilt.code).toBe(0);
    expect(await sources(again)).toEqual({ orders: 'Orders', targets: 'Targets' });
    const plain = await runCli(['review', again, '--as-of', '2026-12-05', '--no-backup', '-q'], now);
    expect(plain.code).toBe(0);
    expect(plain.out).not.toMatch(/pipeline:/);
  });

  it('from a file beside the workbook, and says so when that file has moved', async () => {
    const pipelineCsv = join(dir, 'deals.csv');
    await writePipelineCsv(pipelineCsv);
    const input = join(dir, 'orders.xlsx');
    copyFileSync(SAMPLE, input);
    const out = join(dir, 'file.xlsx');
    const built = await runCli(
      ['build', input, '--pipeline', pipelineCsv, '--as-of', '2026-12-05', '--out', out, '-q'],
      now,
    );
    expect(built.code).toBe(0);
    expect((await sources(out))?.pipeline).toBe('deals.csv');
    const before = await reviewRows(out);
    await plainReviewKeeps(out, before);

    renameSync(pipelineCsv, join(dir, 'deals-old.csv'));
    const moved = await runCli(['review', out, '--as-of', '2026-12-05', '--no-backup', '-q'], now);
    expect(moved.code).toBe(0);
    expect(moved.err).toContain(
      `the pipeline of file.xlsx was read from deals.csv, which is not at ${pipelineCsv} any more: going on without it (name the file with --pipeline FILE)`,
    );
    expect(moved.out).not.toMatch(/pipeline:/);
    // Named again, it is read and its new place saved.
    const named = await runCli(
      ['review', out, '--as-of', '2026-12-05', '--no-backup', '-q', '--pipeline', join(dir, 'deals-old.csv')],
      now,
    );
    expect(named.code).toBe(0);
    expect(await reviewRows(out)).toEqual(before);
    expect((await sources(out))?.pipeline).toBe('deals-old.csv');
  });

  it('with the columns mapped at build: the mapping is saved and used, and detected again when it no longer fits', async () => {
    const header = worksheetRows((await openWorkbook(SAMPLE)).getWorksheet('Pipeline')!)[0];
    const renamed = header.map((h) => (h === 'Stage' ? 'Step' : h === 'Value' ? 'Worth' : h));
    const deals = join(dir, 'mapped-deals.csv');
    await writePipelineCsv(deals, renamed);
    const input = join(dir, 'mapped-orders.xlsx');
    copyFileSync(SAMPLE, input);
    const out = join(dir, 'mapped.xlsx');
    const build = (...more: string[]) =>
      runCli(
        ['build', input, '--pipeline', deals, '--as-of', '2026-12-05', '--out', out, '-q', ...more],
        now,
      );
    // Detection cannot find the status column under "Step": the message names the prefixed flag.
    const refused = await build();
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Use --map pipeline.status=HEADER with the header of the column to use.');
    const built = await build('--map', 'pipeline.status=Step', '--map', 'pipeline.value=Worth');
    expect(built.err).toBe('');
    expect(built.code).toBe(0);
    const config = readConfigSheet(await openWorkbook(out)).config;
    expect(config.mappings.pipeline).toEqual({ status: 'Step', value: 'Worth' });
    const before = await reviewRows(out);
    await plainReviewKeeps(out, before);

    // The file's headers renamed back: the saved mapping no longer fits, the columns are found again.
    await writePipelineCsv(deals);
    const back = await runCli(['review', out, '--as-of', '2026-12-05', '--no-backup'], now);
    expect(back.code).toBe(0);
    expect(back.err).toContain(
      'the saved column mapping no longer fits the pipeline; detecting the columns again',
    );
    expect(await reviewRows(out)).toEqual(before);
    expect(readConfigSheet(await openWorkbook(out)).config.mappings.pipeline).toBeUndefined();
  });

  it("a side table in the workbook whose columns are not found: the message names the side table's flags", async () => {
    const { Workbook } = await import('exceljs');
    const book = new Workbook();
    await book.xlsx.readFile(SAMPLE);
    book.getWorksheet('Pipeline')!.getCell('C1').value = 'Step';
    const input = join(dir, 'step.xlsx');
    await book.xlsx.writeFile(input);
    const out = join(dir, 'step-built.xlsx');
    const refused = await runCli(
      ['build', input, '--pipeline', input, '--as-of', '2026-12-05', '--out', out, '-q'],
      now,
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      "no sheet or table has the pipeline table's required columns (created, status; looked at " +
        '"Orders", "Pipeline", "Spend", "Targets"); map the columns it lacks with --map pipeline.ROLE=HEADER (roles: created, status)',
    );
    const built = await runCli(
      [
        'build',
        input,
        '--pipeline',
        input,
        '--map',
        'pipeline.status=Step',
        '--as-of',
        '2026-12-05',
        '--out',
        out,
        '-q',
      ],
      now,
    );
    expect(built.code).toBe(0);
    const before = await reviewRows(out);
    await plainReviewKeeps(out, before);
  });
});
