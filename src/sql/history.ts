/**
 * The metrics that read customers' whole histories, per to-date end `e` of the table `ends`:
 *
 * - `ev`: customers with a first order before `e` (active ratio's denominator);
 * - `dbo`: days between orders — each customer's usual gap (the running median of the gaps between
 *   their distinct order days) changes only when a gap arrives, so the changes are replayed as a
 *   histogram of usual gaps (values × 2, always whole) and its median read at each end, as the
 *   engine's `order-gaps.ts` does;
 * - `clvp`, `yr`: historic CLV's trailing-year customers and revenue. Customers with an order day
 *   in [a, b) are counted as those whose first day is before b and last day on or after a, less
 *   those with a gap between two consecutive order days that spans all of [a, b) (at most one per
 *   customer, and only gaps of a year or more qualify), so no row is joined to every end.
 *
 * Histories are the scope's own (`g`): a customer's orders, each dated by its first purchase line.
 * Nothing here joins customers to ends: changes and first and last days are first added up per
 * day (a histogram), and only those are joined to the ends.
 */
import type { Dialect } from './dialect';

/** A SELECT of `keys` and the median of `value` per group, exact in every dialect. */
export function medianSelect(
  d: Dialect,
  keys: readonly string[],
  value: string,
  from: string,
  as: string,
): string {
  const list = keys.join(', ');
  const aggregate = d.median(value);
  if (aggregate) return `SELECT ${list}, ${aggregate} AS ${as} FROM ${from} GROUP BY ${list}`;
  // Rank route: the middle one or two values of each group, averaged.
  const bare = keys.map((k) => k.replace(/^.*\./, ''));
  return (
    `SELECT ${bare.join(', ')}, AVG(v) AS ${as} FROM (` +
    `SELECT ${keys.map((k, i) => `${k} AS ${bare[i]}`).join(', ')}, ${value} AS v, ` +
    `ROW_NUMBER() OVER (PARTITION BY ${list} ORDER BY ${value}) AS r, COUNT(*) OVER (PARTITION BY ${list}) AS n ` +
    `FROM ${from}) ranked WHERE r = ${d.floorDiv('n + 1', '2')} OR r = ${d.floorDiv('n', '2')} + 1 GROUP BY ${bare.join(', ')}`
  );
}

export interface HistoryNeeds {
  readonly everBefore: boolean;
  readonly daysBetween: boolean;
  readonly clv: boolean;
}

/**
 * `hco`, `hd`: each customer's orders dated by their first purchase line, and their distinct order
 * days; `hd` read from `stagedDays` (the whole business's, see `staging.ts`) where given.
 */
export function orderDayCtes(
  hasOrderId: boolean,
  stagedDays?: { table: string; g: string; inline: string },
): string[] {
  // A staged table is read where it is needed rather than copied (`inline`: the dialect's `AS`).
  if (stagedDays)
    return [`hd ${stagedDays.inline} (SELECT ${stagedDays.g} AS g, cid, day FROM ${stagedDays.table})`];
  return [
    hasOrderId
      ? `hco AS (SELECT g, cid, okey, MIN(day) AS od FROM bc GROUP BY g, cid, okey)`
      : `hco AS (SELECT g, cid, day AS od FROM bc)`,
    `hd AS (SELECT DISTINCT g, cid, od AS day FROM hco)`,
  ];
}

