/**
 * The JSON document `sales-metrics metrics --json` prints (issue 3's contract), built from the
 * engine's results and the ingest reports.
 */
import type { CellValue } from '../../core/cell';
import type { MetricValue } from '../../core/errors';
import type { MetricId } from '../../core/metrics';
import type { Period } from '../../core/periods';
import { formatDay } from '../../core/periods';
import type { AsOfChoice, DataDates } from '../../core/data-range';
import type { IngestReport, RowCounts } from '../../core/report';
import type { Mapping } from '../../core/table';
import type { JsonMetricValue } from '../format';
import { jsonValue } from '../format';
import type { AsOfJson } from '../as-of';
import { asOfJson, rangeJson } from '../as-of';
import type { LoadedTable } from '../load';
import { loadedDates } from '../load';
import type { BreakdownResult } from '../../core/analyses/breakdown';
import type { PeriodChange, PeriodChanges } from './metrics-changes';

export interface RowsJson {
  readonly read: number;
  /** Rows counted: usable and dated up to the as-of day. */
  readonly used: number;
  readonly skipped: number;
  /** Usable rows dated after the as-of day (read = used + skipped + afterAsOf). */
  readonly afterAsOf: number;
}

export interface IssueJson {
  readonly row: number;
  readonly column: string;
  readonly value: string | number | boolean | null;
  readonly reason: string;
}

export interface FileJson {
  readonly kind: string;
  readonly path: string;
  readonly sheet?: string;
  readonly rows: RowsJson;
  /** First and last date of the file's usable rows (null for a Targets file or without dates). */
  readonly dataRange: { first: string; last: string } | null;
  /** Issues of this file listed in `issues` (they come file by file, in this order). */
  readonly issues: number;
  /** Issues counted but not listed (ingestion keeps the first ones per column). */
  readonly issuesNotListed: number;
  /** What ingestion decided and reported in words (blank rows, date order, mapping problems). */
  readonly notes: readonly string[];
}

export interface BreakdownRowJson {
  readonly key: string;
  readonly metrics: Record<string, JsonMetricValue>;
  readonly share: Record<string, JsonMetricValue | null>;
  readonly growth: Record<string, JsonMetricValue>;
}

/** What a period's growth or year over year compares with: from and to are inclusive days. */
export interface ChangeJson {
  /** True when the period is partial and both sides cover its first days only. */
  readonly likeForLike: boolean;
  readonly comparedWith: { readonly key: string; readonly from: string; readonly to: string };
  readonly metrics: Record<string, JsonMetricValue>;
}

export interface PeriodJson {
  readonly key: string;
  readonly start: string;
  /** The first day after the period (half-open). */
  readonly end: string;
  /** True when the as-of day falls inside the period before its last day: figures to date. */
  readonly partial: boolean;
  /** Partial periods only: days counted, days in the period and the last day counted. */
  readonly days?: number;
  readonly daysInPeriod?: number;
  readonly to?: string;
  readonly metrics: Record<string, JsonMetricValue>;
  /** m(P) / m(P−1) − 1, like for like when partial. */
  readonly growth: ChangeJson;
  /** m(P) / m(same period a year earlier) − 1, like for like when partial. */
  readonly yoy: ChangeJson;
}

export interface MetricsDocument extends AsOfJson {
  readonly rows: RowsJson;
  readonly issues: readonly IssueJson[];
  readonly mapping: Mapping;
  readonly periods: readonly PeriodJson[];
  /** Per dimension, the rows of the as-of period: metrics, share of the total (flows) and growth. */
  readonly breakdowns: Record<string, BreakdownRowJson[]>;
  readonly totals: Record<string, JsonMetricValue>;
  readonly files: readonly FileJson[];
  /** The rules behind figures whose values do not show them (lead-conversion cohort, spread spend, unattributed spend). */
  readonly notes?: readonly string[];
}

/** Rows read, used, skipped and after the as-of day, summed over the files. */
export function rowsJson(counts: readonly RowCounts[]): RowsJson {
  return counts.reduce(
    (sum, c) => ({
      read: sum.read + c.read,
      used: sum.used + c.used,
      skipped: sum.skipped + c.skipped,
      afterAsOf: sum.afterAsOf + c.afterAsOf,
    }),
    { read: 0, used: 0, skipped: 0, afterAsOf: 0 },
  );
}

