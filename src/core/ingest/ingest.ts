/**
 * Public ingestion API: a 2-D array of cells exactly as Excel or a file reader gives them →
 * a columnar table, the role detection behind it, and a report of every row left out and why.
 *
 * Decisions (also in the report's notes):
 * - Rows above the header row (titles) are not data and are not counted.
 * - Completely blank rows are counted in `rowsSkipped` but not listed one by one; one note
 *   says how many there were.
 * - A required cell that is unusable skips its row with a `skipped` issue; an optional cell that is
 *   unusable (not blank) becomes missing with a `warning` issue.
 * - Nothing throws: a failure anywhere is returned as `error` with a null table.
 */
import type { CellValue } from '../cell';
import type {
  ColumnRole,
  DictColumn,
  OrdersTable,
  PipelineTable,
  SalesTable,
  SpendTable,
  TableKind,
  TargetsTable,
} from '../table';
import type { IngestReport } from '../report';
import { REQUIRED_ROLES } from '../table';
import type { DateOrder, DateSystem } from './dates';
import type { NumberStyle } from './numbers';
import { HEADER_SCAN_ROWS, detectHeaderRow, makeHeaders } from './headers';
import {
  type ExplicitMapping,
  type RoleDetection,
  detectRoles,
  profileColumns,
  resolveMapping,
} from './roles';
import { type Cells, type Frame, IssueLog, ROW_BLANK, ROW_SKIPPED, ROW_USED, rowAt } from './frame';
import {
  type ColumnarCells,
  type TableCells,
  columnarRow,
  columnarRows,
  isColumnar,
  rowCountOf,
  widestRow,
} from './columnar';
import { ROLE_ALIASES } from './aliases';
import { buildTable, type TableParts } from './assemble';
import { type ColumnFormat, type RoleColumn, type TextColumn, readRoleColumns } from './columns';
import { type KeyColumn, skipSummaryRows, withoutUnusedCodes } from './summary-rows';
import { type OverrideHints, TableConventions } from './conventions';
import { textShare } from './profile';
import { headerWidthOf, skipOverlongRows } from './row-shape';
import { choiceNotes, duplicateHeaderNotes, profitNotes } from './mapping-notes';
import { placeLevel } from './roles';
import { setSpareMemory } from '../spare-memory';

export interface IngestOptions {
  /**
   * Explicit role → header (or role → 0-based column index, or a mix); overrides detection.
   * Accepts a `Mapping` or a `Partial<Record<ColumnRole, number>>`.
   */
  readonly mapping?: ExplicitMapping;
  /** Day/month order of date text; else inferred per column. */
  readonly dateOrder?: DateOrder;
  /** Order used when a column gives no evidence (default `mdy`, Excel's US default). */
  readonly defaultDateOrder?: DateOrder;
  readonly dateSystem?: DateSystem;
  /** Else inferred per column. */
  readonly numberStyle?: NumberStyle;
  /** 0-based index into the array of the header row, `'none'` for headerless data; else detected. */
  readonly headerRow?: number | 'none';
  /** Sheet row number of `values[0]` (default 1), for the row numbers in the report. */
  readonly firstRowNumber?: number;
  /** Cap on stored issues (default 1000); counts stay exact. */
  readonly maxIssues?: number;
  /**
   * The field separator of a delimited text file (`,`, `;`, tab, `|`, `whitespace`); absent for
   * workbooks. It is evidence of the number style (`;` goes with decimal commas), and a row with
   * more fields than the header is a value split at an unquoted separator.
   */
  readonly delimiter?: string;
  /** How the host lets the user choose another reading; ends the notes on ambiguous readings. */
  readonly hints?: OverrideHints;
}

export interface IngestResult<T> {
  /** Null only when a required role cannot be found (see `error`). */
  readonly table: T | null;
  readonly report: IngestReport;
  readonly detection: RoleDetection;
  readonly error?: string;
  /** Required roles no column could be found for, when that is why `table` is null. */
  readonly missing?: readonly ColumnRole[];
  /** How each read column was interpreted (date order, number style), for the task pane. */
  readonly formats: readonly ColumnFormat[];
  /**
   * The notes (also in `report.notes`) on readings to check: numbers or dates that fit two
   * readings, mixed number styles, serial numbers read as dates, repeated headers, cut rows.
   */
  readonly attention?: readonly string[];
}

/** Excel's column count: wider rows are cut. */
const MAX_WIDTH = 16384;

/** Rows profiled for role detection. */
const DETECTION_SAMPLE_ROWS = 300;

const EMPTY_DETECTION: RoleDetection = { roles: {}, unassigned: [] };

