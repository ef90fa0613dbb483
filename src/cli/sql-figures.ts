/**
 * The dashboard's and the review's figures through SQL. The plans ask for figures synchronously
 * (`PlanFigures`) while a database answers asynchronously, so a build lays the plans out in
 * rounds: each round answers what earlier rounds computed and notes what it has not seen yet
 * (answering with placeholders); the database then computes every noted request, and the plans are
 * laid out again, until a round asks nothing new. Most plans need two rounds; goal tracking asks
 * its projection's history only once it has seen the actual values, so goals may need a third.
 *
 * Windows and suites of every request go to the database as one batch of runs per as-of day (one
 * statement per table family); a rep's or region's windows (goals of one part of the business) as
 * one grouped batch per part (a rep in a region through the tables narrowed to its rows); breakdowns, cohorts, RFM and the customer lists have statements of
 * their own.
 */
import type { BreakdownOptions, BreakdownResult } from '../core/analyses/breakdown';
import { OTHERS_KEY } from '../core/analyses/breakdown';
import type { CohortMatrix, CohortOptions } from '../core/analyses/cohorts';
import type { SilentCustomers } from '../core/analyses/customer-lists';
import type { RfmResult } from '../core/analyses/rfm';
import type { MetricError, MetricValue } from '../core/errors';
import { metricError } from '../core/errors';
import type { GoalScope } from '../core/goals';
import type { MetricId, MetricOptions, MetricWindow } from '../core/metrics';
import type { Period } from '../core/periods';
import { formatDay, previousPeriod } from '../core/periods';
import type { FigureTable, FirstOrder, PlanFigures } from '../sheets/figures';
import { sqlBreakdown } from '../sql/breakdown';
import { cohortFromRows, cohortSql, rfmFromRows, rfmSql } from '../sql/cohorts';
import { firstOrdersFromRows, firstOrdersSql, silentFromRows, silentSql } from '../sql/customer-lists';
import type { RunGroups, SqlContext } from '../sql/evaluate';
import { evaluateRuns } from '../sql/evaluate';
import { distinctValuesOf, scopedSources } from '../sql/scoped-sources';
import { dimensionSourceColumn, norm } from '../sql/source';

type Request =
  | {
      kind: 'windows';
      ids: readonly MetricId[];
      run: readonly MetricWindow[];
      asOf: number;
      scope?: GoalScope;
    }
  | { kind: 'suite'; ids: readonly MetricId[]; periods: readonly Period[]; asOf: number }
  | { kind: 'breakdown'; options: BreakdownOptions }
  | { kind: 'cohorts'; options: CohortOptions }
  | { kind: 'rfm'; asOf: number }
  | { kind: 'firstOrders'; asOf: number; start: number; end: number }
  | { kind: 'silent'; asOf: number };

type RunRequest = Extract<Request, { kind: 'windows' | 'suite' }>;

/** What the tables have, as the plans need to know it before any figure is computed. */
export interface FigureTraits {
  readonly customers: boolean;
  readonly orders: boolean;
  /** The orders' first usable day (the outlook's series starts at the first whole period after it). */
  readonly firstDay: number | undefined;
  /** Each table read and its first usable day (orders: order date, pipeline: created, spend: date). */
  readonly tables: Readonly<Partial<Record<FigureTable, number | undefined>>>;
  /** In words, for the sheets: "computed in DuckDB from orders.parquet". */
  readonly computedIn: string;
}

/** A request's identity: its kind and arguments as text (the calendar's fields included). */
const keyOf = (request: Request): string => JSON.stringify(request);

const PENDING = metricError('#N/A', 'not computed yet');

/** Rounds of laying out before the plans are taken to ask without end (a programming error). */
const MAX_ROUNDS = 6;

type Answer =
  | MetricValue[]
  | MetricValue[][]
  | BreakdownResult
  | CohortMatrix
  | RfmResult
  | FirstOrder[]
  | SilentCustomers
  | MetricError
  | null;

