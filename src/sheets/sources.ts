/**
 * Where the user's orders sit in the workbook, so headline figures can be native formulas
 * (SUMIFS / COUNTIFS over the data sheet, Excel 2016 functions only) that stay live without
 * the add-in. The formulas reproduce the engine's definitions (docs/metrics.md): revenue sums
 * every row (refunds reduce it); an order is a row with an amount ≥ 0 when there is no order id
 * (a zero amount is an order, a refund is not); units and cost add up the rows that have an
 * amount (a row without one is not read by the engine); gross margin reads the rows that carry a
 * cost (or a profit). Distinct counts (customers, orders by order id) and metrics that need a
 * customer's history have no such form and stay values.
 */
import type { CellValue } from '../core/cell';
import { type CellGrid, cellGrid } from '../core/ingest';
import type { MetricId } from '../core/metrics';
import type { OrderRole } from '../core/table';
import { ORDER_ROLES } from '../core/table';
import { quoteSheetName } from './a1';
import { UNDEFINED_TEXT } from './plan';

/** Order roles a formula can refer to. */
export type SourceRole = OrderRole;

export const SOURCE_ROLES: readonly SourceRole[] = ORDER_ROLES;

export interface OrdersSource {
  /** Sheet holding the orders. */
  readonly sheet: string;
  /** First and last data rows (header excluded). */
  readonly firstRow: number;
  readonly lastRow: number;
  /** Column letter of each mapped role. */
  readonly columns: Readonly<Partial<Record<SourceRole, string>>>;
  /**
   * True when the sheet holds real Excel dates and numeric amounts, so formulas see what the
   * engine sees. When false (text dates, currency text) figures are written as values.
   */
  readonly formulaReady: boolean;
  /**
   * Roles whose every data cell is a number or blank (see {@link numericRoles}): SUMIFS over
   * quantity, cost or profit matches the engine only then, since the engine reads a number typed
   * as text where SUMIFS skips it. Units, average selling price and gross margin are formulas
   * only when their columns and the amount column are listed here.
   */
  readonly numeric?: readonly SourceRole[];
  /** How the data is named in the header line (file name, table name). */
  readonly label: string;
  /** The workbook uses the 1904 date system: date bounds written for formulas must use it too. */
  readonly date1904?: boolean;
  /**
   * The Excel table holding the orders: formulas then use structured references
   * (`Orders[Amount]`), which grow with the table as rows are added.
   */
  readonly table?: string;
  /** Each mapped role's column header in `table`. */
  readonly headers?: Readonly<Partial<Record<SourceRole, string>>>;
}

/**
 * A column of an Excel table as a structured reference; `'` escapes the characters that have a
 * meaning inside the brackets.
 * @example structuredColumn('Orders', 'Order Date') // 'Orders[Order Date]'
 */
export function structuredColumn(table: string, header: string): string {
  return `${table}[${header.replace(/(['#[\]])/g, "'$1")}]`;
}

/** A criterion on a column: `cell` is an A1 cell on the plan's sheet holding the value. */
export interface Criterion {
  readonly role: SourceRole;
  readonly cell: string;
}

function column(source: OrdersSource, role: SourceRole): string | undefined {
  const header = source.headers?.[role];
  if (source.table !== undefined && header !== undefined) return structuredColumn(source.table, header);
  const letter = source.columns[role];
  return letter
    ? `${quoteSheetName(source.sheet)}!$${letter}$${source.firstRow}:$${letter}$${source.lastRow}`
    : undefined;
}

/** True when revenue and order counts can be native formulas for this source. */
export function canUseFormulas(source: OrdersSource | undefined): source is OrdersSource {
  return (
    !!source &&
    source.formulaReady &&
    !!source.columns.date &&
    !!source.columns.amount &&
    source.lastRow >= source.firstRow
  );
}

/** True when `orders` = rows (no order id column), so COUNTIFS reproduces it. */
export function ordersAreRows(source: OrdersSource): boolean {
  return !source.columns.order_id;
}

