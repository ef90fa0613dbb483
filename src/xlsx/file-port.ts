/**
 * The file host of the product's jobs: a `WorkbookPort` over an `.xlsx` package (its sheets
 * streamed as rows, the product's sheets opened as a model, our sheets spliced back into the
 * package) or over a workbook model made here (a CSV's new workbook). Rendering produces the new
 * package's bytes; where they are written is the caller's business.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFile, stat } from 'node:fs/promises';
import type { CellValue } from '../core/cell';
import { type ColumnarCells, columnarRows } from '../core/ingest';
import type { SheetPlan } from '../sheets/plan';
import type { ParsedConfig } from '../sheets/config';
import type { PeopleAreaContent } from '../sheets/merge';
import type { SourceSheet, WorkbookPort } from '../workflows/port';
import { isProductSheet } from '../workflows/sources';
import { readConfigSheet } from './config';
import { describeFsError } from './read-error';
import { FileReadError } from './read';
import { openWorkbook, uses1904, worksheetRows } from './read-workbook';
import { readXlsxSheets } from './read-xlsx';
import { readNamedPeopleArea } from './render';
import { openSheetsOf, packageSheets, writeIntoPackage } from './render-package';
import { writeWorkbook } from './render-workbook';

export { isProductSheet };

/**
 * Largest `.xlsx` input read: a full sheet (1,048,576 rows) of eight to ten columns, about 50 to
 * 80 MB zipped. Its sheets are streamed and only the product's sheets are rewritten, but the cells
 * are held (by column; a full sheet of eight columns peaks near 400 MB): past this size the
 * process would run out of memory instead of failing with a message.
 */
export const MAX_BUILD_WORKBOOK_BYTES = 80 * 1024 * 1024;
/** What {@link MAX_BUILD_WORKBOOK_BYTES} holds, in the size message. */
const MAX_BUILD_WORKBOOK_ROWS = 'a full sheet of 1,048,576 rows of about eight columns';

/** A sheet's rows (already read) as a source at A1 of the sheet. */
export function sourceOfRows(
  name: string,
  hidden: boolean,
  all: CellValue[][],
  date1904: boolean,
): SourceSheet {
  return {
    name,
    kind: 'sheet',
    hidden,
    origin: { sheet: name, row: 1, column: 1 },
    ...(date1904 ? { date1904 } : {}),
    rows: async (limit?: number) => (limit === undefined || limit >= all.length ? all : all.slice(0, limit)),
  };
}

/**
 * A sheet's cells (already read, by column) as a source at A1 of the sheet: ingestion reads the
 * cells; rows are made from them when asked for (the whole sheet's once).
 */
export function sourceOfCells(
  name: string,
  hidden: boolean,
  cells: ColumnarCells,
  date1904: boolean,
): SourceSheet {
  let all: CellValue[][] | undefined;
  return {
    name,
    kind: 'sheet',
    hidden,
    origin: { sheet: name, row: 1, column: 1 },
    ...(date1904 ? { date1904 } : {}),
    rows: async (limit?: number) =>
      limit === undefined || limit >= cells.rowCount
        ? (all ??= columnarRows(cells))
        : columnarRows(cells, 0, limit),
    cells: async () => cells,
  };
}

/** The user's sheets of a workbook model as sources (the product's sheets left out). */
export function sourcesOfWorkbook(workbook: ExcelJS.Workbook): SourceSheet[] {
  const date1904 = uses1904(workbook);
  return workbook.worksheets
    .filter((ws) => !isProductSheet(ws.name))
    .map((ws) => ({
      name: ws.name,
      kind: 'sheet' as const,
      hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
      origin: { sheet: ws.name, row: 1, column: 1 },
      ...(date1904 ? { date1904 } : {}),
      rows: async (limit?: number) => worksheetRows(ws, date1904, limit),
    }));
}

export interface FilePortOptions {
  readonly label: string;
  /** The sources, in tab order. */
  readonly sources: readonly SourceSheet[];
  /** Every sheet name, in tab order. */
  readonly sheetNames: readonly string[];
  /** The product's sheets (config, reviews, dashboard) as a model: people areas and config. */
  readonly existing: ExcelJS.Workbook;
  /** The package our sheets are spliced into; without it `existing` is written whole. */
  readonly buffer?: Buffer;
  /** That package opened already (used once, by the splice, which changes it). */
  readonly zip?: JSZip;
  /** The file the package came from, reopened whole when the splice cannot read the package. */
  readonly path?: string;
  /** Told when the whole workbook is rewritten instead of spliced. */
  readonly onFallback?: (reason: string) => void;
}

/**
 * A workbook file behind the `WorkbookPort`. After `render`, `output` holds the new package.
 * @example
 * const port = await FileWorkbookPort.open('sales.xlsx', 'sales.xlsx');
 * await buildDashboard(port, options);
 * await writeFile('out.xlsx', port.output!);
 */
export class FileWorkbookPort implements WorkbookPort {
  /** The written package, once `render` ran. */
  output?: Buffer;