/** CTEs over `bc`, `b` (and `ends`) for the history metrics asked for. */
export function historyCtes(
  d: Dialect,
  needs: HistoryNeeds,
  hasOrderId: boolean,
  ends: readonly number[],
  stagedDays?: { table: string; g: string; inline: string },
): string[] {
  if (!needs.everBefore && !needs.daysBetween && !needs.clv) return [];
  const ctes: string[] = [
    ...orderDayCtes(hasOrderId, stagedDays),
    `hf AS (SELECT g, cid, MIN(day) AS first_day, MAX(day) AS last_day FROM hd GROUP BY g, cid)`,
  ];
  if (needs.everBefore)
    ctes.push(
      `ev AS (\n  SELECT f.g, ends.e, SUM(f.c) AS ever\n  FROM (SELECT g, first_day, COUNT(*) AS c FROM hf GROUP BY g, first_day) f JOIN ends ON f.first_day < ends.e\n  GROUP BY f.g, ends.e\n)`,
    );
  if (needs.daysBetween || needs.clv)
    ctes.push(`hg AS (SELECT g, cid, day, LAG(day) OVER (PARTITION BY g, cid ORDER BY day) AS pday FROM hd)`);
  if (needs.daysBetween) ctes.push(...gapCtes(d, ends));
  if (needs.clv) ctes.push(...clvCtes());
  return ctes;
}

/** The first of `ends` (ascending) after `day`, as a CASE: no join, so no plan can loop over ends. */
function firstEndAfter(day: string, ends: readonly number[]): string {
  if (ends.length === 0) return 'NULL';
  return `CASE ${ends.map((e) => `WHEN ${day} < ${e} THEN ${e}`).join(' ')} END`;
}

function gapCtes(d: Dialect, ends: readonly number[]): string[] {
  return [...gapChangeCtes(d), ...gapMedianCtes(d, ends, 'hdel')];
}

/**
 * `hdel`: the changes of each customer's usual gap (twice the running median of the gaps of
 * `hg(g, cid, day, pday)`), +1 for the new value and −1 for the one it replaces, on the gap's day.
 */
export function gapChangeCtes(d: Dialect): string[] {
  const running = d.runningMedian
    ? [
        `hu AS (\n  SELECT g, cid, day, 2 * MEDIAN(day - pday) OVER (PARTITION BY g, cid ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS twice\n  FROM hg WHERE pday IS NOT NULL\n)`,
      ]
    : [
        `hgn AS (\n  SELECT g, cid, day, day - pday AS gap, ROW_NUMBER() OVER (PARTITION BY g, cid ORDER BY day) AS i\n  FROM hg WHERE pday IS NOT NULL\n)`,
        `hgp AS (\n  SELECT a.g, a.cid, a.day, b.gap FROM hgn a JOIN hgn b ON a.g = b.g AND a.cid = b.cid AND b.i <= a.i\n)`,
        `hum AS (${medianSelect(d, ['g', 'cid', 'day'], 'gap', 'hgp', 'med')})`,
        `hu AS (SELECT g, cid, day, 2 * med AS twice FROM hum)`,
      ];
  return [
    ...running,
    `hv AS (SELECT g, cid, day, twice, LAG(twice) OVER (PARTITION BY g, cid ORDER BY day) AS prev FROM hu)`,
    `hdel AS (\n  SELECT g, day, twice AS v, 1 AS d FROM hv\n  UNION ALL SELECT g, day, prev AS v, -1 AS d FROM hv WHERE prev IS NOT NULL\n)`,
  ];
}

/**
 * `hdb`, `hh`, `hc`, `dbo`: the changes of `changes(g, day, v, d)` counted at the first end after
 * their day, added up end by end, and the median usual gap read at each end.
 */
export function gapMedianCtes(d: Dialect, ends: readonly number[], changes: string): string[] {
  return [
    // Each change is counted at the first end after its day, then added up end by end.
    `hdb AS (\n  SELECT g, e, v, SUM(d) AS c FROM (SELECT g, ${firstEndAfter('day', ends)} AS e, v, d FROM ${changes}) x\n  WHERE e IS NOT NULL GROUP BY g, e, v\n)`,
    `hh AS (\n  SELECT gv.g, ends.e, gv.v,\n    SUM(COALESCE(hdb.c, 0)) OVER (PARTITION BY gv.g, gv.v ORDER BY ends.e ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS c\n` +
      `  FROM (SELECT DISTINCT g, v FROM hdb) gv CROSS JOIN ends\n  LEFT JOIN hdb ON hdb.g = gv.g AND hdb.e = ends.e AND hdb.v = gv.v\n)`,
    `hc AS (\n  SELECT g, e, v, SUM(c) OVER (PARTITION BY g, e ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum,\n    SUM(c) OVER (PARTITION BY g, e) AS n\n  FROM hh WHERE c <> 0\n)`,
    `dbo AS (\n  SELECT g, e, (MIN(CASE WHEN cum > ${d.floorDiv('n - 1', '2')} THEN v END) + MIN(CASE WHEN cum > ${d.floorDiv('n', '2')} THEN v END)) / 4.0 AS dbo\n  FROM hc GROUP BY g, e\n)`,
  ];
}

