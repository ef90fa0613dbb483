import { runCli, runJson } from './run';

// orders.csv (see metrics.test.ts): Jan revenue 150 (2 orders), Feb 1,100 (2 orders, one refund row).
const AS_OF = ['--as-of', '2026-02-28'];
const byId = (doc: any) => Object.fromEntries(doc.goals.map((g: any) => [g.id, g]));

describe('sales-metrics goals', () => {
  it('tracks a revenue goal with an even pace and a rate goal against its rate', async () => {
    const doc = await runJson([
      'goals',
      'orders.csv',
      ...AS_OF,
      '--goal',
      'metric=revenue,period=2026-Q1,target=1500',
      '--goal',
      'metric=aov,period=2026-Q1,target=300',
    ]);
    expect(doc.asOf).toBe('2026-02-28');
    const revenue = byId(doc)['revenue|2026-Q1'];
    // 59 of Q1's 90 days are over: expected 1,500 × 59 / 90; actual 150 + 1,100.
    expect(revenue.target).toBe(1500);
    expect(revenue.actualToDate).toBe(1250);
    expect(revenue.expectedToDate).toBeCloseTo((1500 * 59) / 90, 9);
    expect(revenue.attainmentToDate).toBeCloseTo(1250 / ((1500 * 59) / 90), 9);
    expect(revenue.projection.runRate).toBeCloseTo(1250 / (59 / 90), 9);
    expect(revenue.required.value).toBe(250);
    expect(revenue.status).toBe('on track');
    const aov = byId(doc)['aov|2026-Q1'];
    // A rate's pace is the target itself: 1,250 / 4 orders against 300.
    expect(aov.actualToDate).toBe(312.5);
    expect(aov.expectedToDate).toBe(300);
    expect(aov.status).toBe('on track');
  });

  it('judges lower-is-better metrics the other way round', async () => {
    const doc = await runJson([
      'goals',
      'orders.csv',
      ...AS_OF,
      '--spend',
      'spend.csv',
      '--goal',
      'metric=cac,period=2026-Q1,target=120',
    ]);
    const cac = doc.goals[0];
    // CAC to date = (300 + 200) spend / 3 new customers = 166.67, above the 120 ceiling: 72 % of pace.
    expect(cac.better).toBe('lower');
    expect(cac.actualToDate).toBeCloseTo(500 / 3, 9);
    expect(cac.attainmentToDate).toBeCloseTo(120 / (500 / 3), 9);
    expect(cac.status).toBe('off track');
  });

  it('sets a target from a baseline with growth and says how', async () => {
    const doc = await runJson([
      'goals',
      'orders.csv',
      '--as-of',
      '2026-03-31',
      '--goal',
      'metric=revenue,period=2026-03,baseline=average:1,growth=10%',
    ]);
    const goal = doc.goals[0];
    // The one month before March: 1,100 × 1.1.
    expect(goal.target).toBeCloseTo(1210, 9);
    expect(goal.basis).toMatchObject({
      kind: 'baseline',
      method: 'average',
      baseline: 1100,
      growth: 0.1,
      periods: ['2026-02'],
    });
    expect(goal.actualToDate).toBe(80);
    // March is over on 31 March: 80 against 1,210 is missed, not off track.
    expect(goal.finished).toBe(true);
    expect(goal.status).toBe('missed');
  });

  it('says "no baseline" for last year on data that starts this year, never a zero target on track', async () => {
    const argv = [
      'goals',
      'orders.csv',
      ...AS_OF,
      '--goal',
      'metric=revenue,period=2026-02,baseline=last-year,growth=0.1',
    ];
    const doc = await runJson(argv);
    expect(doc.goals).toHaveLength(1);
    expect(doc.goals[0]).toMatchObject({
      id: 'revenue|2026-02',
      target: null,
      expectedToDate: null,
      status: 'no baseline',
      basis: { kind: 'baseline', method: 'last-year', periods: ['2025-02'], baseline: null, growth: 0.1 },
      paceBasis: 'no baseline: the data starts on 2026-01-05, after Feb 2025 began',
      actualToDate: {
        error: '#N/A',
        reason: 'no baseline: the data starts on 2026-01-05, after Feb 2025 began',
      },
    });
    const run = await runCli([...argv, '-q']);
    expect(run.out).toMatch(/^revenue 2026-02\s+—\s+#N\/A\s+—\s+#N\/A\s+#N\/A\s+#N\/A\s+no baseline$/m);
    expect(run.out).toMatch(
      /^revenue\|2026-02: no baseline: the data starts on 2026-01-05, after Feb 2025 began$/m,
    );
  });

  it('reads a period that is over as achieved or missed, in the table as in JSON', async () => {
    const argv = [
      'goals',
      'orders.csv',
      ...AS_OF,
      '--goal',
      'metric=revenue,period=2026-01,target=150',
      '--goal',
      'metric=revenue,period=2026-02,target=1200',
    ];
    const doc = await runJson(argv);
    // January 150 against 150 → achieved; February 1,100 against 1,200 → missed (28 Feb is its last day).
    expect(doc.goals.map((g: any) => [g.id, g.finished, g.actualToDate, g.status])).toEqual([
      ['revenue|2026-01', true, 150, 'achieved'],
      ['revenue|2026-02', true, 1100, 'missed'],
    ]);
    const run = await runCli([...argv, '-q']);
    expect(run.out).toMatch(/^revenue 2026-01 .* achieved$/m);
    expect(run.out).toMatch(/^revenue 2026-02 .* MISSED$/m);
  });

  it('splits evenly, and falls back from seasonal to even when there is no last year', async () => {
    const even = await runJson([
      'goals',
      'orders.csv',
      ...AS_OF,
      '--goal',
      'metric=revenue,period=2026-Q1,target=1500',
      '--split',
      'even',
    ]);
    const parts = even.goals[0].parts;
    expect(parts.map((p: any) => p.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(parts.reduce((sum: number, p: any) => sum + p.target, 0)).toBeCloseTo(1500, 9);
    expect(parts[0].target).toBeCloseTo((1500 * 31) / 90, 2);
    const seasonal = await runJson([
      'goals',
      'orders.csv',
      ...AS_OF,
      '--goal',
      'metric=revenue,period=2026-Q1,target=1500',
      '--split',
      'seasonal',
    ]);
    expect(seasonal.goals[0].split).toMatchObject({
      requested: 'seasonal',
      applied: 'even',
      fallbackReason: expect.stringContaining('history starts'),
    });
  });

  it('reads goals from a Targets file, reporting rows it cannot use', async () => {
    const doc = await runJson(['goals', 'orders.csv', ...AS_OF, '--targets', 'targets.csv']);
    expect(Object.keys(byId(doc)).sort()).toEqual([
      'aov|2026-Q1',
      'revenue|2026-Q1',
      'revenue|2026-Q1|region=North',
    ]);
    // North: A1 100 + A3 200 to date; 400 × 59 / 90 expected.
    const north = byId(doc)['revenue|2026-Q1|region=North'];
    expect(north.actualToDate).toBe(300);
    expect(north.expectedToDate).toBeCloseTo((400 * 59) / 90, 9);
    expect(doc.problems).toEqual([
      { source: expect.stringMatching(/targets\.csv row 5$/), reason: expect.stringContaining('happiness') },
    ]);
  });

  it('prints a tracking table', async () => {
    const run = await runCli([
      'goals',
      'orders.csv',
      ...AS_OF,
      '--goal',
      'metric=revenue,period=2026-Q1,target=1500',
      '-q',
    ]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /^goal\s+target\s+actual to date\s+expected\s+pace\s+projection\s+trend\s+status$/m,
    );
    expect(run.out).toMatch(
      /^revenue 2026-Q1\s+1,500\.00\s+1,250\.00\s+983\.33\s+127\.1%\s+1,906\.78\s+\S+\s+on track$/m,
    );
  });

  it('rejects goals it cannot read, with exit 2 and one line', async () => {
    const cases: [string[], RegExp][] = [
      [['goals', 'orders.csv'], /goals needs --targets F or at least one --goal SPEC/],
      [
        ['goals', 'orders.csv', '--goal', 'metric=revenue,period=2026'],
        /--goal "metric=revenue,period=2026": give exactly one of target=/,
      ],
      [['goals', 'orders.csv', '--goal', 'metric=joy,period=2026,target=1'], /unknown metric "joy"/],
      [
        ['goals', 'orders.csv', '--goal', 'metric=revenue,period=someday,target=1'],
        /unreadable period "someday"/,
      ],
      [
        ['goals', 'orders.csv', '--goal', 'metric=revenue,period=2026,target=1', '--split', 'monthly'],
        /--split must be one of even\|seasonal/,
      ],
    ];
    for (const [argv, message] of cases) {
      const run = await runCli([...argv, '-q']);
      expect({ argv, code: run.code }).toEqual({ argv, code: 2 });
      expect(run.err).toMatch(message);
      expect(run.err.trim().split('\n')).toHaveLength(1);
    }
  });
});
