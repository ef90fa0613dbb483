import * as fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run';

const dir = mkdtempSync(join(tmpdir(), 'robust-'));
let counter = 0;

/** Text that looks a little like a sales file: headers, dates, amounts, junk, quotes, blanks. */
const cell = fc.oneof(
  fc.constantFrom(
    'Date',
    'Amount',
    'Customer',
    'Region',
    'Tanggal',
    'Total',
    '',
    '#N/A',
    '"',
    '""',
    'Rp 1.250,00',
    '(12.50)',
  ),
  fc.constantFrom('2026-01-05', '05/01/2026', '19970101', '45292', 'not a date', '-3', '1e308', 'NaN'),
  fc.string({ maxLength: 6 }),
);
const line = fc
  .array(cell, { minLength: 1, maxLength: 5 })
  .map((cells) => cells.join(fc.sample(fc.constantFrom(',', ';', '\t', ' '), 1)[0]));
const junk = fc
  .array(line, { maxLength: 12 })
  .map((lines) => lines.join(fc.sample(fc.constantFrom('\n', '\r\n', '\r'), 1)[0]));
/** Mostly usable orders with odd cells mixed in, so the commands get past ingestion too. */
const orders = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom('2026-01-05', '2026-02-29', '2026-03-15', '2025-12-31', '', 'x'),
        fc.integer({ min: 45000, max: 46200 }).map(String),
      ),
      fc.constantFrom('C1', 'C2', 'C3', '0012', '', '#N/A'),
      fc.oneof(
        fc.double({ min: -500, max: 5000, noNaN: true }).map((n) => n.toFixed(2)),
        fc.constantFrom('', 'abc', '(12.50)', '$1,250.00'),
      ),
    ),
    { maxLength: 25 },
  )
  .map((rows) => ['Date,Customer,Amount', ...rows.map((r) => r.join(','))].join('\n'));
const fileText = fc.oneof(junk, orders);

describe('the CLI on arbitrary files', () => {
  it('never crashes: exit 0, or 1 with one line on stderr', async () => {
    const codes: number[] = [];
    await fc.assert(
      fc.asyncProperty(
        fileText,
        fc.constantFrom('metrics', 'cohorts', 'rfm', 'clv'),
        async (text, command) => {
          const path = join(dir, `f${counter++}.csv`);
          writeFileSync(path, text);
          const asOf = command === 'clv' ? [] : ['--as-of', '2026-03-31'];
          const run = await runCli([command, path, ...asOf, '--json', '-q']);
          expect([0, 1]).toContain(run.code);
          codes.push(run.code);
          if (run.code === 0) expect(() => JSON.parse(run.out)).not.toThrow();
          else expect(run.err.trim().split('\n')).toHaveLength(1);
          expect(run.err).not.toContain('unexpected error');
        },
      ),
      { numRuns: 120 },
    );
    // Both outcomes were exercised.
    expect(codes).toContain(0);
    expect(codes).toContain(1);
  });

  it('never crashes on random bytes named .xlsx or .csv', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        fc.boolean(),
        fc.boolean(),
        async (bytes, zip, xlsx) => {
          const path = join(dir, `b${counter++}.${xlsx ? 'xlsx' : 'csv'}`);
          writeFileSync(
            path,
            zip
              ? Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(bytes)])
              : Buffer.from(bytes),
          );
          const run = await runCli(['metrics', path, '--json', '-q']);
          expect([0, 1]).toContain(run.code);
          if (run.code !== 0) expect(run.err.trim().split('\n')).toHaveLength(1);
          expect(run.err).not.toContain('unexpected error');
        },
      ),
      { numRuns: 60 },
    );
  });
});
