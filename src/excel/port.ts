/**
 * The Excel host of the product's jobs: a `WorkbookPort` over the open workbook through
 * Office.js. Sources are the workbook's tables (header and body, never the totals row), its named
 * ranges and its sheets' used ranges, plus any range address people chose (the selection); dates
 * arrive as serial numbers and are recognised by the first data row's number formats, in the
 * workbook's date system. Rendering is delegated to the plan renderer passed in.
 */
import type { CellValue } from '../core/cell';
import { datesByFormat } from '../core/number-format';
import { columnLetters, formatRange, parseSheetRef } from '../sheets/a1';
import { CONFIG_SHEET_NAME, parseConfigCells, type ParsedConfig } from '../sheets/config';
import type { PeopleAreaContent, PeopleCell } from '../sheets/merge';
import type { SheetPlan } from '../sheets/plan';
import type { SourceSheet, WorkbookPort } from '../workflows/port';
import { isProductSheet } from '../workflows/sources';
import { readRangeInChunks } from './read-range';

/** Renders plans into the workbook inside an `Excel.run` context. */
export type PlanRenderer = (context: Excel.RequestContext, plans: readonly SheetPlan[]) => Promise<unknown>;

export interface ExcelPortOptions {
  /** How the data is named in the sheets' header line (the workbook's name). */
  readonly label: string;
  readonly render: PlanRenderer;
  /** Rows read so far of the source being read, for a progress bar. */
  readonly onRows?: (rowsRead: number, totalRows: number) => void;
  /** Stops a long read between chunks when set (the person cancelled). */
  readonly signal?: { readonly aborted: boolean };
  /** Runs a batch against the workbook; `Excel.run` unless tests give another. */
  readonly run?: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
}

/** The name that records where a people area is (the same as the file host's). */
export function peopleAreaName(sheet: string, area: string): string {
  const slug = (s: string): string => s.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return `SM_${slug(sheet)}_${slug(area)}`;
}

interface Located {
  readonly sheet: string;
  /** The range on its sheet, without the sheet name (`A1:H500`). */
  readonly local: string;
  readonly row: number;
  readonly column: number;
}

function locate(address: string): Located | undefined {
  const ref = parseSheetRef(address.replace(/\$/g, ''));
  if (!ref) return undefined;
  return { sheet: ref.sheet, local: formatRange(ref.range), row: ref.range.top, column: ref.range.left };
}

/**
 * The open workbook behind the `WorkbookPort`.
 * @example
 * const port = new ExcelWorkbookPort({ label: 'sales.xlsx', render: (context, plans) => renderPlansInExcel(context, plans, options) });
 * await buildDashboard(port, { asOf, calendar, refreshedAt });
 */
export class ExcelWorkbookPort implements WorkbookPort {
  private date1904: boolean | undefined;

  constructor(private readonly options: ExcelPortOptions) {}

