/**
 * Goals written as text, the way the CLI and the configuration sheet take them:
 * `metric=revenue,period=2026,target=1200000`,
 * `metric=revenue,period=2026-Q3,baseline=last-year,growth=20%`,
 * `metric=aov,period=2026,baseline=average:4,growth=0.05,rep=Ani`,
 * `metric=conversion_rate,period=2026,benchmark=ecommerce-retail`.
 */
import { benchmarksFor, librarySet } from '../benchmarks';
import type { BenchmarkSet } from '../benchmarks';
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
}

/**
 * Turns a goal request into a goal: a typed target, a baseline × (1 + growth), or the first
 * figure for the metric in a benchmark set (the better end of a range).
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
    return baselineGoal(spec, request.baseline, request.growth ?? 0, options.evaluate);
  }
  if (request.benchmark) {
    const set = options.sets?.find((s) => s.id === request.benchmark) ?? librarySet(request.benchmark);
    if (!set) return metricError('#VALUE!', `unknown benchmark set "${request.benchmark}"`);
    const entry = benchmarksFor(set, request.metric)[0];
    if (!entry) return metricError('#N/A', `${set.name} has no figure for ${request.metric}`);
    return benchmarkGoal(spec, entry, options.traits, set.id);
  }
  return metricError('#VALUE!', 'give exactly one of target=, baseline= or benchmark=');
}
