/**
 * What the dashboard gets from goals and benchmarks (`kpiTargets`, `benchmarkLines`): the goal to
 * date of curve-paced metrics, figures in the dashboard period's terms, the published range, the
 * caveat, and the reason a figure is not compared. Figures counted by hand from the table below.
 */
import type { Goal } from '../../src/core/goals';
import { numberGoal } from '../../src/core/goals';
import type { MetricInputs } from '../../src/core/metrics';
import { calendarOf, parseDay, parsePeriodKey } from '../../src/core/periods';
import { benchmarkLines, industrySet, kpiTargets } from '../../src/workflows/plans';
import { makeOrders } from '../support/orders';

const calendar = calendarOf();
const day = (text: string) => parseDay(text)!;
const period = (key: string) => parsePeriodKey(key, calendar)!;
const goal = (metric: string, key: string, target: number): Goal =>
  numberGoal({ metric, period: period(key) }, target) as Goal;

// January: A, B, C, X. February: A (2nd), B (3rd), C (10th), D (20th). March 1–5: A, E.
const inputs: MetricInputs = {
  orders: makeOrders(
    [
      ['2026-01-10', 'A'],
      ['2026-01-11', 'B'],
      ['2026-01-12', 'C'],
      ['2026-01-13', 'X'],
      ['2026-02-02', 'A'],
      ['2026-02-03', 'B'],
      ['2026-02-10', 'C'],
      ['2026-02-20', 'D'],
      ['2026-03-01', 'A'],
      ['2026-03-04', 'E'],
    ].map(([date, customer]) => ({ date, customer, amount: 10 })),
  ),
};

