/**
 * `sales-metrics rfm --engine duckdb FILE` and `rfm --db URL --table T`: RFM scores and segments,
 * the at-risk and lost customers and the loyalty candidates computed in the database
 * (`src/sql/cohorts.ts`, `src/sql/silent-thresholds.ts`), printed as `rfm` prints the engine's.
 */
import type { AtRiskCustomer } from '../../core/analyses/customer-lists';
import type { RfmCustomer, RfmResult } from '../../core/analyses/rfm';
import { isMetricError } from '../../core/errors';
import { rfmFromRows, rfmSql } from '../../sql/cohorts';
import type { SilentThresholds } from '../../sql/silent-thresholds';
import { silentThresholdFromRows, silentThresholdSql } from '../../sql/silent-thresholds';
import type { ParsedArgs } from '../args';
import { booleanFlag, givenAsOf, stringFlag, today } from '../args';
import { CliError } from '../errors';
import { toJson } from '../format';
import type { CliIO } from '../io';
import { progressOn } from '../io';
import { sqlOrdersAsOf } from '../sql-as-of';
import { cliErrorOf, openSqlInputs } from '../sql-route';

/** What `rfm` prints, from the scores and the lists. */
export interface RfmLists {
  readonly result: RfmResult;
  readonly atRisk: readonly AtRiskCustomer[];
  readonly lost: readonly AtRiskCustomer[];
  readonly loyalty: readonly RfmCustomer[];
}

export interface RfmRun {
  readonly thresholds: Required<SilentThresholds>;
  /** The command's own renderers, so both routes print alike. */
  readonly text: (lists: RfmLists, preface: readonly string[]) => string;
  readonly json: (lists: RfmLists) => unknown;
}

/**
 * Loyalty-programme candidates of scored customers: Champions and Loyal, biggest spenders first
 * (`loyaltyCandidates` on the engine's route).
 * @example loyaltyOf(result)[0] // { id: 'C-7', segment: 'Champions', monetary: 12_400, … }
 */
export function loyaltyOf(result: RfmResult): RfmCustomer[] {
  return result.customers
    .filter((c) => c.segment === 'Champions' || c.segment === 'Loyal')
    .sort((a, b) => b.monetary - a.monetary || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Runs `rfm` through SQL and prints the segments and lists. */
export async function runRfmSql(args: ParsedArgs, io: CliIO, run: RfmRun): Promise<void> {
  const given = givenAsOf(args);
  const progress = progressOn(io, booleanFlag(args, 'quiet'));
  const inputs = await openSqlInputs(args, progress, io.cwd);
  const { engine } = inputs;
  try {
    const orders = inputs.sources.orders;
    const table = inputs.tables.find((t) => t.kind === 'orders');
    if (!orders || !table) throw new CliError('rfm needs an orders table');
    if (!orders.columns.customer)
      throw new CliError('rfm needs a customer column (use --map customer=Header or --columns)');
    const asOfOf = await sqlOrdersAsOf(engine, orders, `orders ${table.label}`, given, today(io));
    const asOf = asOfOf.day;
    progress.stage('scoring customers in the database');
    const result = rfmFromRows(await engine.query(rfmSql(engine.dialect, orders, asOf)), asOf);
    if (isMetricError(result))
      throw new CliError(`cannot score customers: ${result.reason} (${result.error})`);
    const { factor, lostFactor } = run.thresholds;
    if (lostFactor < factor)
      throw new CliError(`--lost-factor (${lostFactor}) must be at least --risk-factor (${factor})`, 2);
    progress.stage('finding the silent customers in the database');
    const silent = silentThresholdFromRows(
      await engine.query(silentThresholdSql(engine.dialect, orders, asOf, run.thresholds)),
      asOf,
      run.thresholds,
    );
    const lists: RfmLists = {
      result,
      atRisk: isMetricError(silent) ? [] : silent.atRisk,
      lost: isMetricError(silent) ? [] : silent.lost,
      loyalty: loyaltyOf(result),
    };
    io.stdout(
      booleanFlag(args, 'json')
        ? toJson({ ...(run.json(lists) as object), ...asOfOf.json })
        : run.text(lists, asOfOf.lines),
    );
  } catch (error) {
    throw cliErrorOf(error, [process.env.PGPASSWORD, stringFlag(args, 'db')]);
  } finally {
    await engine.close();
  }
}
