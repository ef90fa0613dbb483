/**
 * Where the SQL reads each table from and how its columns hold their values: a relation (a table
 * name, or a file reader such as DuckDB's `read_parquet('…')`), the column of each role with its
 * type, the text columns without a role (breakdowns by any header), and the expression that gives
 * the rows' order (the first-order-row tie-break among a customer's lines of one day).
 */
import type { Mapping, OrderRole, PipelineRole, SpendRole } from '../core/table';
import type { ColumnType, Dialect } from './dialect';

export interface SourceColumn {
  /** The column's name in the relation. */
  readonly name: string;
  readonly type: ColumnType;
}

export interface TableSource<Role extends string> {
  /** SQL text of the relation the rows come from. */
  readonly relation: string;
  readonly columns: Partial<Record<Role, SourceColumn>>;
  /** Text columns without a role, by header. */
  readonly extra?: Readonly<Record<string, SourceColumn>>;
  /**
   * An integer expression giving the rows' order, 0 ≤ value < 2³² (the file's row number, a
   * table's physical order); default: a row number over the mapped columns.
   */
  readonly rowOrder?: string;
}

export type OrdersSource = TableSource<OrderRole>;
export type PipelineSource = TableSource<PipelineRole>;
export type SpendSource = TableSource<SpendRole>;

export interface SqlSources {
  readonly orders?: OrdersSource;
  readonly pipeline?: PipelineSource;
  readonly spend?: SpendSource;
}

/** Role → column name, as `metrics` prints a mapping. */
export function sourceMapping(source: TableSource<string>): Mapping {
  const out: Record<string, string> = {};
  for (const [role, column] of Object.entries(source.columns))
    if (column) out[role] = (column as SourceColumn).name;
  return out as Mapping;
}

/** The column reference of a role (qualified by nothing: the relation is read in one FROM). */
export function columnRef(d: Dialect, column: SourceColumn): string {
  return d.ident(column.name);
}

/** Dimension roles each table can be broken down by (pipeline `source` and spend `channel` stand in for each other). */
const ORDER_DIMENSION_ROLES = ['product', 'category', 'region', 'rep', 'channel', 'segment', 'customer'];
const PIPELINE_DIMENSION_ROLES: Readonly<Record<string, PipelineRole>> = {
  rep: 'rep',
  source: 'source',
  channel: 'source',
  region: 'region',
};
const SPEND_DIMENSION_ROLES: Readonly<Record<string, SpendRole>> = { channel: 'channel', source: 'channel' };

/** A key as the engine's filter compares it: trimmed, in lower case. */
export const norm = (text: string) => text.trim().toLowerCase();

/**
 * Every column of a source that `dimensionSourceColumn` can name, once each.
 * @example dimensionColumns('orders', orders) // [{ name: 'Region', type: 'text' }, …]
 */
export function dimensionColumns(
  kind: 'orders' | 'pipeline' | 'spend',
  source: TableSource<string>,
): SourceColumn[] {
  const columns = source.columns as Readonly<Record<string, SourceColumn | undefined>>;
  const roles =
    kind === 'orders'
      ? ORDER_DIMENSION_ROLES
      : kind === 'pipeline'
        ? Object.values(PIPELINE_DIMENSION_ROLES)
        : Object.values(SPEND_DIMENSION_ROLES);
  const all = [...roles.map((role) => columns[role]), ...Object.values(source.extra ?? {})];
  const byName = new Map<string, SourceColumn>();
  for (const column of all) if (column && !byName.has(column.name)) byName.set(column.name, column);
  return [...byName.values()];
}

/**
 * The column a dimension name refers to in a source, as the engine's `dimensionColumn` reads it:
 * a header first (a role's column or another text column, case-insensitive), else a role.
 * @example dimensionSourceColumn('orders', orders, 'region') // { name: 'Region', type: 'text' }
 */
export function dimensionSourceColumn(
  kind: 'orders' | 'pipeline' | 'spend',
  source: TableSource<string>,
  dimension: string,
): SourceColumn | undefined {
  const key = norm(dimension);
  const columns = source.columns as Readonly<Record<string, SourceColumn | undefined>>;
  const roles =
    kind === 'orders'
      ? ORDER_DIMENSION_ROLES
      : kind === 'pipeline'
        ? ['rep', 'source', 'region']
        : ['channel'];
  for (const role of roles) {
    const column = columns[role];
    if (column && norm(column.name) === key) return column;
  }
  for (const [header, column] of Object.entries(source.extra ?? {})) if (norm(header) === key) return column;
  const role =
    kind === 'orders'
      ? ORDER_DIMENSION_ROLES.includes(key)
        ? key
        : undefined
      : kind === 'pipeline'
        ? PIPELINE_DIMENSION_ROLES[key]
        : SPEND_DIMENSION_ROLES[key];
  return role ? columns[role] : undefined;
}