const isGrid = (cells: unknown): cells is CellGrid => !Array.isArray(cells);

/**
 * The roles of `indexOf` whose every data cell (rows `firstDataIndex…` of `rows`, arrays or a
 * grid over cells stored either way) is a number or empty; for `date` a date or a number. Text, booleans and dates in a number column disqualify it.
 * @example numericRoles([['Qty'], [2], [null], ['3']], 1, { quantity: 0 }) // [] ('3' is text)
 */
export function numericRoles(
  rows: readonly (readonly CellValue[] | undefined)[] | CellGrid,
  firstDataIndex: number,
  indexOf: Readonly<Partial<Record<SourceRole, number>>>,
): SourceRole[] {
  const grid = isGrid(rows) ? rows : cellGrid(rows);
  const out: SourceRole[] = [];
  for (const role of SOURCE_ROLES) {
    const index = indexOf[role];
    if (index === undefined) continue;
    let ok = true;
    for (let r = firstDataIndex; ok && r < grid.rowCount; r++) {
      const cell = grid.cell(r, index);
      ok =
        cell === null ||
        cell === undefined ||
        (typeof cell === 'number' && Number.isFinite(cell)) ||
        (role === 'date' && cell instanceof Date);
    }
    if (ok) out.push(role);
  }
  return out;
}

function isNumeric(source: OrdersSource, role: SourceRole): boolean {
  return !!source.columns[role] && (source.numeric?.includes(role) ?? false);
}

function windowCriteria(
  source: OrdersSource,
  startCell: string,
  endCell: string,
  extra: readonly Criterion[],
): string {
  const date = column(source, 'date')!;
  const parts = [`${date},">="&${startCell}`, `${date},"<"&${endCell}`];
  for (const c of extra) {
    const range = column(source, c.role);
    if (range) parts.push(`${range},${c.cell}`);
  }
  return parts.join(',');
}

/**
 * `SUMIFS(amount, date ≥ start, date < end, …criteria)`.
 * @example revenueFormula(src, '$B7', '$C7') // 'SUMIFS(Data!$D$2:$D$500,Data!$B$2:$B$500,">="&$B7,Data!$B$2:$B$500,"<"&$C7)'
 */
export function revenueFormula(
  source: OrdersSource,
  startCell: string,
  endCell: string,
  extra: readonly Criterion[] = [],
): string {
  return `SUMIFS(${column(source, 'amount')},${windowCriteria(source, startCell, endCell, extra)})`;
}

/**
 * `COUNTIFS(date window, amount ≥ 0, …criteria)`: orders when each row is an order.
 * @example ordersFormula(src, '$B7', '$C7')
 */
export function ordersFormula(
  source: OrdersSource,
  startCell: string,
  endCell: string,
  extra: readonly Criterion[] = [],
): string {
  return `COUNTIFS(${windowCriteria(source, startCell, endCell, extra)},${column(source, 'amount')},">=0")`;
}

/**
 * `SUMIFS(column, date window, …criteria, other column ≠ blank)`: a column's sum over the rows
 * where `where` (amount: rows the engine reads; cost: rows that carry a cost) is filled.
 */
function sumWhereFilled(
  source: OrdersSource,
  sum: SourceRole,
  where: SourceRole,
  startCell: string,
  endCell: string,
  extra: readonly Criterion[],
): string {
  return `SUMIFS(${column(source, sum)},${windowCriteria(source, startCell, endCell, extra)},${column(source, where)},"<>")`;
}

/**
 * `SUMIFS(quantity, date window, amount filled, …)` when the quantity and amount columns hold only
 * numbers and blanks.
 */
export function unitsFormula(
  source: OrdersSource,
  startCell: string,
  endCell: string,
  extra: readonly Criterion[] = [],
): string | undefined {
  if (!canUseFormulas(source) || !isNumeric(source, 'quantity') || !isNumeric(source, 'amount'))
    return undefined;
  return sumWhereFilled(source, 'quantity', 'amount', startCell, endCell, extra);
}

