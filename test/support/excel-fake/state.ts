/**
 * The workbook the fake keeps: sheets with cells, formats, merges, conditional formats, tables,
 * charts, validations, page setup and notes, and workbook names. Sheets are objects: renaming one
 * rewrites the formulas that refer to it, deleting one turns them into `#REF!`, as Excel does.
 */
import { formatRange, parseRange, quoteSheetName, type CellRange } from '../../../src/sheets/a1';
import { renameSheetRefs, type FakeValue } from './typing';

export const MAX_ROW = 1048576;
export const MAX_COLUMN = 16384;

/** An error the way Office.js reports one: `code`, message and where it happened. */
export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(location ? { errorLocation: location } : {}) };
  }
}

export const officeError = (code: string, message: string): FakeOfficeError =>
  new FakeOfficeError(code, message);

export interface Border {
  readonly style: string;
  readonly color: string;
  readonly weight: string;
}

export interface FormatState {
  font: { name: string; size: number; bold: boolean; italic: boolean; color: string };
  fill?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  borders: Record<string, Border>;
  locked: boolean;
  quotePrefix?: boolean;
}

export const defaultFormat = (): FormatState => ({
  font: { name: 'Aptos Narrow', size: 11, bold: false, italic: false, color: '#000000' },
  borders: {},
  locked: true,
});

export interface CellState {
  value?: FakeValue;
  formula?: string;
  numberFormat?: string;
  format: FormatState;
  note?: string;
}

export interface RangeRef {
  readonly sheet: SheetState;
  readonly rect: CellRange;
}

export interface NameState {
  readonly name: string;
  readonly ref?: RangeRef;
  /** A name that is not a range (a constant or formula). */
  readonly formula?: string;
}

export interface CfState {
  readonly id: string;
  readonly sheet: SheetState;
  readonly type: string;
  readonly rect: CellRange;
  /** Type-specific settings, as plain data (rule, criteria, bar colours, …). */
  readonly props: Record<string, unknown>;
}

export interface TableState {
  readonly id: string;
  name: string;
  rect: CellRange;
  style: string;
  showBandedRows: boolean;
  showHeaders: boolean;
  /** The last row is a totals row. */
  showTotals?: boolean;
}

export interface SeriesState {
  name: string;
  values?: RangeRef;
  xValues?: RangeRef;
  fill?: string;
  line?: string;
  /** `Continuous`, `Dash`, `RoundDot`… (ChartLineFormat.lineStyle). */
  lineStyle?: string;
  /** Line weight in points. */
  lineWeight?: number;
  /** Formatting of single points, by 0-based index. */
  points?: Record<number, PointState>;
}

export interface PointState {
  markerStyle?: string;
  markerSize?: number;
  markerBackgroundColor?: string;
  markerForegroundColor?: string;
}

export interface ChartState {
  readonly id: string;
  name: string;
  readonly type: string;
  series: SeriesState[];
  title: { text: string; visible: boolean };
  legend: { visible: boolean; position: string };
  axes: Record<'category' | 'value', Record<string, unknown>>;
  position?: { from: string; to: string };
}

export class SheetState {
  visibility = 'Visible';
  tabColor = '';
  readonly cells = new Map<number, CellState>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  merges: CellRange[] = [];
  cfs: CfState[] = [];
  tables: TableState[] = [];
  charts: ChartState[] = [];
  validations: { rect: CellRange; rule: unknown; errorAlert?: unknown; ignoreBlanks?: boolean }[] = [];
  protection: { protected: boolean; password?: string } = { protected: false };
  freeze = { rows: 0, columns: 0 };
  page: { orientation: string; zoom: Record<string, number>; printArea: string; titleRows: string } = {
    orientation: 'Portrait',
    zoom: { scale: 100 },
    printArea: '',
    titleRows: '',
  };
  /** Rows that start a new page. */
  pageBreaks: number[] = [];
  readonly names = new Map<string, NameState>();
  deleted = false;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  static key(row: number, column: number): number {
    return row * (MAX_COLUMN + 1) + column;
  }

  cell(row: number, column: number): CellState {
    const key = SheetState.key(row, column);
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { format: defaultFormat() }));
    return cell;
  }

  peek(row: number, column: number): CellState | undefined {
    return this.cells.get(SheetState.key(row, column));
  }

  /** Calls `fn` for each stored cell inside `rect` (cells never touched are not visited). */
  eachStored(rect: CellRange, fn: (cell: CellState, row: number, column: number) => void): void {
    const area = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    if (area > this.cells.size) {
      for (const [key, cell] of this.cells) {
        const row = Math.floor(key / (MAX_COLUMN + 1));
        const column = key % (MAX_COLUMN + 1);
        if (row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right)
          fn(cell, row, column);
      }
      return;
    }
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = this.peek(r, c);
        if (cell) fn(cell, r, c);
      }
  }
}

