/**
 * PostgreSQL through the `pg` package. The connection comes from a `postgres://` URL or the
 * standard PG* environment variables (PGHOST, PGUSER, PGPASSWORD, …); its password is never
 * printed: every error message passes through `maskSecrets`.
 */
// The default import lets the command line's bundle load `pg` on first use (scripts/cli-bundle.js).
import pg from 'pg';
import { DIALECTS } from '../sql/dialect';
import type { ResultRow } from '../sql/results';
import type { DescribedColumn, SqlEngine } from './engine';
import { EngineError, maskSecrets } from './engine';

// float8 and int8 as numbers, numeric as a number: the metric SQL casts what it returns to float8.
const NUMBER_TYPES = [20, 1700];

/**
 * Connects to PostgreSQL. `url` may be omitted to use the PG* environment variables alone.
 * @example const db = await openPostgres('postgres://ana@localhost:5432/sales'); await db.query('SELECT 1');
 */
export async function openPostgres(url?: string): Promise<SqlEngine> {
  const secrets = [process.env.PGPASSWORD, passwordOf(url)];
  const fail = (error: unknown): never => {
    throw new EngineError(`PostgreSQL: ${maskSecrets((error as Error).message ?? String(error), secrets)}`);
  };
  const client = new pg.Client({
    ...(url ? { connectionString: url } : {}),
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        NUMBER_TYPES.includes(oid)
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format as never)) as never,
    },
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    fail(error);
  }
  return {
    dialect: DIALECTS.postgres,
    async query(sql) {
      try {
        return (await client.query(sql)).rows as ResultRow[];
      } catch (error) {
        return fail(error);
      }
    },
    async run(sql) {
      try {
        await client.query(sql);
      } catch (error) {
        fail(error);
      }
    },
    async describe(relation) {
      try {
        const result = await client.query(`SELECT * FROM ${relation} LIMIT 0`);
        return result.fields.map((field) => ({ name: field.name, type: pgType(field.dataTypeID) }));
      } catch (error) {
        return fail(error);
      }
    },
    async close() {
      await client.end().catch(() => undefined);
    },
  };
}

function passwordOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

/** PostgreSQL type OIDs reduced to how the SQL reads a column. */
function pgType(oid: number): DescribedColumn['type'] {
  if (oid === 1082) return 'date';
  if (oid === 1114 || oid === 1184) return 'timestamp';
  if (oid === 20 || oid === 21 || oid === 23) return 'integer';
  if (oid === 700 || oid === 701 || oid === 1700) return 'number';
  if (oid === 25 || oid === 1043 || oid === 1042 || oid === 19) return 'text';
  if (oid === 16) return 'boolean';
  return 'other';
}
