/**
 * A rendered sheet as plain data, to compare with the plan it came from: cells (value or formula,
 * number format, look, note), widths and heights, merges, conditional formats in priority order,
 * tables, charts, validations, freeze panes, protection and page setup.
 */
import { columnLetters, formatRange, toA1 } from '../../../src/sheets/a1';
import { MAX_COLUMN, refText, type CellState, type SheetState, type WorkbookState } from './state';

export interface DumpedCell {
  readonly value?: string | number | boolean;
  readonly error?: string;
  readonly formula?: string;
  readonly numberFormat?: string;
  readonly font?: Record<string, unknown>;
  readonly fill?: string;
  readonly horizontal?: string;
  readonly vertical?: string;
  readonly wrap?: boolean;
  readonly borders?: Record<string, { style: string; color: string }>;
  readonly locked?: false;
  readonly note?: string;
}

function dumpCell(cell: CellState): DumpedCell | undefined {
  const f = cell.format;
  const font: Record<string, unknown> = {};
  if (f.font.name !== 'Aptos Narrow') font.name = f.font.name;
  if (f.font.size !== 11) font.size = f.font.size;
  if (f.font.bold) font.bold = true;
  if (f.font.italic) font.italic = true;
  if (f.font.color !== '#000000') font.color = f.font.color;
  const borders = Object.fromEntries(
    Object.entries(f.borders).map(([side, b]) => [side, { style: b.style, color: b.color }]),
  );
  const v = cell.value;
  const out: DumpedCell = {
    ...(cell.formula !== undefined
      ? { formula: cell.formula }
      : v === undefined
        ? {}
        : typeof v === 'object'
          ? { error: v.error }
          : { value: v }),
    ...(cell.numberFormat ? { numberFormat: cell.numberFormat } : {}),
    ...(Object.keys(font).length ? { font } : {}),
    ...(f.fill ? { fill: f.fill } : {}),
    ...(f.horizontal ? { horizontal: f.horizontal } : {}),
    ...(f.vertical ? { vertical: f.vertical } : {}),
    ...(f.wrap ? { wrap: true } : {}),
    ...(Object.keys(borders).length ? { borders } : {}),
    ...(f.locked ? {} : { locked: false as const }),
    ...(cell.note !== undefined ? { note: cell.note } : {}),
  };
  return Object.keys(out).length ? out : undefined;
}

export function dumpSheet(workbook: WorkbookState, sheet: SheetState) {
  const cells: Record<string, DumpedCell> = {};
  const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
  for (const key of keys) {
    const dumped = dumpCell(sheet.cells.get(key)!);
    if (dumped) cells[toA1(Math.floor(key / (MAX_COLUMN + 1)), key % (MAX_COLUMN + 1))] = dumped;
  }
  return {
    name: sheet.name,
    id: sheet.id,
    position: workbook.sheets.indexOf(sheet),
    visibility: sheet.visibility,
    tabColor: sheet.tabColor,
    active: workbook.active === sheet,
    cells,
    columnWidths: Object.fromEntries(
      [...sheet.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnLetters(c), w]),
    ),
    rowHeights: Object.fromEntries([...sheet.rowHeights].sort((a, b) => a[0] - b[0])),
    merges: sheet.merges.map((m) => formatRange(m)),
    conditionalFormats: sheet.cfs.map((cf) => ({ type: cf.type, ref: formatRange(cf.rect), ...cf.props })),
    tables: sheet.tables.map((t) => ({
      name: t.name,
      ref: formatRange(t.rect),
      style: t.style,
      showBandedRows: t.showBandedRows,
      columns: Array.from(
        { length: t.rect.right - t.rect.left + 1 },
        (_, i) => sheet.peek(t.rect.top, t.rect.left + i)?.value,
      ),
    })),
    charts: sheet.charts.map((c) => ({
      name: c.name,
      type: c.type,
      title: c.title.visible ? c.title.text : undefined,
      legend: c.legend.visible ? c.legend.position : 'none',
      axes: c.axes,
      position: c.position,
      series: c.series.map((s) => ({
        name: s.name,
        values: s.values && refText(s.values),
        categories: s.xValues && refText(s.xValues),
        ...(s.fill ? { fill: s.fill } : {}),
        ...(s.line ? { line: s.line } : {}),
        ...(s.lineStyle ? { lineStyle: s.lineStyle } : {}),
        ...(s.lineWeight !== undefined ? { lineWeight: s.lineWeight } : {}),
        ...(s.points ? { points: s.points } : {}),
      })),
    })),
    validations: sheet.validations.map((v) => ({
      ref: formatRange(v.rect),
      rule: v.rule,
      errorAlert: v.errorAlert,
      ignoreBlanks: v.ignoreBlanks,
    })),
    freeze: sheet.freeze,
    protected: sheet.protection.protected,
    page: sheet.page,
    pageBreaks: sheet.pageBreaks,
    names: Object.fromEntries(
      [...sheet.names.values()].map((n) => [n.name, n.ref ? `=${refText(n.ref)}` : n.formula]),
    ),
  };
}

export type DumpedSheet = ReturnType<typeof dumpSheet>;

/** Workbook-level names and what they refer to, e.g. `{ SM_Review_2026_W47_actions: "='Review 2026-W47'!$A$68:$G$76" }`. */
export function dumpNames(workbook: WorkbookState): Record<string, string | undefined> {
  return Object.fromEntries(
    [...workbook.names.values()].map((n) => [n.name, n.ref ? `=${refText(n.ref)}` : n.formula]),
  );
}
