/**
 * Where a workbook built through SQL reads its tables again: the engine, the files (relative to
 * the workbook, as a large CSV's) or the database and tables, saved in the configuration under
 * `mappings.sql`. Credentials are never saved: a URL is kept without its password or query, and
 * `review` takes the password from `--db` given again or from PGPASSWORD.
 */
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { SalesMetricsConfig } from '../sheets/config';
import { CliError } from './errors';
import { fileSourceName } from './output';
import type { SqlSpec } from './sql-route';

/** The saved record: no password, no query string. */
export interface SavedSqlSource {
  readonly engine: 'duckdb' | 'postgres';
  /** `postgres://user@host:port/db`; absent: the PG* variables. */
  readonly url?: string;
  /** DuckDB: paths relative to the workbook's folder; PostgreSQL: table names. */
  readonly orders: string;
  readonly pipeline?: string;
  readonly spend?: string;
  /** The `--map` entries of the build (column names only). */
  readonly maps?: readonly string[];
}

/**
 * A URL without its password and query (the parts that may carry secrets).
 * @example publicUrl('postgres://ana:s3cret@db.local:5432/sales?sslpassword=x') // 'postgres://ana@db.local:5432/sales'
 */
export function publicUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${u.username}@` : '';
    return `${u.protocol}//${user}${u.host}${u.pathname}`;
  } catch {
    return 'postgres';
  }
}

/** The record to save for a build's tables; `workbook` is the built file's path. */
export function sqlSourceRecord(spec: SqlSpec, workbook: string): SavedSqlSource {
  const place = (name: string) => (spec.engine === 'duckdb' ? fileSourceName(dirname(workbook), name) : name);
  return {
    engine: spec.engine,
    ...(spec.url ? { url: publicUrl(spec.url) } : {}),
    orders: place(spec.orders!),
    ...(spec.pipeline ? { pipeline: place(spec.pipeline) } : {}),
    ...(spec.spend ? { spend: place(spec.spend) } : {}),
    ...(spec.maps.length > 0 ? { maps: [...spec.maps] } : {}),
  };
}

/** The configuration with the record saved. */
export function withSqlSource(config: SalesMetricsConfig, record: SavedSqlSource): SalesMetricsConfig {
  return { ...config, mappings: { ...config.mappings, sql: record } };
}

/** The saved record, or undefined for a workbook not built through SQL. */
export function savedSqlSource(config: SalesMetricsConfig): SavedSqlSource | undefined {
  const raw = config.mappings.sql as Partial<SavedSqlSource> | undefined;
  if (!raw || (raw.engine !== 'duckdb' && raw.engine !== 'postgres') || typeof raw.orders !== 'string')
    return undefined;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const [url, pipeline, spend] = [text(raw.url), text(raw.pipeline), text(raw.spend)];
  const maps = Array.isArray(raw.maps) ? raw.maps.filter((m): m is string => typeof m === 'string') : [];
  return {
    engine: raw.engine,
    orders: raw.orders,
    ...(maps.length > 0 ? { maps } : {}),
    ...(url ? { url } : {}),
    ...(pipeline ? { pipeline } : {}),
    ...(spend ? { spend } : {}),
  };
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * The tables of a refresh from the saved record: DuckDB's files found beside the workbook (or its
 * link's target), the orders file `data` names when it moved; the database of `db` when given
 * again (with its password), else the saved URL, whose password PGPASSWORD supplies. Columns are
 * mapped by the `--map` entries given now, else those of the build.
 * @example await specOfSaved(saved, [], { workbook, real, cwd })
 */
export async function specOfSaved(
  saved: SavedSqlSource,
  given: readonly string[],
  where: {
    readonly workbook: string;
    readonly real: string;
    readonly cwd: string;
    readonly db?: string;
    readonly data?: string;
  },
): Promise<SqlSpec> {
  const maps = given.length > 0 ? given : (saved.maps ?? []);
  if (saved.engine === 'postgres') {
    const url = where.db ?? saved.url;
    return {
      engine: 'postgres',
      ...(url && url !== 'postgres' ? { url } : {}),
      orders: saved.orders,
      ...(saved.pipeline ? { pipeline: saved.pipeline } : {}),
      ...(saved.spend ? { spend: saved.spend } : {}),
      maps,
    };
  }
  const find = async (name: string, flag: string): Promise<string> => {
    const places = isAbsolute(name)
      ? [name]
      : [...new Set([resolve(dirname(where.workbook), name), resolve(dirname(where.real), name)])];
    for (const place of places) if (await isFile(place)) return place;
    throw new CliError(
      `the workbook's ${flag} are read from ${name}, which is not at ${places[0]} any more` +
        (flag === 'orders'
          ? ': name the file with --data FILE (the new place is saved for the next runs)'
          : ''),
    );
  };
  const orders = where.data !== undefined ? resolve(where.cwd, where.data) : saved.orders;
  if (where.data !== undefined && !(await isFile(orders)))
    throw new CliError(`--data: file not found: ${orders}`);
  return {
    engine: 'duckdb',
    orders: await find(orders, 'orders'),
    ...(saved.pipeline ? { pipeline: await find(saved.pipeline, 'pipeline') } : {}),
    ...(saved.spend ? { spend: await find(saved.spend, 'spend') } : {}),
    maps,
  };
}
