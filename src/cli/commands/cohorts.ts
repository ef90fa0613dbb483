/**
 * `sales-metrics cohorts`: the cohort retention matrix (cohort = period of first order).
 */
import type { CohortMatrix } from '../../core/analyses/cohorts';
import { cohortMatrix } from '../../core/analyses/cohorts';
import { isMetricError } from '../../core/errors';
import { formatDay } from '../../core/periods';
import type { ParsedArgs } from '../args';
import {
  givenAsOf,
  booleanFlag,
  choiceFlag,
  integerFlag,
  periodFlag,
  calendarFlags,
  CALENDAR_OPTIONS,
} from '../args';
import type { Command } from '../command';
import { CliError } from '../errors';
import { formatNumber, formatTable, toJson } from '../format';
import { INPUT_HELP, INPUT_OPTIONS, ordersLoadOptions, ordersPath } from '../inputs';
import type { CliIO } from '../io';
import { progressOn } from '../io';
import { loadTable } from '../load';
import { ordersAsOf } from '../as-of';
import { SQL_ROUTE_HELP, SQL_ROUTE_OPTIONS, sqlRouteWanted } from '../sql-route';
import { runCohortsSql } from './cohorts-sql';

const HELP = `Usage: sales-metrics cohorts ORDERS_FILE [options]
       sales-metrics cohorts big.parquet --engine duckdb [options]
       sales-metrics cohorts --db postgres://user@host:5432/db --table orders [options]

Cohort retention: each customer's cohort is the period of their first order; cell (cohort, k) is
the share of the cohort that ordered again in period cohort + k (period 0 is 100%). Needs customer,
date and amount columns; refunds alone do not make a customer active.

Options:
  --period day|week|month|quarter|year   cohort and step length (default month)
  --fiscal-start 1..12      month the fiscal year starts, for quarters and years (default 1)
  --week-start DAY          first day of the week: 1-7 or monday…sunday (default monday, ISO)
  --as-of YYYY-MM-DD        last day counted (default: the latest date in the data)
  --measure customers|revenue   also give revenue retention per cohort (default customers)
  --json                    print {unit, measure, asOf, cohorts: [{key, label, size, counts, shares,
                            revenue?, revenueShares?, partial}], averageCurve, partialPeriod,
                            asOfSource, dataRange, afterAsOf}; partial[k] is true for a
                            cell of the as-of period while it is not over, and partialPeriod
                            is {key, days, daysInPeriod, to} or null
  -q, --quiet               no progress on stderr
${INPUT_HELP}
${SQL_ROUTE_HELP}
                            cohorts then counts the cohorts in the database, with the same output

Examples:
  sales-metrics cohorts --db postgres://analyst@db.local:5432/sales --table orders --period quarter
  sales-metrics cohorts cdnow_sample.txt --columns customer,-,date,quantity,amount --as-of 1998-06-30`;

export function cohortsJson(matrix: CohortMatrix, asOf: number): unknown {
  return {
    unit: matrix.unit,
    measure: matrix.measure,
    asOf: formatDay(asOf),
    cohorts: matrix.cohorts,
    averageCurve: matrix.averageCurve,
    partialPeriod: matrix.partialPeriod && {
      key: matrix.partialPeriod.key,
      days: matrix.partialPeriod.days,
      daysInPeriod: matrix.partialPeriod.daysInPeriod,
      to: formatDay(matrix.partialPeriod.lastDay),
    },
  };
}

/** The footnote under a matrix whose as-of period is not over. */
export function partialFootnote(matrix: CohortMatrix): string | null {
  const p = matrix.partialPeriod;
  if (!p) return null;
  return (
    `* ${p.key} to date: ${p.days} of ${p.daysInPeriod} days (to ${formatDay(p.lastDay)}); ` +
    `its cells are counted to date and left out of the average`
  );
}

