/**
 * Spilled results. Every spill is rectangular and starts with a header row. A value that does
 * not exist (the actual of a forecast period, a cohort step not reached yet, the average of an
 * empty period) is a `#N/A` error, and a value that cannot be computed is its own error (a growth
 * against 0 is `#DIV/0!`): charts plot neither, where `""` or text would be drawn as 0. Excel
 * keeps such errors per cell when the functions run in a shared runtime, as this add-in's do
 * (office-js #2174: older builds turned the whole spill into `#VALUE!`).
 */
import { isMetricError } from '../core/errors';
import { periodAt, periodIndex } from '../core/periods';
import { columnArg, optionalTextArg, periodArg, textColumnArg } from './args';
import { serialOf } from './date-system';
import { ordersFromColumns, requireSameLength } from './columns';
import type { ExcelFunctionError } from './errors';
import { excelError, invalidArgument, isExcelFunctionError } from './errors';
import { latestDay } from './window';

export type SpillCell = number | string | ExcelFunctionError;
export type Spill = SpillCell[][];

/** Marks a cell with no value in a row handed to `spill()`: it becomes a `#N/A` error. */
export const GAP = undefined;

/** The `#N/A` of a value that does not exist, with why (shown when hovering the cell). */
export function gap(reason = 'no value here'): ExcelFunctionError {
  return excelError('#N/A', reason);
}

/**
 * A spill cell: finite numbers and text pass; a metric error becomes that Excel error; a missing
 * value (`GAP`) or a number that is not finite becomes `#N/A`.
 */
export function spillCell(value: unknown): SpillCell {
  if (typeof value === 'number') return Number.isFinite(value) ? value : gap('not a finite number');
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isMetricError(value)) return excelError(value.error, value.reason);
  if (isExcelFunctionError(value)) return value;
  return gap();
}

/**
 * A rectangular spill: header then rows, each padded with `#N/A` gaps (or cut) to the header's
 * width.
 * @example spill(['Period', 'Revenue'], [['2026-01', 10], ['2026-02']]) // [[…], ['2026-01', 10], ['2026-02', #N/A]]
 */
export function spill(header: readonly string[], rows: readonly (readonly unknown[])[]): Spill {
  const width = header.length;
  if (rows.length + 1 > 1_048_576) throw excelError('#NUM!');
  const out: Spill = [header.slice()];
  for (const row of rows) {
    const cells: SpillCell[] = new Array(width);
    for (let c = 0; c < width; c++) cells[c] = c < row.length ? spillCell(row[c]) : gap();
    out.push(cells);
  }
  return out;
}

/** The serial of an epoch day in the workbook's date system, for date columns in spills. */
export { serialOf } from './date-system';

const AGGREGATES = ['sum', 'count', 'average', 'min', 'max', 'distinct'] as const;
type Aggregate = (typeof AGGREGATES)[number];
const AGGREGATE_ALIASES: Readonly<Record<string, Aggregate>> = {
  sum: 'sum',
  total: 'sum',
  jumlah: 'sum',
  count: 'count',
  rows: 'count',
  hitung: 'count',
  banyak: 'count',
  average: 'average',
  avg: 'average',
  mean: 'average',
  'rata-rata': 'average',
  ratarata: 'average',
  min: 'min',
  minimum: 'min',
  max: 'max',
  maximum: 'max',
  maksimum: 'max',
  distinct: 'distinct',
  unique: 'distinct',
  unik: 'distinct',
};
const AGGREGATE_LABEL: { readonly [K in Aggregate]: string } = {
  sum: 'Sum',
  count: 'Count',
  average: 'Average',
  min: 'Min',
  max: 'Max',
  distinct: 'Distinct',
};

/**
 * SALES.BYPERIOD(dates, values, period, [agg]): one row per period from the first date's period to
 * the last's, with `agg` (sum — the default —, count, average, min, max, distinct) of the values.
 * Columns: Period (key), Start (date serial), the aggregate. Empty periods show 0 for sum, count and
 * distinct and `#N/A` for average, min and max (a chart leaves them out rather than drawing 0).
 * Non-number values count for count and distinct only.
 * @example byPeriod(dates, amounts, 'month', null) // [['Period','Start','Sum'], ['2026-01', 46023, 120], …]
 */
export function byPeriod(dates: unknown, values: unknown, period: unknown, agg: unknown): Spill {
  const unit = periodArg(period, 'period');
  const aggText = optionalTextArg(agg, 'agg');
  const aggregate: Aggregate | undefined =
    aggText === undefined ? 'sum' : AGGREGATE_ALIASES[aggText.toLowerCase()];
  if (!aggregate) invalidArgument('agg', `'${aggText}' is not one of ${AGGREGATES.join(', ')}`);
  const numeric = aggregate !== 'count' && aggregate !== 'distinct';
  const dateCells = columnArg(dates, 'dates');
  // Counted values are read like a text column: a 0 is an empty cell on older builds.
  const valueCells = numeric ? columnArg(values, 'values') : textColumnArg(values, 'values');
  requireSameLength([
    { name: 'dates', cells: dateCells },
    { name: 'values', cells: valueCells },
  ]);
  const table = ordersFromColumns({
    dates: dateCells,
    amounts: numeric ? valueCells : undefined,
    customers: numeric ? undefined : valueCells,
    names: { amounts: 'values', customers: 'values' },
  });
  const first = periodIndex(
    table.date.reduce((a, b) => Math.min(a, b), Infinity),
    unit,
  );
  const last = periodIndex(latestDay(table.date), unit);
  const count = last - first + 1;
  const sums = new Float64Array(count);
  const counts = new Float64Array(count);
  const mins = new Float64Array(count).fill(Infinity);
  const maxs = new Float64Array(count).fill(-Infinity);
  const seen = aggregate === 'distinct' ? new Set<number>() : undefined;
  const codes = table.customer?.codes;
  const distinctWidth = table.customer ? table.customer.dictionary.length + 1 : 0;
  for (let i = 0; i < table.length; i++) {
    const p = periodIndex(table.date[i], unit) - first;
    if (codes) {
      if (codes[i] < 0) continue;
      if (seen) {
        const key = p * distinctWidth + codes[i];
        if (seen.has(key)) continue;
        seen.add(key);
      }
      counts[p]++;
      continue;
    }
    const v = table.amount[i];
    sums[p] += v;
    counts[p]++;
    if (v < mins[p]) mins[p] = v;
    if (v > maxs[p]) maxs[p] = v;
  }
  const rows: unknown[][] = [];
  for (let p = 0; p < count; p++) {
    const at = periodAt(first + p, unit);
    const empty = counts[p] === 0;
    const value =
      aggregate === 'sum'
        ? sums[p]
        : aggregate === 'count' || aggregate === 'distinct'
          ? counts[p]
          : empty
            ? GAP
            : aggregate === 'average'
              ? sums[p] / counts[p]
              : aggregate === 'min'
                ? mins[p]
                : maxs[p];
    rows.push([at.key, serialOf(at.start), value]);
  }
  return spill(['Period', 'Start', AGGREGATE_LABEL[aggregate]], rows);
}
