import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA, runCli, runJson } from './run';

const AS_OF_Q1 = ['--as-of', '2026-03-31', '--last', '3'];

/** Checks the issue-3 contract: keys and value shapes. */
function expectContractShape(doc: any): void {
  expect(Object.keys(doc).slice(0, 6)).toEqual([
    'rows',
    'issues',
    'mapping',
    'periods',
    'breakdowns',
    'totals',
  ]);
  expect(Object.keys(doc.rows)).toEqual(['read', 'used', 'skipped', 'afterAsOf']);
  for (const issue of doc.issues) expect(Object.keys(issue)).toEqual(['row', 'column', 'value', 'reason']);
  const isValue = (v: unknown) =>
    typeof v === 'number' ||
    (typeof v === 'object' &&
      v !== null &&
      Object.keys(v).join() === 'error,reason' &&
      /^#(DIV\/0!|N\/A|VALUE!|NUM!)$/.test((v as any).error));
  for (const period of doc.periods) {
    expect(Object.keys(period)).toEqual(
      period.partial
        ? ['key', 'start', 'end', 'partial', 'days', 'daysInPeriod', 'to', 'metrics', 'growth', 'yoy']
        : ['key', 'start', 'end', 'partial', 'metrics', 'growth', 'yoy'],
    );
    for (const change of [period.growth, period.yoy]) {
      expect(Object.keys(change)).toEqual(['likeForLike', 'comparedWith', 'metrics']);
      expect(Object.keys(change.comparedWith)).toEqual(['key', 'from', 'to']);
      for (const value of Object.values(change.metrics)) expect(isValue(value)).toBe(true);
    }
    expect(period.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const value of Object.values(period.metrics)) expect(isValue(value)).toBe(true);
  }
  for (const value of Object.values(doc.totals)) expect(isValue(value)).toBe(true);
  for (const rows of Object.values(doc.breakdowns) as any[]) {
    for (const row of rows) {
      expect(typeof row.key).toBe('string');
      for (const value of Object.values(row.metrics)) expect(isValue(value)).toBe(true);
    }
  }
}

describe('sales-metrics metrics on a hand-checked orders file', () => {
  // orders.csv: Jan A1 C1 100, A2 C2 50; Feb A3 C1 200, A4 C3 1,000, A5 C3 refund −100; Mar A6 C2 80;
  // A7 has an unreadable date (row 8).
  let doc: any;
  beforeAll(async () => {
    doc = await runJson(['metrics', 'orders.csv', ...AS_OF_Q1, '--by', 'region']);
  });

  it('follows the JSON contract', () => {
    expectContractShape(doc);
  });

  it('counts rows and lists the skipped one as the user sees it', () => {
    expect(doc.rows).toEqual({ read: 7, used: 6, skipped: 1, afterAsOf: 0 });
    expect(doc.issues).toEqual([
      { row: 8, column: 'Date', value: 'not a date', reason: expect.stringContaining('not a date') },
    ]);
    expect(doc.mapping).toEqual({
      date: 'Date',
      amount: 'Amount',
      order_id: 'Order ID',
      customer: 'Customer',
      region: 'Region',
    });
  });

  it("gives each month's revenue, orders, AOV, customers and retention", () => {
    expect(doc.periods.map((p: any) => [p.key, p.start, p.end])).toEqual([
      ['2026-01', '2026-01-01', '2026-02-01'],
      ['2026-02', '2026-02-01', '2026-03-01'],
      ['2026-03', '2026-03-01', '2026-04-01'],
    ]);
    const pick = (id: string) => doc.periods.map((p: any) => p.metrics[id]);
    expect(pick('revenue')).toEqual([150, 1100, 80]);
    expect(pick('orders')).toEqual([2, 2, 1]); // the refund-only row is not an order
    expect(pick('aov')).toEqual([75, 550, 80]);
    expect(pick('customers')).toEqual([2, 2, 1]);
    expect(pick('new_customers')).toEqual([2, 1, 0]);
    // Feb keeps C1 of {C1, C2}; Mar keeps none of {C1, C3}.
    expect(pick('retention_rate').slice(1)).toEqual([0.5, 0]);
    expect(pick('retention_rate')[0]).toMatchObject({ error: '#DIV/0!' });
    expect(pick('units')[0]).toMatchObject({ error: '#N/A', reason: expect.stringContaining('quantity') });
  });

  it('totals the three months and breaks the as-of month down by region with share and growth', () => {
    expect(doc.totals.revenue).toBe(1330);
    expect(doc.totals.orders).toBe(5);
    expect(doc.totals.aov).toBe(266);
    const regions = Object.fromEntries(doc.breakdowns.region.map((r: any) => [r.key, r]));
    expect(Object.keys(regions).sort()).toEqual(['North', 'South']);
    // March: only A6 (North, 80). February: North 200, South 1,000 − 100.
    expect(regions.North.metrics.revenue).toBe(80);
    expect(regions.North.share.revenue).toBe(1);
    expect(regions.North.growth.revenue).toBeCloseTo(80 / 200 - 1, 12);
    expect(regions.South.metrics.revenue).toBe(0);
    expect(regions.South.growth.revenue).toBe(-1);
    expect(regions.North.share.aov).toBeNull(); // a ratio has no share of a total
    expect(Object.keys(regions.North.metrics)).toEqual([
      'revenue',
      'orders',
      'aov',
      'customers',
      'new_customers',
    ]);
  });

  it('breakdown rows add up to the period total (revenue partition)', async () => {
    const feb = await runJson([
      'metrics',
      'orders.csv',
      '--as-of',
      '2026-02-28',
      '--last',
      '1',
      '--by',
      'region',
      '--by',
      'Customer',
      '--metrics',
      'revenue,orders',
    ]);
    for (const dimension of ['region', 'Customer']) {
      const sum = feb.breakdowns[dimension].reduce((total: number, r: any) => total + r.metrics.revenue, 0);
      expect(sum).toBeCloseTo(feb.periods[0].metrics.revenue, 9);
    }
    const top1 = await runJson([
      'metrics',
      'orders.csv',
      '--as-of',
      '2026-02-28',
      '--last',
      '1',
      '--by',
      'Customer',
      '--top',
      '1',
      '--metrics',
      'revenue',
    ]);
    // C3 (1,000 − 100) first, then C1 (200) gathered as Others.
    expect(top1.breakdowns.Customer.map((r: any) => [r.key, r.metrics.revenue])).toEqual([
      ['C3', 900],
      ['Others', 200],
    ]);
  });

  it('ignores orders after the as-of date', async () => {
    const feb = await runJson([
      'metrics',
      'orders.csv',
      '--as-of',
      '2026-02-10',
      '--last',
      '2',
      '--metrics',
      'revenue',
    ]);
    expect(feb.periods.map((p: any) => p.metrics.revenue)).toEqual([150, 1200]);
    // A5 (Feb 11) and A6 (Mar 1) are read but dated after the as-of day.
    expect(feb.rows).toEqual({ read: 7, used: 4, skipped: 1, afterAsOf: 2 });
    expect(feb.files[0].rows).toEqual({ read: 7, used: 4, skipped: 1, afterAsOf: 2 });
    expect(feb.files[0].dataRange).toEqual({ first: '2026-01-05', last: '2026-03-01' });
    expect([feb.asOf, feb.asOfSource, feb.afterAsOf]).toEqual(['2026-02-10', 'given', 2]);
  });

  it('prints an aligned table without --json', async () => {
    const run = await runCli([
      'metrics',
      'orders.csv',
      ...AS_OF_Q1,
      '--metrics',
      'revenue,orders,aov',
      '--by',
      'region',
    ]);
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    const header = lines.findIndex((line) => line.startsWith('metric'));
    expect(lines[header]).toMatch(/^metric\s+2026-01\s+2026-02\s+2026-03\s+growth\s+yoy\s+total$/);
    // March against February: 80 / 1,100 − 1; no revenue in March 2025.
    expect(lines[header + 2]).toMatch(/^Revenue\s+150\.00\s+1,100\.00\s+80\.00\s+-92\.7%\s+#DIV\/0!\s+1,330\.00$/);
    expect(run.out).toContain('growth and yoy: 2026-03 against 2026-02 and against 2025-03');
    // Right-aligned columns end at the same place.
    expect(lines[header + 2].length).toBe(lines[header].length);
    expect(run.out).toContain('by region, 2026-03 (share and growth of revenue)');
    expect(run.out).toMatch(/^North\s+80\.00\s+1\s+80\.00\s+100\.0%\s+-60\.0%$/m);
    expect(run.out).toContain("row 8, Date: 'not a date' is not a date");
  });

  it('adds the marketing metrics with --spend', async () => {
    const withSpend = await runJson([
      'metrics',
      'orders.csv',
      ...AS_OF_Q1,
      '--spend',
      'spend.csv',
      '--metrics',
      'cac,marketing_roi',
    ]);
    // CAC = spend / new customers: Jan 300 / 2, Feb 200 / 1; Mar has no new customer.
    expect(withSpend.periods.map((p: any) => p.metrics.cac)).toEqual([
      150,
      200,
      expect.objectContaining({ error: '#DIV/0!' }),
    ]);
    // ROI = (revenue − spend) / spend with margin 1: Jan (150 − 300) / 300.
    expect(withSpend.periods[0].metrics.marketing_roi).toBeCloseTo(-0.5, 12);
    expect(withSpend.rows).toEqual({ read: 10, used: 9, skipped: 1, afterAsOf: 0 });
    expect(withSpend.files.map((f: any) => f.kind)).toEqual(['orders', 'spend']);
  });
});

describe('sales-metrics metrics on other inputs', () => {
  it('reads Indonesian headers, d/m/y dates and rupiah text; keeps 0012 as a customer id', async () => {
    const doc = await runJson([
      'metrics',
      'penjualan.csv',
      '--as-of',
      '2026-02-28',
      '--last',
      '2',
      '--by',
      'Pelanggan',
      '--metrics',
      'revenue,customers',
    ]);
    expect(doc.mapping).toMatchObject({ date: 'Tanggal', customer: 'Pelanggan', amount: 'Total' });
    expect(doc.periods.map((p: any) => p.metrics.revenue)).toEqual([2000000, 500000]);
    expect(doc.breakdowns.Pelanggan.map((r: any) => r.key).sort()).toEqual(['0012', '0013']);
  });

  it('reads the chosen sheet of a workbook with Date cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'metrics-'));
    const path = join(dir, 'sales.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Cover').getCell('A1').value = 'Quarterly sales';
    const sheet = wb.addWorksheet('Data');
    sheet.addRow(['Date', 'Amount', 'Rep']);
    sheet.addRow([new Date(Date.UTC(2026, 0, 5)), 100, 'Ani']);
    sheet.addRow([new Date(Date.UTC(2026, 1, 5)), 40, 'Budi']);
    sheet.addRow([new Date(Date.UTC(2026, 1, 6)), 60, 'Ani']);
    await wb.xlsx.writeFile(path);
    const picked = await runJson([
      'metrics',
      path,
      '--as-of',
      '2026-02-28',
      '--last',
      '2',
      '--metrics',
      'revenue',
      '--by',
      'rep',
    ]);
    expect(picked.files[0].sheet).toBe('Data');
    expect(picked.periods.map((p: any) => p.metrics.revenue)).toEqual([100, 100]);
    // February: Ani 60 of 100.
    expect(picked.breakdowns.rep.find((r: any) => r.key === 'Ani').metrics.revenue).toBe(60);
    expect(picked.breakdowns.rep.find((r: any) => r.key === 'Ani').share.revenue).toBe(0.6);
    const missing = await runCli(['metrics', path, '--sheet', 'Orders', '-q']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no sheet named "Orders" in .*sales\.xlsx \(sheets: "Cover", "Data"\)/);
  });

  it('maps columns with --map and reads periods by quarter in a fiscal year', async () => {
    const doc = await runJson([
      'metrics',
      'orders.csv',
      '--map',
      'amount=Amount',
      '--map',
      'customer=Order ID',
      '--period',
      'quarter',
      '--fiscal-start',
      '2',
      '--as-of',
      '2026-03-31',
      '--last',
      '2',
      '--metrics',
      'revenue,customers',
    ]);
    expect(doc.mapping.customer).toBe('Order ID');
    // Fiscal years starting in February: Nov–Jan is FY2026 Q4, Feb–Apr is FY2027 Q1.
    expect(doc.periods.map((p: any) => [p.key, p.start])).toEqual([
      ['FY2026-Q4', '2025-11-01'],
      ['FY2027-Q1', '2026-02-01'],
    ]);
    expect(doc.periods.map((p: any) => p.metrics.revenue)).toEqual([150, 1180]);
    expect(doc.periods.map((p: any) => p.metrics.customers)).toEqual([2, 3]);
  });

  it("maps side-table columns with a table prefix, and the pipeline's own with no prefix when it is the only file", async () => {
    // Spend mapped explicitly: "Channel" as the spend channel, the orders keep their detection.
    const doc = await runJson([
      'metrics',
      'orders.csv',
      '--spend',
      'spend.csv',
      '--map',
      'spend.spend=Spend',
      '--map',
      'spend.date=Month',
      '--as-of',
      '2026-01-31',
      '--last',
      '1',
      '--metrics',
      'cac',
    ]);
    expect(doc.periods[0].metrics.cac).toBe(150);
    const pipeline = await runJson([
      'metrics',
      '--pipeline',
      join(DATA, 'crm_sales_pipeline.csv'),
      '--map',
      'value=close_value',
      '--as-of',
      '2017-06-30',
      '--last',
      '1',
      '--metrics',
      'avg_deal_size',
    ]);
    expect(pipeline.mapping.value).toBe('close_value');
    const bad = await runCli(['metrics', 'orders.csv', '--map', 'spend.budget=Spend', '-q']);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(
      'sales-metrics: --map: "budget" is not a spend role (roles: date, spend, channel, end, period)\n',
    );
    const table = await runCli(['metrics', 'orders.csv', '--map', 'ledger.amount=Amount', '-q']);
    expect(table.err).toMatch(/"ledger" is not a table \(use orders\., pipeline\., spend\., targets\.\)/);
  });

  it('rejects bad period flags, unknown metrics and unknown dimensions', async () => {
    const cases: [string[], RegExp, number][] = [
      [
        ['metrics', 'orders.csv', '--period', 'decade'],
        /--period must be one of day\|week\|month\|quarter\|year/,
        2,
      ],
      [
        ['metrics', 'orders.csv', '--fiscal-start', '13'],
        /--fiscal-start must be a whole number from 1 to 12/,
        2,
      ],
      [['metrics', 'orders.csv', '--as-of', '28/11/2026'], /--as-of must be a date like 2026-11-28/, 2],
      [
        ['metrics', 'orders.csv', '--metrics', 'revenue,happiness'],
        /--metrics: unknown metric "happiness"/,
        2,
      ],
      [
        ['metrics', 'orders.csv', '--by', 'planet'],
        /--by planet: no column or role named 'planet' \(roles: region, customer; headers: Region, Customer\)/,
        2,
      ],
      [['metrics'], /metrics needs an orders file or --pipeline F/, 2],
      [['metrics', '--spend', 'spend.csv'], /metrics needs an orders file or --pipeline F/, 2],
      [['metrics', 'missing.csv'], /file not found: .*missing\.csv/, 1],
    ];
    for (const [argv, message, code] of cases) {
      const run = await runCli([...argv, '-q']);
      expect({ argv, code: run.code }).toEqual({ argv, code });
      expect(run.err).toMatch(message);
      expect(run.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('starts weeks on the day --week-start names', async () => {
    const sunday = await runJson([
      'metrics',
      'orders.csv',
      '--period',
      'week',
      '--week-start',
      'sunday',
      '--as-of',
      '2026-01-10',
      '--last',
      '1',
      '--metrics',
      'revenue',
    ]);
    expect(sunday.periods.map((p: any) => [p.start, p.end, p.metrics.revenue])).toEqual([
      ['2026-01-04', '2026-01-11', 100],
    ]);
    const iso = await runJson([
      'metrics',
      'orders.csv',
      '--period',
      'week',
      '--as-of',
      '2026-01-10',
      '--last',
      '1',
      '--metrics',
      'revenue',
    ]);
    expect(iso.periods.map((p: any) => [p.key, p.start])).toEqual([['2026-W02', '2026-01-05']]);
    const bad = await runCli(['metrics', 'orders.csv', '--week-start', '8', '-q']);
    expect(bad.code).toBe(2);
  });

  it('defaults the as-of day to the latest date in the data (not the clock) and the period to month', async () => {
    const run = await runCli(
      ['metrics', 'orders.csv', '--json', '-q', '--last', '1', '--metrics', 'revenue'],
      new Date(2027, 7, 15, 12),
    );
    const doc = JSON.parse(run.out);
    expect(doc.periods.map((p: any) => p.key)).toEqual(['2026-03']);
    expect([doc.asOf, doc.asOfSource, doc.dataRange]).toEqual([
      '2026-03-01',
      'data',
      { first: '2026-01-05', last: '2026-03-01' },
    ]);
  });
});

describe('sales-metrics metrics --pipeline on the CRM sample', () => {
  /** m/d/yyyy → epoch day, independently of the engine. */
  const day = (text: string) => {
    const [m, d, y] = text.split('/').map(Number);
    return Date.UTC(y, m - 1, d) / 86400000;
  };

  it('matches win rate, average won deal and cycle length computed with plain loops', async () => {
    const doc = await runJson([
      'metrics',
      '--pipeline',
      join(DATA, 'crm_sales_pipeline.csv'),
      '--as-of',
      '2017-12-31',
      '--last',
      '3',
      '--metrics',
      'win_rate,avg_deal_size,sales_cycle_days,leads',
    ]);
    expectContractShape(doc);
    expect(doc.mapping).toMatchObject({
      created: 'engage_date',
      status: 'deal_stage',
      closed: 'close_date',
      value: 'close_value',
    });
    const lines = readFileSync(join(DATA, 'crm_sales_pipeline.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    const rows = lines.map((line) => line.split(','));
    // 500 opportunities have no engage date (Prospecting): they cannot be placed in time.
    expect(doc.rows.read).toBe(8800);
    expect(doc.rows.skipped).toBe(rows.filter((r) => r[5] === '').length);
    for (const period of doc.periods) {
      const [y, m] = period.key.split('-').map(Number);
      const start = Date.UTC(y, m - 1, 1) / 86400000;
      const end = Date.UTC(y, m, 1) / 86400000;
      let won = 0;
      let lost = 0;
      let wonValue = 0;
      let cycle = 0;
      let leads = 0;
      for (const r of rows) {
        if (r[5] !== '' && day(r[5]) >= start && day(r[5]) < end) leads++;
        if (r[5] === '' || r[6] === '') continue;
        const closed = day(r[6]);
        if (closed < start || closed >= end) continue;
        if (r[4] === 'Won') {
          won++;
          wonValue += Number(r[7]);
          cycle += closed - day(r[5]);
        } else if (r[4] === 'Lost') {
          lost++;
        }
      }
      expect(period.metrics.leads).toBe(leads);
      expect(period.metrics.win_rate).toBeCloseTo(won / (won + lost), 12);
      expect(period.metrics.avg_deal_size).toBeCloseTo(wonValue / won, 9);
      expect(period.metrics.sales_cycle_days).toBeCloseTo(cycle / won, 9);
    }
  });
  it('breaks the pipeline down by rep: leads and win rate per rep match plain loops', async () => {
    const doc = await runJson([
      'metrics',
      '--pipeline',
      join(DATA, 'crm_sales_pipeline.csv'),
      '--as-of',
      '2017-06-30',
      '--last',
      '1',
      '--by',
      'rep',
      '--metrics',
      'leads,win_rate',
    ]);
    const rows = readFileSync(join(DATA, 'crm_sales_pipeline.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(','));
    const start = Date.UTC(2017, 5, 1) / 86400000;
    const end = Date.UTC(2017, 6, 1) / 86400000;
    const inJune = (text: string) => text !== '' && day(text) >= start && day(text) < end;
    const byRep = Object.fromEntries(doc.breakdowns.rep.map((r: any) => [r.key, r.metrics]));
    const reps = [...new Set(rows.map((r) => r[1]))];
    let checked = 0;
    for (const rep of reps) {
      const own = rows.filter((r) => r[1] === rep && r[5] !== '');
      const leads = own.filter((r) => inJune(r[5])).length;
      const closed = own.filter((r) => inJune(r[6]));
      const won = closed.filter((r) => r[4] === 'Won').length;
      const lost = closed.filter((r) => r[4] === 'Lost').length;
      if (!byRep[rep]) {
        expect(leads + won + lost).toBe(0);
        continue;
      }
      expect(byRep[rep].leads).toBe(leads);
      if (won + lost > 0) expect(byRep[rep].win_rate).toBeCloseTo(won / (won + lost), 12);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});
