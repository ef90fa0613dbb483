/**
 * Renders a `SheetPlan` into an ExcelJS workbook. The product's sheet is replaced whole
 * (same tab position), so refreshing twice gives the same sheet; no other sheet is touched.
 * Charts are not ExcelJS's business: `writeWorkbook` adds them to the saved package.
 */
import type ExcelJS from 'exceljs';
import {
  cellsOf,
  formatRange,
  parseRange,
  parseSheetRef,
  sheetRef,
  toA1,
  type CellRange,
} from '../sheets/a1';
import type { CellPlan, SheetPlan } from '../sheets/plan';
import { withRowsTypedBelow, type PeopleAreaContent, type PeopleCell } from '../sheets/merge';
import { applyStyle, conditionalFormatting } from './render-style';
import { xmlSafe } from './charts/xml';

/** Serial of 1970-01-01: 25569 in the 1900 date system (after its leap-year quirk), 24107 in 1904. */
function epochOffset(workbook: ExcelJS.Workbook): number {
  return workbook.properties?.date1904 ? 24107 : 25569;
}

/**
 * The workbook name that records where a people area is, so a refresh finds it even after
 * people inserted rows (Excel moves names with the cells).
 * @example areaRangeName('Review 2026-W48', 'actions') // 'SM_Review_2026_W48_actions'
 */
export function areaRangeName(sheetName: string, areaName: string): string {
  const slug = (s: string): string => s.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return `SM_${slug(sheetName)}_${slug(areaName)}`;
}

/**
 * Drops the names this sheet's plans define (its named ranges and area names, current and
 * earlier ones) before the sheet is rewritten; names people made stay.
 */
function removeOwnNames(workbook: ExcelJS.Workbook, sheetName: string, planNames: ReadonlySet<string>): void {
  const areaPrefix = areaRangeName(sheetName, '');
  const names = workbook.definedNames;
  names.model = names.model.filter((n) => !planNames.has(n.name) && !n.name.startsWith(areaPrefix));
}

function writeCell(ws: ExcelJS.Worksheet, plan: CellPlan): void {
  const cell = ws.getCell(plan.ref);
  if (plan.formula !== undefined) {
    const result = plan.result ?? undefined;
    cell.value = (
      result === undefined ? { formula: plan.formula } : { formula: plan.formula, result }
    ) as ExcelJS.CellFormulaValue;
  } else if (plan.value !== undefined) {
    // Strings go in as strings: ExcelJS stores them as shared strings, never as formulas,
    // which is what keeps `=`, `+`, `-`, `@` text literal.
    cell.value = typeof plan.value === 'string' ? cellText(plan.value) : plan.value;
  }
  if (plan.format) cell.numFmt = plan.format;
  if (plan.style) applyStyle(cell, plan.style);
  if (plan.note) cell.note = cellText(plan.note);
}

/**
 * Text as a cell can keep it: without the characters XML forbids, and with line breaks as LF.
 * A raw CR would come back as LF anyway (XML readers normalise line ends), so writing LF makes
 * the text read back exactly as written; LF is also the line break Excel uses inside a cell.
 */
function cellText(text: string): string {
  return xmlSafe(text).replace(/\r\n?/g, '\n');
}

function addTables(ws: ExcelJS.Worksheet, plan: SheetPlan, cells: ReadonlyMap<string, CellPlan>): void {
  for (const table of plan.tables ?? []) {
    const range = parseRange(table.ref);
    if (!range) throw new Error(`Table ${table.name}: bad range ${table.ref}`);
    const width = range.right - range.left + 1;
    if (table.columns.length !== width) {
      throw new Error(
        `Table ${table.name}: ${table.columns.length} column names for a ${width}-column range ${table.ref}`,
      );
    }
    const rows: unknown[][] = [];
    for (let r = range.top + 1; r <= range.bottom; r++) {
      const row: unknown[] = [];
      for (let c = range.left; c <= range.right; c++) {
        const cell = cells.get(formatRange({ top: r, left: c, bottom: r, right: c }));
        row.push(cell?.formula !== undefined ? { formula: cell.formula } : (cell?.value ?? null));
      }
      rows.push(row);
    }
    ws.addTable({
      name: table.name,
      displayName: table.name,
      ref: formatRange({ top: range.top, left: range.left, bottom: range.top, right: range.left }),
      headerRow: true,
      columns: table.columns.map((name) => ({ name, filterButton: true })),
      rows,
      style: {
        theme: (table.style ?? 'TableStyleLight9') as ExcelJS.TableStyleProperties['theme'],
        showRowStripes: table.showRowStripes ?? true,
      },
    });
  }
}

function protect(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  if (!plan.protectedAreas) return;
  for (const area of plan.areas) {
    if (area.owner !== 'people') continue;
    const range = parseRange(area.ref);
    if (range) for (const ref of cellsOf(range)) ws.getCell(ref).protection = { locked: false };
  }
  // No password: protection guards against slips, and a password would need async hashing.
  (ws as unknown as { sheetProtection: object }).sheetProtection = {
    sheet: true,
    objects: true,
    scenarios: true,
  };
}

