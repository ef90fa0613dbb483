/**
 * Test helper: the parity cases the SQL route is held to on every database — the `metrics`
 * figures (every metric per period, totals, growth and year over year, like for like when the last
 * period is not over) on the sample, CDNOW and the CRM pipeline, in months, ISO weeks with a week
 * 53, fiscal quarters with Sunday weeks, years and days.
 */
import type { MetricValue } from '../../src/core/errors';
import { computeSuite, METRICS } from '../../src/core/metrics';
import type { MetricId, MetricInputs } from '../../src/core/metrics';
import type { Calendar, PeriodUnit } from '../../src/core/periods';
import { calendarOf, lastPeriods, parseDay } from '../../src/core/periods';
import { dataAsOf } from '../../src/core/data-range';
import { periodChanges } from '../../src/cli/commands/metrics-changes';
import type { SqlEngine } from '../../src/engines/engine';
import { sqlSuite } from '../../src/sql/suite';
import { sqlBreakdown } from '../../src/sql/breakdown';
import type { SqlContext } from '../../src/sql/evaluate';
import { stageOrders } from '../../src/sql/evaluate';
import type { BreakdownResult } from '../../src/core/analyses/breakdown';
import { breakdown } from '../../src/core/analyses/breakdown';
import { differences, jsonDifferences } from './compare';
import { cohortMatrix } from '../../src/core/analyses/cohorts';
import { rfm } from '../../src/core/analyses/rfm';
import { cohortFromRows, cohortSql, rfmFromRows, rfmSql } from '../../src/sql/cohorts';
import { cdnowInputs, crmInputs, sampleInputs } from './datasets';
import { loadTables } from './tables';

export interface ParityCase {
  readonly name: string;
  readonly data: 'sample' | 'cdnow' | 'crm';
  readonly unit: PeriodUnit;
  readonly count: number;
  /** YYYY-MM-DD, or the latest date in the data. */
  readonly asOf?: string;
  readonly calendar?: Partial<Calendar>;
}

export const PARITY_CASES: readonly ParityCase[] = [
  {
    name: 'sample, months to 2026-12-05 (partial)',
    data: 'sample',
    unit: 'month',
    count: 12,
    asOf: '2026-12-05',
  },
  {
    name: 'sample, ISO weeks to 2026-12-31 (week 53, partial)',
    data: 'sample',
    unit: 'week',
    count: 8,
    asOf: '2026-12-31',
  },
  {
    name: 'sample, fiscal quarters (July) with Sunday weeks to 2026-11-20',
    data: 'sample',
    unit: 'quarter',
    count: 6,
    asOf: '2026-11-20',
    calendar: { fiscalYearStartMonth: 7, weekStartsOn: 7 },
  },
  { name: 'sample, years to the latest date', data: 'sample', unit: 'year', count: 3 },
  { name: 'sample, days to 2025-03-02', data: 'sample', unit: 'day', count: 5, asOf: '2025-03-02' },
  { name: 'CDNOW, months to the latest date', data: 'cdnow', unit: 'month', count: 18 },
  {
    name: 'CDNOW, weeks to 1998-06-17 (partial)',
    data: 'cdnow',
    unit: 'week',
    count: 12,
    asOf: '1998-06-17',
  },
  { name: 'CRM pipeline, months to the latest date', data: 'crm', unit: 'month', count: 12 },
  {
    name: 'CRM pipeline, quarters to 2017-08-15 (partial)',
    data: 'crm',
    unit: 'quarter',
    count: 4,
    asOf: '2017-08-15',
  },
];

const INPUTS = { sample: sampleInputs, cdnow: cdnowInputs, crm: crmInputs };

/** Writes a data set's tables into the database (once per engine and data set). */
const loaded = new WeakMap<SqlEngine, Map<string, ReturnType<typeof loadTables>['sources']>>();
async function sourcesIn(db: SqlEngine, data: ParityCase['data'], inputs: MetricInputs) {
  let perDb = loaded.get(db);
  if (!perDb) loaded.set(db, (perDb = new Map()));
  const known = perDb.get(data);
  if (known) return known;
  const { statements, sources } = loadTables(db.dialect, inputs, data);
  for (const sql of statements) await db.run(sql);
  perDb.set(data, sources);
  return sources;
}

