/**
 * The weekly review plan `Review YYYY-Www`: this week vs last week vs the 4-week average vs
 * goal pace for the core metrics, per rep and region, top movers, new and at-risk customers,
 * and an Actions table owned by people: a refresh keeps what they typed (see `merge.ts`), and
 * next week's sheet carries over the actions not marked done.
 */
import { weekProjectionNotes } from './goal-projection';
import {
  DEFAULT_CALENDAR,
  elapsedShare,
  formatDay,
  periodOf,
  shiftPeriod,
  type Calendar,
  type Period,
} from '../core/periods';
import { getMetric, type MetricId, type MetricInputs } from '../core/metrics';
import type { AtRiskCustomer } from '../core/analyses/customer-lists';
import type { Currency } from '../core/currency';
import { isMetricError, type MetricValue } from '../core/errors';
import { toA1 } from './a1';
import { FORMATS, textCell, type CellPlan, type PlanValue, type SheetPlan } from './plan';
import { PALETTE } from './styles';
import { PlanLayout, metricCell } from './layout';
import { isRate, numberFormats, type NumberFormats } from './formats';
import { printPlan } from './print';
import { BAR_ONLY, numberOf, varianceFormats, type VarianceRow } from './variance';
import type { PeopleAreaContent } from './merge';
import type { PipelineForecast } from '../core/pipeline';
import { reviewQuotaSection } from './leaderboard';
import { figuresOf, type PlanFigures } from './figures';

export const ACTIONS_AREA = 'actions';
/** Rows 1–3 (title, week and data line, note) repeat at the top of every printed page. */
const TITLE_ROWS = 3;
export const ACTION_COLUMNS = ['Metric', 'Observation', 'Action', 'Owner', 'Due', 'Status', 'Notes'] as const;
/** Statuses offered in the Status drop-down (people may type others). */
export const ACTION_STATUSES = ['open', 'in progress', 'blocked', 'done'] as const;
/** Statuses that close an action (English and Indonesian); anything else carries over. */
const CLOSED = new Set([
  'done',
  'closed',
  'complete',
  'completed',
  'cancelled',
  'canceled',
  'selesai',
  'batal',
]);

/** One row of the Actions table, cell values as typed. */
export type ActionItem = readonly PlanValue[];

export interface ReviewInput {
  readonly inputs: MetricInputs;
  readonly asOf: number;
  /** The week reviewed; default the week containing `asOf`. */
  readonly week?: Period;
  readonly calendar?: Calendar;
  readonly sourceLabel: string;
  readonly refreshedAt?: string;
  /** Weekly goal per metric, for goal pace (prorated by the share of the week elapsed). */
  readonly weeklyGoals?: Readonly<Partial<Record<MetricId, number>>>;
  /** Open actions from last week's sheet (`openActions`). */
  readonly carryOver?: readonly ActionItem[];
  /** Empty action rows to offer below the carried ones (default 8). */
  readonly blankActionRows?: number;
  /** The currency of money figures (none by default). */
  readonly currency?: Currency;
  /** The pipeline forecast with quota per rep (`core/pipeline`), as of the review's day. */
  readonly pipelineForecast?: PipelineForecast;
  /** Figures computed elsewhere (the SQL route); default: the engine over `inputs`. */
  readonly figures?: PlanFigures;
}

/**
 * The sheet name of a week's review.
 * @example reviewSheetName(periodOf(parseDay('2026-11-18')!, 'week')) // 'Review 2026-W47'
 */
export function reviewSheetName(week: Period): string {
  return `Review ${week.key}`;
}

/**
 * The actions of a review's Actions area that are not closed, for next week's sheet.
 * Empty rows are dropped; a row counts as closed when its Status says done (or selesai, …).
 * @example openActions(readNamedPeopleArea(wb, 'Review 2026-W46', ACTIONS_AREA))
 */
