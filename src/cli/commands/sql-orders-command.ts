/**
 * The frame of an analysis command on the SQL route (`cohorts`, `rfm` with `--engine duckdb` or
 * `--db`): open the engine and the orders table, require a customer column, settle the as-of day,
 * run the command's own work, and close the engine whatever happens (errors with passwords masked).
 */
import type { SqlEngine } from '../../engines/engine';
import type { OrdersSource } from '../../sql/source';
import type { ParsedArgs } from '../args';
import { booleanFlag, givenAsOf, stringFlag, today } from '../args';
import { CliError } from '../errors';
import type { CliIO, Progress } from '../io';
import { progressOn } from '../io';
import { sqlOrdersAsOf } from '../sql-as-of';
import { cliErrorOf, openSqlInputs } from '../sql-route';

/** What the command's work gets: the open engine, the orders and the as-of day settled. */
export interface SqlOrdersJob {
  readonly engine: SqlEngine;
  readonly orders: OrdersSource;
  readonly progress: Progress;
  readonly asOf: Awaited<ReturnType<typeof sqlOrdersAsOf>>;
}

/**
 * Runs `work` for `command` over the orders table of the SQL route.
 * @example await withSqlOrders(args, io, 'rfm', async ({ engine, orders, asOf }) => { … })
 */
export async function withSqlOrders(
  args: ParsedArgs,
  io: CliIO,
  command: string,
  work: (job: SqlOrdersJob) => Promise<void>,
): Promise<void> {
  const given = givenAsOf(args);
  const progress = progressOn(io, booleanFlag(args, 'quiet'));
  const inputs = await openSqlInputs(args, progress, io.cwd);
  const { engine } = inputs;
  try {
    const orders = inputs.sources.orders;
    const table = inputs.tables.find((t) => t.kind === 'orders');
    if (!orders || !table) throw new CliError(`${command} needs an orders table`);
    if (!orders.columns.customer)
      throw new CliError(`${command} needs a customer column (use --map customer=Header or --columns)`);
    const asOf = await sqlOrdersAsOf(engine, orders, `orders ${table.label}`, given, today(io));
    await work({ engine, orders, progress, asOf });
  } catch (error) {
    throw cliErrorOf(error, [process.env.PGPASSWORD, stringFlag(args, 'db')]);
  } finally {
    await engine.close();
  }
}
