/**
 * SALES.BREAKDOWN: a metric per value of a dimension (region, rep, product…), from the metric
 * engine's `breakdown`, so shares and "what is an order" match the dashboard.
 */
import type { BreakdownResult } from '../core/analyses/breakdown';
import { breakdown } from '../core/analyses/breakdown';
import { isBlank } from '../core/cell';
import { isMetricError } from '../core/errors';
import type { MetricId } from '../core/metrics';
import { getMetric, metricIdFromText } from '../core/metrics';
import { periodOf, shiftPeriod } from '../core/periods';
import type { PeriodUnit } from '../core/periods';
import type { DictColumn, OrdersTable } from '../core/table';
import {
  cellsArg,
  isBlankCell,
  isOmitted,
  optionalColumnArg,
  optionalDateArg,
  optionalPeriodArg,
  optionalTextArg,
  textColumnArg,
} from './args';
import { dictColumn, ordersFromColumns, requireSameLength } from './columns';
import { invalidArgument, throwMetricError } from './errors';
import type { Spill } from './spill';
import { gap, spill } from './spill';
import { serialOf } from './date-system';
import { latestDay } from './window';

/** Metrics a breakdown can compute from a dimension and amounts alone. */
const BREAKDOWN_METRICS: readonly MetricId[] = ['revenue', 'orders', 'aov'];

/** The column name the dimension is stored under in the table handed to the engine. */
const GROUP = 'group';

/**
 * The Growth column's header: what the growth is measured against. A period that is not over on
 * the as-of day is compared with as many days from the start of the period before (like for
 * like), and the header says so.
 * @example growthHeader(result) // 'Growth vs first 5 days of 2026-11' (as of 2026-12-05), 'Growth vs 2026-11' (as of 2026-12-31)
 */
function growthHeader(result: BreakdownResult): string {
  const before = shiftPeriod(result.period, -1);
  const { base } = result;
  if (base.start === before.start && base.end === before.end) return `Growth vs ${before.key}`;
  const days = base.end - base.start;
  return `Growth vs first ${days === 1 ? 'day' : `${days} days`} of ${before.key}`;
}

/**
 * SALES.BREAKDOWN(dimension, amounts, [metric], [dates], [period], [asOf], [orderIds]): one row per
 * value of `dimension`, best first, then a Total row. Columns: Group, the metric (revenue — the
 * default —, orders or aov), Share of total (blank for aov, which does not add up), and Growth
 * when a `period` is given: against the period before, or, when the period is not over on the
 * as-of day, against the same number of days from the start of the period before (Dec 1–5 against
 * Nov 1–5), as the dashboard compares; the Growth header names the base. Without `dates` every
 * row counts; with dates and no period, every row up to `asOf`. Blank dimension cells form a
 * `(blank)` group. With `orderIds`, the lines of one order are one order (blank ids are orders of
 * their own); without them each row is an order.
 * @example breakdownTable(regions, amounts, null, null, null, null) // [['Group','Revenue','Share'], ['West', 5200, 0.52], …, ['Total', 10000, 1]]
 */
export function breakdownTable(
  dimension: unknown,
  amounts: unknown,
  metric: unknown,
  dates: unknown,
  period: unknown,
  asOf: unknown,
  orderIds?: unknown,
): Spill {
  const id = breakdownMetricArg(metric);
  const groups = textColumnArg(dimension, 'dimension');
  const amountCells = cellsArg(amounts, 'amounts');
  const dateCells = optionalColumnArg(dates, 'dates');
  const idCells = isOmitted(orderIds) ? undefined : textColumnArg(orderIds, 'orderIds');
  requireSameLength([
    { name: 'dimension', cells: groups },
    { name: 'amounts', cells: amountCells },
    dateCells && { name: 'dates', cells: dateCells },
    idCells && { name: 'orderIds', cells: idCells },
  ]);
  const unit = optionalPeriodArg(period, 'period');
  if (unit && !dateCells) invalidArgument('period', 'needs the dates of the rows');
  // Without dates every row is placed on one day; without a period, rows up to asOf are.
  const table = ordersFromColumns({
    dates:
      dateCells ??
      groups.map((g, i) =>
        isBlank(g) && (isBlankCell(amountCells[i]) || amountCells[i] === 0) ? null : serialOf(0),
      ),
    amounts: amountCells,
    orderIds: idCells,
  });
  const asOfDay = Math.floor(optionalDateArg(asOf, 'asOf') ?? latestDay(table.date));
  return breakdownSpill(table, dictColumn(groups, table.sourceRow), id, unit, asOfDay);
}

/**
 * The breakdown's metric argument: revenue (omitted), orders or aov.
 * @example breakdownMetricArg('AOV') // 'aov'
 */
export function breakdownMetricArg(metric: unknown): MetricId {
  const metricText = optionalTextArg(metric, 'metric');
  const id = metricText === undefined ? 'revenue' : metricIdFromText(metricText);
  if (!id || !BREAKDOWN_METRICS.includes(id)) {
    invalidArgument('metric', `'${metricText}' is not one of ${BREAKDOWN_METRICS.join(', ')}`);
  }
  return id;
}

/**
 * The breakdown spill of an orders table by one of its text columns (`groups`, a code per row):
 * the period containing the as-of day (with growth like for like) when `unit` is given, else
 * every row up to the as-of day. SALES.BREAKDOWN and SALES.TABLEBREAKDOWN both end here.
 */
export function breakdownSpill(
  table: OrdersTable,
  groups: DictColumn,
  id: MetricId,
  unit: PeriodUnit | undefined,
  asOfDay: number,
): Spill {
  const orders: OrdersTable = {
    ...table,
    date: unit ? table.date : table.date.map((d) => (d < asOfDay + 1 ? asOfDay : d)),
    extra: { [GROUP]: groups },
  };
  const result = breakdown(
    { orders },
    {
      dimension: GROUP,
      period: periodOf(asOfDay, unit ?? 'day'),
      asOf: asOfDay,
      ids: [id],
      likeForLike: true,
    },
  );
  if (result.error && isMetricError(result.error)) throwMetricError(result.error);
  const flow = getMetric(id).kind === 'flow';
  const header = ['Group', getMetric(id).label.en, 'Share', ...(unit ? [growthHeader(result)] : [])];
  const rows = result.rows.map((row) => [
    row.key,
    row.values[0],
    flow ? row.share[0] : gap(`${id} does not add up, so it has no share`),
    ...(unit ? [row.growth[0]] : []),
  ]);
  rows.push([
    'Total',
    result.total.values[0],
    flow ? 1 : gap(`${id} does not add up, so it has no share`),
    ...(unit ? [result.total.growth[0]] : []),
  ]);
  return spill(header, rows);
}