function failure<T>(
  error: string,
  rowsRead: number,
  detection: RoleDetection = EMPTY_DETECTION,
  notes: string[] = [],
): IngestResult<T> {
  return {
    table: null,
    error,
    detection,
    formats: [],
    report: { rowsRead, rowsUsed: 0, rowsSkipped: rowsRead, issues: [], notes: [...notes, error] },
  };
}

/** Rows header detection may look at: a header among the first ten rows, and the rows below it. */
const HEAD_ROWS = 3 * HEADER_SCAN_ROWS + 1;

function headerRowOf(values: TableCells, option: IngestOptions['headerRow']): number | 'none' {
  if (option === 'none') return 'none';
  if (typeof option === 'number' && Number.isInteger(option) && option >= 0 && option < rowCountOf(values))
    return option;
  try {
    const head = isColumnar(values) ? columnarRows(values, 0, HEAD_ROWS) : values;
    return detectHeaderRow(head as readonly (readonly CellValue[])[]);
  } catch {
    return 'none';
  }
}

/** Widest row of `values[0, end)`, at most Excel's 16,384 columns. */
function widthOf(values: Cells | ColumnarCells, end = rowCountOf(values)): number {
  if (isColumnar(values)) return Math.min(widestRow(values, 0, end), MAX_WIDTH);
  let width = 0;
  for (let r = 0; r < end; r++) {
    const row = values[r];
    if (row !== null && row !== undefined && typeof row === 'object' && row.length > width)
      width = row.length;
  }
  return Math.min(width, MAX_WIDTH);
}

function sampleRows(frame: Frame): (readonly CellValue[])[] {
  const rows: (readonly CellValue[])[] = [];
  for (let i = 0; i < frame.count && rows.length < DETECTION_SAMPLE_ROWS; i++) {
    if (frame.fate[i] === ROW_SKIPPED) continue;
    const row = rowAt(frame, i);
    if (row !== null && row !== undefined && typeof row === 'object') rows.push(row);
  }
  return rows;
}

function missingRoleMessage(
  kind: TableKind,
  missing: readonly ColumnRole[],
  headers: readonly string[],
): string {
  const parts = missing.map((role) => {
    const examples = (ROLE_ALIASES[kind][role]?.strong ?? []).slice(0, 3).join(', ');
    return `the ${role.replace('_', ' ')} column (a header like ${examples})`;
  });
  const seen = headers.length > 0 ? headers.map((h) => `'${h}'`).join(', ') : 'none';
  // Each host adds how to choose the column (a --map flag, a dropdown): see `missing`.
  return `Could not find ${parts.join(' or ')} in this ${kind} table. Headers seen: ${seen}.`;
}

const ROW_NOUNS: Readonly<Record<Exclude<TableKind, 'targets'>, string>> = {
  orders: 'order',
  pipeline: 'opportunity',
  spend: 'spend entry',
};

/**
 * Skips the summary rows (`TOTAL`, `Jumlah`, a keyless row summing the rows above it) and drops
 * the texts only they held from the dictionary columns.
 */
function skipSummaries(
  kind: Exclude<TableKind, 'targets'>,
  frame: Frame,
  detection: RoleDetection,
  columns: Partial<Record<ColumnRole, RoleColumn>>,
  extras: Map<string, DictColumn>,
  textColumns: readonly TextColumn[],
): void {
  const keyRoles: ColumnRole[] =
    kind === 'orders' ? ['order_id', 'customer'] : kind === 'pipeline' ? ['id'] : [];
  const keys: KeyColumn[] = [];
  for (const role of keyRoles) {
    const column = columns[role];
    const guess = detection.roles[role];
    if (column?.type === 'dict' && guess) keys.push({ column: guess.column, codes: column.data.codes });
  }
  const amountColumn = columns.amount;
  const amountGuess = detection.roles.amount;
  const skipped = skipSummaryRows(frame, {
    noun: ROW_NOUNS[kind],
    textColumns,
    keys,
    keyWords: 'order id or customer',
    ...(kind === 'orders' && amountColumn?.type === 'number' && amountGuess
      ? { amount: { header: amountGuess.header, column: amountGuess.column, data: amountColumn.data } }
      : {}),
  });
  if (skipped === 0) return;
  for (const role of Object.keys(columns) as ColumnRole[]) {
    const column = columns[role];
    if (column?.type === 'dict')
      columns[role] = { type: 'dict', data: withoutUnusedCodes(column.data, frame.fate) };
  }
  for (const [header, column] of extras) extras.set(header, withoutUnusedCodes(column, frame.fate));
}

