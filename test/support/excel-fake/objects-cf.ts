/**
 * Conditional formats: `add(type)` puts the new rule on top of the sheet's list (priority 0), each
 * type exposes only its own settings, and settings are checked as Excel checks them (rule formulas
 * start with `=`, colours are `#RRGGBB`, criteria types and icon styles come from Excel's lists).
 */
import { FakeObject, defineProps, type FakeContext } from './proxy';
import { intersects, officeError, type CfState, type RangeRef } from './state';
import { isColor } from './typing';

const TYPES = [
  'Custom',
  'DataBar',
  'ColorScale',
  'IconSet',
  'TopBottom',
  'PresetCriteria',
  'ContainsText',
  'CellValue',
];
const OPERATORS = [
  'Between',
  'NotBetween',
  'EqualTo',
  'NotEqualTo',
  'GreaterThan',
  'LessThan',
  'GreaterThanOrEqual',
  'LessThanOrEqual',
];
const RULE_TYPES = ['LowestValue', 'HighestValue', 'Number', 'Percent', 'Formula', 'Percentile', 'Automatic'];
const ICON_SETS: Record<string, number> = {
  ThreeArrows: 3,
  ThreeArrowsGray: 3,
  ThreeFlags: 3,
  ThreeTrafficLights1: 3,
  ThreeTrafficLights2: 3,
  ThreeSigns: 3,
  ThreeSymbols: 3,
  ThreeSymbols2: 3,
  ThreeStars: 3,
  ThreeTriangles: 3,
  FourArrows: 4,
  FourArrowsGray: 4,
  FourRedToBlack: 4,
  FourRating: 4,
  FourTrafficLights: 4,
  FiveArrows: 5,
  FiveArrowsGray: 5,
  FiveRating: 5,
  FiveQuarters: 5,
  FiveBoxes: 5,
};

const bad = (message: string): never => {
  throw officeError('InvalidArgument', message);
};

function formulaText(value: unknown, what: string): string {
  if (typeof value !== 'string' || !value.startsWith('=') || value.length < 2)
    bad(`${what} must be a formula starting with "=" (got ${JSON.stringify(value)}).`);
  return value as string;
}

function colorText(value: unknown): string {
  if (!isColor(value)) bad(`${JSON.stringify(value)} is not a colour (#RRGGBB).`);
  return (value as string).toUpperCase();
}

function numericRule(
  rule: { type?: unknown; formula?: unknown } | undefined,
  what: string,
): Record<string, unknown> {
  if (!rule || typeof rule.type !== 'string' || !RULE_TYPES.includes(rule.type))
    bad(`${what}: unknown rule type ${JSON.stringify(rule?.type)}.`);
  const needsValue = ['Number', 'Percent', 'Percentile', 'Formula'].includes(rule!.type as string);
  if (
    needsValue &&
    (typeof rule!.formula !== 'string' ||
      (rule!.type !== 'Formula' && !Number.isFinite(Number(String(rule!.formula).replace(/^=/, '')))))
  )
    bad(`${what}: a ${String(rule!.type)} rule needs a number.`);
  return { type: rule!.type, ...(needsValue ? { formula: rule!.formula } : {}) };
}

export class FakeConditionalFormatCollection extends FakeObject<RangeRef> {
  static override typeName = 'ConditionalFormatCollection';

  add(type: string): FakeConditionalFormat {
    let created: CfState | undefined;
    const cf = new FakeConditionalFormat(this.context, `${this.path}.add('${type}')`, () => created ?? null);
    this.queue(
      'ConditionalFormatCollection.add',
      [type],
      () => {
        const { sheet, rect } = this.target();
        if (sheet.protection.protected)
          throw officeError('AccessDenied', `Sheet "${sheet.name}" is protected.`);
        if (!TYPES.includes(type)) bad(`Unknown conditional format type ${type}.`);
        created = { id: this.context.state.uniqueId('cf'), sheet, type, rect, props: {} };
        sheet.cfs.unshift(created);
        cf.bind(created);
      },
      '1.6',
    );
    return cf;
  }

  clearAll(): void {
    this.queue(
      'ConditionalFormatCollection.clearAll',
      [],
      () => {
        const { sheet, rect } = this.target();
        if (sheet.protection.protected)
          throw officeError('AccessDenied', `Sheet "${sheet.name}" is protected.`);
        sheet.cfs = sheet.cfs.filter((cf) => !intersects(cf.rect, rect));
      },
      '1.6',
    );
  }
}