/** A context on `db`, its orders staged into temporary tables when `staged` (dropped by `release`). */
async function contextOn(
  db: SqlEngine,
  base: Omit<SqlContext, 'dialect' | 'query'>,
  staged: boolean,
): Promise<{ ctx: SqlContext; release: () => Promise<void> }> {
  const ctx: SqlContext = { ...base, dialect: db.dialect, query: (s) => db.query(s) };
  return staged ? stageOrders(ctx, (s) => db.run(s)) : { ctx, release: async () => undefined };
}

/**
 * Every difference between the SQL route on `db` and the engine for one case (none when equal),
 * the orders read from their source or, with `staged`, from their staged tables.
 */
export async function parityDifferences(db: SqlEngine, c: ParityCase, staged = false): Promise<string[]> {
  const inputs = await INPUTS[c.data]();
  const sources = await sourcesIn(db, c.data, inputs);
  const asOf = c.asOf ? parseDay(c.asOf)! : dataAsOf(inputs)!;
  const calendar = calendarOf(c.calendar);
  const has = { orders: !!inputs.orders, pipeline: !!inputs.pipeline, spend: !!inputs.spend };
  const ids = METRICS.filter((m) => m.requires.every((r) => has[r.table])).map((m) => m.id) as MetricId[];
  const periods = lastPeriods(asOf, c.unit, c.count, calendar);
  const options = { asOf, calendar };
  const engine = computeSuite(inputs, ids, periods, { ...options, totals: true });
  const engineChanges = periodChanges(inputs, ids, periods, engine.values, options);
  const { ctx, release } = await contextOn(db, { sources, asOf, calendar }, staged);
  const sql = await sqlSuite(ctx, ids, periods);
  await release();
  const keys = (k: number) => periods[k].key;
  const change = (side: 'growth' | 'yoy', list: typeof engineChanges | typeof sql.changes) =>
    list.map((x) => x[side].changes as MetricValue[]);
  return [
    ...differences(ids, engine.values, sql.values, keys),
    ...differences(ids, [engine.totals!], [sql.totals], () => 'total'),
    ...differences(
      ids,
      change('growth', engineChanges),
      change('growth', sql.changes),
      (k) => `growth ${keys(k)}`,
    ),
    ...differences(ids, change('yoy', engineChanges), change('yoy', sql.changes), (k) => `yoy ${keys(k)}`),
  ];
}

export interface BreakdownCase {
  readonly name: string;
  readonly data: 'sample' | 'crm';
  readonly dimension: string;
  readonly ids: readonly MetricId[];
  readonly asOf: string;
  readonly unit: PeriodUnit;
  readonly top?: number;
  readonly likeForLike?: boolean;
}

const ORDERS_IDS: MetricId[] = ['revenue', 'orders', 'aov', 'customers', 'new_customers'];

export const BREAKDOWN_CASES: readonly BreakdownCase[] = [
  {
    name: 'sample by region, the month to 2026-12-05',
    data: 'sample',
    dimension: 'region',
    ids: ORDERS_IDS,
    asOf: '2026-12-05',
    unit: 'month',
  },
  {
    name: 'sample by product, top 3 with Others, like for like',
    data: 'sample',
    dimension: 'product',
    ids: ORDERS_IDS,
    asOf: '2026-12-05',
    unit: 'month',
    top: 3,
    likeForLike: true,
  },
  {
    name: 'sample by channel, every orders and marketing metric and leads, a quarter',
    data: 'sample',
    dimension: 'channel',
    ids: METRICS.map((m) => m.id).filter((id) => id !== 'conversion_rate') as MetricId[],
    asOf: '2026-11-20',
    unit: 'quarter',
  },
  {
    name: 'sample by rep with history metrics, like for like, top 4',
    data: 'sample',
    dimension: 'rep',
    ids: ['revenue', 'retention_rate', 'active_ratio', 'days_between_orders', 'clv', 'win_rate', 'leads'],
    asOf: '2026-12-05',
    unit: 'month',
    top: 4,
    likeForLike: true,
  },
  {
    name: 'CRM pipeline by sales agent (keys from the pipeline), top 5',
    data: 'crm',
    dimension: 'rep',
    ids: [
      'leads',
      'conversion_rate',
      'win_rate',
      'avg_deal_size',
      'sales_cycle_days',
      'sales_cycle_days_median',
      'pipeline_value',
      'pipeline_velocity',
    ],
    asOf: '2017-10-20',
    unit: 'month',
    top: 5,
  },
];

