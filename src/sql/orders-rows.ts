/**
 * The orders rows as the metrics read them, and each customer's lifecycle, as CTEs:
 *
 * - `o`: usable rows (date and amount readable, the date in 1900–2200 as ingestion reads dates,
 *   not after the as-of day) with their row order `rn`, day, amount, quantity, cost (amount −
 *   profit when only a profit column is mapped), customer, order key (a blank order id is an order
 *   of its own) and group `g` (a breakdown's key; '' for the whole business);
 * - `b`: the rows added up per group, customer, order and day (per group, customer and day without
 *   order ids): lines, revenue, units, cost, purchase lines (`pos`, amount ≥ 0) and the first
 *   purchase line's row order (`prn`); every later CTE reads `b`, not the rows;
 * - `fo`: each customer's first purchase day and first order row (earliest day, then row order),
 *   from the whole table, so a breakdown credits a new customer to the key of that row;
 * - `life`: first and second order day (orders dated by their first purchase line), and a whole
 *   number `cid` per customer that the history CTEs group and sort by instead of the text;
 * - `bc`: the purchase rows of `b` of a group, with their customer's `cid`, lifecycle and a flag on
 *   the row holding the customer's first order row.
 *
 * With the orders staged (`staging.ts`), `o` reads the staged rows and `life` the staged
 * lifecycles; `o0`, `fo` and `co` are not needed.
 */
import type { Dialect } from './dialect';
import type { OrdersSource, SourceColumn } from './source';
import type { StagedOrders } from './staging';

/** Inclusive bounds of the days ingestion reads (years 1900–2200). */
export const FIRST_READ_DAY = -25567;
export const LAST_READ_DAY = 84005;

/** 2³²: a row's (day, row order) as one integer key, day × 2³² + row order. */
export const ROW_KEY_SHIFT = '4294967296';

/** The text a blank dimension value is grouped under (the engine's `BLANK_KEY`). */
export const BLANK_GROUP = '(blank)';

/** A group no row has, listed by breakdown statements so an empty key reads as nothing happened. */
export const EMPTY_GROUP = '~empty~';

export interface GroupBy {
  readonly column: SourceColumn;
  /** Only rows whose key is one of these (exact text, `(blank)` for blanks), as one group `Others`. */
  readonly only?: readonly string[];
}

/**
 * The group expression of a table: '' for the whole business, the key, or `Others` for the keys
 * of `only` (NULL for the rows of other keys: they belong to no group but still give customers
 * their lifecycle). `fold` turns keys into the form compared (lower case for the side tables).
 */
export function groupExpression(d: Dialect, group: GroupBy | undefined, folded = false): string {
  if (!group) return `CAST('' AS ${d.text})`;
  const label = d.label(d.ident(group.column.name), group.column.type);
  const blank = d.str(folded ? BLANK_GROUP.toLowerCase() : BLANK_GROUP);
  const key = folded ? `COALESCE(lower(${label}), ${blank})` : `COALESCE(${label}, ${blank})`;
  if (!group.only) return key;
  const keys = group.only.map((k) => d.str(folded ? k.trim().toLowerCase() : k)).join(', ');
  return `CASE WHEN ${key} IN (${keys}) THEN ${d.str(folded ? 'others' : 'Others')} END`;
}

function col(
  d: Dialect,
  source: OrdersSource,
  role: keyof OrdersSource['columns'],
): SourceColumn | undefined {
  return source.columns[role];
}

/**
 * The columns of a row as the metrics read them, each named `prefix` + rn, day, amount, qty,
 * cost, cust, oid (one per line): row order, epoch day, numbers, and customer and order id text.
 */
