/**
 * Tables built straight from column ranges. A cell function receives `dates`, `amounts`,
 * `customers`… as separate ranges rather than a table with headers, so there is no role
 * detection here: each column is coerced with ingest's cell parsers and the rows that cannot be
 * used are left out.
 *
 * Row rules (the same for every function, and documented in docs/functions.md):
 * - Ranges must have the same number of rows, else `#VALUE!` ("dates has 10 rows but amounts has 9").
 * - A row whose cells are all blank is ignored (whole-column references end in blanks). Older
 *   desktop builds pass an empty cell as 0: a date of 0 is no date, so a row with no date whose
 *   other cells are blank or 0 is a blank row too (text columns arrive with their zeros already
 *   blank, see `textColumnArg`).
 * - A row whose date or amount cannot be read is skipped, like SUM skips text. When no row at all
 *   can be used, the first reason is reported (`#VALUE!`); when every row is blank, `#N/A`.
 * - Serials are read in the workbook's date system (date-system.ts).
 */
import type { CellValue } from '../core/cell';
import { isBlank } from '../core/cell';
import type { DateOrder } from '../core/ingest/dates';
import { dateOrReason, inferDateOrder } from '../core/ingest/dates';
import type { NumberStyle } from '../core/ingest/numbers';
import { amountOrReason, inferNumberStyle } from '../core/ingest/numbers';
import { parseStatus } from '../core/ingest/status';
import type { DictColumn, OrdersTable, PipelineTable } from '../core/table';
import { STATUS_CODE } from '../core/table';
import { DictionaryEncoder, MISSING_CODE } from '../core/ingest/dictionary';
import type { Cells } from './args';
import { isBlankCell, isNoDate } from './args';
import { dateSystem, serialSpan } from './date-system';
import { invalidArgument, notAvailable } from './errors';

/** A named column of cells, as the user passed it. */
export interface NamedColumn {
  readonly name: string;
  readonly cells: Cells;
}

/**
 * Checks that all given columns have the same number of rows.
 * @example sameLength([{ name: 'dates', cells: d }, { name: 'amounts', cells: a }])
 */
export function requireSameLength(columns: readonly (NamedColumn | undefined)[]): number {
  const present = columns.filter((c): c is NamedColumn => c !== undefined);
  const first = present[0];
  for (const column of present.slice(1)) {
    if (column.cells.length !== first.cells.length) {
      invalidArgument(
        column.name,
        `${first.name} has ${first.cells.length} rows but ${column.name} has ${column.cells.length}`,
      );
    }
  }
  return first ? first.cells.length : 0;
}

function hasText(cells: Cells): cells is readonly CellValue[] {
  if (ArrayBuffer.isView(cells)) return false;
  for (let i = 0; i < cells.length; i++) if (typeof cells[i] === 'string') return true;
  return false;
}

/** Day/month order and number style of text cells, decided once per column (numbers skip this). */
export function dateOrderOf(cells: Cells): DateOrder {
  return hasText(cells) ? inferDateOrder(cells) : 'mdy';
}

export function numberStyleOf(cells: Cells): NumberStyle | undefined {
  return hasText(cells) ? inferNumberStyle(cells) : undefined;
}

/** Epoch day of a date cell, or its reason (serials in the workbook's date system; 0 is no date). */
export function readDate(cell: CellValue, order: DateOrder): number | string {
  if (cell !== cell || cell === 0) return 'blank';
  return dateOrReason(cell, { order, system: dateSystem() });
}

/** True for a blank number cell, or the 0 an older build passes for one. */
function isBlankOrZero(cell: CellValue): boolean {
  return cell === 0 || isBlankCell(cell);
}

/** Number of an amount cell, or its reason. */
export function readAmount(cell: CellValue, style: NumberStyle | undefined): number | string {
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? cell : cell !== cell ? 'blank' : 'not a finite number';
  return amountOrReason(cell, style);
}

/**
 * A dictionary column of the given rows (1-based row numbers, as in `sourceRow`) of a column,
 * encoded by ingest (`1001` and "1001" are one id; blanks and Excel errors are missing). Sheets
 * list an order's lines together, so a cell equal to the one above reuses its code without a lookup.
 */
export function dictColumn(cells: readonly CellValue[], rowNumbers: Int32Array): DictColumn {
  const encoder = new DictionaryEncoder();
  const all = rowNumbers.length === cells.length;
  const codes = new Int32Array(rowNumbers.length);
  let previous: CellValue = NaN; // equal to no cell
  let previousCode = MISSING_CODE;
  for (let r = 0; r < rowNumbers.length; r++) {
    const cell = cells[all ? r : rowNumbers[r] - 1];
    if (cell === previous) {
      codes[r] = previousCode;
      continue;
    }
    const code = encoder.encode(cell);
    previous = cell;
    previousCode = code < 0 ? MISSING_CODE : code;
    codes[r] = previousCode;
  }
  return { codes, dictionary: encoder.dictionary() };
}

