/**
 * The whole business's aggregates of the orders statement read from the staged per-day tables
 * (`StagedTotals` of `staging.ts`) instead of the rows: the same CTEs by name and columns (`agg`,
 * `cw`, `rt`, `gs`, and `ev`, `dbo`, `clvp`, `yr` of the history metrics) over tables of a few
 * hundred thousand rows at most, whatever the number of rows.
 *
 * - Sums, lines and purchase lines of a window are its days' sums (`daily`).
 * - Orders: those whose purchase lines are on one day are counted per day (`orderDays`), the others
 *   by their distinct keys among their days in the window (`spanning`).
 * - A customer buys in a window [ws, wt) when one of their purchase days is in it; the first such
 *   day is the one whose previous purchase day is before ws (or none): customers are those days
 *   (`buyers`), first-timers those without a previous one (and new customers, the whole business's
 *   first order rows being on first days), repeat customers those whose second order day is on or
 *   before that previous day, plus those whose second order day is in the window; retained
 *   customers those whose previous purchase day is in the window before (adjacent to it).
 * - History metrics read the staged changes of usual gaps, first and last order days and long gaps
 *   per day, with the same CTEs as on the rows (`history.ts`).
 */
import type { Dialect } from './dialect';
import { clvCountCtes, gapMedianCtes } from './history';
import type { HistoryNeeds } from './history';
import { ROW_KEY_SHIFT } from './orders-rows';
import type { StagedTotals } from './staging';
import type { PlannedWindow } from './windows';

/**
 * True when every window's window before ends where it starts (or the window is empty), as in
 * runs of adjacent periods: retention then reads the previous purchase day alone.
 */
export function adjacentWindows(windows: readonly PlannedWindow[]): boolean {
  const end = (x: PlannedWindow) => Math.max(x.start, x.toDate);
  return windows.every((x) => {
    if (x.w === 0 || end(x) === x.start) return true;
    const before = windows.find((y) => y.s === x.s && y.w === x.w - 1);
    return before !== undefined && end(before) === x.start;
  });
}

/** `agg`, `cw`, `rt` (with `retention`) and `gs` of the whole business, read from `t` over `win` and `dw`. */
export function stagedWindowCtes(d: Dialect, t: StagedTotals, retention: boolean): string[] {
  const g = `CAST('' AS ${d.text})`;
  const counted = t.orderDays !== undefined && t.spanning !== undefined;
  return [
    `ad AS (\n  SELECT dw.s, dw.w, SUM(x.n) AS n, SUM(x.revenue) AS revenue, SUM(x.units) AS units, SUM(x.rwc) AS rwc, SUM(x.cost) AS cost,\n` +
      `    SUM(x.rwcust) AS rwcust, SUM(x.pos) AS pos, SUM(x.posc) AS posc\n  FROM ${t.daily} x JOIN dw ON x.day = dw.day GROUP BY dw.s, dw.w\n)`,
    ...(counted
      ? [
          `ao AS (SELECT dw.s, dw.w, SUM(x.n) AS n, SUM(x.nc) AS nc FROM ${t.orderDays} x JOIN dw ON x.day = dw.day GROUP BY dw.s, dw.w)`,
          `am AS (\n  SELECT dw.s, dw.w, COUNT(DISTINCT x.okey) AS n, COUNT(DISTINCT CASE WHEN x.c = 1 THEN x.okey END) AS nc\n` +
            `  FROM ${t.spanning} x JOIN dw ON x.day = dw.day GROUP BY dw.s, dw.w\n)`,
        ]
      : []),
    `agg AS (\n  SELECT ${g} AS g, ad.s, ad.w, ad.n AS nrows, ad.revenue, ad.units, ad.rwc AS revenue_with_cost, ad.cost,\n` +
      (counted
        ? `    COALESCE(ao.n, 0) + COALESCE(am.n, 0) AS orders, COALESCE(ao.nc, 0) + COALESCE(am.nc, 0) AS orders_with_customer,\n`
        : `    ad.pos AS orders, ad.posc AS orders_with_customer,\n`) +
      `    ad.rwcust AS revenue_with_customer\n  FROM ad` +
      (counted
        ? ` LEFT JOIN ao ON ao.s = ad.s AND ao.w = ad.w LEFT JOIN am ON am.s = ad.s AND am.w = ad.w`
        : '') +
      `\n)`,
    `sd AS (SELECT dw.s, dw.w, SUM(x.n2) AS n FROM ${t.marks} x JOIN dw ON x.day = dw.day GROUP BY dw.s, dw.w)`,
    `cw AS (\n  SELECT ${g} AS g, dw.s, dw.w, SUM(x.c) AS customers, SUM(CASE WHEN x.pp IS NULL THEN x.c ELSE 0 END) AS new_customers,\n` +
      `    SUM(CASE WHEN x.pp IS NULL THEN x.c ELSE 0 END) AS first_timers,\n` +
      `    SUM(CASE WHEN x.r = 1 THEN x.c ELSE 0 END) + MIN(COALESCE(sd.n, 0)) AS repeat_customers\n` +
      `  FROM ${t.buyers} x JOIN dw ON x.day = dw.day LEFT JOIN sd ON sd.s = dw.s AND sd.w = dw.w\n` +
      `  WHERE x.pp IS NULL OR x.pp < dw.ws GROUP BY dw.s, dw.w\n)`,
    ...(retention
      ? [
          `rt AS (\n  SELECT ${g} AS g, dw.s, dw.w, SUM(x.c) AS retained\n` +
            `  FROM ${t.buyers} x JOIN dw ON x.day = dw.day JOIN win p ON p.s = dw.s AND p.w = dw.w - 1\n` +
            `  WHERE x.pp >= p.ws AND x.pp < dw.ws GROUP BY dw.s, dw.w\n)`,
        ]
      : []),
    `gs AS (SELECT ${g} AS g)`,
  ];
}