/** Differences between the SQL breakdown on `db` and the engine's. */
export async function breakdownDifferences(
  db: SqlEngine,
  c: BreakdownCase,
  staged = false,
): Promise<string[]> {
  const inputs = await INPUTS[c.data]();
  const sources = await sourcesIn(db, c.data, inputs);
  const asOf = parseDay(c.asOf)!;
  const period = lastPeriods(asOf, c.unit, 1)[0];
  const options = { dimension: c.dimension, period, ids: c.ids, top: c.top, likeForLike: c.likeForLike };
  const engine = breakdown(inputs, { ...options, asOf });
  const { ctx, release } = await contextOn(db, { sources, asOf }, staged);
  const sql = await sqlBreakdown(ctx, options);
  await release();
  const keysOf = (r: BreakdownResult) => r.rows.map((row) => `${row.key}:${row.keys.join('|')}`);
  const problems: string[] = [];
  if (JSON.stringify(keysOf(engine)) !== JSON.stringify(keysOf(sql)))
    problems.push(`keys: expected ${keysOf(engine).join(', ')}, got ${keysOf(sql).join(', ')}`);
  const label = (k: number) => engine.rows[k]?.key ?? `row ${k}`;
  const rowsOf = (r: BreakdownResult, part: 'values' | 'previous' | 'growth') =>
    r.rows.map((row) => [...row[part]]);
  const shares = (r: BreakdownResult) => r.rows.map((row) => row.share.map((v) => v ?? 0));
  problems.push(
    ...differences(
      c.ids,
      [engine.total.values, engine.total.previous],
      [sql.total.values, sql.total.previous],
      () => 'total',
    ),
    ...differences(c.ids, rowsOf(engine, 'values'), rowsOf(sql, 'values'), label),
    ...differences(c.ids, rowsOf(engine, 'previous'), rowsOf(sql, 'previous'), (k) => `${label(k)} before`),
    ...differences(c.ids, rowsOf(engine, 'growth'), rowsOf(sql, 'growth'), (k) => `${label(k)} growth`),
    ...differences(c.ids, shares(engine), shares(sql), (k) => `${label(k)} share`),
  );
  return problems;
}

export interface AnalysisCase {
  readonly name: string;
  readonly data: 'sample' | 'cdnow';
  readonly asOf: string;
  readonly unit: PeriodUnit;
  readonly measure?: 'customers' | 'revenue';
  readonly calendar?: Partial<Calendar>;
}

export const ANALYSIS_CASES: readonly AnalysisCase[] = [
  { name: 'sample, months to 2026-12-05, customers', data: 'sample', asOf: '2026-12-05', unit: 'month' },
  {
    name: 'sample, fiscal quarters to 2026-11-20, revenue',
    data: 'sample',
    asOf: '2026-11-20',
    unit: 'quarter',
    measure: 'revenue',
    calendar: { fiscalYearStartMonth: 4 },
  },
  { name: 'CDNOW, months to 1998-06-15', data: 'cdnow', asOf: '1998-06-15', unit: 'month' },
  {
    name: 'CDNOW, Sunday weeks to 1997-06-30, revenue',
    data: 'cdnow',
    asOf: '1997-06-30',
    unit: 'week',
    measure: 'revenue',
    calendar: { weekStartsOn: 7 },
  },
];

/** Differences between the SQL cohort matrix and RFM on `db` and the engine's. */
export async function analysisDifferences(db: SqlEngine, c: AnalysisCase): Promise<string[]> {
  const inputs = await (c.data === 'sample' ? sampleInputs() : cdnowInputs());
  const sources = await sourcesIn(db, c.data, inputs);
  const asOf = parseDay(c.asOf)!;
  const options = { unit: c.unit, calendar: calendarOf(c.calendar), asOf, measure: c.measure };
  const engineCohorts = cohortMatrix(inputs.orders!, options);
  const sqlCohorts = cohortFromRows(await db.query(cohortSql(db.dialect, sources.orders!, options)), options);
  const engineRfm = rfm(inputs.orders!, { asOf });
  const sqlRfm = rfmFromRows(await db.query(rfmSql(db.dialect, sources.orders!, asOf)), asOf);
  return [
    ...jsonDifferences(engineCohorts, sqlCohorts, 'cohorts'),
    ...jsonDifferences(engineRfm, sqlRfm, 'rfm'),
  ];
}
