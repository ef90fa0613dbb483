/**
 * The dashboard's revenue forecast: the forecast columns of the trend table (the periods after it
 * as rows of their own, so the trend chart draws the actual, the forecast dashed and its 80 %
 * interval dotted), and the forecast section — the next periods with 80 % and 95 % intervals, the
 * model in words, and a rolling-origin backtest of ETS against seasonal naive and a straight line
 * (MASE and sMAPE) with a sentence on which did better. The numbers come from `etsOutlook`
 * (core/analyses/period-forecast.ts); this file only lays them out.
 */
import type { EtsOutlook } from '../core/analyses/period-forecast';
import { MIN_ETS_PERIODS } from '../core/analyses/period-forecast';
import type { BacktestResult, MethodAccuracy } from '../core/forecast';
import { toA1 } from './a1';
import type { NumberFormats } from './formats';
import type { PlanLayout } from './layout';
import type { ChartSeriesPlan } from './plan';
import { formulaCell, textCell } from './plan';
import { PALETTE } from './styles';

/** An outlook, or why there is none. */
export type OutlookOrReason = EtsOutlook | { readonly reason: string };

export const isOutlook = (o: OutlookOrReason | undefined): o is EtsOutlook =>
  o !== undefined && 'points' in o;

/**
 * The trend's forecast columns are narrow (they share the key figures' widths): thousands and
 * millions abbreviated ("366K", "3.7M"); the forecast section below has the full figures.
 */
export const COMPACT = '[>=1000000]#,##0.0,,"M";[>=1000]#,##0,"K";#,##0';

/** Columns of the trend table holding the forecast and its 80 % interval (I, J, K). */
export const FORECAST_COLUMN = 9;
export const FORECAST_COLUMNS = 3;

const percentLevel = (level: number) => `${Math.round(level * 100)} %`;

/**
 * The forecast columns of the trend table: headers beside `headerRow`; the actual of the last
 * complete period where the forecast line starts (`joinRow`, a formula on the actual's cell when
 * `liveActual`); the as-of period's forecast on its row (`currentRow`); the periods after as new
 * rows from `layout.row`, labelled "(forecast)". Returns the last row written and the chart's
 * series for the three columns.
 */
export function trendForecastColumns(
  layout: PlanLayout,
  outlook: EtsOutlook,
  rows: {
    readonly headerRow: number;
    readonly joinRow: number | undefined;
    readonly joinValue: number | undefined;
    readonly liveActual: boolean;
    readonly currentRow: number | undefined;
    readonly top: number;
  },
  formats: NumberFormats,
  serial: (epochDay: number) => number,
): { bottom: number; series: ChartSeriesPlan[] } {
  const level = outlook.levels.indexOf(0.8) >= 0 ? outlook.levels.indexOf(0.8) : 0;
  const band = percentLevel(outlook.levels[level]);
  const c = (offset: number, r: number) => toA1(r, FORECAST_COLUMN + offset);
  const model = `${outlook.result.name} (${outlook.words})`;
  layout.put({
    ...textCell(c(0, rows.headerRow), 'Forecast', 'header'),
    note: `Revenue forecast by ${model}, fitted on ${outlook.series.length} complete ${outlook.unit}s. The as-of ${outlook.unit}: revenue to date + the forecast of the days left. The first figure is the last complete ${outlook.unit}'s actual, where the forecast line starts.`,
  });
  layout.put({
    ...textCell(c(1, rows.headerRow), `${band} low`, 'header'),
    note: `Low end of the ${band} prediction interval.`,
  });
  layout.put({
    ...textCell(c(2, rows.headerRow), `${band} high`, 'header'),
    note: `High end of the ${band} prediction interval.`,
  });
  if (rows.joinRow !== undefined && rows.joinValue !== undefined) {
    for (let k = 0; k < FORECAST_COLUMNS; k++)
      layout.put(
        rows.liveActual
          ? { ...formulaCell(c(k, rows.joinRow), `D${rows.joinRow}`, COMPACT), result: rows.joinValue }
          : { ref: c(k, rows.joinRow), value: rows.joinValue, format: COMPACT },
      );
  }
  let r = layout.row;
  outlook.points.forEach((point) => {
    const row = point.partial && rows.currentRow !== undefined ? rows.currentRow : r++;
    if (!point.partial || rows.currentRow === undefined) {
      layout.put(textCell(`A${row}`, `${point.period.label} (forecast)`, 'partial'));
      layout.put({ ref: `B${row}`, value: serial(point.period.start), format: formats.date });
      layout.put({ ref: `C${row}`, value: serial(point.period.end - 1), format: formats.date });
    }
    layout.put({ ref: c(0, row), value: point.mean, format: COMPACT });
    layout.put({ ref: c(1, row), value: point.lower[level], format: COMPACT });
    layout.put({ ref: c(2, row), value: point.upper[level], format: COMPACT });
  });
  layout.row = r;
  const bottom = r - 1;
  const ref = (k: number) => layout.ref(rows.top, FORECAST_COLUMN + k, bottom);
  return {
    bottom,
    series: [
      { name: 'Forecast', ref: ref(0), color: PALETTE.series[0], lineStyle: 'dashed' },
      { name: `${band} low`, ref: ref(1), color: PALETTE.muted, lineStyle: 'dotted', lineWidth: 1.25 },
      { name: `${band} high`, ref: ref(2), color: PALETTE.muted, lineStyle: 'dotted', lineWidth: 1.25 },
    ],
  };
}

