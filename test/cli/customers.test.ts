import { join } from 'node:path';
import { DATA, runCli, runJson } from './run';

// customers.csv: A orders 2026-01-05 (100), 02-03 (30), 03-01 (20); B 01-20 (50); C 02-15 (200) and a
// refund 03-10 (−200); D only a refund 03-12 (−10).
describe('sales-metrics cohorts', () => {
  it('builds the monthly matrix by hand-checked counts', async () => {
    const doc = await runJson(['cohorts', 'customers.csv', '--as-of', '2026-03-31']);
    expect(doc.unit).toBe('month');
    expect(doc.asOf).toBe('2026-03-31');
    // Jan cohort {A, B}: A orders in Feb and Mar. Feb cohort {C}: its March refund is not an order. D never ordered.
    expect(doc.cohorts.map((c: any) => [c.key, c.size, c.counts])).toEqual([
      ['2026-01', 2, [2, 1, 1]],
      ['2026-02', 1, [1, 0]],
    ]);
    expect(doc.cohorts[0].shares).toEqual([1, 0.5, 0.5]);
    // Pooled: step 1 = (1 + 0) / (2 + 1); step 2 only the January cohort.
    expect(doc.averageCurve[0]).toBe(1);
    expect(doc.averageCurve[1]).toBeCloseTo(1 / 3, 12);
    expect(doc.averageCurve[2]).toBe(0.5);
  });

  it('adds revenue retention with --measure revenue', async () => {
    const doc = await runJson(['cohorts', 'customers.csv', '--as-of', '2026-03-31', '--measure', 'revenue']);
    // Jan cohort revenue by month: 150, 30, 20; Feb cohort: 200, −200.
    expect(doc.cohorts[0].revenue).toEqual([150, 30, 20]);
    expect(doc.cohorts[1].revenue).toEqual([200, -200]);
  });

  it('prints a retention table', async () => {
    const run = await runCli(['cohorts', 'customers.csv', '--as-of', '2026-03-31', '-q']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^cohort\s+customers\s+\+0\s+\+1\s+\+2$/m);
    expect(run.out).toMatch(/^2026-01\s+2\s+100\.0%\s+50\.0%\s+50\.0%$/m);
    expect(run.out).toMatch(/^2026-02\s+1\s+100\.0%\s+0\.0%$/m);
  });

  it('reads the header-less CDNOW file through --columns: every customer joins in the first quarter of 1997', async () => {
    const doc = await runJson([
      'cohorts',
      join(DATA, 'cdnow_sample.txt'),
      '--columns',
      'customer,-,date,quantity,amount',
      '--as-of',
      '1998-06-30',
      '--period',
      'quarter',
    ]);
    expect(doc.cohorts.map((c: any) => [c.key, c.size])).toEqual([['1997-Q1', 2357]]);
    expect(doc.cohorts[0].counts).toHaveLength(6);
    for (const share of doc.cohorts[0].shares) expect(share).toBeGreaterThanOrEqual(0);
  });
});

describe('sales-metrics rfm', () => {
  it('gives recency, frequency and monetary per customer and at-risk lists', async () => {
    const doc = await runJson(['rfm', 'customers.csv', '--as-of', '2026-05-31']);
    expect(doc.asOf).toBe('2026-05-31');
    const byId = Object.fromEntries(doc.customers.map((c: any) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual(['A', 'B', 'C']);
    expect(doc.refundOnlyCustomers).toBe(1);
    // Recency in days from the last order (refunds are not orders) to 2026-05-31.
    expect([byId.A.recency, byId.B.recency, byId.C.recency]).toEqual([91, 131, 105]);
    expect([byId.A.frequency, byId.B.frequency, byId.C.frequency]).toEqual([3, 1, 1]);
    expect([byId.A.monetary, byId.B.monetary, byId.C.monetary]).toEqual([150, 50, 0]);
    for (const c of doc.customers)
      for (const score of [c.r, c.f, c.m]) expect(score).toBeGreaterThanOrEqual(1);
    expect(doc.segments).toHaveLength(11);
    expect(doc.segments.reduce((sum: number, s: any) => sum + s.customers, 0)).toBe(3);
    // A: order gaps 29 and 26 days (usual 27.5); 91 days silent > 3 × 27.5: lost, not at risk.
    expect(doc.atRisk).toEqual([]);
    expect(doc.lost.map((c: any) => [c.id, c.usualGapDays, c.daysSinceLastOrder])).toEqual([['A', 27.5, 91]]);
    const later = await runJson(['rfm', 'customers.csv', '--as-of', '2026-05-31', '--lost-factor', '4']);
    expect(later.atRisk.map((c: any) => c.id)).toEqual(['A']);
    expect(later.lost).toEqual([]);
    const looser = await runJson(['rfm', 'customers.csv', '--as-of', '2026-05-31', '--risk-factor', '4']);
    expect([looser.atRisk, looser.lost]).toEqual([[], []]);
  });

  it('prints the segment summary and the lists', async () => {
    const run = await runCli(['rfm', 'customers.csv', '--as-of', '2026-05-31', '-q']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('RFM segments at 2026-05-31 (3 customers)');
    expect(run.out).toMatch(/^Champions\s+\d+/m);
    expect(run.out).toContain('At risk: 0 customers');
    expect(run.out).toContain('Lost: 1 customers');
    expect(run.out).toContain('1 customers with only refunds are not scored.');
  });

  it('stops on a --map header that is not in the file, naming the columns', async () => {
    const run = await runCli(['rfm', 'orders.csv', '--map', 'customer=Nope', '-q']);
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      "sales-metrics: --map: customer is mapped to 'Nope', but no column has that header " +
        "(columns: 'Order ID', 'Date', 'Customer', 'Region', 'Amount')\n",
    );
  });

  it('stops on --columns naming more columns than the file has', async () => {
    const run = await runCli([
      'rfm',
      join(DATA, 'cdnow_sample.txt'),
      '--columns',
      'customer,-,date,quantity,-,amount',
      '-q',
    ]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^sales-metrics: --columns: amount is mapped to column 5, which does not exist/);
  });
});
