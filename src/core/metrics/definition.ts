/**
 * What the catalogue says about a metric: everything the UI, goals, benchmarks, custom functions
 * and sheet plans need to present it. How it is computed lives in the engines (one pass per family).
 */
import type { PeriodUnit } from '../periods';
import type { ColumnRole } from '../table';
import type { MetricId } from './ids';

export interface Bilingual {
  readonly en: string;
  readonly id: string;
}

export type MetricUnit = 'currency' | 'count' | 'ratio' | 'days' | 'months' | 'number';

/**
 * - `flow`: adds up over time (revenue, orders): a yearly goal splits into months by summing.
 * - `ratio`: does not add up (AOV, rates, medians): compared as is.
 * - `stock`: a point-in-time level (pipeline value at the end of the period).
 */
export type MetricKind = 'flow' | 'ratio' | 'stock';

export type MetricTableKind = 'orders' | 'pipeline' | 'spend';

/** A role a metric needs, with the table it lives in (cac needs orders.customer and spend.spend). */
export interface RequiredRole {
  readonly table: MetricTableKind;
  readonly role: ColumnRole;
}

export interface MetricDefinition {
  readonly id: MetricId;
  readonly label: Bilingual;
  readonly description: Bilingual;
  readonly unit: MetricUnit;
  /** Excel number format for cells showing the value. */
  readonly format: string;
  readonly better: 'higher' | 'lower';
  /** The main table the metric is computed from. */
  readonly table: MetricTableKind;
  readonly requires: readonly RequiredRole[];
  /** Default check cadence (docs/metrics.md: sales volume daily, retention weekly, loyalty monthly). */
  readonly cadence: PeriodUnit;
  /** Formula text for the UI. */
  readonly formula: Bilingual;
  readonly kind: MetricKind;
}

export const FORMAT = {
  currency: '#,##0.00',
  count: '#,##0',
  percent: '0.0%',
  days: '0.0',
  months: '0.0',
  number: '0.00',
} as const;

/** `req('orders', 'date', 'amount')` → the roles as `RequiredRole`s. */
export function req(table: MetricTableKind, ...roles: ColumnRole[]): RequiredRole[] {
  return roles.map((role) => ({ table, role }));
}