  get label(): string {
    return this.options.label;
  }

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.options.run ? this.options.run(batch) : Excel.run(batch);
  }

  /** Whether the workbook counts dates from 1904: DATE(1904,1,1) is serial 0 there, 1462 otherwise. */
  private async uses1904(context: Excel.RequestContext): Promise<boolean> {
    if (this.date1904 === undefined) {
      const probe = context.workbook.functions.date(1904, 1, 1);
      probe.load('value');
      await context.sync();
      this.date1904 = probe.value === 0;
    }
    return this.date1904;
  }

  async listSources(): Promise<SourceSheet[]> {
    return this.run(async (context) => {
      const date1904 = await this.uses1904(context);
      const sheets = context.workbook.worksheets.load('items/name,items/visibility');
      const tables = context.workbook.tables.load('items/name,items/showTotals');
      const names = context.workbook.names.load('items/name,items/type,items/visible');
      await context.sync();
      const tableRanges = tables.items.map((table) => ({
        table,
        range: table.getRange().load('address,rowCount'),
        sheet: table.worksheet.load('name,visibility'),
      }));
      const used = sheets.items
        .filter((ws) => !isProductSheet(ws.name))
        .map((ws) => ({ ws, range: ws.getUsedRangeOrNullObject(true).load('address,rowCount') }));
      const named = names.items
        .filter((n) => n.type === 'Range' && n.visible && !/^(SM_|_xlnm\.)/.test(n.name))
        .map((n) => ({ name: n.name, range: n.getRangeOrNullObject().load('address,rowCount') }));
      await context.sync();
      const out: SourceSheet[] = [];
      for (const { table, range, sheet } of tableRanges) {
        if (isProductSheet(sheet.name)) continue;
        const rows = range.rowCount - (table.showTotals ? 1 : 0);
        const at = locate(range.address);
        if (!at || rows < 1) continue;
        out.push(
          this.source(table.name, 'table', sheet.visibility !== 'Visible', at, rows, date1904, table.name),
        );
      }
      for (const { name, range } of named) {
        const at = range.isNullObject ? undefined : locate(range.address);
        if (at && !isProductSheet(at.sheet))
          out.push(this.source(name, 'range', false, at, range.rowCount, date1904));
      }
      for (const { ws, range } of used) {
        const at = range.isNullObject ? undefined : locate(range.address);
        if (at)
          out.push(this.source(ws.name, 'sheet', ws.visibility !== 'Visible', at, range.rowCount, date1904));
      }
      return out;
    });
  }

  async sourceAt(address: string): Promise<SourceSheet | undefined> {
    const at = locate(address);
    if (!at) return undefined;
    return this.run(async (context) => {
      const date1904 = await this.uses1904(context);
      const range = context.workbook.worksheets.getItem(at.sheet).getRange(at.local).load('rowCount');
      await context.sync();
      return this.source(address, 'range', false, at, range.rowCount, date1904);
    });
  }

  private source(
    name: string,
    kind: SourceSheet['kind'],
    hidden: boolean,
    at: Located,
    rowCount: number,
    date1904: boolean,
    table?: string,
  ): SourceSheet {
    return {
      name,
      kind,
      hidden,
      origin: { sheet: at.sheet, row: at.row, column: at.column, ...(table ? { table } : {}) },
      ...(date1904 ? { date1904 } : {}),
      rows: (limit?: number) => this.readRows(at, Math.min(rowCount, limit ?? rowCount), date1904),
    };
  }

  /** The first `count` rows of a located range, dates by the first data row's number formats. */
  private readRows(at: Located, count: number, date1904: boolean): Promise<CellValue[][]> {
    return this.run(async (context) => {
      if (count < 1) return [];
      const whole = context.workbook.worksheets.getItem(at.sheet).getRange(at.local);
      const range = whole.getRow(0).getResizedRange(count - 1, 0);
      const formats = whole.getRow(Math.min(1, count - 1)).load('numberFormat');
      const { values } = await readRangeInChunks(context, range, this.options.onRows, this.options.signal);
      const firstData = (formats.numberFormat?.[0] ?? []) as (string | null)[];
      return datesByFormat(values, firstData, 1, date1904);
    });
  }

  async sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      return sheets.items.map((ws) => ws.name);
    });
  }

  async readPeopleArea(sheet: string, area: string): Promise<PeopleAreaContent | undefined> {
    return this.run(async (context) => {
      const name = context.workbook.names.getItemOrNullObject(peopleAreaName(sheet, area));
      await context.sync();
      if (name.isNullObject) return undefined;
      const range = name.getRangeOrNullObject().load('address,values,formulas,numberFormat');
      await context.sync();
      const at = range.isNullObject ? undefined : parseSheetRef(range.address.replace(/\$/g, ''));
      if (!at || at.sheet !== sheet) return undefined;
      const cells: PeopleCell[] = [];
      range.values.forEach((row, r) =>
        row.forEach((value, c) => {
          const formula = range.formulas[r][c];
          const format = range.numberFormat[r][c];
          const ref = `${columnLetters(at.range.left + c)}${at.range.top + r}`;
          cells.push({
            ref,
            value: value === '' ? null : (value as PeopleCell['value']),
            ...(typeof formula === 'string' && formula.startsWith('=') ? { formula: formula.slice(1) } : {}),
            ...(format && format !== 'General' ? { format } : {}),
          });
        }),
      );
      return { name: area, ref: formatRange(at.range), cells };
    });
  }

  async readConfig(): Promise<ParsedConfig> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(CONFIG_SHEET_NAME);
      await context.sync();
      if (sheet.isNullObject) return parseConfigCells([], undefined);
      const used = sheet.getUsedRangeOrNullObject(true).load('rowCount');
      const count = sheet.getRange('B1').load('values');
      await context.sync();
      if (used.isNullObject) return parseConfigCells([], undefined);
      const column = sheet.getRange(`A1:A${used.rowCount}`).load('values');
      await context.sync();
      return parseConfigCells(
        column.values.map((row) => row[0]),
        count.values[0][0],
      );
    });
  }

  async render(plans: readonly SheetPlan[]): Promise<void> {
    await this.run((context) => this.options.render(context, plans).then(() => undefined));
  }
}
