/**
 * Goals written as text, the way the CLI and the configuration sheet take them:
 * `metric=revenue,period=2026,target=1200000`,
 * `metric=revenue,period=2026-Q3,baseline=last-year,growth=20%`,
 * `metric=aov,period=2026,baseline=average:4,growth=0.05,rep=Ani`,
 * `metric=churn_rate,period=2026-12,benchmark=b2b-saas`.
 */
import { benchmarksFor, librarySet, pickBenchmark } from '../benchmarks';
import type { BenchmarkSet, PeriodScaling } from '../benchmarks';
import type { MetricError } from '../errors';
import { metricError } from '../errors';
import type { Calendar } from '../periods';
import { DEFAULT_CALENDAR, parsePeriodKey } from '../periods';
import { normaliseMetricId } from './from-targets';
import type { BaselineMethod } from './targets';
import { baselineGoal, benchmarkGoal, numberGoal } from './targets';
import type { Evaluate, Goal, GoalScope, MetricTraits } from './types';

export interface GoalRequest {
  readonly metric: string;
  readonly period: string;
  readonly scope?: GoalScope;
  readonly notes?: string;
  readonly id?: string;
  readonly target?: number;
  readonly baseline?: BaselineMethod;
  /** Fraction; `20%` in text becomes 0.2. */
  readonly growth?: number;
  /** Id of a benchmark set (an industry of the library, or one of the user's sets). */
  readonly benchmark?: string;
}

const KEYS = new Set([
  'metric',
  'period',
  'target',
  'baseline',
  'growth',
  'benchmark',
  'rep',
  'region',
  'notes',
  'id',
]);

/** A number as typed: `1200000`, `1,200,000`, `20%`, `-0.1`. */
function readNumber(text: string): number | null {
  const t = text.trim().replace(/[,_\s]/g, '');
  const percent = t.endsWith('%');
  const n = Number(percent ? t.slice(0, -1) : t);
  if (t === '' || t === '%' || !Number.isFinite(n)) return null;
  return percent ? n / 100 : n;
}

/**
 * Reads a goal written as `key=value` pairs separated by commas (values may not contain commas
 * except as thousands separators in numbers, e.g. `target=1,200,000`).
 * @example parseGoalSpec('metric=revenue,period=2019,baseline=last-year,growth=0.2')
 *   // { metric: 'revenue', period: '2019', baseline: { kind: 'last-year' }, growth: 0.2 }
 */
export function parseGoalSpec(text: string): GoalRequest | MetricError {
  const fields: Record<string, string> = {};
  let last: string | null = null;
  for (const piece of text.split(',')) {
    const eq = piece.indexOf('=');
    if (eq < 0) {
      // A comma inside a number (`target=1,200,000`) continues the previous value.
      if (last && /^\s*\d{3}(\.\d*)?%?\s*$/.test(piece)) {
        fields[last] += `,${piece}`;
        continue;
      }
      if (piece.trim() === '') continue;
      return metricError('#VALUE!', `"${piece.trim()}" is not key=value`);
    }
    const key = piece.slice(0, eq).trim().toLowerCase();
    if (!KEYS.has(key)) return metricError('#VALUE!', `unknown goal field "${key}"`);
    fields[key] = piece.slice(eq + 1).trim();
    last = key;
  }
  if (!fields.metric) return metricError('#VALUE!', 'the goal needs metric=');
  if (!fields.period) return metricError('#VALUE!', 'the goal needs period=');

  const request: { -readonly [K in keyof GoalRequest]: GoalRequest[K] } = {
    metric: normaliseMetricId(fields.metric),
    period: fields.period,
  };
  if (fields.rep || fields.region)
    request.scope = {
      ...(fields.rep ? { rep: fields.rep } : {}),
      ...(fields.region ? { region: fields.region } : {}),
    };
  if (fields.notes) request.notes = fields.notes;
  if (fields.id) request.id = fields.id;
  const ways = ['target', 'baseline', 'benchmark'].filter((k) => fields[k] !== undefined);
  if (ways.length !== 1)
    return metricError('#VALUE!', 'give exactly one of target=, baseline= or benchmark=');

  if (fields.target !== undefined) {
    const target = readNumber(fields.target);
    if (target === null) return metricError('#VALUE!', `target "${fields.target}" is not a number`);
    request.target = target;
  }
  if (fields.baseline !== undefined) {
    const b = fields.baseline.toLowerCase();
    const avg = /^(?:average|avg|mean)[:\s-]?(\d+)$/.exec(b);
    if (['last-year', 'lastyear', 'ly', 'sply', 'tahun-lalu'].includes(b))
      request.baseline = { kind: 'last-year' };
    else if (avg) request.baseline = { kind: 'average', count: Number(avg[1]) };
    else return metricError('#VALUE!', `baseline "${fields.baseline}" must be last-year or average:N`);
  }
  if (fields.growth !== undefined) {
    const growth = readNumber(fields.growth);
    if (growth === null) return metricError('#VALUE!', `growth "${fields.growth}" is not a number`);
    request.growth = growth;
  }
  if (fields.benchmark !== undefined) request.benchmark = fields.benchmark;
  return request;
}

