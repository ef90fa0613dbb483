/**
 * The `metrics` command's figures through SQL: every metric of every period, totals over their
 * span, and each period's growth and year over year (like for like for a period that is not over),
 * exactly as `computeSuite` and the command's `periodChanges` compute them — the same runs of
 * windows, sent to the database in one batch.
 */
import type { MetricValue } from '../core/errors';
import type { MetricId, MetricWindow } from '../core/metrics';
import type { ChangeBase } from '../core/metrics/compute';
import { comparedWindows, relativeChange } from '../core/metrics/compute';
import type { DayWindow, Period, PeriodCoverage } from '../core/periods';
import { periodAt, periodCoverage, previousPeriod, samePeriodLastYear } from '../core/periods';
import type { SqlContext } from './evaluate';
import { evaluateRuns } from './evaluate';

export interface SqlPeriodChange {
  readonly basePeriod: Period;
  readonly base: DayWindow;
  readonly likeForLike: boolean;
  readonly changes: readonly MetricValue[];
}

export interface SqlPeriodChanges {
  readonly coverage: PeriodCoverage;
  readonly growth: SqlPeriodChange;
  readonly yoy: SqlPeriodChange;
}

export interface SqlSuite {
  /** values[period][metric] */
  readonly values: MetricValue[][];
  readonly totals: MetricValue[];
  readonly changes: SqlPeriodChanges[];
}

/** Contiguous run from the period before `first` to `last` (indexes of one unit and calendar). */
function runOf(sample: Period, first: number, last: number): Period[] {
  const run: Period[] = [];
  for (let index = first - 1; index <= last; index++) run.push(periodAt(index, sample.unit, sample.calendar));
  return run;
}

/**
 * The figures `metrics` prints, for `periods` (one unit, oldest first, as `lastPeriods` gives them).
 * @example const suite = await sqlSuite(ctx, ['revenue'], lastPeriods(asOf, 'month', 12)); suite.values[11][0]
 */
export async function sqlSuite(
  ctx: SqlContext,
  ids: readonly MetricId[],
  periods: readonly Period[],
): Promise<SqlSuite> {
  if (periods.length === 0) return { values: [], totals: [], changes: [] };
  const runs: MetricWindow[][] = [];
  const add = (run: readonly MetricWindow[]) => runs.push([...run]) - 1;
  const indices = periods.map((p) => p.index);
  const first = Math.min(...indices);
  const suiteRun = add(runOf(periods[0], first, Math.max(...indices)));
  // Totals: the whole span against the span of equal length before it.
  const start = Math.min(...periods.map((p) => p.start));
  const end = Math.max(...periods.map((p) => p.end));
  const span: MetricWindow = { start, end, key: `${periods[0].key}..${periods[periods.length - 1].key}` };
  const totalsRun = add([{ start: start - (end - start), end: start, key: 'the span before' }, span]);
  // Bases of complete periods: the period before the first, and the year-ago periods.
  const beforeFirst = previousPeriod(periods[0]);
  const beforeRun = add(runOf(beforeFirst, beforeFirst.index, beforeFirst.index));
  const yearAgo = periods.map(samePeriodLastYear);
  const yearAgoFirst = Math.min(...yearAgo.map((p) => p.index));
  const yearAgoRun = add(runOf(yearAgo[0], yearAgoFirst, Math.max(...yearAgo.map((p) => p.index))));
  // Partial periods: each side with the whole period before it.
  const partial = new Map<
    number,
    Record<ChangeBase, { current: number; base: number; windows: ReturnType<typeof comparedWindows> }>
  >();
  periods.forEach((period, p) => {
    if (!periodCoverage(period, ctx.asOf).partial) return;
    const sides = {} as Record<
      ChangeBase,
      { current: number; base: number; windows: ReturnType<typeof comparedWindows> }
    >;
    for (const against of ['previous', 'priorYear'] as const) {
      const windows = comparedWindows(period, against, ctx.asOf);
      sides[against] = {
        windows,
        current: add([previousPeriod(period), windows.current]),
        base: add([previousPeriod(windows.basePeriod), windows.base]),
      };
    }
    partial.set(p, sides);
  });

  const values = (await evaluateRuns(ctx, ids, runs)).byGroup.get('')!;
  const suite = periods.map((period) => values[suiteRun][period.index - first]);
  const totals = values[totalsRun][0];
  const before = values[beforeRun][0];
  const changes = periods.map((period, p): SqlPeriodChanges => {
    const coverage = periodCoverage(period, ctx.asOf);
    const sides = partial.get(p);
    if (sides) {
      const change = (against: ChangeBase): SqlPeriodChange => {
        const side = sides[against];
        const now = values[side.current][0];
        const then = values[side.base][0];
        return {
          basePeriod: side.windows.basePeriod,
          base: { start: side.windows.base.start, end: side.windows.base.end },
          likeForLike: side.windows.likeForLike,
          changes: ids.map((id, m) => relativeChange(id, now[m], then[m], side.windows.base.key)),
        };
      };
      return { coverage, growth: change('previous'), yoy: change('priorYear') };
    }
    const whole = (basePeriod: Period, then: readonly MetricValue[]): SqlPeriodChange => ({
      basePeriod,
      base: { start: basePeriod.start, end: basePeriod.end },
      likeForLike: false,
      changes: ids.map((id, m) => relativeChange(id, suite[p][m], then[m], basePeriod.key)),
    });
    return {
      coverage,
      growth: whole(previousPeriod(period), p === 0 ? before : suite[p - 1]),
      yoy: whole(yearAgo[p], values[yearAgoRun][yearAgo[p].index - yearAgoFirst]),
    };
  });
  return { values: suite, totals, changes };
}
