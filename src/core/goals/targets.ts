/**
 * Setting a goal's target: a number, a baseline grown by an expected rate, or a benchmark.
 * (Targets tables are read in `from-targets.ts`.)
 *
 * Growth is applied the same way for every metric: target = baseline × (1 + growth). For a
 * lower-is-better metric a planned improvement is a negative growth (CAC −10 % → growth −0.1).
 */
import type { MetricError, MetricValue } from '../errors';
import { isMetricError, metricError } from '../errors';
import type { Period } from '../periods';
import { formatDay, samePeriodLastYear, shiftPeriod } from '../periods';
import type { Evaluate, Goal, GoalScope, MetricTraits } from './types';
import { periodWindow } from './windows';

/** The fields every way of setting a goal shares. */
export interface GoalSpec {
  readonly metric: string;
  readonly period: Period;
  readonly scope?: GoalScope;
  readonly notes?: string;
  /** Overrides the generated id. */
  readonly id?: string;
}

/**
 * The default goal id: `metric|period key`, plus `|rep=…` / `|region=…` when scoped.
 * @example goalId('revenue', periodAt(2026, 'year'), { rep: 'Ani' }) // 'revenue|2026|rep=Ani'
 */
export function goalId(metric: string, period: Period, scope?: GoalScope): string {
  let id = `${metric}|${period.key}`;
  if (scope?.rep !== undefined) id += `|rep=${scope.rep}`;
  if (scope?.region !== undefined) id += `|region=${scope.region}`;
  return id;
}

function cleanScope(scope?: GoalScope): GoalScope | undefined {
  if (!scope) return undefined;
  const rep = scope.rep?.trim() || undefined;
  const region = scope.region?.trim() || undefined;
  if (rep === undefined && region === undefined) return undefined;
  return { ...(rep !== undefined ? { rep } : {}), ...(region !== undefined ? { region } : {}) };
}

function makeGoal(spec: GoalSpec, target: number, basis: Goal['basis']): Goal {
  const scope = cleanScope(spec.scope);
  return {
    id: spec.id ?? goalId(spec.metric, spec.period, scope),
    metric: spec.metric,
    period: spec.period,
    target,
    ...(scope ? { scope } : {}),
    ...(spec.notes ? { notes: spec.notes } : {}),
    basis,
  };
}

/**
 * A goal with a target typed in.
 * @example numberGoal({ metric: 'revenue', period: periodAt(2026, 'year') }, 1_200_000)
 */
export function numberGoal(spec: GoalSpec, target: number): Goal | MetricError {
  if (!Number.isFinite(target)) return metricError('#VALUE!', 'the target is not a number');
  return makeGoal(spec, target, { kind: 'number' });
}

/** Where a baseline comes from: the same period last year, or the mean of the last `count` periods. */
export type BaselineMethod =
  { readonly kind: 'last-year' } | { readonly kind: 'average'; readonly count: number };

/** What a baseline is checked against, so that a baseline without data sets no target. */
export interface BaselineOptions {
  /** The first day the data covers: a baseline period that starts before it has no full baseline. */
  readonly historyStart?: number;
  /** The as-of day: a baseline period not over by its end has no full baseline. */
  readonly asOf?: number;
  /** With them, a baseline of 0 for a higher-is-better metric is no baseline (nothing was recorded). */
  readonly traits?: MetricTraits;
}

/**
 * A goal set from a baseline that has no data: no target, and the reason. Tracking reports it as
 * `no baseline` (`noBaselineTracking`) rather than as a zero target that is on track.
 */
export interface NoBaseline extends MetricError {
  readonly noBaseline: true;
  readonly method: BaselineMethod['kind'];
  /** Keys of the periods the baseline was to be measured over. */
  readonly periods: readonly string[];
  readonly growth: number;
}

/** Whether a goal result is a baseline without data. */
export function isNoBaseline(value: unknown): value is NoBaseline {
  return isMetricError(value) && (value as Partial<NoBaseline>).noBaseline === true;
}

/**
 * Target = baseline × (1 + growth). The baseline is the metric over the same period last year
 * (DAX SAMEPERIODLASTYEAR), or the mean over the `count` periods just before the goal period
 * (same unit: for a 2026-Q3 goal, Q2, Q1… of 2026 and before), each evaluated over its whole window
 * against the period before it.
 *
 * A baseline has no data — and the result is a {@link NoBaseline} with the reason, never a goal —
 * when a baseline period starts before the data does (`historyStart`), is not over on `asOf`, is an
 * error, or, for a higher-is-better metric, is 0 (growth on nothing gives a target any actual meets).
 * @example baselineGoal({ metric: 'revenue', period: y2026 }, { kind: 'last-year' }, 0.2, evaluate)
 *   // 2025 revenue 1,000,000 → target 1,200,000
 */
