/**
 * The sheet plan: a declarative, JSON-serialisable description of one product sheet.
 * `src/sheets` builds plans from engine results; `src/xlsx` (ExcelJS) and `src/excel`
 * (Office.js) render them. A plan says *what* the sheet contains, never *how* to write it.
 *
 * Rule every renderer keeps: a `value` string is literal text, even when it starts with
 * `=`, `+`, `-` or `@`; only `formula` produces a formula.
 */
import type { StyleRef, ConditionalStyle } from './styles';

/** A cell's literal content. `null` clears the cell. */
export type PlanValue = string | number | boolean | null;

export interface CellPlan {
  /** A1 address on the plan's sheet, e.g. `B3`. */
  readonly ref: string;
  readonly value?: PlanValue;
  /** Formula without the leading `=`, Excel 2016 functions only. */
  readonly formula?: string;
  /** The value a formula is expected to give, written as the cached result when known. */
  readonly result?: PlanValue;
  /** Excel number format, e.g. `#,##0` or `0.0%`. */
  readonly format?: string;
  readonly style?: StyleRef;
  /** A cell comment. */
  readonly note?: string;
}

/** Who owns a block of cells: `computed` is rewritten on refresh, `people` is preserved. */
export type AreaOwner = 'computed' | 'people';

export interface AreaPlan {
  /** A1 range on the plan's sheet. */
  readonly ref: string;
  readonly owner: AreaOwner;
  /** What the area holds, e.g. `actions`; lets a refresh find last week's area. */
  readonly name?: string;
}

export type CellIsOperator =
  'greaterThan' | 'lessThan' | 'greaterThanOrEqual' | 'lessThanOrEqual' | 'equal' | 'notEqual' | 'between';

export type ConditionalFormatPlan =
  | {
      readonly type: 'cellIs';
      readonly ref: string;
      readonly operator: CellIsOperator;
      /** One formula (two for `between`), without `=`; numbers as text, e.g. `'0'`. */
      readonly formulae: readonly string[];
      readonly style: ConditionalStyle;
    }
  | {
      /** Formula relative to the top-left cell of `ref`, without `=`, e.g. `AND(C5<0,$B5="revenue")`. */
      readonly type: 'expression';
      readonly ref: string;
      readonly formula: string;
      readonly style: ConditionalStyle;
    }
  | {
      /** Two colours (min → max) or three (min → midpoint percentile 50 → max). */
      readonly type: 'colorScale';
      readonly ref: string;
      readonly colors: readonly [string, string] | readonly [string, string, string];
    }
  | {
      /** In-cell bars; negatives draw in `negativeColor` (variance bars). */
      readonly type: 'dataBar';
      readonly ref: string;
      readonly color: string;
      readonly negativeColor?: string;
      readonly showValue?: boolean;
      /**
       * A fixed scale (`[-m, m]`), so bars in several ranges of one unit are comparable; without it
       * each range scales to its own minimum and maximum.
       */
      readonly scale?: { readonly min: number; readonly max: number };
    }
  | {
      /**
       * Status icons. `thresholds` are the lower bounds of the middle and top icon as
       * numbers (or percents when `percent`), e.g. `[0.9, 1]` for attainment.
       */
      readonly type: 'iconSet';
      readonly ref: string;
      readonly iconSet: '3TrafficLights1' | '3Arrows' | '3Symbols' | '3Flags';
      readonly thresholds: readonly [number, number];
      readonly percent?: boolean;
      readonly reverse?: boolean;
      readonly showValue?: boolean;
    };

export interface TablePlan {
  /** Workbook-unique table name (letters, digits, `_`). */
  readonly name: string;
  /** A1 range including the header row. */
  readonly ref: string;
  /** Header texts, left to right; must match the header cells of the plan. */
  readonly columns: readonly string[];
  readonly style?: string;
  readonly showRowStripes?: boolean;
}

export type ChartType = 'line' | 'bar' | 'column';

