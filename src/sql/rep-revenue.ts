/**
 * Revenue per rep over a range of days, as the quota leaderboard reads it from the orders
 * (`pipelineForecast` in `src/core/pipeline/report.ts`): the amounts of the orders dated in
 * [start, end), per rep name, with the rows counted (a rep with a row in the range is active).
 */
import type { Dialect } from './dialect';
import { FIRST_READ_DAY, LAST_READ_DAY } from './orders-rows';
import type { ResultRow } from './results';
import { numberOf } from './results';
import type { OrdersSource } from './source';

/**
 * `rep, revenue, n` per rep name (NULL for rows without one) of the usable orders dated in [start, end).
 * @example repRevenueSql(d, orders, q4.start, asOf + 1)
 */
export function repRevenueSql(d: Dialect, orders: OrdersSource, start: number, end: number): string {
  const c = orders.columns;
  const day = d.epochDay(d.ident(c.date!.name), c.date!.type);
  const amount = d.number(d.ident(c.amount!.name), c.amount!.type);
  const rep = c.rep ? d.label(d.ident(c.rep.name), c.rep.type) : `CAST(NULL AS ${d.text})`;
  const from = Math.max(start, FIRST_READ_DAY);
  const to = Math.min(end, LAST_READ_DAY + 1);
  return (
    `SELECT rep, CAST(SUM(amount) AS ${d.double}) AS revenue, CAST(COUNT(*) AS ${d.double}) AS n FROM (` +
    `SELECT ${rep} AS rep, ${amount} AS amount, ${day} AS day FROM ${orders.relation}) r ` +
    `WHERE amount IS NOT NULL AND day >= ${from} AND day < ${to} GROUP BY rep`
  );
}

/** Revenue per rep name from `repRevenueSql`'s rows (the rows without a rep under ''). */
export function repRevenueFromRows(rows: readonly ResultRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of rows) {
    const rep = typeof row.rep === 'string' ? row.rep : '';
    out.set(rep, (out.get(rep) ?? 0) + (numberOf(row.revenue) ?? 0));
  }
  return out;
}