/** Tracks skipped rows so that an unusable range says why. */
class SkipLog {
  firstReason: string | undefined;
  firstColumn = '';
  skipped = 0;
  note(column: string, row: number, reason: string): void {
    this.skipped++;
    if (this.firstReason !== undefined) return;
    this.firstReason = `row ${row + 1}: ${reason}`;
    this.firstColumn = column;
  }
  /** Throws when nothing was usable. */
  requireRows(used: number): void {
    if (used > 0) return;
    if (this.firstReason) invalidArgument(this.firstColumn, `no row can be used (${this.firstReason})`);
    notAvailable('the ranges hold no data');
  }
}

export interface OrdersColumns {
  readonly dates: Cells;
  readonly amounts?: Cells;
  readonly customers?: readonly CellValue[];
  readonly orderIds?: readonly CellValue[];
  /** Cost of goods per row; a blank or unreadable cost leaves the row without a cost (`NaN`). */
  readonly costs?: Cells;
  /** Argument names for messages (default: `dates`, `amounts`, `customers`, `orderIds`, `costs`). */
  readonly names?: Partial<Record<'dates' | 'amounts' | 'customers' | 'orderIds' | 'costs', string>>;
}

/** The first `used` entries (no copy when every row was used). */
function trim<T extends Float64Array | Int32Array>(array: T, used: number): T {
  return (used === array.length ? array : array.slice(0, used)) as T;
}

/**
 * An `OrdersTable` from columns. Without `amounts` every row counts with amount 0 (functions that
 * count customers or orders need no amounts); a row with a blank customer is kept for revenue but
 * has no customer (`-1`). One pass over the rows: this runs on whole-column ranges.
 * @example ordersFromColumns({ dates: [45292, 45293], amounts: [10, 20] }).amount // [10, 20]
 */
export function ordersFromColumns(columns: OrdersColumns): OrdersTable {
  const names = {
    dates: 'dates',
    amounts: 'amounts',
    customers: 'customers',
    orderIds: 'orderIds',
    costs: 'costs',
    ...columns.names,
  };
  const { dates, amounts, customers, orderIds, costs } = columns;
  const length = requireSameLength([
    { name: names.dates, cells: dates },
    amounts && { name: names.amounts, cells: amounts },
    customers && { name: names.customers, cells: customers },
    orderIds && { name: names.orderIds, cells: orderIds },
    costs && { name: names.costs, cells: costs },
  ]);
  const order = dateOrderOf(dates);
  const style = amounts ? numberStyleOf(amounts) : undefined;
  // Typed inputs come fresh from `cellsArg`: they are compacted in place (row i is read before
  // slot used ≤ i is written), which saves a column's worth of memory on whole-column ranges.
  const dateOut = dates instanceof Float64Array ? dates : new Float64Array(length);
  const amountOut = amounts instanceof Float64Array ? amounts : new Float64Array(length);
  const sourceRow = new Int32Array(length);
  const log = new SkipLog();
  const { first, end, offset } = serialSpan();
  let used = 0;
  for (let i = 0; i < length; i++) {
    const dateCell = dates[i];
    let date: number | string;
    // Serials of real days: the common case, read without a call.
    if (typeof dateCell === 'number' && dateCell >= first && dateCell < end) {
      date = dateCell - offset;
    } else {
      if (
        isNoDate(dateCell) &&
        (!amounts || isBlankOrZero(amounts[i])) &&
        (!customers || isBlank(customers[i])) &&
        (!orderIds || isBlank(orderIds[i])) &&
        (!costs || isBlankOrZero(costs[i]))
      )
        continue;
      date = readDate(dateCell, order);
      if (typeof date === 'string') {
        log.note(names.dates, i, date);
        continue;
      }
    }
    let amount = 0;
    if (amounts) {
      const amountCell = amounts[i];
      const read =
        typeof amountCell === 'number' && amountCell - amountCell === 0
          ? amountCell
          : readAmount(amountCell, style);
      if (typeof read === 'string') {
        log.note(names.amounts, i, read);
        continue;
      }
      amount = read;
    }
    dateOut[used] = date;
    amountOut[used] = amount;
    sourceRow[used] = i + 1;
    used++;
  }
  log.requireRows(used);
  const kept = trim(sourceRow, used);
  const costOut = costs ? costColumn(costs, kept) : undefined;
  return {
    kind: 'orders',
    length: used,
    sourceRow: kept,
    mapping: { date: names.dates, ...(amounts ? { amount: names.amounts } : {}) },
    extra: {},
    date: trim(dateOut, used),
    amount: trim(amountOut, used),
    ...(customers ? { customer: dictColumn(customers, kept) } : {}),
    ...(orderIds ? { orderId: dictColumn(orderIds, kept) } : {}),
    ...(costOut ? { cost: costOut } : {}),
    dimensions: {},
  };
}

