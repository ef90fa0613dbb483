/**
 * The weekly review plan `Review YYYY-Www`: this week vs last week vs the 4-week average vs
 * goal pace for the core metrics, per rep and region, top movers, new and at-risk customers,
 * and an Actions table owned by people: a refresh keeps what they typed (see `merge.ts`), and
 * next week's sheet carries over the actions not marked done.
 */
import {
  DEFAULT_CALENDAR,
  elapsedShare,
  formatDay,
  periodOf,
  shiftPeriod,
  type Calendar,
  type Period,
} from '../core/periods';
import { computeSuite, getMetric, type MetricId, type MetricInputs } from '../core/metrics';
import { breakdown } from '../core/analyses/breakdown';
import { atRiskCustomers } from '../core/analyses/customer-lists';
import { customerActivity } from '../core/analyses/customer-activity';
import { isMetricError, type MetricValue } from '../core/errors';
import { toA1 } from './a1';
import { FORMATS, textCell, type CellPlan, type PlanValue, type SheetPlan } from './plan';
import { CONDITIONAL_STYLES, PALETTE } from './styles';
import { PlanLayout, metricCell } from './layout';
import type { PeopleAreaContent } from './merge';

export const ACTIONS_AREA = 'actions';
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

function comparisonSection(
  layout: PlanLayout,
  input: ReviewInput,
  ids: readonly MetricId[],
  week: Period,
): void {
  layout.section('This week vs last week, the 4-week average and goal pace');
  layout.header([
    'Metric',
    'This week',
    'Last week',
    'vs last week',
    '4-week avg',
    'vs 4-week avg',
    'Goal pace',
    'vs goal pace',
  ]);
  const weeks = [-4, -3, -2, -1, 0].map((n) => shiftPeriod(week, n));
  const values = computeSuite(input.inputs, ids, weeks, { asOf: input.asOf, calendar: week.calendar }).values;
  const share = elapsedShare(week, input.asOf);
  const top = layout.row;
  ids.forEach((id, m) => {
    const r = top + m;
    const def = getMetric(id);
    const avg = mean(values.slice(0, 4).map((row) => row[m]));
    const goal = input.weeklyGoals?.[id];
    // Flow metrics (revenue, orders) accrue over the week; ratios are compared whole.
    const pace = goal === undefined ? null : def.kind === 'flow' ? goal * share : goal;
    layout.put(textCell(`A${r}`, def.label.en));
    layout.put(metricCell(`B${r}`, values[4][m], def.format, 'kpiValue'));
    layout.put(metricCell(`C${r}`, values[3][m], def.format));
    layout.put({
      ref: `D${r}`,
      formula: `IF(AND(ISNUMBER(B${r}),ISNUMBER(C${r}),C${r}<>0),B${r}/C${r}-1,"")`,
      format: FORMATS.deltaPercent,
    });
    layout.put(metricCell(`E${r}`, avg, def.format));
    layout.put({
      ref: `F${r}`,
      formula: `IF(AND(ISNUMBER(B${r}),ISNUMBER(E${r}),E${r}<>0),B${r}/E${r}-1,"")`,
      format: FORMATS.deltaPercent,
    });
    layout.put({ ref: `G${r}`, value: pace, format: def.format });
    layout.put({
      ref: `H${r}`,
      formula: `IF(AND(ISNUMBER(B${r}),ISNUMBER(G${r}),G${r}<>0),B${r}/G${r}-1,"")`,
      format: FORMATS.deltaPercent,
    });
    const [up, down] =
      def.better === 'lower'
        ? [CONDITIONAL_STYLES.bad, CONDITIONAL_STYLES.good]
        : [CONDITIONAL_STYLES.good, CONDITIONAL_STYLES.bad];
    for (const c of ['D', 'F', 'H']) {
      layout.conditionalFormats.push({
        type: 'expression',
        ref: `${c}${r}`,
        formula: `AND(ISNUMBER(${c}${r}),${c}${r}>0)`,
        style: up,
      });
      layout.conditionalFormats.push({
        type: 'expression',
        ref: `${c}${r}`,
        formula: `AND(ISNUMBER(${c}${r}),${c}${r}<0)`,
        style: down,
      });
    }
  });
  layout.row = top + ids.length;
}

interface Mover {
  key: string;
  dimension: string;
  revenue: number;
  change: number;
}

function perDimensionSection(
  layout: PlanLayout,
  input: ReviewInput,
  dimension: string,
  week: Period,
  movers: Mover[],
): void {
  layout.section(`By ${dimension}`);
  const result = breakdown(input.inputs, {
    dimension,
    period: week,
    asOf: input.asOf,
    calendar: week.calendar,
    ids: ['revenue', 'orders', 'aov'],
  });
  if (result.error) {
    layout.note(`No ${dimension} column in the orders.`);
    return;
  }
  layout.header([
    dimension[0].toUpperCase() + dimension.slice(1),
    'Revenue',
    'Orders',
    'AOV',
    'vs last week',
  ]);
  const top = layout.row;
  result.rows.forEach((row, i) => {
    const r = top + i;
    layout.put(textCell(`A${r}`, row.key));
    layout.put(metricCell(`B${r}`, row.values[0], FORMATS.money));
    layout.put(metricCell(`C${r}`, row.values[1], FORMATS.integer));
    layout.put(metricCell(`D${r}`, row.values[2], FORMATS.money2));
    layout.put(metricCell(`E${r}`, row.growth[0], FORMATS.deltaPercent));
    const [revenue, growth] = [row.values[0], row.growth[0]];
    if (!isMetricError(revenue) && !isMetricError(growth) && row.kind === 'key') {
      movers.push({ key: row.key, dimension, revenue, change: revenue - revenue / (1 + growth) });
    }
  });
  if (result.rows.length === 0) layout.note('No orders this week.');
  else
    layout.conditionalFormats.push({
      type: 'dataBar',
      ref: `E${top}:E${top + result.rows.length - 1}`,
      color: PALETTE.good,
      negativeColor: PALETTE.bad,
    });
  layout.row = top + result.rows.length;
}

