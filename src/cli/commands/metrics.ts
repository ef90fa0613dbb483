/**
 * `sales-metrics metrics`: the metric catalogue over the last N periods, totals and breakdowns,
 * from orders, pipeline and marketing-spend files (issue 3's JSON contract).
 */
import type { MetricValue } from '../../core/errors';
import type { MetricDefinition, MetricId, MetricInputs } from '../../core/metrics';
import { computeSuite, getMetric, metricNotes, METRICS } from '../../core/metrics';
import type { Period } from '../../core/periods';
import { formatDay, lastPeriods } from '../../core/periods';
import type { ParsedArgs } from '../args';
import {
  asOfFlag,
  givenAsOf,
  booleanFlag,
  integerFlag,
  listFlag,
  periodFlag,
  stringFlag,
  calendarFlags,
  CALENDAR_OPTIONS,
} from '../args';
import type { Command } from '../command';
import { usageError } from '../errors';
import { formatTable, formatValue, toJson } from '../format';
import { INPUT_HELP, INPUT_OPTIONS, ordersLoadOptions, ordersPath, sideLoadOptions } from '../inputs';
import type { CliIO } from '../io';
import { progressOn } from '../io';
import type { LoadedTable } from '../load';
import { loadedCounts, loadTable } from '../load';
import { asOfLine, fileLine } from '../as-of';
import { dataDates } from '../../core/data-range';
import type { BreakdownResult } from '../../core/analyses/breakdown';
import { unattributedNote } from '../../core/analyses/breakdown';
import { breakdownIds, computeBreakdowns, dimensionsOf } from './metrics-breakdowns';
import { periodChanges } from './metrics-changes';
import type { MetricsDocument } from './metrics-json';
import { fileSummaries, issuesJson, metricsDocument, rowsJson } from './metrics-json';
import { runMetricsSql, selectMetricIds } from './metrics-sql';
import { SQL_ROUTE_HELP, SQL_ROUTE_OPTIONS, sqlRouteWanted } from '../sql-route';

const HELP = `Usage: sales-metrics metrics [ORDERS_FILE] [options]

The metric catalogue (definitions: docs/metrics.md) for the last N periods up to the as-of date,
with totals over those periods and breakdowns by dimension. Reads .csv and .xlsx files; columns
are detected from their headers (English and Indonesian names) unless mapped.

Options:
  --orders F                orders file (same as the ORDERS_FILE argument)
  --pipeline F              pipeline (leads / opportunities) file: adds the pipeline metrics
  --spend F                 marketing spend file: adds CAC, ROI, LTV:CAC and payback
  --period day|week|month|quarter|year   period length (default month)
  --last N                  number of periods up to the as-of date (default 12)
  --fiscal-start 1..12      month the fiscal year starts, for quarters and years (default 1)
  --week-start DAY          first day of the week: 1-7 or monday…sunday (default monday, ISO)
  --as-of YYYY-MM-DD        the day the report is as of (default: the latest date in the data);
                            later rows are read but not counted, and their number is shown
  --by NAME                 break the as-of period down by a column header (--by City,
                            --by "Sub-Category"), else a role (region, rep, product, category,
                            channel, segment, customer); repeatable; each key's share of the
                            total and growth on the period before
  --top N                   keep the top N keys per breakdown and gather the rest as "Others"
  --metrics id,id,...       only these metrics (default: every metric the files support)
  --json                    print one JSON document (shape below)
  -q, --quiet               no progress on stderr
${INPUT_HELP}
${SQL_ROUTE_HELP}

JSON: {"rows": {"read","used","skipped"}, "issues": [{"row","column","value","reason"}],
       "mapping": {role: header},
       "periods": [{"key","start","end","partial","days"?,"daysInPeriod"?,"to"?,
                    "metrics": {id: value},
                    "growth": {"likeForLike","comparedWith": {"key","from","to"},"metrics": {id: value}},
                    "yoy": {...the same, against the same period a year earlier}}],
       "breakdowns": {dimension: [{"key","metrics": {id: value},"share","growth"}]},
       "totals": {id: value},
       "files": [{"kind","path","sheet","rows","issues","issuesNotListed","notes"}]}
  a value is a number or {"error": "#DIV/0!"|"#N/A"|"#VALUE!"|"#NUM!", "reason": "..."};
  periods are half-open: "end" is the first day after the period. A period is "partial" when the
  as-of day falls inside it before its last day: "days" of "daysInPeriod" are counted, "to" the
  as-of day, and its growth and yoy compare the same first days of the period before and of a
  year earlier ("likeForLike": true; "from"/"to" are inclusive). rows and issues cover every
  file read, orders first (see "files" for each file's counts); mapping is the orders file's,
  or the pipeline's when there is no orders file.

Example:
  sales-metrics metrics sales.xlsx --period quarter --by region --by rep --as-of 2026-09-30 --json`;

/** Metric columns in a text breakdown table. */
const TEXT_BREAKDOWN_METRICS = 6;

