/**
 * What a sheet rendered from a plan must hold, stated from the plan alone (the file renderer's
 * semantics), in the fake's dump form: so a test compares a rendered sheet with its plan.
 */
import { formatRange, parseRange, parseSheetRef, quoteSheetName } from '../../../src/sheets/a1';
import type { CellPlan, ChartPlan, ConditionalFormatPlan, SheetPlan } from '../../../src/sheets/plan';
import { FONT, PALETTE, resolveStyle, type ConditionalStyle } from '../../../src/sheets/styles';
import type { DumpedCell, DumpedSheet } from './dump';

const hex = (c: string): string => `#${c.toUpperCase()}`;

/** The cell a plan cell becomes (value or formula, number format, look, note). */
export function expectedCell(cell: CellPlan, options: { notes: boolean }): DumpedCell | undefined {
  const out: Record<string, unknown> = {};
  if (cell.formula !== undefined) out.formula = `=${cell.formula}`;
  else if (cell.value !== undefined && cell.value !== null && cell.value !== '') out.value = cell.value;
  if (cell.format) out.numberFormat = cell.format;
  if (cell.style) {
    const s = resolveStyle(cell.style);
    out.font = {
      name: s.font?.name ?? FONT.name,
      ...(s.font?.size !== undefined && s.font.size !== 11 ? { size: s.font.size } : {}),
      ...(s.font?.bold ? { bold: true } : {}),
      ...(s.font?.italic ? { italic: true } : {}),
      ...(s.font?.color && s.font.color !== '000000' ? { color: hex(s.font.color) } : {}),
    };
    if (s.fill) out.fill = hex(s.fill);
    if (s.horizontal) out.horizontal = { left: 'Left', center: 'Center', right: 'Right' }[s.horizontal];
    if (s.vertical) out.vertical = { top: 'Top', middle: 'Center', bottom: 'Bottom' }[s.vertical];
    if (s.wrap) out.wrap = true;
    const borders: Record<string, { style: string; color: string }> = {};
    if (s.borderTop) borders.top = { style: 'Continuous', color: hex(s.borderTop) };
    if (s.borderBottom) borders.bottom = { style: 'Continuous', color: hex(s.borderBottom) };
    if (Object.keys(borders).length) out.borders = borders;
  }
  if (cell.note && options.notes) out.note = cell.note;
  return Object.keys(out).length ? (out as DumpedCell) : undefined;
}

const look = (s: ConditionalStyle) => ({
  ...(s.fill ? { fill: hex(s.fill) } : {}),
  ...(s.fontColor ? { fontColor: hex(s.fontColor) } : {}),
  ...(s.bold ? { bold: true } : {}),
});

const OPERATOR = {
  greaterThan: 'GreaterThan',
  lessThan: 'LessThan',
  greaterThanOrEqual: 'GreaterThanOrEqual',
  lessThanOrEqual: 'LessThanOrEqual',
  equal: 'EqualTo',
  notEqual: 'NotEqualTo',
  between: 'Between',
};
const ICONS = {
  '3TrafficLights1': 'ThreeTrafficLights1',
  '3Arrows': 'ThreeArrows',
  '3Symbols': 'ThreeSymbols',
  '3Flags': 'ThreeFlags',
};