export const intersects = (a: CellRange, b: CellRange): boolean =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** `A1:B2`, `$A$1`, `A:C`, `3:5`, or the whole sheet (no address). */
export function parseAddress(address: string | undefined): CellRange | undefined {
  if (address === undefined || address === '') return { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COLUMN };
  const plain = address.replace(/\$/g, '').toUpperCase();
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(plain);
  if (cols) {
    const a = parseRange(`${cols[1]}1:${cols[2]}${MAX_ROW}`);
    return a;
  }
  const rows = /^(\d+):(\d+)$/.exec(plain);
  if (rows) {
    const top = Number(rows[1]);
    const bottom = Number(rows[2]);
    if (top < 1 || bottom > MAX_ROW || top > bottom) return undefined;
    return { top, left: 1, bottom, right: MAX_COLUMN };
  }
  return parseRange(plain);
}

export const refText = (ref: RangeRef): string =>
  ref.sheet.deleted ? '#REF!' : `${quoteSheetName(ref.sheet.name)}!${formatRange(ref.rect, true)}`;

export class WorkbookState {
  /** Dates count from 1904 (`DATE(1904,1,1)` is serial 0). */
  date1904 = false;
  readonly sheets: SheetState[] = [];
  readonly names = new Map<string, NameState>();
  protection = { protected: false };
  active?: SheetState;
  private nextId = 1;

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  uniqueId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  assertStructureEditable(): void {
    if (this.protection.protected) throw officeError('AccessDenied', 'The workbook structure is protected.');
  }

  addSheet(name: string | undefined): SheetState {
    this.assertStructureEditable();
    let chosen = name;
    if (chosen === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheet(`Sheet${n}`)) n++;
      chosen = `Sheet${n}`;
    }
    validateSheetName(chosen, this);
    const sheet = new SheetState(this.uniqueId('sheet'), chosen);
    this.sheets.push(sheet);
    if (!this.active) this.active = sheet;
    return sheet;
  }

  renameSheet(sheet: SheetState, name: string): void {
    if (sheet.name === name) return;
    this.assertStructureEditable();
    validateSheetName(name, this, sheet);
    const old = sheet.name;
    sheet.name = name;
    this.rewriteFormulas((f) => renameSheetRefs(f, old, name));
  }

  deleteSheet(sheet: SheetState): void {
    this.assertStructureEditable();
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet)
      throw officeError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    if (this.active === sheet) this.active = this.sheets.find((s) => s.visibility === 'Visible');
    this.rewriteFormulas((f) => renameSheetRefs(f, sheet.name, null));
  }

  moveSheet(sheet: SheetState, position: number): void {
    this.assertStructureEditable();
    const from = this.sheets.indexOf(sheet);
    this.sheets.splice(from, 1);
    this.sheets.splice(Math.max(0, Math.min(position, this.sheets.length)), 0, sheet);
  }

  setVisibility(sheet: SheetState, visibility: string): void {
    if (!['Visible', 'Hidden', 'VeryHidden'].includes(visibility))
      throw officeError('InvalidArgument', `Unknown visibility ${visibility}`);
    this.assertStructureEditable();
    const others = this.sheets.filter((s) => s !== sheet && s.visibility === 'Visible');
    if (visibility !== 'Visible' && others.length === 0)
      throw officeError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
    sheet.visibility = visibility;
    if (visibility !== 'Visible' && this.active === sheet) this.active = others[0];
  }

  tables(): TableState[] {
    return this.sheets.flatMap((s) => s.tables);
  }

  /** True when a table or a workbook name already uses `name` (they share one namespace). */
  nameInUse(name: string, except?: TableState): boolean {
    const key = name.toLowerCase();
    return this.names.has(key) || this.tables().some((t) => t !== except && t.name.toLowerCase() === key);
  }

  private rewriteFormulas(fn: (formula: string) => string): void {
    for (const sheet of this.sheets)
      for (const cell of sheet.cells.values()) if (cell.formula) cell.formula = fn(cell.formula);
  }
}

function validateSheetName(name: string, workbook: WorkbookState, self?: SheetState): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name))
    throw officeError('InvalidArgument', `"${name}" is not a valid sheet name.`);
  const other = workbook.sheet(name);
  if (other && other !== self)
    throw officeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
}

const NAME_PATTERN = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

/** Excel's rule for defined and table names: a letter first, no spaces, not a cell address. */
export function validateDefinedName(name: string): void {
  const looksLikeCell =
    /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]\d*$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name);
  if (!NAME_PATTERN.test(name) || looksLikeCell || name.length > 255)
    throw officeError('InvalidArgument', `"${name}" is not a valid name.`);
}
