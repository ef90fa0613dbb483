/**
 * Range functions: one number from the columns of a table (SALES.REVENUE, SALES.RETENTION, …).
 * Each reads its ranges into a core table (columns.ts). Orders functions pick the period
 * containing `asOf` (window.ts) and compute through the metric engine (metric.ts). Pipeline
 * functions (win rate, cycle days, velocity) take every row of their ranges: a cell formula
 * chooses the rows with its ranges, and the statuses column needs no dates.
 */
import type { OrdersTable, PipelineTable } from '../core/table';
import { STATUS_CODE } from '../core/table';
import { safeDivide } from '../core/errors';
import { pipelineVelocity } from '../core/formulas';
import {
  cellsArg,
  columnArg,
  isOmitted,
  optionalDateArg,
  optionalPeriodArg,
  optionalTextColumnArg,
  textColumnArg,
} from './args';
import { ordersFromColumns, pipelineFromColumns } from './columns';
import { valueOrThrow } from './errors';
import { ordersMetric } from './metric';
import { numericRevenue } from './fast-sum';
import { rowWindow } from './window';

/**
 * The table of a customer function: dates and customers, and, when given, the amounts (a refund
 * line — amount below 0 — is never a purchase, so a customer with only refunds in a period is not
 * active in it) and the order ids (the lines of one order are one order; a blank id is an order
 * of its own). Without amounts every row is a purchase; without order ids every row is an order.
 */
function customerTable(
  dates: unknown,
  customers: unknown,
  amounts?: unknown,
  orderIds?: unknown,
): OrdersTable {
  return ordersFromColumns({
    dates: cellsArg(dates, 'dates'),
    customers: textColumnArg(customers, 'customers'),
    amounts: isOmitted(amounts) ? undefined : cellsArg(amounts, 'amounts'),
    orderIds: isOmitted(orderIds) ? undefined : textColumnArg(orderIds, 'orderIds'),
  });
}

/**
 * SALES.REVENUE(dates, amounts, [period], [asOf]): Σ amount in the window (refunds subtract).
 * The engine's revenue is exactly this sum over usable rows; it is added up here rather than
 * through the engine's per-table preparation (order keys, customer histories), which revenue does
 * not need and which would double the time on a whole-column range; columns of plain numbers skip
 * even the table (fast-sum.ts). Tests check both routes against the engine.
 * @example revenue([[45292], [45293]], [[10], [20]], null, null) // 30
 */
export function revenue(dates: unknown, amounts: unknown, period: unknown, asOf: unknown): number {
  const unit = optionalPeriodArg(period, 'period');
  const day = optionalDateArg(asOf, 'asOf');
  const fast = numericRevenue(dates, amounts, unit, day);
  if (fast !== undefined) return valueOrThrow(fast);
  const table = ordersFromColumns({ dates: cellsArg(dates, 'dates'), amounts: cellsArg(amounts, 'amounts') });
  const window = rowWindow(table.date, unit, day);
  let sum = 0;
  for (let i = 0; i < table.length; i++) {
    const d = table.date[i];
    if (d >= window.start && d < window.end) sum += table.amount[i];
  }
  return valueOrThrow(sum);
}

/**
 * SALES.ORDERS(dates, [orderIds], [period], [asOf], [amounts]): distinct order ids in the window
 * (each row is an order when `orderIds` is omitted; a blank id is an order of its own). With
 * amounts, an order whose lines in the window are all refunds is not an order of the window.
 * @example orders([[45292], [45292]], [['A'], ['A']], null, null) // 1
 */
export function orders(
  dates: unknown,
  orderIds: unknown,
  period: unknown,
  asOf: unknown,
  amounts?: unknown,
): number {
  const table = ordersFromColumns({
    dates: cellsArg(dates, 'dates'),
    orderIds: optionalTextColumnArg(orderIds, 'orderIds'),
    amounts: isOmitted(amounts) ? undefined : cellsArg(amounts, 'amounts'),
  });
  return ordersMetric('orders', table, period, asOf);
}

/**
 * SALES.CUSTOMERS(dates, customers, [period], [asOf], [amounts]): distinct customers with a
 * purchase in the window; with amounts, a customer whose only lines in the window are refunds is
 * not counted (the dashboard's rule).
 */
export function customers(
  dates: unknown,
  customerCells: unknown,
  period: unknown,
  asOf: unknown,
  amounts?: unknown,
): number {
  return ordersMetric('customers', customerTable(dates, customerCells, amounts), period, asOf);
}

/** SALES.NEWCUSTOMERS(dates, customers, [period], [asOf], [amounts]): customers whose first purchase ever is in the window. */
export function newCustomers(
  dates: unknown,
  customerCells: unknown,
  period: unknown,
  asOf: unknown,
  amounts?: unknown,
): number {
  return ordersMetric('new_customers', customerTable(dates, customerCells, amounts), period, asOf);
}

