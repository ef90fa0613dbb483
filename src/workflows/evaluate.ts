/**
 * The bridge goals and benchmarks need to the metric engine: a metric's value over any window with
 * its reference period, optionally for one rep or region, and what goals and benchmarks need to
 * know about a metric (goals do not import the catalogue; the caller builds this).
 */
import type { ComparedMetric, PeriodScaling } from '../core/benchmarks';
import { metricError } from '../core/errors';
import type { Evaluate, MetricTraits } from '../core/goals';
import type { MetricId, MetricInputs } from '../core/metrics';
import { getMetric } from '../core/metrics';
import type { PlanFigures } from '../sheets/figures';
import { figuresOf } from '../sheets/figures';
import type { Calendar } from '../core/periods';
import { formatDay } from '../core/periods';

/**
 * Metrics that grow (or fall) through a period in a way that is neither a flow's nor a rate's:
 * distinct customers (a customer who buys twice in a quarter counts once), returning customers,
 * retention and the active ratio (they rise as customers come back), churn (it falls as they do).
 * Their goals are paced along the previous period's curve.
 */
const CURVE_PACED: Readonly<Partial<Record<MetricId, 'curve' | 'complement-curve'>>> = {
  customers: 'curve',
  returning_customers: 'curve',
  retention_rate: 'curve',
  active_ratio: 'curve',
  churn_rate: 'complement-curve',
};

/** The catalogue's traits of a metric, in the shape goals take. */
export function traitsOf(id: MetricId): MetricTraits {
  const def = getMetric(id);
  const pace = CURVE_PACED[id];
  return { id, better: def.better, kind: def.kind, ...(pace ? { pace } : {}) };
}

/**
 * How a metric depends on the length of the period it is measured over, for converting benchmark
 * figures: retention and churn compound, flows add up, distinct counts and the shares of a
 * period's customers (repeat rate, active ratio) have no sound conversion, the rest (rates,
 * multiples, durations, levels) do not depend on it.
 */
export function scalingOf(id: MetricId): PeriodScaling {
  if (id === 'retention_rate') return 'survival';
  if (id === 'churn_rate') return 'loss';
  if (CURVE_PACED[id] || id === 'repeat_rate') return 'other';
  return getMetric(id).kind === 'flow' ? 'additive' : 'none';
}

/** A metric as benchmark comparisons take it: direction, period scaling and its definition. */
export function comparedMetric(id: MetricId): ComparedMetric {
  const def = getMetric(id);
  return { id, better: def.better, scaling: scalingOf(id), definition: def.description.en };
}

/**
 * The first day of the data a metric is computed from (the earliest date of the tables it needs),
 * or undefined when they hold no date. A baseline period starting before it has no baseline.
 */
export function historyStartOf(inputs: MetricInputs | PlanFigures, id: MetricId): number | undefined {
  const figures = figuresFrom(inputs);
  const days = [...new Set(getMetric(id).requires.map((r) => r.table))]
    .map((table) => figures.firstDayOf(table))
    .filter((day): day is number => day !== undefined);
  return days.length > 0 ? Math.min(...days) : undefined;
}

/** Figures handed in, or the engine's over the tables (one per tables object). */
function figuresFrom(inputs: MetricInputs | PlanFigures): PlanFigures {
  return 'windows' in inputs ? inputs : figuresOf({ inputs });
}

/**
 * An `Evaluate` over the loaded tables (or figures computed elsewhere, the SQL route's): the
 * metric over the window, with the window's `before` as the reference period retention and churn
 * compare with (for a period to date, the whole period before it, as `metrics` and the dashboard
 * take it). A rep's or region's part of the business is filtered once and reused.
 * @example makeEvaluate({ orders }, 'churn_rate', { asOf, calendar })(periodWindow(december, asOf + 1))
 *   // the churn `metrics` reports for December to date
 */
export function makeEvaluate(
  inputs: MetricInputs | PlanFigures,
  id: MetricId,
  options: { asOf: number; calendar: Calendar },
): Evaluate {
  const figures = figuresFrom(inputs);
  const name = (w: { start: number; end: number; key?: string }) =>
    w.key ?? `${formatDay(w.start)}..${formatDay(w.end - 1)}`;
  return (window, scope) => {
    const { before } = window;
    if (before.end !== window.start || !(before.end > before.start))
      return metricError('#VALUE!', 'the reference window must end where the window starts');
    const run = [
      { start: before.start, end: before.end, key: name(before) },
      { start: window.start, end: window.end, key: name(window) },
    ];
    const scoped = scope && (scope.rep !== undefined || scope.region !== undefined);
    return (scoped ? figures.windows([id], run, options, scope) : figures.windows([id], run, options))[0];
  };
}
