/**
 * Named styles as cell formats, the same mapping as the file renderer's `applyStyle`: the product
 * font with the style's size, weight, slant and colour, fill, alignment, wrapping, top and bottom
 * rules. Cells sharing a style are grouped into rectangles and each rectangle is formatted with
 * one `set` call, so a long styled list costs one call, not one per cell.
 */
import { formatRange, fromA1, type CellRange } from '../../sheets/a1';
import type { CellPlan } from '../../sheets/plan';
import { FONT, resolveStyle, type CellStyle, type StyleRef } from '../../sheets/styles';
import { callBytes, step, type Step } from './batch';
import type { Target } from './target';

/**
 * `RRGGBB` → `#RRGGBB`, the form Office.js takes.
 * @example hex('1f4e79') // '#1F4E79'
 */
export const hex = (color: string): string => `#${color.toUpperCase()}`;

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/**
 * The `Range.format` update for a style (borders are set apart: they are a collection).
 * @example styleFormat(resolveStyle('header')).font // { name: 'Calibri', size: 11, bold: true, color: '#FFFFFF' }
 */
export function styleFormat(style: CellStyle): Excel.Interfaces.RangeFormatUpdateData {
  const font = style.font ?? {};
  return {
    font: {
      name: font.name ?? FONT.name,
      size: font.size ?? 11,
      ...(font.bold ? { bold: true } : {}),
      ...(font.italic ? { italic: true } : {}),
      ...(font.color ? { color: hex(font.color) } : {}),
    },
    ...(style.fill ? { fill: { color: hex(style.fill) } } : {}),
    ...(style.horizontal ? { horizontalAlignment: H_ALIGN[style.horizontal] } : {}),
    ...(style.vertical ? { verticalAlignment: V_ALIGN[style.vertical] } : {}),
    ...(style.wrap ? { wrapText: true } : {}),
  };
}

/**
 * Rectangles of cells with the same style: runs along each row, stacked down while the runs
 * below match. Styles with rules stay one row high, so each row gets its own rule.
 * @example styleRectangles(cells) // [{ style: 'input', range: { top: 68, left: 1, bottom: 76, right: 7 } }, …]
 */
export function styleRectangles(cells: readonly CellPlan[]): { style: StyleRef; range: CellRange }[] {
  const rows = new Map<number, { column: number; style: StyleRef }[]>();
  for (const cell of cells) {
    const pos = cell.style && fromA1(cell.ref);
    if (!pos) continue;
    rows.set(pos.row, [...(rows.get(pos.row) ?? []), { column: pos.column, style: cell.style! }]);
  }
  const done: { style: StyleRef; range: CellRange }[] = [];
  let open: { style: StyleRef; range: CellRange }[] = [];
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const list = rows.get(row)!.sort((a, b) => a.column - b.column);
    const runs: { style: StyleRef; range: CellRange }[] = [];
    for (const { column, style } of list) {
      const last = runs[runs.length - 1];
      if (last && last.style === style && last.range.right === column - 1)
        last.range = { ...last.range, right: column };
      else runs.push({ style, range: { top: row, bottom: row, left: column, right: column } });
    }
    const next: typeof open = [];
    for (const run of runs) {
      const style = resolveStyle(run.style);
      const above = open.find(
        (o) =>
          o.style === run.style &&
          o.range.bottom === row - 1 &&
          o.range.left === run.range.left &&
          o.range.right === run.range.right,
      );
      if (above && !style.borderBottom && !style.borderTop) {
        above.range = { ...above.range, bottom: row };
        next.push(above);
      } else next.push(run);
    }
    for (const o of open) if (!next.includes(o)) done.push(o);
    open = next;
  }
  return [...done, ...open];
}

/**
 * Formats every styled cell of the plan.
 * @example await runner.run(styleSteps(t));
 */
export function styleSteps(t: Target): Step[] {
  const steps: Step[] = [];
  for (const { style: name, range } of styleRectangles(t.plan.cells)) {
    const style = resolveStyle(name);
    const address = formatRange(range);
    const format = styleFormat(style);
    steps.push(step(callBytes(address, format), () => t.sheet.getRange(address).set({ format })));
    for (const [edge, color] of [
      ['EdgeTop', style.borderTop],
      ['EdgeBottom', style.borderBottom],
    ] as const) {
      if (!color) continue;
      const border = { style: 'Continuous' as const, weight: 'Thin' as const, color: hex(color) };
      steps.push(
        step(callBytes(address, edge, border), () =>
          t.sheet.getRange(address).format.borders.getItem(edge).set(border),
        ),
      );
    }
  }
  return steps;
}