function cohortsText(matrix: CohortMatrix, asOf: number, maxSteps: number): string {
  const steps = Math.min(maxSteps, Math.max(0, ...matrix.cohorts.map((c) => c.shares.length)));
  const revenue = matrix.measure === 'revenue';
  const header = ['cohort', 'customers', ...Array.from({ length: steps }, (_, k) => `+${k}`)];
  const share = (x: number | undefined) => (x === undefined ? '' : formatNumber(x, 'ratio'));
  const rows = matrix.cohorts.map((c) => [
    c.key,
    c.size.toLocaleString('en-US'),
    ...Array.from(
      { length: steps },
      (_, k) => share((revenue ? c.revenueShares : c.shares)?.[k]) + (c.partial[k] ? '*' : ''),
    ),
  ]);
  rows.push([
    'average',
    String(matrix.cohorts.reduce((sum, c) => sum + c.size, 0).toLocaleString('en-US')),
    ...Array.from({ length: steps }, (_, k) => share(matrix.averageCurve[k])),
  ]);
  const what = revenue
    ? 'revenue retention (revenue in period k / revenue in period 0)'
    : 'share of each cohort ordering in period k';
  const cut =
    steps < Math.max(0, ...matrix.cohorts.map((c) => c.shares.length))
      ? ` (first ${steps} steps; --json has all)`
      : '';
  const footnote = partialFootnote(matrix);
  return (
    `Cohorts by ${matrix.unit} to ${formatDay(asOf)}: ${what}${cut}\n` +
    formatTable(header, rows) +
    (footnote ? `${footnote}\n` : '')
  );
}

async function run(args: ParsedArgs, io: CliIO): Promise<void> {
  const sql = sqlRouteWanted(args);
  const path = sql ? undefined : ordersPath(args, 'cohorts')!;
  const unit = periodFlag(args, 'month');
  givenAsOf(args); // a bad --as-of stops before the file is read
  const measure = choiceFlag(args, 'measure', ['customers', 'revenue'] as const) ?? 'customers';
  const maxSteps = integerFlag(args, 'steps', 1, 1000) ?? 24;
  if (sql || path === undefined)
    return runCohortsSql(args, io, {
      unit,
      calendar: calendarFlags(args),
      measure,
      maxSteps,
      text: cohortsText,
      json: cohortsJson,
    });
  const progress = progressOn(io, booleanFlag(args, 'quiet'));
  const orders = await loadTable('orders', path, ordersLoadOptions(args), io, progress);
  if (!orders.table.customer)
    throw new CliError('cohorts needs a customer column (use --map customer=Header or --columns)');
  const asOfOf = ordersAsOf(args, io, `orders ${path}`, orders);
  const asOf = asOfOf.day;
  asOfOf.lines.forEach((line) => progress.stage(line));
  progress.stage(`building ${unit} cohorts`);
  const matrix = cohortMatrix(orders.table, {
    unit,
    calendar: calendarFlags(args),
    asOf,
    measure,
  });
  if (isMetricError(matrix)) throw new CliError(`cannot build cohorts: ${matrix.reason} (${matrix.error})`);
  io.stdout(
    booleanFlag(args, 'json')
      ? toJson({ ...(cohortsJson(matrix, asOf) as object), ...asOfOf.json })
      : cohortsText(matrix, asOf, maxSteps),
  );
}

export const cohortsCommand: Command = {
  name: 'cohorts',
  summary: 'cohort retention matrix by period of first order',
  help: HELP.replace(
    '  --json ',
    '  --steps N                 steps shown in the text table (default 24)\n  --json ',
  ),
  options: {
    ...INPUT_OPTIONS,
    ...SQL_ROUTE_OPTIONS,
    orders: { type: 'string' },
    period: { type: 'string' },
    ...CALENDAR_OPTIONS,
    'as-of': { type: 'string' },
    measure: { type: 'string' },
    steps: { type: 'string' },
    json: { type: 'boolean' },
  },
  run,
};
