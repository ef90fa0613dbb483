/**
 * Conditional formats, the same rules the file renderer writes (`conditionalFormatting`): cell
 * comparisons, formulas relative to the range's top-left cell, two- and three-colour scales (the
 * middle at percentile 50), solid data bars with their own negative colour, a fixed scale and the
 * number hidden when asked, icon sets with thresholds. Office.js puts each new rule on top, so
 * rules are added last to first and the plan's first rule ends with the highest priority.
 */
import type { CellIsOperator, ConditionalFormatPlan } from '../../sheets/plan';
import type { ConditionalStyle } from '../../sheets/styles';
import { callBytes, step, type Step } from './batch';
import { hex } from './styles';
import type { Target } from './target';

const OPERATORS: Readonly<
  Record<CellIsOperator, Excel.ConditionalCellValueOperator | `${Excel.ConditionalCellValueOperator}`>
> = {
  greaterThan: 'GreaterThan',
  lessThan: 'LessThan',
  greaterThanOrEqual: 'GreaterThanOrEqual',
  lessThanOrEqual: 'LessThanOrEqual',
  equal: 'EqualTo',
  notEqual: 'NotEqualTo',
  between: 'Between',
};

const ICON_SETS = {
  '3TrafficLights1': 'ThreeTrafficLights1',
  '3Arrows': 'ThreeArrows',
  '3Symbols': 'ThreeSymbols',
  '3Flags': 'ThreeFlags',
} as const;

function look(format: Excel.ConditionalRangeFormat, style: ConditionalStyle): void {
  if (style.fill) format.fill.color = hex(style.fill);
  if (style.fontColor) format.font.color = hex(style.fontColor);
  if (style.bold) format.font.bold = true;
}

/** Adds one plan rule to `range`. */
function addRule(range: Excel.Range, cf: ConditionalFormatPlan): void {
  switch (cf.type) {
    case 'cellIs': {
      const rule = range.conditionalFormats.add('CellValue').cellValue;
      rule.rule = {
        operator: OPERATORS[cf.operator],
        formula1: `=${cf.formulae[0]}`,
        ...(cf.formulae.length > 1 ? { formula2: `=${cf.formulae[1]}` } : {}),
      };
      look(rule.format, cf.style);
      return;
    }
    case 'expression': {
      const rule = range.conditionalFormats.add('Custom').custom;
      rule.rule.formula = `=${cf.formula}`;
      look(rule.format, cf.style);
      return;
    }
    case 'colorScale': {
      const [low, mid, high] = cf.colors.length === 3 ? cf.colors : [cf.colors[0], undefined, cf.colors[1]];
      range.conditionalFormats.add('ColorScale').colorScale.criteria = {
        minimum: { type: 'LowestValue', color: hex(low) },
        ...(mid ? { midpoint: { type: 'Percentile', formula: '50', color: hex(mid) } } : {}),
        maximum: { type: 'HighestValue', color: hex(high!) },
      };
      return;
    }
    case 'dataBar': {
      const bar = range.conditionalFormats.add('DataBar').dataBar;
      bar.positiveFormat.fillColor = hex(cf.color);
      bar.positiveFormat.gradientFill = false;
      if (cf.negativeColor) {
        bar.negativeFormat.matchPositiveFillColor = false;
        bar.negativeFormat.fillColor = hex(cf.negativeColor);
      }
      bar.showDataBarOnly = cf.showValue === false;
      bar.lowerBoundRule = cf.scale
        ? { type: 'Number', formula: String(cf.scale.min) }
        : { type: 'LowestValue' };
      bar.upperBoundRule = cf.scale
        ? { type: 'Number', formula: String(cf.scale.max) }
        : { type: 'HighestValue' };
      return;
    }
    case 'iconSet': {
      const icons = range.conditionalFormats.add('IconSet').iconSet;
      const type = cf.percent ? 'Percent' : 'Number';
      icons.style = ICON_SETS[cf.iconSet];
      icons.reverseIconOrder = cf.reverse ?? false;
      icons.showIconOnly = cf.showValue === false;
      // Excel ignores the first criterion (everything below the second icon's bound).
      icons.criteria = [
        { type, operator: 'GreaterThanOrEqual', formula: '=0' },
        { type, operator: 'GreaterThanOrEqual', formula: `=${cf.thresholds[0]}` },
        { type, operator: 'GreaterThanOrEqual', formula: `=${cf.thresholds[1]}` },
      ];
      return;
    }
  }
}

/**
 * Every conditional format of the plan, in its priority order.
 * @example await runner.run(conditionalFormatSteps(t));
 */
export function conditionalFormatSteps(t: Target): Step[] {
  return [...t.plan.conditionalFormats]
    .reverse()
    .map((cf) => step(callBytes(cf) + 4 * 160, () => addRule(t.sheet.getRange(cf.ref), cf)));
}
