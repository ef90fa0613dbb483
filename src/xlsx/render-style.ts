/**
 * Translations from the plan's renderer-neutral looks (named styles, conditional formats)
 * to ExcelJS structures. Kept apart from `render.ts` so the mapping is easy to compare
 * with the Office.js renderer's.
 */
import type ExcelJS from 'exceljs';
import { FONT, resolveStyle, type ConditionalStyle, type StyleRef } from '../sheets/styles';
import type { ConditionalFormatPlan } from '../sheets/plan';

const argb = (hex: string): { argb: string } => ({ argb: `FF${hex.toUpperCase()}` });

/** Applies a named style to an ExcelJS cell (font, fill, alignment, borders). */
export function applyStyle(cell: ExcelJS.Cell, ref: StyleRef): void {
  const style = resolveStyle(ref);
  // Every styled cell names its typeface and family, so no reader falls back to a serif.
  {
    const font = style.font ?? {};
    cell.font = {
      name: font.name ?? FONT.name,
      family: FONT.family,
      ...(font.bold ? { bold: true } : {}),
      ...(font.italic ? { italic: true } : {}),
      size: font.size ?? 11,
      ...(font.color ? { color: argb(font.color) } : {}),
    };
  }
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(style.fill) };
  if (style.horizontal || style.vertical || style.wrap) {
    cell.alignment = {
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
    };
  }
  if (style.borderBottom || style.borderTop) {
    cell.border = {
      ...(style.borderBottom ? { bottom: { style: 'thin', color: argb(style.borderBottom) } } : {}),
      ...(style.borderTop ? { top: { style: 'thin', color: argb(style.borderTop) } } : {}),
    };
  }
}

/** A conditional look as an ExcelJS differential style (dxf fills use `bgColor`). */
function dxf(style: ConditionalStyle): Partial<ExcelJS.Style> {
  return {
    ...(style.fill ? { fill: { type: 'pattern', pattern: 'solid', bgColor: argb(style.fill) } } : {}),
    ...(style.fontColor || style.bold
      ? {
          font: {
            ...(style.fontColor ? { color: argb(style.fontColor) } : {}),
            ...(style.bold ? { bold: true } : {}),
          },
        }
      : {}),
  };
}

/** One plan conditional format → ExcelJS options (`priority` orders rules across the sheet). */
export function conditionalFormatting(
  plan: ConditionalFormatPlan,
  priority: number,
): ExcelJS.ConditionalFormattingOptions {
  const ref = plan.ref;
  switch (plan.type) {
    case 'cellIs':
      return {
        ref,
        // ExcelJS's typing lists four operators; its writer passes any OOXML operator through.
        rules: [
          {
            type: 'cellIs',
            priority,
            operator: plan.operator as ExcelJS.CellIsOperators,
            formulae: [...plan.formulae],
            style: dxf(plan.style),
          },
        ],
      };
    case 'expression':
      return {
        ref,
        rules: [{ type: 'expression', priority, formulae: [plan.formula], style: dxf(plan.style) }],
      };
    case 'colorScale': {
      const cfvo: ExcelJS.Cvfo[] =
        plan.colors.length === 3
          ? [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }]
          : [{ type: 'min' }, { type: 'max' }];
      return { ref, rules: [{ type: 'colorScale', priority, cfvo, color: plan.colors.map(argb) }] };
    }
    case 'dataBar': {
      const rule = {
        type: 'dataBar',
        priority,
        gradient: false,
        showValue: plan.showValue ?? true,
        cfvo: plan.scale
          ? [
              { type: 'num', value: plan.scale.min },
              { type: 'num', value: plan.scale.max },
            ]
          : [{ type: 'min' }, { type: 'max' }],
        color: argb(plan.color),
        negativeBarColorSameAsPositive: !plan.negativeColor,
        ...(plan.negativeColor ? { negativeFillColor: argb(plan.negativeColor) } : {}),
        axisPosition: 'auto',
      };
      return { ref, rules: [rule as unknown as ExcelJS.DataBarRuleType] };
    }
    case 'iconSet': {
      const kind = plan.percent ? 'percent' : 'num';
      return {
        ref,
        rules: [
          {
            type: 'iconSet',
            priority,
            iconSet: plan.iconSet,
            showValue: plan.showValue ?? true,
            reverse: plan.reverse ?? false,
            cfvo: [
              { type: 'percent', value: 0 },
              { type: kind, value: plan.thresholds[0] },
              { type: kind, value: plan.thresholds[1] },
            ],
          },
        ],
      };
    }
  }
}
