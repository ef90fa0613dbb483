/**
 * The deals of a pipeline table read into memory, for the pipeline forecast and the quota
 * leaderboard (`pipelineForecast` in `src/core/pipeline/report.ts`): one SELECT of the mapped
 * columns, each once, in the rows' order, typed as the database holds them: the date columns as
 * dates (`Date`, from the same epoch-day reading as the metric SQL), numeric columns as numbers,
 * anything else as text. A pipeline is deals, not order lines: small enough to hold.
 */
import type { CellValue } from '../core/cell';
import type { Mapping } from '../core/table';
import type { Dialect } from './dialect';
import type { ResultRow } from './results';
import { numberOf } from './results';
import type { PipelineSource, SourceColumn } from './source';

/** The pipeline roles holding dates. */
const DATE_ROLES: ReadonlySet<string> = new Set(['created', 'closed', 'expected_close']);

const MS_PER_DAY = 86_400_000;

export interface PipelineDealsQuery {
  /** The statement. */
  readonly sql: string;
  /** The headers read, in the statement's column order (each a mapped column's name). */
  readonly headers: readonly string[];
  /** Per header, whether it holds dates. */
  readonly dates: readonly boolean[];
}

/**
 * The statement reading the columns `mapping` names (role → column name) from the pipeline's
 * relation; the result's columns are `c0`, `c1`, … in the order of `headers`.
 * @example pipelineDealsSql(d, pipeline, { created: 'Created', status: 'Stage' }).headers // ['Created', 'Stage']
 */
export function pipelineDealsSql(d: Dialect, pipeline: PipelineSource, mapping: Mapping): PipelineDealsQuery {
  const columns = new Map<string, { column: SourceColumn; date: boolean }>();
  const byName = new Map<string, SourceColumn>();
  for (const column of Object.values(pipeline.columns) as SourceColumn[]) byName.set(column.name, column);
  for (const [role, header] of Object.entries(mapping)) {
    const column = header === undefined ? undefined : byName.get(header);
    if (!column) continue;
    const date = DATE_ROLES.has(role);
    const seen = columns.get(column.name);
    columns.set(column.name, { column, date: date || (seen?.date ?? false) });
  }
  const headers = [...columns.keys()];
  const select = headers.map((name, i) => {
    const { column, date } = columns.get(name)!;
    const ref = d.ident(column.name);
    const expr = date
      ? d.epochTime(ref, column.type)
      : column.type === 'number'
        ? d.number(ref, column.type)
        : d.label(ref, column.type);
    return `${expr} AS ${d.ident(`c${i}`)}`;
  });
  const order = pipeline.rowOrder ? `\nORDER BY ${pipeline.rowOrder}` : '';
  return {
    sql: `SELECT ${select.join(',\n  ')}\nFROM ${pipeline.relation}${order}`,
    headers,
    dates: headers.map((name) => columns.get(name)!.date),
  };
}

/**
 * The rows of `pipelineDealsSql` as cells, the header row first, as a sheet gives them to ingestion.
 * @example pipelineDealsCells(query, await engine.query(query.sql))[0] // ['Created', 'Stage']
 */
export function pipelineDealsCells(query: PipelineDealsQuery, rows: readonly ResultRow[]): CellValue[][] {
  const out: CellValue[][] = [[...query.headers]];
  for (const row of rows)
    out.push(
      query.headers.map((_, i): CellValue => {
        const value = row[`c${i}`];
        if (value === null || value === undefined) return null;
        if (query.dates[i]) {
          const day = numberOf(value);
          return day === null || !Number.isFinite(day) ? null : new Date(Math.round(day * MS_PER_DAY));
        }
        if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
          return value;
        if (typeof value === 'bigint') return Number(value);
        return String(value);
      }),
    );
  return out;
}