async function loadInputs(args: ParsedArgs, io: CliIO, quiet: boolean) {
  const progress = progressOn(io, quiet);
  const ordersFile = ordersPath(args, 'metrics', true);
  const pipelineFile = stringFlag(args, 'pipeline');
  const spendFile = stringFlag(args, 'spend');
  if (!ordersFile && !pipelineFile)
    throw usageError('metrics needs an orders file or --pipeline F (run "sales-metrics metrics --help")');
  if (spendFile && !ordersFile)
    throw usageError('--spend needs an orders file too (CAC and ROI divide by new customers and revenue)');
  const loaded: { kind: string; file: LoadedTable<any> }[] = [];
  const orders = ordersFile
    ? await loadTable('orders', ordersFile, ordersLoadOptions(args), io, progress)
    : undefined;
  if (orders) loaded.push({ kind: 'orders', file: orders });
  const pipeline = pipelineFile
    ? await loadTable(
        'pipeline',
        pipelineFile,
        ordersFile ? sideLoadOptions(args, 'pipeline') : ordersLoadOptions(args, 'pipeline'),
        io,
        progress,
      )
    : undefined;
  if (pipeline) loaded.push({ kind: 'pipeline', file: pipeline });
  const spend = spendFile
    ? await loadTable('spend', spendFile, sideLoadOptions(args, 'spend'), io, progress)
    : undefined;
  if (spend) loaded.push({ kind: 'spend', file: spend });
  const inputs: MetricInputs = { orders: orders?.table, pipeline: pipeline?.table, spend: spend?.table };
  return { inputs, loaded, progress, mapping: (orders ?? pipeline)!.mapping };
}

async function run(args: ParsedArgs, io: CliIO): Promise<void> {
  if (sqlRouteWanted(args)) return runMetricsSql(args, io, metricsText);
  const quiet = booleanFlag(args, 'quiet');
  const unit = periodFlag(args, 'month');
  const count = integerFlag(args, 'last', 1, 10000) ?? 12;
  givenAsOf(args); // a bad --as-of stops before any file is read
  const by = listFlag(args, 'by');
  const selection = stringFlag(args, 'metrics');
  const { inputs, loaded, progress, mapping } = await loadInputs(args, io, quiet);
  const asOfChoice = asOfFlag(args, io, inputs);
  const asOf = asOfChoice.day;
  const ids = selectMetricIds(
    { orders: !!inputs.orders, pipeline: !!inputs.pipeline, spend: !!inputs.spend },
    selection,
  );
  const dimensions = dimensionsOf(by, inputs);

  const calendar = calendarFlags(args);
  const periods = lastPeriods(asOf, unit, count, calendar);
  progress.stage(
    `computing ${ids.length} metrics for ${periods.length} ${unit}${periods.length === 1 ? '' : 's'} to ${formatDay(asOf)}`,
  );
  const suite = computeSuite(inputs, ids, periods, { asOf, calendar, totals: true });
  const totals = suite.totals ?? ids.map(() => ({ error: '#N/A', reason: 'no periods' }) as MetricValue);
  const changes = periodChanges(inputs, ids, periods, suite.values, { asOf, calendar });
  let breakdowns: Record<string, BreakdownResult> = {};
  if (dimensions.length > 0) {
    const last = periods[periods.length - 1];
    progress.stage(`breaking down ${last.key} by ${dimensions.join(', ')}`);
    const byIds = breakdownIds(inputs, selection === undefined ? undefined : ids);
    breakdowns = computeBreakdowns(
      inputs,
      byIds,
      dimensions,
      last,
      { asOf, calendar },
      integerFlag(args, 'top', 1, 100000),
    );
  }
  const notes = [
    ...metricNotes(inputs, [...ids, ...Object.values(breakdowns).flatMap((b) => b.ids)], { asOf, calendar }),
    ...Object.values(breakdowns).flatMap((b) => unattributedNote(b) ?? []),
  ];
  const document: MetricsDocument = {
    ...metricsDocument({
      rows: rowsJson(loaded.map((l) => loadedCounts(l.file, asOf))),
      issues: issuesJson(loaded.map((l) => l.file.report)),
      mapping,
      periods: periods.map((period, p) => ({ period, values: suite.values[p], changes: changes[p] })),
      ids,
      breakdowns,
      totals,
      files: fileSummaries(loaded, asOf),
      asOf: asOfChoice,
      dates: dataDates(inputs, asOf),
    }),
    ...(notes.length ? { notes } : {}),
  };
  io.stdout(booleanFlag(args, 'json') ? toJson(document) : metricsText(document, ids, periods, asOf));
}

function unitOf(id: string): string {
  const def: MetricDefinition | undefined = METRICS.find((m) => m.id === id);
  return def?.unit ?? 'number';
}

function textValue(value: MetricsDocument['totals'][string], idOrUnit: string): string {
  if (typeof value === 'number') return formatValue(value, idOrUnit === 'ratio' ? 'ratio' : unitOf(idOrUnit));
  return value.error;
}

