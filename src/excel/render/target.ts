/**
 * Where one plan is written: the sheet (a temporary trial sheet or the product sheet itself), how
 * the plan's sheet-qualified references map onto it, and how tables and names are named there.
 */
import { formatRange, parseSheetRef } from '../../sheets/a1';
import type { SheetPlan, TablePlan } from '../../sheets/plan';
import type { ExcelCapabilities } from '../capabilities';

/** How a write names what must be unique in the workbook. */
export interface WriteMode {
  /** The name a plan table gets (a trial uses names that cannot clash with the tables it replaces). */
  readonly tableName: (table: TablePlan, index: number) => string;
  /** Where names go: on the sheet (a trial's vanish with it) or in the workbook. */
  readonly names: 'sheet' | 'workbook';
}

/** The final write: plan names, workbook names. */
export const FINAL: WriteMode = { tableName: (table) => table.name, names: 'workbook' };

export interface Target {
  readonly workbook: Excel.Workbook;
  readonly sheet: Excel.Worksheet;
  readonly plan: SheetPlan;
  readonly capabilities: ExcelCapabilities;
  readonly mode: WriteMode;
  /** A sheet-qualified plan reference as a range; the plan's own sheet is `sheet`. */
  range(ref: string): Excel.Range;
}

/** The sheet that stands for another plan's sheet in this render (its trial sheet during the trial). */
export type SheetLookup = (name: string) => Excel.Worksheet | undefined;

/**
 * A target for `plan` on `sheet`.
 * @example target(context.workbook, sheet, plan, caps, FINAL).range('Dashboard!$B$2:$B$13')
 */
export function target(
  workbook: Excel.Workbook,
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  capabilities: ExcelCapabilities,
  mode: WriteMode,
  others: SheetLookup = () => undefined,
): Target {
  return {
    workbook,
    sheet,
    plan,
    capabilities,
    mode,
    range(ref: string): Excel.Range {
      const parsed = parseSheetRef(ref);
      if (!parsed) return sheet.getRange(ref);
      const address = formatRange(parsed.range);
      if (parsed.sheet.toLowerCase() === plan.name.toLowerCase()) return sheet.getRange(address);
      return (others(parsed.sheet) ?? workbook.worksheets.getItem(parsed.sheet)).getRange(address);
    },
  };
}
