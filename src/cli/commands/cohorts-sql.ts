/**
 * `sales-metrics cohorts --engine duckdb FILE` and `cohorts --db URL --table T`: the cohort matrix
 * computed in the database (`src/sql/cohorts.ts`), printed as `cohorts` prints the engine's.
 */
import type { CohortMatrix, CohortMeasure } from '../../core/analyses/cohorts';
import { isMetricError } from '../../core/errors';
import type { Calendar, PeriodUnit } from '../../core/periods';
import { cohortFromRows, cohortSql } from '../../sql/cohorts';
import type { ParsedArgs } from '../args';
import { booleanFlag } from '../args';
import { CliError } from '../errors';
import { toJson } from '../format';
import type { CliIO } from '../io';
import { withSqlOrders } from './sql-orders-command';

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
  await withSqlOrders(args, io, 'cohorts', async ({ engine, orders, progress, asOf: asOfOf }) => {
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
  });
}
