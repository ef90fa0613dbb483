/**
 * Marketing spend per window, each row spread evenly over the days it covers (the engine's
 * `spend-spread.ts`), as CTEs ending in `sw(g, s, w, spend)`:
 *
 * 1. a period key in the row's `period` cell: that period (keys are read by the engine's
 *    `parsePeriodKey` and given to the SQL as a table `pkeys(txt, ps, pe)`);
 * 2. an end date on or after the date: the date to the end date, both included;
 * 3. otherwise inferred per channel from the distinct dates up to the as-of day: months, quarters
 *    or years when every date starts one (quarters and years at least 3 and 12 months apart), weeks
 *    when every date is a week start, else days; a channel with one date takes the table's unit
 *    when its date starts such a period. The span always starts at the date.
 *
 * A window gets spend × (days of the span inside it, up to the as-of day) / (days of the span).
 */
import type { Calendar } from '../core/periods';
import type { Dialect } from './dialect';
import type { GroupBy } from './orders-rows';
import { FIRST_READ_DAY, LAST_READ_DAY, groupExpression } from './orders-rows';
import type { SpendSource } from './source';

/** Unit codes of an inferred span. */
const DAY = 0;
const WEEK = 1;
const MONTH = 2;
const QUARTER = 3;
const YEAR = 4;

