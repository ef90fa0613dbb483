/**
 * Staging: an orders source read once per command into temporary tables that every later
 * statement of the command reads instead of the source, where a command sends several statements
 * over the same rows (the monthly suite and its breakdowns):
 *
 * - the rows as the metrics read them (`o` of `orders-rows.ts`: readable, up to the as-of day) in
 *   columns `__rn`, `__day`, `__amount`, `__qty`, `__cost`, `__okey` and `__cid`, a whole number
 *   per customer in place of the text, beside the source's columns the command's breakdowns group
 *   by (`StagingOptions.dimensions`; every column a breakdown can group by without it);
 * - each customer's lifecycle (`life`: first purchase, second order day) and distinct order days
 *   (the history metrics' `hd` of the whole business), which no grouping changes;
 * - the whole business's figures as small tables no window choice changes (`StagedTotals`): sums
 *   per day, orders per day, customers' purchase days per day and previous purchase day, the
 *   changes of customers' usual gaps, first, last and second order days per day and the long gaps,
 *   so a statement of the whole business adds up days, not rows (`staged-query.ts`).
 *
 * Everything is worked out from the staged rows in a few passes: the order keys are grouped once
 * (orders on one day are counted per day; the few orders over several days keep their days), and
 * each customer's purchase days once, with their previous purchase and order days, from which the
 * lifecycles, order days and gaps follow. The statements after staging compute exactly what they
 * compute from the source: only where the rows are read from changes. Staging is text too:
 * `stageOrders` in `evaluate.ts` runs it.
 */
import type { Dialect } from './dialect';
import { gapChangeCtes } from './history';
import { FIRST_READ_DAY, LAST_READ_DAY, ROW_KEY_SHIFT, okeyExpression, orderRowsSelect } from './orders-rows';
import type { OrdersSource } from './source';
import { dimensionColumns, dimensionSourceColumn } from './source';

/**
 * The gaps before each gap that the running median's first pass frames on DuckDB: a bounded frame
 * holds every earlier gap of a customer's first `GAP_FRAME` + 1 gaps, and DuckDB's windowed
 * `MEDIAN` over it takes about half the CPU of a frame from the partition's start (10,000,000 rows:
 * 6.3 s against 11.7 s).
 */
const GAP_FRAME = 1000;

/** The whole business's staged figures, per day (see `staged-query.ts` for how they are read). */
export interface StagedTotals {
  /** Rows per day: day, n (lines), revenue, units, rwc, cost, rwcust (revenue with a customer), pos and posc (purchase lines, with a customer). */
  readonly daily: string;
  /** Customers' purchase days per day and previous purchase day: day, pp, r (second order day on or before pp), c. */
  readonly buyers: string;
  /** With order ids: orders whose purchase lines are all on one day, per day: day, n, nc (with a customer). */
  readonly orderDays?: string;
  /** With order ids: the purchase days of the other orders: okey, day, c (a purchase line with a customer). */
  readonly spanning?: string;
  /** Changes of customers' usual gaps (twice the running median gap): day, v, c. */
  readonly gaps: string;
  /** Customers' first, last and second order days per day: day, f, l, n2. */
  readonly marks: string;
  /** Gaps of a year or more between consecutive order days: pday, day, c. */
  readonly longGaps: string;
}

/** The staged tables of one orders source at one as-of day. */
export interface StagedOrders {
  readonly source: OrdersSource;
  /** The as-of day the rows were read up to. */
  readonly asOf: number;
  /** The table of rows. */
  readonly rows: string;
  /** The source's columns copied beside the rows, which a breakdown over the staged rows can group by. */
  readonly groupColumns: readonly string[];
  /** The table of lifecycles: cust (= cid), cid, first_day, first_key, second_day. */
  readonly life: string;
  /** The table of each customer's distinct order days (orders dated by their first purchase line): cid, day. */
  readonly days: string;
  readonly totals: StagedTotals;
}

/** The tables staging makes, and a prefix for its working tables (dropped once the others are made). */
export type StagedNames = Omit<StagedOrders, 'source' | 'asOf'> & { readonly work: string };

/** How staging works, where the default is not wanted. */
export interface StagingOptions {
  /**
   * The dimensions the command breaks down by (as a breakdown names them): only their columns are
   * copied beside the rows, and a breakdown by another dimension reads the source. Without it,
   * every column a breakdown can group by is copied.
   */
  readonly dimensions?: readonly string[];
  /**
   * DuckDB: the gaps before each gap that the running median's first pass frames (`GAP_FRAME`);
   * a customer's later gaps come from a second pass framed from their first gap.
   */
  readonly gapFrame?: number;
}

