/**
 * The dashboard's revenue forecast: the trend table's forecast rows and chart series, and the
 * forecast section (next months with 80 % and 95 % intervals, the model in words, the backtest
 * with a sentence on which method did better), checked against the forecaster run directly on
 * monthly revenue added up from the fixture's rows.
 */
import { buildDashboardPlan } from '../../src/sheets/dashboard';
import { backtestSentence, COMPACT } from '../../src/sheets/dashboard-forecast';
import { backtest, forecastSeries, modelWords, type BacktestResult } from '../../src/core/forecast';
import { isMetricError } from '../../src/core/errors';
import { daysFromCivil, periodOf, shiftPeriod } from '../../src/core/periods';
import { ingestOrders } from '../../src/core/ingest';
import type { OrdersTable } from '../../src/core/table';
import type { CellPlan, SheetPlan } from '../../src/sheets/plan';
import { sampleOrders, AS_OF } from './fixtures';

const sample = sampleOrders();
const plan = buildDashboardPlan({ inputs: { orders: sample.table }, asOf: AS_OF, sourceLabel: 'sample' });
const cellAt = (p: SheetPlan, ref: string): CellPlan | undefined =>
  p.cells.filter((c) => c.ref === ref).pop();
const rowOf = (p: SheetPlan, text: string) =>
  Number(p.cells.find((c) => c.value === text)!.ref.replace(/^[A-Z]+/, ''));

/** Revenue of [start, end): every amount, refunds included, as the engine adds it up. */
const revenue = (start: number, end: number) =>
  sample.rows
    .filter((r) => (r[0] as number) - 25569 >= start && (r[0] as number) - 25569 < end)
    .reduce((s, r) => s + (r[2] as number), 0);

// The data start on 1 Sep 2025; 18 Nov 2026 is the as-of day: Sep 2025 … Oct 2026 are complete.
const november = periodOf(AS_OF, 'month');
const months = Array.from({ length: 14 }, (_, i) =>
  shiftPeriod(periodOf(daysFromCivil(2025, 9, 1), 'month'), i),
);
const series = months.map((p) => revenue(p.start, p.end));
const reference = forecastSeries(series, { unit: 'month', horizon: 4, levels: [0.8, 0.95] });
if (isMetricError(reference)) throw new Error(reference.reason);
const toDate = revenue(november.start, AS_OF + 1);
// 18 of 30 days elapsed: to date + the forecast × 12/30.
const whole = (v: number) => toDate + Math.max(0, v) * (12 / 30);

describe('the forecast section', () => {
  const top = rowOf(plan, 'Revenue forecast by month, with a backtest');

  it('names the model and what it was fitted on, in words', () => {
    expect(months.map((p) => p.key)[13]).toBe('2026-10');
    expect(cellAt(plan, `A${top + 1}`)?.value).toBe(
      `Model ${reference.name}: ${modelWords(reference.model.spec, reference.model.seasonLength)} — the smallest AICc of ${reference.candidates.filter((c) => c.aicc !== null).length} exponential-smoothing models fitted to 14 complete months (2025-09 … 2026-10). Fewer than two full seasons (14 of 24 periods): no seasonal models.`,
    );
  });

  it('lists the month to date and the next three with 80 % and 95 % intervals, as the forecaster gives them', () => {
    const header = rowOf(plan, 'Nov 2026 (whole month)') - 1;
    expect(['A', 'B', 'C', 'D', 'E', 'F'].map((c) => cellAt(plan, `${c}${header}`)?.value)).toEqual([
      'Period',
      'Forecast',
      '80 % low',
      '80 % high',
      '95 % low',
      '95 % high',
    ]);
    const labels = ['Nov 2026 (whole month)', 'Dec 2026', 'Jan 2027', 'Feb 2027'];
    labels.forEach((label, k) => {
      const r = header + 1 + k;
      expect(cellAt(plan, `A${r}`)?.value).toBe(label);
      const f = reference.forecast[k];
      const value = (v: number) => (k === 0 ? whole(v) : Math.max(0, v));
      const expected = [f.mean, f.lower[0], f.upper[0], f.lower[1], f.upper[1]].map(value);
      ['B', 'C', 'D', 'E', 'F'].forEach((c, i) =>
        expect(cellAt(plan, `${c}${r}`)?.value).toBeCloseTo(expected[i], 6),
      );
    });
    // The KPI tile's FC is the same figure.
    const kpi = rowOf(plan, 'Revenue');
    expect(cellAt(plan, `O${kpi}`)?.value).toBeCloseTo(whole(reference.forecast[0].mean), 6);
  });

  it('scores ETS, seasonal naive and a line by rolling origin, as backtest() does, and says which did better', () => {
    const test = backtest(series, { horizon: 3, seasonLength: 12 });
    const header = rowOf(plan, 'Method');
    expect(['B', 'C', 'D', 'E', 'F'].map((c) => cellAt(plan, `${c}${header}`)?.value)).toEqual([
      'MASE 1 ahead',
      'sMAPE 1 ahead',
      'MASE 3 ahead',
      'sMAPE 3 ahead',
      'Forecasts scored',
    ]);
    test.methods.forEach((m, i) => {
      const r = header + 1 + i;
      expect(cellAt(plan, `B${r}`)?.value).toBeCloseTo(m.byStep[0].mase!, 9);
      expect(cellAt(plan, `C${r}`)?.value).toBeCloseTo(m.byStep[0].smape! / 100, 9);
      expect(cellAt(plan, `D${r}`)?.value).toBeCloseTo(m.byStep[2].mase!, 9);
      expect(cellAt(plan, `E${r}`)?.value).toBeCloseTo(m.byStep[2].smape! / 100, 9);
      expect(cellAt(plan, `F${r}`)?.value).toBe(m.byStep[0].count);
    });
    // 14 months: the first origin trains on 8 (no season), so 6 origins, one forecast each one step ahead.
    expect(test.origins.map((o) => o.origin)).toEqual([8, 9, 10, 11, 12, 13]);
    expect(cellAt(plan, `A${header + 4}`)?.value).toBe(backtestSentence(test, 'month'));
    expect(cellAt(plan, `A${header - 1}`)?.value).toMatch(
      /^Backtest, rolling origin: 6 origins \(first forecast 2026-05 … 2026-10\)/,
    );
  });
});

