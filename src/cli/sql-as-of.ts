/**
 * The as-of day of a command over an orders table read through SQL, with the table's line and the
 * as-of line and JSON fields a one-file command prints (`ordersAsOf` on the engine's route): rows
 * read, used, skipped and after the as-of day and the dates they cover, counted by the database.
 */
import type { AsOfChoice, DateRange } from '../core/data-range';
import type { RowCounts } from '../core/report';
import type { SqlEngine } from '../engines/engine';
import { numberOf } from '../sql/results';
import type { OrdersSource } from '../sql/source';
import { rowsAfterSql, tableStatsSql } from '../sql/source-stats';
import type { CommandAsOf } from './as-of';
import { asOfJson, asOfLine, tableLine } from './as-of';

export interface SqlOrdersAsOf extends CommandAsOf {
  readonly counts: RowCounts;
  readonly range: DateRange | null;
}

/**
 * The as-of day (`given`, else the orders' latest usable date, else `today`) and what the orders
 * hold, as `ordersAsOf` says it; `dayOf` moves the day chosen (the review's never passes today),
 * and `words` says where it came from.
 * @example const { day, lines } = await sqlOrdersAsOf(engine, orders, 'orders /data/orders.parquet', undefined, today);
 */
export async function sqlOrdersAsOf(
  engine: SqlEngine,
  orders: OrdersSource,
  label: string,
  given: number | undefined,
  today: number,
  dayOf: (choice: AsOfChoice, last: number | null) => { day: number; words?: string } = (choice) => choice,
): Promise<SqlOrdersAsOf> {
  const [stats] = await engine.query(tableStatsSql(engine.dialect, 'orders', orders));
  const first = numberOf(stats.first);
  const last = numberOf(stats.last);
  const chosen: AsOfChoice =
    given !== undefined
      ? { day: given, source: 'given' }
      : last !== null
        ? { day: last, source: 'data' }
        : { day: today, source: 'today' };
  const moved = dayOf(chosen, last);
  const choice: AsOfChoice = { ...chosen, day: moved.day };
  const [after] = await engine.query(rowsAfterSql(engine.dialect, 'orders', orders, choice.day));
  const read = numberOf(stats.read) ?? 0;
  const usable = numberOf(stats.used) ?? 0;
  const afterAsOf = numberOf(after.after) ?? 0;
  const counts: RowCounts = { read, used: usable - afterAsOf, skipped: read - usable, afterAsOf };
  const range = first === null || last === null ? null : { first, last };
  return {
    choice,
    day: choice.day,
    counts,
    range,
    lines: [tableLine(label, counts, choice.day, range), asOfLine(choice, moved.words)],
    json: asOfJson(choice, { orders: { range, afterAsOf } }),
  };
}
