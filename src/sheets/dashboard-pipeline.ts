/**
 * The dashboard's pipeline forecast section: the open pipeline by forecast category with its
 * weighted value, what is due in the quota period, the stale deals left out (or counted), the
 * team's quota and its coverage, and the oldest stale deals by name. Values as of the as-of day
 * (the pipeline is not a sheet formulas can read); remaining quota and coverage are formulas over
 * the cells above them, so a quota typed over the value recalculates them.
 */
import { formatDay } from '../core/periods';
import {
  CATEGORY_LABELS,
  OPEN_CATEGORIES,
  pipelineRulesNote,
  type DealTotals,
  type OpenDeal,
  type PipelineForecast,
} from '../core/pipeline';
import { formulaCell, textCell, UNDEFINED_TEXT } from './plan';
import { PlanLayout, undefinedNote } from './layout';
import type { NumberFormats } from './formats';
import { toA1 } from './a1';

/** Stale deals listed by name (the oldest first). */
const STALE_LISTED = 10;

function totalsRow(
  layout: PlanLayout,
  formats: NumberFormats,
  label: string,
  totals: DealTotals,
  note?: string,
  style?: 'total',
): number {
  const r = layout.row;
  layout.put({ ...textCell(`A${r}`, label, style), ...(note ? { note } : {}) });
  layout.put({ ref: `B${r}`, value: totals.count, format: formats.count, ...(style ? { style } : {}) });
  layout.put({ ref: `C${r}`, value: totals.value, format: formats.money, ...(style ? { style } : {}) });
  layout.put({ ref: `D${r}`, value: totals.weighted, format: formats.money, ...(style ? { style } : {}) });
  layout.row += 1;
  return r;
}

function missingNote(totals: DealTotals): string | undefined {
  const parts = [
    totals.withoutValue > 0 ? `${totals.withoutValue.toLocaleString('en-US')} without a value` : '',
    totals.withoutProbability > 0
      ? `${totals.withoutProbability.toLocaleString('en-US')} without a probability`
      : '',
  ].filter(Boolean);
  return parts.length
    ? `Of these deals, ${parts.join(' and ')}: counted, adding nothing to the value.`
    : undefined;
}

/**
 * The pipeline forecast section.
 * @example pipelineSection(layout, pipelineForecast(inputs, quotas, asOf, calendar), formats, serial)
 */
export function pipelineSection(
  layout: PlanLayout,
  forecast: PipelineForecast | undefined,
  formats: NumberFormats,
  serial: (epochDay: number) => number,
): void {
  if (!forecast?.open || !forecast.team) return;
  const { open, team, period } = forecast;
  layout.section(`Pipeline forecast — ${period.label} (as of ${formatDay(open.asOf)})`, 4);
  layout.note(pipelineRulesNote(open));
  layout.header(['Open deals', 'Deals', 'Value', 'Weighted']);
  layout.put({
    ...textCell(`D${layout.row - 1}`, 'Weighted', 'header'),
    note: 'Σ win probability × value: the probability column, else the stage table (defaults or your settings), else the win rate to date.',
  });
  totalsRow(layout, formats, 'All open deals', team.open, missingNote(team.open));
  totalsRow(
    layout,
    formats,
    open.includeStale ? 'of which stale (counted)' : 'Stale (left out)',
    team.stale,
    open.staleAfterDays === null
      ? 'No median sales cycle yet: no deal is stale.'
      : `Open more than ${open.staleMultiple} × the median cycle of ${open.medianCycleDays} days (${open.staleAfterDays} days).`,
  );
  for (const category of [...OPEN_CATEGORIES].reverse())
    totalsRow(layout, formats, `${CATEGORY_LABELS[category].en}`, team.byCategory[category]);
  totalsRow(
    layout,
    formats,
    'Counted pipeline',
    team.counted,
    'The forecast categories above add up to this line.',
    'total',
  );
  const dueRow = totalsRow(
    layout,
    formats,
    `Due by ${formatDay(period.end - 1)}`,
    team.due,
    'Counted deals expected to close in the period: the expected close date, else a median cycle after creation; a date that has passed counts as the as-of day.',
  );
  const r = layout.row;
  layout.put({
    ...textCell(`A${r}`, `Won in ${period.label} to date`),
    note: `The ${CATEGORY_LABELS.closed.en.toLowerCase()} category: deals won in the period up to the as-of day.`,
  });
  layout.put({ ref: `B${r}`, value: team.closedWon.count, format: formats.count });
  layout.put({ ref: `C${r}`, value: team.closedWon.value, format: formats.money });
  layout.row += 1;
  layout.gap();
  quotaLines(layout, forecast, formats, dueRow);
  staleList(layout, open.deals, formats, serial);
}

