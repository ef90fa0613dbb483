/**
 * `sales-metrics rfm --engine duckdb FILE` and `rfm --db URL --table T`: RFM scores and segments,
 * the at-risk and lost customers and the loyalty candidates computed in the database
 * (`src/sql/cohorts.ts`, `src/sql/customer-lists.ts`), printed as `rfm` prints the engine's.
 */
import type { AtRiskCustomer } from '../../core/analyses/customer-lists';
import { loyaltyFromRfm } from '../../core/analyses/customer-lists';
import type { RfmCustomer, RfmResult } from '../../core/analyses/rfm';
import { isMetricError } from '../../core/errors';
import { rfmFromRows, rfmSql } from '../../sql/cohorts';
import type { SilentThresholds } from '../../sql/customer-lists';
import { silentFromRows, silentSql } from '../../sql/customer-lists';
import type { ParsedArgs } from '../args';
import { booleanFlag } from '../args';
import { CliError } from '../errors';
import { toJson } from '../format';
import type { CliIO } from '../io';
import { withSqlOrders } from './sql-orders-command';

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

/** Runs `rfm` through SQL and prints the segments and lists. */
export async function runRfmSql(args: ParsedArgs, io: CliIO, run: RfmRun): Promise<void> {
  await withSqlOrders(args, io, 'rfm', async ({ engine, orders, progress, asOf: asOfOf }) => {
    const asOf = asOfOf.day;
    progress.stage('scoring customers in the database');
    const result = rfmFromRows(await engine.query(rfmSql(engine.dialect, orders, asOf)), asOf);
    if (isMetricError(result))
      throw new CliError(`cannot score customers: ${result.reason} (${result.error})`);
    const { factor, lostFactor } = run.thresholds;
    if (lostFactor < factor)
      throw new CliError(`--lost-factor (${lostFactor}) must be at least --risk-factor (${factor})`, 2);
    progress.stage('finding the silent customers in the database');
    const silent = silentFromRows(
      await engine.query(silentSql(engine.dialect, orders, asOf, run.thresholds)),
      asOf,
      run.thresholds,
    );
    const lists: RfmLists = {
      result,
      atRisk: isMetricError(silent) ? [] : silent.atRisk,
      lost: isMetricError(silent) ? [] : silent.lost,
      loyalty: loyaltyFromRfm(result),
    };
    io.stdout(
      booleanFlag(args, 'json')
        ? toJson({ ...(run.json(lists) as object), ...asOfOf.json })
        : run.text(lists, asOfOf.lines),
    );
  });
}