export class FakeConditionalFormat extends FakeObject<CfState> {
  static override typeName = 'ConditionalFormat';
  private part<P extends FakeObject<CfState>>(
    name: string,
    type: string,
    make: new (context: FakeContext, path: string, locate: () => CfState | null) => P,
  ): P {
    return this.child(
      name,
      (p, l) => new make(this.context, p, l),
      (cf) => {
        if (cf.type !== type)
          throw officeError('InvalidOperation', `A ${cf.type} conditional format has no ${name} settings.`);
        return cf;
      },
    );
  }
  get custom(): FakeRuleWithFormat {
    return this.part('custom', 'Custom', FakeRuleWithFormat);
  }
  get cellValue(): FakeCellValueFormat {
    return this.part('cellValue', 'CellValue', FakeCellValueFormat);
  }
  get colorScale(): FakeColorScale {
    return this.part('colorScale', 'ColorScale', FakeColorScale);
  }
  get dataBar(): FakeDataBar {
    return this.part('dataBar', 'DataBar', FakeDataBar);
  }
  get iconSet(): FakeIconSet {
    return this.part('iconSet', 'IconSet', FakeIconSet);
  }
}

defineProps(FakeConditionalFormat, {
  type: { get: (cf) => cf.type },
  priority: {
    get: (cf) => cf.sheet.cfs.indexOf(cf),
    set: (cf, v: number) => {
      const list = cf.sheet.cfs.filter((x) => x !== cf);
      list.splice(Math.max(0, Math.min(v, list.length)), 0, cf);
      cf.sheet.cfs = list;
    },
  },
  stopIfTrue: { set: (cf, v: boolean) => (cf.props.stopIfTrue = v) },
});

/** `format` of a Custom or CellValue rule: the look applied when the rule holds. */
class FakeCfLook extends FakeObject<CfState> {
  static override typeName = 'ConditionalRangeFormat';
  get font(): FakeCfFont {
    return this.child(
      'font',
      (p, l) => new FakeCfFont(this.context, p, l),
      (t) => t,
    );
  }
  get fill(): FakeCfFill {
    return this.child(
      'fill',
      (p, l) => new FakeCfFill(this.context, p, l),
      (t) => t,
    );
  }
}
const look = (cf: CfState): Record<string, unknown> => (cf.props.format ??= {}) as Record<string, unknown>;
class FakeCfFont extends FakeObject<CfState> {
  static override typeName = 'ConditionalRangeFont';
}
defineProps(FakeCfFont, {
  color: { set: (cf, v) => (look(cf).fontColor = colorText(v)) },
  bold: { set: (cf, v: boolean) => (look(cf).bold = v) },
  italic: { set: (cf, v: boolean) => (look(cf).italic = v) },
});
class FakeCfFill extends FakeObject<CfState> {
  static override typeName = 'ConditionalRangeFill';
}
defineProps(FakeCfFill, { color: { set: (cf, v) => (look(cf).fill = colorText(v)) } });

class FakeRuleWithFormat extends FakeObject<CfState> {
  static override typeName = 'CustomConditionalFormat';
  get format(): FakeCfLook {
    return this.child(
      'format',
      (p, l) => new FakeCfLook(this.context, p, l),
      (t) => t,
    );
  }
  get rule(): FakeCustomRule {
    return this.child(
      'rule',
      (p, l) => new FakeCustomRule(this.context, p, l),
      (t) => t,
    );
  }
}
class FakeCustomRule extends FakeObject<CfState> {
  static override typeName = 'ConditionalFormatRule';
}
defineProps(FakeCustomRule, {
  formula: { set: (cf, v) => (cf.props.formula = formulaText(v, 'A custom rule')) },
});

class FakeCellValueFormat extends FakeObject<CfState> {
  static override typeName = 'CellValueConditionalFormat';
  get format(): FakeCfLook {
    return this.child(
      'format',
      (p, l) => new FakeCfLook(this.context, p, l),
      (t) => t,
    );
  }
}
defineProps(FakeCellValueFormat, {
  rule: {
    set: (cf, v: { formula1?: unknown; formula2?: unknown; operator?: unknown }) => {
      if (typeof v?.operator !== 'string' || !OPERATORS.includes(v.operator))
        bad(`Unknown operator ${JSON.stringify(v?.operator)}.`);
      const between = v.operator === 'Between' || v.operator === 'NotBetween';
      cf.props.rule = {
        operator: v.operator,
        formula1: formulaText(v.formula1, 'formula1'),
        ...(between ? { formula2: formulaText(v.formula2, 'formula2') } : {}),
      };
    },
  },
});