function moversSection(layout: PlanLayout, movers: Mover[]): void {
  layout.section('Top movers (revenue change vs last week)');
  if (movers.length === 0) return layout.note('No movers: no breakdown dimension with orders in both weeks.');
  layout.header(['Who', 'Dimension', 'Revenue', 'Change']);
  const top = layout.row;
  movers
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.key.localeCompare(b.key))
    .slice(0, 5)
    .forEach((m, i) => {
      const r = top + i;
      layout.put(textCell(`A${r}`, m.key));
      layout.put(textCell(`B${r}`, m.dimension));
      layout.put({ ref: `C${r}`, value: m.revenue, format: FORMATS.money });
      layout.put({
        ref: `D${r}`,
        value: m.change,
        format: FORMATS.deltaMoney,
        style: m.change >= 0 ? 'good' : 'bad',
      });
      layout.row = r + 1;
    });
}

function newCustomersSection(layout: PlanLayout, input: ReviewInput, week: Period): void {
  layout.section('New customers this week (first order ever)');
  const orders = input.inputs.orders;
  const activity = orders ? customerActivity(orders, Math.floor(input.asOf)) : undefined;
  if (!activity || isMetricError(activity))
    return layout.note(activity ? `Unavailable: ${activity.reason}.` : 'Needs an orders table.');
  const fresh = activity.ids
    .map((id, code) => ({ id, first: activity.firstDay[code], revenue: activity.revenue[code] }))
    .filter((c) => c.first >= week.start && c.first < week.end)
    .sort((a, b) => b.revenue - a.revenue || a.id.localeCompare(b.id));
  if (fresh.length === 0) return layout.note('No new customers this week.');
  layout.header(['Customer', 'First order', 'Revenue to date']);
  fresh.slice(0, 10).forEach((c) => {
    const r = layout.row;
    layout.put(textCell(`A${r}`, c.id));
    layout.put(textCell(`B${r}`, formatDay(c.first)));
    layout.put({ ref: `C${r}`, value: c.revenue, format: FORMATS.money });
    layout.row = r + 1;
  });
  if (fresh.length > 10) layout.note(`…and ${fresh.length - 10} more.`);
}

function customersSection(layout: PlanLayout, input: ReviewInput): void {
  layout.section('At-risk customers (silent for over twice their usual gap)');
  const orders = input.inputs.orders;
  const list = orders ? atRiskCustomers(orders, { asOf: input.asOf }) : undefined;
  if (!list || isMetricError(list))
    return layout.note(list ? `Unavailable: ${list.reason}.` : 'Needs an orders table.');
  if (list.length === 0) return layout.note('No customer is at risk.');
  layout.header(['Customer', 'Last order', 'Days silent', 'Usual gap', 'Revenue']);
  list.slice(0, 10).forEach((c) => {
    const r = layout.row;
    layout.put(textCell(`A${r}`, c.id));
    layout.put(textCell(`B${r}`, c.lastOrder));
    layout.put({ ref: `C${r}`, value: c.daysSinceLastOrder, format: FORMATS.integer });
    layout.put({ ref: `D${r}`, value: c.usualGapDays, format: '0.0' });
    layout.put({ ref: `E${r}`, value: c.revenue, format: FORMATS.money });
    layout.row = r + 1;
  });
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
  const calendar = input.calendar ?? DEFAULT_CALENDAR;
  const week = input.week ?? periodOf(Math.floor(input.asOf), 'week', calendar);
  const layout = new PlanLayout(reviewSheetName(week));
  layout.put(textCell('A1', `Weekly review ${week.key}`, 'title'));
  layout.put(
    textCell(
      'A2',
      `${formatDay(week.start)} to ${formatDay(week.end - 1)} · Data: ${input.sourceLabel} · As of ${formatDay(Math.floor(input.asOf))}${input.refreshedAt ? ` · Last refresh ${input.refreshedAt}` : ''}`,
      'subtitle',
    ),
  );
  layout.row = 4;
  const ids = CORE.filter(
    (id) => id === 'revenue' || id === 'orders' || id === 'aov' || input.inputs.orders?.customer,
  );
  comparisonSection(layout, input, ids, week);
  layout.gap();
  const movers: Mover[] = [];
  for (const dimension of ['rep', 'region'] as const) {
    perDimensionSection(layout, input, dimension, week, movers);
    layout.gap();
  }
  moversSection(layout, movers);
  layout.gap();
  newCustomersSection(layout, input, week);
  layout.gap();
  customersSection(layout, input);
  layout.gap();
  const computedBottom = layout.row - 1;
  const validations: { ref: string; list: string[] }[] = [];
  actionsSection(layout, input, week, validations);
  layout.areas.unshift({ ref: `A1:J${computedBottom}`, owner: 'computed', name: 'review' });
  return layout.build({
    tabColor: PALETTE.good,
    columns: [
      { index: 1, width: 22 },
      { index: 2, width: 28 },
      { index: 3, width: 28 },
      ...[4, 5, 6, 7, 8].map((index) => ({ index, width: 13 })),
    ],
    freeze: { row: 2, column: 0 },
    validations,
  });
}