/**
 * The costs of the kept rows (1-based row numbers): numbers and number text; a blank, text that is
 * not a number or an error cell is `NaN`, a row without a cost (it still counts for revenue, as
 * in ingest, and gross margin leaves it out).
 */
function costColumn(cells: Cells, rowNumbers: Int32Array): Float64Array {
  const style = numberStyleOf(cells);
  const out = new Float64Array(rowNumbers.length);
  for (let r = 0; r < rowNumbers.length; r++) {
    const cell = cells[rowNumbers[r] - 1];
    const read =
      typeof cell === 'number'
        ? cell
        : isBlankCell(cell) || typeof cell === 'boolean'
          ? NaN
          : amountOrReason(cell, style);
    out[r] = typeof read === 'number' && Number.isFinite(read) ? read : NaN;
  }
  return out;
}

export interface PipelineColumns {
  readonly created?: readonly CellValue[];
  readonly closed?: readonly CellValue[];
  readonly statuses?: readonly CellValue[];
  readonly values?: readonly CellValue[];
}

/**
 * A `PipelineTable` from columns. A missing `created` column leaves created dates `NaN`; a missing
 * `statuses` column makes rows with a closing date `won` (SALES.CYCLEDAYS without statuses) and the
 * others `open`. Rows with a blank or non-status text status are skipped.
 */
export function pipelineFromColumns(columns: PipelineColumns): PipelineTable {
  const { created, closed, statuses, values } = columns;
  const length = requireSameLength([
    created && { name: 'created', cells: created },
    closed && { name: 'closed', cells: closed },
    statuses && { name: 'statuses', cells: statuses },
    values && { name: 'values', cells: values },
  ]);
  const createdOrder = created ? dateOrderOf(created) : 'mdy';
  const closedOrder = closed ? dateOrderOf(closed) : 'mdy';
  const style = values ? numberStyleOf(values) : undefined;
  const createdOut = new Float64Array(length);
  const closedOut = new Float64Array(length);
  const valueOut = new Float64Array(length);
  const statusOut = new Uint8Array(length);
  const rows = new Int32Array(length);
  const log = new SkipLog();
  let used = 0;
  for (let i = 0; i < length; i++) {
    const cells = [created?.[i], closed?.[i], statuses?.[i], values?.[i]];
    if (cells.every((c) => c === undefined || isBlankOrZero(c))) continue;
    let createdDay = NaN;
    if (created) {
      const read = readDate(created[i], createdOrder);
      if (typeof read === 'string') {
        log.note('created', i, read);
        continue;
      }
      createdDay = read;
    }
    let closedDay = NaN;
    if (closed && !isNoDate(closed[i])) {
      const read = readDate(closed[i], closedOrder);
      if (typeof read === 'string') {
        log.note('closed', i, read);
        continue;
      }
      closedDay = read;
    }
    let status: number = Number.isNaN(closedDay) ? STATUS_CODE.open : STATUS_CODE.won;
    if (statuses) {
      const reading = parseStatus(statuses[i]);
      if ('error' in reading) {
        log.note('statuses', i, reading.error);
        continue;
      }
      status = STATUS_CODE[reading.status];
    }
    let value = NaN;
    if (values && !isBlank(values[i])) {
      const read = readAmount(values[i], style);
      if (typeof read === 'string') {
        log.note('values', i, read);
        continue;
      }
      value = read;
    }
    createdOut[used] = createdDay;
    closedOut[used] = closedDay;
    statusOut[used] = status;
    valueOut[used] = value;
    rows[used] = i;
    used++;
  }
  log.requireRows(used);
  return {
    kind: 'pipeline',
    length: used,
    sourceRow: rows.slice(0, used).map((r) => r + 1),
    mapping: {},
    extra: {},
    created: createdOut.slice(0, used),
    status: statusOut.slice(0, used),
    closed: closedOut.slice(0, used),
    ...(values ? { value: valueOut.slice(0, used) } : {}),
  };
}

/**
 * The numbers of a range, blanks and text that is not a number left out (like SUM).
 * @example numbersOf(['', 5, '1,250', 'n/a']) // [5, 1250]
 */
export function numbersOf(cells: readonly CellValue[]): number[] {
  const style = numberStyleOf(cells);
  const out: number[] = [];
  for (const cell of cells) {
    if (typeof cell === 'number') {
      if (Number.isFinite(cell)) out.push(cell);
      continue;
    }
    if (isBlank(cell) || typeof cell === 'boolean') continue;
    const read = amountOrReason(cell, style);
    if (typeof read === 'number') out.push(read);
  }
  return out;
}
