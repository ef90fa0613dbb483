/**
 * The command line as a user runs it, end to end (a new process each run): start-up against an
 * empty Node.js script (the peer: what any Node command pays), `metrics` / `build` on a CSV
 * with the eight columns a sales export has, `build` on the same orders as an `.xlsx` workbook
 * (its peer: the CSV build) and `review` refreshing a workbook built that way. The child's peak RSS is measured through GNU time
 * when it is installed and shown in the `child MB` column.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataPackage } from '../../src/xlsx/data-package';
import type { BenchCase } from '../case';
import { ordersCsvText } from '../fixtures';

const BIN = join(__dirname, '../../bin/sales-metrics.js');
const TIME = '/usr/bin/time';
const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));

/** Runs `node args…`; returns the child's peak RSS in MB when GNU time can tell. */
function run(args: readonly string[]): { childRssMb?: number } {
  const timed = existsSync(TIME);
  const result = timed
    ? spawnSync(TIME, ['-f', 'RSS_KB=%M', process.execPath, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      })
    : spawnSync(process.execPath, [...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`bench: ${args.join(' ')} failed: ${result.stderr.slice(-500)}`);
  const kb = /RSS_KB=(\d+)/.exec(result.stderr ?? '');
  return kb ? { childRssMb: Number(kb[1]) / 1024 } : {};
}

const files = new Map<number, string>();

/**
 * The orders CSV of `rows` lines (`ordersCsvText`) written once per size.
 */
function salesCsv(rows: number): string {
  const known = files.get(rows);
  if (known) return known;
  const path = join(dir, `orders-${rows}.csv`);
  writeFileSync(path, ordersCsvText(rows));
  files.set(rows, path);
  return path;
}

export const startUp: BenchCase<null> = {
  name: 'command line: --help (start-up, new process)',
  peer: 'peer: node -e 0 (start-up, new process)',
  targetMs: 150,
  setup: () => null,
  run: () => run([BIN, '--help']),
};

export const startUpPeer: BenchCase<null> = {
  name: 'peer: node -e 0 (start-up, new process)',
  setup: () => null,
  run: () => run(['-e', '0']),
};

export const metricsCsv: BenchCase<string> = {
  name: 'command line: metrics CSV, 36 months + 4 breakdowns, --json (end to end)',
  peer: 'peer: DuckDB read_csv_auto + monthly suite + 4 group-bys (end to end)',
  sizes: [100_000, 1_048_576],
  setup: (rows) => salesCsv(rows),
  run: (file) =>
    run([
      BIN,
      'metrics',
      file,
      '--period',
      'month',
      '--last',
      '36',
      '--by',
      'Region',
      '--by',
      'Sales Rep',
      '--by',
      'Product',
      '--by',
      'Channel',
      '--as-of',
      '2025-12-31',
      '--json',
      '-q',
    ]),
};

const PEER = join(__dirname, '../peers/duckdb-suite.cjs');

/** DuckDB's CLI-equivalent run of the same suite on the same CSV: the time `metricsCsv` is held to. */
export const metricsCsvPeer: BenchCase<string> = {
  name: 'peer: DuckDB read_csv_auto + monthly suite + 4 group-bys (end to end)',
  sizes: [100_000, 1_048_576],
  setup: (rows) => salesCsv(rows),
  run: (file) => run([PEER, file, '2025-12-01']),
};

export const buildCsv: BenchCase<string> = {
  name: 'command line: build from CSV, dashboard + review (end to end)',
  sizes: [100_000, 1_048_576],
  setup: (rows) => salesCsv(rows),
  run: (file) => run([BIN, 'build', file, '--out', `${file}.xlsx`, '--as-of', '2025-12-31', '--force', '-q']),
};

/** The rows a sheet holds besides its header. */
const SHEET_DATA_ROWS = 1_048_575;
const workbooks = new Map<number, string>();

/**
 * The same orders as {@link salesCsv} as an `.xlsx` workbook (one `Orders` sheet: real dates,
 * numeric amounts), written once by the streaming sheet writer from a grid that makes each row
 * on demand. A sheet holds 1,048,576 rows with its header, so the largest size has one row less.
 */
function salesWorkbook(rows: number): string {
  const known = workbooks.get(rows);
  if (known) return known;
  const count = Math.min(rows, SHEET_DATA_ROWS);
  const text = readFileSync(salesCsv(rows), 'utf8');
  const lines = text.split('\n', count + 1);
  let at = -1;
  let fields: string[] = [];
  const grid = {
    rowCount: lines.length,
    columnCount: 8,
    cell(row: number, column: number) {
      if (row !== at) {
        fields = lines[row].split(',');
        at = row;
      }
      if (row === 0) return fields[column];
      if (column === 0) return new Date(`${fields[0]}T00:00:00Z`);
      return column === 3 ? Number(fields[3]) : fields[column];
    },
  };
  const path = join(dir, `orders-${rows}.xlsx`);
  writeFileSync(path, dataPackage({ name: 'Orders', grid, formats: { Amount: '#,##0.00' } }).buffer);
  workbooks.set(rows, path);
  return path;
}

/** The target (issue #16): 100,000 rows in 3 s, end to end; the full sheet within memory. */
export const buildXlsx: BenchCase<string> = {
  name: 'command line: build from .xlsx, dashboard + review (end to end)',
  peer: 'command line: build from CSV, dashboard + review (end to end)',
  sizes: [100_000, 1_048_576],
  setup: (rows) => salesWorkbook(rows),
  run: (file) =>
    run([BIN, 'build', file, '--out', `${file}.out.xlsx`, '--as-of', '2025-12-31', '--force', '-q']),
};

/** `review` refreshing the week's sheet of a workbook built from the `.xlsx` (in place, no backup). */
export const reviewXlsx: BenchCase<string> = {
  name: 'command line: review refresh of a built .xlsx (end to end)',
  peer: 'command line: build from .xlsx, dashboard + review (end to end)',
  sizes: [100_000],
  setup: (rows) => {
    const built = `${salesWorkbook(rows)}.review.xlsx`;
    run([BIN, 'build', salesWorkbook(rows), '--out', built, '--as-of', '2025-12-31', '--force', '-q']);
    return built;
  },
  run: (file) => run([BIN, 'review', file, '--as-of', '2025-12-31', '--no-backup', '-q']),
};
