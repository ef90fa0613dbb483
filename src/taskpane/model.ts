/**
 * What the task pane lets people set, as plain data: the dashboard's settings, the goals and the
 * benchmark figures. The pane keeps them in the workbook's configuration (`_sales_metrics`), so a
 * workbook opens with them filled in and the ribbon's refreshes use them too.
 */
import type { Currency } from '../core/currency';
import type { GoalScope } from '../core/goals';
import type { MetricId } from '../core/metrics';
import type { PeriodUnit } from '../core/periods';

/** The dashboard's settings. */
export interface PaneSettings {
  /**
   * `YYYY-MM-DD`, an override; absent: the latest date in the data (the orders' latest date), and
   * the weekly review's week never later than this week.
   */
  readonly asOf?: string;
  /** The dashboard's period. */
  readonly unit: PeriodUnit;
  /** Periods in the trend (2–120). */
  readonly periods: number;
  /** Month the fiscal year starts, 1–12. */
  readonly fiscalYearStartMonth: number;
  /** First day of the week, 1 (Monday) – 7 (Sunday). */
  readonly weekStartsOn: number;
  /** Money's currency: a choice, `null` for none, absent to take it from the data. */
  readonly currency?: Currency | null;
  /** Breakdown dimensions (order roles such as `region`, or extra column headers); absent: all the data has. */
  readonly dimensions?: readonly string[];
  /** A benchmark industry of the library, by id. */
  readonly industry?: string;
  /** Count stale deals in the pipeline forecast and coverage (default: left out). */
  readonly includeStale?: boolean;
  /** A deal is stale after this many median sales cycles (default 2). */
  readonly staleMultiple?: number;
}

export const DEFAULT_SETTINGS: PaneSettings = {
  unit: 'month',
  periods: 12,
  fiscalYearStartMonth: 1,
  weekStartsOn: 1,
};

/** One goal as people set it in the pane. */
export interface GoalRow {
  /** Stable within the pane (a new row gets a fresh one). */
  readonly id: string;
  readonly metric: MetricId;
  /** A period key: `2026`, `2026-Q4`, `2026-11`, `2026-W48`, `FY2027`. */
  readonly period: string;
  readonly scope?: GoalScope;
  readonly target: number;
  /** How the target was set, shown beside it ("2025 + 10 %", "Shopify 2024"). */
  readonly basis?: string;
}

/** A benchmark figure people entered: their own target or a competitor's figure. */
export interface OwnFigure {
  readonly id: string;
  readonly metric: MetricId;
  readonly value: number;
  readonly kind: 'own' | 'competitor';
  /** Who it is from ("Our 2027 plan", "Rival Ltd annual report 2025"). */
  readonly source: string;
}

/** Everything the pane saves in the workbook. */
export interface PaneState {
  readonly settings: PaneSettings;
  readonly goals: readonly GoalRow[];
  readonly figures: readonly OwnFigure[];
}