/**
 * The statements creating the staged tables of `source` (temporary tables), in order, the working
 * tables dropped at the end.
 * @example stagingStatements(d, orders, asOf, { rows: 'r', life: 'l', days: 'd', totals, work: 'w' }) // ['CREATE TEMP TABLE w_customers AS …', …]
 */
export function stagingStatements(
  d: Dialect,
  source: OrdersSource,
  asOf: number,
  names: StagedNames,
  options: StagingOptions = {},
): string[] {
  const hasOrderId = source.columns.order_id !== undefined;
  const last = Math.min(Math.floor(asOf), LAST_READ_DAY);
  const customer = source.columns.customer;
  const t = names.totals;
  const work = (name: string) => `${names.work}_${name}`;
  const w = {
    customers: work('customers'),
    keys: work('keys'),
    spanKeys: work('span_keys'),
    spanLines: work('span_lines'),
    spanOrders: work('span_orders'),
    days: work('purchase_days'),
    firsts: work('firsts'),
  };
  const statements: string[] = [];
  const make = (table: string, sql: string) => {
    statements.push(`CREATE TEMP TABLE ${table} AS\n${sql}`);
    if (d.analyze) statements.push(d.analyze(table));
  };
  const made: string[] = [];
  const working = (table: string, sql: string) => {
    make(table, sql);
    made.push(table);
  };
  // A whole number per customer text (of any row: only telling customers apart matters), for each
  // of the column's distinct values: the text is read once per value, and rows join on the value.
  if (customer)
    working(
      w.customers,
      `SELECT raw, DENSE_RANK() OVER (ORDER BY cust) AS id FROM (\n` +
        `  SELECT raw, ${d.label('raw', customer.type)} AS cust FROM (SELECT DISTINCT ${d.ident(customer.name)} AS raw FROM ${source.relation}) r\n` +
        `) c WHERE cust IS NOT NULL`,
    );
  // The columns a breakdown of the command groups by (`groupColumnsOf`), copied beside the rows as they are.
  const keys = names.groupColumns.map((name) => `, x.${d.ident(name)}`);
  make(
    names.rows,
    `SELECT x.__rn, x.__day, x.__amount, x.__qty, x.__cost, ${customer ? 'ids.id' : `CAST(NULL AS ${d.bigint})`} AS __cid` +
      `${hasOrderId ? `, ${okeyExpression(d, 'x.__oid', 'x.__rn')} AS __okey` : ''}${keys.join('')}\n` +
      `FROM (SELECT ${orderRowsSelect(d, source, '__')}, src.* FROM ${source.relation} src) x\n` +
      `${customer ? `LEFT JOIN ${w.customers} ids ON ids.raw = x.${d.ident(customer.name)}\n` : ''}` +
      `WHERE x.__day IS NOT NULL AND x.__amount IS NOT NULL AND x.__day BETWEEN ${FIRST_READ_DAY} AND ${last}`,
  );
  const purchase = 'r.__amount >= 0';
  make(
    t.daily,
    `SELECT __day AS day, COUNT(*) AS n, SUM(__amount) AS revenue, SUM(__qty) AS units,\n` +
      `  SUM(CASE WHEN __cost IS NOT NULL THEN __amount END) AS rwc, SUM(__cost) AS cost,\n` +
      `  SUM(CASE WHEN __cid IS NOT NULL THEN __amount END) AS rwcust,\n` +
      `  SUM(CASE WHEN __amount >= 0 THEN 1 ELSE 0 END) AS pos, SUM(CASE WHEN __amount >= 0 AND __cid IS NOT NULL THEN 1 ELSE 0 END) AS posc\n` +
      `FROM ${names.rows} GROUP BY __day`,
  );
  // An order is dated by its first purchase line: a line starts an order of its customer unless
  // its order has purchase lines on an earlier day (only orders over several days can).
  let continued = '';
  if (hasOrderId) {
    working(
      w.keys,
      `SELECT __okey AS okey, MIN(__day) AS d0, MAX(__day) AS d1, MAX(CASE WHEN __cid IS NOT NULL THEN 1 ELSE 0 END) AS hc\n` +
        `FROM ${names.rows} r WHERE ${purchase} GROUP BY __okey`,
    );
    make(
      t.orderDays!,
      `SELECT d0 AS day, COUNT(*) AS n, SUM(hc) AS nc FROM ${w.keys} WHERE d0 = d1 GROUP BY d0`,
    );
    working(w.spanKeys, `SELECT okey FROM ${w.keys} WHERE d0 <> d1`);
    working(
      w.spanLines,
      `SELECT r.__okey AS okey, r.__cid AS cid, r.__day AS day FROM ${names.rows} r JOIN ${w.spanKeys} k ON k.okey = r.__okey WHERE ${purchase}`,
    );
    make(
      t.spanning!,
      `SELECT okey, day, MAX(CASE WHEN cid IS NOT NULL THEN 1 ELSE 0 END) AS c FROM ${w.spanLines} GROUP BY okey, day`,
    );
    working(
      w.spanOrders,
      `SELECT cid, okey, MIN(day) AS od FROM ${w.spanLines} WHERE cid IS NOT NULL GROUP BY cid, okey`,
    );
    // A day is no order day of a customer when all their purchase lines on it continue orders of
    // theirs begun on an earlier day: those lines counted per customer and day, from the few
    // orders over several days (so the customer's lines of each day are grouped without a join).
    continued =
      `  LEFT JOIN (\n    SELECT l.cid, l.day, COUNT(*) AS n FROM ${w.spanLines} l JOIN ${w.spanOrders} so ON so.cid = l.cid AND so.okey = l.okey\n` +
      `    WHERE l.day <> so.od GROUP BY l.cid, l.day\n  ) ns ON ns.cid = g.cid AND ns.day = g.day`;
  }
  // Each customer's purchase days: an order day or not, purchase lines, the first line's row
  // order, the previous purchase day and, on order days, the previous order day: the previous
  // purchase day when that was an order day (one sort for both), else looked up afterwards for the
  // few order days after a day that was not.
  const byCustomer = 'PARTITION BY cid ORDER BY day';
  working(
    w.days,
    `SELECT cid, day, isod, cnt, mrn, LAG(day) OVER (${byCustomer}) AS pp,\n` +
      `  ${continued ? `CASE WHEN LAG(isod) OVER (${byCustomer}) = 1 THEN LAG(day) OVER (${byCustomer}) END` : `LAG(day) OVER (${byCustomer})`} AS pod\n` +
      `FROM (\n  SELECT g.cid, g.day, ${continued ? 'CASE WHEN ns.n IS NULL OR ns.n < g.cnt THEN 1 ELSE 0 END' : '1'} AS isod, g.cnt, g.mrn FROM (\n` +
      `    SELECT r.__cid AS cid, r.__day AS day, COUNT(*) AS cnt, MIN(r.__rn) AS mrn\n` +
      `    FROM ${names.rows} r WHERE ${purchase} AND r.__cid IS NOT NULL GROUP BY r.__cid, r.__day\n  ) g${continued ? `\n${continued}` : ''}\n) x`,
  );
  if (continued)
    statements.push(
      `UPDATE ${w.days} SET pod = (\n  SELECT MAX(e.day) FROM ${w.days} e WHERE e.cid = ${w.days}.cid AND e.isod = 1 AND e.day < ${w.days}.day\n` +
        `) WHERE isod = 1 AND pod IS NULL AND pp IS NOT NULL`,
    );
  working(
    w.firsts,
    `SELECT cid, MIN(day) AS first_day, MIN(CASE WHEN pp IS NULL THEN mrn END) AS mrn, MAX(CASE WHEN pp IS NULL THEN cnt END) AS cnt1,\n` +
      `  MIN(CASE WHEN isod = 1 AND pod IS NOT NULL THEN day END) AS next_day, MAX(CASE WHEN isod = 1 THEN day END) AS last_day\n` +
      `FROM ${w.days} GROUP BY cid`,
  );
  // Two orders on the first day make it the second order day too (without order ids, two lines).
  make(
    names.life,
    (hasOrderId
      ? `WITH two AS (\n  SELECT f.cid FROM ${w.firsts} f JOIN ${names.rows} r ON r.__cid = f.cid AND r.__day = f.first_day\n` +
        `  WHERE f.cnt1 >= 2 AND ${purchase} GROUP BY f.cid HAVING COUNT(DISTINCT r.__okey) >= 2\n)\n`
      : '') +
      `SELECT f.cid AS cust, f.cid, f.first_day, f.first_day * ${ROW_KEY_SHIFT} + f.mrn AS first_key,\n` +
      `  CASE WHEN ${hasOrderId ? 'two.cid IS NOT NULL' : 'f.cnt1 >= 2'} THEN f.first_day ELSE f.next_day END AS second_day\n` +
      `FROM ${w.firsts} f${hasOrderId ? ' LEFT JOIN two ON two.cid = f.cid' : ''}`,
  );
  make(names.days, `SELECT cid, day FROM ${w.days} WHERE isod = 1`);
  make(
    t.buyers,
    `SELECT day, pp, r, COUNT(*) AS c FROM (\n` +
      `  SELECT p.day, p.pp, CASE WHEN l.second_day <= p.pp THEN 1 ELSE 0 END AS r FROM ${w.days} p JOIN ${names.life} l ON l.cid = p.cid\n` +
      `) x GROUP BY day, pp, r`,
  );
  make(
    t.marks,
    `SELECT day, SUM(f) AS f, SUM(l) AS l, SUM(n2) AS n2 FROM (\n` +
      `  SELECT first_day AS day, 1 AS f, 0 AS l, 0 AS n2 FROM ${w.firsts}\n` +
      `  UNION ALL SELECT last_day AS day, 0 AS f, 1 AS l, 0 AS n2 FROM ${w.firsts}\n` +
      `  UNION ALL SELECT second_day AS day, 0 AS f, 0 AS l, 1 AS n2 FROM ${names.life} WHERE second_day IS NOT NULL\n` +
      `) x GROUP BY day`,
  );
  make(
    t.longGaps,
    `SELECT pod AS pday, day, COUNT(*) AS c FROM ${w.days} WHERE isod = 1 AND pod IS NOT NULL AND day - pod >= 366 GROUP BY pod, day`,
  );
  make(t.gaps, gapChangesSql(d, w.days, options.gapFrame ?? GAP_FRAME));
  return [...statements, ...made.map((table) => `DROP TABLE ${table}`)];
}

