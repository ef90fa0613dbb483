/**
 * Staging: an orders source read once per command into two temporary tables that every later
 * statement of the command reads instead of the source, where a command sends several statements
 * over the same rows (the monthly suite and its breakdowns):
 *
 * - the rows as the metrics read them (`o` of `orders-rows.ts`: readable, up to the as-of day) in
 *   columns `__rn`, `__day`, `__amount`, `__qty`, `__cost`, `__okey` and `__cid`, a whole number
 *   per customer in place of the text, beside the source's columns a breakdown can group by;
 * - each customer's lifecycle (`life`: first purchase, second order day) and distinct order days
 *   (the history metrics' `hd` of the whole business), which no grouping changes.
 *
 * The statements after staging compute exactly what they compute from the source: only where the
 * rows are read from changes. Staging is text too: `stageOrders` in `evaluate.ts` runs it.
 */
import type { Dialect } from './dialect';
import { FIRST_READ_DAY, LAST_READ_DAY, lifecycleCtes, okeyExpression, orderRowsSelect } from './orders-rows';
import type { OrdersSource } from './source';
import { dimensionColumns } from './source';

/** The staged tables of one orders source at one as-of day. */
export interface StagedOrders {
  readonly source: OrdersSource;
  /** The as-of day the rows were read up to. */
  readonly asOf: number;
  /** The table of rows. */
  readonly rows: string;
  /** The table of lifecycles: cust (= cid), cid, first_day, first_key, second_day. */
  readonly life: string;
  /** The table of each customer's distinct order days (orders dated by their first purchase line): cid, day. */
  readonly days: string;
}

export interface StagedNames {
  readonly rows: string;
  readonly life: string;
  readonly days: string;
  /** Working tables, dropped once the others are made: customers' numbers, orders (`co`). */
  readonly customers: string;
  readonly orders: string;
}

/**
 * The statements creating the staged tables `rows`, `life` and `days` of `source` (temporary
 * tables), in order, the working tables dropped at the end.
 * @example stagingStatements(d, orders, asOf, { rows: 'r', life: 'l', days: 'd', customers: 'c', orders: 'o' }) // ['CREATE TEMP TABLE c AS …', …]
 */
export function stagingStatements(
  d: Dialect,
  source: OrdersSource,
  asOf: number,
  names: StagedNames,
): string[] {
  const hasOrderId = source.columns.order_id !== undefined;
  const last = Math.min(Math.floor(asOf), LAST_READ_DAY);
  const customer = source.columns.customer;
  // The source's columns a breakdown can group by, copied beside the rows as they are.
  const keys = dimensionColumns('orders', source).map((c) => `, x.${d.ident(c.name)}`);
  const rows =
    `CREATE TEMP TABLE ${names.rows} AS\n` +
    `SELECT x.__rn, x.__day, x.__amount, x.__qty, x.__cost, ${customer ? 'ids.id' : `CAST(NULL AS ${d.bigint})`} AS __cid` +
    `${hasOrderId ? `, ${okeyExpression(d, 'x.__oid', 'x.__rn')} AS __okey` : ''}${keys.join('')}\n` +
    `FROM (SELECT ${orderRowsSelect(d, source, '__')}, src.* FROM ${source.relation} src) x\n` +
    `${customer ? `LEFT JOIN ${names.customers} ids ON ids.cust = x.__cust\n` : ''}` +
    `WHERE x.__day IS NOT NULL AND x.__amount IS NOT NULL AND x.__day BETWEEN ${FIRST_READ_DAY} AND ${last}`;
  // A whole number per customer text (of any row: only telling customers apart matters).
  const ids = customer
    ? [
        `CREATE TEMP TABLE ${names.customers} AS\nSELECT cust, ROW_NUMBER() OVER (ORDER BY cust) AS id\n` +
          `FROM (SELECT DISTINCT ${d.label(d.ident(customer.name), customer.type)} AS cust FROM ${source.relation}) c WHERE cust IS NOT NULL`,
      ]
    : [];
  const o = `o AS (\n  SELECT __rn AS rn, __day AS day, __amount AS amount, __cid AS cust${hasOrderId ? ', __okey AS okey' : ''}\n  FROM ${names.rows}\n)`;
  const co = lifecycleCtes(d, 'o', hasOrderId, true)[1];
  const orders = `CREATE TEMP TABLE ${names.orders} AS\nWITH ${o},\n${co}\nSELECT * FROM co`;
  const life =
    `CREATE TEMP TABLE ${names.life} AS\nWITH ${[o, ...lifecycleCtes(d, 'o', hasOrderId, true, names.orders)].join(',\n')}\n` +
    `SELECT cust, cust AS cid, first_day, first_key, second_day FROM life`;
  const days = `CREATE TEMP TABLE ${names.days} AS SELECT DISTINCT cust AS cid, od AS day FROM ${names.orders}`;
  const dropped = [...(customer ? [names.customers] : []), names.orders].map((t) => `DROP TABLE ${t}`);
  const made = (sql: string, table: string) => (d.analyze ? [sql, d.analyze(table)] : [sql]);
  return [
    ...(ids.length ? made(ids[0], names.customers) : []),
    ...made(rows, names.rows),
    ...made(orders, names.orders),
    ...made(life, names.life),
    ...made(days, names.days),
    ...dropped,
  ];
}

/** The statements dropping the staged tables. */
export function unstagingStatements(staged: StagedOrders): string[] {
  return [staged.rows, staged.life, staged.days].map((table) => `DROP TABLE IF EXISTS ${table}`);
}
