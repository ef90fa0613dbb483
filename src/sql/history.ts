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

/** CTEs over `o` (and `ends`) for the history metrics asked for. */
export function historyCtes(d: Dialect, needs: HistoryNeeds, hasOrderId: boolean): string[] {
  if (!needs.everBefore && !needs.daysBetween && !needs.clv) return [];
  const ctes: string[] = [
    hasOrderId
      ? `hco AS (\n  SELECT g, cust, okey, MIN(day) AS od FROM o\n  WHERE g IS NOT NULL AND amount >= 0 AND cust IS NOT NULL GROUP BY g, cust, okey\n)`
      : `hco AS (\n  SELECT g, cust, day AS od FROM o WHERE g IS NOT NULL AND amount >= 0 AND cust IS NOT NULL\n)`,
    `hd AS (SELECT DISTINCT g, cust, od AS day FROM hco)`,
    `hf AS (SELECT g, cust, MIN(day) AS first_day, MAX(day) AS last_day FROM hd GROUP BY g, cust)`,
  ];
  if (needs.everBefore)
    ctes.push(
      `ev AS (\n  SELECT hf.g, ends.e, COUNT(*) AS ever FROM hf JOIN ends ON hf.first_day < ends.e GROUP BY hf.g, ends.e\n)`,
    );
  if (needs.daysBetween || needs.clv)
    ctes.push(
      `hg AS (SELECT g, cust, day, LAG(day) OVER (PARTITION BY g, cust ORDER BY day) AS pday FROM hd)`,
    );
  if (needs.daysBetween) ctes.push(...gapCtes(d));
  if (needs.clv) ctes.push(...clvCtes());
  return ctes;
}

function gapCtes(d: Dialect): string[] {
  const running = d.runningMedian
    ? [
        `hu AS (\n  SELECT g, cust, day, 2 * MEDIAN(day - pday) OVER (PARTITION BY g, cust ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS twice\n  FROM hg WHERE pday IS NOT NULL\n)`,
      ]
    : [
        `hgn AS (\n  SELECT g, cust, day, day - pday AS gap, ROW_NUMBER() OVER (PARTITION BY g, cust ORDER BY day) AS i\n  FROM hg WHERE pday IS NOT NULL\n)`,
        `hgp AS (\n  SELECT a.g, a.cust, a.day, b.gap FROM hgn a JOIN hgn b ON a.g = b.g AND a.cust = b.cust AND b.i <= a.i\n)`,
        `hum AS (${medianSelect(d, ['g', 'cust', 'day'], 'gap', 'hgp', 'med')})`,
        `hu AS (SELECT g, cust, day, 2 * med AS twice FROM hum)`,
      ];
  return [
    ...running,
    `hv AS (SELECT g, cust, day, twice, LAG(twice) OVER (PARTITION BY g, cust ORDER BY day) AS prev FROM hu)`,
    `hdel AS (\n  SELECT g, day, twice AS v, 1 AS d FROM hv\n  UNION ALL SELECT g, day, prev AS v, -1 AS d FROM hv WHERE prev IS NOT NULL\n)`,
    `hdd AS (SELECT g, day, v, SUM(d) AS d FROM hdel GROUP BY g, day, v)`,
    `hh AS (\n  SELECT hdd.g, ends.e, hdd.v, SUM(hdd.d) AS c FROM hdd JOIN ends ON hdd.day < ends.e\n  GROUP BY hdd.g, ends.e, hdd.v\n)`,
    `hc AS (\n  SELECT g, e, v, SUM(c) OVER (PARTITION BY g, e ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum,\n    SUM(c) OVER (PARTITION BY g, e) AS n\n  FROM hh WHERE c <> 0\n)`,
    `dbo AS (\n  SELECT g, e, (MIN(CASE WHEN cum > ${d.floorDiv('n - 1', '2')} THEN v END) + MIN(CASE WHEN cum > ${d.floorDiv('n', '2')} THEN v END)) / 4.0 AS dbo\n  FROM hc GROUP BY g, e\n)`,
  ];
}

function clvCtes(): string[] {
  const count = (from: string, to: string, a: string, b: string) =>
    `SUM(CASE WHEN ${from} < ${b} AND ${to} >= ${a} THEN 1 ELSE 0 END)`;
  const spans = (from: string, to: string) =>
    `${count(from, to, 'ends.yb', 'ends.e')} AS cur, ${count(from, to, 'ends.yb2', 'ends.yb')} AS prv, ${count(from, to, 'ends.yb2', 'ends.e')} AS uni`;
  const inGap = (a: string, b: string) => `SUM(CASE WHEN pday < ${a} AND day >= ${b} THEN 1 ELSE 0 END)`;
  return [
    `hcnt AS (SELECT hf.g, ends.e, ${spans('hf.first_day', 'hf.last_day')} FROM hf CROSS JOIN ends GROUP BY hf.g, ends.e)`,
    `hgap AS (SELECT g, pday, day FROM hg WHERE pday IS NOT NULL AND day - pday >= 366)`,
    `hgc AS (\n  SELECT hgap.g, ends.e, ${inGap('ends.yb', 'ends.e')} AS cur, ${inGap('ends.yb2', 'ends.yb')} AS prv, ${inGap('ends.yb2', 'ends.e')} AS uni\n  FROM hgap CROSS JOIN ends GROUP BY hgap.g, ends.e\n)`,
    `clvp AS (\n  SELECT c.g, c.e, c.cur - COALESCE(x.cur, 0) AS active, c.prv - COALESCE(x.prv, 0) AS previous,\n    c.uni - COALESCE(x.uni, 0) AS uni\n  FROM hcnt c LEFT JOIN hgc x ON x.g = c.g AND x.e = c.e\n)`,
    `daily AS (\n  SELECT g, day, SUM(amount) AS revenue, SUM(CASE WHEN cost IS NOT NULL THEN amount END) AS rwc, SUM(cost) AS cost\n  FROM o WHERE g IS NOT NULL GROUP BY g, day\n)`,
    `yr AS (\n  SELECT daily.g, ends.e, SUM(revenue) AS revenue, SUM(rwc) AS rwc, SUM(cost) AS cost\n  FROM daily JOIN ends ON daily.day >= ends.yb AND daily.day < ends.e GROUP BY daily.g, ends.e\n)`,
  ];
}