describe('the trend with the forecast', () => {
  it('adds the forecast months below the trend and draws them dashed with the 80 % interval dotted', () => {
    const first = rowOf(plan, 'Dec 2025');
    const nov = rowOf(plan, 'Nov 2026 (to date)');
    const oct = nov - 1;
    // The forecast line starts at October's actual, then November whole, then Dec–Feb.
    expect(cellAt(plan, `I${oct}`)).toMatchObject({ value: expect.any(Number), format: COMPACT });
    expect(cellAt(plan, `I${oct}`)?.value).toBeCloseTo(series[13], 6);
    expect(cellAt(plan, `I${nov}`)?.value).toBeCloseTo(whole(reference.forecast[0].mean), 6);
    expect(cellAt(plan, `J${nov}`)?.value).toBeCloseTo(whole(reference.forecast[0].lower[0]), 6);
    expect(cellAt(plan, `K${nov}`)?.value).toBeCloseTo(whole(reference.forecast[0].upper[0]), 6);
    expect(cellAt(plan, `A${nov + 3}`)?.value).toBe('Feb 2027 (forecast)');
    expect(cellAt(plan, `I${nov + 3}`)?.value).toBeCloseTo(Math.max(0, reference.forecast[3].mean), 6);
    expect(cellAt(plan, `D${nov + 3}`)).toBeUndefined();
    for (let r = first; r < oct; r++) expect(cellAt(plan, `I${r}`)).toBeUndefined();
    const chart = plan.charts[0];
    expect(chart).toMatchObject({ type: 'line', title: 'Revenue trend and forecast', legend: 'bottom' });
    expect(chart.anchor.from).toBe(`L${first - 2}`);
    expect(chart.categories).toBe(`Dashboard!$A$${first}:$A$${nov + 3}`);
    expect(chart.series.map((s) => [s.name, s.ref, s.lineStyle ?? 'solid'])).toEqual([
      ['Revenue', `Dashboard!$D$${first}:$D$${nov + 3}`, 'solid'],
      ['Forecast', `Dashboard!$I$${first}:$I$${nov + 3}`, 'dashed'],
      ['80 % low', `Dashboard!$J$${first}:$J$${nov + 3}`, 'dotted'],
      ['80 % high', `Dashboard!$K$${first}:$K$${nov + 3}`, 'dotted'],
    ]);
  });
});

describe('too little history', () => {
  // Orders from 3 June 2026: June is cut, July–October are 4 complete months.
  const rows = [
    ['Date', 'Customer', 'Amount'],
    ...sample.rows
      .filter((r) => (r[0] as number) - 25569 >= daysFromCivil(2026, 6, 3))
      .map((r) => [r[0], r[1], r[2]]),
  ];
  const short = buildDashboardPlan({
    inputs: { orders: ingestOrders(rows).table as OrdersTable },
    asOf: AS_OF,
    sourceLabel: 'short',
  });

  it('says so in one sentence, with no table of blanks, and keeps the trend chart as it was', () => {
    const top = rowOf(short, 'Revenue forecast by month, with a backtest');
    expect(cellAt(short, `A${top + 1}`)?.value).toBe(
      'No forecast: 4 complete months of history, 8 needed for a forecast. The forecaster fits at least 8 complete months of revenue, from the first month the data cover whole; a month not over is never fitted.',
    );
    expect(cellAt(short, `A${top + 2}`)).toBeUndefined();
    expect(short.cells.some((c) => c.value === 'Method' || c.value === '80 % low')).toBe(false);
    expect(short.charts[0].series).toHaveLength(1);
    expect(short.charts[0].title).toBe('Revenue trend');
  });
});

