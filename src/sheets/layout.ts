/**
 * A small top-down layout helper for plan builders: sections stack down the sheet, tables
 * sit in columns A…, charts beside them on the right. It only accumulates plan data.
 */
import { toA1, columnLetters, sheetRef } from './a1';
import type { AreaPlan, CellPlan, ChartPlan, ConditionalFormatPlan, SheetPlan, TablePlan } from './plan';
import { guardPlan, textCell, UNDEFINED_TEXT } from './plan';
import type { RowBlock } from './print';
import type { StyleRef } from './styles';
import { isMetricError, type MetricValue } from '../core/errors';

/** First column of the chart area and its width in columns. */
export const CHART_COLUMN = 11;
export const CHART_WIDTH = 8;
/** Header texts longer than this wrap onto a second line in the product's column widths. */
const HEADER_LINE = 11;
/** Points of a row holding two lines of 11-point text. */
export const TWO_LINES = 30;
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
  /** First row of every section, for page breaks between them. */
  private readonly sectionStarts: number[] = [];
  /** Header rows whose texts wrap onto two lines. */
  private readonly tall = new Set<number>();

  constructor(readonly sheetName: string) {}

  put(cell: CellPlan): void {
    this.cells.push(cell);
  }

  /** A section title across the table columns; returns its row. */
  section(title: string, width = 9): number {
    const r = this.row;
    this.sectionStarts.push(r);
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

  /**
   * A header row starting at column 1: each column a text, or a text and the note its cell
   * carries; returns its row.
   */
  header(columns: readonly (string | readonly [string, string?])[]): number {
    const r = this.row;
    columns.forEach((column, i) => {
      const [text, note] = typeof column === 'string' ? [column] : column;
      this.put({ ...textCell(toA1(r, i + 1), text, 'header'), ...(note ? { note } : {}) });
      if (text.length > HEADER_LINE) this.tallRow(r);
    });
    this.row += 1;
    return r;
  }

  /** Gives row `r` the height of two lines of text (a header that wraps). */
  tallRow(r: number): void {
    this.tall.add(r);
  }

  /** Sheet-qualified absolute reference to a column block on this sheet. */
  ref(top: number, column: number, bottom: number, right = column): string {
    return sheetRef(this.sheetName, { top, left: column, bottom, right });
  }

  /**
   * Places a chart beside rows starting at `top` (from column `column`, `CHART_COLUMN` unless a
   * table is wider), and makes sure the section is tall enough.
   */
  chartBeside(top: number, chart: Omit<ChartPlan, 'anchor'>, column = CHART_COLUMN): void {
    this.charts.push({
      ...chart,
      anchor: {
        from: toA1(top, column),
        to: toA1(top + CHART_ROWS - 1, column + CHART_WIDTH - 1),
      },
    });
    this.row = Math.max(this.row, top + CHART_ROWS);
  }

  /** Skips a blank row between sections. */
  gap(): void {
    this.row += 1;
  }

  /** The rows of each section, from its title to the row before the next section (or the last row). */
  blocks(): RowBlock[] {
    const starts = [...new Set(this.sectionStarts)].sort((a, b) => a - b);
    return starts.map((top, i) => ({
      top,
      bottom: i + 1 < starts.length ? starts[i + 1] - 1 : Math.max(top, this.row - 1),
    }));
  }

  build(extra: Partial<SheetPlan> & Pick<SheetPlan, 'columns'>): SheetPlan {
    return guardPlan({
      name: this.sheetName,
      cells: this.cells,
      merges: this.merges,
      conditionalFormats: this.conditionalFormats,
      tables: this.tables,
      charts: this.charts,
      namedRanges: this.namedRanges,
      areas: this.areas,
      ...(this.tall.size > 0
        ? { rowHeights: [...this.tall].sort((a, b) => a - b).map((index) => ({ index, height: TWO_LINES })) }
        : {}),
      ...extra,
    });
  }
}

/**
 * A metric value as a cell: numbers with the format; a value that cannot be computed as a dash
 * with a note saying why and which Excel error a formula would give; nothing for `null`.
 */
export function metricCell(
  ref: string,
  value: MetricValue | null | undefined,
  format: string,
  style?: StyleRef,
): CellPlan {
  if (value === null || value === undefined) return { ref, value: null, ...(style ? { style } : {}) };
  if (isMetricError(value))
    return { ref, value: UNDEFINED_TEXT, note: undefinedNote(value), style: style ?? 'dash' };
  return { ref, value, format, ...(style ? { style } : {}) };
}

/** Why a value is missing, in words, with the Excel error a formula would show. */
export function undefinedNote(value: { readonly error: string; readonly reason: string }): string {
  const reason = value.reason.charAt(0).toUpperCase() + value.reason.slice(1);
  return `${reason} (${value.error} in Excel).`;
}

/** Column letter shorthand for formulas. */
export const col = columnLetters;
