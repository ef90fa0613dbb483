/**
 * The command line's way into the SQL route: `--engine duckdb` reads .parquet and .csv files where
 * they lie; `--db postgres://…` reads tables of a PostgreSQL database (`--table` for the orders,
 * `--pipeline` and `--spend` naming tables). Columns are mapped as for files (`--map`, else the
 * engine's detection on the columns and a sample of rows). The connection's password comes from
 * the URL or PGPASSWORD and is never printed: files are named by host, database and table only.
 */
import { resolve } from 'node:path';
import type { Mapping } from '../core/table';
import type { Discovered, DiscoverKind } from '../engines/discover';
import { discoverTable } from '../engines/discover';
import { openDuckDb } from '../engines/duckdb';
import type { SqlEngine } from '../engines/engine';
import { EngineError, maskSecrets } from '../engines/engine';
import { openPostgres } from '../engines/postgres';
import type { Calendar } from '../core/periods';
import { parsePeriodKey } from '../core/periods';
import type { SqlContext } from '../sql/evaluate';
import type { SqlSources } from '../sql/source';
import { spendPeriodTextsSql } from '../sql/source-stats';
import type { OptionSpecs, ParsedArgs } from './args';
import { listFlag, mapFlags, stringFlag } from './args';
import { CliError, usageError } from './errors';
import { ordersPath } from './inputs';
import type { Progress } from './io';

export const SQL_ROUTE_OPTIONS: OptionSpecs = {
  engine: { type: 'string' },
  db: { type: 'string' },
  table: { type: 'string' },
};

export const SQL_ROUTE_HELP = `
Data beyond a sheet (docs/sql.md):
  --engine duckdb           compute with embedded DuckDB on .parquet or .csv files (orders, and
                            --pipeline/--spend files); needs the optional package @duckdb/node-api
  --db URL                  compute in a PostgreSQL database: postgres://user@host:5432/db, or
                            "postgres" for the PG* environment variables; the password comes from
                            the URL or PGPASSWORD and is never printed
  --table NAME              the orders table (with --db); --pipeline and --spend then name tables`;

/** True when the command should compute through SQL. */
export function sqlRouteWanted(args: ParsedArgs): boolean {
  return stringFlag(args, 'engine') !== undefined || stringFlag(args, 'db') !== undefined;
}

export interface OpenedTable {
  readonly kind: DiscoverKind;
  /** What the table is, for the output (a file path, or `postgres host/db table`). */
  readonly label: string;
  readonly discovered: Discovered<string>;
}

export interface SqlInputs {
  readonly engine: SqlEngine;
  readonly sources: SqlSources;
  readonly tables: readonly OpenedTable[];
  /** The main table's mapping (orders, else pipeline). */
  readonly mapping: Mapping;
}

/** An engine error as the command line's one-line error, secrets masked. */
export function cliErrorOf(error: unknown, secrets: readonly (string | undefined)[] = []): Error {
  if (error instanceof EngineError) return new CliError(maskSecrets(error.message, secrets));
  return error as Error;
}

const quoteFile = (path: string) => `'${path.replace(/'/g, "''")}'`;

/** DuckDB's reader of a file, its hidden columns and row order. */
function fileRelation(path: string): { relation: string; hidden: string[]; rowOrder: string } {
  if (/\.parquet$/i.test(path))
    return {
      relation: `read_parquet(${quoteFile(path)}, file_row_number = true)`,
      hidden: ['file_row_number'],
      rowOrder: '"file_row_number"',
    };
  if (/\.(csv|tsv|txt)$/i.test(path))
    return { relation: `read_csv(${quoteFile(path)})`, hidden: [], rowOrder: 'ROW_NUMBER() OVER () - 1' };
  throw usageError(
    `--engine duckdb reads .parquet and .csv files, not ${path} (read .xlsx files without --engine)`,
  );
}

/** A PostgreSQL relation for `schema.table` or `table`, and the physical row order. */
function tableRelation(engine: SqlEngine, name: string): { relation: string; rowOrder: string } {
  return {
    relation: name
      .split('.')
      .map((part) => engine.dialect.ident(part))
      .join('.'),
    rowOrder: '(((ctid::text::point)[0])::bigint * 512 + ((ctid::text::point)[1])::bigint)',
  };
}

/** `postgres host:port/db` without user or password. */
export function describeUrl(url: string | undefined): string {
  if (!url || url === 'postgres')
    return `postgres ${process.env.PGHOST ?? 'localhost'}/${process.env.PGDATABASE ?? ''}`;
  try {
    const u = new URL(url);
    return `postgres ${u.host}${u.pathname}`;
  } catch {
    return 'postgres';
  }
}

/**
 * Where a command's tables are, as the flags say it (or as a workbook built through SQL saved it):
 * the engine, the database URL, and the orders, pipeline and spend as files (DuckDB, absolute
 * paths) or table names (PostgreSQL), with the `--map` entries.
 */
