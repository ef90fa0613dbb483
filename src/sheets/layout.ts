/**
 * A small top-down layout helper for plan builders: sections stack down the sheet, tables
 * sit in columns A…, charts beside them on the right. It only accumulates plan data.
 */
import { toA1, columnLetters, sheetRef } from './a1';
import type { AreaPlan, CellPlan, ChartPlan, ConditionalFormatPlan, SheetPlan, TablePlan } from './plan';
import { textCell } from './plan';
import type { StyleRef } from './styles';
import { isMetricError, type MetricValue } from '../core/errors';

/** First column of the chart area and its width in columns. */
export const CHART_COLUMN = 11;
export const CHART_WIDTH = 8;
/** Rows a chart needs to be legible. */
export const CHART_ROWS = 16;

export class PlanLayout {
  readonly cells: CellPlan[] = [];
  readonly merges: string[] = [];
  readonly conditionalFormats: ConditionalFormatPlan[] = [];
  readonly tables: TablePlan[] = [];
  readonly charts: ChartPlan[] = [];
  readonly areas: AreaPlan[] = [];
  readonly namedRanges: { name: string; ref: string }[] = [];
  /** Next free row. */
  row = 1;

  constructor(readonly sheetName: string) {}

  put(cell: CellPlan): void {
    this.cells.push(cell);
  }

  /** A section title across the table columns; returns its row. */
  section(title: string, width = 9): number {
    const r = this.row;
    this.put(textCell(toA1(r, 1), title, 'section'));
    for (let c = 2; c <= width; c++) this.put({ ref: toA1(r, c), value: null, style: 'section' });
    this.row += 1;
    return r;
  }

  /** A one-line note (for example what a section is missing). */
  note(text: string, style: StyleRef = 'note'): void {
    this.put(textCell(toA1(this.row, 1), text, style));
    this.row += 1;
  }

  /** A header row of texts starting at column 1; returns its row. */
  header(texts: readonly string[]): number {
    const r = this.row;
    texts.forEach((t, i) => this.put(textCell(toA1(r, i + 1), t, 'header')));
    this.row += 1;
    return r;
  }

  /** Sheet-qualified absolute reference to a column block on this sheet. */
  ref(top: number, column: number, bottom: number, right = column): string {
    return sheetRef(this.sheetName, { top, left: column, bottom, right });
  }

  /** Places a chart beside rows starting at `top`, and makes sure the section is tall enough. */
  chartBeside(top: number, chart: Omit<ChartPlan, 'anchor'>): void {
    this.charts.push({
      ...chart,
      anchor: {
        from: toA1(top, CHART_COLUMN),
        to: toA1(top + CHART_ROWS - 1, CHART_COLUMN + CHART_WIDTH - 1),
      },
    });
    this.row = Math.max(this.row, top + CHART_ROWS);
  }

  /** Skips a blank row between sections. */
  gap(): void {
    this.row += 1;
  }

  build(extra: Partial<SheetPlan> & Pick<SheetPlan, 'columns'>): SheetPlan {
    return {
      name: this.sheetName,
      cells: this.cells,
      merges: this.merges,
      conditionalFormats: this.conditionalFormats,
      tables: this.tables,
      charts: this.charts,
      namedRanges: this.namedRanges,
      areas: this.areas,
      ...extra,
    };
  }
}

/**
 * A metric value as a cell: numbers with the format, errors as their Excel error text and the
 * reason as a note (so a reader sees why), nothing for `null`.
 */
export function metricCell(
  ref: string,
  value: MetricValue | null | undefined,
  format: string,
  style?: StyleRef,
): CellPlan {
  if (value === null || value === undefined) return { ref, value: null, ...(style ? { style } : {}) };
  if (isMetricError(value)) return { ref, value: value.error, note: value.reason, style: style ?? 'neutral' };
  return { ref, value, format, ...(style ? { style } : {}) };
}

/** Column letter shorthand for formulas. */
export const col = columnLetters;