/**
 * Rows scanned for the provisional width. The column readers see every data row anyway and report
 * the widest; a separate pass over a million rows only to learn that no row is wider than the top
 * ones would cost as much as reading a column.
 */
const WIDTH_PROBE_ROWS = 1024;

/**
 * `knownWidth` is the sheet's true width when already known (a second attempt); without it the
 * width of the top rows is assumed, and checked against every row as the columns are read: if a
 * lower row turns out wider, ingestion starts again with the true width, so the result is always
 * that of the true width.
 */
function ingestUnsafe(
  kind: TableKind,
  values: TableCells,
  options: IngestOptions,
  knownWidth?: number,
): IngestResult<SalesTable> {
  const columnar = isColumnar(values) ? values : undefined;
  if (!columnar && !Array.isArray(values)) return failure('The data is not a 2-D array of cells.', 0);
  const rowCount = rowCountOf(values);
  const headerRow = headerRowOf(values, options.headerRow);
  const headerCells =
    headerRow === 'none'
      ? undefined
      : columnar
        ? columnarRow(columnar, headerRow)
        : ((values as Cells)[headerRow] ?? undefined);
  const probeEnd = Math.min(rowCount, (headerRow === 'none' ? 0 : headerRow + 1) + WIDTH_PROBE_ROWS);
  // A delimited file's header says how many fields a row has; wider rows are split values.
  const fields =
    options.delimiter !== undefined && headerRow !== 'none' ? headerWidthOf(headerCells) : undefined;
  const headerWidth = fields === undefined ? undefined : Math.min(fields, MAX_WIDTH);
  const width = headerWidth ?? knownWidth ?? widthOf(values, probeEnd);
  const headers = makeHeaders(headerCells as CellValue[] | undefined, width);
  const start = headerRow === 'none' ? 0 : headerRow + 1;
  const count = Math.max(0, rowCount - start);
  const maxIssues =
    Number.isInteger(options.maxIssues) && (options.maxIssues as number) >= 0
      ? (options.maxIssues as number)
      : 1000;
  const frame: Frame = {
    values: columnar ? [] : (values as Cells),
    ...(columnar ? { columns: columnar } : {}),
    start,
    count,
    firstRowNumber: Number.isInteger(options.firstRowNumber) ? (options.firstRowNumber as number) : 1,
    fate: new Uint8Array(count),
    log: new IssueLog(maxIssues),
  };
  const notes: string[] = [];
  if (fields !== undefined) skipOverlongRows(frame, fields, options.delimiter as string, headers);
  const sample = sampleRows(frame);
  const profiles = profileColumns(width, sample);
  const mapping = options.mapping;
  const { columns: explicit, problems } = resolveMapping(kind, headers, mapping);
  notes.push(...problems);
  const detection = detectRoles(kind, headers, sample, mapping, profiles);
  const required = REQUIRED_ROLES[kind];
  const badlyMapped = required.filter(
    (role) => mapping?.[role as keyof typeof mapping] !== undefined && explicit[role] === undefined,
  );
  const missing = required.filter(
    (role) => detection.roles[role] === undefined || badlyMapped.includes(role),
  );
  if (missing.length > 0) {
    if (knownWidth === undefined && headerWidth === undefined && probeEnd < rowCount) {
      const trueWidth = widthOf(values);
      if (trueWidth !== width) return ingestUnsafe(kind, values, options, trueWidth);
    }
    return { ...failure(missingRoleMessage(kind, missing, headers), count, detection, notes), missing };
  }

  notes.push(...choiceNotes(detection), ...profitNotes(kind, detection));
  const attention: string[] = [];
  if (headerRow !== 'none')
    attention.push(
      ...duplicateHeaderNotes(
        headerCells as CellValue[] | undefined,
        headers,
        detection,
        options.hints?.mapping,
      ),
    );
  notes.push(...attention);
  // Text columns without a role stay available as breakdowns by header, and so do places of any
  // value type (a postal code column of numbers).
  const extraColumns =
    kind === 'targets'
      ? []
      : detection.unassigned
          .filter(
            (c) =>
              profiles[c].nonBlank > 0 &&
              (textShare(profiles[c]) >= 0.5 || placeLevel(headers[c]) !== undefined),
          )
          .map((column) => ({ column, header: headers[column] }));
  const conventions = new TableConventions(frame, detection, {
    delimiter: options.delimiter,
    numberStyle: options.numberStyle,
    dateOrder: options.dateOrder,
    defaultDateOrder: options.defaultDateOrder,
    hints: options.hints,
  });
  const { columns, extras, formats, widest, textColumns } = readRoleColumns(
    frame,
    kind,
    detection,
    options,
    conventions,
    notes,
    attention,
    extraColumns,
  );
  if (knownWidth === undefined && headerWidth === undefined && Math.min(widest, MAX_WIDTH) > width)
    return ingestUnsafe(kind, values, options, Math.min(widest, MAX_WIDTH));
  const fieldsSeen = Math.max(widest, fields ?? 0, Array.isArray(headerCells) ? headerCells.length : 0);
  if (fieldsSeen > MAX_WIDTH) {
    const note =
      `rows have up to ${fieldsSeen.toLocaleString('en-US')} fields; only the first ` +
      `${MAX_WIDTH.toLocaleString('en-US')} columns (A to XFD, a sheet's width) are read.`;
    notes.push(note);
    attention.push(note);
  }
  if (kind !== 'targets') skipSummaries(kind, frame, detection, columns, extras, textColumns);
  const parts: TableParts = { kind, frame, headers, detection, columns, extras };
  const table = buildTable(parts);
  setSpareMemory(table, columnar?.memory);

  // Local copies: imported bindings can compile to a getter call per read.
  const { fate } = frame;
  const USED = ROW_USED;
  const BLANK = ROW_BLANK;
  let used = 0;
  let blank = 0;
  for (let i = 0; i < count; i++) {
    if (fate[i] === USED) used++;
    else if (fate[i] === BLANK) blank++;
  }
  if (blank > 0) notes.push(`${blank} blank row${blank === 1 ? '' : 's'} skipped (not listed).`);
  const { issues, omitted } = frame.log.finish();
  if (omitted > 0)
    notes.push(`${omitted} more issue${omitted === 1 ? '' : 's'} not listed (limit ${maxIssues}).`);
  const report: IngestReport = {
    rowsRead: count,
    rowsUsed: used,
    rowsSkipped: count - used,
    issues,
    notes,
    issuesOmitted: omitted,
  };
  return { table, report, detection, formats, ...(attention.length > 0 ? { attention } : {}) };
}

