/**
 * What a workbook file says about the product's sheets before they are replaced: which sheets
 * the product wrote (each records its areas in `SM_<sheet>_<area>` workbook names, as the Excel
 * host checks too) and which hold actions people typed.
 */
import type ExcelJS from 'exceljs';
import { parseSheetRef } from '../sheets/a1';
import type { SheetPlan } from '../sheets/plan';
import { ACTIONS_AREA } from '../sheets/review';
import { areaRangeName, readNamedPeopleArea } from './render';

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The workbook's names as ExcelJS holds them: a name and the ranges it points at. */
function namesOf(workbook: ExcelJS.Workbook): readonly { name: string; ranges: readonly string[] }[] {
  const model = (workbook.definedNames as unknown as { model?: unknown }).model;
  return Array.isArray(model) ? (model as { name: string; ranges: string[] }[]) : [];
}

/** True when a `SM_<sheet>_…` name points at the sheet: the product wrote it. */
export function recordedAsProductSheet(workbook: ExcelJS.Workbook, sheet: string): boolean {
  const prefix = areaRangeName(sheet, '').toLowerCase();
  return namesOf(workbook).some(
    (n) =>
      n.name.toLowerCase().startsWith(prefix) &&
      n.ranges.some((ref) => same(parseSheetRef(ref)?.sheet ?? '', sheet)),
  );
}

/**
 * Sheets of the workbook that writing `plans` would replace although the product did not write
 * them: a sheet with a plan's name (in any case) without the plan's recorded names. Plans whose
 * sheet records no names (the configuration) are not judged.
 * @example foreignSheets(['Orders', 'Dashboard'], productSheetsModel, [dashboardPlan]) // ['Dashboard'] when the user made it
 * @param sheetNames every sheet of the workbook, in tab order
 * @param workbook the product's sheets as a model, with the workbook's names
 */
export function foreignSheets(
  sheetNames: readonly string[],
  workbook: ExcelJS.Workbook,
  plans: readonly SheetPlan[],
): string[] {
  const out: string[] = [];
  for (const plan of plans) {
    if (!plan.areas.some((a) => a.name)) continue;
    for (const name of sheetNames) {
      if (!same(name, plan.name)) continue;
      const ours = name === plan.name && recordedAsProductSheet(workbook, name);
      if (!ours && !out.includes(name)) out.push(name);
    }
  }
  return out;
}

/** A product sheet holding actions people typed, and how many non-empty cells they fill. */
export interface TypedActions {
  readonly sheet: string;
  readonly cells: number;
}

/**
 * The review sheets whose Actions hold typed cells (what a rebuild over the file would lose).
 * @example typedActions(await openSheetsOf(buffer, isProductSheet)) // [{ sheet: 'Review 2026-W48', cells: 4 }]
 */
export function typedActions(workbook: ExcelJS.Workbook): TypedActions[] {
  const out: TypedActions[] = [];
  for (const ws of workbook.worksheets) {
    const area = readNamedPeopleArea(workbook, ws.name, ACTIONS_AREA);
    if (!area) continue;
    const cells = area.cells.filter(
      (c) => c.formula !== undefined || (c.value !== null && c.value !== undefined && c.value !== ''),
    ).length;
    if (cells > 0) out.push({ sheet: ws.name, cells });
  }
  return out;
}
