/**
 * Range functions: one number from the columns of a table (SALES.REVENUE, SALES.RETENTION, …).
 * Each reads its ranges into a core table (columns.ts), picks the rows of the period containing
 * `asOf` (window.ts) and computes the SPEC.md definition on them.
 */
import type { OrdersTable, PipelineTable } from '../core/table';
import { STATUS_CODE } from '../core/table';
import { safeDivide } from '../core/errors';
import { pipelineVelocity } from '../core/formulas';
import type { PeriodUnit } from '../core/periods';
import { previousPeriod } from '../core/periods';
import { columnArg, optionalColumnArg, optionalDateArg, optionalPeriodArg } from './args';
import { ordersFromColumns, pipelineFromColumns } from './columns';
import { valueOrThrow } from './errors';
import type { RowWindow } from './window';
import { inWindow, rowWindow } from './window';

/** Period and as-of arguments shared by every orders function. */
function windowArgs(table: OrdersTable, period: unknown, asOf: unknown, defaultPeriod?: PeriodUnit): RowWindow {
  return rowWindow(table.date, optionalPeriodArg(period, 'period') ?? defaultPeriod, optionalDateArg(asOf, 'asOf'));
}

function customerTable(dates: unknown, customers: unknown): OrdersTable & { customer: NonNullable<OrdersTable['customer']> } {
  return ordersFromColumns({ dates: columnArg(dates, 'dates'), customers: columnArg(customers, 'customers') }) as
    OrdersTable & { customer: NonNullable<OrdersTable['customer']> };
}

/** Marks (1) of the customers with a row in [start, end). */
function customersBetween(table: OrdersTable, start: number, end: number): Uint8Array {
  const customer = table.customer!;
  const marks = new Uint8Array(customer.dictionary.length);
  for (let i = 0; i < table.length; i++) {
    const d = table.date[i];
    const code = customer.codes[i];
    if (code >= 0 && d >= start && d < end) marks[code] = 1;
  }
  return marks;
}

function countMarks(marks: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < marks.length; i++) n += marks[i];
  return n;
}

/**
 * SALES.REVENUE(dates, amounts, [period], [asOf]): Σ amount in the window (refunds subtract).
 * @example revenue([[45292], [45293]], [[10], [20]], null, null) // 30
 */
export function revenue(dates: unknown, amounts: unknown, period: unknown, asOf: unknown): number {
  const table = ordersFromColumns({ dates: columnArg(dates, 'dates'), amounts: columnArg(amounts, 'amounts') });
  const window = windowArgs(table, period, asOf);
  let sum = 0;
  for (let i = 0; i < table.length; i++) {
    const d = table.date[i];
    if (d >= window.start && d < window.end) sum += table.amount[i];
  }
  return valueOrThrow(sum);
}

/**
 * SALES.ORDERS(dates, [orderIds], [period], [asOf]): distinct order ids in the window (each row is
 * an order when `orderIds` is omitted).
 * @example orders([[45292], [45292]], [['A'], ['A']], null, null) // 1
 */
export function orders(dates: unknown, orderIds: unknown, period: unknown, asOf: unknown): number {
  const ids = optionalColumnArg(orderIds, 'orderIds');
  const table = ordersFromColumns({ dates: columnArg(dates, 'dates'), orderIds: ids });
  return ordersIn(table, windowArgs(table, period, asOf));
}

function ordersIn(table: OrdersTable, window: RowWindow): number {
  const ids = table.orderId;
  const marks = ids ? new Uint8Array(ids.dictionary.length) : undefined;
  let rows = 0;
  for (let i = 0; i < table.length; i++) {
    if (!inWindow(table.date[i], window)) continue;
    const code = ids ? ids.codes[i] : -1;
    if (marks && code >= 0) marks[code] = 1;
    else rows++;
  }
  return rows + (marks ? countMarks(marks) : 0);
}

/**
 * SALES.CUSTOMERS(dates, customers, [period], [asOf]): distinct customers with an order in the window.
 * @example customers(dates, [['a'], ['b'], ['a']], null, null) // 2
 */
export function customers(dates: unknown, customerCells: unknown, period: unknown, asOf: unknown): number {
  const table = customerTable(dates, customerCells);
  const window = windowArgs(table, period, asOf);
  return countMarks(customersBetween(table, window.start, window.end));
}

