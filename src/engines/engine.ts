/**
 * A database the metric SQL runs on: its dialect, statements that return rows, statements that
 * do not, and closing. `src/engines/duckdb.ts` and `src/engines/postgres.ts` are the two there are.
 */
import type { Dialect } from '../sql/dialect';
import type { ResultRow } from '../sql/results';

/** A column as a database describes it, its type reduced to what the SQL reads it as. */
export interface DescribedColumn {
  readonly name: string;
  readonly type: 'date' | 'timestamp' | 'integer' | 'number' | 'text' | 'boolean' | 'other';
}

export interface SqlEngine {
  readonly dialect: Dialect;
  /** Rows of one statement (numbers as JavaScript numbers or bigints, text as strings). */
  query(sql: string): Promise<ResultRow[]>;
  /** Runs statements that return nothing (loading tables, settings). */
  run(sql: string): Promise<void>;
  /** The columns of a relation (a table name or a file reader), in order. */
  describe(relation: string): Promise<DescribedColumn[]>;
  close(): Promise<void>;
}

/** A database error, its message free of credentials. */
export class EngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineError';
  }
}

/**
 * Text with every password of a connection URL, and the given secrets, replaced by `***`.
 * @example maskSecrets('connect to postgres://ana:s3cret@db/x failed') // 'connect to postgres://ana:***@db/x failed'
 */
export function maskSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)([^@\s/]*)@/gi, '$1***@');
  out = out.replace(/(password\s*=\s*)('[^']*'|\S+)/gi, '$1***');
  for (const secret of secrets) if (secret && secret.length >= 3) out = out.split(secret).join('***');
  return out;
}
