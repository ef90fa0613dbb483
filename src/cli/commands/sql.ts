/**
 * `sales-metrics sql --dialect D`: the SQL the `metrics` figures are computed with, printed for
 * review or to run elsewhere (docs/sql.md). Tables and columns are named with `--table`,
 * `--pipeline`, `--spend` and `--map`; nothing is connected to, so the as-of day is given.
 */
import type { MetricId } from '../../core/metrics';
import { METRICS, metricIdFromText } from '../../core/metrics';
import type { ColumnRole } from '../../core/table';
import { formatDay, lastPeriods } from '../../core/periods';
import type { ColumnType, DialectName } from '../../sql/dialect';
import { DIALECT_NAMES, DIALECTS, isDialectName } from '../../sql/dialect';
import { breakdownStatements } from '../../sql/breakdown';
import { sqlSuite } from '../../sql/suite';
import type { SourceColumn, SqlSources, TableSource } from '../../sql/source';
import type { ParsedArgs } from '../args';
import {
  calendarFlags,
  CALENDAR_OPTIONS,
  givenAsOf,
  integerFlag,
  listFlag,
  mapFlags,
  periodFlag,
  stringFlag,
} from '../args';
import type { Command } from '../command';
import { usageError } from '../errors';
import type { CliIO } from '../io';
import { breakdownIds } from './metrics-breakdowns';

const HELP = `Usage: sales-metrics sql --dialect duckdb|postgres|bigquery|snowflake --as-of YYYY-MM-DD [options]

Prints the SQL that computes the metrics figures (every metric per period, totals, growth and
year over year, breakdowns) in a database's dialect, for review or to run there. Each metric is a
column with its value and a column <metric>__why saying why there is none (docs/sql.md). Periods
and windows are worked out for the as-of day and written into the SQL.

Options:
  --dialect NAME            duckdb, postgres, bigquery or snowflake
  --as-of YYYY-MM-DD        the day the figures are as of (required: nothing is connected to)
  --table NAME              the orders table (default: orders)
  --pipeline NAME           a pipeline table: adds the pipeline metrics
  --spend NAME              a marketing spend table: adds CAC, ROI, LTV:CAC and payback
  --map role=column         a role's column (repeatable); prefix pipeline. or spend. for those
                            tables; the orders need date and amount, the pipeline created and
                            status, the spend date and spend
  --type column=TYPE        how a column holds its values: date, timestamp, number, text,
                            yyyymmdd, text-ymd, text-mdy, text-dmy (default: DATE for dates,
                            numbers for amounts, text for the rest)
  --period day|week|month|quarter|year   period length (default month)
  --last N                  number of periods up to the as-of date (default 12)
  --fiscal-start 1..12      month the fiscal year starts (default 1)
  --week-start DAY          first day of the week (default monday, ISO)
  --metrics id,id,...       only these metrics
  --by NAME                 also the statements of a breakdown by this column or role

Example:
  sales-metrics sql --dialect snowflake --as-of 2026-11-30 --table sales.orders \\
    --map date=order_date --map amount=net_amount --map customer=customer_id --by region`;

const DATE_ROLES = new Set(['date', 'created', 'closed', 'end']);
const NUMBER_ROLES = new Set(['amount', 'quantity', 'cost', 'profit', 'value', 'spend']);
const TYPES: readonly ColumnType[] = [
  'date',
  'timestamp',
  'number',
  'text',
  'yyyymmdd',
  'text-ymd',
  'text-mdy',
  'text-dmy',
];
const REQUIRED = {
  orders: ['date', 'amount'],
  pipeline: ['created', 'status'],
  spend: ['date', 'spend'],
} as const;

function relationOf(d: (typeof DIALECTS)[DialectName], name: string): string {
  return name
    .split('.')
    .map((part) => d.ident(part))
    .join('.');
}

function sourceOf(
  dialect: DialectName,
  kind: 'orders' | 'pipeline' | 'spend',
  table: string,
  mapping: Partial<Record<ColumnRole, string>>,
  types: ReadonlyMap<string, ColumnType>,
): TableSource<string> {
  const missing = REQUIRED[kind].filter((role) => !mapping[role as ColumnRole]);
  if (missing.length)
    throw usageError(
      `sql: name the ${kind} table's ${missing.join(' and ')} column${missing.length > 1 ? 's' : ''} with --map ${kind === 'orders' ? '' : `${kind}.`}${missing[0]}=COLUMN`,
    );
  const columns: Record<string, SourceColumn> = {};
  for (const [role, name] of Object.entries(mapping)) {
    if (!name) continue;
    const fallback: ColumnType = DATE_ROLES.has(role) ? 'date' : NUMBER_ROLES.has(role) ? 'number' : 'text';
    columns[role] = { name, type: types.get(name) ?? fallback };
  }
  return { relation: relationOf(DIALECTS[dialect], table), columns };
}

