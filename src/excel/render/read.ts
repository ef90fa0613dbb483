/**
 * The reads before anything is written. The first sync reads the workbook's shape: its sheets,
 * names, tables and structure protection; the checks then stop a render that would have to take a
 * sheet, table or name that is not the product's. The second reads each existing product sheet's
 * parts (protection, charts, tables, notes) and what people typed into its people areas, found
 * through the `SM_…` names; large areas are read in bands so no response nears the size limit.
 */
import { formatRange, parseRange, parseSheetRef } from '../../sheets/a1';
import type { PeopleAreaContent } from '../../sheets/merge';
import type { SheetPlan } from '../../sheets/plan';
import type { ExcelCapabilities } from '../capabilities';
import { utf8Length, type Syncs } from './batch';
import { ExcelRenderError, messages } from './errors';
import { areaRangeName, ownsName, planNames } from './names';
import { peopleContent, rowBands, typedBelow, type AreaRead } from './people';
import type { SheetParts } from './sheet';

/** Sheets made by a render in progress carry this prefix, so a later render can remove leftovers. */
export const TEMP_PREFIX = 'SM_trial_';
/** Cells of people areas read in the first sync, the cells of one band, and the response bytes a sync aims at. */
const FIRST_READ_CELLS = 20_000;
const BAND_CELLS = 2_000;
const READ_BYTES = 1_250_000;
/** Rows read under each people area for rows typed there (Excel extends a table typed under). */
const ROWS_BELOW = 50;
const LAST_ROW = 1_048_576;

/** A range with `rows` more rows under it (within the sheet). */
function withRowsUnder(ref: string, rows: number): string {
  const range = parseRange(ref)!;
  return formatRange({ ...range, bottom: Math.min(LAST_ROW, range.bottom + rows) });
}

export interface WorkbookShape {
  readonly sheets: readonly { readonly name: string; readonly proxy: Excel.Worksheet }[];
  readonly names: readonly { readonly name: string; readonly formula: string }[];
  readonly tables: readonly string[];
  readonly protected: boolean;
}

/**
 * Sync 1: sheets, names, tables and whether the workbook's structure is protected.
 * @example const shape = await readShape(new Syncs(context));
 */
