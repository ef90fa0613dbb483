/**
 * The dashboard's and the review's figures through SQL. The plans ask for figures synchronously
 * (`PlanFigures`) while a database answers asynchronously, so a build lays the plans out twice:
 * first with `recordingFigures`, which notes every request and answers with placeholders, then,
 * once `answerFigures` has had the database compute every request, with the answers. The plans
 * are pure functions of their input, so the second pass asks exactly what the first noted.
 *
 * Windows and suites of every request go to the database as one batch of runs (one statement per
 * table family); breakdowns, cohorts, RFM and the customer lists have statements of their own.
 */
import type { BreakdownOptions, BreakdownResult } from '../core/analyses/breakdown';
import type { CohortMatrix, CohortOptions } from '../core/analyses/cohorts';
import type { SilentCustomers } from '../core/analyses/customer-lists';
import type { RfmResult } from '../core/analyses/rfm';
import type { MetricError, MetricValue } from '../core/errors';
import { metricError } from '../core/errors';
import type { MetricId, MetricOptions, MetricWindow } from '../core/metrics';
import type { Period } from '../core/periods';
import { formatDay, previousPeriod } from '../core/periods';
import type { FirstOrder, PlanFigures } from '../sheets/figures';
import { sqlBreakdown } from '../sql/breakdown';
import { cohortFromRows, cohortSql, rfmFromRows, rfmSql } from '../sql/cohorts';
import { firstOrdersFromRows, firstOrdersSql, silentFromRows, silentSql } from '../sql/customer-lists';
import type { SqlContext } from '../sql/evaluate';
import { evaluateRuns } from '../sql/evaluate';

type Request =
  | { kind: 'windows'; ids: readonly MetricId[]; run: readonly MetricWindow[]; asOf: number }
  | { kind: 'suite'; ids: readonly MetricId[]; periods: readonly Period[]; asOf: number }
  | { kind: 'breakdown'; options: BreakdownOptions }
  | { kind: 'cohorts'; options: CohortOptions }
  | { kind: 'rfm'; asOf: number }
  | { kind: 'firstOrders'; asOf: number; start: number; end: number }
  | { kind: 'silent'; asOf: number };

/** What the orders have, as the plans need to know it before any figure is computed. */
export interface FigureTraits {
  readonly customers: boolean;
  readonly orders: boolean;
  /** The orders' first usable day (the outlook's series starts at the first whole period after it). */
  readonly firstDay: number | undefined;
  /** In words, for the sheets: "computed in DuckDB from orders.parquet". */
  readonly computedIn: string;
}

/** A request's identity: its kind and arguments as text (the calendar's fields included). */
const keyOf = (request: Request): string => JSON.stringify(request);

const PENDING = metricError('#N/A', 'not computed yet');

/** Notes the requests of a plan (placeholders as answers). */
export class RecordingFigures implements PlanFigures {
  readonly requests = new Map<string, Request>();
  readonly forecasts = false;
  readonly customers: boolean;
  readonly firstDay: number | undefined;
  readonly computedIn: string;

  constructor(traits: FigureTraits) {
    this.customers = traits.customers;
    this.firstDay = traits.firstDay;
    this.computedIn = traits.computedIn;
  }

  private note(request: Request): void {
    this.requests.set(keyOf(request), request);
  }

  suite(ids: readonly MetricId[], periods: readonly Period[], options: MetricOptions): MetricValue[][] {
    this.note({ kind: 'suite', ids, periods, asOf: options.asOf });
    return periods.map(() => ids.map(() => PENDING));
  }

  windows(ids: readonly MetricId[], run: readonly MetricWindow[], options: MetricOptions): MetricValue[] {
    this.note({ kind: 'windows', ids, run, asOf: options.asOf });
    return ids.map(() => PENDING);
  }

  breakdown(options: BreakdownOptions): BreakdownResult {
    this.note({ kind: 'breakdown', options });
    const ids = options.ids ?? [];
    const none = ids.map(() => PENDING);
    return {
      dimension: options.dimension,
      period: options.period,
      ids,
      rows: [],
      total: { values: none, previous: none, growth: none },
      current: options.period,
      base: options.period,
      error: PENDING,
    };
  }

  cohorts(options: CohortOptions): null {
    this.note({ kind: 'cohorts', options });
    return null;
  }

  rfm(asOf: number): null {
    this.note({ kind: 'rfm', asOf });
    return null;
  }

  firstOrders(asOf: number, start: number, end: number): null {
    this.note({ kind: 'firstOrders', asOf, start, end });
    return null;
  }

  silent(asOf: number): null {
    this.note({ kind: 'silent', asOf });
    return null;
  }
}

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

/** Answers noted requests; asking anything else is a programming error, said so. */
class AnsweredFigures implements PlanFigures {
  readonly forecasts = false;
  readonly customers: boolean;
  readonly firstDay: number | undefined;
  readonly computedIn: string;

  constructor(
    traits: FigureTraits,
    private readonly answers: ReadonlyMap<string, Answer>,
  ) {
    this.customers = traits.customers;
    this.firstDay = traits.firstDay;
    this.computedIn = traits.computedIn;
  }

