import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('bin/sales-metrics.js', () => {
  it('runs from source with no build step and prints the help', () => {
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
});