export function orderRowsSelect(d: Dialect, source: OrdersSource, prefix = ''): string {
  const ref = (c: SourceColumn) => d.ident(c.name);
  const date = col(d, source, 'date')!;
  const amount = col(d, source, 'amount')!;
  const quantity = col(d, source, 'quantity');
  const cost = col(d, source, 'cost');
  const profit = col(d, source, 'profit');
  const customer = col(d, source, 'customer');
  const orderId = col(d, source, 'order_id');
  const amountExpr = d.number(ref(amount), amount.type);
  const costExpr = cost
    ? d.number(ref(cost), cost.type)
    : profit
      ? `${amountExpr} - ${d.number(ref(profit), profit.type)}`
      : `CAST(NULL AS ${d.double})`;
  const order =
    source.rowOrder ??
    `ROW_NUMBER() OVER (ORDER BY ${[date, orderId, amount]
      .filter((c): c is SourceColumn => c !== undefined)
      .map(ref)
      .join(', ')}) - 1`;
  return [
    `${order} AS ${prefix}rn`,
    `${d.epochDay(ref(date), date.type)} AS ${prefix}day`,
    `${amountExpr} AS ${prefix}amount`,
    `${quantity ? d.number(ref(quantity), quantity.type) : `CAST(NULL AS ${d.double})`} AS ${prefix}qty`,
    `${costExpr} AS ${prefix}cost`,
    `${customer ? d.label(ref(customer), customer.type) : `CAST(NULL AS ${d.text})`} AS ${prefix}cust`,
    `${orderId ? d.label(ref(orderId), orderId.type) : `CAST(NULL AS ${d.text})`} AS ${prefix}oid`,
  ].join(',\n    ');
}

/** An order's key: its id, or the row's own key for a blank id (an order of its own). */
export function okeyExpression(d: Dialect, oid: string, rn: string): string {
  return `COALESCE(${oid}, '~row:' || CAST(${rn} AS ${d.text}))`;
}

/** The rows ingestion reads: a readable day and amount, the day in 1900–2200 and not after `lastDay`. */
export function readableRow(lastDay: number): string {
  return `day IS NOT NULL AND amount IS NOT NULL AND day BETWEEN ${FIRST_READ_DAY} AND ${Math.min(lastDay, LAST_READ_DAY)}`;
}

/**
 * `fo`, `co`, `life`: each customer's first purchase (day and row key), their orders' days and
 * their lifecycle with a whole number `cid`, read from the rows `o` or from the lines `b`.
 * Without `secondDay`, `life` leaves the second order day NULL (no `co`).
 */
export function lifecycleCtes(
  d: Dialect,
  from: 'o' | 'b',
  hasOrderId: boolean,
  secondDay: boolean,
): string[] {
  const purchase = from === 'o' ? 'amount >= 0' : 'pos > 0';
  const co = hasOrderId
    ? `SELECT cust, okey, MIN(day) AS od, 1 AS cnt FROM ${from} WHERE ${purchase} AND cust IS NOT NULL GROUP BY cust, okey`
    : `SELECT cust, day AS od, ${from === 'o' ? 'COUNT(*)' : 'SUM(pos)'} AS cnt FROM ${from} WHERE ${purchase} AND cust IS NOT NULL GROUP BY cust, day`;
  const fo = `SELECT cust, MIN(day) AS first_day, MIN(day * ${ROW_KEY_SHIFT} + ${from === 'o' ? 'rn' : 'prn'}) AS first_key\n  FROM ${from} WHERE ${purchase} AND cust IS NOT NULL GROUP BY cust`;
  return [
    `fo AS (\n  ${fo}\n)`,
    ...(secondDay
      ? [
          `co AS (\n  ${co}\n)`,
          `life AS (\n  SELECT fo.cust, ROW_NUMBER() OVER (ORDER BY fo.cust) AS cid, fo.first_day, fo.first_key,\n` +
            `    CASE WHEN SUM(CASE WHEN co.od = fo.first_day THEN co.cnt ELSE 0 END) >= 2 THEN fo.first_day\n      ELSE MIN(CASE WHEN co.od > fo.first_day THEN co.od END) END AS second_day\n` +
            `  FROM co JOIN fo ON co.cust = fo.cust\n  GROUP BY fo.cust, fo.first_day, fo.first_key\n)`,
        ]
      : [
          `life AS (SELECT cust, ROW_NUMBER() OVER (ORDER BY cust) AS cid, first_day, first_key, CAST(NULL AS ${d.bigint}) AS second_day FROM fo)`,
        ]),
  ];
}