export function openActions(content: PeopleAreaContent | undefined): ActionItem[] {
  if (!content || content.cells.length === 0) return [];
  const rows = new Map<number, PlanValue[]>();
  const firstRow = Math.min(...content.cells.map((c) => Number(/\d+/.exec(c.ref)![0])));
  const firstCol = Math.min(...content.cells.map((c) => colIndex(c.ref)));
  for (const cell of content.cells) {
    const r = Number(/\d+/.exec(cell.ref)![0]) - firstRow;
    const c = colIndex(cell.ref) - firstCol;
    if (c >= ACTION_COLUMNS.length) continue;
    const row = rows.get(r) ?? new Array<PlanValue>(ACTION_COLUMNS.length).fill(null);
    row[c] = cell.value;
    rows.set(r, row);
  }
  const status = ACTION_COLUMNS.indexOf('Status');
  return [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, row]) => row)
    .filter((row) => row.some((v) => v !== null && v !== ''))
    .filter(
      (row) =>
        !CLOSED.has(
          String(row[status] ?? '')
            .trim()
            .toLowerCase(),
        ),
    );
}

function colIndex(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/i.exec(ref)![0].toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

const CORE: readonly MetricId[] = ['revenue', 'orders', 'aov', 'customers', 'new_customers'];

function mean(values: readonly MetricValue[]): MetricValue {
  const numbers = values.filter((v): v is number => !isMetricError(v));
  return numbers.length
    ? numbers.reduce((s, v) => s + v, 0) / numbers.length
    : { error: '#N/A', reason: 'no earlier weeks' };
}

/** The week's days to the as-of day, and the same days of the weeks before (each with its whole week before). */
function weekWindows(week: Period, asOf: number) {
  const days = Math.min(week.end, Math.floor(asOf) + 1) - week.start;
  const window = (n: number) => {
    const w = shiftPeriod(week, n);
    return { before: shiftPeriod(week, n - 1), window: { start: w.start, end: w.start + days, key: w.key } };
  };
  return { days, length: week.end - week.start, this: window(0), earlier: [-1, -2, -3, -4].map(window) };
}

/** `IF(...)` text of a comparison and its cached result: relative for amounts, percentage points for rates. */
function versus(
  actualCell: string,
  baseCell: string,
  a: PlanValue | MetricValue,
  b: PlanValue | MetricValue,
  rate: boolean,
) {
  const x = numberOf(a);
  const y = numberOf(b);
  const both = `AND(ISNUMBER(${actualCell}),ISNUMBER(${baseCell}))`;
  if (rate)
    return {
      formula: `IF(${both},(${actualCell}-${baseCell})*100,"")`,
      result: x !== undefined && y !== undefined ? (x - y) * 100 : '',
    };
  return {
    formula: `IF(AND(${both},${baseCell}<>0),(${actualCell}-${baseCell})/ABS(${baseCell}),"")`,
    result: x !== undefined && y !== undefined && y !== 0 ? (x - y) / Math.abs(y) : '',
  };
}

function comparisonSection(
  layout: PlanLayout,
  input: ReviewInput,
  ids: readonly MetricId[],
  week: Period,
  formats: NumberFormats,
): void {
  const w = weekWindows(week, input.asOf);
  const partial = w.days < w.length;
  layout.section(
    partial
      ? `This week to date (${w.days} of ${w.length} days) vs the same days of last week, the 4-week average and goal pace`
      : 'This week vs last week, the 4-week average and goal pace',
    8,
  );
  const headerRow = layout.header([
    'Metric',
    'This week',
    'Last week',
    'vs last week',
    '4-week average',
    'vs 4-week average',
    'Goal pace',
    'vs goal pace',
  ]);
  if (partial)
    layout.put({
      ...textCell(`C${headerRow}`, 'Last week', 'header'),
      note: `${formatDay(w.earlier[0].window.start)} to ${formatDay(w.earlier[0].window.end - 1)}: the same ${w.days} days as this week so far.`,
    });
  const options = { asOf: input.asOf, calendar: week.calendar };
  const valuesOf = (x: { before: Period; window: { start: number; end: number; key: string } }) =>
    figuresOf(input).windows(ids, [x.before, x.window], options);
  const now = valuesOf(w.this);
  const earlier = w.earlier.map(valuesOf);
  const share = elapsedShare(week, input.asOf);
  const top = layout.row;
  const rows: VarianceRow[] = [];
  ids.forEach((id, m) => {
    const r = top + m;
    const def = getMetric(id);
    const format = formats.value(def.unit);
    const rate = isRate(def.unit);
    const avg = mean(earlier.map((row) => row[m]));
    const goal = input.weeklyGoals?.[id];
    // Flow metrics (revenue, orders) accrue over the week; ratios are compared whole.
    const pace = goal === undefined ? null : def.kind === 'flow' ? goal * share : goal;
    layout.put(textCell(`A${r}`, def.label.en));
    layout.put(metricCell(`B${r}`, now[m], format, 'kpiValue'));
    layout.put(metricCell(`C${r}`, earlier[0][m], format));
    layout.put(metricCell(`E${r}`, avg, format));
    layout.put({ ref: `G${r}`, value: pace, format });
    const changeFormat = rate ? formats.points : formats.percentChange;
    for (const [column, base, value] of [
      ['D', `C${r}`, earlier[0][m]],
      ['F', `E${r}`, avg],
      ['H', `G${r}`, pace],
    ] as const) {
      const v = versus(`B${r}`, base, now[m], value, rate);
      layout.put({ ref: `${column}${r}`, ...v, format: changeFormat });
    }
    rows.push({ row: r, better: def.better, rate, bars: [] });
  });
  for (const cf of varianceFormats(rows, [], ['D', 'F', 'H']))
    if (cf.type !== 'dataBar') layout.conditionalFormats.push(cf);
  layout.row = top + ids.length;
  // Where the week is headed against its goal: the ETS forecast where there is history, else the run rate.
  for (const line of weekProjectionNotes(
    figuresOf(input),
    week,
    input.asOf,
    input.weeklyGoals,
    ids,
    now,
    week.calendar,
  ))
    layout.note(line);
}

interface Mover {
  key: string;
  dimension: string;
  revenue: number;
  change: number;
}

/** True when a row had nothing in either week (no revenue, no orders). */
function empty(values: readonly MetricValue[], previous: readonly MetricValue[]): boolean {
  const nothing = (v: MetricValue | undefined) => v === undefined || isMetricError(v) || v === 0;
  return nothing(values[0]) && nothing(values[1]) && nothing(previous[0]) && nothing(previous[1]);
}

function perDimensionSection(
  layout: PlanLayout,
  input: ReviewInput,
  dimension: string,
  week: Period,
  movers: Mover[],
  formats: NumberFormats,
): void {
  layout.section(`By ${dimension}`, 7);
  const result = figuresOf(input).breakdown({
    dimension,
    period: week,
    asOf: input.asOf,
    calendar: week.calendar,
    ids: ['revenue', 'orders', 'aov'],
    likeForLike: true,
  });
  if (result.error) {
    layout.note(`No ${dimension} column in the orders.`);
    return;
  }
  const headerRow = layout.header([
    dimension[0].toUpperCase() + dimension.slice(1),
    'Revenue',
    'Orders',
    'Avg order value',
    'Last week',
    '% change',
    'vs last week',
  ]);
  layout.put({
    ...textCell(`E${headerRow}`, 'Last week', 'header'),
    note: `Revenue ${formatDay(result.base.start)} to ${formatDay(result.base.end - 1)}: the same days of last week.`,
  });
  const top = layout.row;
  const kept = result.rows
    .filter((row) => !empty(row.values, row.previous))
    .sort((a, b) => {
      const x = numberOf(a.values[0]) ?? -Infinity;
      const y = numberOf(b.values[0]) ?? -Infinity;
      return y - x || a.key.localeCompare(b.key);
    });
  const rows: VarianceRow[] = [];
  kept.forEach((row, i) => {
    const r = top + i;
    const [revenue, previous] = [row.values[0], row.previous[0]];
    layout.put(textCell(`A${r}`, row.key));
    layout.put(metricCell(`B${r}`, revenue, formats.money));
    layout.put(metricCell(`C${r}`, row.values[1], formats.count));
    layout.put(metricCell(`D${r}`, row.values[2], formats.money));
    layout.put(metricCell(`E${r}`, previous, formats.money));
    const v = versus(`B${r}`, `E${r}`, revenue, previous, false);
    layout.put({ ref: `F${r}`, ...v, format: formats.percentChange });
    layout.put({
      ref: `G${r}`,
      formula: `IF(ISNUMBER(F${r}),F${r},"")`,
      result: v.result,
      format: BAR_ONLY,
    });
    rows.push({ row: r, better: 'higher', rate: false, bars: [numberOf(v.result)] });
    const now = numberOf(revenue);
    const before = numberOf(previous);
    if (now !== undefined && before !== undefined && row.kind === 'key' && now !== before)
      movers.push({ key: row.key, dimension, revenue: now, change: now - before });
  });
  if (kept.length === 0) layout.note('No orders this week or last week.');
  else
    for (const cf of varianceFormats(rows, [{ percent: 'F', bar: 'G' }])) layout.conditionalFormats.push(cf);
  layout.row = top + kept.length;
}

function moversSection(layout: PlanLayout, movers: Mover[], formats: NumberFormats): void {
  layout.section('Top movers (revenue change vs the same days of last week)', 4);
  if (movers.length === 0) return layout.note('No movers: revenue did not change for any rep or region.');
  layout.header(['Who', 'Dimension', 'Revenue', 'Change']);
  const top = layout.row;
  movers
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.key.localeCompare(b.key))
    .slice(0, 5)
    .forEach((m, i) => {
      const r = top + i;
      layout.put(textCell(`A${r}`, m.key));
      layout.put(textCell(`B${r}`, m.dimension));
      layout.put({ ref: `C${r}`, value: m.revenue, format: formats.money });
      layout.put({
        ref: `D${r}`,
        value: m.change,
        format: formats.moneyChange,
        style: m.change >= 0 ? 'good' : 'bad',
      });
      layout.row = r + 1;
    });
}