/**
 * SALES.RETENTION(dates, customers, [period], [asOf], [amounts]): |customers(P) ∩ customers(P−1)| ÷
 * |customers(P−1)|, P the period (default month) containing `asOf`, counted up to `asOf`.
 */
export function retention(
  dates: unknown,
  customerCells: unknown,
  period: unknown,
  asOf: unknown,
  amounts?: unknown,
): number {
  return ordersMetric('retention_rate', customerTable(dates, customerCells, amounts), period, asOf, true);
}

/** SALES.CHURN(dates, customers, [period], [asOf], [amounts]): 1 − SALES.RETENTION. */
export function churn(
  dates: unknown,
  customerCells: unknown,
  period: unknown,
  asOf: unknown,
  amounts?: unknown,
): number {
  return ordersMetric('churn_rate', customerTable(dates, customerCells, amounts), period, asOf, true);
}

/**
 * SALES.REPEATRATE(dates, customers, [period], [asOf], [amounts], [orderIds]): share of the
 * window's customers who have two or more orders to date (two lines of one order are one order).
 */
export function repeatRate(
  dates: unknown,
  customerCells: unknown,
  period: unknown,
  asOf: unknown,
  amounts?: unknown,
  orderIds?: unknown,
): number {
  return ordersMetric('repeat_rate', customerTable(dates, customerCells, amounts, orderIds), period, asOf);
}

/**
 * SALES.FREQUENCY(dates, customers, [period], [asOf], [amounts], [orderIds]): orders ÷ customers
 * in the window, orders counted as SALES.ORDERS counts them (distinct ids; refund lines are not
 * orders when amounts are given).
 */
export function frequency(
  dates: unknown,
  customerCells: unknown,
  period: unknown,
  asOf: unknown,
  amounts?: unknown,
  orderIds?: unknown,
): number {
  return ordersMetric(
    'purchase_frequency',
    customerTable(dates, customerCells, amounts, orderIds),
    period,
    asOf,
  );
}

/** Mean days created → closed over won deals with both dates. */
function meanCycleDays(table: PipelineTable): { mean: number; count: number } {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < table.length; i++) {
    if (table.status[i] !== STATUS_CODE.won) continue;
    const days = table.closed[i] - table.created[i];
    if (!Number.isFinite(days)) continue;
    sum += days;
    count++;
  }
  return { mean: count > 0 ? sum / count : NaN, count };
}

/**
 * SALES.CYCLEDAYS(created, closed, [statuses]): mean days from created to closed over won deals
 * (every row with a closing date when `statuses` is omitted).
 */
export function cycleDays(created: unknown, closed: unknown, statuses: unknown): number {
  const table = pipelineFromColumns({
    created: columnArg(created, 'created'),
    closed: columnArg(closed, 'closed'),
    statuses: optionalTextColumnArg(statuses, 'statuses'),
  });
  const { mean, count } = meanCycleDays(table);
  return valueOrThrow(count === 0 ? safeDivide(0, 0, 'no won deal has both dates') : mean);
}

function winRateOf(table: PipelineTable): number {
  let won = 0;
  let lost = 0;
  for (let i = 0; i < table.length; i++) {
    if (table.status[i] === STATUS_CODE.won) won++;
    else if (table.status[i] === STATUS_CODE.lost) lost++;
  }
  return valueOrThrow(safeDivide(won, won + lost, 'no closed deals'));
}

/** SALES.WINRATE(statuses): won ÷ (won + lost); open deals are left out. */
export function winRate(statuses: unknown): number {
  return winRateOf(pipelineFromColumns({ statuses: textColumnArg(statuses, 'statuses') }));
}

/**
 * SALES.VELOCITY(created, closed, statuses, values): open deals × win rate × average won deal value
 * ÷ mean sales cycle days, in value per day.
 */
export function velocity(created: unknown, closed: unknown, statuses: unknown, values: unknown): number {
  const table = pipelineFromColumns({
    created: columnArg(created, 'created'),
    closed: columnArg(closed, 'closed'),
    statuses: textColumnArg(statuses, 'statuses'),
    values: columnArg(values, 'values'),
  });
  let open = 0;
  let wonValue = 0;
  let wonCount = 0;
  for (let i = 0; i < table.length; i++) {
    if (table.status[i] === STATUS_CODE.open) open++;
    else if (table.status[i] === STATUS_CODE.won && Number.isFinite(table.value![i])) {
      wonValue += table.value![i];
      wonCount++;
    }
  }
  const rate = winRateOf(table);
  const deal = valueOrThrow(safeDivide(wonValue, wonCount, 'no won deal has a value'));
  const cycle = meanCycleDays(table);
  return valueOrThrow(pipelineVelocity(open, rate, deal, cycle.count === 0 ? 0 : cycle.mean));
}