/** Answers what was computed; notes anything else and answers it with a placeholder. */
class SqlFigures implements PlanFigures {
  readonly answers = new Map<string, Answer>();
  readonly pending = new Map<string, Request>();
  readonly customers: boolean;
  readonly firstDay: number | undefined;
  readonly computedIn: string;

  constructor(private readonly traits: FigureTraits) {
    this.customers = traits.customers;
    this.firstDay = traits.firstDay;
    this.computedIn = traits.computedIn;
  }

  private ask<T>(request: Request, placeholder: T): T {
    const key = keyOf(request);
    if (this.answers.has(key)) return this.answers.get(key) as T;
    this.pending.set(key, request);
    return placeholder;
  }

  hasTable(table: FigureTable): boolean {
    return table in this.traits.tables;
  }

  firstDayOf(table: FigureTable): number | undefined {
    return this.traits.tables[table];
  }

  suite(ids: readonly MetricId[], periods: readonly Period[], options: MetricOptions): MetricValue[][] {
    return this.ask(
      { kind: 'suite', ids, periods, asOf: options.asOf },
      periods.map(() => ids.map(() => PENDING)),
    );
  }

  windows(
    ids: readonly MetricId[],
    run: readonly MetricWindow[],
    options: MetricOptions,
    scope?: GoalScope,
  ): MetricValue[] {
    return this.ask(
      { kind: 'windows', ids, run, asOf: options.asOf, ...(scope ? { scope } : {}) },
      ids.map(() => PENDING),
    );
  }

  breakdown(options: BreakdownOptions): BreakdownResult {
    const none = (options.ids ?? []).map(() => PENDING);
    return this.ask(
      { kind: 'breakdown', options },
      {
        dimension: options.dimension,
        period: options.period,
        ids: options.ids ?? [],
        rows: [],
        total: { values: none, previous: none, growth: none },
        current: options.period,
        base: options.period,
        error: PENDING,
      },
    );
  }

  cohorts(options: CohortOptions): CohortMatrix | MetricError | null {
    return this.ask({ kind: 'cohorts', options }, null);
  }

  rfm(asOf: number): RfmResult | MetricError | null {
    return this.ask({ kind: 'rfm', asOf }, null);
  }

  firstOrders(asOf: number, start: number, end: number): FirstOrder[] | MetricError | null {
    return this.ask({ kind: 'firstOrders', asOf, start, end }, null);
  }

  silent(asOf: number): SilentCustomers | MetricError | null {
    return this.ask({ kind: 'silent', asOf }, null);
  }
}

/**
 * Lays out plans with figures computed in the database: `layOut` runs once per round (it must be a
 * pure function of the figures), and the last round's plans are returned.
 * @example const [dashboard, review] = await layOutWithSql(ctx, traits, (figures) => [
 *   buildDashboardPlan({ ..., figures }), buildReviewPlan({ ..., figures })]);
 */
export async function layOutWithSql<T>(
  ctx: SqlContext,
  traits: FigureTraits,
  layOut: (figures: PlanFigures) => T,
  onStage: (what: string) => void = () => undefined,
): Promise<T> {
  const figures = new SqlFigures(traits);
  for (let round = 1; ; round++) {
    const plans = layOut(figures);
    if (figures.pending.size === 0) return plans;
    if (round === MAX_ROUNDS)
      throw new Error(`the sheets still asked ${figures.pending.size} new figures after ${round} rounds`);
    const requests = [...figures.pending.entries()];
    figures.pending.clear();
    await answerRequests(ctx, traits, requests, figures.answers, onStage);
  }
}

/** Which part of the business a scoped request is of: 'rep', 'region', both, or none. */
function dimensionOf(scope: GoalScope | undefined): 'rep' | 'region' | 'both' | null {
  if (!scope) return null;
  if (scope.rep !== undefined) return scope.region !== undefined ? 'both' : 'rep';
  return scope.region !== undefined ? 'region' : null;
}

/**
 * Requests grouped by what they share: the as-of day, and for scoped windows the dimension (every
 * rep's windows in one grouped batch).
 */