export function spendCtes(
  d: Dialect,
  source: SpendSource,
  asOf: number,
  calendar: Calendar,
  periodKeys: ReadonlyMap<string, readonly [number, number]>,
  group?: GroupBy,
): string[] {
  const c = source.columns;
  const ref = (name: string) => d.ident(name);
  const date = c.date!;
  const spend = c.spend!;
  const anchor = -3 + (calendar.weekStartsOn - 1);
  const shift = calendar.fiscalYearStartMonth - 1;
  const mod = (x: string, n: number) => `(${x}) - ${n} * ${d.floorDiv(x, String(n))}`;
  const g = group ? groupExpression(d, group, true) : groupExpression(d, undefined);
  const keyed = group ? ` AND g IS NOT NULL` : '';
  const select = [
    `${d.epochDay(ref(date.name), date.type)} AS day`,
    `${c.end ? d.epochDay(ref(c.end.name), c.end.type) : 'CAST(NULL AS BIGINT)'} AS endday`,
    `${c.period ? d.label(ref(c.period.name), c.period.type) : `CAST(NULL AS ${d.text})`} AS pkey`,
    `${d.number(ref(spend.name), spend.type)} AS spend`,
    `COALESCE(${c.channel ? d.label(ref(c.channel.name), c.channel.type) : 'NULL'}, '') AS chk`,
    `${g} AS g`,
  ].join(',\n    ');
  const keys = [...periodKeys].map(([text, [ps, pe]]) => [d.str(text), String(ps), String(pe)]);
  const withKeys = keys.length > 0 && c.period;
  const facts = (from: string, partition: string) =>
    `SELECT ${partition}, COUNT(*) AS n, MIN(first) AS all_first, MIN(qs) AS all_q, MIN(ys) AS all_y, MIN(wk) AS all_w,\n` +
    `    MIN(mi - pmi) AS spacing, MIN(day) AS d1\n  FROM ${from} GROUP BY ${partition}`;
  const unit = (x: string) =>
    `CASE WHEN ${x}.all_first = 1 THEN CASE WHEN ${x}.n = 1 THEN ${MONTH} WHEN ${x}.spacing >= 12 AND ${x}.all_y = 1 THEN ${YEAR}` +
    ` WHEN ${x}.spacing >= 3 AND ${x}.all_q = 1 THEN ${QUARTER} ELSE ${MONTH} END` +
    ` WHEN ${x}.n > 1 AND ${x}.all_w = 1 THEN ${WEEK} ELSE ${DAY} END`;
  const starts = (x: string, u: string) =>
    `CASE ${u} WHEN ${WEEK} THEN ${x}.all_w WHEN ${MONTH} THEN ${x}.all_first WHEN ${QUARTER} THEN ${x}.all_q WHEN ${YEAR} THEN ${x}.all_y ELSE 0 END`;
  const dayFacts = (partition: string, from: string) =>
    `SELECT ${partition}, day, CASE WHEN dom = 1 THEN 1 ELSE 0 END AS first,\n` +
    `    CASE WHEN dom = 1 AND ${mod(`mi - ${shift}`, 3)} = 0 THEN 1 ELSE 0 END AS qs,\n` +
    `    CASE WHEN dom = 1 AND ${mod(`mi - ${shift}`, 12)} = 0 THEN 1 ELSE 0 END AS ys,\n` +
    `    CASE WHEN ${mod(`day - (${anchor})`, 7)} = 0 THEN 1 ELSE 0 END AS wk,\n` +
    `    mi, LAG(mi) OVER (PARTITION BY ${partition} ORDER BY day) AS pmi\n` +
    `  FROM (SELECT DISTINCT ${partition}, day, dom, mi FROM ${from}) x`;
  return [
    `sp0 AS (\n  SELECT ${select}\n  FROM ${source.relation}\n)`,
    `sp AS (\n  SELECT sp0.*, ${d.dayOfMonth('day')} AS dom, ${d.year('day')} * 12 + ${d.month('day')} - 1 AS mi\n  FROM sp0\n  WHERE day IS NOT NULL AND spend IS NOT NULL AND day BETWEEN ${FIRST_READ_DAY} AND ${Math.min(Math.floor(asOf), LAST_READ_DAY)}${keyed}\n)`,
    withKeys
      ? `spk AS (\n  SELECT sp.*, pk.ps, pk.pe FROM sp LEFT JOIN ${d.values('pk', ['txt', 'ps', 'pe'], keys)} ON sp.pkey = pk.txt\n)`
      : `spk AS (SELECT sp.*, CAST(NULL AS BIGINT) AS ps, CAST(NULL AS BIGINT) AS pe FROM sp)`,
    `sir AS (SELECT * FROM spk WHERE ps IS NULL AND NOT (endday IS NOT NULL AND endday >= day))`,
    `sic AS (\n  ${facts(`(${dayFacts('g, chk', 'sir')}) f`, 'g, chk')}\n)`,
    `sit AS (\n  ${facts(`(${dayFacts('g', 'sir')}) f`, 'g')}\n)`,
    `su AS (\n  SELECT sic.g, sic.chk, CASE WHEN sic.n = 1 AND (${unit('sit')}) <> ${DAY} AND ${starts('sic', unit('sit'))} = 1\n    THEN ${unit('sit')} ELSE ${unit('sic')} END AS unit\n  FROM sic JOIN sit ON sic.g = sit.g\n)`,
    `sps AS (\n  SELECT spk.g, spk.spend,\n    CASE WHEN spk.ps IS NOT NULL THEN spk.ps ELSE spk.day END AS ss,\n` +
      `    CASE WHEN spk.ps IS NOT NULL THEN spk.pe WHEN spk.endday IS NOT NULL AND spk.endday >= spk.day THEN spk.endday + 1\n` +
      `      WHEN su.unit = ${DAY} THEN spk.day + 1 WHEN su.unit = ${WEEK} THEN spk.day + 7\n` +
      `      WHEN su.unit = ${MONTH} THEN ${d.monthStartDay('spk.mi + 1')} WHEN su.unit = ${QUARTER} THEN ${d.monthStartDay('spk.mi + 3')}\n` +
      `      ELSE ${d.monthStartDay('spk.mi + 12')} END AS se\n` +
      `  FROM spk LEFT JOIN su ON su.g = spk.g AND su.chk = spk.chk\n)`,
    `sw AS (\n  SELECT sps.g, win.s, win.w,\n    SUM(sps.spend / (sps.se - sps.ss) * (LEAST(sps.se, win.wt) - GREATEST(sps.ss, win.ws))) AS spend\n` +
      `  FROM sps JOIN win ON sps.se > sps.ss AND sps.ss < win.wt AND sps.se > win.ws\n  GROUP BY sps.g, win.s, win.w\n)`,
  ];
}
