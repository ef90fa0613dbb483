import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run';

describe('sales-metrics frame', () => {
  it('prints the command list for --help and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Usage: sales-metrics <command>/);
    expect(run.out).toContain('clv');
    expect(run.err).toBe('');
  });

  it('prints the command list on stderr and exits 2 without a command', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Usage: sales-metrics');
  });

  it('prints a command\'s help for --help, -h and "help <command>", even next to bad flags', async () => {
    for (const argv of [
      ['clv', '--help'],
      ['clv', '-h'],
      ['help', 'clv'],
      ['clv', '--bogus', '--help'],
    ]) {
      const run = await runCli(argv);
      expect(run.code).toBe(0);
      expect(run.out).toContain('Usage: sales-metrics clv ORDERS_FILE');
    }
  });

  it('rejects an unknown command with one line and exit 2', async () => {
    const run = await runCli(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^sales-metrics: unknown command "frobnicate" \(commands: .*\)\n$/);
  });

  it('rejects unknown flags and flags missing their value with one line and exit 2', async () => {
    let run = await runCli(['clv', 'x.csv', '--bogus']);
    expect(run.code).toBe(2);
    expect(run.err).toBe("sales-metrics: unknown option '--bogus'\n");
    run = await runCli(['clv', 'x.csv', '--horizon']);
    expect(run.code).toBe(2);
    expect(run.err.split('\n')).toHaveLength(2);
    expect(run.err).toContain('--horizon');
  });

  it('rejects bad flag values with the flag named', async () => {
    const cases: [string[], RegExp][] = [
      [['clv', 'x.csv', '--horizon', 'ten'], /--horizon must be a whole number from 0 to 1200, got "ten"/],
      [['clv', 'x.csv', '--time-unit', 'fortnight'], /--time-unit must be one of day\|week\|month/],
      [
        ['clv', 'x.csv', '--calibration-end', '1997-02-30'],
        /--calibration-end must be a date like 2026-11-28/,
      ],
      [['clv', 'x.csv', '--discount-rate=-1'], /--discount-rate must be a number from 0 to 10/],
      [
        ['clv', 'x.csv', '--discount-rate', '-1'],
        /option '--discount-rate' argument is ambiguous \(write --discount-rate=-VALUE/,
      ],
      [['clv', 'x.csv', '--columns', 'customer,-,when'], /--columns: "when" is not an orders role/],
      [['clv', 'x.csv', '--map', 'amount'], /--map expects role=Header, got "amount"/],
      [['clv', 'x.csv', '--map', 'price=Total'], /--map: "price" is not an orders role/],
      [
        ['clv', 'x.csv', '--map', 'amount=Total', '--columns', 'date,amount'],
        /use either --columns or --map/,
      ],
      [['clv'], /clv needs an orders file/],
      [['clv', 'a.csv', 'b.csv'], /clv takes one input file, got 2/],
    ];
    for (const [argv, message] of cases) {
      const run = await runCli(argv);
      expect({ argv, code: run.code }).toEqual({ argv, code: 2 });
      expect(run.err).toMatch(message);
      expect(run.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('reports a missing file in one line, exit 1, no stack trace', async () => {
    const run = await runCli(['clv', 'no-such-file.csv']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(
      /^… reading orders from no-such-file.csv\nsales-metrics: file not found: .*no-such-file\.csv\n$/,
    );
    expect(run.err).not.toMatch(/\bat \w/);
  });

  it('reports a corrupt workbook in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const path = join(dir, 'broken.xlsx');
    writeFileSync(path, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    const run = await runCli(['clv', path, '--quiet']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^sales-metrics: .*broken\.xlsx is damaged: the zip package is incomplete/);
    expect(run.err.trim().split('\n')).toHaveLength(1);
  });

  it('reports a file without the required columns in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const path = join(dir, 'notes.csv');
    writeFileSync(path, 'note,owner\nhello,ani\n');
    const run = await runCli(['clv', path, '--quiet']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^sales-metrics: notes\.csv: Could not find the date column/);
    expect(run.err.trim().split('\n')).toHaveLength(1);
  });
});
