import { join } from 'node:path';
import { DATA, runCli, runJson } from './run';

const CDNOW = ['clv', join(DATA, 'cdnow_sample.txt'), '--columns', 'customer,-,date,quantity,amount'];

describe('sales-metrics clv', () => {
  it('fits the published BG/NBD parameters on CDNOW (calibration 1997-09-30, weeks) and prints the contract shape', async () => {
    const doc = await runJson([...CDNOW, '--calibration-end', '1997-09-30', '--time-unit', 'week']);
    // Fader, Hardie & Lee (2005): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426.
    expect(doc.bgnbd.r).toBeCloseTo(0.243, 2);
    expect(doc.bgnbd.alpha).toBeCloseTo(4.414, 2);
    expect(doc.bgnbd.a).toBeCloseTo(0.793, 2);
    expect(doc.bgnbd.b).toBeCloseTo(2.426, 2);
    expect(Object.keys(doc.bgnbd).sort()).toEqual(['a', 'alpha', 'b', 'logLikelihood', 'r']);
    expect(Object.keys(doc.gammaGamma).sort()).toEqual(['logLikelihood', 'p', 'q', 'v']);
    // Every CDNOW customer made a first purchase in the first quarter of 1997, so all 2,357 are listed.
    expect(doc.customers).toHaveLength(2357);
    for (const c of doc.customers) {
      expect(Object.keys(c)).toEqual([
        'id',
        'frequency',
        'recency',
        'T',
        'monetary',
        'pAlive',
        'expectedPurchases',
        'expectedSpend',
        'clv',
      ]);
      expect(c.pAlive).toBeGreaterThanOrEqual(0);
      expect(c.pAlive).toBeLessThanOrEqual(1);
    }
    // Customer 00004 (first rows of the file): occasions 1997-01-01, 01-18, 08-02 in calibration → 2 repeats,
    // recency 213 days = 30.43 weeks, T 272 days = 38.86 weeks, monetary (29.73 + 14.96) / 2.
    const c4 = doc.customers.find((c: { id: string }) => c.id === '00004');
    expect(c4.frequency).toBe(2);
    expect(c4.recency).toBeCloseTo(213 / 7, 6);
    expect(c4.T).toBeCloseTo(272 / 7, 6);
    expect(c4.monetary).toBeCloseTo((29.73 + 14.96) / 2, 6);
    // A one-time buyer has no spend of its own but the population mean gives an expected spend.
    const once = doc.customers.find((c: { frequency: number }) => c.frequency === 0);
    expect(typeof once.expectedSpend).toBe('number');
  });

  it('prints a readable summary with the top customers', async () => {
    const run = await runCli([...CDNOW, '--calibration-end', '1997-09-30', '--top', '3']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('BG/NBD        r=0.243 alpha=4.414 a=0.793 b=2.426');
    expect(run.out).toContain('Top 3 customers by CLV');
    const tableLines = run.out.trim().split('\n').slice(-5);
    expect(tableLines[0]).toMatch(/^customer\s+repeat\s+recency/);
    expect(tableLines).toHaveLength(5);
    expect(run.err).toContain('cdnow_sample.txt: 6,919 rows read');
  });

  it('says why when the orders have no customer column', async () => {
    const run = await runCli([
      'clv',
      join(DATA, 'cdnow_sample.txt'),
      '--columns=-,-,date,quantity,amount',
      '-q',
    ]);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      'sales-metrics: clv needs a customer column (use --map customer=Header or --columns)\n',
    );
  });
});