/**
 * CTEs `o0`, `o`, `b`, `fo`, `co`, `life`, `bc` for one orders source. Rows are added up once into
 * `b`, one row per group, customer, order and day (per group, customer and day without order ids),
 * and everything after reads `b`: the metrics never go back to the rows.
 */
export function ordersRowCtes(
  d: Dialect,
  source: OrdersSource,
  asOf: number,
  group?: GroupBy,
  secondDay = true,
  span?: readonly [start: number, end: number],
  staged?: StagedOrders,
): string[] {
  const orderId = col(d, source, 'order_id');
  const g = groupExpression(d, group);
  const day = Math.floor(asOf);
  const o0 = `SELECT ${orderRowsSelect(d, source)},\n    ${g} AS g`;
  const okey = orderId ? okeyExpression(d, 'oid', 'rn') : undefined;
  const keys = okey ? 'g, cust, okey, day' : 'g, cust, day';
  const lines =
    `b AS (\n  SELECT ${keys}, COUNT(*) AS n, SUM(amount) AS revenue, SUM(qty) AS units,\n` +
    `    SUM(CASE WHEN cost IS NOT NULL THEN amount END) AS rwc, SUM(cost) AS cost,\n` +
    `    SUM(CASE WHEN amount >= 0 THEN 1 ELSE 0 END) AS pos, MIN(CASE WHEN amount >= 0 THEN rn END) AS prn\n` +
    `  FROM o${span ? ` WHERE day >= ${span[0]} AND day < ${span[1]}` : ''} GROUP BY ${keys}\n)`;
  const rows = staged
    ? [...stagedRowCtes(d, staged, group).slice(0, 1), lines, ...stagedRowCtes(d, staged, group).slice(1)]
    : [
        `o0 AS (\n  ${o0}\n  FROM ${source.relation}\n)`,
        `o AS (\n  SELECT rn, day, amount, qty, cost, cust, ${okey ? `${okey} AS okey, ` : ''}g\n  FROM o0\n  WHERE ${readableRow(day)}\n)`,
        lines,
        // With a span, `b` holds only the rows of the windows, and the lifecycle is read from the rows.
        ...lifecycleCtes(d, span ? 'o' : 'b', okey !== undefined, secondDay),
      ];
  return [
    ...rows,
    `bc AS (\n  SELECT b.g, life.cid, ${okey ? 'b.okey, ' : ''}b.day, b.pos, life.first_day, life.second_day,\n` +
      `    CASE WHEN b.day * ${ROW_KEY_SHIFT} + b.prn = life.first_key THEN 1 ELSE 0 END AS is_first\n` +
      `  FROM b JOIN life ON b.cust = life.cust\n  WHERE b.pos > 0 AND b.g IS NOT NULL\n)`,
  ];
}

/** `o` and `life` read from the staged tables, `o` with its group `g`. */
export function stagedRowCtes(d: Dialect, staged: StagedOrders, group?: GroupBy): string[] {
  const okey = staged.source.columns.order_id !== undefined ? '__okey AS okey, ' : '';
  return [
    `o AS (\n  SELECT __rn AS rn, __day AS day, __amount AS amount, __qty AS qty, __cost AS cost, __cid AS cust, ${okey}${groupExpression(d, group)} AS g\n  FROM ${staged.rows}\n)`,
    `life AS (SELECT cust, cid, first_day, first_key, second_day FROM ${staged.life})`,
  ];
}