export interface ResolveGoalOptions {
  readonly traits: MetricTraits;
  /** Needed for baseline goals. */
  readonly evaluate?: Evaluate;
  readonly calendar?: Calendar;
  /** The user's own and competitor sets, looked up before the library's industries. */
  readonly sets?: readonly BenchmarkSet[];
  /** The first day of the data and the as-of day: a baseline period outside them has no baseline. */
  readonly historyStart?: number;
  readonly asOf?: number;
  /**
   * How the metric depends on a period's length, to convert a benchmark published for another
   * period (default from the traits: flows add up, churn compounds, curve-paced metrics do not
   * convert, rates compare as published).
   */
  readonly scaling?: PeriodScaling;
  /** The metric's definition in words, for the reason a benchmark measures something else. */
  readonly definition?: string;
}

/**
 * How a metric scales with a period's length, from its traits alone (retention needs the caller's
 * `survival`: its traits do not tell it from the active ratio).
 */
export function scalingOf(traits: MetricTraits): PeriodScaling {
  if (traits.pace === 'complement-curve') return 'loss';
  if (traits.pace) return 'other';
  return traits.kind === 'flow' ? 'additive' : 'none';
}

/**
 * Turns a goal request into a goal: a typed target, a baseline × (1 + growth) (a
 * `NoBaseline` error when the baseline has no data), or the figure for the metric in a benchmark
 * set that can be set against the goal's period (`pickBenchmark`: converted where sound; the
 * better end of a range); `#N/A` with the reason when none can.
 * @example resolveGoal(parseGoalSpec('metric=revenue,period=2019,target=500000') as GoalRequest, { traits })
 */
export function resolveGoal(request: GoalRequest, options: ResolveGoalOptions): Goal | MetricError {
  const period = parsePeriodKey(request.period, options.calendar ?? DEFAULT_CALENDAR);
  if (!period) return metricError('#VALUE!', `unreadable period "${request.period}"`);
  if (period.unit === 'day')
    return metricError('#VALUE!', 'a goal period must be a year, quarter, month or week');
  const spec = {
    metric: request.metric,
    period,
    ...(request.scope ? { scope: request.scope } : {}),
    ...(request.notes ? { notes: request.notes } : {}),
    ...(request.id ? { id: request.id } : {}),
  };
  if (request.target !== undefined) return numberGoal(spec, request.target);
  if (request.baseline) {
    if (!options.evaluate)
      return metricError('#VALUE!', 'a baseline goal needs the data to measure the baseline');
    return baselineGoal(spec, request.baseline, request.growth ?? 0, options.evaluate, {
      traits: options.traits,
      ...(options.historyStart !== undefined ? { historyStart: options.historyStart } : {}),
      ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    });
  }
  if (request.benchmark) {
    const set = options.sets?.find((s) => s.id === request.benchmark) ?? librarySet(request.benchmark);
    if (!set) return metricError('#VALUE!', `unknown benchmark set "${request.benchmark}"`);
    const days = period.end - period.start;
    const picked = pickBenchmark(
      benchmarksFor(set, request.metric),
      { unit: period.unit, days, periodDays: days, label: period.label },
      {
        id: request.metric,
        better: options.traits.better,
        scaling: options.scaling ?? scalingOf(options.traits),
        ...(options.definition ? { definition: options.definition } : {}),
      },
    );
    if (!picked) return metricError('#N/A', `${set.name} has no figure for ${request.metric}`);
    if ('skipped' in picked)
      return metricError(
        '#N/A',
        `${set.name} has no figure to set a ${period.unit}'s goal from: ${picked.skipped}`,
      );
    const { entry, prepared } = picked;
    return benchmarkGoal(
      spec,
      {
        ...prepared.range,
        ...(entry.source !== undefined ? { source: entry.source } : {}),
        ...(entry.year !== undefined ? { year: entry.year } : {}),
        ...(prepared.notes.length > 0 ? { converted: prepared.notes.join('; ') } : {}),
      },
      options.traits,
      set.id,
    );
  }
  return metricError('#VALUE!', 'give exactly one of target=, baseline= or benchmark=');
}