function newCustomersSection(
  layout: PlanLayout,
  input: ReviewInput,
  week: Period,
  formats: NumberFormats,
): void {
  layout.section('New customers this week (first order ever)', 3);
  const fresh = figuresOf(input).firstOrders(Math.floor(input.asOf), week.start, week.end);
  if (!fresh || isMetricError(fresh))
    return layout.note(fresh ? `Unavailable: ${fresh.reason}.` : 'Needs an orders table.');
  if (fresh.length === 0) return layout.note('No new customers this week.');
  layout.header(['Customer', 'First order', 'Revenue to date']);
  fresh.slice(0, 10).forEach((c) => {
    const r = layout.row;
    layout.put(textCell(`A${r}`, c.id));
    layout.put(textCell(`B${r}`, formatDay(c.first)));
    layout.put({ ref: `C${r}`, value: c.revenue, format: formats.money });
    layout.row = r + 1;
  });
  if (fresh.length > 10) layout.note(`…and ${fresh.length - 10} more.`);
}

function silentList(
  layout: PlanLayout,
  list: readonly AtRiskCustomer[],
  formats: NumberFormats,
  limit = 10,
): void {
  layout.header(['Customer', 'Last order', 'Days silent', 'Usual gap (days)', 'Revenue']);
  list.slice(0, limit).forEach((c) => {
    const r = layout.row;
    layout.put(textCell(`A${r}`, c.id));
    layout.put(textCell(`B${r}`, c.lastOrder));
    layout.put({ ref: `C${r}`, value: c.daysSinceLastOrder, format: formats.count });
    layout.put({ ref: `D${r}`, value: c.usualGapDays, format: '0.0' });
    layout.put({ ref: `E${r}`, value: c.revenue, format: formats.money });
    layout.row = r + 1;
  });
  if (list.length > limit) layout.note(`…and ${list.length - limit} more.`);
}