/** The last row any cell of the plan uses (after people's rows were merged in). */
function lastRow(plan: SheetPlan): number {
  let last = 1;
  for (const cell of plan.cells) {
    const row = Number(/\d+$/.exec(cell.ref)?.[0] ?? 1);
    if (row > last) last = row;
  }
  for (const chart of plan.charts) last = Math.max(last, Number(/\d+$/.exec(chart.anchor.to)?.[0] ?? 1));
  return last;
}

/**
 * Page setup: landscape, one page wide, the print area over the plan's columns down to its last
 * row, title rows on every page, manual row breaks.
 */
function setUpPrinting(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const print = plan.print;
  if (!print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    };
    return;
  }
  const columns = /^([A-Z]+):([A-Z]+)$/.exec(print.area);
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: print.orientation,
    ...(print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    printArea: columns ? `${columns[1]}1:${columns[2]}${lastRow(plan)}` : print.area,
    ...(print.titleRows ? { printTitlesRow: `${print.titleRows.first}:${print.titleRows.last}` } : {}),
  };
  for (const row of print.rowBreaks) ws.getRow(row).addPageBreak();
}

/**
 * Makes the sheet named `name` the one the workbook opens on: its tab active and selected, no other
 * tab selected (two selected tabs would open as a group, where typing edits both).
 */
export function activateSheet(workbook: ExcelJS.Workbook, name: string): void {
  const sheets = [...workbook.worksheets].sort(
    (a, b) => (a as unknown as { orderNo: number }).orderNo - (b as unknown as { orderNo: number }).orderNo,
  );
  const index = sheets.findIndex((sheet) => sheet.name === name);
  if (index < 0) return;
  for (const sheet of sheets) {
    const views = sheet.views && sheet.views.length > 0 ? sheet.views : [{}];
    sheet.views = views.map((view, i) =>
      i === 0
        ? ({ ...view, tabSelected: sheet.name === name } as unknown as Partial<ExcelJS.WorksheetView>)
        : view,
    );
  }
  const view = workbook.views?.[0] ?? {
    x: 0,
    y: 0,
    width: 12000,
    height: 20000,
    visibility: 'visible' as const,
  };
  workbook.views = [{ ...view, firstSheet: 0, activeTab: index }];
}

/**
 * Creates or replaces the plan's sheet in `workbook` (same tab position when replacing)
 * and writes cells, formats, styles, merges, conditional formats, widths, tables, names,
 * freeze panes, protection and visibility. Throws on a malformed plan (a programming error).
 * @example
 * const wb = new ExcelJS.Workbook();
 * renderSheetPlan(wb, { ...emptyPlan('Dashboard'), cells: [textCell('A1', 'Sales', 'title')] });
 */
export function renderSheetPlan(workbook: ExcelJS.Workbook, plan: SheetPlan): void {
  const existing = workbook.getWorksheet(plan.name);
  const planNames = new Set(plan.namedRanges.map((n) => n.name));
  for (const area of plan.areas) if (area.name) planNames.add(areaRangeName(plan.name, area.name));
  removeOwnNames(workbook, plan.name, planNames);
  let orderNo: number | undefined;
  if (existing) {
    orderNo = (existing as unknown as { orderNo: number }).orderNo;
    workbook.removeWorksheet(existing.id);
  }
  const ws = workbook.addWorksheet(plan.name, {
    ...(plan.tabColor ? { properties: { tabColor: { argb: `FF${plan.tabColor}` } } } : {}),
    state: plan.hidden ?? 'visible',
  });
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;

  for (const column of plan.columns) ws.getColumn(column.index).width = column.width;
  for (const row of plan.rowHeights ?? []) ws.getRow(row.index).height = row.height;
  const cells = new Map(plan.cells.map((c) => [c.ref.toUpperCase().replace(/\$/g, ''), c]));
  addTables(ws, plan, cells);
  for (const cell of cells.values()) writeCell(ws, cell);
  for (const merge of plan.merges) ws.mergeCells(merge);
  plan.conditionalFormats.forEach((cf, i) => ws.addConditionalFormatting(conditionalFormatting(cf, i + 1)));
  const frozen = plan.freeze && (plan.freeze.row > 0 || plan.freeze.column > 0);
  // `tabSelected` is written by ExcelJS but missing from its view type.
  ws.views = [
    {
      ...(frozen ? { state: 'frozen' as const, xSplit: plan.freeze!.column, ySplit: plan.freeze!.row } : {}),
      tabSelected: plan.active === true,
    } as Partial<ExcelJS.WorksheetView>,
  ];
  setUpPrinting(ws, plan);
  for (const v of plan.validations ?? []) {
    // A list typed in the rule itself (quoted, comma-separated): no helper range needed.
    const list = `"${v.list.map((item) => item.replace(/"/g, '""')).join(',')}"`;
    (
      ws as unknown as { dataValidations: { add(ref: string, rule: ExcelJS.DataValidation): void } }
    ).dataValidations.add(v.ref, {
      type: 'list',
      allowBlank: true,
      showErrorMessage: false,
      formulae: [list],
    });
  }
  for (const name of plan.namedRanges) workbook.definedNames.add(name.ref, name.name);
  for (const area of plan.areas) {
    const range = parseRange(area.ref);
    if (area.name && range)
      workbook.definedNames.add(sheetRef(plan.name, range), areaRangeName(plan.name, area.name));
  }
  protect(ws, plan);
}