/** A plan conditional format as Excel holds it. */
export function expectedConditionalFormat(cf: ConditionalFormatPlan): Record<string, unknown> {
  switch (cf.type) {
    case 'cellIs':
      return {
        type: 'CellValue',
        ref: cf.ref,
        rule: {
          operator: OPERATOR[cf.operator],
          formula1: `=${cf.formulae[0]}`,
          ...(cf.formulae[1] ? { formula2: `=${cf.formulae[1]}` } : {}),
        },
        format: look(cf.style),
      };
    case 'expression':
      return { type: 'Custom', ref: cf.ref, formula: `=${cf.formula}`, format: look(cf.style) };
    case 'colorScale': {
      const [low, mid, high] = cf.colors.length === 3 ? cf.colors : [cf.colors[0], undefined, cf.colors[1]];
      return {
        type: 'ColorScale',
        ref: cf.ref,
        criteria: {
          minimum: { type: 'LowestValue', color: hex(low) },
          ...(mid ? { midpoint: { type: 'Percentile', formula: '50', color: hex(mid) } } : {}),
          maximum: { type: 'HighestValue', color: hex(high!) },
        },
      };
    }
    case 'dataBar':
      return {
        type: 'DataBar',
        ref: cf.ref,
        positive: { fillColor: hex(cf.color), gradientFill: false },
        ...(cf.negativeColor
          ? { negative: { matchPositiveFillColor: false, fillColor: hex(cf.negativeColor) } }
          : {}),
        showDataBarOnly: cf.showValue === false,
        lowerBoundRule: cf.scale
          ? { type: 'Number', formula: String(cf.scale.min) }
          : { type: 'LowestValue' },
        upperBoundRule: cf.scale
          ? { type: 'Number', formula: String(cf.scale.max) }
          : { type: 'HighestValue' },
      };
    case 'iconSet': {
      const type = cf.percent ? 'Percent' : 'Number';
      return {
        type: 'IconSet',
        ref: cf.ref,
        style: ICONS[cf.iconSet],
        reverseIconOrder: cf.reverse ?? false,
        showIconOnly: cf.showValue === false,
        criteria: cf.thresholds.map((t) => ({ type, operator: 'GreaterThanOrEqual', formula: `=${t}` })),
      };
    }
  }
}

/** A sheet-qualified reference as the renamed sheet shows it. */
const onSheet = (ref: string): string => {
  const parsed = parseSheetRef(ref)!;
  return `${quoteSheetName(parsed.sheet)}!${formatRange(parsed.range, true)}`;
};

export function expectedChart(chart: ChartPlan) {
  return {
    type: { line: 'Line', bar: 'BarClustered', column: 'ColumnClustered' }[chart.type],
    title: chart.title,
    legend: chart.legend === 'none' ? 'none' : chart.legend === 'right' ? 'Right' : 'Bottom',
    position: { from: chart.anchor.from, to: chart.anchor.to },
    axes: {
      value: chart.yAxisFormat ? { numberFormat: chart.yAxisFormat } : {},
      category: chart.type === 'bar' ? { reversePlotOrder: true, position: 'Maximum' } : {},
    },
    series: chart.series.map((s, i) => {
      const color = hex(s.color ?? PALETTE.series[i % PALETTE.series.length]);
      return {
        name: s.name,
        values: onSheet(s.ref),
        categories: onSheet(chart.categories),
        [chart.type === 'line' ? 'line' : 'fill']: color,
        // A forecast dashed, an interval's end dotted, and the weight the plan gives.
        ...(chart.type === 'line' && s.lineStyle && s.lineStyle !== 'solid'
          ? { lineStyle: s.lineStyle === 'dashed' ? 'Dash' : 'RoundDot' }
          : {}),
        ...(chart.type === 'line' && s.lineWidth !== undefined ? { lineWeight: s.lineWidth } : {}),
        // The point of a period not over: a hollow circle.
        ...(chart.type === 'line' && s.partialPoint !== undefined
          ? {
              points: {
                [s.partialPoint]: {
                  markerStyle: 'Circle',
                  markerSize: 7,
                  markerBackgroundColor: '#FFFFFF',
                  markerForegroundColor: color,
                },
              },
            }
          : {}),
      };
    }),
  };
}

