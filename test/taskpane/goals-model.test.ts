import fc from 'fast-check';
import { ingestOrders } from '../../src/core/ingest';
import type { MetricId } from '../../src/core/metrics';
import { calendarOf, parseDay, parsePeriodKey } from '../../src/core/periods';
import {
  checkFigures,
  checkGoals,
  checkPeriod,
  describePeriod,
  fromBenchmark,
  fromLastYear,
  goalDraft,
  isCurvePaced,
  newId,
  numberStyleOf,
  parseGrowth,
  parseValue,
  periodLabel,
  readNumber,
  roundForUnit,
  splitPreview,
  valueText,
} from '../../src/taskpane/goals-model';
import { goalsStrings } from '../../src/taskpane/strings-goals';
import { makeEvaluate } from '../../src/workflows/evaluate';

const en = goalsStrings('en-US');
const id = goalsStrings('id-ID');
const calendar = calendarOf();
const asOf = parseDay('2026-03-01')!;

/** 2025: Jan 100 (Ani), Feb 300 (Budi), Mar 100 (Ani), Nov 50 (Budi) = 550; 2026: Jan 70. */
const orders = ingestOrders([
  ['Date', 'Amount', 'Customer', 'Rep'],
  ['2025-01-15', 100, 'C1', 'Ani'],
  ['2025-02-10', 300, 'C2', 'Budi'],
  ['2025-03-20', 100, 'C1', 'Ani'],
  ['2025-11-03', 50, 'C3', 'Budi'],
  ['2026-01-05', 70, 'C4', 'Ani'],
]).table!;
const evaluate = (metric: MetricId) => makeEvaluate({ orders }, metric, { asOf, calendar });
const period = (key: string, cal = calendar) => parsePeriodKey(key, cal)!;

