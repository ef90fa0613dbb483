/**
 * Quota per rep: the dashboard's leaderboard and the weekly review's per-rep quota section
 * (docs/metrics.md "Quota per rep"). On the dashboard, a rep's actual to date is a SUMIFS over the
 * orders when they carry the rep and the sheet writes formulas (as the breakdowns do), and
 * attainment, vs pace, forecast, forecast share and coverage are formulas over the row's cells;
 * the pipeline figures are values as of the as-of day. The review writes values throughout. Money
 * is shown in whole units: fifteen columns share the dashboard's widths.
 */
import { isMetricError, metricError, type MetricValue } from '../core/errors';
import type { RepQuotaLine } from '../core/goals/quota';
import { formatDay } from '../core/periods';
import type { PipelineForecast } from '../core/pipeline';
import { formulaCell, textCell, UNDEFINED_TEXT, type CellPlan, type PlanValue } from './plan';
import { PlanLayout, metricCell, undefinedNote } from './layout';
import type { NumberFormats } from './formats';
import { canUseFormulas, revenueFormula, type OrdersSource } from './sources';

/** Criteria texts SUMIFS would read as operators or wildcards: such reps are written as values. */
const UNSAFE_CRITERION = /^[<>=]|[*?~]/;

const COVERAGE_FORMAT = '0.00"×"';

function result(value: MetricValue | undefined): { result: PlanValue } {
  return { result: value === undefined || isMetricError(value) ? UNDEFINED_TEXT : value };
}

const ACTUAL_NOTE = {
  orders: 'Revenue of the rep’s orders in the period up to the as-of day.',
  'won deals': 'The orders carry no rep: the value of the rep’s deals won in the period up to the as-of day.',
};
const PACE_NOTE =
  'The share of the period gone by the as-of day (that day included): the share of the quota expected by now.';
const FORECAST_NOTE =
  'Actual to date + the weighted pipeline due: the rep’s open deals (not stale) expected to close by the period’s end, probability × value. Without a pipeline: the run rate.';
const COVERAGE_NOTE =
  'The rep’s open pipeline due in the period (not weighted) ÷ (quota − actual to date). A dash when there is no quota or nothing left to cover.';

/**
 * The dashboard's quota leaderboard, best attainment first, reps without a quota after.
 * @example leaderboardSection(layout, forecast, { formats, serial, source })
 */
export function leaderboardSection(
  layout: PlanLayout,
  forecast: PipelineForecast | undefined,
  ctx: { formats: NumberFormats; serial: (epochDay: number) => number; source?: OrdersSource },
): void {
  if (!forecast) return;
  const { formats, serial } = ctx;
  const lines = forecast.leaderboard;
  layout.section(`Quota leaderboard (as of ${formatDay(forecast.asOf)})`, 15);
  if (!lines.some((l) => l.quota !== undefined))
    return layout.note(
      'No quota per rep: give Targets rows with metric revenue, a period and a rep (one per region adds up) to see the leaderboard.',
    );
  const source = ctx.source;
  const live = canUseFormulas(source) && !!source.columns.rep;
  layout.header([
    ['Rep'],
    ['Period'],
    ['From'],
    ['To', 'The as-of day, or the period’s last day once it is over.'],
    ['Quota'],
    ['Actual to date', live ? `Live: SUMIFS over ${source!.sheet}.` : undefined],
    ['Attainment', 'Actual to date ÷ quota.'],
    ['Pace', PACE_NOTE],
    ['vs pace', 'Attainment − pace: below zero, behind.'],
    ['Stale deals', 'Open deals of the rep past the stale threshold, left out of forecast and coverage.'],
    [
      'Weighted due',
      'Σ probability × value of the rep’s open deals (not stale) expected to close in the period.',
    ],
    ['Forecast', FORECAST_NOTE],
    ['Forecast % quota'],
    ['Pipeline due'],
    ['Coverage', COVERAGE_NOTE],
  ]);
  lines.forEach((line) => {
    const r = layout.row;
    const last = Math.min(line.period.end - 1, forecast.asOf);
    layout.put({
      ...textCell(`A${r}`, line.rep),
      ...(line.quota === undefined ? { note: 'No quota in the targets.' } : {}),
    });
    layout.put(textCell(`B${r}`, line.period.label));
    layout.put({ ref: `C${r}`, value: serial(line.period.start), format: formats.date });
    layout.put({ ref: `D${r}`, value: serial(last), format: formats.date });
    layout.put(
      line.quota === undefined
        ? { ref: `E${r}`, value: null }
        : { ref: `E${r}`, value: line.quota, format: formats.moneyAxis },
    );
    const byFormula = live && line.actualFrom === 'orders' && !UNSAFE_CRITERION.test(line.rep);
    layout.put(
      byFormula
        ? {
            ...formulaCell(
              `F${r}`,
              revenueFormula(source!, `$C${r}`, `$D${r}+1`, [{ role: 'rep', cell: `$A${r}` }]),
              formats.moneyAxis,
            ),
            ...result(line.actual),
          }
        : notedValue(`F${r}`, line.actual, formats.moneyAxis, ACTUAL_NOTE[line.actualFrom]),
    );
    const ratio = (ref: string, formula: string, value: MetricValue, format: string): CellPlan => ({
      ...formulaCell(ref, formula, format),
      ...result(value),
    });
    layout.put(
      ratio(
        `G${r}`,
        `IF(AND(ISNUMBER(E${r}),ISNUMBER(F${r}),E${r}<>0),F${r}/E${r},"${UNDEFINED_TEXT}")`,
        line.attainment,
        formats.percent,
      ),
    );
    layout.put({ ref: `H${r}`, value: line.pace, format: formats.percent });
    layout.put(
      ratio(
        `I${r}`,
        `IF(ISNUMBER(G${r}),G${r}-H${r},"${UNDEFINED_TEXT}")`,
        line.vsPace,
        formats.percentChange,
      ),
    );
    layout.put({ ref: `J${r}`, value: line.stale, format: formats.count });
    layout.put(metricCell(`K${r}`, line.due?.weighted, formats.moneyAxis));
    layout.put(
      line.forecastFrom === 'pipeline'
        ? ratio(
            `L${r}`,
            `IF(ISNUMBER(F${r}),F${r}+K${r},"${UNDEFINED_TEXT}")`,
            line.forecast,
            formats.moneyAxis,
          )
        : notedValue(`L${r}`, line.forecast, formats.moneyAxis, 'No pipeline: the run rate.'),
    );
    const forecastShare =
      typeof line.forecast === 'number' && line.quota ? line.forecast / line.quota : undefined;
    layout.put(
      ratio(
        `M${r}`,
        `IF(AND(ISNUMBER(E${r}),ISNUMBER(L${r}),E${r}<>0),L${r}/E${r},"${UNDEFINED_TEXT}")`,
        forecastShare ?? metricError('#N/A', 'no quota'),
        formats.percent,
      ),
    );
    layout.put(metricCell(`N${r}`, line.due?.value, formats.moneyAxis));
    layout.put({
      ...ratio(
        `O${r}`,
        `IF(AND(ISNUMBER(E${r}),ISNUMBER(F${r}),ISNUMBER(N${r}),E${r}-F${r}>0),N${r}/(E${r}-F${r}),"${UNDEFINED_TEXT}")`,
        line.coverage,
        COVERAGE_FORMAT,
      ),
      ...(isMetricError(line.coverage) ? { note: undefinedNote(line.coverage) } : {}),
    });
    layout.row += 1;
  });
  const top = layout.row - lines.length;
  layout.conditionalFormats.push({ type: 'dataBar', ref: `G${top}:G${layout.row - 1}`, color: '5B9BD5' });
}