/** A cell value as JSON: dates as ISO text, missing as null. */
function cellJson(value: CellValue): IssueJson['value'] {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

/** Every listed issue of every file, file by file. */
export function issuesJson(reports: readonly IngestReport[]): IssueJson[] {
  return reports.flatMap((r) =>
    r.issues.map((i) => ({ row: i.row, column: i.column, value: cellJson(i.value), reason: i.reason })),
  );
}

export function fileSummaries(
  loaded: readonly { kind: string; file: LoadedTable<any> }[],
  asOf: number,
): FileJson[] {
  return loaded.map(({ kind, file }) => {
    const dates = loadedDates(file, asOf);
    return fileSummary(kind, file, dates.afterAsOf, rangeJson(dates.range));
  });
}

function fileSummary(
  kind: string,
  file: LoadedTable<any>,
  afterAsOf: number,
  dataRange: FileJson['dataRange'],
): FileJson {
  const report: IngestReport = file.report;
  return {
    kind,
    path: file.path,
    ...(file.sheet ? { sheet: file.sheet } : {}),
    rows: {
      read: report.rowsRead,
      used: report.rowsUsed - afterAsOf,
      skipped: report.rowsSkipped,
      afterAsOf,
    },
    dataRange,
    issues: report.issues.length,
    issuesNotListed: report.issuesOmitted ?? 0,
    notes: report.notes ?? [],
  };
}

function record(ids: readonly MetricId[], values: readonly MetricValue[]): Record<string, JsonMetricValue> {
  const out: Record<string, JsonMetricValue> = {};
  ids.forEach((id, m) => (out[id] = jsonValue(values[m])));
  return out;
}

export interface MetricsParts {
  readonly rows: RowsJson;
  readonly issues: readonly IssueJson[];
  readonly mapping: Mapping;
  readonly periods: readonly {
    period: Period;
    values: readonly MetricValue[];
    changes: PeriodChanges;
  }[];
  readonly ids: readonly MetricId[];
  readonly breakdowns: Record<string, BreakdownResult>;
  readonly totals: readonly MetricValue[];
  readonly files: readonly FileJson[];
  /** The as-of day and where it came from. */
  readonly asOf: AsOfChoice;
  /** Each table's dates against the as-of day. */
  readonly dates: DataDates;
}

function changeJson(change: PeriodChange, ids: readonly MetricId[]): ChangeJson {
  return {
    likeForLike: change.likeForLike,
    comparedWith: {
      key: change.basePeriod.key,
      from: formatDay(change.base.start),
      to: formatDay(change.base.end - 1),
    },
    metrics: record(ids, change.changes),
  };
}

function periodJson(
  period: Period,
  values: readonly MetricValue[],
  changes: PeriodChanges,
  ids: readonly MetricId[],
): PeriodJson {
  const { coverage } = changes;
  return {
    key: period.key,
    start: formatDay(period.start),
    end: formatDay(period.end),
    partial: coverage.partial,
    ...(coverage.partial
      ? { days: coverage.days, daysInPeriod: coverage.daysInPeriod, to: formatDay(coverage.lastDay) }
      : {}),
    metrics: record(ids, values),
    growth: changeJson(changes.growth, ids),
    yoy: changeJson(changes.yoy, ids),
  };
}

/** Assembles the document; keys in the contract's order. */
export function metricsDocument(parts: MetricsParts): MetricsDocument {
  const breakdowns: MetricsDocument['breakdowns'] = {};
  for (const [dimension, result] of Object.entries(parts.breakdowns)) {
    breakdowns[dimension] = result.rows.map((row) => ({
      key: row.key,
      metrics: record(result.ids, row.values),
      share: Object.fromEntries(
        result.ids.map((id, m) => [id, row.share[m] === null ? null : jsonValue(row.share[m]!)]),
      ),
      growth: record(result.ids, row.growth),
    }));
  }
  return {
    rows: parts.rows,
    issues: parts.issues,
    mapping: parts.mapping,
    periods: parts.periods.map(({ period, values, changes }) =>
      periodJson(period, values, changes, parts.ids),
    ),
    breakdowns,
    totals: record(parts.ids, parts.totals),
    files: parts.files,
    ...asOfJson(parts.asOf, parts.dates),
  };
}