describe('typed numbers', () => {
  it('reads both number styles, with the locale deciding only the ambiguous 1.250', () => {
    expect(parseValue('1.250.000', 'revenue', 'dot-decimal')).toEqual({ value: 1_250_000 });
    expect(parseValue('1,250,000', 'revenue', 'comma-decimal')).toEqual({ value: 1_250_000 });
    expect(parseValue('1.250.000,50', 'revenue', 'dot-decimal')).toEqual({ value: 1_250_000.5 });
    expect(parseValue('1.250', 'revenue', 'comma-decimal')).toEqual({ value: 1250 });
    expect(parseValue('1.250', 'revenue', 'dot-decimal')).toEqual({ value: 1.25 });
    expect(numberStyleOf('id-ID')).toBe('comma-decimal');
    expect(numberStyleOf('en-US')).toBe('dot-decimal');
    expect(numberStyleOf('not a locale')).toBe('dot-decimal');
  });

  it('reads rates in percent, with or without the sign', () => {
    expect(parseValue('12,5%', 'win_rate', 'dot-decimal')).toEqual({ value: 0.125 });
    expect(parseValue('15%', 'win_rate', 'dot-decimal')).toEqual({ value: 0.15 });
    expect(parseValue('15', 'win_rate', 'dot-decimal')).toEqual({ value: 0.15 });
    expect(parseValue('12,5', 'churn_rate', 'comma-decimal')).toEqual({ value: 0.125 });
    expect(parseValue('250', 'marketing_roi', 'dot-decimal')).toEqual({ value: 2.5 });
    expect(parseValue('-5', 'gross_margin', 'dot-decimal')).toEqual({ value: -0.05 });
  });

  it('names what is wrong, in both languages', () => {
    const cases: [string, MetricId, string][] = [
      ['', 'revenue', 'required'],
      ['abc', 'revenue', 'notANumber'],
      ['1.2.3', 'revenue', 'notANumber'],
      ['15%%', 'win_rate', 'notANumber'],
      ['-5', 'revenue', 'negative'],
      ['15%', 'revenue', 'noPercent'],
      ['150', 'win_rate', 'over100'],
      ['2,5', 'orders', 'notWhole'],
    ];
    for (const [text, metric, problem] of cases)
      expect([text, parseValue(text, metric, 'dot-decimal')]).toEqual([text, { problem }]);
    expect(en.problems.notANumber).toBe('Not a number. Type it like 1,250,000 or 1.250.000.');
    expect(id.problems.notANumber).toBe('Bukan angka. Ketik seperti 1.250.000 atau 1,250,000.');
    for (const key of Object.keys(en.problems) as (keyof typeof en.problems)[])
      expect(id.problems[key]).not.toBe(en.problems[key]);
  });

  it('translates every word of the step', () => {
    const render = (v: unknown): unknown =>
      typeof v === 'function' ? v('1', '2') : typeof v === 'object' ? JSON.stringify(v) : v;
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      if (typeof en[key] === 'object') expect(Object.keys(id[key])).toEqual(Object.keys(en[key]));
      expect([key, render(id[key])]).not.toEqual([key, render(en[key])]);
    }
  });

  it('reads growth in percent and refuses a fall of 100 % or more', () => {
    expect(parseGrowth('10', 'dot-decimal')).toEqual({ value: 0.1 });
    expect(parseGrowth('-5%', 'dot-decimal')).toEqual({ value: -0.05 });
    expect(parseGrowth('', 'dot-decimal')).toEqual({ value: 0 });
    expect(parseGrowth('-100', 'dot-decimal')).toEqual({ problem: 'growthFloor' });
    expect(parseGrowth('ten', 'dot-decimal')).toEqual({ problem: 'notANumber' });
  });

  it('writes values back so that they read again', () => {
    expect(valueText(1_250_000, 'revenue', 'id-ID')).toBe('1.250.000');
    expect(valueText(0.125, 'win_rate', 'id-ID')).toBe('12,5');
    expect(valueText(0.07, 'win_rate', 'en-US')).toBe('7');
    expect(parseValue(valueText(0.125, 'win_rate', 'id-ID'), 'win_rate', 'comma-decimal')).toEqual({
      value: 0.125,
    });
  });

  it('parses any formatted number back to itself, in both styles', () => {
    const locales = ['en-US', 'id-ID', 'de-DE', 'fr-FR', 'en-IN'];
    fc.assert(
      fc.property(
        fc.integer({ min: -1e14, max: 1e14 }),
        fc.constantFrom(...locales),
        fc.boolean(),
        (cents, locale, grouping) => {
          const value = cents / 100;
          const text = new Intl.NumberFormat(locale, {
            maximumFractionDigits: 2,
            useGrouping: grouping,
          }).format(value);
          expect(readNumber(text, numberStyleOf(locale))?.value).toBe(value);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('rounds computed targets the way they are stated', () => {
    expect(roundForUnit(1_358_024.68, 'currency')).toBe(1_358_000);
    expect(roundForUnit(151.25000000000003, 'currency')).toBe(151.3);
    expect(roundForUnit(45.678, 'currency')).toBe(45.68);
    expect(roundForUnit(12_345.6, 'count')).toBe(12_350);
    expect(roundForUnit(3.3, 'count')).toBe(3);
    expect(roundForUnit(0.12345, 'ratio')).toBe(0.123);
    expect(roundForUnit(12.34, 'days')).toBe(12.3);
  });
});

describe('periods and rows', () => {
  it('reads goal periods in the calendar and refuses days', () => {
    expect(checkPeriod('q4 2026', calendar)).toMatchObject({ period: { key: '2026-Q4' } });
    expect(checkPeriod('', calendar)).toEqual({ problem: 'required' });
    expect(checkPeriod('2026-13', calendar)).toEqual({ problem: 'badPeriod' });
    expect(checkPeriod('2026-11-28', calendar)).toEqual({ problem: 'dayPeriod' });
  });

  it('labels periods in the pane’s language, with the days when the name does not tell them', () => {
    const fiscal = calendarOf({ fiscalYearStartMonth: 7 });
    expect(describePeriod(period('FY2027', fiscal), 'en-US', en)).toBe('FY2027 · Jul 1, 2026 – Jun 30, 2027');
    expect(describePeriod(period('FY2027', fiscal), 'id-ID', id)).toBe(
      'Tahun fiskal 2027 · 1 Jul 2026 – 30 Jun 2027',
    );
    expect(periodLabel(period('FY2027-Q2', fiscal), 'en-US', en)).toBe('FY2027 Q2');
    expect(periodLabel(period('2026-Q4'), 'id-ID', id)).toBe('Kuartal 4 2026');
    expect(periodLabel(period('2026-W48'), 'id-ID', id)).toBe('Minggu ke-48 2026');
    expect(describePeriod(period('2026-W48'), 'en-US', en)).toBe(
      'Week 48, 2026 · Nov 23, 2026 – Nov 29, 2026',
    );
    expect(describePeriod(period('2026-08'), 'id-ID', id)).toBe('Agu 2026');
    expect(describePeriod(period('2026'), 'en-US', en)).toBe('2026');
  });

  it('makes goals of the valid rows only, with canonical keys, and refuses a second identical goal', () => {
    const checks = checkGoals(
      [
        { id: 'g1', metric: 'revenue', period: 'q4 2026', scope: 'rep:Ani', target: '1.250.000', basis: 'x' },
        { id: 'g2', metric: 'revenue', period: '2026-Q4', scope: 'rep:Ani', target: '5' },
        { id: 'g3', metric: 'win_rate', period: '2026', scope: '', target: '150' },
        { id: 'g4', metric: 'win_rate', period: 'soon', scope: 'region:West', target: '30' },
      ],
      calendar,
      'id-ID',
    );
    expect(checks.map((c) => c.row)).toEqual([
      {
        id: 'g1',
        metric: 'revenue',
        period: '2026-Q4',
        scope: { rep: 'Ani' },
        target: 1_250_000,
        basis: 'x',
      },
      undefined,
      undefined,
      undefined,
    ]);
    expect(checks.map((c) => [c.periodProblem, c.targetProblem])).toEqual([
      [undefined, undefined],
      ['duplicate', undefined],
      [undefined, 'over100'],
      ['badPeriod', undefined],
    ]);
    const row = checks[0].row!;
    expect(goalDraft(row, 'id-ID')).toEqual({ ...checks[0].draft, period: '2026-Q4' });
  });

  it('checks figures: a value in the metric’s unit and a source', () => {
    const checks = checkFigures(
      [
        { id: 'f1', metric: 'aov', value: '120,5', kind: 'competitor', source: ' Rival Ltd 2025 ' },
        { id: 'f2', metric: 'win_rate', value: '', kind: 'own', source: '' },
      ],
      'id-ID',
    );
    expect(checks[0].figure).toEqual({
      id: 'f1',
      metric: 'aov',
      value: 120.5,
      kind: 'competitor',
      source: 'Rival Ltd 2025',
    });
    expect(checks[1]).toMatchObject({ valueProblem: 'required', sourceProblem: 'sourceRequired' });
    expect(checks[1].figure).toBeUndefined();
  });

  it('gives new rows the first free id', () => {
    expect(newId('goal', [])).toBe('goal-1');
    expect(newId('goal', ['goal-2', 'goal-3'])).toBe('goal-4');
    expect(newId('goal', ['goal-1', 'x'])).toBe('goal-3');
  });
});

describe('targets from last year', () => {
  const base = { evaluate: evaluate('revenue'), locale: 'en-US', words: en, asOf };

  it('grows last year’s actual: 2025 revenue 100 + 300 + 100 + 50 = 550, + 10 % = 605', () => {
    expect(fromLastYear({ ...base, metric: 'revenue', period: period('2026'), growth: 0.1 })).toEqual({
      target: 605,
      baseline: 550,
      basis: '2025 + 10 %',
    });
  });

  it('measures a scoped goal on its rep only, and says a planned fall with a minus', () => {
    // Ani sold 100 + 100 in 2025.
    const ani = fromLastYear({
      ...base,
      metric: 'revenue',
      period: period('2026'),
      scope: { rep: 'Ani' },
      growth: -0.05,
    });
    expect(ani).toEqual({ target: 190, baseline: 200, basis: '2025 \u2212 5 %' });
  });

  it('rounds for the unit and names the period in Indonesian', () => {
    // Q1 2025 = 500 → 550; AOV 2025 = 550 / 4 = 137.5 → × 1.1 = 151.25 → 151.3.
    const q1 = fromLastYear({
      ...base,
      locale: 'id-ID',
      words: id,
      metric: 'revenue',
      period: period('2026-Q1'),
      growth: 0.125,
    });
    expect(q1).toEqual({ target: 562.5, baseline: 500, basis: 'Kuartal 1 2025 + 12,5 %' });
    const aov = fromLastYear({
      ...base,
      evaluate: evaluate('aov'),
      metric: 'aov',
      period: period('2026'),
      growth: 0.1,
    });
    expect(aov).toMatchObject({ target: 151.3, baseline: 137.5 });
  });

  it('gives no target when last year has no data, never a zero', () => {
    // 2024 has no orders: revenue sums to 0, AOV is #DIV/0!.
    expect(fromLastYear({ ...base, metric: 'revenue', period: period('2025'), growth: 0.1 })).toEqual({
      problem: 'noBaseline',
      period: '2024',
    });
    const aov = fromLastYear({
      ...base,
      evaluate: evaluate('aov'),
      metric: 'aov',
      period: period('2025'),
      growth: 0,
    });
    expect(aov).toMatchObject({
      problem: 'noBaseline',
      period: '2024',
      reason: expect.stringContaining('no orders'),
    });
  });

  it('does not take a year that has not ended as a baseline', () => {
    expect(fromLastYear({ ...base, metric: 'revenue', period: period('2027'), growth: 0.1 })).toEqual({
      problem: 'baselineUnfinished',
      period: '2026',
    });
  });
});

describe('targets from benchmarks', () => {
  type Set = { target: number; basis: string };
  it('takes the better end of a range: the upper for a rate to raise, the lower for one to cut', () => {
    // Monthly churn for a month goal: 3–5 % a month, lower is better → 3 %.
    const churn = fromBenchmark('churn_rate', 'month', 'b2b-saas', 'en') as Set;
    expect(churn.target).toBe(0.03);
    expect(churn.basis).toBe('Optifai Sales Ops Benchmark 2025 (939 B2B companies, Q1–Q3 2025) 2025');
    // A year goal takes the yearly figure.
    expect((fromBenchmark('churn_rate', 'year', 'b2b-saas', 'en') as Set).target).toBe(0.1);
    // An open range uses its one end: payback ≤ 12 months.
    expect((fromBenchmark('cac_payback_months', 'year', 'b2b-saas', 'en') as Set).target).toBe(12);
  });

  it("converts a figure of another period where sound: a quarter's churn from the annual 10 %", () => {
    // 1 − (1 − 0.1)^(1/4) = 0.0259962536.
    const quarter = fromBenchmark('churn_rate', 'quarter', 'b2b-saas', 'en') as Set;
    expect(quarter.target).toBeCloseTo(0.0259962536, 9);
    expect(quarter.basis).toBe(
      'Private SaaS company survey (median annual unit churn), as quoted by Insivia 2016 (An annual figure converted to quarterly: 1 − (1 − c)^(1/4))',
    );
  });

  it('refuses figures that measure something else, with the reason', () => {
    // Session conversion is not leads won; a win rate over all opportunities is not one over closed deals.
    expect(fromBenchmark('conversion_rate', 'year', 'ecommerce-retail', 'en')).toEqual({
      skipped:
        'measures orders ÷ store sessions (visits), not this metric (share won, to date, of the leads created in the period that are old enough to have closed)',
    });
    expect(fromBenchmark('win_rate', 'year', 'b2b-saas', 'en')).toMatchObject({
      skipped: expect.stringMatching(/^measures won ÷ all opportunities, open ones included/),
    });
  });

  it('has nothing for a metric or industry without figures', () => {
    expect(fromBenchmark('revenue', 'year', 'b2b-saas', 'en')).toBeNull();
    expect(fromBenchmark('win_rate', 'year', 'no-such-industry', 'en')).toBeNull();
  });
});

describe('curve-paced metrics', () => {
  it('are the distinct counts and period-bound shares', () => {
    expect(
      ['customers', 'returning_customers', 'retention_rate', 'churn_rate', 'active_ratio'].every((m) =>
        isCurvePaced(m as never),
      ),
    ).toBe(true);
    expect(isCurvePaced('revenue')).toBe(false);
    expect(isCurvePaced('new_customers')).toBe(false);
    expect(isCurvePaced('aov')).toBe(false);
  });
});

describe('split preview', () => {
  const row = { id: 'g1', metric: 'revenue' as const, period: '2026-Q1', target: 1000 };
  const options = { calendar, locale: 'en-US', words: en };

  it('splits evenly by days into parts summing to the target', () => {
    // 31, 28, 31 of 90 days: 344.44…, 311.11…, 344.44…; the spare cent goes to January.
    const even = splitPreview(row, { ...options, unit: 'month', method: 'even' })!;
    expect(even.parts.map((p) => [p.label, p.target])).toEqual([
      ['Jan 2026', 344.45],
      ['Feb 2026', 311.11],
      ['Mar 2026', 344.44],
    ]);
    expect(even.parts.reduce((s, p) => s + p.target, 0)).toBeCloseTo(1000, 9);
  });

  it('follows last year’s shape: Q1 2025 was 100, 300, 100', () => {
    const seasonal = splitPreview(row, {
      ...options,
      unit: 'month',
      method: 'seasonal',
      evaluate: evaluate('revenue'),
    })!;
    expect(seasonal.applied).toBe('seasonal');
    expect(seasonal.parts.map((p) => p.target)).toEqual([200, 600, 200]);
  });

  it('falls back to even, and says so, when last year has empty months', () => {
    // Q2 2025 has no orders at all.
    const q2 = { ...row, period: '2026-Q2' };
    const split = splitPreview(q2, {
      ...options,
      unit: 'month',
      method: 'seasonal',
      evaluate: evaluate('revenue'),
    })!;
    expect(split.applied).toBe('even');
    expect(split.fallbackReason).toBeTruthy();
  });

  it('keeps counts whole, rates unsplit, and marks cut weeks', () => {
    const orders100 = splitPreview(
      { ...row, metric: 'orders', period: '2026', target: 100 },
      {
        ...options,
        unit: 'month',
        method: 'even',
      },
    )!;
    expect(orders100.parts.every((p) => Number.isInteger(p.target))).toBe(true);
    expect(orders100.parts.reduce((s, p) => s + p.target, 0)).toBe(100);
    const rate = splitPreview(
      { ...row, metric: 'win_rate', target: 0.3 },
      { ...options, unit: 'month', method: 'even' },
    )!;
    expect(rate.applied).toBe('same-rate');
    expect(rate.parts.map((p) => p.target)).toEqual([0.3, 0.3, 0.3]);
    // February 2026 starts on a Sunday: its first ISO week (W05) is cut to one day.
    const weeks = splitPreview(
      { ...row, period: '2026-02' },
      { ...options, locale: 'id-ID', words: id, unit: 'week', method: 'even' },
    )!;
    expect(weeks.parts[0]).toMatchObject({ key: '2026-W05', label: 'Minggu ke-5 2026', partial: true });
    expect(
      splitPreview({ ...row, period: '2026-W05' }, { ...options, unit: 'week', method: 'even' }),
    ).toBeNull();
  });
});
