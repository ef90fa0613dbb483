/**
 * The sheet itself: frozen panes, tab colour, visibility, and emptying a product sheet before it is
 * written again. The sheet object is kept (never deleted and added again), so formulas, names and
 * charts elsewhere that point at it keep pointing at it.
 */
import type { SheetVisibility } from '../../sheets/plan';
import type { ExcelCapabilities } from '../capabilities';
import { callBytes, step, type Step } from './batch';
import { hex } from './styles';
import type { Target } from './target';

export const VISIBILITY: Readonly<
  Record<SheetVisibility, Excel.SheetVisibility | `${Excel.SheetVisibility}`>
> = {
  visible: 'Visible',
  hidden: 'Hidden',
  veryHidden: 'VeryHidden',
};

/**
 * Frozen panes and tab colour (no colour clears an earlier one).
 * @example await runner.run(sheetSteps(t));
 */
export function sheetSteps(t: Target): Step[] {
  const steps = [
    step(callBytes(t.plan.tabColor), () => (t.sheet.tabColor = t.plan.tabColor ? hex(t.plan.tabColor) : '')),
  ];
  const rows = t.plan.freeze?.row ?? 0;
  const columns = t.plan.freeze?.column ?? 0;
  if (rows > 0 || columns > 0) {
    steps.push(
      step(callBytes(rows, columns), () => {
        const panes = t.sheet.freezePanes;
        if (rows > 0 && columns > 0) panes.freezeAt(t.sheet.getRangeByIndexes(0, 0, rows, columns));
        else if (rows > 0) panes.freezeRows(rows);
        else panes.freezeColumns(columns);
      }),
    );
  }
  return steps;
}

/** What an existing product sheet holds besides cells, read before it is emptied. */
export interface SheetParts {
  readonly charts: readonly Excel.Chart[];
  readonly tables: readonly Excel.Table[];
  readonly notes: readonly Excel.Note[];
}

/**
 * Empties a product sheet in place: its notes, tables, charts, conditional formats, validations,
 * merges, contents and formats, column widths and row heights, page breaks and frozen panes.
 * @example await runner.run(clearSteps(existing.sheet, existing, capabilities));
 */
export function clearSteps(
  sheet: Excel.Worksheet,
  parts: SheetParts,
  capabilities: ExcelCapabilities,
): Step[] {
  return [
    ...parts.notes.map((note) => step(callBytes(), () => note.delete())),
    ...parts.tables.map((table) => step(callBytes(), () => table.delete())),
    ...parts.charts.map((chart) => step(callBytes(), () => chart.delete())),
    step(callBytes() * 8, () => {
      const all = sheet.getRange();
      all.conditionalFormats.clearAll();
      all.dataValidation.clear();
      all.unmerge();
      all.clear('All');
      all.format.useStandardWidth = true;
      all.format.useStandardHeight = true;
      if (capabilities.pageLayout) sheet.horizontalPageBreaks.removePageBreaks();
      sheet.freezePanes.unfreeze();
    }),
  ];
}