function batchesOf(requests: readonly [string, Request][]): Map<string, [string, RunRequest][]> {
  const batches = new Map<string, [string, RunRequest][]>();
  for (const [key, r] of requests)
    if (r.kind === 'windows' || r.kind === 'suite') {
      const batchKey = JSON.stringify([r.asOf, dimensionOf(r.kind === 'windows' ? r.scope : undefined)]);
      const batch = batches.get(batchKey) ?? [];
      batch.push([key, r]);
      batches.set(batchKey, batch);
    }
  return batches;
}

/** A run's values picked for a request's metrics: a suite's every window, a window's last. */
function answerOf(r: RunRequest, ids: readonly MetricId[], values: MetricValue[][]): Answer {
  const pick = (row: readonly MetricValue[]) => r.ids.map((id) => row[ids.indexOf(id)]);
  return r.kind === 'suite' ? values.map(pick) : pick(values[values.length - 1]);
}

/** The runs of a batch (a suite's run starts with the period before its first). */
const runOf = (r: RunRequest): readonly MetricWindow[] =>
  r.kind === 'suite' ? [previousPeriod(r.periods[0]), ...r.periods] : r.run;

/** One batch of runs (one as-of day, one dimension's parts of the business) computed in the database. */
async function answerRuns(
  ctx: SqlContext,
  batch: readonly [string, RunRequest][],
  answers: Map<string, Answer>,
): Promise<void> {
  const first = batch[0][1];
  const asOf = first.asOf;
  const dimension = dimensionOf(first.kind === 'windows' ? first.scope : undefined);
  const ids = [...new Set(batch.flatMap(([, r]) => r.ids))];
  const runs = batch.map(([, r]) => runOf(r));
  if (dimension === null) {
    const values = (await evaluateRuns({ ...ctx, asOf }, ids, runs)).byGroup.get('')!;
    batch.forEach(([key, r], s) => answers.set(key, answerOf(r, ids, values[s])));
    return;
  }
  if (dimension === 'both') {
    // A rep in a region: each through the tables narrowed to its rows (few such goals).
    const distinct = distinctValuesOf(ctx);
    const byScope = new Map<string, [string, RunRequest][]>();
    for (const entry of batch) {
      const scope = (entry[1] as { scope: GoalScope }).scope;
      const key = JSON.stringify([scope.rep, scope.region]);
      byScope.set(key, [...(byScope.get(key) ?? []), entry]);
    }
    for (const requests of byScope.values()) {
      const scope = (requests[0][1] as { scope: GoalScope }).scope;
      const part = await scopedSources(
        { ...ctx, asOf },
        [
          { dimension: 'rep', key: scope.rep! },
          { dimension: 'region', key: scope.region! },
        ],
        distinct,
      );
      try {
        const values = (
          await evaluateRuns(
            part.ctx,
            ids,
            requests.map(([, r]) => runOf(r)),
          )
        ).byGroup.get('')!;
        requests.forEach(([key, r], s) => answers.set(key, answerOf(r, ids, values[s])));
      } finally {
        await part.release();
      }
    }
    return;
  }
  const { orders, pipeline, spend } = ctx.sources;
  const columns = {
    orders: orders && dimensionSourceColumn('orders', orders, dimension),
    pipeline: pipeline && dimensionSourceColumn('pipeline', pipeline, dimension),
    spend: spend && dimensionSourceColumn('spend', spend, dimension),
  };
  // Each part as the engine's filter makes it: tables without the column left out.
  const part: SqlContext = {
    ...ctx,
    asOf,
    sources: {
      orders: columns.orders ? orders : undefined,
      pipeline: columns.pipeline ? pipeline : undefined,
      spend: columns.spend ? spend : undefined,
    },
  };
  const groups = (only?: readonly string[]): RunGroups => ({
    orders: columns.orders ? { column: columns.orders, only } : undefined,
    pipeline: columns.pipeline ? { column: columns.pipeline, only } : undefined,
    spend: columns.spend ? { column: columns.spend, only } : undefined,
  });
  const all = await evaluateRuns(part, ids, runs, groups());
  const keyOfScope = (r: RunRequest) => {
    const scope = (r as { scope: GoalScope }).scope;
    return (dimension === 'rep' ? scope.rep : scope.region)!;
  };
  for (const [s, [key, r]] of batch.entries()) {
    const wanted = keyOfScope(r);
    // The keys the engine's filter matches (trimmed, any case); several are added up as one part.
    const matching = columns.orders ? [...all.byGroup.keys()].filter((k) => norm(k) === norm(wanted)) : [];
    let values: MetricValue[][][];
    if (matching.length > 1)
      values = (await evaluateRuns(part, ids, runs, groups(matching))).byGroup.get(OTHERS_KEY) ?? all.empty;
    else if (matching.length === 1) values = all.byGroup.get(matching[0])!;
    else if (columns.orders) values = all.empty;
    else values = all.pipelineGroups.get(wanted.toLowerCase()) ?? all.empty;
    answers.set(key, answerOf(r, ids, values[s]));
  }
}