describe('kpiTargets', () => {
  const march5 = { inputs, asOf: day('2026-03-05'), calendar };

  it('paces customers and churn to date along February, and flows on the sheet', () => {
    const goals = [
      goal('customers', '2026-03', 10),
      goal('churn_rate', '2026-03', 0.5),
      goal('revenue', '2026-03', 310),
    ];
    const targets = kpiTargets(goals, period('2026-03'), null, march5);
    // February had 2 of its 4 customers by the 5th; retention 2/4 of January's by then, 3/4 in all.
    expect(targets.customers).toMatchObject({ goal: 10, goalToDate: 5 });
    expect(targets.customers?.goalToDateNote).toMatch(/^paced along Feb 2026's curve/);
    expect(targets.churn_rate?.goalToDate).toBeCloseTo(1 - 0.5 * (2 / 3), 12);
    expect(targets.revenue).toEqual({ goal: 310 });
    // Without the tables there is nothing to pace by.
    expect(kpiTargets(goals, period('2026-03'), null).customers).toEqual({ goal: 10 });
  });

  it("gives a whole month's churn the published monthly range, and the point of it nearest the actual", () => {
    // February churn: X of A, B, C, X did not come back → 1/4, above the 3–5 % range.
    const targets = kpiTargets([], period('2026-02'), industrySet('b2b-saas'), {
      ...march5,
      asOf: day('2026-02-28'),
    });
    expect(targets.churn_rate).toMatchObject({
      benchmarkRange: { low: 0.03, high: 0.05 },
      benchmark: 0.05,
      benchmarkSource: 'Optifai Sales Ops Benchmark 2025 (939 B2B companies, Q1–Q3 2025) (2025)',
      benchmarkNote: expect.stringMatching(/^Monthly customer churn of SMB SaaS/),
    });
    expect(targets.churn_rate).not.toHaveProperty('benchmarkSkipped');
    // An open range: LTV:CAC ≥ 3 (no spend here, so no actual; the bound is the figure).
    expect(targets.ltv_cac).toMatchObject({ benchmark: 3 });
    expect(targets.ltv_cac).not.toHaveProperty('benchmarkRange');
    // A win rate over all opportunities is not compared with one over closed deals.
    expect(targets.win_rate).toMatchObject({
      benchmarkSkipped:
        'measures won ÷ all opportunities, open ones included, not this metric (won over won plus lost, among opportunities closed in the period)',
    });
    expect(targets.win_rate).not.toHaveProperty('benchmark');
  });

  it('converts for a quarter, and does not compare churn of a month to date', () => {
    const quarter = kpiTargets([], period('2026-Q1'), industrySet('b2b-saas'), {
      ...march5,
      asOf: day('2026-03-31'),
    });
    // The annual 10 % as a quarter's: 1 − 0.9^(1/4).
    expect(quarter.churn_rate?.benchmark).toBeCloseTo(0.025996253574703254, 12);
    expect(quarter.churn_rate?.benchmarkNote).toMatch(
      /^An annual figure converted to quarterly: 1 − \(1 − c\)\^\(1\/4\)\. /,
    );
    const partial = kpiTargets([], period('2026-03'), industrySet('b2b-saas'), march5);
    expect(partial.churn_rate).toMatchObject({
      benchmarkSkipped: "Mar 2026 covers 5 of 31 days: churn rate to date is not a whole month's",
    });
  });

  it('skips the lifetime repeat-buyer share against a month’s repeat rate', () => {
    const targets = kpiTargets([], period('2026-02'), industrySet('ecommerce-retail'), {
      ...march5,
      asOf: day('2026-02-28'),
    });
    expect(targets.repeat_rate?.benchmarkSkipped).toMatch(/^measures the lifetime repeat-buyer share/);
    expect(targets.repeat_rate).not.toHaveProperty('benchmark');
  });
});

describe('benchmarkLines', () => {
  it('lists every figure, the skipped ones with their reason and the published figure', () => {
    const lines = benchmarkLines(
      industrySet('ecommerce-retail'),
      inputs,
      period('2026-02'),
      day('2026-02-28'),
      calendar,
    );
    // Conversion needs a pipeline: only the repeat rate has a value here. February: A, B, C with a
    // January order before → 3 of 4 customers with 2+ orders to date.
    expect(lines).toEqual([
      {
        metric: 'repeat_rate',
        value: 0.75,
        benchmark: { value: 0.282 },
        skipped: expect.stringMatching(
          /^measures the lifetime repeat-buyer share .*, not this metric \(share of the period's customers with two or more orders to date\)$/,
        ),
        note: expect.stringMatching(/^Repeat buyers ÷ all buyers over the store's whole history/),
        source: 'Metrilo repeat customer rate survey, as cited by Opensend, 2025',
      },
    ]);
  });

  it('compares a converted figure with the gap to the nearest end, caveat in the note', () => {
    const lines = benchmarkLines(
      industrySet('b2b-saas'),
      inputs,
      period('2026-Q1'),
      day('2026-03-31'),
      calendar,
    );
    // Q1 churn against Q4 2025, which had no customer: undefined, so no line for churn.
    expect(lines.filter((l) => l.metric === 'churn_rate')).toEqual([]);
    const feb = benchmarkLines(
      industrySet('b2b-saas'),
      inputs,
      period('2026-02'),
      day('2026-02-28'),
      calendar,
    );
    const annual = feb.find((l) => l.source?.includes('Insivia'))!;
    // 1/4 against 1 − 0.9^(1/12) = 0.0087416: worse by 0.2412584.
    expect(annual.comparison).toMatchObject({
      status: 'worse',
      gap: expect.closeTo(0.25 - 0.008741610954696721, 12),
    });
    expect(annual.benchmark).toEqual({ value: expect.closeTo(0.008741610954696721, 12) });
    expect(annual.note).toMatch(
      /^An annual figure converted to monthly: 1 − \(1 − c\)\^\(1\/12\)\. Customers lost in a year/,
    );
    expect(annual.source).toBe(
      'Private SaaS company survey (median annual unit churn), as quoted by Insivia, 2016',
    );
  });
});

describe('the bundled sample as of 2026-12-05 (the demo)', () => {
  it('lists the e-commerce figures as not compared instead of a lifetime rate against a month (+71.8 pp) and visit conversion against leads', async () => {
    const { join } = await import('node:path');
    const { FileWorkbookPort } = await import('../../src/xlsx/file-port');
    const { loadWorkbook } = await import('../../src/workflows/refresh');
    const asOf = day('2026-12-05');
    const port = await FileWorkbookPort.open(join(__dirname, '../../samples/sales-sample.xlsx'), 'sample');
    const loaded = await loadWorkbook(port, {
      asOf,
      calendar,
      refreshedAt: '2026-12-05 09:00',
      pipeline: { source: 'Pipeline' },
    });
    const lines = benchmarkLines(
      industrySet('ecommerce-retail'),
      loaded.inputs,
      period('2026-12'),
      asOf,
      calendar,
    );
    expect(lines.map((l) => [l.metric, l.comparison === undefined, l.skipped?.slice(0, 20)])).toEqual([
      ['conversion_rate', true, 'measures orders ÷ st'],
      ['conversion_rate', true, 'measures orders ÷ st'],
      ['conversion_rate', true, 'measures the share o'],
      ['conversion_rate', true, 'measures sessions wi'],
      ['repeat_rate', true, 'measures the lifetim'],
    ]);
    expect(lines[0].benchmark).toEqual({ min: 0.025, max: 0.03 });
    const targets = kpiTargets(loaded.goals, period('2026-12'), industrySet('ecommerce-retail'), {
      inputs: loaded.inputs,
      asOf,
      calendar,
    });
    expect(targets.repeat_rate).not.toHaveProperty('benchmark');
    expect(targets.repeat_rate?.benchmarkSkipped).toMatch(/^measures the lifetime repeat-buyer share/);
  });
});
