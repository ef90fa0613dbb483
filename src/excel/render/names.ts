/**
 * Workbook names: the plan's named ranges and the `SM_<sheet>_<area>` names recording where each
 * named area is, so a refresh finds people's cells even after rows were inserted above them
 * (Excel moves names with the cells). `names.add` fails when the name exists, so a refresh deletes
 * the names it owns first; a trial puts its names on its own sheet, where they vanish with it.
 */
import { formatRange, parseSheetRef } from '../../sheets/a1';
import type { SheetPlan } from '../../sheets/plan';
import { callBytes, step, type Step } from './batch';
import type { Target } from './target';

/**
 * The workbook name of a sheet's area; the same name the file renderer writes.
 * @example areaRangeName('Review 2026-W48', 'actions') // 'SM_Review_2026_W48_actions'
 */
export function areaRangeName(sheetName: string, areaName: string): string {
  const slug = (s: string): string => s.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return `SM_${slug(sheetName)}_${slug(areaName)}`;
}

/**
 * Every name a plan defines, with the reference it gets.
 * @example planNames(reviewPlan) // [{ name: 'SM_Review_2026_W47_actions', ref: 'A68:G76', onSheet: true }, …]
 */
export function planNames(plan: SheetPlan): { name: string; ref: string; onSheet: boolean }[] {
  return [
    ...plan.namedRanges.map((n) => ({ name: n.name, ref: n.ref, onSheet: false })),
    ...plan.areas
      .filter((a) => a.name)
      .map((a) => ({ name: areaRangeName(plan.name, a.name!), ref: a.ref, onSheet: true })),
  ];
}

/**
 * Whether an existing name is this plan's to replace: an area name of its sheet, a name on its
 * sheet, a name already pointing where the plan puts it, or a name whose sheet is gone (`#REF!`).
 * @example ownsName(plan, 'SM_Dashboard_dashboard', '=Dashboard!$A$1:$V$128') // true
 */
export function ownsName(plan: SheetPlan, name: string, formula: string): boolean {
  if (name.toLowerCase().startsWith(areaRangeName(plan.name, '').toLowerCase())) return true;
  if (/#REF!/.test(formula)) return true;
  const ref = parseSheetRef(formula.replace(/^=/, ''));
  if (!ref) return false;
  if (ref.sheet.toLowerCase() === plan.name.toLowerCase()) return true;
  const planned = plan.namedRanges.find((n) => n.name.toLowerCase() === name.toLowerCase());
  const target = planned && parseSheetRef(planned.ref);
  return (
    target !== undefined &&
    target.sheet.toLowerCase() === ref.sheet.toLowerCase() &&
    formatRange(target.range) === formatRange(ref.range)
  );
}

/**
 * Defines the plan's names on the target (workbook names, or sheet names in a trial).
 * @example await runner.run(nameSteps(target(workbook, sheet, plan, capabilities, FINAL)));
 */
export function nameSteps(t: Target): Step[] {
  return planNames(t.plan).map(({ name, ref, onSheet }) =>
    step(callBytes(name, ref), () => {
      const range = onSheet ? t.sheet.getRange(ref) : t.range(ref);
      (t.mode.names === 'workbook' ? t.workbook.names : t.sheet.names).add(name, range);
    }),
  );
}

/**
 * Deletes workbook names (before they are defined again).
 * @example deleteNameSteps(workbook, ['KpiRevenue'])
 */
export function deleteNameSteps(workbook: Excel.Workbook, names: readonly string[]): Step[] {
  return names.map((name) => step(callBytes(name), () => workbook.names.getItem(name).delete()));
}
