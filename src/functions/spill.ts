/**
 * Spilled results. Excel turns a whole spill into `#VALUE!` when any element is an error object
 * (office-js #2174), so a spill holds only numbers and text: a value that cannot be computed is
 * `""` (nothing to show, e.g. the average of an empty period) or the text `"#N/A"` (a cohort
 * offset that has not happened yet). Every spill is rectangular and starts with a header row.
 */
import { isMetricError } from '../core/errors';
import { periodAt, periodIndex } from '../core/periods';
import { columnArg, optionalTextArg, periodArg, textColumnArg } from './args';
import { serialOf } from './date-system';
import { ordersFromColumns, requireSameLength } from './columns';
import { excelError, invalidArgument } from './errors';
import { latestDay } from './window';

export type SpillCell = number | string;
export type Spill = SpillCell[][];

/** Text shown in a spill where a value is not available (text, not an error object). */
export const NOT_AVAILABLE_TEXT = '#N/A';

/** A spill-safe cell: finite numbers and text pass; anything else becomes `""` or `"#N/A"`. */
export function spillCell(value: unknown): SpillCell {
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isMetricError(value)) return NOT_AVAILABLE_TEXT;
  return '';
}

/**
 * A rectangular spill: header then rows, each padded with `""` (or cut) to the header's width.
 * @example spill(['Period', 'Revenue'], [['2026-01', 10], ['2026-02']]) // [[…], ['2026-01', 10], ['2026-02', '']]
 */
export function spill(header: readonly string[], rows: readonly (readonly unknown[])[]): Spill {
  const width = header.length;
  if (rows.length + 1 > 1_048_576) throw excelError('#NUM!');
  const out: Spill = [header.slice()];
  for (const row of rows) {
    const cells: SpillCell[] = new Array(width);
    for (let c = 0; c < width; c++) cells[c] = c < row.length ? spillCell(row[c]) : '';
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
 * distinct and `""` for average, min and max. Non-number values count for count and distinct only.
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
            ? ''
            : aggregate === 'average'
              ? sums[p] / counts[p]
              : aggregate === 'min'
                ? mins[p]
                : maxs[p];
    rows.push([at.key, serialOf(at.start), value]);
  }
  return spill(['Period', 'Start', AGGREGATE_LABEL[aggregate]], rows);
}