/** What the growth and yoy columns compare, and a footnote per partial period. */
function changeNotes(periods: MetricsDocument['periods']): string[] {
  const last = periods[periods.length - 1];
  const notes = periods
    .filter((p) => p.partial)
    .map(
      (p) =>
        `* ${p.key} to date: ${p.days} of ${p.daysInPeriod} days (to ${p.to})` +
        (p === last
          ? `; changes compare the same days of ${last.growth.comparedWith.key} (growth) and ${last.yoy.comparedWith.key} (yoy)`
          : ''),
    );
  if (!last.partial)
    notes.unshift(
      `growth and yoy: ${last.key} against ${last.growth.comparedWith.key} and against ${last.yoy.comparedWith.key}`,
    );
  return notes;
}

/** The readable report: one row per metric, one column per period, the last period's growth and yoy, the total. */
export function metricsText(
  doc: MetricsDocument,
  ids: readonly MetricId[],
  periods: readonly Period[],
  asOf: number,
): string {
  const out: string[] = [];
  for (const file of doc.files) {
    out.push(fileLine(file, asOf));
    for (const note of file.notes) out.push(`  note: ${note}`);
  }
  out.push(
    `mapping: ${Object.entries(doc.mapping)
      .map(([role, header]) => `${role}=${header}`)
      .join(', ')}`,
  );
  out.push(asOfLine({ day: asOf, source: doc.asOfSource }), '');
  // Growth and year over year of the last period sit next to it; a partial period is starred.
  const last = doc.periods[doc.periods.length - 1];
  const header = [
    'metric',
    ...doc.periods.map((p) => (p.partial ? `${p.key}*` : p.key)),
    'growth',
    'yoy',
    'total',
  ];
  const rows = ids.map((id) => [
    getMetric(id).label.en,
    ...doc.periods.map((p) => textValue(p.metrics[id], id)),
    textValue(last.growth.metrics[id], 'ratio'),
    textValue(last.yoy.metrics[id], 'ratio'),
    textValue(doc.totals[id], id),
  ]);
  out.push(formatTable(header, rows).replace(/\n$/, ''), ...changeNotes(doc.periods), '');
  for (const [dimension, list] of Object.entries(doc.breakdowns)) {
    // A readable width: the first few metrics that have a value somewhere (JSON has them all).
    const rowIds = Object.keys(list[0]?.metrics ?? {});
    const shown = rowIds
      .filter((id) => list.some((row) => typeof row.metrics[id] === 'number'))
      .slice(0, TEXT_BREAKDOWN_METRICS);
    const first = shown[0];
    const shareOf = (row: (typeof list)[number]) => {
      const share = first === undefined ? null : row.share[first];
      return share === null || share === undefined ? '' : textValue(share, 'ratio');
    };
    const growthOf = (row: (typeof list)[number]) =>
      first === undefined ? '' : textValue(row.growth[first], 'ratio');
    const lastKey = doc.periods[doc.periods.length - 1]?.partial
      ? `${periods[periods.length - 1].key}*`
      : periods[periods.length - 1].key;
    out.push(`by ${dimension}, ${lastKey}${first ? ` (share and growth of ${first})` : ''}`);
    out.push(
      formatTable(
        [dimension, ...shown, 'share', 'growth'],
        list.map((row) => [
          row.key,
          ...shown.map((id) => textValue(row.metrics[id], id)),
          shareOf(row),
          growthOf(row),
        ]),
      ),
    );
  }
  for (const note of doc.notes ?? []) out.push(`note: ${note}`);
  if (doc.notes?.length) out.push('');
  const failing = ids.filter((id) => typeof doc.totals[id] !== 'number');
  if (failing.length > 0) {
    out.push('not computed:');
    for (const id of failing) {
      const value = doc.totals[id];
      if (typeof value !== 'number') out.push(`  ${id}: ${value.error} ${value.reason}`);
    }
    out.push('');
  }
  if (doc.issues.length > 0) {
    const skipped = doc.rows.skipped;
    out.push(`first issues (${skipped.toLocaleString('en-US')} row${skipped === 1 ? '' : 's'} skipped):`);
    for (const issue of doc.issues.slice(0, 5))
      out.push(`  row ${issue.row}, ${issue.column}: ${issue.reason}`);
    out.push('');
  }
  return out.join('\n');
}

export const metricsCommand: Command = {
  name: 'metrics',
  summary: 'metric catalogue per period, totals and breakdowns (table or --json)',
  help: HELP,
  options: {
    ...INPUT_OPTIONS,
    ...SQL_ROUTE_OPTIONS,
    orders: { type: 'string' },
    pipeline: { type: 'string' },
    spend: { type: 'string' },
    period: { type: 'string' },
    last: { type: 'string' },
    ...CALENDAR_OPTIONS,
    'as-of': { type: 'string' },
    by: { type: 'string', multiple: true },
    top: { type: 'string' },
    metrics: { type: 'string' },
    json: { type: 'boolean' },
  },
  run,
};