describe('backtestSentence', () => {
  const step = (mase: number | null, smape: number | null) => ({ step: 1, count: 4, mase, smape });
  const result = (rows: [number | null, number | null][][]): BacktestResult => ({
    horizon: rows[0].length,
    seasonLength: 12,
    origins: [],
    methods: (['ets', 'seasonal_naive', 'linear_trend'] as const).map((method, i) => ({
      method,
      label: { ets: 'ETS (chosen by AICc)', seasonal_naive: 'seasonal naive', linear_trend: 'linear trend' }[
        method
      ],
      byStep: rows[i].map(([m, s]) => step(m, s)),
    })),
  });

  it('names the method with the smallest MASE one step ahead and at the horizon', () => {
    const test = result([
      [
        [0.66, 13.5],
        [0, 0],
        [1.15, 23],
      ],
      [
        [1.48, 36.3],
        [0, 0],
        [1.55, 36.9],
      ],
      [
        [0.86, 17.4],
        [0, 0],
        [1.06, 20.9],
      ],
    ]);
    expect(backtestSentence(test, 'month')).toBe(
      'One month ahead ETS had the smallest errors (MASE 0.66, sMAPE 13.5 %; linear trend 0.86, seasonal naive 1.48). ' +
        'Three months ahead the linear trend had the smallest errors (MASE 1.06, sMAPE 20.9 %; ETS 1.15, seasonal naive 1.55) — no better than the seasonal naive forecast within the training data.',
    );
  });

  it('says when nothing could be scored', () => {
    expect(backtestSentence(result([[[null, null]], [[null, null]], [[null, null]]]), 'week')).toBe(
      'One week ahead no method could be scored.',
    );
  });
});

describe('the revenue status in the key figures', () => {
  const fc = whole(reference.forecast[0].mean);
  const withGoal = (goal: number) =>
    buildDashboardPlan({
      inputs: { orders: sample.table },
      asOf: AS_OF,
      sourceLabel: 'sample',
      targets: { revenue: { goal } },
    });

  it('is judged on the ETS forecast against the goal, not on the pace to date', () => {
    const goal = fc / 0.95;
    const p = withGoal(goal);
    const r = rowOf(p, 'Revenue');
    // Pace to date: revenue to date against the goal × 18/30.
    const pace = toDate / ((goal * 18) / 30);
    expect(cellAt(p, `M${r}`)?.result).toBeCloseTo(pace, 9);
    expect(cellAt(p, `O${r}`)?.value).toBeCloseTo(fc, 6);
    expect(cellAt(p, `N${r}`)).toMatchObject({
      formula: `IF(AND(ISNUMBER(O${r}),ISNUMBER(K${r}),N(K${r})<>0),IF(O${r}/K${r}>=1,"On track",IF(O${r}/K${r}>=0.9,"At risk","Off track")),"")`,
      result: 'At risk',
      note: 'Judged on the forecast of the whole period against the goal (FC ÷ PL = 95 %), not on the pace to date: on track from 100 %, at risk from 90 %.',
    });
    expect(cellAt(withGoal(fc / 0.85), `N${r}`)?.result).toBe('Off track');
    expect(cellAt(withGoal(fc), `N${r}`)?.result).toBe('On track');
  });

  it('stays on the pace to date for a forecast the caller gives', () => {
    const p = buildDashboardPlan({
      inputs: { orders: sample.table },
      asOf: AS_OF,
      sourceLabel: 'sample',
      targets: { revenue: { goal: 1000, forecast: 1, forecastNote: 'Sales plan.' } },
    });
    const r = rowOf(p, 'Revenue');
    expect(cellAt(p, `N${r}`)).toMatchObject({ result: 'On track' });
    expect(cellAt(p, `N${r}`)?.formula).toContain(`ISNUMBER(M${r})`);
  });
});

describe("a dashboard as of a period's last day", () => {
  // 31 October 2026: October is complete and fitted; the forecast starts in November.
  const plan31 = buildDashboardPlan({
    inputs: { orders: sample.table },
    asOf: daysFromCivil(2026, 10, 31),
    sourceLabel: 'sample',
  });

  it('joins the forecast line at the last actual and forecasts the three months after', () => {
    const oct = rowOf(plan31, 'Oct 2026');
    expect(plan31.cells.some((c) => c.value === 'Oct 2026 (to date)')).toBe(false);
    expect(cellAt(plan31, `I${oct}`)?.value).toBeCloseTo(series[13], 6);
    expect([1, 2, 3].map((k) => cellAt(plan31, `A${oct + k}`)?.value)).toEqual([
      'Nov 2026 (forecast)',
      'Dec 2026 (forecast)',
      'Jan 2027 (forecast)',
    ]);
    const again = forecastSeries(series, { unit: 'month', horizon: 3, levels: [0.8, 0.95] });
    if (isMetricError(again)) throw new Error(again.reason);
    expect(cellAt(plan31, `I${oct + 1}`)?.value).toBeCloseTo(Math.max(0, again.forecast[0].mean), 6);
    expect(plan31.charts[0].series[0].partialPoint).toBeUndefined();
    expect(plan31.charts[0].categories).toBe(`Dashboard!$A$${oct - 11}:$A$${oct + 3}`);
  });
});
