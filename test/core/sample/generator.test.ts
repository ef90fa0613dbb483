import { ingestOrders, ingestPipeline, ingestSpend, ingestTargets } from '../../../src/core/ingest';
import {
  generateOrders,
  generatePipeline,
  generateSpend,
  generateTargets,
  mulberry32,
  ORDERS_HEADER,
  aliasSampler,
} from '../../../src/core/sample';

const orders = generateOrders({ rows: 20_000, seed: 11 });
const body = orders.slice(1);
const column = (name: string) => body.map((r) => r[ORDERS_HEADER.indexOf(name as never)]);

describe('random helpers', () => {
  test('mulberry32 is deterministic and uniform-ish', () => {
    const a = mulberry32(5);
    const b = mulberry32(5);
    const draws = Array.from({ length: 10_000 }, () => a());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });
  test('alias sampler follows the weights', () => {
    const pick = aliasSampler([1, 3, 0]);
    const random = mulberry32(1);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[pick(random)]++;
    expect(counts[2]).toBe(0);
    expect(counts[1] / counts[0]).toBeGreaterThan(2.8);
    expect(counts[1] / counts[0]).toBeLessThan(3.2);
  });
});

describe('generateOrders', () => {
  test('same seed, same sheet; another seed, another sheet', () => {
    expect(generateOrders({ rows: 500, seed: 11 })).toEqual(generateOrders({ rows: 500, seed: 11 }));
    expect(generateOrders({ rows: 500, seed: 12 })).not.toEqual(generateOrders({ rows: 500, seed: 11 }));
  });

  test('a header and exactly the rows asked for, shaped as Excel values', () => {
    expect(orders[0]).toEqual([...ORDERS_HEADER]);
    expect(body).toHaveLength(20_000);
    expect(generateOrders({ rows: 0 })).toHaveLength(1);
    for (const row of body.slice(0, 200)) {
      expect(row).toHaveLength(ORDERS_HEADER.length);
      expect(typeof row[1]).toBe('number');
      expect(typeof row[10]).toBe('number');
      expect(typeof row[2]).toBe('string');
    }
  });

  test('dates are Excel serials of 2023–2025, oldest first', () => {
    const dates = column('Order Date') as number[];
    expect(Math.min(...dates)).toBeGreaterThanOrEqual(44927); // 2023-01-01
    expect(Math.max(...dates)).toBeLessThanOrEqual(46022); // 2025-12-31
    expect(dates.every((d, i) => i === 0 || d >= dates[i - 1])).toBe(true);
  });

  test('the business: 8 regions, 30 reps, 6 channels, 12 categories, refunds ≈ 2%, repeat buyers', () => {
    const distinct = (name: string) => new Set(column(name)).size;
    expect(distinct('Region')).toBe(8);
    expect(distinct('Sales Rep')).toBe(30);
    expect(distinct('Channel')).toBe(6);
    expect(distinct('Category')).toBe(12);
    const amounts = column('Amount') as number[];
    const refunds = amounts.filter((a) => a < 0).length / amounts.length;
    expect(refunds).toBeGreaterThan(0.01);
    expect(refunds).toBeLessThan(0.03);
    const perCustomer = new Map<unknown, number>();
    for (const c of column('Customer')) perCustomer.set(c, (perCustomer.get(c) ?? 0) + 1);
    const counts = [...perCustomer.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThan(10 * counts[counts.length >> 1]); // heavy tail
    const costs = column('Cost') as number[];
    expect(costs.every((c, i) => Math.sign(c) === Math.sign(amounts[i]) || c === 0)).toBe(true);
  });

  test('seasonality: December outsells February; growth: 2025 outsells 2023', () => {
    const byMonth = new Map<string, number>();
    for (const row of body) {
      const date = new Date(Math.round(((row[1] as number) - 25569) * 86400000));
      const key = `${date.getUTCFullYear()}-${date.getUTCMonth() + 1}`;
      byMonth.set(key, (byMonth.get(key) ?? 0) + (row[10] as number));
    }
    expect(byMonth.get('2024-12')!).toBeGreaterThan(byMonth.get('2024-2')!);
    const year = (y: number) =>
      [...byMonth].filter(([k]) => k.startsWith(`${y}-`)).reduce((s, [, v]) => s + v, 0);
    expect(year(2025)).toBeGreaterThan(year(2023));
  });

  test('ingestion reads it without issues and finds every role', () => {
    const result = ingestOrders(orders);
    expect(result.report.rowsSkipped).toBe(0);
    expect(Object.keys(result.table!.mapping).sort()).toEqual([
      'amount',
      'category',
      'channel',
      'cost',
      'customer',
      'date',
      'order_id',
      'product',
      'quantity',
      'region',
      'rep',
      'segment',
    ]);
  });
});

describe('pipeline, spend and targets', () => {
  test('pipeline: won, lost and open deals that ingest cleanly', () => {
    const pipeline = generatePipeline({ rows: 2000, seed: 3 });
    expect(pipeline).toHaveLength(2001);
    const stages = new Set(pipeline.slice(1).map((r) => r[2]));
    expect(stages.has('Won') && stages.has('Lost')).toBe(true);
    const result = ingestPipeline(pipeline);
    expect(result.table!.length).toBe(2000);
    expect(result.table!.mapping).toMatchObject({
      created: 'Created',
      status: 'Stage',
      closed: 'Closed',
      value: 'Value',
    });
  });

  test('spend: one row per month and channel', () => {
    const spend = generateSpend({ seed: 1 });
    expect(spend).toHaveLength(1 + 36 * 6);
    expect(ingestSpend(spend).table!.length).toBe(216);
  });

  test('targets: yearly and quarterly revenue per region, quarters adding up to the year', () => {
    const targets = generateTargets({ seed: 1, orders });
    // 3 years × 8 regions × (a year and 4 quarters), then 3 years × 4 quarters × 30 reps.
    expect(targets).toHaveLength(1 + 3 * 8 * 5 + 3 * 4 * 30);
    const rows = targets.slice(1);
    const year2024 = rows.find((r) => r[1] === '2024' && r[2] === 'Jakarta')![3] as number;
    const quarters = rows
      .filter((r) => String(r[1]).startsWith('2024-Q') && r[2] === 'Jakarta')
      .map((r) => r[3] as number);
    expect(quarters.reduce((a, b) => a + b, 0)).toBeCloseTo(year2024, 6);
    expect(ingestTargets(targets).table!.rows).toHaveLength(480);
  });

  test("targets: quarterly quotas per rep from the rep's own orders of the year before × 1.15", () => {
    const targets = generateTargets({ seed: 1, orders }).slice(1);
    const table = ingestTargets([['Metric', 'Period', 'Region', 'Target', 'Sales Rep'], ...targets]).table!;
    expect(table.mapping).toMatchObject({ rep: 'Sales Rep', region: 'Region', target: 'Target' });
    const reps = table.rows.filter((r) => r.rep !== undefined);
    expect(reps).toHaveLength(360);
    expect(reps.every((r) => r.region === undefined && /^\d{4}-Q[1-4]$/.test(r.period))).toBe(true);
    // A rep's 2024-Q2 quota: the rep's 2023-Q2 orders (the sample's first year) × 1.15 × 0.97–1.03.
    const header = orders[0] as string[];
    const [date, rep, amount] = ['Order Date', 'Sales Rep', 'Amount'].map((h) => header.indexOf(h));
    const name = reps[0].rep!;
    const from = Date.UTC(2023, 3, 1) / 86400000 + 25569;
    const to = Date.UTC(2023, 6, 1) / 86400000 + 25569;
    const actual = orders
      .slice(1)
      .filter((r) => r[rep] === name && (r[date] as number) >= from && (r[date] as number) < to)
      .reduce((s, r) => s + (r[amount] as number), 0);
    const quota = reps.find((r) => r.rep === name && r.period === '2024-Q2')!.target;
    expect(quota).toBeGreaterThanOrEqual(actual * 1.15 * 0.97 - 50);
    expect(quota).toBeLessThanOrEqual(actual * 1.15 * 1.03 + 50);
  });

  test('targets: without orders, quotas share the regional quarter evenly', () => {
    const targets = generateTargets({ seed: 1 }).slice(1);
    const jakarta = targets.find((r) => r[1] === '2023-Q1' && r[2] === 'Jakarta')![3] as number;
    const quotas = targets
      .filter((r) => r[1] === '2023-Q1' && r[4] !== '')
      .slice(0, 4)
      .map((r) => r[3] as number);
    for (const q of quotas) {
      expect(q).toBeGreaterThanOrEqual((jakarta / 4) * 0.9 - 50);
      expect(q).toBeLessThanOrEqual((jakarta / 4) * 1.1 + 50);
    }
  });

  test('pipeline: open deals carry an expected close date 27–63 days after creation, closed ones none', () => {
    const pipeline = generatePipeline({ rows: 2000, seed: 3 });
    const rows = pipeline.slice(1);
    const open = rows.filter((r) => r[3] === '');
    expect(open.length).toBeGreaterThan(0);
    for (const r of open) {
      const days = (r[8] as number) - (r[1] as number);
      expect(days).toBeGreaterThanOrEqual(27);
      expect(days).toBeLessThanOrEqual(63);
    }
    expect(rows.filter((r) => r[3] !== '').every((r) => r[8] === '')).toBe(true);
    expect(ingestPipeline(pipeline).table!.mapping.expected_close).toBe('Expected Close');
  });
});