/** An ExcelJS cell's content as plan data (dates become Excel serial numbers). */
function readCell(cell: ExcelJS.Cell, offset: number): Omit<PeopleCell, 'ref'> {
  const v = cell.value as unknown;
  const format = cell.numFmt && cell.numFmt !== 'General' ? { format: cell.numFmt } : {};
  if (v === null || v === undefined) return { value: null };
  if (v instanceof Date) return { value: v.getTime() / 86400000 + offset, ...format };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    return { value: v, ...format };
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) return { value: null, formula: cell.formula, ...format };
  if (Array.isArray(o.richText))
    return { value: (o.richText as { text: string }[]).map((t) => t.text).join('') };
  if (typeof o.text === 'string') return { value: o.text };
  if (typeof o.error === 'string') return { value: o.error };
  return { value: cell.text };
}

/** Where a people area is now: its recorded workbook name if it still points at the sheet, else the plan's range. */
function locateArea(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  ref: string,
  name: string | undefined,
): string {
  if (name) {
    const ranges = workbook.definedNames.getRanges(areaRangeName(sheetName, name)).ranges;
    const found = ranges.length === 1 ? parseSheetRef(ranges[0]) : undefined;
    if (found && found.sheet === sheetName) return formatRange(found.range);
  }
  return ref;
}

/**
 * Reads back every cell (blanks included) of the plan's `people` areas from the existing
 * sheet, for `mergePeopleAreas`. Returns `[]` when the sheet does not exist yet.
 * @example
 * const typed = readPeopleAreas(wb, plan.name, plan);
 * renderSheetPlan(wb, mergePeopleAreas(plan, typed));
 */
export function readPeopleAreas(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  plan: SheetPlan,
): PeopleAreaContent[] {
  const ws = workbook.getWorksheet(sheetName);
  if (!ws) return [];
  const out: PeopleAreaContent[] = [];
  for (const area of plan.areas) {
    if (area.owner !== 'people') continue;
    const ref = locateArea(workbook, sheetName, area.ref, area.name);
    const range = parseRange(ref);
    if (!range) continue;
    out.push(areaContent(workbook, ws, area.name, range));
  }
  return out;
}

/** An area's cells and the rows people typed directly under it (see `withRowsTypedBelow`). */
function areaContent(
  workbook: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  name: string | undefined,
  range: CellRange,
): PeopleAreaContent {
  const offset = epochOffset(workbook);
  const cells = cellsOf(range).map((a) => ({ ref: a, ...readCell(ws.getCell(a), offset) }));
  const below: PeopleCell[][] = [];
  for (let row = range.bottom + 1; row <= ws.rowCount; row++) {
    const cellsOfRow: PeopleCell[] = [];
    for (let col = range.left; col <= range.right; col++) {
      const ref = toA1(row, col);
      cellsOfRow.push({ ref, ...readCell(ws.getCell(ref), offset) });
    }
    if (cellsOfRow.every((c) => c.formula === undefined && (c.value === null || c.value === ''))) break;
    below.push(cellsOfRow);
  }
  return withRowsTypedBelow({ ...(name ? { name } : {}), ref: formatRange(range), cells }, below);
}

/** Cached values of a sheet-qualified range, for chart caches: numbers, text or null. */
export function readRangeValues(workbook: ExcelJS.Workbook, ref: string): (string | number | null)[] {
  const parsed = parseSheetRef(ref);
  const ws = parsed && workbook.getWorksheet(parsed.sheet);
  if (!parsed || !ws) return [];
  return cellsOf(parsed.range).map((a) => {
    const v = ws.getCell(a).value as unknown;
    const plain =
      v !== null && typeof v === 'object' && !(v instanceof Date) && 'result' in (v as object)
        ? (v as { result?: unknown }).result
        : v;
    if (typeof plain === 'number' || typeof plain === 'string') return plain;
    if (plain instanceof Date) return plain.getTime() / 86400000 + epochOffset(workbook);
    if (typeof plain === 'boolean') return plain ? 1 : 0;
    return null;
  });
}

/**
 * Reads one named people area of a sheet (found through its workbook name), for example last
 * week's Actions to carry over. `undefined` when the sheet or the name is missing.
 * @example openActions(readNamedPeopleArea(wb, 'Review 2026-W46', ACTIONS_AREA))
 */
export function readNamedPeopleArea(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  areaName: string,
): PeopleAreaContent | undefined {
  const ws = workbook.getWorksheet(sheetName);
  const ranges = workbook.definedNames.getRanges(areaRangeName(sheetName, areaName)).ranges;
  const found = ranges.length === 1 ? parseSheetRef(ranges[0]) : undefined;
  if (!ws || !found || found.sheet !== sheetName) return undefined;
  return areaContent(workbook, ws, areaName, found.range);
}