class FakeColorScale extends FakeObject<CfState> {
  static override typeName = 'ColorScaleConditionalFormat';
}
defineProps(FakeColorScale, {
  criteria: {
    set: (cf, v: Record<string, { type?: unknown; formula?: unknown; color?: unknown } | undefined>) => {
      const point = (name: string) => {
        const c = v?.[name];
        if (!c) return undefined;
        return { ...numericRule(c, `colour scale ${name}`), color: colorText(c.color) };
      };
      if (!v?.minimum || !v?.maximum) bad('A colour scale needs a minimum and a maximum.');
      cf.props.criteria = {
        minimum: point('minimum'),
        ...(v.midpoint ? { midpoint: point('midpoint') } : {}),
        maximum: point('maximum'),
      };
    },
  },
});

class FakeDataBar extends FakeObject<CfState> {
  static override typeName = 'DataBarConditionalFormat';
  get positiveFormat(): FakeBarSide {
    return this.child(
      'positiveFormat',
      (p, l) => new FakeBarSide(this.context, p, l),
      (t) => t,
    );
  }
  get negativeFormat(): FakeBarNegative {
    return this.child(
      'negativeFormat',
      (p, l) => new FakeBarNegative(this.context, p, l),
      (t) => t,
    );
  }
}
defineProps(FakeDataBar, {
  showDataBarOnly: { set: (cf, v: boolean) => (cf.props.showDataBarOnly = v) },
  lowerBoundRule: {
    set: (cf, v: { type?: unknown; formula?: unknown }) =>
      (cf.props.lowerBoundRule = numericRule(v, 'lower bound')),
  },
  upperBoundRule: {
    set: (cf, v: { type?: unknown; formula?: unknown }) =>
      (cf.props.upperBoundRule = numericRule(v, 'upper bound')),
  },
  axisFormat: { set: (cf, v: string) => (cf.props.axisFormat = v) },
  barDirection: { set: (cf, v: string) => (cf.props.barDirection = v) },
});
const side = (cf: CfState, key: 'positive' | 'negative'): Record<string, unknown> =>
  (cf.props[key] ??= {}) as Record<string, unknown>;
class FakeBarSide extends FakeObject<CfState> {
  static override typeName = 'ConditionalDataBarPositiveFormat';
}
defineProps(FakeBarSide, {
  fillColor: { set: (cf, v) => (side(cf, 'positive').fillColor = colorText(v)) },
  gradientFill: { set: (cf, v: boolean) => (side(cf, 'positive').gradientFill = v) },
  borderColor: { set: (cf, v) => (side(cf, 'positive').borderColor = colorText(v)) },
});
class FakeBarNegative extends FakeObject<CfState> {
  static override typeName = 'ConditionalDataBarNegativeFormat';
}
defineProps(FakeBarNegative, {
  fillColor: { set: (cf, v) => (side(cf, 'negative').fillColor = colorText(v)) },
  matchPositiveFillColor: { set: (cf, v: boolean) => (side(cf, 'negative').matchPositiveFillColor = v) },
  matchPositiveBorderColor: { set: (cf, v: boolean) => (side(cf, 'negative').matchPositiveBorderColor = v) },
});

class FakeIconSet extends FakeObject<CfState> {
  static override typeName = 'IconSetConditionalFormat';
}
defineProps(FakeIconSet, {
  style: {
    set: (cf, v: string) => {
      if (!(v in ICON_SETS)) bad(`Unknown icon set ${JSON.stringify(v)}.`);
      cf.props.style = v;
    },
  },
  criteria: {
    set: (cf, v: { type?: unknown; operator?: unknown; formula?: unknown }[]) => {
      const count = ICON_SETS[String(cf.props.style ?? 'ThreeTrafficLights1')];
      if (!Array.isArray(v) || v.length !== count)
        bad(`An icon set of ${count} icons needs ${count} criteria.`);
      // Excel ignores the first criterion (everything below the second icon's bound).
      cf.props.criteria = v.slice(1).map((c) => {
        if (c.operator !== 'GreaterThan' && c.operator !== 'GreaterThanOrEqual')
          bad(`Unknown icon operator ${JSON.stringify(c.operator)}.`);
        return { ...numericRule(c, 'icon criterion'), operator: c.operator };
      });
    },
  },
  reverseIconOrder: { set: (cf, v: boolean) => (cf.props.reverseIconOrder = v) },
  showIconOnly: { set: (cf, v: boolean) => (cf.props.showIconOnly = v) },
});
