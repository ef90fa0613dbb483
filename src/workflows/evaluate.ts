/**
 * The bridge goals need to the metric engine: a metric's value over any day window, optionally
 * for one rep or region (goals do not import the catalogue; the caller builds this).
 */
import type { Evaluate, GoalScope, MetricTraits } from '../core/goals';
import type { MetricId, MetricInputs } from '../core/metrics';
import { computeWindows, filterInputs, getMetric } from '../core/metrics';
import type { Calendar } from '../core/periods';
import { formatDay } from '../core/periods';

/** The catalogue's traits of a metric, in the shape goals take. */
export function traitsOf(id: MetricId): MetricTraits {
  const def = getMetric(id);
  return { id, better: def.better, kind: def.kind };
}

/**
 * An `Evaluate` over the loaded tables. Each window is computed with the window of the same
 * length before it (retention and growth need it); scoped inputs are filtered once and reused.
 * @example makeEvaluate({ orders }, 'revenue', { asOf, calendar })({ start, end }, { rep: 'Ani' })
 */
export function makeEvaluate(
  inputs: MetricInputs,
  id: MetricId,
  options: { asOf: number; calendar: Calendar },
): Evaluate {
  const scoped = new Map<string, MetricInputs>();
  const inputsFor = (scope?: GoalScope): MetricInputs => {
    if (!scope || (scope.rep === undefined && scope.region === undefined)) return inputs;
    const key = `${scope.rep ?? ''}\u0000${scope.region ?? ''}`;
    let found = scoped.get(key);
    if (!found) {
      found = inputs;
      if (scope.rep !== undefined) found = filterInputs(found, { dimension: 'rep', keys: [scope.rep] });
      if (scope.region !== undefined)
        found = filterInputs(found, { dimension: 'region', keys: [scope.region] });
      scoped.set(key, found);
    }
    return found;
  };
  return (window, scope) => {
    const length = window.end - window.start;
    const key = `${formatDay(window.start)}..${formatDay(window.end - 1)}`;
    const before = { start: window.start - length, end: window.start, key: 'the window before' };
    return computeWindows(
      inputsFor(scope),
      [id],
      [before, { start: window.start, end: window.end, key }],
      options,
    )[0][0];
  };
}
