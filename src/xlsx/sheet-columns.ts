/**
 * A worksheet's rows stored by column as they stream in (`ColumnarCells`, as the CSV reader
 * gives), so ingestion parses each distinct value of a column once instead of once per row.
 * A workbook's cells are typed already: distinct values are told apart as values, not as objects,
 * so every row dated 5 January shares one `Date` (a `Map` would keep each row's `Date` apart and
 * a million-row date column would hold a million distinct values), and `-0` stays apart from `0`.
 * Reading a row back gives exactly the array the row-major reading gave.
 */
import type { CellValue } from '../core/cell';
import type { CellColumn, ColumnarCells } from '../core/ingest';

const ABSENT = -1;

/** `array` copied into one at least `least` long, the new room filled with `fill`. */
function grown(
  array: Int32Array<ArrayBufferLike>,
  least: number,
  fill = ABSENT,
): Int32Array<ArrayBufferLike> {
  let size = 2 * array.length;
  while (size < least) size *= 2;
  const out = new Int32Array(size);
  out.set(array);
  out.fill(fill, array.length);
  return out;
}

/** One column: codes by row and the distinct values they point to. */
class ValueColumn {
  codes: Int32Array<ArrayBufferLike>;
  readonly values: CellValue[] = [];
  /** Strings, numbers (but `-0`), booleans and `null` → code. */
  private readonly plain = new Map<CellValue, number>();
  /** Dates by their time → code. */
  private readonly dates = new Map<number, number>();
  private negativeZero = ABSENT;
  /** The last date's time and code: a date column holds runs of one day (orders come sorted). */
  private lastTime = NaN;
  private lastDateCode = ABSENT;

  constructor(capacity: number) {
    this.codes = new Int32Array(capacity).fill(ABSENT);
  }

  /** Code of `value`, added to the distinct values when new. */
  codeOf(value: CellValue): number {
    let code: number | undefined;
    if (value instanceof Date) {
      const time = value.getTime();
      if (time === this.lastTime) return this.lastDateCode;
      code = this.dates.get(time);
      if (code === undefined) this.dates.set(time, (code = this.add(value)));
      this.lastTime = time;
      this.lastDateCode = code;
    } else if (value === 0 && Object.is(value, -0)) {
      if (this.negativeZero === ABSENT) this.negativeZero = this.add(value);
      code = this.negativeZero;
    } else {
      code = this.plain.get(value);
      if (code === undefined) this.plain.set(value, (code = this.add(value)));
    }
    return code;
  }

  private add(value: CellValue): number {
    this.values.push(value);
    return this.values.length - 1;
  }
}

/**
 * Rows pushed in order, dense from column A (`null` where a row has no cell before a later one).
 * @example
 * const columns = new SheetColumns();
 * columns.push(['Date', 'Amount']);
 * columns.push([new Date(Date.UTC(2026, 0, 5)), 12.5]);
 * columnarRows(columns.finish()) // [['Date', 'Amount'], [Date 2026-01-05, 12.5]]
 */
export class SheetColumns {
  private readonly columns: ValueColumn[] = [];
  private widths: Int32Array<ArrayBufferLike> = new Int32Array(1024);
  private rows = 0;

  /** Rows pushed so far. */
  get rowCount(): number {
    return this.rows;
  }

  /** Adds a row (`[]` for an empty one). */
  push(values: readonly CellValue[]): void {
    const r = this.rows;
    if (r >= this.widths.length) this.widths = grown(this.widths, r + 1, 0);
    this.widths[r] = values.length;
    for (let c = 0; c < values.length; c++) {
      let column = this.columns[c];
      if (column === undefined) {
        while (this.columns.length <= c) this.columns.push(new ValueColumn(this.widths.length));
        column = this.columns[c];
      }
      if (r >= column.codes.length) column.codes = grown(column.codes, this.widths.length);
      column.codes[r] = column.codeOf(values[c]);
    }
    this.rows = r + 1;
  }

  /** The cells pushed. */
  finish(): ColumnarCells {
    const rowCount = this.rows;
    const columns: CellColumn[] = this.columns.map((column) => {
      const codes = column.codes.length >= rowCount ? column.codes : grown(column.codes, rowCount);
      return { codes: codes.subarray(0, rowCount), values: column.values };
    });
    return { rowCount, widths: this.widths.subarray(0, rowCount), columns };
  }
}