function customersSection(layout: PlanLayout, input: ReviewInput, formats: NumberFormats): void {
  const silent = figuresOf(input).silent(input.asOf) ?? undefined;
  const factor = isMetricError(silent) || !silent ? 2 : silent.factor;
  const lostFactor = isMetricError(silent) || !silent ? 3 : silent.lostFactor;
  const lostAfter = isMetricError(silent) || !silent ? 365 : silent.lostAfterDays;
  layout.section(
    `At-risk customers (silent for more than ${factor} times their usual gap between orders, not yet lost)`,
    5,
  );
  if (!silent || isMetricError(silent)) {
    layout.note(silent ? `Unavailable: ${silent.reason}.` : 'Needs an orders table.');
    return;
  }
  if (silent.atRisk.length === 0) layout.note('No customer is at risk.');
  else silentList(layout, silent.atRisk, formats);
  layout.gap();
  layout.section(`Lost customers (silent for more than ${lostFactor} usual gaps or ${lostAfter} days)`, 5);
  if (silent.lost.length === 0) layout.note('No customer is lost.');
  else silentList(layout, silent.lost, formats);
}

function actionsSection(
  layout: PlanLayout,
  input: ReviewInput,
  week: Period,
  validations: { ref: string; list: string[] }[],
): void {
  layout.section('Actions (yours: kept on every refresh; open ones carry over to next week)');
  const headerRow = layout.header([...ACTION_COLUMNS]);
  const items = [...(input.carryOver ?? [])];
  const blank = input.blankActionRows ?? 8;
  const count = items.length + blank;
  const top = headerRow + 1;
  for (let i = 0; i < count; i++) {
    const item = items[i];
    ACTION_COLUMNS.forEach((name, c) => {
      const value = item?.[c] ?? null;
      const cell: CellPlan = {
        ref: toA1(top + i, c + 1),
        value,
        style: 'input',
        ...(name === 'Due' ? { format: FORMATS.date } : {}),
      };
      layout.put(cell);
    });
  }
  const bottom = top + count - 1;
  const body = `A${top}:${toA1(bottom, ACTION_COLUMNS.length)}`;
  layout.tables.push({
    name: `Actions_${week.key.replace(/\W/g, '_')}`,
    ref: `A${headerRow}:${toA1(bottom, ACTION_COLUMNS.length)}`,
    columns: [...ACTION_COLUMNS],
    style: 'TableStyleLight1',
  });
  layout.areas.push({ ref: body, owner: 'people', name: ACTIONS_AREA });
  const status = ACTION_COLUMNS.indexOf('Status') + 1;
  validations.push({ ref: `${toA1(top, status)}:${toA1(bottom, status)}`, list: [...ACTION_STATUSES] });
  layout.row = bottom + 1;
}