export interface SqlSpec {
  readonly engine: 'duckdb' | 'postgres';
  /** The URL as given (it may hold a password: never saved or printed); undefined: the PG* variables. */
  readonly url?: string;
  readonly orders?: string;
  readonly pipeline?: string;
  readonly spend?: string;
  readonly maps: readonly string[];
}

/** The tables the flags name (`--engine`, `--db`, `--table`, `--pipeline`, `--spend`, `--map`). */
export function sqlSpecOf(args: ParsedArgs, cwd: string): SqlSpec {
  const engineName = stringFlag(args, 'engine');
  const url = stringFlag(args, 'db');
  if (engineName !== undefined && engineName !== 'duckdb')
    throw usageError(`--engine takes duckdb, got "${engineName}" (a database is given with --db)`);
  if (engineName && url)
    throw usageError('use either --engine duckdb (files) or --db (a database), not both');
  if (url && !/^(postgres|postgresql)(:\/\/|$)/i.test(url))
    throw usageError('--db takes a postgres://… URL, or "postgres" for the PG* environment variables');
  const pipelineName = stringFlag(args, 'pipeline');
  const spendName = stringFlag(args, 'spend');
  let ordersName: string | undefined;
  if (url) {
    ordersName = stringFlag(args, 'table');
    if (args.positionals.length > 0)
      throw usageError(`with --db, name the orders table with --table, not a file (${args.positionals[0]})`);
  } else {
    if (stringFlag(args, 'table') !== undefined) throw usageError('--table names a table of --db');
    ordersName = ordersPath(args, 'metrics', true);
  }
  if (!ordersName && !pipelineName)
    throw usageError(
      url ? 'name the orders table with --table (or the pipeline with --pipeline)' : 'give an orders file',
    );
  const place = (name: string | undefined) => (name === undefined || url ? name : resolve(cwd, name));
  return {
    engine: url ? 'postgres' : 'duckdb',
    ...(url && url !== 'postgres' ? { url } : {}),
    ...(ordersName ? { orders: place(ordersName) } : {}),
    ...(pipelineName ? { pipeline: place(pipelineName) } : {}),
    ...(spendName ? { spend: place(spendName) } : {}),
    maps: listFlag(args, 'map'),
  };
}

/** Opens the engine and reads every table's columns and mapping. */
export async function openSqlInputs(args: ParsedArgs, progress: Progress, cwd: string): Promise<SqlInputs> {
  return openSqlSpec(sqlSpecOf(args, cwd), progress);
}

/** Opens the engine of a spec and reads every table's columns and mapping. */
export async function openSqlSpec(spec: SqlSpec, progress: Progress): Promise<SqlInputs> {
  const postgres = spec.engine === 'postgres';
  const url = postgres ? (spec.url ?? 'postgres') : undefined;
  const secrets = [process.env.PGPASSWORD, spec.url];
  let engine: SqlEngine;
  try {
    progress.stage(url ? `connecting to ${describeUrl(url)}` : 'opening DuckDB');
    engine = url ? await openPostgres(url === 'postgres' ? undefined : url) : await openDuckDb();
  } catch (error) {
    throw cliErrorOf(error, secrets);
  }
  const primary: DiscoverKind = spec.orders ? 'orders' : 'pipeline';
  const tables: OpenedTable[] = [];
  try {
    for (const kind of ['orders', 'pipeline', 'spend'] as const) {
      const name = spec[kind];
      if (!name) continue;
      const where = url
        ? {
            ...tableRelation(engine, name),
            hidden: [] as string[],
            label: `${describeUrl(url)} table ${name}`,
          }
        : { ...fileRelation(name), label: name };
      progress.stage(`reading the columns of ${url ? name : where.label}`);
      const discovered = await discoverTable(engine, kind, where.relation, {
        mapping: mapFlags(spec.maps, kind, primary),
        hidden: where.hidden,
        rowOrder: where.rowOrder,
      });
      tables.push({ kind, label: where.label, discovered });
    }
  } catch (error) {
    await engine.close();
    throw cliErrorOf(error, secrets);
  }
  const sources: Record<string, unknown> = {};
  for (const t of tables) sources[t.kind] = t.discovered.source;
  return { engine, sources: sources as SqlSources, tables, mapping: tables[0].discovered.mapping };
}

/**
 * The SQL context of one as-of day: the spend table's period keys read by the engine's calendar
 * (the database holds them as text), and the query function of the engine.
 */
export async function sqlContextOf(
  engine: SqlEngine,
  sources: SqlSources,
  asOf: number,
  calendar: Calendar,
): Promise<SqlContext> {
  const spendPeriods = new Map<string, readonly [number, number]>();
  const periodSql = sources.spend && spendPeriodTextsSql(engine.dialect, sources.spend);
  if (periodSql)
    for (const row of await engine.query(periodSql)) {
      const period = typeof row.txt === 'string' ? parsePeriodKey(row.txt, calendar) : null;
      if (period) spendPeriods.set(row.txt as string, [period.start, period.end]);
    }
  return {
    dialect: engine.dialect,
    sources,
    asOf,
    calendar,
    spendPeriods,
    query: (sql) => engine.query(sql),
  };
}