/** Quota, achieved, remaining and coverage, the last two as formulas over the cells above. */
function quotaLines(layout: PlanLayout, forecast: PipelineForecast, formats: NumberFormats, dueRow: number) {
  const r = layout.row;
  const { period } = forecast;
  layout.put({
    ...textCell(`A${r}`, `Revenue quota ${period.label}`),
    note: "The business-wide revenue target of the shortest goal period holding the as-of day (regional targets summed when there is no overall one); the as-of day's quarter when there is none.",
  });
  if (forecast.quota === undefined)
    layout.put({
      ref: `C${r}`,
      value: UNDEFINED_TEXT,
      style: 'dash',
      note: `No revenue target for ${period.key}: give a Targets table with a revenue row for the period to see coverage.`,
    });
  else layout.put({ ref: `C${r}`, value: forecast.quota, format: formats.money });
  layout.put({
    ...textCell(`A${r + 1}`, 'Achieved to date'),
    note:
      forecast.achievedFrom === 'orders'
        ? 'Revenue of the orders in the period up to the as-of day.'
        : 'No orders table: the value of the deals won in the period up to the as-of day.',
  });
  layout.put({ ref: `C${r + 1}`, value: forecast.achieved, format: formats.money });
  layout.put(textCell(`A${r + 2}`, 'Remaining quota'));
  layout.put({
    ...formulaCell(`C${r + 2}`, `IF(ISNUMBER(C${r}),C${r}-C${r + 1},"${UNDEFINED_TEXT}")`, formats.money),
    result: forecast.quota === undefined ? UNDEFINED_TEXT : forecast.quota - forecast.achieved,
  });
  layout.put({
    ...textCell(`A${r + 3}`, 'Pipeline coverage', 'total'),
    note: 'Open pipeline due in the period (not weighted) ÷ the remaining quota. A dash when there is no quota or nothing remains to cover.',
  });
  const coverage = forecast.coverage;
  layout.put({
    ...formulaCell(
      `C${r + 3}`,
      `IF(AND(ISNUMBER(C${r + 2}),C${r + 2}>0),C${dueRow}/C${r + 2},"${UNDEFINED_TEXT}")`,
      '0.00"×"',
      'total',
    ),
    result: typeof coverage === 'number' ? coverage : UNDEFINED_TEXT,
    ...(typeof coverage === 'number' ? {} : { note: undefinedNote(coverage) }),
  });
  layout.row = r + 4;
}

function staleList(
  layout: PlanLayout,
  deals: readonly OpenDeal[],
  formats: NumberFormats,
  serial: (epochDay: number) => number,
) {
  const stale = deals.filter((d) => d.stale).sort((a, b) => b.ageDays - a.ageDays);
  if (stale.length === 0) return;
  layout.gap();
  layout.put(
    textCell(
      `A${layout.row}`,
      `Stale deals: ${stale.length.toLocaleString('en-US')} (the ${Math.min(STALE_LISTED, stale.length)} oldest)`,
      'subtitle',
    ),
  );
  layout.row += 1;
  layout.header(['Deal', 'Rep', 'Stage', 'Created', 'Days open', 'Value', 'Row']);
  for (const deal of stale.slice(0, STALE_LISTED)) {
    const r = layout.row;
    layout.put(textCell(`A${r}`, deal.id ?? `row ${deal.sourceRow}`));
    layout.put(textCell(`B${r}`, deal.rep ?? ''));
    layout.put(textCell(`C${r}`, deal.stage ?? ''));
    layout.put({ ref: `D${r}`, value: serial(deal.created), format: formats.date });
    layout.put({ ref: `E${r}`, value: deal.ageDays, format: formats.count });
    layout.put(
      deal.value === deal.value
        ? { ref: `F${r}`, value: deal.value, format: formats.money }
        : { ref: `F${r}`, value: null },
    );
    layout.put({ ref: toA1(r, 7), value: deal.sourceRow, format: '0' });
    layout.row += 1;
  }
}
