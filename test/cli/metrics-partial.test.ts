/**
 * `metrics` with an as-of day inside the last period: the period is flagged partial with the days
 * it covers, and its growth and year over year compare the same first days (figures by hand).
 */
import { runCli, runJson } from './run';

// orders.csv: Jan A1 C1 100 (05), A2 C2 50 (20); Feb A3 C1 200 (03), A4 C3 1,000 (10), A5 C3 −100 (11);
// Mar A6 C2 80 (01); A7 has an unreadable date.
describe('sales-metrics metrics with a partial period', () => {
  let doc: any;
  beforeAll(async () => {
    doc = await runJson(['metrics', 'orders.csv', '--as-of', '2026-02-05', '--last', '2']);
  });

  it('flags the month to date with its days and leaves complete months unflagged', () => {
    expect(doc.periods.map((p: any) => [p.key, p.partial, p.days, p.daysInPeriod, p.to])).toEqual([
      ['2026-01', false, undefined, undefined, undefined],
      ['2026-02', true, 5, 28, '2026-02-05'],
    ]);
  });

  it('compares 1–5 February with 1–5 January and says so', () => {
    const feb = doc.periods[1];
    expect(feb.growth.likeForLike).toBe(true);
    expect(feb.growth.comparedWith).toEqual({ key: '2026-01', from: '2026-01-01', to: '2026-01-05' });
    // 200 (A3) against 100 (A1), not against all of January (150).
    expect(feb.growth.metrics.revenue).toBeCloseTo(200 / 100 - 1, 12);
    expect(feb.growth.metrics.orders).toBe(0);
    // Retention of 1–5 Feb against all of January ({C1} of {C1, C2}); 1–5 Jan against all of December: nobody.
    expect(feb.metrics.retention_rate).toBe(0.5);
    expect(feb.growth.metrics.retention_rate).toMatchObject({
      error: '#DIV/0!',
      reason: expect.stringMatching(/^retention_rate of 2026-01 to 2026-01-05: /),
    });
    expect(feb.yoy.comparedWith).toEqual({ key: '2025-02', from: '2025-02-01', to: '2025-02-05' });
    expect(feb.yoy.metrics.revenue).toEqual({
      error: '#DIV/0!',
      reason: 'revenue was 0 in 2025-02 to 2025-02-05',
    });
  });

  it('compares a complete month with whole months', async () => {
    const jan = doc.periods[0];
    expect(jan.growth).toMatchObject({
      likeForLike: false,
      comparedWith: { key: '2025-12', from: '2025-12-01', to: '2025-12-31' },
    });
    expect(jan.yoy.comparedWith).toEqual({ key: '2025-01', from: '2025-01-01', to: '2025-01-31' });
    const whole = await runJson([
      'metrics',
      'orders.csv',
      '--as-of',
      '2026-02-28',
      '--last',
      '2',
      '--metrics',
      'revenue',
    ]);
    expect(whole.periods[1].partial).toBe(false);
    expect(whole.periods[1].growth.metrics.revenue).toBeCloseTo(1100 / 150 - 1, 12);
  });

  it('cuts the base at its own end: 1–30 March against all of February', async () => {
    const march = await runJson([
      'metrics',
      'orders.csv',
      '--as-of',
      '2026-03-30',
      '--last',
      '1',
      '--metrics',
      'revenue',
    ]);
    expect(march.periods[0]).toMatchObject({ key: '2026-03', partial: true, days: 30, daysInPeriod: 31 });
    expect(march.periods[0].growth.comparedWith).toEqual({
      key: '2026-02',
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(march.periods[0].growth.metrics.revenue).toBeCloseTo(80 / 1100 - 1, 12);
  });

  it('weeks: Monday–Wednesday against Monday–Wednesday of the week before', async () => {
    // As of Wednesday 2026-02-11: 2026-W07 (9–15 Feb) to date 1,000 − 100; 2026-W06 Mon–Wed (2–4 Feb) 200.
    const weeks = await runJson([
      'metrics',
      'orders.csv',
      '--as-of',
      '2026-02-11',
      '--period',
      'week',
      '--last',
      '1',
      '--metrics',
      'revenue',
    ]);
    expect(weeks.periods[0]).toMatchObject({
      key: '2026-W07',
      partial: true,
      days: 3,
      daysInPeriod: 7,
      to: '2026-02-11',
    });
    expect(weeks.periods[0].growth.comparedWith).toEqual({
      key: '2026-W06',
      from: '2026-02-02',
      to: '2026-02-04',
    });
    expect(weeks.periods[0].growth.metrics.revenue).toBeCloseTo(900 / 200 - 1, 12);
  });

  it('stars the partial column, prints growth and yoy beside it, and explains them under the table', async () => {
    const run = await runCli([
      'metrics',
      'orders.csv',
      '--as-of',
      '2026-02-05',
      '--last',
      '2',
      '--metrics',
      'revenue,orders',
      '--by',
      'region',
    ]);
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    const header = lines.findIndex((line) => line.startsWith('metric'));
    expect(lines[header]).toMatch(/^metric\s+2026-01\s+2026-02\*\s+growth\s+yoy\s+total$/);
    expect(lines[header + 2]).toMatch(/^Revenue\s+150\.00\s+200\.00\s+100\.0%\s+#DIV\/0!\s+350\.00$/);
    expect(lines[header + 3]).toMatch(/^Orders\s+2\s+1\s+0\.0%\s+#DIV\/0!\s+3$/);
    expect(lines[header + 4]).toBe(
      '* 2026-02 to date: 5 of 28 days (to 2026-02-05); changes compare the same days of 2026-01 (growth) and 2025-02 (yoy)',
    );
    expect(run.out).toContain('by region, 2026-02* (share and growth of revenue)');
  });
});