export function baselineGoal(
  spec: GoalSpec,
  method: BaselineMethod,
  growth: number,
  evaluate: Evaluate,
  options: BaselineOptions = {},
): Goal | MetricError {
  if (!Number.isFinite(growth)) return metricError('#VALUE!', 'the growth rate is not a number');
  const periods = baselinePeriods(spec.period, method);
  if (isMetricError(periods)) return periods;
  const none = (error: MetricError['error'], reason: string): NoBaseline => ({
    error,
    reason: `no baseline: ${reason}`,
    noBaseline: true,
    method: method.kind,
    periods: periods.map((p) => p.key),
    growth,
  });
  const scope = cleanScope(spec.scope);
  let sum = 0;
  for (const period of periods) {
    if (options.historyStart !== undefined && period.start < Math.floor(options.historyStart))
      return none(
        '#N/A',
        `the data starts on ${formatDay(options.historyStart)}, after ${period.label} began`,
      );
    if (options.asOf !== undefined && period.end > Math.floor(options.asOf) + 1)
      return none('#N/A', `${period.label} is not over on ${formatDay(options.asOf)}`);
    const value: MetricValue = evaluate(periodWindow(period), scope);
    if (isMetricError(value)) return none(value.error, `${period.label}: ${value.reason}`);
    sum += value;
  }
  const baseline = sum / periods.length;
  if (baseline === 0 && options.traits?.better === 'higher') {
    const where =
      periods.length === 1 ? periods[0].label : `${periods[0].label}…${periods[periods.length - 1].label}`;
    return none('#N/A', `${spec.metric} was 0 in ${where}, and growth on 0 gives no target`);
  }
  return makeGoal(spec, baseline * (1 + growth), {
    kind: 'baseline',
    method: method.kind,
    periods: periods.map((p) => p.key),
    baseline,
    growth,
  });
}

function baselinePeriods(period: Period, method: BaselineMethod): Period[] | MetricError {
  if (method.kind === 'last-year') return [samePeriodLastYear(period)];
  if (!Number.isInteger(method.count) || method.count < 1) {
    return metricError('#VALUE!', 'the number of baseline periods must be a whole number ≥ 1');
  }
  const periods: Period[] = [];
  for (let k = method.count; k >= 1; k--) periods.push(shiftPeriod(period, -k));
  return periods;
}

/** The part of a benchmark entry a goal can be set from. */
export interface BenchmarkFigure {
  readonly value?: number;
  readonly min?: number;
  readonly max?: number;
  readonly source?: string;
  readonly year?: number;
  /** How a figure published for another period was converted to the goal's. */
  readonly converted?: string;
}

/**
 * A goal set from a benchmark: its typical value, or for a range the better end (the upper end
 * when higher is better, the lower end when lower is better; an open range uses its one end).
 * @example benchmarkGoal(spec, { min: 0.025, max: 0.03, source: 'Shopify', year: 2024 }, traits) // 0.03
 */
export function benchmarkGoal(
  spec: GoalSpec,
  figure: BenchmarkFigure,
  traits: MetricTraits,
  set?: string,
): Goal | MetricError {
  const pick = betterEnd(figure, traits);
  if (isMetricError(pick)) return pick;
  return makeGoal(spec, pick.value, {
    kind: 'benchmark',
    used: pick.used,
    value: pick.value,
    source: figure.source ?? set ?? 'benchmark',
    ...(figure.year !== undefined ? { year: figure.year } : {}),
    ...(set !== undefined ? { set } : {}),
    ...(figure.converted ? { converted: figure.converted } : {}),
  });
}

/** The number of a benchmark figure a goal aims at. */
export function betterEnd(
  figure: BenchmarkFigure,
  traits: MetricTraits,
): { used: 'value' | 'min' | 'max'; value: number } | MetricError {
  const ok = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n);
  if (ok(figure.value)) return { used: 'value', value: figure.value };
  const preferred = traits.better === 'higher' ? 'max' : 'min';
  const other = preferred === 'max' ? 'min' : 'max';
  if (ok(figure[preferred])) return { used: preferred, value: figure[preferred]! };
  if (ok(figure[other])) return { used: other, value: figure[other]! };
  return metricError('#VALUE!', 'the benchmark has no value');
}
