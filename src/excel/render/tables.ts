/**
 * Excel tables over plan ranges (header row included), with the plan's style and row stripes, as
 * the file renderer adds them. Table names are unique in the workbook, so a trial names its tables
 * apart and the final write uses the plan's names.
 */
import { parseRange } from '../../sheets/a1';
import type { SheetPlan, TablePlan } from '../../sheets/plan';
import { callBytes, step, type Step } from './batch';
import type { Target } from './target';

/** The style the file renderer gives a table that names none. */
export const DEFAULT_TABLE_STYLE = 'TableStyleLight9';

/**
 * Throws on a table whose columns do not fit its range: a malformed plan, before Excel is asked.
 * @example checkTables(plan); // throws on 2 column names for a 3-column range
 */
export function checkTables(plan: SheetPlan): void {
  for (const table of plan.tables ?? []) {
    const range = parseRange(table.ref);
    if (!range) throw new Error(`Table ${table.name}: bad range ${table.ref}`);
    const width = range.right - range.left + 1;
    if (table.columns.length !== width)
      throw new Error(
        `Table ${table.name}: ${table.columns.length} column names for a ${width}-column range ${table.ref}`,
      );
  }
}

/**
 * Adds the plan's tables; `created` receives each table proxy (a trial renames them later).
 * @example tableSteps(t, (table, proxy) => trialTables.push({ table, proxy }))
 */
export function tableSteps(t: Target, created?: (table: TablePlan, proxy: Excel.Table) => void): Step[] {
  return (t.plan.tables ?? []).map((table, i) =>
    step(callBytes(table), () => {
      const proxy = t.sheet.tables.add(t.sheet.getRange(table.ref), true);
      proxy.name = t.mode.tableName(table, i);
      proxy.style = table.style ?? DEFAULT_TABLE_STYLE;
      proxy.showBandedRows = table.showRowStripes ?? true;
      created?.(table, proxy);
    }),
  );
}
