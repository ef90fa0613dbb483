/**
 * Page setup (ExcelApi 1.9), as the file renderer's `setUpPrinting`: orientation, one page wide
 * with pages running down, the print area over the plan's columns down to its last row, title rows
 * on every page and a page break after each of the plan's break rows. Without a print plan a sheet
 * prints landscape, one page wide. Older hosts print with Excel's defaults.
 */
import type { SheetPlan } from '../../sheets/plan';
import { callBytes, step, type Step } from './batch';
import type { Target } from './target';

/**
 * The last row any cell or chart of the plan uses.
 * @example lastRow({ ...emptyPlan('S'), cells: [textCell('B40', 'x')] }) // 40
 */
export function lastRow(plan: SheetPlan): number {
  let last = 1;
  for (const cell of plan.cells) last = Math.max(last, Number(/\d+$/.exec(cell.ref)?.[0] ?? 1));
  for (const chart of plan.charts) last = Math.max(last, Number(/\d+$/.exec(chart.anchor.to)?.[0] ?? 1));
  return last;
}

/**
 * The print area as an address: columns `A:R` become `A1:R<last row>`.
 * @example printArea('A:H', 76) // 'A1:H76'
 */
export function printArea(area: string, last: number): string {
  const columns = /^([A-Z]+):([A-Z]+)$/.exec(area);
  return columns ? `${columns[1]}1:${columns[2]}${last}` : area;
}

const ONE_PAGE_WIDE: Excel.PageLayoutZoomOptions = { horizontalFitToPages: 1, verticalFitToPages: 0 };

/**
 * The page setup steps; none where the host has no page layout (before ExcelApi 1.9).
 * @example await runner.run(printSteps(t));
 */
export function printSteps(t: Target): Step[] {
  if (!t.capabilities.pageLayout) return [];
  const print = t.plan.print;
  const layout = (): Excel.PageLayout => t.sheet.pageLayout;
  if (!print) {
    return [
      step(callBytes(ONE_PAGE_WIDE), () => {
        layout().orientation = 'Landscape';
        layout().zoom = ONE_PAGE_WIDE;
      }),
    ];
  }
  const area = printArea(print.area, lastRow(t.plan));
  return [
    step(callBytes(print, area), () => {
      layout().orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      if (print.fitToWidth) layout().zoom = ONE_PAGE_WIDE;
      layout().setPrintArea(area);
      if (print.titleRows) layout().setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
    }),
    // A break added at a row starts a new page there: the page ends on the row before.
    ...print.rowBreaks.map((row) =>
      step(callBytes(row), () => t.sheet.horizontalPageBreaks.add(`A${row + 1}`)),
    ),
  ];
}
