/**
 * One as-of rule on the command line: the latest date in the data unless --as-of is given (the
 * weekly review never past today), the data's dates and the rows after the as-of day reported per
 * table, in text and JSON. Expected figures come from reading the files with plain code here.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA, runCli } from './run';

const SAMPLE = join(__dirname, '../../samples/sales-sample.xlsx');
const CDNOW = [join(DATA, 'cdnow_sample.txt'), '--columns', 'customer,-,date,quantity,amount'];
const CRM = join(DATA, 'crm_sales_pipeline.csv');
/** The tests' clock: 2026-11-28, noon. */
const NOW = new Date(Date.UTC(2026, 10, 28, 12));

async function json(argv: readonly string[], now = NOW): Promise<any> {
  const run = await runCli([...argv, '--json', '-q'], now);
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.err}`);
  return JSON.parse(run.out);
}

const ymd = (d: Date) => d.toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86400000;

/** The CDNOW rows as [customer, YYYY-MM-DD, amount], read with plain string handling. */
function cdnowRows(): [string, string, number][] {
  return readFileSync(join(DATA, 'cdnow_sample.txt'), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [customer, , date, , amount] = line.trim().split(/\s+/);
      return [customer, `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`, Number(amount)];
    });
}

describe('the bundled sample with --as-of 2026-12-05', () => {
  /** Rows of a sample sheet dated after 2026-12-05 and the sheet's first and last date, by ExcelJS. */
  let sheets: Record<string, { rows: number; after: number; first: string; last: string }>;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(SAMPLE);
    sheets = {};
    for (const [name, header] of [
      ['Orders', 'Order Date'],
      ['Pipeline', 'Created'],
      ['Spend', 'Month'],
    ] as const) {
      const sheet = workbook.getWorksheet(name)!;
      const column = (sheet.getRow(1).values as unknown[]).indexOf(header);
      const dates: string[] = [];
      sheet.eachRow((row, r) => {
        if (r > 1) dates.push(ymd(row.getCell(column).value as Date));
      });
      sheets[name] = {
        rows: dates.length,
        after: dates.filter((d) => d > '2026-12-05').length,
        first: dates.reduce((a, b) => (a < b ? a : b)),
        last: dates.reduce((a, b) => (a > b ? a : b)),
      };
    }
  });

  it('counts 974 orders after the as-of day, read but not counted, per table and in total', async () => {
    expect(sheets.Orders.after).toBe(974);
    const doc = await json([
      'metrics',
      SAMPLE,
      '--pipeline',
      SAMPLE,
      '--spend',
      SAMPLE,
      '--as-of',
      '2026-12-05',
      '--last',
      '1',
      '--metrics',
      'revenue',
    ]);
    const [orders, pipeline, spend] = doc.files;
    expect(orders.rows).toEqual({ read: 20000, used: 20000 - 974, skipped: 0, afterAsOf: 974 });
    expect(orders.dataRange).toEqual({ first: sheets.Orders.first, last: sheets.Orders.last });
    expect(orders.dataRange).toEqual({ first: '2024-01-01', last: '2026-12-31' });
    expect(pipeline.rows.afterAsOf).toBe(sheets.Pipeline.after);
    expect(pipeline.rows.read).toBe(sheets.Pipeline.rows);
    expect(spend.rows).toEqual({
      read: sheets.Spend.rows,
      used: sheets.Spend.rows,
      skipped: 0,
      afterAsOf: 0,
    });
    expect(spend.dataRange).toEqual({ first: sheets.Spend.first, last: sheets.Spend.last });
    expect(doc.rows.afterAsOf).toBe(974 + sheets.Pipeline.after);
    expect(doc.afterAsOf).toBe(974 + sheets.Pipeline.after);
    expect([doc.asOf, doc.asOfSource]).toEqual(['2026-12-05', 'given']);
  });

  it('prints the per-table line and where the as-of day came from', async () => {
    const run = await runCli(['metrics', SAMPLE, '--as-of', '2026-12-05', '--last', '1', '-q'], NOW);
    expect(run.out).toMatch(
      /^orders \S*sales-sample\.xlsx \[Orders\]: 20,000 rows read, 19,026 used, 0 skipped, 974 after 2026-12-05 not counted; dates 2024-01-01 … 2026-12-31$/m,
    );
    expect(run.out).toMatch(/^as of 2026-12-05 \(given\)$/m);
  });

  it('defaults to the latest date in the data, 2026-12-31, with nothing after it', async () => {
    const doc = await json(['metrics', SAMPLE, '--last', '1', '--metrics', 'revenue']);
    expect([doc.asOf, doc.asOfSource, doc.afterAsOf]).toEqual(['2026-12-31', 'data', 0]);
    expect(doc.periods.map((p: any) => p.key)).toEqual(['2026-12']);
  });
});

describe('CDNOW (1997-01-01 … 1998-06-30) without --as-of', () => {
  const rows = cdnowRows();
  const last = rows.reduce((a, r) => (r[1] > a ? r[1] : a), '');

  it('is as of 1998-06-30, the latest date in the file, and no month is empty', async () => {
    expect(last).toBe('1998-06-30');
    const doc = await json(['metrics', ...CDNOW, '--metrics', 'revenue,orders']);
    expect([doc.asOf, doc.asOfSource, doc.afterAsOf]).toEqual(['1998-06-30', 'data', 0]);
    expect(doc.dataRange).toEqual({ first: '1997-01-01', last: '1998-06-30' });
    expect(doc.periods.map((p: any) => p.key)).toEqual([
      '1997-07',
      '1997-08',
      '1997-09',
      '1997-10',
      '1997-11',
      '1997-12',
      '1998-01',
      '1998-02',
      '1998-03',
      '1998-04',
      '1998-05',
      '1998-06',
    ]);
    const june = rows.filter((r) => r[1].startsWith('1998-06')).reduce((sum, r) => sum + r[2], 0);
    expect(doc.periods[11].metrics.revenue).toBeCloseTo(june, 6);
    for (const period of doc.periods) expect(period.metrics.revenue).toBeGreaterThan(0);
  });

  it('prints the file line and the as-of line', async () => {
    const run = await runCli(['metrics', ...CDNOW, '--metrics', 'revenue', '-q'], NOW);
    expect(run.out).toMatch(
      /^orders \S*cdnow_sample\.txt: 6,919 rows read, 6,919 used, 0 skipped; dates 1997-01-01 … 1998-06-30$/m,
    );
    expect(run.out).toMatch(/^as of 1998-06-30 \(latest date in the data\)$/m);
  });

  it('judges recency against 1998-06-30: days silent are days since the last order, never 10,830', async () => {
    const doc = await json(['rfm', ...CDNOW]);
    expect([doc.asOf, doc.asOfSource]).toEqual(['1998-06-30', 'data']);
    const lastOrder = new Map<string, string>();
    for (const [customer, date, amount] of rows)
      if (amount >= 0 && date > (lastOrder.get(customer) ?? '')) lastOrder.set(customer, date);
    const silent = [...doc.atRisk, ...doc.lost];
    expect(silent.length).toBeGreaterThan(0);
    for (const c of silent) {
      expect(c.lastOrder).toBe(lastOrder.get(c.id));
      expect(c.daysSinceLastOrder).toBe(daysBetween(c.lastOrder, '1998-06-30'));
    }
    // The longest silence possible in this file: a customer whose last order was on 1997-01-01.
    expect(Math.max(...silent.map((c: any) => c.daysSinceLastOrder))).toBeLessThanOrEqual(545);
    expect(doc.customers.find((c: any) => c.id === '19339').recency).toBe(
      daysBetween(lastOrder.get('19339')!, '1998-06-30'),
    );
  });

  it('prints the file and as-of lines above the RFM segments', async () => {
    const run = await runCli(['rfm', ...CDNOW, '--top', '1', '-q'], NOW);
    const lines = run.out.split('\n');
    expect(lines[0]).toMatch(
      /^orders \S*cdnow_sample\.txt: 6,919 rows read, 6,919 used, 0 skipped; dates 1997-01-01 … 1998-06-30$/,
    );
    expect(lines[1]).toBe('as of 1998-06-30 (latest date in the data)');
    expect(lines[2]).toBe('RFM segments at 1998-06-30 (2,357 customers)');
    expect(run.out).not.toMatch(/1083\d/);
  });

  it('cohorts, goals and clv take the same day', async () => {
    const cohorts = await json(['cohorts', ...CDNOW]);
    expect([cohorts.asOf, cohorts.asOfSource, cohorts.dataRange.last]).toEqual([
      '1998-06-30',
      'data',
      '1998-06-30',
    ]);
    const goals = await json(['goals', ...CDNOW, '--goal', 'metric=revenue,period=1998-06,target=6000']);
    expect([goals.asOf, goals.asOfSource]).toEqual(['1998-06-30', 'data']);
    const june = rows.filter((r) => r[1].startsWith('1998-06')).reduce((sum, r) => sum + r[2], 0);
    expect(goals.goals[0].actualToDate).toBeCloseTo(june, 6);
    const clv = await json(['clv', ...CDNOW, '--time-unit', 'month', '--horizon', '1']);
    expect([clv.asOf, clv.asOfSource, clv.afterAsOf]).toEqual(['1998-06-30', 'data', 0]);
    const calibrated = await json([
      'clv',
      ...CDNOW,
      '--calibration-end',
      '1997-09-30',
      '--time-unit',
      'month',
      '--horizon',
      '1',
    ]);
    expect([calibrated.asOf, calibrated.asOfSource]).toEqual(['1997-09-30', 'given']);
    expect(calibrated.afterAsOf).toBe(rows.filter((r) => r[1] > '1997-09-30').length);
  });

  it('reports the file and the as-of day on stderr for cohorts', async () => {
    const run = await runCli(['cohorts', ...CDNOW], NOW);
    expect(run.err).toContain('as of 1998-06-30 (latest date in the data)');
    expect(run.err).toMatch(
      /cdnow_sample\.txt: 6,919 rows read, 6,919 used, 0 skipped; dates 1997-01-01 … 1998-06-30/,
    );
  });
});

describe('the CRM pipeline (2016–2017) without orders', () => {
  it("is as of the pipeline's latest created or closed date", async () => {
    const lines = readFileSync(CRM, 'utf8').trim().split(/\r?\n/).slice(1);
    const iso = (mdy: string) => {
      const [m, d, y] = mdy.split('/').map(Number);
      return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    };
    let latest = '';
    let first = '9999';
    for (const line of lines) {
      const cells = line.split(',');
      const [engage, close] = [cells[5], cells[6]];
      if (!engage) continue; // a lead without a created date is skipped
      for (const date of [engage, close].filter(Boolean).map(iso)) if (date > latest) latest = date;
      if (iso(engage) < first) first = iso(engage);
    }
    const doc = await json(['metrics', '--pipeline', CRM, '--last', '3', '--metrics', 'leads,win_rate']);
    expect([doc.asOf, doc.asOfSource]).toEqual([latest, 'data']);
    expect(doc.files[0].dataRange).toEqual({ first, last: latest });
    expect(doc.periods.map((p: any) => p.key)).toEqual(['2017-10', '2017-11', '2017-12']);
    expect(doc.totals.leads).toBeGreaterThan(0);
  });
});

describe('data dated after today (clock 2026-11-28)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'as-of-'));
  const csv = join(dir, 'future.csv');
  // Weekly orders from 2026-10-05 to 2027-01-18 (a Monday each), two customers.
  const lines = ['Date,Customer,Amount'];
  for (let t = Date.UTC(2026, 9, 5); t <= Date.UTC(2027, 0, 18); t += 7 * 86400000)
    lines.push(`${ymd(new Date(t))},C${lines.length % 2},100`);
  writeFileSync(csv, lines.join('\n') + '\n');
  const future = lines.slice(1).filter((l) => l.slice(0, 10) > '2026-11-28').length;

  it("builds the dashboard as of the data's last day and this week's review as of today", async () => {
    const out = join(dir, 'future-dashboard.xlsx');
    const run = await runCli(['build', csv, '--out', out, '-q'], NOW);
    expect(run.code).toBe(0);
    expect(run.out).toContain('sheets: Dashboard, Review 2026-W48,');
    expect(run.out).toContain('as of 2027-01-18 (latest date in the data)');
    expect(run.out).toContain('Review 2026-W48 as of 2026-11-28 (today: the data runs later)');

    const review = await runCli(['review', out, '--no-backup', '-q'], NOW);
    expect(review.code).toBe(0);
    expect(review.out).toContain(`"Review 2026-W48" in ${out} (as of 2026-11-28)`);
    expect(review.out).toContain(
      `orders (Data): ${lines.length - 1} rows read, ${lines.length - 1 - future} used, 0 skipped, ${future} after 2026-11-28 not counted; dates 2026-10-05 … 2027-01-18`,
    );
    expect(review.out).toContain('as of 2026-11-28 (today; the data runs to 2027-01-18)');
  });

  it('metrics are as of the latest date even when it is after today', async () => {
    const doc = await json(['metrics', csv, '--last', '1', '--metrics', 'revenue']);
    expect([doc.asOf, doc.asOfSource, doc.afterAsOf]).toEqual(['2027-01-18', 'data', 0]);
  });

  it('a bad --as-of stops before any file is read', async () => {
    const run = await runCli(['metrics', join(dir, 'missing.csv'), '--as-of', '2026-13-01'], NOW);
    expect(run.code).toBe(2);
    expect(run.err).toContain('--as-of must be a date like 2026-11-28, got "2026-13-01"');
  });
});
