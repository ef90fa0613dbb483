import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOrders } from '../../src/core/sample';
import { readXlsxFile } from '../../src/xlsx/read-xlsx';
import { runCli, runJson } from './run';

const dir = mkdtempSync(join(tmpdir(), 'sample-'));

describe('sales-metrics sample', () => {
  const path = join(dir, 'sample.xlsx');
  beforeAll(async () => {
    const run = await runCli(['sample', '--rows', '400', '--seed', '7', '--out', path, '-q']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /^wrote .*sample\.xlsx: Orders 400 rows, Pipeline 200, Spend 216, Targets \d+\n$/,
    );
  });

  it('writes Orders, Pipeline, Spend and Targets sheets with real dates and numbers', async () => {
    const orders = await readXlsxFile(path, { sheet: 'Orders' });
    expect(orders.sheetNames).toEqual(['Orders', 'Pipeline', 'Spend', 'Targets']);
    expect(orders.rows).toHaveLength(401);
    const header = orders.rows[0] as string[];
    const generated = generateOrders({ rows: 400, seed: 7 });
    expect(header).toEqual(generated[0]);
    const date = header.indexOf('Order Date');
    const amount = header.indexOf('Amount');
    expect(orders.rows[1][date]).toBeInstanceOf(Date);
    // The date cell holds the generator's serial: epoch ms / day + 25569.
    expect((orders.rows[1][date] as Date).getTime() / 86400000 + 25569).toBe(generated[1][date]);
    expect(orders.rows.slice(1).map((r) => r[amount])).toEqual(generated.slice(1).map((r) => r[amount]));
  });

  it('is read back by every command, each table from its own sheet', async () => {
    const doc = await runJson([
      'metrics',
      path,
      '--pipeline',
      path,
      '--spend',
      path,
      '--as-of',
      '2025-12-31',
      '--last',
      '2',
      '--metrics',
      'revenue,win_rate,cac',
    ]);
    expect(doc.files.map((f: any) => [f.kind, f.sheet])).toEqual([
      ['orders', 'Orders'],
      ['pipeline', 'Pipeline'],
      ['spend', 'Spend'],
    ]);
    expect(doc.rows.skipped).toBe(0);
    expect(typeof doc.totals.revenue).toBe('number');
    const goals = await runJson(['goals', path, '--targets', path, '--as-of', '2025-06-30']);
    expect(goals.goals.length).toBeGreaterThan(0);
    expect(goals.problems).toEqual([]);
  });

  it('is reproducible: the same seed gives the same figures', async () => {
    const again = join(dir, 'again.xlsx');
    await runCli(['sample', '--rows', '400', '--seed', '7', '--out', again, '-q']);
    const a = await runJson([
      'metrics',
      path,
      '--as-of',
      '2025-12-31',
      '--period',
      'year',
      '--last',
      '3',
      '--metrics',
      'revenue,orders,customers',
    ]);
    const b = await runJson([
      'metrics',
      again,
      '--as-of',
      '2025-12-31',
      '--period',
      'year',
      '--last',
      '3',
      '--metrics',
      'revenue,orders,customers',
    ]);
    expect(a.periods).toEqual(b.periods);
  });

  it('needs --out naming an .xlsx file and a row count in range', async () => {
    for (const [argv, message] of [
      [['sample'], /sample needs --out FILE\.xlsx/],
      [['sample', '--out', 'x.csv'], /--out must name an \.xlsx file/],
      [['sample', '--out', 'x.xlsx', '--rows', '2000000'], /--rows must be a whole number from 1 to 1048575/],
    ] as [string[], RegExp][]) {
      const run = await runCli(argv);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(message);
    }
    // A missing folder is created; a file in the way of the folder is a one-line error.
    const nested = await runCli(['sample', '--out', join(dir, 'new-folder', 'deeper', 'x.xlsx'), '--rows', '20', '-q']);
    expect(nested.code).toBe(0);
    expect(existsSync(join(dir, 'new-folder', 'deeper', 'x.xlsx'))).toBe(true);
    writeFileSync(join(dir, 'blocker'), 'a file, not a folder');
    const run = await runCli(['sample', '--out', join(dir, 'blocker', 'x.xlsx'), '-q']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^sales-metrics: cannot create the folder .*blocker for .*x\.xlsx: a file of that name is in the way\n$/);
  });
});