/**
 * Customers with an order day in [a, b) (a ≤ b): first day before b and last day on or after a,
 * that is (first day before b) − (last day before a), counted from per-day histograms of first and
 * last days; less the customers with a gap spanning [a, b).
 */
function clvCtes(): string[] {
  const counts = clvCountCtes();
  return [
    `hfl AS (\n  SELECT g, day, SUM(f) AS f, SUM(l) AS l FROM (\n    SELECT g, first_day AS day, 1 AS f, 0 AS l FROM hf UNION ALL SELECT g, last_day AS day, 0 AS f, 1 AS l FROM hf\n  ) fl GROUP BY g, day\n)`,
    counts.hcnt,
    `hgap AS (SELECT g, pday, day, COUNT(*) AS c FROM hg WHERE pday IS NOT NULL AND day - pday >= 366 GROUP BY g, pday, day)`,
    counts.hgc,
    counts.clvp,
    `daily AS (\n  SELECT g, day, SUM(revenue) AS revenue, SUM(rwc) AS rwc, SUM(cost) AS cost\n  FROM b WHERE g IS NOT NULL GROUP BY g, day\n)`,
    counts.yr,
  ];
}

/**
 * `hcnt`, `hgc`, `clvp`, `yr`: historic CLV's counts per end, read from the per-day histogram of
 * first and last order days `hfl(g, day, f, l)`, the long gaps `hgap(g, pday, day, c)` and the
 * revenue per day `daily(g, day, revenue, rwc, cost)`.
 */
export function clvCountCtes(): { hcnt: string; hgc: string; clvp: string; yr: string } {
  const before = (column: string, t: string) => `SUM(CASE WHEN h.day < ${t} THEN h.${column} ELSE 0 END)`;
  const span = (a: string, b: string) => `${before('f', b)} - ${before('l', a)}`;
  const inGap = (a: string, b: string) =>
    `SUM(CASE WHEN x.pday < ${a} AND x.day >= ${b} THEN x.c ELSE 0 END)`;
  return {
    hcnt: `hcnt AS (\n  SELECT h.g, ends.e, ${span('ends.yb', 'ends.e')} AS cur, ${span('ends.yb2', 'ends.yb')} AS prv, ${span('ends.yb2', 'ends.e')} AS uni\n  FROM hfl h CROSS JOIN ends GROUP BY h.g, ends.e\n)`,
    hgc: `hgc AS (\n  SELECT x.g, ends.e, ${inGap('ends.yb', 'ends.e')} AS cur, ${inGap('ends.yb2', 'ends.yb')} AS prv, ${inGap('ends.yb2', 'ends.e')} AS uni\n  FROM hgap x CROSS JOIN ends GROUP BY x.g, ends.e\n)`,
    clvp: `clvp AS (\n  SELECT c.g, c.e, c.cur - COALESCE(x.cur, 0) AS active, c.prv - COALESCE(x.prv, 0) AS previous,\n    c.uni - COALESCE(x.uni, 0) AS uni\n  FROM hcnt c LEFT JOIN hgc x ON x.g = c.g AND x.e = c.e\n)`,
    yr: `yr AS (\n  SELECT daily.g, ends.e, SUM(revenue) AS revenue, SUM(rwc) AS rwc, SUM(cost) AS cost\n  FROM daily JOIN ends ON daily.day >= ends.yb AND daily.day < ends.e GROUP BY daily.g, ends.e\n)`,
  };
}
