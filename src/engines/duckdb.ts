/**
 * DuckDB, embedded: files beyond a sheet (Parquet, CSV) read where they lie. DuckDB's Node package
 * is an optional dependency: without it, opening says so in one line.
 */
import { DIALECTS } from '../sql/dialect';
import type { ResultRow } from '../sql/results';
import type { DescribedColumn, SqlEngine } from './engine';
import { EngineError } from './engine';

/** The one line shown when DuckDB's package is not installed. */
export const DUCKDB_MISSING =
  "--engine duckdb needs DuckDB's Node package: run `npm install @duckdb/node-api` (it is an optional dependency)";

interface DuckDbModule {
  DuckDBInstance: {
    create(
      path: string,
      options?: Record<string, string>,
    ): Promise<{
      connect(): Promise<DuckDbConnection>;
      closeSync?(): void;
    }>;
  };
}

interface DuckDbConnection {
  runAndReadAll(sql: string): Promise<{ getRowObjectsJS(): Record<string, unknown>[] }>;
  run(sql: string): Promise<unknown>;
  closeSync?(): void;
  disconnectSync?(): void;
}

async function loadDuckDb(): Promise<DuckDbModule> {
  try {
    return require('@duckdb/node-api') as DuckDbModule;
  } catch {
    throw new EngineError(DUCKDB_MISSING);
  }
}

/**
 * An in-memory DuckDB (or a database file).
 * @example const db = await openDuckDb(); const rows = await db.query('SELECT 1 AS x'); await db.close();
 */
export async function openDuckDb(
  path = ':memory:',
  options: Record<string, string> = {},
): Promise<SqlEngine> {
  const duckdb = await loadDuckDb();
  const instance = await duckdb.DuckDBInstance.create(path, options);
  const connection = await instance.connect();
  const wrap = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw new EngineError(`DuckDB: ${(error as Error).message.split('\n')[0]}`);
    }
  };
  return {
    dialect: DIALECTS.duckdb,
    query: (sql) => wrap(async () => (await connection.runAndReadAll(sql)).getRowObjectsJS() as ResultRow[]),
    run: (sql) => wrap(async () => void (await connection.run(sql))),
    describe: (relation) =>
      wrap(async () =>
        (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`))
          .getRowObjectsJS()
          .map((row) => ({ name: String(row.column_name), type: duckType(String(row.column_type)) })),
      ),
    async close() {
      connection.disconnectSync?.();
      instance.closeSync?.();
    },
  };
}

/** DuckDB's type names reduced to how the SQL reads a column. */
function duckType(type: string): DescribedColumn['type'] {
  const t = type.toUpperCase();
  if (t === 'DATE') return 'date';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/.test(t))
    return 'integer';
  if (/^(FLOAT|DOUBLE|REAL)$/.test(t) || t.startsWith('DECIMAL')) return 'number';
  if (t === 'VARCHAR') return 'text';
  if (t === 'BOOLEAN') return 'boolean';
  return 'other';
}
