/**
 * The goal model: what a goal is, what it needs from the metric engine, and what it reports.
 *
 * Goals do not import the metric catalogue. The caller (CLI, dashboard, task pane) passes the
 * two things goals need to know about a metric — its {@link MetricTraits} and an
 * {@link Evaluate} function built on the engine — so this folder stays independent of how
 * metrics are computed.
 */
import type { MetricValue } from '../errors';
import type { Period } from '../periods';

/** What goals need to know about a metric (a subset of the catalogue's definition). */
export interface MetricTraits {
  readonly id: string;
  /** Whether a bigger value is good (revenue) or bad (CAC, churn, cycle length). */
  readonly better: 'higher' | 'lower';
  /**
   * `flow`: adds up over time (revenue, orders) — split by share, paced in proportion to time.
   * `ratio`: a rate (AOV, win rate, churn) — not proportional to time; every part keeps the rate.
   * `stock`: a level at a moment (pipeline value) — compared by its latest value.
   */
  readonly kind: 'flow' | 'ratio' | 'stock';
  /**
   * Set for metrics that grow (or fall) through a period in a way that is neither a flow's nor a
   * rate's — distinct customers, retention, churn, active ratio: their goals are paced along the
   * previous period's curve (see `tracking.ts`). `complement-curve`: the metric's complement
   * follows the curve (churn = 1 − retention).
   */
  readonly pace?: 'curve' | 'complement-curve';
}

/** A half-open day window [start, end) in epoch days. */
export interface DayRange {
  readonly start: number;
  readonly end: number;
  /** How the window is named in reasons (`2026-11`, `2026-12-01..2026-12-05`). */
  readonly key?: string;
}

/**
 * A window a metric is measured over, with its reference window: retention and churn count the
 * customers of `before` who bought again in the window. `before` ends where the window starts; for
 * a window that starts at a period's start it is the whole period before (P−1), as the metric
 * engine takes it, so a goal's churn to date is the churn `metrics` reports for the same days.
 * Build windows with `periodWindow` / `slotWindow` (`windows.ts`).
 */
export interface MeasureWindow extends DayRange {
  readonly before: DayRange;
}

/** A goal's optional restriction to one rep and/or region. */
export interface GoalScope {
  readonly rep?: string;
  readonly region?: string;
}

/**
 * The metric's actual value over a window (for a stock: its level at the window's end), with the
 * window's reference period before it, optionally restricted to a rep or region. Built by the
 * caller on the metric engine (`makeEvaluate` in src/workflows).
 * @example const evaluate: Evaluate = (w, s) => revenueBetween(orders, w.start, w.end, s);
 */
export type Evaluate = (window: MeasureWindow, scope?: GoalScope) => MetricValue;

/** How a goal's target was set, kept for display ("2025 × 1.2", "Shopify 2024"). */
export type GoalBasis =
  | { readonly kind: 'number' }
  | {
      readonly kind: 'baseline';
      readonly method: 'last-year' | 'average';
      /** Keys of the periods the baseline was measured over. */
      readonly periods: readonly string[];
      readonly baseline: number;
      /** Expected growth as a fraction (0.2 = +20 %); negative for a planned reduction. */
      readonly growth: number;
    }
  | {
      readonly kind: 'benchmark';
      /** Which number of the benchmark was used. */
      readonly used: 'value' | 'min' | 'max';
      readonly value: number;
      readonly source: string;
      readonly year?: number;
      readonly set?: string;
      /** How a figure published for another period was converted to the goal's. */
      readonly converted?: string;
    }
  | { readonly kind: 'targets-table'; readonly sourceRow: number };

export interface Goal {
  /** Stable id: `metric|period key` plus `|rep=…`, `|region=…` when scoped. */
  readonly id: string;
  readonly metric: string;
  readonly period: Period;
  readonly target: number;
  readonly scope?: GoalScope;
  readonly notes?: string;
  readonly basis: GoalBasis;
}

/** Units a long goal can be split into. */
export type SplitUnit = 'month' | 'week';
export type SplitMethod = 'even' | 'seasonal';

/** One short-term goal of a split. */
export interface SubGoal {
  /** The month or week (its full extent, even when only part of it lies in the goal period). */
  readonly key: string;
  readonly label: string;
  /** The part of the sub-period inside the goal period: a whole month, or a week cut at the edges. */
  readonly start: number;
  readonly end: number;
  readonly days: number;
  /** True for a week cut by the goal period's boundary. */
  readonly partial: boolean;
  /** Share of the goal this part carries (flows); for ratio and stock goals, days / total days. */
  readonly share: number;
  readonly target: number;
}

export interface GoalSplit {
  readonly goalId: string;
  readonly unit: SplitUnit;
  readonly requested: SplitMethod;
  /** What was applied: `seasonal` can fall back to `even`; ratio and stock goals use `same-rate`. */
  readonly applied: SplitMethod | 'same-rate';
  /** Why seasonal was not applied, in words. */
  readonly fallbackReason?: string;
  /** How the parts were rounded so that they sum to the target. */
  readonly rounding: string;
  readonly parts: readonly SubGoal[];
}
