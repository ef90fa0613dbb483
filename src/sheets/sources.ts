/**
 * Where the user's orders sit in the workbook, so headline figures can be native formulas
 * (SUMIFS / COUNTIFS over the data sheet, Excel 2016 functions only) that stay live without
 * the add-in. The formulas reproduce the engine's definitions: revenue sums every row
 * (refunds reduce it), an order is a row with a non-negative amount when there is no order id.
 */
import type { OrderRole } from '../core/table';
import { ORDER_ROLES } from '../core/table';
import { quoteSheetName } from './a1';

/** Order roles a formula can refer to: every orders role but cost, which no formula reads. */
export type SourceRole = Exclude<OrderRole, 'cost'>;

export const SOURCE_ROLES: readonly SourceRole[] = ORDER_ROLES.filter(
  (role): role is SourceRole => role !== 'cost',
);

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

/** `SUMIFS(quantity, …)` when a quantity column exists. */
export function unitsFormula(
  source: OrdersSource,
  startCell: string,
  endCell: string,
  extra: readonly Criterion[] = [],
): string | undefined {
  const quantity = column(source, 'quantity');
  return quantity ? `SUMIFS(${quantity},${windowCriteria(source, startCell, endCell, extra)})` : undefined;
}