/** Computes every request in the database, into `answers`. */
async function answerRequests(
  ctx: SqlContext,
  traits: FigureTraits,
  requests: readonly [string, Request][],
  answers: Map<string, Answer>,
  onStage: (what: string) => void,
): Promise<void> {
  for (const batch of batchesOf(requests).values()) {
    const r = batch[0][1];
    const dimension = dimensionOf(r.kind === 'windows' ? r.scope : undefined);
    onStage(
      dimension
        ? `computing the goals of each ${dimension === 'both' ? 'rep and region' : dimension} to ${formatDay(r.asOf)} in the database`
        : `computing the key figures and the trend to ${formatDay(r.asOf)} in the database`,
    );
    await answerRuns(ctx, batch, answers);
  }
  const orders = ctx.sources.orders;
  const noCustomers = orders ? metricError('#VALUE!', 'the orders have no customer column') : null;
  for (const [key, r] of requests) {
    const at = (asOf: number): SqlContext => ({ ...ctx, asOf });
    switch (r.kind) {
      case 'breakdown': {
        onStage(`breaking down ${r.options.period.key} by ${r.options.dimension} in the database`);
        const o = r.options;
        answers.set(
          key,
          await sqlBreakdown(at(o.asOf), {
            dimension: o.dimension,
            period: o.period,
            ids: o.ids ?? ['revenue', 'orders', 'aov'],
            ...(o.top !== undefined ? { top: o.top } : {}),
            ...(o.likeForLike !== undefined ? { likeForLike: o.likeForLike } : {}),
          }),
        );
        break;
      }
      case 'cohorts': {
        if (!orders || !traits.customers) {
          answers.set(key, noCustomers);
          break;
        }
        onStage('computing the cohorts in the database');
        const options = { ...r.options, asOf: r.options.asOf ?? ctx.asOf };
        answers.set(key, cohortFromRows(await ctx.query(cohortSql(ctx.dialect, orders, options)), options));
        break;
      }
      case 'rfm':
        if (!orders || !traits.customers) {
          answers.set(key, noCustomers);
          break;
        }
        onStage('computing the RFM segments in the database');
        answers.set(key, rfmFromRows(await ctx.query(rfmSql(ctx.dialect, orders, r.asOf)), r.asOf));
        break;
      case 'firstOrders':
        if (!orders || !traits.customers) {
          answers.set(key, noCustomers);
          break;
        }
        answers.set(
          key,
          firstOrdersFromRows(await ctx.query(firstOrdersSql(ctx.dialect, orders, r.asOf, r.start, r.end))),
        );
        break;
      case 'silent':
        if (!orders || !traits.customers) {
          answers.set(key, noCustomers);
          break;
        }
        onStage('finding the silent customers in the database');
        answers.set(key, silentFromRows(await ctx.query(silentSql(ctx.dialect, orders, r.asOf)), r.asOf));
        break;
      default:
        break;
    }
  }
}
