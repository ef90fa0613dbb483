/**
 * What the command line says about a table read through SQL: rows read, rows usable (the columns a
 * table cannot do without are readable, dates in 1900–2200), the first and last date, and the rows
 * after the as-of day — the same counts the engine's ingestion report and `data-range.ts` give.
 * Orders are dated by order date, the pipeline by created date (its last date is the latest created
 * or closed date), spend by date.
 */
import type { Dialect } from './dialect';
import { FIRST_READ_DAY, LAST_READ_DAY } from './orders-rows';
import type { SourceColumn, TableSource } from './source';

export type StatsKind = 'orders' | 'pipeline' | 'spend';

function dayOf(d: Dialect, column: SourceColumn | undefined): string {
  if (!column) return 'NULL';
  const day = d.epochDay(d.ident(column.name), column.type);
  return `CASE WHEN ${day} BETWEEN ${FIRST_READ_DAY} AND ${LAST_READ_DAY} THEN ${day} END`;
}

/** Per row: its day (NULL when unusable) and, for the pipeline, its close day. */
function rowDays(d: Dialect, kind: StatsKind, source: TableSource<string>): string {
  const c = source.columns as Record<string, SourceColumn | undefined>;
  const num = (role: string) => (c[role] ? d.number(d.ident(c[role]!.name), c[role]!.type) : 'NULL');
  if (kind === 'orders')
    return `SELECT CASE WHEN ${num('amount')} IS NOT NULL THEN ${dayOf(d, c.date)} END AS day, CAST(NULL AS ${d.bigint}) AS closed FROM ${source.relation}`;
  if (kind === 'spend')
    return `SELECT CASE WHEN ${num('spend')} IS NOT NULL THEN ${dayOf(d, c.date)} END AS day, CAST(NULL AS ${d.bigint}) AS closed FROM ${source.relation}`;
  const status = d.label(d.ident(c.status!.name), c.status!.type);
  return `SELECT CASE WHEN ${status} IS NOT NULL THEN ${dayOf(d, c.created)} END AS day, ${dayOf(d, c.closed)} AS closed FROM ${source.relation}`;
}

/** `read, used, first, last` (days as epoch days; NULL without a usable row). */
export function tableStatsSql(d: Dialect, kind: StatsKind, source: TableSource<string>): string {
  const last =
    kind === 'pipeline'
      ? `GREATEST(MAX(day), COALESCE(MAX(CASE WHEN day IS NOT NULL THEN closed END), MAX(day)))`
      : 'MAX(day)';
  return (
    `SELECT CAST(COUNT(*) AS ${d.double}) AS read, CAST(COUNT(day) AS ${d.double}) AS used, ` +
    `CAST(MIN(day) AS ${d.double}) AS first, CAST(${last} AS ${d.double}) AS last FROM (${rowDays(d, kind, source)}) x`
  );
}

/** `after`: usable rows dated after the as-of day. */
export function rowsAfterSql(d: Dialect, kind: StatsKind, source: TableSource<string>, asOf: number): string {
  return `SELECT CAST(COUNT(*) AS ${d.double}) AS after FROM (${rowDays(d, kind, source)}) x WHERE day > ${Math.floor(asOf)}`;
}

/** `txt`: the distinct texts of the spend table's period column (read into spans by the engine's calendar). */
export function spendPeriodTextsSql(d: Dialect, source: TableSource<string>): string | null {
  const period = (source.columns as Record<string, SourceColumn | undefined>).period;
  if (!period) return null;
  return `SELECT DISTINCT ${d.label(d.ident(period.name), period.type)} AS txt FROM ${source.relation}`;
}