/** A value cell with a note saying where the value comes from (an error keeps its own note). */
function notedValue(ref: string, value: MetricValue, format: string, note: string): CellPlan {
  const cell = metricCell(ref, value, format);
  return isMetricError(value) ? cell : { ...cell, note };
}

/**
 * The weekly review's per-rep quota section: values as of the review's day.
 * @example reviewQuotaSection(layout, forecast, formats)
 */
export function reviewQuotaSection(
  layout: PlanLayout,
  forecast: PipelineForecast | undefined,
  formats: NumberFormats,
): void {
  if (!forecast) return;
  const lines: readonly RepQuotaLine[] = forecast.leaderboard;
  layout.section(`Quota per rep (as of ${formatDay(forecast.asOf)})`, 9);
  if (!lines.some((l) => l.quota !== undefined))
    return layout.note(
      'No quota per rep: give Targets rows with metric revenue, a period and a rep to see quota attainment here.',
    );
  layout.header([
    ['Rep'],
    ['Quota'],
    ['Actual to date'],
    ['Attainment', 'Actual to date ÷ quota.'],
    ['Pace', PACE_NOTE],
    ['vs pace', 'Attainment − pace: below zero, behind.'],
    ['Forecast', FORECAST_NOTE],
    ['Coverage', COVERAGE_NOTE],
    ['Stale deals'],
  ]);
  for (const line of lines) {
    const r = layout.row;
    layout.put({ ...textCell(`A${r}`, line.rep), note: `${line.period.label}.` });
    layout.put(
      line.quota === undefined
        ? { ref: `B${r}`, value: null }
        : { ref: `B${r}`, value: line.quota, format: formats.moneyAxis },
    );
    layout.put(notedValue(`C${r}`, line.actual, formats.moneyAxis, ACTUAL_NOTE[line.actualFrom]));
    layout.put(metricCell(`D${r}`, line.attainment, formats.percent));
    layout.put({ ref: `E${r}`, value: line.pace, format: formats.percent });
    layout.put(metricCell(`F${r}`, line.vsPace, formats.percentChange));
    layout.put(metricCell(`G${r}`, line.forecast, formats.moneyAxis));
    layout.put(metricCell(`H${r}`, line.coverage, COVERAGE_FORMAT));
    layout.put({ ref: `I${r}`, value: line.stale, format: formats.count });
    layout.row += 1;
  }
}