const score = (v: number | null): number | null => (v === null || !Number.isFinite(v) ? null : v);

/** The method with the smallest MASE (sMAPE where no MASE) at step index `i`, and the others. */
function ranked(methods: readonly MethodAccuracy[], i: number): MethodAccuracy[] {
  const key = (m: MethodAccuracy) => score(m.byStep[i]?.mase ?? null) ?? Infinity;
  const alt = (m: MethodAccuracy) => score(m.byStep[i]?.smape ?? null) ?? Infinity;
  return [...methods].sort((a, b) => key(a) - key(b) || alt(a) - alt(b));
}

const shortLabel = (m: MethodAccuracy) => (m.method === 'ets' ? 'ETS' : `the ${m.label}`);
const fixed = (v: number | null | undefined, digits: number) =>
  v === null || v === undefined ? '—' : v.toFixed(digits);

/**
 * Which method did better, in words, one step ahead and at the horizon (by MASE).
 * @example backtestSentence(test) // 'One month ahead ETS had the smallest errors (MASE 0.66, sMAPE 13.5 %; linear trend 0.86, seasonal naive 1.48). Three months ahead the linear trend did (MASE 1.06 against 1.15 for ETS).'
 */
export function backtestSentence(test: BacktestResult, unit: string): string {
  const steps = test.horizon === 1 ? [0] : [0, test.horizon - 1];
  const words = ['One', 'Two', 'Three', 'Four', 'Five', 'Six'];
  const parts = steps.map((i) => {
    const order = ranked(test.methods, i);
    const best = order[0];
    const mase = best.byStep[i].mase;
    const ahead = `${words[i] ?? String(i + 1)} ${unit}${i === 0 ? '' : 's'} ahead`;
    if (mase === null) return `${ahead} no method could be scored.`;
    const others = order
      .slice(1)
      .map((m) => `${m.method === 'ets' ? 'ETS' : m.label} ${fixed(m.byStep[i].mase, 2)}`)
      .join(', ');
    const beats = mase < 1 ? '' : ' — no better than the seasonal naive forecast within the training data';
    return `${ahead} ${shortLabel(best)} had the smallest errors (MASE ${fixed(mase, 2)}, sMAPE ${fixed(best.byStep[i].smape, 1)} %; ${others})${beats}.`;
  });
  return parts.join(' ');
}

/**
 * The forecast section: what the forecaster says about the next periods, and how well it did on
 * the past. Not enough history: one clear sentence, no table of blanks.
 */
