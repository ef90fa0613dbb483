/**
 * Goals on the metric engine (`makeEvaluate`): one window for churn and retention (a goal's actual
 * is the figure `metrics` gives for the same days), pacing along last period's curve for distinct
 * customers, retention and churn, finished periods and baselines without data. Expected figures
 * are counted by hand from the tables below (and, on the sample, from its rows in the test).
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Goal } from '../../src/core/goals';
import { baselineGoal, numberGoal, periodWindow, trackGoal } from '../../src/core/goals';
import type { MetricId, MetricInputs } from '../../src/core/metrics';
import { computeMetric, computeSuite } from '../../src/core/metrics';
import { calendarOf, parseDay, parsePeriodKey } from '../../src/core/periods';
import { historyStartOf, makeEvaluate, traitsOf } from '../../src/workflows/evaluate';
import { activeGoalTracking, goalsFor } from '../../src/workflows/plans';
import { FileWorkbookPort } from '../../src/xlsx/file-port';
import { loadWorkbook } from '../../src/workflows/refresh';
import { makeOrders } from '../support/orders';

const calendar = calendarOf();
const day = (text: string) => parseDay(text)!;
const period = (key: string) => parsePeriodKey(key, calendar)!;
const goal = (metric: string, key: string, target: number): Goal =>
  numberGoal({ metric, period: period(key) }, target) as Goal;
const track = (inputs: MetricInputs, g: Goal, asOf: number) =>
  trackGoal(g, {
    asOf,
    traits: traitsOf(g.metric as MetricId),
    evaluate: makeEvaluate(inputs, g.metric as MetricId, { asOf, calendar }),
  });
const num = (v: unknown): number => {
  if (typeof v !== 'number') throw new Error(`not a number: ${JSON.stringify(v)}`);
  return v;
};

// January: A, B, C, X. February: A (2nd), B (3rd), C (10th), D (20th). March 1–5: A (1st and 5th),
// E (4th). A refund by X on 2 Mar does not make X active.
const tiny: MetricInputs = {
  orders: makeOrders([
    { date: '2026-01-10', amount: 10, customer: 'A' },
    { date: '2026-01-11', amount: 10, customer: 'B' },
    { date: '2026-01-12', amount: 10, customer: 'C' },
    { date: '2026-01-13', amount: 10, customer: 'X' },
    { date: '2026-02-02', amount: 10, customer: 'A' },
    { date: '2026-02-03', amount: 10, customer: 'B' },
    { date: '2026-02-10', amount: 10, customer: 'C' },
    { date: '2026-02-20', amount: 10, customer: 'D' },
    { date: '2026-03-01', amount: 10, customer: 'A' },
    { date: '2026-03-02', amount: -5, customer: 'X' },
    { date: '2026-03-04', amount: 10, customer: 'E' },
    { date: '2026-03-05', amount: 10, customer: 'A' },
  ]),
};
const MARCH_5 = day('2026-03-05');

describe('one window for churn and retention', () => {
  it("measures a goal's window against the whole period before it, as `metrics` does", () => {
    // March 1–5 against all of February (A, B, C, D): only A came back → retention 1/4, churn 3/4.
    const t = track(tiny, goal('churn_rate', '2026-03', 0.5), MARCH_5);
    expect(t.actualToDate).toBe(0.75);
    expect(computeMetric('churn_rate', tiny, period('2026-03'), { asOf: MARCH_5, calendar })).toBe(0.75);
    // The same-length window before (Feb 24–28, nobody) would have made it #DIV/0!.
    expect(track(tiny, goal('retention_rate', '2026-03', 0.5), MARCH_5).actualToDate).toBe(0.25);
  });

  it('refuses a reference window that does not end where the window starts', () => {
    const evaluate = makeEvaluate(tiny, 'churn_rate', { asOf: MARCH_5, calendar });
    const window = {
      start: day('2026-03-01'),
      end: day('2026-03-06'),
      before: { start: day('2026-01-01'), end: day('2026-02-01') },
    };
    expect(evaluate(window)).toMatchObject({ error: '#VALUE!' });
    expect(evaluate(periodWindow(period('2026-03'), day('2026-03-06')))).toBe(0.75);
  });
});

describe("pacing along last period's curve", () => {
  it('paces distinct customers by how far February had got by its 5th day', () => {
    // February: 2 customers by the 5th (A, B) of 4 in all → curve 1/2. March to date: A, E = 2.
    const t = track(tiny, goal('customers', '2026-03', 10), MARCH_5);
    expect(t.actualToDate).toBe(2);
    expect(t.curve).toBe(0.5);
    expect(t.expectedToDate).toBe(5); // 10 × 1/2, not 10 × 5/31 = 1.61
    expect(num(t.attainmentToDate)).toBe(0.4);
    expect(t.status).toBe('off track');
    expect(t.projection.runRate).toBe(4); // 2 ÷ 1/2, not 2 × 31/5 = 12.4
    expect(t.projection.trend).toMatchObject({ error: '#N/A' });
    expect(t.parts).toEqual([]);
    expect(t.paceBasis).toMatch(
      /^paced along Feb 2026's curve: by its day 5 it had 50\.0 % of its final customers/,
    );
  });

  it("paces churn along retention's curve", () => {
    // Retention of February's first 5 days against January (A, B, C, X): A, B → 2/4; of all of
    // February: A, B, C → 3/4. Curve (1/2) / (3/4) = 2/3.
    // Expected churn = 1 − (1 − 0.5) × 2/3 = 2/3; projection = 1 − (1 − 0.75) / (2/3) = 0.625.
    const t = track(tiny, goal('churn_rate', '2026-03', 0.5), MARCH_5);
    expect(t.curve).toBeCloseTo(2 / 3, 12);
    expect(t.expectedToDate).toBeCloseTo(2 / 3, 12);
    expect(num(t.attainmentToDate)).toBeCloseTo(2 / 3 / 0.75, 12); // 0.889: below 0.9
    expect(t.status).toBe('off track');
    expect(num(t.projection.runRate)).toBeCloseTo(0.625, 12);
    const retention = track(tiny, goal('retention_rate', '2026-03', 0.6), MARCH_5);
    expect(retention.expectedToDate).toBeCloseTo(0.4, 12);
    expect(num(retention.projection.runRate)).toBeCloseTo(0.375, 12);
  });

  it('falls back to the target, and says so, when the period before has no data', () => {
    // December 2025 has no customer.
    const t = track(tiny, goal('customers', '2026-01', 10), day('2026-01-12'));
    expect(t.curve).toBeNull();
    expect(t.expectedToDate).toBe(10);
    expect(t.actualToDate).toBe(3);
    expect(t.projection.runRate).toBe(3);
    expect(t.paceBasis).toMatch(
      /^Dec 2025 has no customers to pace by, so the target itself is expected to date/,
    );
  });

  it('keeps flows by days and rates at their target', () => {
    const revenue = track(tiny, goal('revenue', '2026-03', 310), MARCH_5);
    expect(revenue.expectedToDate).toBeCloseTo(50, 12); // 310 × 5 / 31
    expect(revenue.actualToDate).toBe(25); // 10 − 5 + 10 + 10
    expect(track(tiny, goal('aov', '2026-03', 12), MARCH_5).expectedToDate).toBe(12);
  });

  it('gives a month only goals of that month for curve metrics (a quarter’s customers are no month’s)', () => {
    const goals = [
      goal('customers', '2026-Q1', 30),
      goal('revenue', '2026-Q1', 900),
      goal('churn_rate', '2026-Q1', 0.2),
    ];
    expect(goalsFor(goals, period('2026-03'))).toEqual({ revenue: (900 * 31) / 90 });
    expect(goalsFor(goals, period('2026-Q1'))).toEqual({ customers: 30, revenue: 900, churn_rate: 0.2 });
  });
});

describe('finished periods and baselines without data', () => {
  it('reads a finished period as achieved or missed, lower-is-better included', () => {
    // February on 28 Feb: customers 4 against 4 → achieved; churn of February (1/4) against 0.2 → missed.
    const feb28 = day('2026-02-28');
    expect(track(tiny, goal('customers', '2026-02', 4), feb28)).toMatchObject({
      status: 'achieved',
      finished: true,
      expectedToDate: 4,
    });
    expect(track(tiny, goal('customers', '2026-02', 5), feb28).status).toBe('missed');
    expect(track(tiny, goal('churn_rate', '2026-02', 0.2), feb28)).toMatchObject({
      status: 'missed',
      actualToDate: 0.25,
    });
    expect(track(tiny, goal('churn_rate', '2026-02', 0.25), feb28).status).toBe('achieved');
    // The dashboard's goal pacing shows the same words.
    const [pacing] = activeGoalTracking([goal('revenue', '2026-02', 40)], tiny, feb28, calendar);
    expect(pacing).toMatchObject({ status: 'achieved', actualToDate: 40 });
  });

  it('says "no baseline" for last year on data that starts this year', () => {
    const evaluate = makeEvaluate(tiny, 'revenue', { asOf: MARCH_5, calendar });
    const options = {
      historyStart: historyStartOf(tiny, 'revenue'),
      asOf: MARCH_5,
      traits: traitsOf('revenue'),
    };
    expect(options.historyStart).toBe(day('2026-01-10'));
    const spec = { metric: 'revenue', period: period('2026-03') };
    expect(baselineGoal(spec, { kind: 'last-year' }, 0.1, evaluate, options)).toEqual({
      error: '#N/A',
      reason: 'no baseline: the data starts on 2026-01-10, after Mar 2025 began',
      noBaseline: true,
      method: 'last-year',
      periods: ['2025-03'],
      growth: 0.1,
    });
    // Without the data's first day, revenue of March 2025 reads 0: still no target, never 0 on track.
    expect(
      baselineGoal(spec, { kind: 'last-year' }, 0.1, evaluate, { traits: traitsOf('revenue') }),
    ).toMatchObject({
      noBaseline: true,
      reason: 'no baseline: revenue was 0 in Mar 2025, and growth on 0 gives no target',
    });
    // February is covered and over: 40 × 1.1.
    const fromFeb = baselineGoal(spec, { kind: 'average', count: 1 }, 0.1, evaluate, options) as Goal;
    expect(fromFeb.target).toBeCloseTo(44, 12);
    // A baseline period not over on the as-of day.
    expect(
      baselineGoal(
        { metric: 'revenue', period: period('2026-04') },
        { kind: 'average', count: 1 },
        0,
        evaluate,
        options,
      ),
    ).toMatchObject({
      reason: 'no baseline: Mar 2026 is not over on 2026-03-05',
    });
  });
});

describe('on the bundled sample as of 2026-12-05', () => {
  const asOf = day('2026-12-05');
  let inputs: MetricInputs;
  /** Distinct customers with a purchase line (amount ≥ 0) in [from, to], straight from the rows. */
  let customersIn: (from: string, to: string) => Set<string>;

  beforeAll(async () => {
    const path = join(__dirname, '../../samples/sales-sample.xlsx');
    const port = await FileWorkbookPort.open(path, 'sample');
    const loaded = await loadWorkbook(port, { asOf, calendar, refreshedAt: '2026-12-05 09:00' });
    inputs = loaded.inputs;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Orders')!;
    const rows: [string, string, number][] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const date = (row.getCell(2).value as Date).toISOString().slice(0, 10);
      rows.push([date, String(row.getCell(3).value), row.getCell(11).value as number]);
    });
    customersIn = (from, to) =>
      new Set(rows.filter(([d, , a]) => d >= from && d <= to && a >= 0).map(([, c]) => c));
  });

  it('gives the churn `metrics` gives for December to date (75.6 %, was 67.8 % against Nov 26–30)', () => {
    const november = customersIn('2026-11-01', '2026-11-30');
    const december = customersIn('2026-12-01', '2026-12-05');
    const back = [...november].filter((c) => december.has(c)).length;
    expect([november.size, back]).toEqual([250, 61]);
    const t = track(inputs, goal('churn_rate', '2026-12', 0.3), asOf);
    expect(t.actualToDate).toBeCloseTo(1 - 61 / 250, 12);
    const metrics = computeSuite(inputs, ['churn_rate'], [period('2026-12')], { asOf, calendar })
      .values[0][0];
    expect(t.actualToDate).toBe(metrics);
    // And for the quarter: Q4 to date against all of Q3.
    const q4 = track(inputs, goal('churn_rate', '2026-Q4', 0.3), asOf);
    expect(q4.actualToDate).toBe(computeMetric('churn_rate', inputs, period('2026-Q4'), { asOf, calendar }));
  });

  it('paces the Q4 customers goal along Q3 (348.72 expected, 379.68 projected; was 286.96 and 461.39)', () => {
    const q3ByDay66 = customersIn('2026-07-01', '2026-09-04').size; // Q4 is 66 days in on 5 Dec
    const q3 = customersIn('2026-07-01', '2026-09-30').size;
    const q4 = customersIn('2026-10-01', '2026-12-05').size;
    expect([q3ByDay66, q3, q4]).toEqual([272, 312, 331]);
    const t = track(inputs, goal('customers', '2026-Q4', 400), asOf);
    expect(t.actualToDate).toBe(331);
    expect(t.expectedToDate).toBeCloseTo((400 * 272) / 312, 9);
    expect(num(t.projection.runRate)).toBeCloseTo((331 * 312) / 272, 9);
    expect(t.status).toBe('at risk'); // 331 / 348.72 = 0.949
  });
});