/** Everything a rendered sheet must show for `plan` (merge people's cells into the plan first). */
export function expectedSheet(plan: SheetPlan, options: { notes: boolean; pageLayout: boolean }) {
  const cells: Record<string, DumpedCell> = {};
  const unlocked = plan.protectedAreas
    ? plan.areas.filter((a) => a.owner === 'people').map((a) => parseRange(a.ref)!)
    : [];
  for (const cell of plan.cells) {
    const expected = expectedCell(cell, options);
    const pos = parseRange(cell.ref)!;
    const open = unlocked.some(
      (r) => pos.top >= r.top && pos.top <= r.bottom && pos.left >= r.left && pos.left <= r.right,
    );
    if (expected) cells[cell.ref] = open ? { ...expected, locked: false } : expected;
  }
  const last = [...plan.cells.map((c) => c.ref), ...plan.charts.map((c) => c.anchor.to)].reduce(
    (max, ref) => Math.max(max, Number(/\d+$/.exec(ref)![0])),
    1,
  );
  const area = plan.print && /^([A-Z]+):([A-Z]+)$/.exec(plan.print.area);
  return {
    cells,
    columnWidths: Object.fromEntries(
      plan.columns.map((c) => [
        formatRange({ top: 1, bottom: 1, left: c.index, right: c.index }).replace(/\d+/, ''),
        ((Math.trunc(c.width * 7 + 0.5) + 5) * 72) / 96,
      ]),
    ),
    rowHeights: Object.fromEntries((plan.rowHeights ?? []).map((r) => [r.index, r.height])),
    merges: [...plan.merges],
    conditionalFormats: plan.conditionalFormats.map(expectedConditionalFormat),
    tables: (plan.tables ?? []).map((t) => ({
      name: t.name,
      ref: t.ref,
      style: t.style ?? 'TableStyleLight9',
      showBandedRows: t.showRowStripes ?? true,
      columns: [...t.columns],
    })),
    charts: plan.charts.map(expectedChart),
    validations: (plan.validations ?? []).map((v) => ({
      ref: v.ref,
      rule: { list: { inCellDropDown: true, source: v.list.join(',') } },
      errorAlert: { showAlert: false, style: 'Stop', title: '', message: '' },
      ignoreBlanks: true,
    })),
    freeze: { rows: plan.freeze?.row ?? 0, columns: plan.freeze?.column ?? 0 },
    tabColor: plan.tabColor ? hex(plan.tabColor) : '',
    visibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' }[plan.hidden ?? 'visible'],
    protected: plan.protectedAreas !== undefined,
    page: !options.pageLayout
      ? { orientation: 'Portrait', zoom: { scale: 100 }, printArea: '', titleRows: '' }
      : plan.print
        ? {
            orientation: plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait',
            zoom: plan.print.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: 100 },
            printArea: area ? `${area[1]}1:${area[2]}${last}` : plan.print.area,
            titleRows: plan.print.titleRows
              ? `$${plan.print.titleRows.first}:$${plan.print.titleRows.last}`
              : '',
          }
        : {
            orientation: 'Landscape',
            zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
            printArea: '',
            titleRows: '',
          },
    pageBreaks: options.pageLayout ? (plan.print?.rowBreaks ?? []).map((r) => r + 1) : [],
  };
}

/** The parts of a dump that `expectedSheet` states. */
export function comparable(dump: DumpedSheet) {
  return {
    cells: Object.fromEntries(
      Object.entries(dump.cells).filter(([, c]) => !(Object.keys(c).length === 1 && c.locked === false)),
    ),
    columnWidths: dump.columnWidths,
    rowHeights: dump.rowHeights,
    merges: dump.merges,
    conditionalFormats: dump.conditionalFormats,
    tables: dump.tables,
    charts: dump.charts.map(({ name: _name, ...rest }) => rest),
    validations: dump.validations,
    freeze: dump.freeze,
    tabColor: dump.tabColor,
    visibility: dump.visibility,
    protected: dump.protected,
    page: dump.page,
    pageBreaks: dump.pageBreaks,
  };
}

/** Workbook names a plan defines, as the workbook shows them. */
export function expectedNames(
  plan: SheetPlan,
  areaName: (sheet: string, area: string) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of plan.namedRanges) out[n.name] = `=${onSheet(n.ref)}`;
  for (const a of plan.areas) {
    if (a.name)
      out[areaName(plan.name, a.name)] =
        `=${quoteSheetName(plan.name)}!${formatRange(parseRange(a.ref)!, true)}`;
  }
  return out;
}