export async function readShape(syncs: Syncs): Promise<WorkbookShape> {
  const workbook = syncs.context.workbook;
  const sheets = workbook.worksheets.load('items/name');
  const names = workbook.names.load('items/name,items/formula');
  const tables = workbook.tables.load('items/name');
  const protection = workbook.protection.load('protected');
  await syncs.sync();
  return {
    sheets: sheets.items.map((s) => ({ name: s.name, proxy: s })),
    names: names.items.map((n) => ({ name: n.name, formula: String(n.formula ?? '') })),
    tables: tables.items.map((t) => t.name),
    protected: protection.protected,
  };
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * The existing sheet a plan will be written into, or `undefined` when the plan's sheet is new.
 * @example existingSheet(shape, dashboardPlan) // the Dashboard sheet, or undefined on a first build
 */
export function existingSheet(shape: WorkbookShape, plan: SheetPlan): Excel.Worksheet | undefined {
  return shape.sheets.find((s) => same(s.name, plan.name))?.proxy;
}

/**
 * Stops before writing when the workbook cannot take the plans: protected structure, a sheet of
 * the plan's name that the product did not make, a plan name used elsewhere.
 * @example checkShape(await readShape(syncs), plans); // throws ExcelRenderError('name-taken') …
 */
export function checkShape(shape: WorkbookShape, plans: readonly SheetPlan[]): void {
  if (shape.protected) throw new ExcelRenderError('workbook-protected', messages.workbookProtected());
  for (const plan of plans) {
    const prefix = areaRangeName(plan.name, '').toLowerCase();
    const recorded = shape.names.some(
      (n) =>
        n.name.toLowerCase().startsWith(prefix) &&
        same(parseSheetRef(n.formula.slice(1))?.sheet ?? '', plan.name),
    );
    const canTell = plan.areas.some((a) => a.name);
    if (existingSheet(shape, plan) && canTell && !recorded)
      throw new ExcelRenderError('sheet-name-taken', messages.sheetNameTaken(plan.name));
    for (const { name } of planNames(plan)) {
      const found = shape.names.find((n) => same(n.name, name));
      if (found && !ownsName(plan, found.name, found.formula))
        throw new ExcelRenderError('name-taken', messages.nameTaken(name));
    }
    for (const table of plan.tables ?? []) {
      if (shape.names.some((n) => same(n.name, table.name)))
        throw new ExcelRenderError('table-name-taken', messages.tableNameTaken(table.name));
    }
  }
}

/**
 * Stops when a plan's table name belongs to a table that is not on the plan's own sheet.
 * @example checkTables(shape, plans, await readExisting(syncs, shape, plans, capabilities));
 */
export function checkTables(
  shape: WorkbookShape,
  plans: readonly SheetPlan[],
  existing: readonly (ExistingSheet | undefined)[],
): void {
  plans.forEach((plan, i) => {
    for (const table of plan.tables ?? []) {
      const taken = shape.tables.some((t) => same(t, table.name));
      const ours = existing[i]?.tableNames.some((t) => same(t, table.name)) ?? false;
      if (taken && !ours) throw new ExcelRenderError('table-name-taken', messages.tableNameTaken(table.name));
    }
  });
}

/** An existing product sheet: its parts, its protection and what people typed in it. */
export interface ExistingSheet extends SheetParts {
  readonly sheet: Excel.Worksheet;
  readonly protected: boolean;
  readonly tableNames: readonly string[];
  readonly people: readonly PeopleAreaContent[];
}

interface Pending {
  readonly plan: SheetPlan;
  readonly sheet: Excel.Worksheet;
  readonly protection: Excel.WorksheetProtection;
  readonly charts: Excel.ChartCollection;
  readonly tables: Excel.TableCollection;
  readonly notes?: Excel.NoteCollection;
  readonly areas: Area[];
}

/** Where a people area is now: its recorded name when it still points at this sheet, else the plan's range. */
function locate(shape: WorkbookShape, plan: SheetPlan, area: SheetPlan['areas'][number]): string {
  if (!area.name) return area.ref;
  const recorded = shape.names.find((n) => same(n.name, areaRangeName(plan.name, area.name!)));
  const ref = recorded && parseSheetRef(recorded.formula.replace(/^=/, ''));
  return ref && same(ref.sheet, plan.name) ? formatRange(ref.range) : area.ref;
}

/**
 * Sync 2 (and more only for very large people areas): the parts of every existing product sheet
 * and the people areas' cells. Returns one entry per plan (`undefined` for a new sheet).
 * @example const existing = await readExisting(syncs, shape, plans, capabilities); // existing[i]?.people
 */
export async function readExisting(
  syncs: Syncs,
  shape: WorkbookShape,
  plans: readonly SheetPlan[],
  capabilities: ExcelCapabilities,
): Promise<(ExistingSheet | undefined)[]> {
  const pending: (Pending | undefined)[] = plans.map((plan) => {
    const sheet = existingSheet(shape, plan);
    if (!sheet) return undefined;
    return {
      plan,
      sheet,
      protection: sheet.protection.load('protected'),
      charts: sheet.charts.load('items/name'),
      tables: sheet.tables.load('items/name'),
      ...(capabilities.notes ? { notes: sheet.notes.load('items/content') } : {}),
      areas: plan.areas
        .filter((a) => a.owner === 'people')
        .map((a) => ({
          sheet,
          ...(a.name !== undefined ? { name: a.name } : {}),
          ref: locate(shape, plan, a),
        })),
    };
  });
  if (pending.every((p) => p === undefined)) return plans.map(() => undefined);
  const areas = pending.flatMap((p) => p?.areas ?? []);
  const people = await readPeople(syncs, areas);
  return pending.map((p) => {
    if (!p) return undefined;
    return {
      sheet: p.sheet,
      protected: p.protection.protected,
      charts: p.charts.items,
      tables: p.tables.items,
      tableNames: p.tables.items.map((t) => t.name),
      notes: p.notes?.items ?? [],
      people: p.areas.map((a) => people.get(a)!),
    };
  });
}

/**
 * The people areas' content with the rows typed under them: each area is read with `ROWS_BELOW`
 * rows more, and again (area and typed rows, with as many rows more) while typed rows fill the
 * read to its end (rare: one more sync each time).
 */
async function readPeople(syncs: Syncs, areas: readonly Area[]): Promise<Map<Area, PeopleAreaContent>> {
  const out = new Map<Area, PeopleAreaContent>();
  // The sheets' parts are loaded with the first read: sync once even without people areas.
  if (areas.length === 0) await syncs.sync();
  let open = areas.map((area) => ({ area, ref: area.ref }));
  while (open.length > 0) {
    const reading = open.map((o) => ({
      ...o,
      read: { sheet: o.area.sheet, ref: withRowsUnder(o.ref, ROWS_BELOW) },
    }));
    const reads = await readAreas(
      syncs,
      reading.map((r) => r.read),
    );
    open = [];
    for (const { area, ref, read } of reading) {
      const { content, reachesEnd } = typedBelow(peopleContent(reads.get(read)!), ref);
      // A further read covers the whole area again: its content replaces the earlier one.
      out.set(area, {
        ...(area.name !== undefined ? { name: area.name } : {}),
        ref: content.ref,
        cells: content.cells,
      });
      if (reachesEnd && parseRange(content.ref)!.bottom < LAST_ROW) open.push({ area, ref: content.ref });
    }
  }
  return out;
}

interface Area {
  readonly sheet: Excel.Worksheet;
  readonly name?: string;
  readonly ref: string;
}

/** Reads the areas in bands, one sync per group of bands, sized from the bytes seen so far. */
async function readAreas(syncs: Syncs, areas: readonly Area[]): Promise<Map<object, AreaRead>> {
  const bands = areas.flatMap((area) => rowBands(area.ref, BAND_CELLS).map((band) => ({ area, band })));
  const rows = new Map<Area, { formulas: unknown[][]; values: unknown[][]; numberFormat: unknown[][] }>();
  for (const area of areas) rows.set(area, { formulas: [], values: [], numberFormat: [] });
  let budget = FIRST_READ_CELLS;
  let next = 0;
  do {
    const group: { area: Area; range: Excel.Range }[] = [];
    let cells = 0;
    while (next < bands.length && (group.length === 0 || cells + size(bands[next].band) <= budget)) {
      const { area, band } = bands[next++];
      cells += size(band);
      group.push({
        area,
        range: area.sheet.getRange(formatRange(band)).load('formulas,values,numberFormat'),
      });
    }
    // Each group waits for the one before: its size comes from the bytes that one returned.
    await syncs.sync();
    let bytes = 0;
    for (const { area, range } of group) {
      const into = rows.get(area)!;
      into.formulas.push(...(range.formulas as unknown[][]));
      into.values.push(...(range.values as unknown[][]));
      into.numberFormat.push(...(range.numberFormat as unknown[][]));
      bytes += utf8Length(JSON.stringify([range.formulas, range.values, range.numberFormat]));
    }
    budget = Math.max(1_000, Math.floor((READ_BYTES / Math.max(1, bytes)) * Math.max(1, cells)));
  } while (next < bands.length);
  const out = new Map<object, AreaRead>();
  for (const area of areas)
    out.set(area, {
      ...(area.name !== undefined ? { name: area.name } : {}),
      ref: area.ref,
      ...rows.get(area)!,
    });
  return out;
}

const size = (r: { top: number; bottom: number; left: number; right: number }): number =>
  (r.bottom - r.top + 1) * (r.right - r.left + 1);
