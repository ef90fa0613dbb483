/**
 * Test helper for the command line's SQL route: the bundled sample's orders written as a Parquet
 * file (for `--engine duckdb`), and loaded into a throwaway PostgreSQL server (for `--db`), each in
 * the sample's row order; a password given in the URL and PGPASSWORD for one run; and the cells
 * of a written workbook, to compare two routes' sheets. The sample's Pipeline sheet is written as
 * it stands (every column, the dates as dates), for the pipeline forecast read through SQL.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { openDuckDb } from '../../src/engines/duckdb';
import { openPostgres } from '../../src/engines/postgres';
import type { PgServer } from '../engines/pg-server';
import { postgresMissing, startPostgres } from '../engines/pg-server';
import { SAMPLE, sampleInputs } from '../sql/datasets';
import { loadTables } from '../sql/tables';
import type { CliRun } from './run';
import { runCli } from './run';

/** Writes one of the sample's tables (the orders by default) to `dir/KIND.parquet` and returns its path. */
export async function sampleOrdersParquet(
  dir: string,
  kind: 'orders' | 'pipeline' | 'spend' = 'orders',
): Promise<string> {
  const parquet = join(dir, `${kind}.parquet`);
  const db = await openDuckDb();
  try {
    const { statements } = loadTables(db.dialect, { [kind]: (await sampleInputs())[kind] });
    for (const sql of statements) await db.run(sql);
    await db.run(
      `COPY (SELECT * EXCLUDE (_row) FROM ${kind} ORDER BY _row) TO '${parquet}' (FORMAT parquet)`,
    );
  } finally {
    await db.close();
  }
  return parquet;
}

/**
 * Statements creating table `pipeline` from the sample's Pipeline sheet as it stands: a column of
 * dates (or blanks) as DATE, of numbers as DOUBLE PRECISION, any other as text; blanks as NULL.
 */
export async function samplePipelineStatements(): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE);
  const sheet = workbook.getWorksheet('Pipeline')!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const [headers, ...data] = rows as [string[], ...unknown[][]];
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  const types = headers.map((_, c) => {
    const values = data.map((row) => row[c]).filter((v) => !blank(v));
    if (values.length > 0 && values.every((v) => v instanceof Date)) return 'DATE';
    if (values.length > 0 && values.every((v) => typeof v === 'number')) return 'DOUBLE PRECISION';
    return 'VARCHAR';
  });
  const literal = (v: unknown, type: string) =>
    blank(v)
      ? 'NULL'
      : type === 'DATE'
        ? `DATE '${(v as Date).toISOString().slice(0, 10)}'`
        : type === 'DOUBLE PRECISION'
          ? String(v)
          : `'${String(v).replace(/'/g, "''")}'`;
  // Rows numbered, then copied in that order: the table's physical order is the sheet's.
  const columns = headers.map((h) => `"${h}"`).join(', ');
  return [
    `CREATE TABLE pipeline_rows (_row INTEGER, ${headers.map((h, c) => `"${h}" ${types[c]}`).join(', ')})`,
    `INSERT INTO pipeline_rows VALUES ${data
      .map((row, r) => `(${r}, ${headers.map((_, c) => literal(row[c], types[c])).join(', ')})`)
      .join(', ')}`,
    `CREATE TABLE pipeline AS SELECT ${columns} FROM pipeline_rows ORDER BY _row`,
    'DROP TABLE pipeline_rows',
  ];
}

/** The sample's Pipeline sheet as it stands, written to `dir/pipeline-sheet.parquet` (path returned). */
export async function samplePipelineParquet(dir: string): Promise<string> {
  const parquet = join(dir, 'pipeline-sheet.parquet');
  const db = await openDuckDb();
  try {
    for (const sql of await samplePipelineStatements()) await db.run(sql);
    await db.run(`COPY pipeline TO '${parquet}' (FORMAT parquet)`);
  } finally {
    await db.close();
  }
  return parquet;
}

/**
 * A server holding the sample's orders as table `orders` (and its Pipeline sheet as table
 * `pipeline`); null (with a warning) without PostgreSQL.
 */
export async function sampleOrdersServer(): Promise<PgServer | null> {
  const missing = postgresMissing();
  if (missing) {
    console.warn(`PostgreSQL command-line tests skipped: ${missing}`);
    return null;
  }
  const server = await startPostgres();
  if (!server) return null;
  const db = await openPostgres(server.url);
  try {
    const { statements } = loadTables(db.dialect, { orders: (await sampleInputs()).orders });
    for (const sql of statements) await db.run(sql);
    await db.run('ALTER TABLE orders DROP COLUMN _row');
    for (const sql of await samplePipelineStatements()) await db.run(sql);
  } finally {
    await db.close();
  }
  return server;
}

/** The server's URL with `password` in it. */
export function urlWithPassword(server: PgServer, password: string): string {
  return server.url.replace('postgres@', `postgres:${password}@`);
}

/** Runs the command line with PGPASSWORD set to `password` (restored after). */
export async function runWithPgPassword(argv: readonly string[], password: string): Promise<CliRun> {
  const saved = process.env.PGPASSWORD;
  process.env.PGPASSWORD = password;
  try {
    return await runCli(argv);
  } finally {
    if (saved === undefined) delete process.env.PGPASSWORD;
    else process.env.PGPASSWORD = saved;
  }
}

export type Cells = Map<string, { value: unknown; formula?: string }>;

/** Every sheet's cells by address: values (a formula's cached result), rich text as its text. */
export async function sheetCells(file: string): Promise<Map<string, Cells>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const out = new Map<string, Cells>();
  workbook.eachSheet((sheet) => {
    const cells: Cells = new Map();
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as any;
        if (v && typeof v === 'object' && 'formula' in v)
          cells.set(cell.address, { value: v.result, formula: v.formula });
        else if (v && typeof v === 'object' && 'richText' in v)
          cells.set(cell.address, { value: v.richText.map((t: { text: string }) => t.text).join('') });
        else cells.set(cell.address, { value: v });
      }),
    );
    out.set(sheet.name, cells);
  });
  return out;
}

/** Equal values: numbers to 1e-9 relative, the rest exactly. */
export const same = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number'
    ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))
    : JSON.stringify(a) === JSON.stringify(b);