/**
 * The changes of customers' usual gaps, added up per day and value, from the purchase days
 * `days(cid, day, isod, pod)`: on DuckDB one windowed pass (the running median and the next gap's
 * day, where the value it replaces is taken back), elsewhere the history metrics' own CTEs. The
 * pass frames each gap with the `frame` gaps before it, which is each customer's whole history up
 * to it for their first `frame` + 1 gaps; the gaps after that of the few customers with more are
 * taken from a second pass over those customers alone, framed from their first gap.
 */
function gapChangesSql(d: Dialect, days: string, frame: number): string {
  if (d.runningMedian) {
    const pass = (preceding: string, where: string) =>
      `  SELECT cid, day, 2 * MEDIAN(day - pod) OVER w AS twice, LEAD(day) OVER w AS nday, ROW_NUMBER() OVER w AS k\n` +
      `  FROM ${days} WHERE isod = 1 AND pod IS NOT NULL${where}\n` +
      `  WINDOW w AS (PARTITION BY cid ORDER BY day ROWS BETWEEN ${preceding} PRECEDING AND CURRENT ROW)\n`;
    const whole = frame + 1;
    return (
      `WITH hb AS (\n${pass(String(frame), '')}),\n` +
      `hl AS (\n${pass('UNBOUNDED', ` AND cid IN (SELECT cid FROM hb WHERE k > ${whole})`)}),\n` +
      `hu AS (SELECT day, twice, nday FROM hb WHERE k <= ${whole} UNION ALL SELECT day, twice, nday FROM hl WHERE k > ${whole})\n` +
      `SELECT day, v, SUM(d) AS c FROM (\n  SELECT day, twice AS v, 1 AS d FROM hu\n  UNION ALL SELECT nday AS day, twice AS v, -1 AS d FROM hu WHERE nday IS NOT NULL\n) x GROUP BY day, v`
    );
  }
  const hg = `hg AS (SELECT CAST('' AS ${d.text}) AS g, cid, day, pod AS pday FROM ${days} WHERE isod = 1)`;
  return `WITH ${[hg, ...gapChangeCtes(d)].join(',\n')}\nSELECT day, v, SUM(d) AS c FROM hdel GROUP BY day, v`;
}

/**
 * The source's columns that staging copies beside the rows for breakdowns by `dimensions` (each
 * once), or every column a breakdown can group by.
 * @example groupColumnsOf(orders, ['region']) // ['Region']
 */
export function groupColumnsOf(source: OrdersSource, dimensions?: readonly string[]): string[] {
  const columns = dimensions
    ? dimensions.map((name) => dimensionSourceColumn('orders', source, name))
    : dimensionColumns('orders', source);
  return [...new Set(columns.flatMap((c) => (c ? [c.name] : [])))];
}

/** The statements dropping the staged tables. */
export function unstagingStatements(staged: StagedOrders): string[] {
  const t = staged.totals;
  return [
    staged.rows,
    staged.life,
    staged.days,
    t.daily,
    t.buyers,
    ...(t.orderDays ? [t.orderDays] : []),
    ...(t.spanning ? [t.spanning] : []),
    t.gaps,
    t.marks,
    t.longGaps,
  ].map((table) => `DROP TABLE IF EXISTS ${table}`);
}