/** The column gross margin reads its cost from: cost, else profit (cost = amount − profit). */
function marginColumn(source: OrdersSource): 'cost' | 'profit' | undefined {
  if (source.columns.cost) return isNumeric(source, 'cost') ? 'cost' : undefined;
  return isNumeric(source, 'profit') ? 'profit' : undefined;
}

/** Figures a formula may read from cells already holding them for the same window. */
export type KnownCells = Readonly<Partial<Record<'revenue' | 'orders' | 'units', string>>>;

/** The metrics {@link metricFormula} can write for this source. */
export function liveMetrics(source: OrdersSource | undefined): ReadonlySet<MetricId> {
  const out = new Set<MetricId>();
  if (!canUseFormulas(source)) return out;
  out.add('revenue');
  if (ordersAreRows(source)) (out.add('orders'), out.add('aov'));
  if (isNumeric(source, 'quantity') && isNumeric(source, 'amount')) (out.add('units'), out.add('avg_price'));
  if (isNumeric(source, 'amount') && marginColumn(source)) out.add('gross_margin');
  return out;
}

/** `IF(denominator=0,"—",ratio)`, or the ISNUMBER guard when the parts are cells. */
function ratio(numerator: string, denominator: string, cells: boolean): string {
  return cells
    ? `IF(AND(ISNUMBER(${numerator}),ISNUMBER(${denominator}),${denominator}<>0),${numerator}/${denominator},"${UNDEFINED_TEXT}")`
    : `IF(${denominator}=0,"${UNDEFINED_TEXT}",${numerator}/${denominator})`;
}

/**
 * The native formula of metric `id` over the window [`startCell`, `endCell`) (cells holding Excel
 * dates; `endCell` may be an expression such as `$C$9+1`), or `undefined` when SUMIFS/COUNTIFS
 * cannot express it for this source. Ratios read the window's revenue, orders or units from
 * `known` cells when given, else compute them inline. A ratio over nothing (no orders, no units,
 * no revenue with a cost) is "—", as the engine's value is an error then.
 * @example metricFormula('aov', src, '$B$19', '$C$19+1', [], { revenue: 'B7', orders: 'B8' })
 * // 'IF(AND(ISNUMBER(B7),ISNUMBER(B8),B8<>0),B7/B8,"—")'
 */
export function metricFormula(
  id: MetricId,
  source: OrdersSource | undefined,
  startCell: string,
  endCell: string,
  extra: readonly Criterion[] = [],
  known: KnownCells = {},
): string | undefined {
  if (!canUseFormulas(source) || !liveMetrics(source).has(id)) return undefined;
  const revenue = () => revenueFormula(source, startCell, endCell, extra);
  switch (id) {
    case 'revenue':
      return revenue();
    case 'orders':
      return ordersFormula(source, startCell, endCell, extra);
    case 'units':
      return unitsFormula(source, startCell, endCell, extra);
    case 'aov':
      return known.revenue && known.orders
        ? ratio(known.revenue, known.orders, true)
        : ratio(revenue(), ordersFormula(source, startCell, endCell, extra), false);
    case 'avg_price':
      return known.revenue && known.units
        ? ratio(known.revenue, known.units, true)
        : ratio(revenue(), unitsFormula(source, startCell, endCell, extra)!, false);
    case 'gross_margin': {
      const by = marginColumn(source)!;
      const withCost = sumWhereFilled(source, 'amount', by, startCell, endCell, extra);
      const part = sumWhereFilled(source, by, 'amount', startCell, endCell, extra);
      // (revenue with a cost − cost) ÷ revenue with a cost; with a profit column, profit ÷ it.
      return by === 'cost'
        ? `IF(${withCost}=0,"${UNDEFINED_TEXT}",1-${part}/${withCost})`
        : `IF(${withCost}=0,"${UNDEFINED_TEXT}",${part}/${withCost})`;
    }
    default:
      return undefined;
  }
}
