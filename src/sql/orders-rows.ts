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
 */
import type { Dialect } from './dialect';
import type { OrdersSource, SourceColumn } from './source';

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
): string[] {
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
  const g = groupExpression(d, group);
  const day = Math.floor(asOf);
  const o0 = [
    `SELECT ${order} AS rn`,
    `${d.epochDay(ref(date), date.type)} AS day`,
    `${amountExpr} AS amount`,
    `${quantity ? d.number(ref(quantity), quantity.type) : `CAST(NULL AS ${d.double})`} AS qty`,
    `${costExpr} AS cost`,
    `${customer ? d.label(ref(customer), customer.type) : `CAST(NULL AS ${d.text})`} AS cust`,
    `${orderId ? d.label(ref(orderId), orderId.type) : `CAST(NULL AS ${d.text})`} AS oid`,
    `${g} AS g`,
  ].join(',\n    ');
  const okey = orderId ? `COALESCE(oid, '~row:' || CAST(rn AS ${d.text}))` : undefined;
  const keys = okey ? 'g, cust, okey, day' : 'g, cust, day';
  // An order's day is its first purchase line's; without order ids every purchase line is an order.
  // With a span, `b` holds only the rows of the windows, and the lifecycle is read from the rows.
  const co = span
    ? okey
      ? `SELECT cust, okey, MIN(day) AS od, 1 AS cnt FROM o WHERE amount >= 0 AND cust IS NOT NULL GROUP BY cust, okey`
      : `SELECT cust, day AS od, COUNT(*) AS cnt FROM o WHERE amount >= 0 AND cust IS NOT NULL GROUP BY cust, day`
    : okey
      ? `SELECT cust, okey, MIN(day) AS od, 1 AS cnt FROM b WHERE pos > 0 AND cust IS NOT NULL GROUP BY cust, okey`
      : `SELECT cust, day AS od, SUM(pos) AS cnt FROM b WHERE pos > 0 AND cust IS NOT NULL GROUP BY cust, day`;
  const fo = span
    ? `SELECT cust, MIN(day) AS first_day, MIN(day * ${ROW_KEY_SHIFT} + rn) AS first_key\n  FROM o WHERE amount >= 0 AND cust IS NOT NULL GROUP BY cust`
    : `SELECT cust, MIN(day) AS first_day, MIN(day * ${ROW_KEY_SHIFT} + prn) AS first_key\n  FROM b WHERE pos > 0 AND cust IS NOT NULL GROUP BY cust`;
  return [
    `o0 AS (\n  ${o0}\n  FROM ${source.relation}\n)`,
    `o AS (\n  SELECT rn, day, amount, qty, cost, cust, ${okey ? `${okey} AS okey, ` : ''}g\n  FROM o0\n  WHERE day IS NOT NULL AND amount IS NOT NULL AND day BETWEEN ${FIRST_READ_DAY} AND ${Math.min(day, LAST_READ_DAY)}\n)`,
    `b AS (\n  SELECT ${keys}, COUNT(*) AS n, SUM(amount) AS revenue, SUM(qty) AS units,\n` +
      `    SUM(CASE WHEN cost IS NOT NULL THEN amount END) AS rwc, SUM(cost) AS cost,\n` +
      `    SUM(CASE WHEN amount >= 0 THEN 1 ELSE 0 END) AS pos, MIN(CASE WHEN amount >= 0 THEN rn END) AS prn\n` +
      `  FROM o${span ? ` WHERE day >= ${span[0]} AND day < ${span[1]}` : ''} GROUP BY ${keys}\n)`,
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
    `bc AS (\n  SELECT b.g, life.cid, ${okey ? 'b.okey, ' : ''}b.day, b.pos, life.first_day, life.second_day,\n` +
      `    CASE WHEN b.day * ${ROW_KEY_SHIFT} + b.prn = life.first_key THEN 1 ELSE 0 END AS is_first\n` +
      `  FROM b JOIN life ON b.cust = life.cust\n  WHERE b.pos > 0 AND b.g IS NOT NULL\n)`,
  ];
}
