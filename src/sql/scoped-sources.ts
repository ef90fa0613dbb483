/**
 * One part of the business as the engine's filter makes it, in the database: each table that has
 * every column of the scope (rep, region) read through a temporary view of its rows whose values
 * match (trimmed, in any case, as `filterInputs` matches them); a table without one of the columns
 * is left out, as the engine leaves it out. The views keep each row's place in its table (the
 * first-order tie-break), so the statements read them as they read the tables.
 */
import { BLANK_KEY } from '../core/metrics/filter';
import type { SqlContext } from './evaluate';
import type { SourceColumn, SqlSources, TableSource } from './source';
import { dimensionSourceColumn, norm } from './source';

/** A dimension and the key its rows must hold. */
export interface ScopeKey {
  readonly dimension: string;
  readonly key: string;
}

let views = 0;

/** The values of a column as the statements label them (`null`: blank), read once per column. */
export type DistinctValues = (
  source: TableSource<string>,
  column: SourceColumn,
) => Promise<(string | null)[]>;

/** Reads a column's distinct labels through `ctx`, remembering each column's. */
export function distinctValuesOf(ctx: SqlContext): DistinctValues {
  const known = new Map<string, Promise<(string | null)[]>>();
  return (source, column) => {
    const key = `${source.relation}\u0000${column.name}`;
    let found = known.get(key);
    if (!found) {
      const d = ctx.dialect;
      found = ctx
        .query(`SELECT DISTINCT ${d.label(d.ident(column.name), column.type)} AS k FROM ${source.relation}`)
        .then((rows) => rows.map((r) => (r.k === null || r.k === undefined ? null : String(r.k))));
      known.set(key, found);
    }
    return found;
  };
}

/**
 * The condition a row of `source` meets when its value in `column` matches `key`: the labels that
 * match it listed (blank rows when `key` is the blank key); never true when none does.
 */
async function matchCondition(
  ctx: SqlContext,
  source: TableSource<string>,
  column: SourceColumn,
  key: string,
  distinct: DistinctValues,
): Promise<string> {
  const d = ctx.dialect;
  const label = d.label(d.ident(column.name), column.type);
  const values = await distinct(source, column);
  const texts = values.filter((v): v is string => v !== null && norm(v) === norm(key));
  const parts = texts.length > 0 ? [`${label} IN (${texts.map((t) => d.str(t)).join(', ')})`] : [];
  if (norm(key) === norm(BLANK_KEY)) parts.push(`${label} IS NULL`);
  return parts.length > 0 ? `(${parts.join(' OR ')})` : '1 = 0';
}

/**
 * The context with every table narrowed to the rows of the scope (through temporary views), and
 * `release` to drop the views.
 * @example const part = await scopedSources(ctx, [{ dimension: 'rep', key: 'Ani' }, { dimension: 'region', key: 'Bali' }]);
 */
export async function scopedSources(
  ctx: SqlContext,
  scope: readonly ScopeKey[],
  distinct: DistinctValues = distinctValuesOf(ctx),
): Promise<{ ctx: SqlContext; release: () => Promise<void> }> {
  const d = ctx.dialect;
  const made: string[] = [];
  const narrow = async <S extends TableSource<string>>(
    kind: 'orders' | 'pipeline' | 'spend',
    source: S | undefined,
  ): Promise<S | undefined> => {
    if (!source) return undefined;
    const columns = scope.map((s) => dimensionSourceColumn(kind, source, s.dimension));
    if (columns.some((c) => c === undefined)) return undefined;
    const conditions = await Promise.all(
      scope.map((s, i) => matchCondition(ctx, source, columns[i]!, s.key, distinct)),
    );
    const name = `sm_scope_${++views}`;
    const place = source.rowOrder ? `, ${source.rowOrder} AS sm_row` : '';
    const sql =
      `CREATE TEMPORARY VIEW ${name} AS SELECT * FROM (SELECT *${place} FROM ${source.relation}) sm_all ` +
      `WHERE ${conditions.join(' AND ')}`;
    ctx.onStatement?.(sql);
    await ctx.query(sql);
    made.push(name);
    return { ...source, relation: d.ident(name), ...(source.rowOrder ? { rowOrder: 'sm_row' } : {}) };
  };
  const sources: SqlSources = {
    orders: await narrow('orders', ctx.sources.orders),
    pipeline: await narrow('pipeline', ctx.sources.pipeline),
    spend: await narrow('spend', ctx.sources.spend),
  };
  const release = async () => {
    for (const name of made.reverse()) await ctx.query(`DROP VIEW IF EXISTS ${d.ident(name)}`);
  };
  const { staged: _staged, ...unstaged } = ctx;
  return { ctx: { ...unstaged, sources }, release };
}
