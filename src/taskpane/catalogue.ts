/**
 * The metric catalogue as the pane shows it: the metrics by family, and for each one whether the
 * loaded data can compute it or which table or column it still needs. Pure: the pane passes in
 * which roles the mapping of each table found.
 */
import {
  getMetric,
  MARKETING_METRIC_IDS,
  ORDER_METRIC_IDS,
  PIPELINE_METRIC_IDS,
  type MetricId,
  type MetricTableKind,
} from '../core/metrics';
import type { ColumnRole } from '../core/table';
import type { SettingsStrings } from './strings-settings';

/** For each table kind that was read, the roles its mapping found; a kind not read is absent. */
export type AvailableRoles = Readonly<Partial<Record<MetricTableKind, readonly string[]>>>;

/** Something a metric lacks: a whole table, or one column of a table that was read. */
export type Need =
  | { readonly kind: 'table'; readonly table: MetricTableKind }
  | { readonly kind: 'column'; readonly table: MetricTableKind; readonly role: ColumnRole };

export interface MetricStatus {
  readonly id: MetricId;
  readonly ready: boolean;
  /** Empty exactly when `ready`; tables first-come, each listed once. */
  readonly needs: readonly Need[];
}

export type FamilyId = 'orders' | 'pipeline' | 'marketing';

export interface Family {
  readonly id: FamilyId;
  readonly metrics: readonly MetricId[];
}

/** The catalogue's families in the order the pane lists them. */
export const METRIC_FAMILIES: readonly Family[] = [
  { id: 'orders', metrics: ORDER_METRIC_IDS },
  { id: 'pipeline', metrics: PIPELINE_METRIC_IDS },
  { id: 'marketing', metrics: MARKETING_METRIC_IDS },
];

export interface FamilyStatus {
  readonly id: FamilyId;
  readonly metrics: readonly MetricStatus[];
  /** How many of `metrics` are ready. */
  readonly ready: number;
}

/**
 * Whether the loaded data supports a metric, and what it lacks otherwise. A table that was not
 * read is one need (naming each of its columns would say less); a table that was read lacks
 * columns one by one.
 *
 * @example
 * metricStatus('customers', { orders: ['date', 'amount'] });
 * // { id: 'customers', ready: false, needs: [{ kind: 'column', table: 'orders', role: 'customer' }] }
 * metricStatus('win_rate', { orders: ['date', 'amount'] }).needs;
 * // [{ kind: 'table', table: 'pipeline' }]
 */
export function metricStatus(id: MetricId, available: AvailableRoles): MetricStatus {
  const needs: Need[] = [];
  const missingTables = new Set<MetricTableKind>();
  for (const { table, role } of getMetric(id).requires) {
    const roles = available[table];
    if (roles === undefined) {
      if (!missingTables.has(table)) needs.push({ kind: 'table', table });
      missingTables.add(table);
    } else if (!roles.includes(role)) {
      needs.push({ kind: 'column', table, role });
    }
  }
  return { id, ready: needs.length === 0, needs };
}

/**
 * Every family with the status of each of its metrics.
 *
 * @example
 * catalogueStatus({ orders: ['date', 'amount'] })[1];
 * // { id: 'pipeline', ready: 0, metrics: [{ id: 'leads', ready: false, … }, …] }
 */
export function catalogueStatus(available: AvailableRoles): readonly FamilyStatus[] {
  return METRIC_FAMILIES.map((family) => {
    const metrics = family.metrics.map((id) => metricStatus(id, available));
    return { id: family.id, metrics, ready: metrics.filter((m) => m.ready).length };
  });
}

/**
 * The first clause of a description, for a compact list: up to the first full stop, semicolon or
 * colon followed by a space (decimal points and `30.44-day` stay whole). The text itself when it
 * has one clause.
 *
 * @example
 * shortDescription('Revenue divided by orders.'); // 'Revenue divided by orders.'
 * shortDescription('Distinct ids in the period; rows count when there is no id.'); // 'Distinct ids in the period.'
 */
export function shortDescription(text: string): string {
  const match = /^(.+?)[.;:]\s/.exec(text);
  return match ? `${match[1]}.` : text;
}

/**
 * "Ready", or what the metric lacks in one sentence of the pane's language, columns named as the
 * mapping names them.
 *
 * @example
 * statusText(settingsStrings('en'), metricStatus('cac', { orders: ['date', 'amount'] }));
 * // 'Needs the Customer column and a marketing spend table'
 */
export function statusText(strings: SettingsStrings, status: MetricStatus): string {
  if (status.ready) return strings.ready;
  const columns = status.needs.flatMap((need) =>
    need.kind === 'column' ? [columnName(strings, need.table, need.role)] : [],
  );
  const tables = status.needs.flatMap((need) => (need.kind === 'table' ? [need.table] : []));
  return strings.needs(columns, tables);
}

function columnName(strings: SettingsStrings, table: MetricTableKind, role: ColumnRole): string {
  const names: Readonly<Record<string, string>> = strings.columns[table];
  return names[role] ?? role;
}