/** First order day of each customer (Infinity when none). */
function firstOrderDays(table: OrdersTable): Float64Array {
  const customer = table.customer!;
  const first = new Float64Array(customer.dictionary.length).fill(Infinity);
  for (let i = 0; i < table.length; i++) {
    const code = customer.codes[i];
    if (code >= 0 && table.date[i] < first[code]) first[code] = table.date[i];
  }
  return first;
}

/**
 * SALES.NEWCUSTOMERS(dates, customers, [period], [asOf]): customers whose first order ever falls in
 * the window.
 */
export function newCustomers(dates: unknown, customerCells: unknown, period: unknown, asOf: unknown): number {
  const table = customerTable(dates, customerCells);
  const window = windowArgs(table, period, asOf);
  const first = firstOrderDays(table);
  let n = 0;
  for (let c = 0; c < first.length; c++) if (inWindow(first[c], window)) n++;
  return n;
}

/**
 * SALES.RETENTION(dates, customers, [period], [asOf]): |customers(P) ∩ customers(P−1)| ÷
 * |customers(P−1)|, P the period (default month) containing `asOf`, counted up to `asOf`.
 */
export function retention(dates: unknown, customerCells: unknown, period: unknown, asOf: unknown): number {
  const table = customerTable(dates, customerCells);
  const window = windowArgs(table, period, asOf, 'month');
  const previous = previousPeriod(window.period!);
  const now = customersBetween(table, window.start, window.end);
  const before = customersBetween(table, previous.start, previous.end);
  let kept = 0;
  for (let c = 0; c < now.length; c++) kept += now[c] & before[c];
  return valueOrThrow(safeDivide(kept, countMarks(before), `no customers in ${previous.label}`));
}

/** SALES.CHURN(dates, customers, [period], [asOf]): 1 − SALES.RETENTION. */
export function churn(dates: unknown, customerCells: unknown, period: unknown, asOf: unknown): number {
  return 1 - retention(dates, customerCells, period, asOf);
}

/** Orders (rows) per customer up to the end of the window. */
function ordersToDate(table: OrdersTable, end: number): Int32Array {
  const customer = table.customer!;
  const counts = new Int32Array(customer.dictionary.length);
  for (let i = 0; i < table.length; i++) {
    const code = customer.codes[i];
    if (code >= 0 && table.date[i] < end) counts[code]++;
  }
  return counts;
}

/**
 * SALES.REPEATRATE(dates, customers, [period], [asOf]): share of the window's customers who have
 * two or more orders (rows) to date.
 */
export function repeatRate(dates: unknown, customerCells: unknown, period: unknown, asOf: unknown): number {
  const table = customerTable(dates, customerCells);
  const window = windowArgs(table, period, asOf);
  const active = customersBetween(table, window.start, window.end);
  const counts = ordersToDate(table, window.end);
  let repeaters = 0;
  for (let c = 0; c < active.length; c++) if (active[c] && counts[c] >= 2) repeaters++;
  return valueOrThrow(safeDivide(repeaters, countMarks(active), 'no customers in the period'));
}

/**
 * SALES.FREQUENCY(dates, customers, [period], [asOf]): orders (rows with a customer) ÷ customers
 * in the window.
 */
export function frequency(dates: unknown, customerCells: unknown, period: unknown, asOf: unknown): number {
  const table = customerTable(dates, customerCells);
  const window = windowArgs(table, period, asOf);
  let rows = 0;
  for (let i = 0; i < table.length; i++) if (table.customer.codes[i] >= 0 && inWindow(table.date[i], window)) rows++;
  return valueOrThrow(safeDivide(rows, countMarks(customersBetween(table, window.start, window.end)), 'no customers in the period'));
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
    created: columnArg(created, 'created'), closed: columnArg(closed, 'closed'),
    statuses: optionalColumnArg(statuses, 'statuses'),
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
  return winRateOf(pipelineFromColumns({ statuses: columnArg(statuses, 'statuses') }));
}

/**
 * SALES.VELOCITY(created, closed, statuses, values): open deals × win rate × average won deal value
 * ÷ mean sales cycle days, in value per day.
 */
export function velocity(created: unknown, closed: unknown, statuses: unknown, values: unknown): number {
  const table = pipelineFromColumns({
    created: columnArg(created, 'created'), closed: columnArg(closed, 'closed'),
    statuses: columnArg(statuses, 'statuses'), values: columnArg(values, 'values'),
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