export interface ChartSeriesPlan {
  readonly name: string;
  /** Sheet-qualified values range, e.g. `Dashboard!$B$2:$B$13`. */
  readonly ref: string;
  /** `RRGGBB`. */
  readonly color?: string;
  /**
   * 0-based index of the point whose period is not over on the as-of day (its figure is to date):
   * a line chart draws it apart, with a hollow marker and a dashed line into it, so a month to
   * date is not read as a fall. No trend line is fitted through a series that has one.
   */
  readonly partialPoint?: number;
  /** How a line series is drawn: `solid` (default), `dashed` (a forecast) or `dotted` (an interval's end). */
  readonly lineStyle?: 'solid' | 'dashed' | 'dotted';
  /** Width of a line series in points (default 2.25). */
  readonly lineWidth?: number;
}

export interface ChartPlan {
  /** `line`; `bar` = clustered horizontal bars; `column` = clustered vertical bars. */
  readonly type: ChartType;
  readonly title: string;
  /** Cells the chart covers, top-left and bottom-right, e.g. `{ from: 'A1', to: 'H15' }`. */
  readonly anchor: { readonly from: string; readonly to: string };
  /** Sheet-qualified category range, e.g. `Dashboard!$A$2:$A$13`. */
  readonly categories: string;
  readonly series: readonly ChartSeriesPlan[];
  /** Number format of the value axis, e.g. `#,##0`. */
  readonly yAxisFormat?: string;
  readonly legend?: 'bottom' | 'right' | 'none';
}

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

/** How the sheet prints: what, which way, and where pages break. */
export interface PrintPlan {
  /** Columns (`A:R`) or a range printed; whole columns follow rows people add. */
  readonly area: string;
  readonly orientation: 'landscape' | 'portrait';
  /** Scale the area to one page wide (pages run down as long as needed). */
  readonly fitToWidth: boolean;
  /** Rows repeated at the top of every page, e.g. `{ first: 1, last: 3 }`. */
  readonly titleRows?: { readonly first: number; readonly last: number };
  /** Manual page breaks: a new page starts after each of these rows. */
  readonly rowBreaks: readonly number[];
}

export interface SheetPlan {
  readonly name: string;
  /** `RRGGBB`. */
  readonly tabColor?: string;
  /** Column widths in characters, 1-based column index. */
  readonly columns: readonly { readonly index: number; readonly width: number }[];
  /** Row heights in points, 1-based row index (header rows whose texts wrap onto two lines). */
  readonly rowHeights?: readonly { readonly index: number; readonly height: number }[];
  readonly cells: readonly CellPlan[];
  /** A1 ranges to merge. */
  readonly merges: readonly string[];
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
  readonly tables?: readonly TablePlan[];
  readonly charts: readonly ChartPlan[];
  /** Workbook-level names; `ref` is sheet-qualified (`Dashboard!$B$3`). */
  readonly namedRanges: readonly { readonly name: string; readonly ref: string }[];
  /**
   * When present, the sheet is protected (no password: a guard against slips, not
   * security) and only the `people` areas stay editable.
   */
  readonly protectedAreas?: readonly string[];
  readonly areas: readonly AreaPlan[];
  /** Drop-down lists offered in cells people type into (e.g. an action's status). */
  readonly validations?: readonly { readonly ref: string; readonly list: readonly string[] }[];
  /** How many top rows and left columns stay in view when scrolling (0 = none). */
  readonly freeze?: { readonly row: number; readonly column: number };
  readonly hidden?: SheetVisibility;
  readonly print?: PrintPlan;
  /** The workbook opens on this sheet (its tab is the active one). */
  readonly active?: boolean;
}

/** Number formats the product uses, so plans agree on how a unit looks. */
export const FORMATS = {
  money: '#,##0',
  money2: '#,##0.00',
  integer: '#,##0',
  decimal: '#,##0.00',
  percent: '0.0%',
  deltaPercent: '+0.0%;-0.0%;0.0%',
  deltaMoney: '+#,##0;-#,##0;0',
  date: 'yyyy-mm-dd',
} as const;