async function run(args: ParsedArgs, io: CliIO): Promise<void> {
  const name = stringFlag(args, 'dialect');
  if (!isDialectName(name))
    throw usageError(`--dialect takes ${DIALECT_NAMES.join(', ')}${name ? `, got "${name}"` : ''}`);
  const asOf = givenAsOf(args);
  if (asOf === undefined)
    throw usageError('sql needs --as-of YYYY-MM-DD: the periods are worked out for that day');
  const types = new Map<string, ColumnType>();
  for (const entry of listFlag(args, 'type')) {
    const [column, type] = entry.split('=').map((x) => x.trim());
    if (!column || !TYPES.includes(type as ColumnType))
      throw usageError(`--type expects column=${TYPES.join('|')}, got "${entry}"`);
    types.set(column, type as ColumnType);
  }
  const maps = listFlag(args, 'map');
  const pipeline = stringFlag(args, 'pipeline');
  const spend = stringFlag(args, 'spend');
  const sources: SqlSources = {
    orders: sourceOf(name, 'orders', stringFlag(args, 'table') ?? 'orders', mapFlags(maps, 'orders'), types),
    ...(pipeline
      ? { pipeline: sourceOf(name, 'pipeline', pipeline, mapFlags(maps, 'pipeline', 'orders'), types) }
      : {}),
    ...(spend ? { spend: sourceOf(name, 'spend', spend, mapFlags(maps, 'spend', 'orders'), types) } : {}),
  };
  const calendar = calendarFlags(args);
  const periods = lastPeriods(
    asOf,
    periodFlag(args, 'month'),
    integerFlag(args, 'last', 1, 10000) ?? 12,
    calendar,
  );
  const selection = stringFlag(args, 'metrics');
  const has = { orders: true, pipeline: !!pipeline, spend: !!spend };
  const ids: MetricId[] =
    selection === undefined
      ? METRICS.filter(
          (m) =>
            m.requires.every((r) => has[r.table]) &&
            m.requires.every(
              (r) => r.table !== 'orders' || r.role !== 'quantity' || sources.orders!.columns.quantity,
            ),
        ).map((m) => m.id)
      : selection.split(',').map((text) => {
          const id = metricIdFromText(text.trim());
          if (!id) throw usageError(`--metrics: unknown metric "${text.trim()}"`);
          return id;
        });
  const statements: string[] = [];
  const ctx = { dialect: DIALECTS[name], sources, asOf, calendar };
  await sqlSuite({ ...ctx, query: async () => [], onStatement: (sql) => statements.push(sql) }, ids, periods);
  const header = (what: string) =>
    `-- ${what}: ${periods[0].key} … ${periods[periods.length - 1].key} as of ${formatDay(asOf)} (${name}).\n` +
    `-- s = run of windows, w = window (w = 0, the window before, is not returned); <metric>__why: why a value is NULL.`;
  const out: string[] = [];
  statements.forEach((sql) =>
    out.push(
      `${header(/FROM pm2/.test(sql) ? 'pipeline metrics' : 'orders and marketing metrics')}\n${sql};`,
    ),
  );
  const last = periods[periods.length - 1];
  for (const dimension of listFlag(args, 'by')) {
    const byIds = breakdownIds(has as never, selection === undefined ? undefined : ids);
    const grouped = breakdownStatements(ctx, { dimension, period: last, ids: byIds });
    if (!grouped.orders && !grouped.pipeline)
      throw usageError(`--by ${dimension}: no mapped column or role named '${dimension}'`);
    for (const sql of [grouped.orders, grouped.pipeline])
      if (sql)
        out.push(`-- by ${dimension}, ${last.key} and the period before: one row per key (g).\n${sql};`);
  }
  io.stdout(`${out.join('\n\n')}\n`);
}

export const sqlCommand: Command = {
  name: 'sql',
  summary: 'the SQL of the metrics for DuckDB, PostgreSQL, BigQuery or Snowflake, for review',
  help: HELP,
  options: {
    dialect: { type: 'string' },
    'as-of': { type: 'string' },
    table: { type: 'string' },
    pipeline: { type: 'string' },
    spend: { type: 'string' },
    map: { type: 'string', multiple: true },
    type: { type: 'string', multiple: true },
    period: { type: 'string' },
    last: { type: 'string' },
    ...CALENDAR_OPTIONS,
    metrics: { type: 'string' },
    by: { type: 'string', multiple: true },
  },
  run,
};