/**
 * The weekly review plan.
 * @example
 * const week = periodOf(asOf, 'week');
 * const plan = buildReviewPlan({ inputs: { orders }, asOf, sourceLabel: 'sales.xlsx', carryOver: openActions(lastWeek) });
 */
export function buildReviewPlan(input: ReviewInput): SheetPlan {
  const formats = numberFormats(input.currency);
  const calendar = input.calendar ?? DEFAULT_CALENDAR;
  const week = input.week ?? periodOf(Math.floor(input.asOf), 'week', calendar);
  const layout = new PlanLayout(reviewSheetName(week));
  layout.put(textCell('A1', `Weekly review ${week.key}`, 'title'));
  layout.put(
    textCell(
      'A2',
      `${formatDay(week.start)} to ${formatDay(week.end - 1)} · Data: ${input.sourceLabel} · As of ${formatDay(Math.floor(input.asOf))}${input.refreshedAt ? ` · Last refresh ${input.refreshedAt}` : ''}${formats.currency.symbol ? ` · Money in ${formats.currency.symbol}` : ''}`,
      'subtitle',
    ),
  );
  layout.put(
    textCell(
      'A3',
      input.figures?.computedIn
        ? `Figures are values as of the date above ${input.figures.computedIn}; the Actions table is yours and is kept.`
        : 'Figures are values as of the date above, updated on refresh; the Actions table is yours and is kept.',
      'note',
    ),
  );
  layout.row = 5;
  const ids = CORE.filter(
    (id) => id === 'revenue' || id === 'orders' || id === 'aov' || figuresOf(input).customers,
  );
  comparisonSection(layout, input, ids, week, formats);
  layout.gap();
  const movers: Mover[] = [];
  for (const dimension of ['rep', 'region'] as const) {
    perDimensionSection(layout, input, dimension, week, movers, formats);
    layout.gap();
    if (dimension === 'rep' && input.pipelineForecast) {
      reviewQuotaSection(layout, input.pipelineForecast, formats);
      layout.gap();
    }
  }
  moversSection(layout, movers, formats);
  layout.gap();
  newCustomersSection(layout, input, week, formats);
  layout.gap();
  customersSection(layout, input, formats);
  layout.gap();
  const computedBottom = layout.row - 1;
  const validations: { ref: string; list: string[] }[] = [];
  actionsSection(layout, input, week, validations);
  layout.areas.unshift({ ref: `A1:J${computedBottom}`, owner: 'computed', name: 'review' });
  const columns = [
    { index: 1, width: 22 },
    { index: 2, width: 24 },
    { index: 3, width: 24 },
    ...[4, 5, 6, 7, 8].map((index) => ({ index, width: 14 })),
  ];
  return layout.build({
    tabColor: PALETTE.good,
    columns,
    freeze: { row: TITLE_ROWS, column: 0 },
    validations,
    print: printPlan(columns, 8, layout.blocks(), TITLE_ROWS),
  });
}
