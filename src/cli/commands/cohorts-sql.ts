/**
 * `sales-metrics cohorts --engine duckdb FILE` and `cohorts --db URL --table T`: the cohort matrix
 * computed in the database (`src/sql/cohorts.ts`), printed as `cohorts` prints the engine's.
 */
import type { CohortMatrix, CohortMeasure } from '../../core/analyses/cohorts';
import { isMetricError } from '../../core/errors';
import type { Calendar, PeriodUnit } from '../../core/periods';
import { cohortFromRows, cohortSql } from '../../sql/cohorts';
import type { ParsedArgs } from '../args';
import { booleanFlag, givenAsOf, stringFlag, today } from '../args';
import { CliError } from '../errors';
import { toJson } from '../format';
import type { CliIO } from '../io';
import { progressOn } from '../io';
import { sqlOrdersAsOf } from '../sql-as-of';
import { cliErrorOf, openSqlInputs } from '../sql-route';

export interface CohortsRun {
  readonly unit: PeriodUnit;
  readonly calendar: Calendar;
  readonly measure: CohortMeasure;
  readonly maxSteps: number;
  /** The command's own renderers, so both routes print alike. */
  readonly text: (matrix: CohortMatrix, asOf: number, maxSteps: number) => string;
  readonly json: (matrix: CohortMatrix, asOf: number) => unknown;
}

/** Runs `cohorts` through SQL and prints the matrix. */
export async function runCohortsSql(args: ParsedArgs, io: CliIO, run: CohortsRun): Promise<void> {
  const given = givenAsOf(args);
  const progress = progressOn(io, booleanFlag(args, 'quiet'));
  const inputs = await openSqlInputs(args, progress, io.cwd);
  const { engine } = inputs;
  try {
    const orders = inputs.sources.orders;
    const table = inputs.tables.find((t) => t.kind === 'orders');
    if (!orders || !table) throw new CliError('cohorts needs an orders table');
    if (!orders.columns.customer)
      throw new CliError('cohorts needs a customer column (use --map customer=Header or --columns)');
    const asOfOf = await sqlOrdersAsOf(engine, orders, `orders ${table.label}`, given, today(io));
    asOfOf.lines.forEach((line) => progress.stage(line));
    progress.stage(`building ${run.unit} cohorts in the database`);
    const options = { unit: run.unit, calendar: run.calendar, asOf: asOfOf.day, measure: run.measure };
    const matrix = cohortFromRows(await engine.query(cohortSql(engine.dialect, orders, options)), options);
    if (isMetricError(matrix)) throw new CliError(`cannot build cohorts: ${matrix.reason} (${matrix.error})`);
    io.stdout(
      booleanFlag(args, 'json')
        ? toJson({ ...(run.json(matrix, asOfOf.day) as object), ...asOfOf.json })
        : run.text(matrix, asOfOf.day, run.maxSteps),
    );
  } catch (error) {
    throw cliErrorOf(error, [process.env.PGPASSWORD, stringFlag(args, 'db')]);
  } finally {
    await engine.close();
  }
}
