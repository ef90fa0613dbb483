/**
 * Variance columns in the IBCS manner: an absolute change (rates in percentage points), a relative
 * change, and a bar in a column of its own (never under the number), coloured green when good and
 * red when bad with lower-is-better respected. Each formula carries its cached result, computed
 * here the way Excel computes the formula.
 */
import type { MetricDefinition } from '../core/metrics/definition';
import type { MetricValue } from '../core/errors';
import type { CellPlan, ConditionalFormatPlan, PlanValue } from './plan';
import { UNDEFINED_TEXT } from './plan';
import { CONDITIONAL_STYLES, PALETTE } from './styles';
import type { NumberFormats } from './formats';
import { isRate } from './formats';

/**
 * The number format of a bar cell: shows nothing, so only the bar is drawn (every program honours
 * it, where some ignore a data bar's "show bar only").
 */
export const BAR_ONLY = ';;;';

/** Column letters of one comparison's three cells. */
export interface ChangeColumns {
  readonly change: string;
  readonly percent: string;
  readonly bar: string;
}

/** Columns coloured and barred by {@link varianceFormats}: the absolute change may be absent. */
export type VarianceColumns = Omit<ChangeColumns, 'change'> & { readonly change?: string };

/** A number a formula can see, or `undefined`. */
export function numberOf(value: MetricValue | PlanValue | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** What a variance row needs to know for its colours and its bar scale. */
export interface VarianceRow {
  readonly row: number;
  readonly better: 'higher' | 'lower';
  readonly rate: boolean;
  /** The bar values of the row (one per comparison), for the scale. */
  readonly bars: readonly (number | undefined)[];
}

/** How {@link changeCells} shows a comparison that cannot be made. */
export interface ChangeOptions {
  /**
   * Leave the cells empty (not "—") while the base cell holds no number: a comparison with a goal
   * that is not set is not a missing value.
   */
  readonly emptyWithoutBase?: boolean;
}

/**
 * The three cells comparing `actual` (in cell `actualCell`) with `base` (in `baseCell`) on row `r`.
 * @example changeCells(8, 'B8', 'C8', 120, 100, revenueDef, formats, { change: 'D', percent: 'E', bar: 'F' })
 */
export function changeCells(
  r: number,
  actualCell: string,
  baseCell: string,
  actual: MetricValue | PlanValue | undefined,
  base: MetricValue | PlanValue | undefined,
  def: Pick<MetricDefinition, 'unit'>,
  formats: NumberFormats,
  columns: ChangeColumns,
  options: ChangeOptions = {},
): { cells: CellPlan[]; bar: number | undefined } {
  const rate = isRate(def.unit);
  const a = numberOf(actual);
  const b = numberOf(base);
  const both = `AND(ISNUMBER(${actualCell}),ISNUMBER(${baseCell}))`;
  const change = a !== undefined && b !== undefined ? (rate ? (a - b) * 100 : a - b) : undefined;
  const empty = options.emptyWithoutBase === true;
  // Without a base: "" when asked (and the cached result says so), else the dash.
  const guard = (formula: string): string =>
    empty ? `IF(NOT(ISNUMBER(${baseCell})),"",${formula})` : formula;
  const missing: PlanValue = empty && b === undefined ? '' : UNDEFINED_TEXT;
  const cells: CellPlan[] = [
    {
      ref: `${columns.change}${r}`,
      formula: guard(
        rate
          ? `IF(${both},(${actualCell}-${baseCell})*100,"${UNDEFINED_TEXT}")`
          : `IF(${both},${actualCell}-${baseCell},"${UNDEFINED_TEXT}")`,
      ),
      result: change ?? missing,
      format: formats.change(def.unit),
      style: 'body',
    },
  ];
  let bar: number | undefined;
  if (rate) {
    cells.push({ ref: `${columns.percent}${r}`, value: null });
    bar = change;
  } else {
    const relative = a !== undefined && b !== undefined && b !== 0 ? (a - b) / Math.abs(b) : undefined;
    cells.push({
      ref: `${columns.percent}${r}`,
      formula: guard(
        `IF(AND(${both},${baseCell}<>0),(${actualCell}-${baseCell})/ABS(${baseCell}),"${UNDEFINED_TEXT}")`,
      ),
      result: relative ?? missing,
      format: formats.percentChange,
    });
    bar = relative;
  }
  const source = rate ? `${columns.change}${r}` : `${columns.percent}${r}`;
  cells.push({
    ref: `${columns.bar}${r}`,
    formula: `IF(ISNUMBER(${source}),${source},"")`,
    result: bar ?? '',
    format: BAR_ONLY,
  });
  return { cells, bar };
}

/** Runs of consecutive rows that share colours (`better`) and bar unit (`rate`). */
function runs(
  rows: readonly VarianceRow[],
): { top: number; bottom: number; better: 'higher' | 'lower'; rate: boolean }[] {
  const sorted = [...rows].sort((x, y) => x.row - y.row);
  const out: { top: number; bottom: number; better: 'higher' | 'lower'; rate: boolean }[] = [];
  for (const row of sorted) {
    const last = out[out.length - 1];
    if (last && last.bottom === row.row - 1 && last.better === row.better && last.rate === row.rate)
      last.bottom = row.row;
    else out.push({ top: row.row, bottom: row.row, better: row.better, rate: row.rate });
  }
  return out;
}

/**
 * A symmetric bar scale covering every value, at least ±`floor` and at most ±`ceiling`: beyond it a
 * bar is drawn full length, so one outlier (+2,800 %) does not flatten every other bar.
 */
function scaleOf(
  values: readonly (number | undefined)[],
  floor: number,
  ceiling: number,
): { min: number; max: number } {
  let m = floor;
  for (const v of values) if (v !== undefined && Math.abs(v) > m) m = Math.abs(v);
  m = Math.min(m, ceiling);
  return { min: -m, max: m };
}

/**
 * Colours and bars of variance columns: the change and percent columns' text green or red by
 * direction and `better`; one bar scale per unit (relative change, percentage points) over all the
 * given comparisons, so equal changes draw equal bars.
 */
export function varianceFormats(
  rows: readonly VarianceRow[],
  comparisons: readonly VarianceColumns[],
  textColumns: readonly string[] = [],
): ConditionalFormatPlan[] {
  const out: ConditionalFormatPlan[] = [];
  const scales = {
    rate: scaleOf(
      rows.filter((r) => r.rate).flatMap((r) => r.bars),
      1,
      50,
    ),
    relative: scaleOf(
      rows.filter((r) => !r.rate).flatMap((r) => r.bars),
      0.1,
      1,
    ),
  };
  for (const run of runs(rows)) {
    const [up, down] =
      run.better === 'lower'
        ? [CONDITIONAL_STYLES.badText, CONDITIONAL_STYLES.goodText]
        : [CONDITIONAL_STYLES.goodText, CONDITIONAL_STYLES.badText];
    const coloured = [
      ...comparisons.flatMap((c) => (c.change ? [c.change, c.percent] : [c.percent])),
      ...textColumns,
    ];
    for (const column of coloured) {
      const ref = `${column}${run.top}:${column}${run.bottom}`;
      const cell = `${column}${run.top}`;
      out.push({ type: 'expression', ref, formula: `AND(ISNUMBER(${cell}),${cell}>0)`, style: up });
      out.push({ type: 'expression', ref, formula: `AND(ISNUMBER(${cell}),${cell}<0)`, style: down });
    }
    for (const c of comparisons) {
      out.push({
        type: 'dataBar',
        ref: `${c.bar}${run.top}:${c.bar}${run.bottom}`,
        color: run.better === 'lower' ? PALETTE.badBar : PALETTE.goodBar,
        negativeColor: run.better === 'lower' ? PALETTE.goodBar : PALETTE.badBar,
        showValue: false,
        scale: run.rate ? scales.rate : scales.relative,
      });
    }
  }
  return out;
}