  private answer<T>(request: Request): T {
    const key = keyOf(request);
    if (!this.answers.has(key))
      throw new Error(`a figure was asked that the first pass did not note: ${key}`);
    return this.answers.get(key) as T;
  }

  suite(ids: readonly MetricId[], periods: readonly Period[], options: MetricOptions): MetricValue[][] {
    return this.answer({ kind: 'suite', ids, periods, asOf: options.asOf });
  }

  windows(ids: readonly MetricId[], run: readonly MetricWindow[], options: MetricOptions): MetricValue[] {
    return this.answer({ kind: 'windows', ids, run, asOf: options.asOf });
  }

  breakdown(options: BreakdownOptions): BreakdownResult {
    return this.answer({ kind: 'breakdown', options });
  }

  cohorts(options: CohortOptions): CohortMatrix | MetricError | null {
    return this.answer({ kind: 'cohorts', options });
  }

  rfm(asOf: number): RfmResult | MetricError | null {
    return this.answer({ kind: 'rfm', asOf });
  }

  firstOrders(asOf: number, start: number, end: number): FirstOrder[] | MetricError | null {
    return this.answer({ kind: 'firstOrders', asOf, start, end });
  }

  silent(asOf: number): SilentCustomers | MetricError | null {
    return this.answer({ kind: 'silent', asOf });
  }
}

/**
 * Computes every recorded request in the database and returns figures that answer them.
 * @example const rec = new RecordingFigures(traits); buildDashboardPlan({ ..., figures: rec });
 * const figures = await answerFigures(ctx, rec, traits); buildDashboardPlan({ ..., figures });
 */
export async function answerFigures(
  ctx: SqlContext,
  recorded: RecordingFigures,
  traits: FigureTraits,
  onStage: (what: string) => void = () => undefined,
): Promise<PlanFigures> {
  const answers = new Map<string, Answer>();
  const requests = [...recorded.requests.entries()];
  // Windows and suites: one batch of runs per as-of day, every metric asked for at once.
  const batches = new Map<number, [string, Request][]>();
  for (const entry of requests)
    if (entry[1].kind === 'windows' || entry[1].kind === 'suite') {
      const batch = batches.get(entry[1].asOf) ?? [];
      batch.push(entry);
      batches.set(entry[1].asOf, batch);
    }
  for (const [asOf, batch] of batches) {
    onStage(`computing the key figures and the trend to ${formatDay(asOf)} in the database`);
    const ids = [...new Set(batch.flatMap(([, r]) => (r as { ids: readonly MetricId[] }).ids))];
    const runs = batch.map(([, r]): readonly MetricWindow[] =>
      r.kind === 'suite' ? [previousPeriod(r.periods[0]), ...r.periods] : r.kind === 'windows' ? r.run : [],
    );
    const values = (await evaluateRuns({ ...ctx, asOf }, ids, runs)).byGroup.get('')!;
    batch.forEach(([key, r], s) => {
      const pick = (row: readonly MetricValue[]) =>
        (r as { ids: readonly MetricId[] }).ids.map((id) => row[ids.indexOf(id)]);
      answers.set(key, r.kind === 'suite' ? values[s].map(pick) : pick(values[s][values[s].length - 1]));
    });
  }
  for (const [key, r] of requests) {
    const at = (asOf: number): SqlContext => ({ ...ctx, asOf });
    const orders = ctx.sources.orders;
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
          answers.set(key, orders ? metricError('#VALUE!', 'the orders have no customer column') : null);
          break;
        }
        onStage('computing the cohorts in the database');
        const options = { ...r.options, asOf: r.options.asOf ?? ctx.asOf };
        answers.set(key, cohortFromRows(await ctx.query(cohortSql(ctx.dialect, orders, options)), options));
        break;
      }
      case 'rfm':
        if (!orders || !traits.customers) {
          answers.set(key, orders ? metricError('#VALUE!', 'the orders have no customer column') : null);
          break;
        }
        onStage('computing the RFM segments in the database');
        answers.set(key, rfmFromRows(await ctx.query(rfmSql(ctx.dialect, orders, r.asOf)), r.asOf));
        break;
      case 'firstOrders':
        if (!orders || !traits.customers) {
          answers.set(key, orders ? metricError('#VALUE!', 'the orders have no customer column') : null);
          break;
        }
        answers.set(
          key,
          firstOrdersFromRows(await ctx.query(firstOrdersSql(ctx.dialect, orders, r.asOf, r.start, r.end))),
        );
        break;
      case 'silent':
        if (!orders || !traits.customers) {
          answers.set(key, orders ? metricError('#VALUE!', 'the orders have no customer column') : null);
          break;
        }
        onStage('finding the silent customers in the database');
        answers.set(key, silentFromRows(await ctx.query(silentSql(ctx.dialect, orders, r.asOf)), r.asOf));
        break;
      default:
        break;
    }
  }
  return new AnsweredFigures(traits, answers);
}
