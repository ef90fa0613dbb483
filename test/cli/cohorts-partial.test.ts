/**
 * The cohort matrix as of a day inside its last period: that period's cells (the last diagonal)
 * are marked and left out of the average curve.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA, runCli, runJson } from './run';

// customers.csv: A orders 2026-01-05 (100), 02-03 (30), 03-01 (20); B 01-20 (50); C 02-15 (200) and a
// refund 03-10 (−200); D only a refund 03-12 (−10).
describe('sales-metrics cohorts with a partial last period', () => {
  it('flags the cells of the month to date and averages complete cells only (--json)', async () => {
    const doc = await runJson(['cohorts', 'customers.csv', '--as-of', '2026-03-15']);
    expect(doc.partialPeriod).toEqual({ key: '2026-03', days: 15, daysInPeriod: 31, to: '2026-03-15' });
    expect(doc.cohorts.map((c: any) => [c.key, c.counts, c.partial])).toEqual([
      ['2026-01', [2, 1, 1], [false, false, true]],
      ['2026-02', [1, 0], [false, true]],
    ]);
    // Step 1: January's February only (1 of 2); February's March to date is left out (with it: 1 of 3).
    // Step 2 is only January's March to date: the curve stops before it (it read 0.5).
    expect(doc.averageCurve).toEqual([1, 0.5]);
  });

  it('is not partial on the last day of the month', async () => {
    const doc = await runJson(['cohorts', 'customers.csv', '--as-of', '2026-03-31']);
    expect(doc.partialPeriod).toBeNull();
    expect(doc.cohorts[0].partial).toEqual([false, false, false]);
  });

  it('marks the cells with * and explains them under the table', async () => {
    const run = await runCli(['cohorts', 'customers.csv', '--as-of', '2026-03-15', '-q']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^2026-01\s+2\s+100\.0%\s+50\.0%\s+50\.0%\*$/m);
    expect(run.out).toMatch(/^2026-02\s+1\s+100\.0%\s+0\.0%\*$/m);
    expect(run.out).toMatch(/^average\s+3\s+100\.0%\s+50\.0%$/m);
    expect(run.out).toContain(
      '* 2026-03 to date: 15 of 31 days (to 2026-03-15); its cells are counted to date and left out of the average',
    );
    const complete = await runCli(['cohorts', 'customers.csv', '--as-of', '2026-03-31', '-q']);
    expect(complete.out).not.toContain('*');
  });

  it('CDNOW as of 1998-06-15: June 1998 is partial and out of the average, by plain loops', async () => {
    const doc = await runJson([
      'cohorts',
      join(DATA, 'cdnow_sample.txt'),
      '--columns',
      'customer,-,date,quantity,amount',
      '--as-of',
      '1998-06-15',
    ]);
    // Plain loops over the file: cohort = month of first order (amount ≥ 0) up to 1998-06-15.
    const months = new Map<string, Set<number>>();
    for (const line of readFileSync(join(DATA, 'cdnow_sample.txt'), 'utf8').split(/\r?\n/)) {
      const [customer, , date, , amount] = line.trim().split(/\s+/);
      if (!date || date > '19980615' || Number(amount) < 0) continue;
      const month = Number(date.slice(0, 4)) * 12 + Number(date.slice(4, 6)) - 1;
      if (!months.has(customer)) months.set(customer, new Set());
      months.get(customer)!.add(month);
    }
    const june1998 = 1998 * 12 + 5;
    const size = new Map<number, number>();
    const active = new Map<string, number>(); // `${cohort}:${k}` → customers
    for (const set of months.values()) {
      const cohort = Math.min(...set);
      size.set(cohort, (size.get(cohort) ?? 0) + 1);
      for (const m of set)
        active.set(`${cohort}:${m - cohort}`, (active.get(`${cohort}:${m - cohort}`) ?? 0) + 1);
    }
    const average = (k: number) => {
      const cohorts = [...size.keys()].filter((c) => c + k < june1998); // complete cells only
      const total = cohorts.reduce((sum, c) => sum + size.get(c)!, 0);
      return cohorts.reduce((sum, c) => sum + (active.get(`${c}:${k}`) ?? 0), 0) / total;
    };
    expect(doc.partialPeriod).toEqual({ key: '1998-06', days: 15, daysInPeriod: 30, to: '1998-06-15' });
    // Cohorts 1997-01…03: their June 1998 cells are steps 17, 16 and 15.
    expect(
      doc.cohorts.map((c: any) => [c.key, c.partial.indexOf(true), c.partial.filter(Boolean).length]),
    ).toEqual([
      ['1997-01', 17, 1],
      ['1997-02', 16, 1],
      ['1997-03', 15, 1],
    ]);
    expect(doc.averageCurve).toHaveLength(17); // steps 0…16; step 17 is only January's June to date
    for (let k = 0; k < 17; k++) expect(doc.averageCurve[k]).toBeCloseTo(average(k), 12);
    // Step 15 pools January (1998-04) and February (1998-05) only: 5.86 %, where it read 5.39 % with March's half June.
    expect(doc.averageCurve[15]).toBeCloseTo(0.0586, 4);
  });
});