/** True when Excel would read this text as a formula if typed (so it needs guarding). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/**
 * A literal text cell. Renderers store `value` strings as text, so `=SUM(A1)` stays the
 * five visible characters; Office.js renderers use {@link looksLikeFormula} to guard.
 * @example textCell('B2', '=not a formula', 'note') // { ref: 'B2', value: '=not a formula', style: 'note' }
 */
export function textCell(ref: string, text: string, style?: StyleRef): CellPlan {
  return style ? { ref, value: String(text), style } : { ref, value: String(text) };
}

/**
 * A number cell with an optional format and style.
 * @example valueCell('C3', 0.25, '0.0%') // { ref: 'C3', value: 0.25, format: '0.0%' }
 */
export function valueCell(
  ref: string,
  value: number | boolean | null,
  format?: string,
  style?: StyleRef,
): CellPlan {
  return { ref, value, ...(format ? { format } : {}), ...(style ? { style } : {}) };
}

/**
 * A formula cell; a leading `=` is dropped so plans stay in one form.
 * @example formulaCell('B5', '=SUM(B2:B4)', '#,##0') // { ref: 'B5', formula: 'SUM(B2:B4)', format: '#,##0' }
 */
export function formulaCell(ref: string, formula: string, format?: string, style?: StyleRef): CellPlan {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  return { ref, formula: body, ...(format ? { format } : {}), ...(style ? { style } : {}) };
}

/** What a table shows where a value is not defined (with a note saying why). */
export const UNDEFINED_TEXT = '—';

function finiteOr(value: PlanValue | undefined): { ok: boolean; value: PlanValue | undefined } {
  return typeof value === 'number' && !Number.isFinite(value) ? { ok: false, value } : { ok: true, value };
}

/**
 * The guard every plan passes where it is built: a number that is not finite (NaN, ±Infinity)
 * cannot be stored in a workbook (`<v>NaN</v>` makes a file other programs refuse), so such a value
 * becomes {@link UNDEFINED_TEXT} with a note, and such a cached formula result is replaced by it too.
 * Chart and format numbers are checked as well. Returns the plan itself when nothing needed fixing.
 * @example guardPlan({ ...emptyPlan('S'), cells: [{ ref: 'A1', value: NaN }] }).cells[0].value // '—'
 */
export function guardPlan(plan: SheetPlan): SheetPlan {
  let changed = false;
  const cells = plan.cells.map((cell) => {
    const value = finiteOr(cell.value);
    const result = finiteOr(cell.result);
    if (value.ok && result.ok) return cell;
    changed = true;
    const note = cell.note ?? 'Not defined for this period (the calculation has no finite result).';
    if (!value.ok) {
      const { format: _format, ...rest } = cell;
      return { ...rest, value: UNDEFINED_TEXT, note };
    }
    return { ...cell, result: UNDEFINED_TEXT };
  });
  const conditionalFormats = plan.conditionalFormats.map((cf) => {
    if (
      cf.type === 'dataBar' &&
      cf.scale &&
      !(Number.isFinite(cf.scale.min) && Number.isFinite(cf.scale.max))
    ) {
      changed = true;
      const { scale: _scale, ...rest } = cf;
      return rest;
    }
    if (cf.type === 'iconSet' && !cf.thresholds.every(Number.isFinite)) {
      changed = true;
      return { ...cf, thresholds: [0.9, 1] as const };
    }
    return cf;
  });
  return changed ? { ...plan, cells, conditionalFormats } : plan;
}

/** An empty plan for a sheet, to be filled by builders. */
export function emptyPlan(name: string): SheetPlan {
  return {
    name,
    columns: [],
    cells: [],
    merges: [],
    conditionalFormats: [],
    charts: [],
    namedRanges: [],
    areas: [],
  };
}
