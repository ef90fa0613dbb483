/**
 * A dashboard built from a CSV too large (or too wide) to copy into the workbook is refreshed by `review` from
 * the CSV's path saved in the workbook (relative to it); a CSV that moved gets one line naming
 * where it was looked for and `--data`, which reads it from its new place and saves that.
 */
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_SHEET_LIMIT } from '../../src/cli/commands/build';
import { readConfigSheet } from '../../src/xlsx/config';
import { openWorkbook } from '../../src/xlsx/read-workbook';
import { runCli } from './run';

const root = mkdtempSync(join(tmpdir(), 'large-csv-'));

/** Orders one a day from 2025-01-01, amounts 10, 20, … 70 in turn. */
function ordersCsv(path: string, rows: number): void {
  const lines = ['Order Date,Order ID,Customer,Amount'];
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < rows; i++) {
    const day = new Date(start + (i % 300) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${day},O${i},C${i % 900},${10 * ((i % 7) + 1)}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

async function savedSource(book: string): Promise<unknown> {
  return readConfigSheet(await openWorkbook(book)).config.mappings.sources?.orders;
}

describe('review of a dashboard built from a large CSV', () => {
  it('reads the CSV again from the path saved beside the workbook', async () => {
    const dir = join(root, 'large');
    mkdirSync(dir);
    const csv = join(dir, 'orders.csv');
    ordersCsv(csv, DATA_SHEET_LIMIT + 1);
    const build = await runCli(['build', csv, '--as-of', '2025-10-20', '-q']);
    expect(build.code).toBe(0);
    expect(build.out).toContain(
      `figures as values: the CSV's 100,001 rows were not copied into the workbook (more than 100,000)`,
    );
    expect(build.out).toContain('"review" reads the orders again from orders.csv (relative to the workbook)');
    const book = join(dir, 'orders-dashboard.xlsx');
    expect(await savedSource(book)).toBe('orders.csv');

    const review = await runCli(['review', book, '--as-of', '2025-10-21', '-q']);
    expect(review.err).toBe('');
    expect(review.out).toMatch(/^refreshed "Review 2025-W43" in .* \(as of 2025-10-21\)\n/);
    // 100,001 rows over 300 days: rows 0…293 of each 300 fall on or before day 293 (2025-10-21).
    const used = Math.floor((DATA_SHEET_LIMIT + 1) / 300) * 294 + Math.min((DATA_SHEET_LIMIT + 1) % 300, 294);
    expect(review.out).toContain(
      `orders (orders.csv): 100,001 rows read, ${used.toLocaleString('en-US')} used`,
    );
  }, 120_000);

  it('says where it looked when the CSV has moved, and --data points at the new place', async () => {
    const dir = join(root, 'moved');
    mkdirSync(join(dir, 'reports'), { recursive: true });
    const csv = join(dir, 'orders.csv');
    ordersCsv(csv, 400);
    const book = join(dir, 'reports', 'dashboard.xlsx');
    const build = await runCli(['build', csv, '--values-only', '--out', book, '--as-of', '2025-10-20', '-q']);
    expect(build.code).toBe(0);
    expect(await savedSource(book)).toBe('../orders.csv');
    expect((await runCli(['review', book, '--as-of', '2025-10-21', '-q'])).code).toBe(0);

    mkdirSync(join(dir, 'archive'));
    renameSync(csv, join(dir, 'archive', 'orders.csv'));
    const lost = await runCli(['review', book, '--as-of', '2025-10-21', '-q']);
    expect(lost.code).toBe(1);
    expect(lost.err).toBe(
      `sales-metrics: the orders of dashboard.xlsx are read from ../orders.csv, which is not at ${csv} any more: ` +
        'name the file with --data FILE (the new place is saved for the next runs)\n',
    );

    const found = await runCli([
      'review',
      book,
      '--data',
      join(dir, 'archive', 'orders.csv'),
      '--as-of',
      '2025-10-21',
      '-q',
    ]);
    expect(found.err).toBe('');
    expect(found.out).toContain('orders (../archive/orders.csv): 400 rows read');
    expect(await savedSource(book)).toBe('../archive/orders.csv');
    const again = await runCli(['review', book, '--as-of', '2025-10-22', '-q']);
    expect(again.err).toBe('');
    expect(again.out).toContain('orders (../archive/orders.csv): 400 rows read');
  });

  it('keeps a CSV wider than a sheet outside the workbook too', async () => {
    const dir = join(root, 'wide');
    mkdirSync(dir);
    const csv = join(dir, 'wide.csv');
    const extra = Array.from({ length: 16_390 - 2 }, (_, i) => `c${i}`);
    const rows = ['2025-03-01,100', '2025-03-02,250'].map((r) => `${r},${extra.map(() => 1).join(',')}`);
    writeFileSync(csv, [`Order Date,Amount,${extra.join(',')}`, ...rows].join('\n'));
    const build = await runCli(['build', csv, '-q']);
    expect(build.err).toBe('');
    expect(build.out).toContain(
      "the CSV's 2 rows were not copied into the workbook (its 16,390 columns are more than a sheet holds, 16,384)",
    );
    const review = await runCli(['review', join(dir, 'wide-dashboard.xlsx'), '--as-of', '2025-03-02', '-q']);
    expect(review.err).toBe('');
    expect(review.out).toContain('orders (wide.csv): 2 rows read, 2 used');
  });

  it('refuses --data together with --sheet', async () => {
    const run = await runCli(['review', join(root, 'none.xlsx'), '--data', 'a.csv', '--sheet', 'Orders']);
    expect(run.code).toBe(2);
    expect(run.err).toBe('sales-metrics: --data and --sheet both name where the orders are: give one\n');
  });
});