/**
 * Ingests a table of the given kind. Never throws.
 *
 * @example
 * const { table, report } = ingestTable('orders', [['Date', 'Amount'], [45292, '$1,250.00'], ['', '']]);
 * // table.length === 1, report.rowsSkipped === 1 (a blank row)
 */
export function ingestTable(
  kind: TableKind,
  values: TableCells,
  options: IngestOptions = {},
): IngestResult<SalesTable> {
  try {
    return ingestUnsafe(kind, values, options ?? {});
  } catch (error) {
    const rows = Array.isArray(values) || isColumnar(values) ? rowCountOf(values) : 0;
    return failure(
      `Could not read the data: ${error instanceof Error ? error.message : String(error)}`,
      rows,
    );
  }
}

/**
 * Ingests an orders table (required: date, amount).
 *
 * @example
 * const { table } = ingestOrders([['Tanggal', 'Total'], ['28/11/2026', 'Rp 1.250.000,00']]);
 * // table.date[0] === 20785, table.amount[0] === 1250000
 */
export function ingestOrders(values: TableCells, options?: IngestOptions): IngestResult<OrdersTable> {
  return ingestTable('orders', values, options) as IngestResult<OrdersTable>;
}

/**
 * Ingests a pipeline of opportunities (required: created, status).
 *
 * @example
 * const { table } = ingestPipeline([['Created', 'Stage'], [45292, 'Closed Won']]);
 * // table.status[0] === STATUS_CODE.won
 */
export function ingestPipeline(values: TableCells, options?: IngestOptions): IngestResult<PipelineTable> {
  return ingestTable('pipeline', values, options) as IngestResult<PipelineTable>;
}

/**
 * Ingests marketing spend (required: date, spend).
 *
 * @example
 * const { table } = ingestSpend([['Month', 'Spend', 'Channel'], ['2026-11', 500, 'Ads']]);
 */
export function ingestSpend(values: TableCells, options?: IngestOptions): IngestResult<SpendTable> {
  return ingestTable('spend', values, options) as IngestResult<SpendTable>;
}

/**
 * Ingests targets (required: metric, period, target).
 *
 * @example
 * const { table } = ingestTargets([['Metric', 'Period', 'Target'], ['revenue', '2026-Q1', 100000]]);
 * // table.rows[0] → { metric: 'revenue', period: '2026-Q1', target: 100000, sourceRow: 2 }
 */
export function ingestTargets(values: TableCells, options?: IngestOptions): IngestResult<TargetsTable> {
  return ingestTable('targets', values, options) as IngestResult<TargetsTable>;
}