  /** The opened package, until a splice used it. */
  private unspliced?: JSZip;

  constructor(private readonly options: FilePortOptions) {
    this.unspliced = options.zip;
  }

  get label(): string {
    return this.options.label;
  }

  /** The product's sheets as a model (for tests and for reading back what was written). */
  get existing(): ExcelJS.Workbook {
    return this.options.existing;
  }

  /**
   * Opens an `.xlsx` file the fast way: the size limit, the package, the user's sheets streamed as
   * rows and the product's sheets as a model. `command` names who reads it in the size message.
   */
  static async open(
    path: string,
    label: string,
    onRows?: (rows: number) => void,
    command = 'build',
  ): Promise<FileWorkbookPort> {
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (error) {
      throw describeFsError(error, path);
    }
    if (size > MAX_BUILD_WORKBOOK_BYTES) {
      const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
      throw new FileReadError(
        `${path} is ${mb(size)}; ${command} reads workbooks up to ${mb(MAX_BUILD_WORKBOOK_BYTES)} (${MAX_BUILD_WORKBOOK_ROWS}). ` +
          'Save the orders as CSV and build from that (large CSVs get a values-only dashboard), or split the workbook',
        path,
      );
    }
    let buffer: Buffer;
    try {
      buffer = await readFile(path);
    } catch (error) {
      throw describeFsError(error, path);
    }
    // The rows first: the reader names any damage precisely; sheets come in tab order.
    const read = await readXlsxSheets(path, (name) => !isProductSheet(name), onRows);
    let listed;
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(buffer);
      listed = await packageSheets(zip);
    } catch (error) {
      throw new FileReadError(
        `${path} is not a readable .xlsx workbook (${(error as Error)?.message ?? error})`,
        path,
      );
    }
    const sources = read.sheets
      .filter((s) => !isProductSheet(s.name))
      .map((s) =>
        sourceOfCells(s.name, s.state === 'hidden' || s.state === 'veryHidden', s.cells, read.date1904),
      );
    let existing: ExcelJS.Workbook;
    try {
      if (listed.sheets.some((s) => isProductSheet(s.name)))
        existing = await openSheetsOf(buffer, isProductSheet);
      else {
        // No sheet of ours yet (a first build): nothing to open.
        existing = new ExcelJS.Workbook();
        existing.properties.date1904 = listed.date1904;
      }
    } catch {
      // A package the trimmed copy does not load: open it whole (within the model's size limit).
      existing = await openWorkbook(path);
    }
    return new FileWorkbookPort({
      label,
      sources,
      sheetNames: listed.sheets.map((s) => s.name),
      existing,
      buffer,
      zip,
      path,
    });
  }

  /** A port over a workbook model made in memory (a CSV's new workbook), plus sources outside it. */
  static ofWorkbook(
    workbook: ExcelJS.Workbook,
    label: string,
    extra: readonly SourceSheet[] = [],
  ): FileWorkbookPort {
    return new FileWorkbookPort({
      label,
      sources: [...sourcesOfWorkbook(workbook), ...extra],
      sheetNames: workbook.worksheets.map((ws) => ws.name),
      existing: workbook,
    });
  }

  /**
   * A port over a package made in memory (a CSV's new workbook written as a package): `sources`
   * hold its sheets' rows, and our sheets are spliced into it. There is no file to reopen, so a
   * package the splice cannot read is an error, not a fallback.
   */
  static ofPackage(
    buffer: Buffer,
    label: string,
    sources: readonly SourceSheet[],
    sheetNames: readonly string[],
  ): FileWorkbookPort {
    return new FileWorkbookPort({ label, sources, sheetNames, existing: new ExcelJS.Workbook(), buffer });
  }

  async listSources(): Promise<SourceSheet[]> {
    return [...this.options.sources];
  }

  async sheetNames(): Promise<string[]> {
    const names = [...this.options.sheetNames];
    for (const ws of this.options.existing.worksheets) if (!names.includes(ws.name)) names.push(ws.name);
    return names;
  }

  async readPeopleArea(sheet: string, area: string): Promise<PeopleAreaContent | undefined> {
    return readNamedPeopleArea(this.options.existing, sheet, area);
  }

  async readConfig(): Promise<ParsedConfig> {
    return readConfigSheet(this.options.existing);
  }

  async render(plans: readonly SheetPlan[]): Promise<void> {
    const { buffer, existing, path } = this.options;
    // The opened package serves one splice (which changes it); a second render opens it again.
    const zip = this.unspliced;
    this.unspliced = undefined;
    if (!buffer) {
      this.output = await writeWorkbook(existing, plans);
      return;
    }
    try {
      this.output = await writeIntoPackage(zip ?? buffer, existing, plans);
    } catch (error) {
      if (path === undefined) throw error;
      // A package the splice does not read: rewrite the whole workbook through the model instead.
      this.options.onFallback?.(`rewriting the whole workbook (${(error as Error)?.message ?? error})`);
      this.output = await writeWorkbook(await openWorkbook(path), plans);
    }
  }
}
