import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run';

describe('bin/sales-metrics.js', () => {
  it('runs after npm ci with no build step and prints the help', () => {
    const out = execFileSync(process.execPath, [join(__dirname, '../../bin/sales-metrics.js'), '--help'], {
      encoding: 'utf8',
    });
    expect(out).toMatch(/^Usage: sales-metrics <command> \[options\]/);
    expect(out).toContain('clv');
  });

  it('exits non-zero with a one-line error for an unknown command', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [join(__dirname, '../../bin/sales-metrics.js'), 'nope'], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = (error as { stderr: string }).stderr;
    }
    expect(status).toBe(2);
    expect(stderr).toMatch(/^sales-metrics: unknown command "nope"/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('ends quietly when the reader closes the pipe early', () => {
    const bin = join(__dirname, '../../bin/sales-metrics.js');
    // Far more output than a pipe buffer holds (one JSON row per CDNOW customer), so the write fails.
    const cdnow = join(__dirname, '../../../shared/data/cdnow_sample.txt');
    const errors = join(mkdtempSync(join(tmpdir(), 'epipe-')), 'stderr.txt');
    const script = `"${process.execPath}" "${bin}" clv "${cdnow}" --columns customer,-,date,quantity,amount --json -q 2>"${errors}" | head -c 20`;
    const out = execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' });
    expect(out).toMatch(/^\{\n {2}"bgnbd": \{/);
    expect(readFileSync(errors, 'utf8')).toBe('');
  });

  it('runs the built command line, which loads ExcelJS, JSZip and pg only when a command uses them', () => {
    const bundle = require('../../scripts/cli-bundle.js') as { isFresh: () => boolean; OUT: string };
    execFileSync(process.execPath, [join(__dirname, '../../bin/sales-metrics.js'), '--version']);
    expect(bundle.isFresh()).toBe(true);
    // Which modules a --help run loads, from the built file itself.
    const loaded = execFileSync(
      process.execPath,
      [
        '-e',
        `const m = require(${JSON.stringify(bundle.OUT)});
         m.main(['--help'], { stdout() {}, stderr() {} }).then(() =>
           console.log(Object.keys(require.cache).filter((k) => /node_modules[\\/](exceljs|jszip|pg)[\\/]/.test(k)).length));`,
      ],
      { encoding: 'utf8' },
    );
    expect(loaded.trim()).toBe('0');
  });

  it('reads a large CSV with the worker it starts before loading the command line, and ends without using it', async () => {
    const bin = join(__dirname, '../../bin/sales-metrics.js');
    const csv = join(mkdtempSync(join(tmpdir(), 'bin-large-')), 'orders.csv');
    const lines = ['Order Date,Order ID,Customer,Amount,Region'];
    for (let i = 0; lines.length * 40 < 9 << 20; i++)
      lines.push(
        `2025-0${(i % 9) + 1}-1${i % 10},SO-${String(i >> 1).padStart(8, '0')},C${i % 3001},${i % 997}.5,R${i % 7}`,
      );
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const args = ['metrics', csv, '--period', 'quarter', '--last', '3', '--by', 'Region', '--json', '-q'];
    const fromBin = execFileSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(fromBin).toBe((await runCli(args)).out);
    // A usage error stops before the file is read: the waiting worker does not keep the process.
    let status = 0;
    try {
      execFileSync(process.execPath, [bin, 'metrics', csv, '--as-of', 'someday'], {
        stdio: 'pipe',
        timeout: 20_000,
      });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    expect(status).toBe(2);
  }, 60_000);

  it('keeps V8 code for the built file and runs the same from it', () => {
    const bundle = require('../../scripts/cli-bundle.js') as { OUT: string };
    const bin = join(__dirname, '../../bin/sales-metrics.js');
    // A command that runs the built file (`--help` is answered without it).
    const first = execFileSync(process.execPath, [bin, 'benchmarks'], { encoding: 'utf8' });
    expect(existsSync(`${bundle.OUT}.v8cache`)).toBe(true);
    expect(execFileSync(process.execPath, [bin, 'benchmarks'], { encoding: 'utf8' })).toBe(first);
    // A damaged cache is rejected by V8 and replaced; the run is unaffected.
    writeFileSync(`${bundle.OUT}.v8cache`, 'not code');
    expect(execFileSync(process.execPath, [bin, 'benchmarks'], { encoding: 'utf8' })).toBe(first);
    expect(readFileSync(`${bundle.OUT}.v8cache`).length).toBeGreaterThan(1000);
  });

  it("answers --help, --version and a command's help from saved texts exactly as the command line does", () => {
    const bundle = require('../../scripts/cli-bundle.js') as {
      OUT: string;
      fixedOutput: (argv: string[]) => string | undefined;
    };
    const bin = join(__dirname, '../../bin/sales-metrics.js');
    execFileSync(process.execPath, [bin, 'benchmarks']);
    const written = (argv: string[]) =>
      execFileSync(
        process.execPath,
        [
          '-e',
          `let out = ''; require(${JSON.stringify(bundle.OUT)}).main(${JSON.stringify(argv)}, { stdout: (t) => { out += t; }, stderr() {} }).then(() => process.stdout.write(out));`,
        ],
        { encoding: 'utf8' },
      );
    for (const argv of [
      ['--help'],
      ['-h'],
      ['help'],
      ['--version'],
      ['-v'],
      ['build', '--help'],
      ['help', 'metrics'],
      ['rfm', '-h'],
    ])
      expect(bundle.fixedOutput(argv)).toBe(written(argv));
    // Anything else runs the command line.
    for (const argv of [['help', 'nope'], ['nope', '--help'], ['--help', 'x'], ['metrics'], []])
      expect(bundle.fixedOutput(argv)).toBeUndefined();
  });

  it('prints the same help from the built file as from the sources', () => {
    const fromSources = execFileSync(
      process.execPath,
      [
        '-r',
        'tsx/cjs',
        '-e',
        `require(${JSON.stringify(join(__dirname, '../../src/cli/main.ts'))}).main(['metrics', '--help'])`,
      ],
      { encoding: 'utf8' },
    );
    const built = execFileSync(
      process.execPath,
      [join(__dirname, '../../bin/sales-metrics.js'), 'metrics', '--help'],
      {
        encoding: 'utf8',
      },
    );
    expect(built).toBe(fromSources);
  });
});
