/**
 * Writes the product's sheets into a workbook and saves it with native charts: the one call
 * the CLI and tests use. People's typed cells are read back and kept before each sheet is
 * replaced, so calling this on a refreshed workbook never loses them.
 */
import type ExcelJS from 'exceljs';
import type { SheetPlan } from '../sheets/plan';
import { mergePeopleAreas } from '../sheets/merge';
import { activateSheet, readPeopleAreas, readRangeValues, renderSheetPlan } from './render';
import { addCharts } from './charts';

/**
 * Renders every plan (keeping people areas), saves, and adds the plans' charts.
 * @example
 * const wb = new ExcelJS.Workbook();
 * await fs.promises.writeFile('out.xlsx', await writeWorkbook(wb, [dashboardPlan]));
 */
export async function writeWorkbook(
  workbook: ExcelJS.Workbook,
  plans: readonly SheetPlan[],
): Promise<Buffer> {
  for (const plan of plans) {
    renderSheetPlan(workbook, mergePeopleAreas(plan, readPeopleAreas(workbook, plan.name, plan)));
  }
  const active = plans.find((plan) => plan.active);
  if (active) activateSheet(workbook, active.name);
  // Formulas whose engine value is an error carry no cached result: have Excel compute all on open.
  if (plans.some((p) => p.cells.some((c) => c.formula !== undefined)))
    workbook.calcProperties.fullCalcOnLoad = true;
  const saved = Buffer.from(await workbook.xlsx.writeBuffer());
  const charts = plans
    .filter((p) => p.charts.length > 0)
    .map((p) => ({ sheetName: p.name, charts: p.charts }));
  if (charts.length === 0) return saved;
  return addCharts(saved, charts, (ref) => readRangeValues(workbook, ref));
}