/** The history metrics' CTEs of the whole business (`ev`, `dbo`, `clvp`, `yr`), read from `t` over `ends`. */
export function stagedHistoryCtes(
  d: Dialect,
  t: StagedTotals,
  needs: HistoryNeeds,
  ends: readonly number[],
): string[] {
  const g = `CAST('' AS ${d.text})`;
  const ctes: string[] = [];
  if (needs.everBefore)
    ctes.push(
      `ev AS (SELECT ${g} AS g, ends.e, SUM(x.f) AS ever FROM ${t.marks} x JOIN ends ON x.day < ends.e GROUP BY ends.e)`,
    );
  if (needs.daysBetween)
    ctes.push(`hdel AS (SELECT ${g} AS g, day, v, c AS d FROM ${t.gaps})`, ...gapMedianCtes(d, ends, 'hdel'));
  if (needs.clv) {
    const counts = clvCountCtes();
    ctes.push(
      `hfl AS (SELECT ${g} AS g, day, f, l FROM ${t.marks})`,
      counts.hcnt,
      `hgap AS (SELECT ${g} AS g, pday, day, c FROM ${t.longGaps})`,
      counts.hgc,
      counts.clvp,
      `daily AS (SELECT ${g} AS g, day, revenue, rwc, cost FROM ${t.daily})`,
      counts.yr,
    );
  }
  return ctes;
}

/**
 * `ow`, `agg`, `cw` and `gs` of a breakdown without history metrics or retention, read from the
 * staged rows `o` of the days of the windows (`span`) and `life`, line by line: no row per
 * customer, order and day, nor per customer and window, is made. A customer's first order row is
 * the line whose day and row order make their first key (every purchase line with a customer has
 * a lifecycle, so customers are counted from the lines alone). First-timers and repeat customers
 * are counted, from each line's lifecycle, where `wanted` (0 otherwise: no metric asked for reads
 * them).
 */
export function stagedGroupCtes(
  d: Dialect,
  hasOrderId: boolean,
  span: readonly [number, number],
  emptyGroup: string,
  wanted: {
    readonly firstTimers: boolean;
    readonly repeatCustomers: boolean;
    /** The window before each run (w = 0), read only for retention and churn; left out without it. */
    readonly windowBefore?: boolean;
  },
): string[] {
  const purchase = 'amount >= 0';
  // Each count of distinct customers costs a pass of its own: only those a metric reads are made.
  const distinctIf = (wantedHere: boolean, condition: string, as: string) =>
    wantedHere ? `COUNT(DISTINCT CASE WHEN ${condition} THEN life.cid END) AS ${as}` : `0 AS ${as}`;
  return [
    `ow AS (\n  SELECT dw.s, dw.w, dw.ws, dw.wt, o.* FROM o JOIN dw ON o.day = dw.day\n  WHERE o.day >= ${span[0]} AND o.day < ${span[1]} AND o.g IS NOT NULL${wanted.windowBefore === false ? ' AND dw.w > 0' : ''}\n)`,
    `agg AS (\n  SELECT g, s, w, COUNT(*) AS nrows, SUM(amount) AS revenue, SUM(qty) AS units,\n` +
      `    SUM(CASE WHEN cost IS NOT NULL THEN amount END) AS revenue_with_cost, SUM(cost) AS cost,\n` +
      (hasOrderId
        ? `    COUNT(DISTINCT CASE WHEN ${purchase} THEN okey END) AS orders,\n    COUNT(DISTINCT CASE WHEN ${purchase} AND cust IS NOT NULL THEN okey END) AS orders_with_customer,\n`
        : `    SUM(CASE WHEN ${purchase} THEN 1 ELSE 0 END) AS orders,\n    SUM(CASE WHEN ${purchase} AND cust IS NOT NULL THEN 1 ELSE 0 END) AS orders_with_customer,\n`) +
      `    SUM(CASE WHEN cust IS NOT NULL THEN amount END) AS revenue_with_customer\n  FROM ow GROUP BY g, s, w\n)`,
    // A new customer's line is the one whose key is a first key of the days of the windows.
    `cw AS (\n  SELECT ow.g, ow.s, ow.w, COUNT(DISTINCT ow.cust) AS customers, COUNT(fk.first_key) AS new_customers,\n` +
      `    ${distinctIf(wanted.firstTimers, 'life.first_day >= ow.ws', 'first_timers')},\n` +
      `    ${distinctIf(wanted.repeatCustomers, 'life.second_day < ow.wt', 'repeat_customers')}\n` +
      `  FROM ow LEFT JOIN (SELECT first_key FROM life WHERE first_day >= ${span[0]} AND first_day < ${span[1]}) fk ON fk.first_key = ow.day * ${ROW_KEY_SHIFT} + ow.rn\n` +
      (wanted.firstTimers || wanted.repeatCustomers ? `  JOIN life ON life.cust = ow.cust\n` : '') +
      `  WHERE ow.${purchase} AND ow.cust IS NOT NULL GROUP BY ow.g, ow.s, ow.w\n)`,
    `gs AS (SELECT DISTINCT g FROM ow UNION ALL SELECT ${d.str(emptyGroup)} AS g)`,
  ];
}
