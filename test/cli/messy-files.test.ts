/**
 * The files people really have, on the command line: exact totals and the notes printed, or the
 * one-line error and exit code 1. Figures are worked out by hand from test/fixtures/ingest.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, runJson } from './run';

const INGEST = join(__dirname, '../fixtures/ingest');
const file = (name: string) => join(INGEST, name);
const YEAR_2026 = ['--period', 'year', '--last', '1', '--as-of', '2026-12-31', '--metrics', 'revenue,orders'];

async function totals(name: string, extra: readonly string[] = []) {
  const doc = await runJson(['metrics', name.startsWith('/') ? name : file(name), ...YEAR_2026, ...extra]);
  return { revenue: doc.totals.revenue, orders: doc.totals.orders, doc };
}

describe('numbers written the Indonesian and European way', () => {
  it("semicolon-ID.csv: 75.000 in a ';' file is 75,000; the note says why and how to read it otherwise", async () => {
    // 75,000 + 125,000 + 450,000 = 650,000 (before: 650, with no note).
    const { revenue, orders, doc } = await totals('semicolon-ID.csv');
    expect(revenue).toBe(650000);
    expect(orders).toBe(3);
    const note =
      "'Total': amounts like 75.000 fit two readings; read with ',' as the decimal separator (75.000 = 75000), " +
      "as the file separates fields with ';' and dates are written day first (to read them the other way: --decimal .).";
    expect(doc.files[0].notes).toContain(note);
    const text = await runCli(['metrics', file('semicolon-ID.csv'), ...YEAR_2026, '-q']);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`  note: ${note}\n`);
    expect(text.out).toMatch(/Revenue +650,000\.00/);
  });

  it('--decimal . reads the same file as decimals, without the note', async () => {
    const { revenue, doc } = await totals('semicolon-ID.csv', ['--decimal', '.']);
    expect(revenue).toBe(650);
    expect(doc.files[0].notes.some((n: string) => n.includes('fit two readings'))).toBe(false);
  });

  it('idr-words.csv: "IDR 75,000" is 75,000', async () => {
    // 75,000 + 125,000 + 50,000 + 1,250,000 = 1,500,000 (before: 1,300,200).
    const { revenue, doc } = await totals('idr-words.csv');
    expect(revenue).toBe(1500000);
    expect(doc.files[0].notes).toContain(
      "'Amount': amounts like IDR 75,000 read as 75000, as amounts in IDR carry no cents " +
        "('.' or ',' before three digits groups thousands) (to read them the other way: --decimal ,).",
    );
  });

  it('other commands print the note on stderr, with the file name', async () => {
    const run = await runCli(['rfm', file('semicolon-ID.csv'), '--as-of', '2026-10-31']);
    expect(run.code).toBe(0);
    expect(run.err).toContain("… semicolon-ID.csv: 'Total': amounts like 75.000 fit two readings;");
  });

  it('--decimal takes only a comma or a point', async () => {
    const run = await runCli(['metrics', file('semicolon-ID.csv'), '--decimal', 'x']);
    expect(run.code).toBe(2);
    expect(run.err).toBe('sales-metrics: --decimal must be "," or ".", got "x"\n');
  });
});

describe('rows that are not orders', () => {
  it('total-row.csv: Subtotal, a keyless sum and Grand Total are skipped and listed', async () => {
    // 100 + 250 + 150 + 50 = 550 from 4 orders (before: 1,650 from 7 rows).
    const { revenue, orders, doc } = await totals('total-row.csv');
    expect(revenue).toBe(550);
    expect(orders).toBe(4);
    expect(doc.rows).toEqual({ read: 7, used: 4, skipped: 3, afterAsOf: 0 });
    const text = await runCli(['metrics', file('total-row.csv'), ...YEAR_2026, '-q']);
    expect(text.out).toContain(
      [
        'first issues (3 rows skipped):',
        "  row 4, Customer: a total row ('Subtotal'), not an order",
        '  row 7, Amount: a total row: no order id or customer, and 200 is the sum of the 2 rows above it',
        "  row 8, Customer: a total row ('Grand Total'), not an order",
      ].join('\n'),
    );
  });

  it('unquoted-thousands.csv: the row split at 1,000 is skipped, not read as 1', async () => {
    // 250 + 2,500 = 2,750 (before: 2,751).
    const { revenue, doc } = await totals('unquoted-thousands.csv');
    expect(revenue).toBe(2750);
    expect(doc.issues).toEqual([
      {
        row: 2,
        column: 'Column E',
        value: '000',
        reason: 'more fields than the header (5 for 4): an unquoted 1,000?',
      },
    ]);
  });

  it('build from unquoted-thousands.csv skips the split row too', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'messy-build-')), 'book.xlsx');
    const run = await runCli([
      'build',
      file('unquoted-thousands.csv'),
      '--out',
      out,
      '--as-of',
      '2026-12-31',
    ]);
    expect(run.code).toBe(0);
    expect(run.err + run.out).toContain(
      '1 skipped (first: row 2 Column E: more fields than the header (5 for 4): an unquoted 1,000?)',
    );
  });

  it('title-rows.csv: the header under the title lines is found', async () => {
    const { revenue, doc } = await totals('title-rows.csv');
    expect(revenue).toBe(300);
    expect(doc.mapping).toEqual({ date: 'Tanggal', amount: 'Total', customer: 'Pelanggan', rep: 'Sales' });
  });

  it('excel-serial-dates.csv: 46000 is 2025-12-09', async () => {
    // 100 (2025-12-09) + 200 (2025-12-10) + 300 (2025-12-11) = 600 (before: 300, two rows skipped).
    const doc = await runJson([
      'metrics',
      file('excel-serial-dates.csv'),
      '--period',
      'month',
      '--last',
      '1',
      '--metrics',
      'revenue',
    ]);
    expect(doc.periods[0].key).toBe('2025-12');
    expect(doc.totals.revenue).toBe(600);
    expect(doc.files[0].notes).toContain(
      "'Date': numbers like 46000 read as Excel serial dates (46000 = 2025-12-09).",
    );
  });
});

describe('duplicate-headers.csv: two Amount columns', () => {
  it('reads the first and says how to choose the other', async () => {
    const { revenue, doc } = await totals('duplicate-headers.csv');
    expect(revenue).toBe(300);
    expect(doc.files[0].notes).toContain(
      "'Amount' heads columns C and E (named 'Amount' and 'Amount (2)'); amount is read from C " +
        '(to read it from E: --map amount="Amount (2)").',
    );
  });

  it.each(['amount=Amount (2)', 'amount=Column E'])(
    '--map %s reads the second (90 + 180 = 270)',
    async (map) => {
      const { revenue } = await totals('duplicate-headers.csv', ['--map', map]);
      expect(revenue).toBe(270);
    },
  );
});

describe('a file with no usable rows', () => {
  it.each([
    ['metrics', []],
    ['rfm', []],
    ['cohorts', []],
    ['clv', ['--calibration-end', '2026-10-31']],
    ['goals', ['--goal', 'metric=revenue,period=2026,target=1000']],
  ])('%s exits 1 with one line', async (command, extra) => {
    const run = await runCli([command, file('no-usable-rows.csv'), ...extra, '-q']);
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toBe(
      'sales-metrics: no-usable-rows.csv: no usable rows in this orders table ' +
        "(3 read, all skipped; first: row 2, Date: 'not yet' is not a date)\n",
    );
  });

  it('a header without rows exits 1 too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'messy-cli-'));
    writeFileSync(join(dir, 'empty.csv'), 'Date,Customer,Amount\n');
    const run = await runCli(['metrics', join(dir, 'empty.csv'), '-q']);
    expect(run.code).toBe(1);
    expect(run.err).toBe('sales-metrics: empty.csv: no rows below the header in this orders table\n');
  });
});

describe('control characters from a file never reach the terminal raw', () => {
  it('headers and reasons are printed with escapes; JSON reads back the same text', async () => {
    const run = await runCli(['metrics', file('control-chars.csv'), ...YEAR_2026, '--by', 'region', '-q']);
    expect(run.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- looking for raw control characters
    expect(run.out + run.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(run.out).toContain('region=Region\\u0007');
    expect(run.out).toContain("row 3, Date: '\\u001B]0;pwned\\u0007' is not a date");
    const doc = await runJson(['metrics', file('control-chars.csv'), ...YEAR_2026]);
    expect(doc.mapping.region).toBe('Region\u0007');
    expect(doc.issues[0].value).toBe('\u001b]0;pwned\u0007');
  });

  it('an error line naming a header is escaped too', async () => {
    const run = await runCli(['metrics', file('control-chars.csv'), '--map', 'amount=Nope\u001b[2J', '-q']);
    expect(run.code).toBe(2);
    expect(run.err).toContain("amount is mapped to 'Nope\\u001B[2J'");
    expect(run.err).toContain("'Region\\u0007'");
  });
});

describe('a CSV wider than a sheet', () => {
  it('is read with a one-line note that columns after XFD are not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'messy-cli-'));
    const extra = Array.from({ length: 16_390 - 2 }, (_, i) => `c${i}`);
    const rows = ['2026-03-01,100', '2026-03-02,250'].map((r) => `${r},${extra.map(() => 1).join(',')}`);
    writeFileSync(join(dir, 'wide.csv'), [`Order Date,Amount,${extra.join(',')}`, ...rows].join('\n'));
    const { revenue, doc } = await totals(join(dir, 'wide.csv'));
    expect(revenue).toBe(350);
    expect(doc.files[0].notes).toContain(
      "rows have up to 16,390 fields; only the first 16,384 columns (A to XFD, a sheet's width) are read.",
    );
  });
});