export function forecastSection(
  layout: PlanLayout,
  outlook: OutlookOrReason | undefined,
  formats: NumberFormats,
  unit: string,
): void {
  layout.section(`Revenue forecast by ${unit}, with a backtest`, 8);
  if (!outlook) return layout.note('No forecast: the workbook has no orders.');
  if (!isOutlook(outlook))
    return layout.note(
      `No forecast: ${outlook.reason}. The forecaster fits at least ${MIN_ETS_PERIODS} complete ${unit}s of revenue, from the first ${unit} the data cover whole; a ${unit} not over is never fitted.`,
    );
  const { result, series } = outlook;
  const fitted = result.candidates.filter((c) => c.aicc !== null).length;
  const first = series[0].period.key;
  const last = series[series.length - 1].period.key;
  layout.note(
    `Model ${result.name}: ${outlook.words} — the smallest AICc of ${fitted} exponential-smoothing models fitted to ${series.length} complete ${unit}s (${first} … ${last}).${result.seasonNote ? ` ${capital(result.seasonNote)}.` : ''}`,
  );
  layout.note(
    result.intervals === 'analytic'
      ? 'Intervals: exact for this model (additive errors). The actual should fall inside the 80 % interval four times in five.'
      : 'Intervals: quantiles of 5,000 simulated future paths (multiplicative errors). The actual should fall inside the 80 % interval four times in five.',
  );
  const levels = outlook.levels;
  const header = layout.header([
    'Period',
    'Forecast',
    ...levels.flatMap((l) => [`${percentLevel(l)} low`, `${percentLevel(l)} high`]),
  ]);
  layout.tallRow(header);
  outlook.points.forEach((point) => {
    const r = layout.row;
    layout.put({
      ...textCell(`A${r}`, point.partial ? `${point.period.label} (whole ${unit})` : point.period.label),
      ...(point.partial && outlook.current
        ? {
            note: `Revenue to date (${outlook.current.daysElapsed} of ${outlook.current.daysInPeriod} days) + the forecast of the ${outlook.current.daysInPeriod - outlook.current.daysElapsed} days left; the interval likewise.`,
          }
        : {}),
    });
    layout.put({ ref: `B${r}`, value: point.mean, format: formats.money });
    levels.forEach((_, i) => {
      layout.put({ ref: toA1(r, 3 + 2 * i), value: point.lower[i], format: formats.money });
      layout.put({ ref: toA1(r, 4 + 2 * i), value: point.upper[i], format: formats.money });
    });
    layout.row += 1;
  });
  backtestRows(layout, outlook, unit);
}

function backtestRows(layout: PlanLayout, outlook: EtsOutlook, unit: string): void {
  const test = outlook.backtest;
  if (!test) return;
  layout.gap();
  if (test.origins.length === 0) {
    const m = test.seasonLength;
    return layout.note(
      `Backtest: too few complete ${unit}s for a first origin (the first training window holds ${m > 1 ? `two seasons, ${2 * m}` : '8'} ${unit}s).`,
    );
  }
  const origins = test.origins;
  const key = (o: (typeof origins)[number]) => outlook.series[o.origin]?.period.key ?? '';
  layout.note(
    `Backtest, rolling origin: ${origins.length} origins (first forecast ${key(origins[0])} … ${key(origins[origins.length - 1])}); at each the methods see only the ${unit}s before it, ETS chooses its model again, and the forecasts are scored against what came.`,
  );
  const h = test.horizon;
  const steps = h === 1 ? [0] : [0, h - 1];
  const header = layout.header([
    'Method',
    ...steps.flatMap((i) => [`MASE ${i + 1} ahead`, `sMAPE ${i + 1} ahead`]),
    'Forecasts scored',
  ]);
  layout.tallRow(header);
  layout.put({
    ...textCell(`B${header}`, `MASE ${steps[0] + 1} ahead`, 'header'),
    note: 'Mean absolute error over the mean absolute error of the seasonal naive forecast within the training data (Hyndman & Koehler 2006): below 1 beats it.',
  });
  layout.put({
    ...textCell(`C${header}`, `sMAPE ${steps[0] + 1} ahead`, 'header'),
    note: 'Symmetric mean absolute percentage error: 200 |actual − forecast| ÷ (|actual| + |forecast|), averaged.',
  });
  for (const m of test.methods) {
    const r = layout.row;
    layout.put(textCell(`A${r}`, m.method === 'ets' ? 'ETS (chosen by AICc)' : capital(m.label)));
    steps.forEach((i, k) => {
      const step = m.byStep[i];
      const mase = score(step.mase);
      const smape = score(step.smape);
      layout.put(
        mase === null
          ? { ref: toA1(r, 2 + 2 * k), value: '—', style: 'dash', note: 'No forecast could be scored.' }
          : { ref: toA1(r, 2 + 2 * k), value: mase, format: '0.00' },
      );
      layout.put(
        smape === null
          ? { ref: toA1(r, 3 + 2 * k), value: '—', style: 'dash', note: 'No forecast could be scored.' }
          : { ref: toA1(r, 3 + 2 * k), value: smape / 100, format: '0.0%' },
      );
    });
    layout.put({ ref: toA1(r, 2 + 2 * steps.length), value: m.byStep[0].count, format: '#,##0' });
    layout.row += 1;
  }
  layout.note(backtestSentence(test, unit));
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
