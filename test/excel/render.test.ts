/**
 * The Office.js plan renderer against the recording fake: every plan feature lands as the file
 * renderer writes it, text stays text, contents go in blocks, old parts of a product sheet do not
 * pile up on a refresh, and people's cells survive.
 */
import { renderPlansInExcel, areaRangeName } from '../../src/excel/render';
import { areaRangeName as fileAreaRangeName } from '../../src/xlsx/render';
import { ALL_CAPABILITIES, NO_CAPABILITIES, detectCapabilities } from '../../src/excel/capabilities';
import { emptyPlan, formulaCell, textCell, valueCell, type SheetPlan } from '../../src/sheets/plan';
import { CONDITIONAL_STYLES, STYLES, type StyleRef } from '../../src/sheets/styles';
import { createExcelFake, type ExcelFake } from '../support/excel-fake';
import { comparable, expectedNames, expectedSheet } from '../support/excel-fake/plan-match';

const capabilities = ALL_CAPABILITIES;
const LITERALS = [
  '=1+1',
  '+62 812',
  '2026-04-22',
  '#N/A',
  "'x",
  '-5',
  'Jan 2026',
  'TRUE',
  '1,234',
  '#DIV/0!',
  '@mention',
  '12%',
];

/** A plan using every feature a plan can have. */
function featurePlan(): SheetPlan {
  const styles = Object.keys(STYLES) as StyleRef[];
  return {
    ...emptyPlan('Features'),
    tabColor: '1F4E79',
    columns: [
      { index: 1, width: 22 },
      { index: 2, width: 14 },
      { index: 3, width: 14 },
      { index: 6, width: 30 },
    ],
    rowHeights: [{ index: 4, height: 30 }],
    cells: [
      textCell('A1', 'Features', 'title'),
      textCell('A2', 'As of 2026-11-27', 'subtitle'),
      { ref: 'A3', value: 'A note on a cell', note: 'Why this cell matters', style: 'note' },
      ...['Metric', 'Value', 'Change', 'Flag'].map((t, i) => textCell(`${'ABCD'[i]}4`, t, 'header')),
      textCell('A5', 'Revenue'),
      formulaCell('B5', 'SUM(Data!A2:A4)', '#,##0'),
      valueCell('C5', 0.12, '+0.0%;-0.0%;0.0%'),
      valueCell('D5', true),
      textCell('A6', 'Orders'),
      { ...formulaCell('B6', 'COUNT(Data!A2:A4)', '#,##0'), result: 42 },
      valueCell('C6', -0.05, '+0.0%;-0.0%;0.0%'),
      valueCell('D6', null),
      ...styles.map((s, i) => textCell(`F${i + 1}`, s, s)),
      ...LITERALS.map((t, i) => textCell(`H${i + 1}`, t)),
      { ref: 'A20', value: 'Total', style: 'total' },
      { ref: 'A22', value: null, style: 'input' },
      { ref: 'B22', value: 'typed here', style: 'input' },
      textCell('J1', 'Month'),
      textCell('K1', 'Sales'),
      textCell('L1', 'Cost'),
      ...[1, 2, 3].flatMap((m) => [
        textCell(`J${m + 1}`, `M${m}`),
        valueCell(`K${m + 1}`, m * 100),
        valueCell(`L${m + 1}`, m * 60),
      ]),
    ],
    merges: ['A1:C1'],
    conditionalFormats: [
      {
        type: 'cellIs',
        ref: 'C5:C6',
        operator: 'greaterThanOrEqual',
        formulae: ['0'],
        style: CONDITIONAL_STYLES.good,
      },
      {
        type: 'cellIs',
        ref: 'C5:C6',
        operator: 'between',
        formulae: ['-0.1', '-0.01'],
        style: CONDITIONAL_STYLES.warn,
      },
      {
        type: 'expression',
        ref: 'A5:A6',
        formula: 'AND(C5<0,$A5="Orders")',
        style: { ...CONDITIONAL_STYLES.bad, bold: true },
      },
      { type: 'colorScale', ref: 'B5:B6', colors: ['FFFFFF', 'FFEB84', '63BE7B'] },
      { type: 'colorScale', ref: 'K2:K4', colors: ['FFFFFF', '63BE7B'] },
      {
        type: 'dataBar',
        ref: 'C5:C6',
        color: '63BE7B',
        negativeColor: 'F8696B',
        showValue: false,
        scale: { min: -1, max: 1 },
      },
      { type: 'dataBar', ref: 'L2:L4', color: '1F77B4' },
      {
        type: 'iconSet',
        ref: 'K2:K4',
        iconSet: '3TrafficLights1',
        thresholds: [33, 67],
        percent: true,
        reverse: true,
        showValue: false,
      },
      { type: 'iconSet', ref: 'L2:L4', iconSet: '3Arrows', thresholds: [0.9, 1] },
    ],
    tables: [
      {
        name: 'KpiTable',
        ref: 'A4:D6',
        columns: ['Metric', 'Value', 'Change', 'Flag'],
        style: 'TableStyleMedium2',
        showRowStripes: false,
      },
      { name: 'MonthTable', ref: 'J1:L4', columns: ['Month', 'Sales', 'Cost'] },
    ],
    charts: [
      {
        type: 'line',
        title: 'Sales',
        anchor: { from: 'N1', to: 'T12' },
        categories: 'Features!$J$2:$J$4',
        series: [{ name: 'Sales', ref: 'Features!$K$2:$K$4', color: '1F77B4' }],
        yAxisFormat: '#,##0',
        legend: 'bottom',
      },
      {
        type: 'bar',
        title: 'Sales by month',
        anchor: { from: 'N14', to: 'T25' },
        categories: 'Features!$J$2:$J$4',
        series: [{ name: 'Sales', ref: 'Features!$K$2:$K$4', color: 'FF7F0E' }],
        legend: 'none',
      },
      {
        type: 'column',
        title: 'Sales and cost',
        anchor: { from: 'N27', to: 'T38' },
        categories: 'Features!$J$2:$J$4',
        series: [
          { name: 'Sales', ref: 'Features!$K$2:$K$4' },
          { name: 'Cost', ref: 'Features!$L$2:$L$4' },
        ],
        legend: 'right',
      },
    ],
    namedRanges: [
      { name: 'KpiRevenue', ref: 'Features!$B$5' },
      { name: 'DataFirst', ref: 'Data!$A$2' },
    ],
    protectedAreas: ['A22:B23'],
    areas: [
      { ref: 'A1:L20', owner: 'computed', name: 'features' },
      { ref: 'A22:B23', owner: 'people', name: 'inputs' },
    ],
    validations: [
      { ref: 'B22:B23', list: ['open', 'in progress', 'done'] },
      { ref: 'A22:A23', list: Array.from({ length: 40 }, (_, i) => `a long status number ${i}`) },
    ],
    freeze: { row: 4, column: 1 },
    print: {
      area: 'A:L',
      orientation: 'portrait',
      fitToWidth: true,
      titleRows: { first: 1, last: 4 },
      rowBreaks: [10, 20],
    },
    active: true,
  };
}

function workbook(options?: { api?: string }): ExcelFake {
  const fake = createExcelFake(options);
  fake.addSheet('Data');
  return fake;
}

const opsLabelled = (fake: ExcelFake, label: string) =>
  fake.batches.flatMap((b) => b.ops).filter((op) => op.label === label);

describe('renderPlansInExcel: every plan feature', () => {
  const plan = featurePlan();

  it('writes what the plan says, as the file renderer would', async () => {
    const fake = workbook();
    const result = await renderPlansInExcel(fake.context, [plan], { capabilities });
    const dump = fake.dump('Features');
    const { validations, ...rest } = expectedSheet(plan, capabilities);
    const { validations: gotValidations, ...got } = comparable(dump);
    expect(got).toEqual(rest);
    // The list too long for a rule is left out and reported; the other is a drop-down.
    expect(gotValidations).toEqual([validations[0]]);
    expect(result).toMatchObject({ sheets: ['Features'], notesSkipped: 0, listsSkipped: 1 });
    expect(fake.names()).toEqual(expectedNames(plan, areaRangeName));
    expect(dump.active).toBe(true);
  });

  it('spells out the mapping: fonts, widths in points, formulas without results, priorities, charts', async () => {
    const fake = workbook();
    await renderPlansInExcel(fake.context, [plan], { capabilities });
    const dump = fake.dump('Features');
    expect(dump.cells.A1).toEqual({
      value: 'Features',
      font: { name: 'Calibri', size: 16, bold: true, color: '#1F4E79' },
    });
    expect(dump.cells.A4).toMatchObject({
      fill: '#1F4E79',
      horizontal: 'Center',
      vertical: 'Center',
      wrap: true,
    });
    expect(dump.cells.F3.borders).toEqual({ bottom: { style: 'Continuous', color: '#1F4E79' } });
    expect(dump.cells.A20.borders).toEqual({ top: { style: 'Continuous', color: '#1F2937' } });
    expect(dump.columnWidths).toMatchObject({ A: ((22 * 7 + 5) * 3) / 4, B: 77.25 });
    // A formula goes in as a formula; its cached result is Excel's to compute.
    expect(dump.cells.B6).toEqual({ formula: '=COUNT(Data!A2:A4)', numberFormat: '#,##0' });
    expect(dump.cells.D6).toBeUndefined();
    expect(dump.conditionalFormats.map((cf) => cf.type)).toEqual(
      plan.conditionalFormats.map(
        (cf) =>
          ({
            cellIs: 'CellValue',
            expression: 'Custom',
            colorScale: 'ColorScale',
            dataBar: 'DataBar',
            iconSet: 'IconSet',
          })[cf.type],
      ),
    );
    expect(dump.charts[1]).toMatchObject({
      type: 'BarClustered',
      legend: 'none',
      axes: { category: { reversePlotOrder: true, position: 'Maximum' } },
    });
    expect(dump.charts[2].series.map((s) => s.fill)).toEqual(['#1F77B4', '#FF7F0E']);
    expect(dump.page).toEqual({
      orientation: 'Portrait',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: 'A1:L38',
      titleRows: '$1:$4',
    });
    expect(dump.pageBreaks).toEqual([11, 21]);
    expect(dump.freeze).toEqual({ rows: 4, columns: 1 });
    expect(dump.cells.A22.locked).toBe(false);
    expect(dump.cells.A5.locked).toBeUndefined();
    expect(dump.protected).toBe(true);
  });

  it('writes contents in a few blocks, not one call per cell, with calculation suspended', async () => {
    const fake = workbook();
    await renderPlansInExcel(fake.context, [plan], { capabilities });
    const writes = opsLabelled(fake, 'Range.formulas');
    // Trial and final write: a handful of blocks each for ~70 cells.
    expect(writes.length).toBeLessThanOrEqual(6);
    expect(
      fake.batches.filter((b) => b.ops.some((op) => op.label === 'Range.formulas')).every((b) => b.suspended),
    ).toBe(true);
  });

  it('keeps text literal: what reads back is what the plan says, never a formula, number, date or error', async () => {
    const fake = workbook();
    await renderPlansInExcel(fake.context, [plan], { capabilities });
    const cells = fake.dump('Features').cells;
    LITERALS.forEach((text, i) => expect([text, cells[`H${i + 1}`]]).toEqual([text, { value: text }]));
    // The same texts written plainly would have changed: that is what the fake models.
    const raw = workbook();
    LITERALS.forEach((text, i) => raw.typeInto('Data', `A${i + 1}`, text));
    const typed = raw.dump('Data').cells;
    expect(typed.A1).toEqual({ formula: '=1+1' });
    expect(typed.A3).toEqual({ value: 46134, numberFormat: 'm/d/yyyy' });
    expect(typed.A4).toEqual({ error: '#N/A' });
    expect(typed.A5).toEqual({ value: 'x' });
    expect(typed.A6).toEqual({ value: -5 });
  });

  it('uses the file renderer’s area names', () => {
    for (const [sheet, area] of [
      ['Review 2026-W48', 'actions'],
      ['Dashboard', 'dashboard'],
      ["O'Brien & Co. (2026)", 'a b'],
      ['_x_', '__'],
    ]) {
      expect(areaRangeName(sheet, area)).toBe(fileAreaRangeName(sheet, area));
    }
  });
});

describe('renderPlansInExcel: refreshing a product sheet', () => {
  it('gives the same sheet when rendered twice: old charts, tables, rules, notes, names and breaks do not pile up', async () => {
    const plan = featurePlan();
    const fake = workbook();
    await renderPlansInExcel(fake.context, [plan], { capabilities });
    const once = fake.dump('Features');
    const names = fake.names();
    const result = await renderPlansInExcel(fake.context, [plan], { capabilities });
    expect(fake.dump('Features')).toEqual(once);
    expect(fake.names()).toEqual(names);
    expect(fake.sheetNames()).toEqual(['Data', 'Features']);
    expect(result.syncs).toBe(4);
  });

  it('drops what the new plan no longer has and the names of areas it renamed', async () => {
    const plan = featurePlan();
    const fake = workbook();
    await renderPlansInExcel(fake.context, [plan], { capabilities });
    const smaller: SheetPlan = {
      ...emptyPlan('Features'),
      cells: [textCell('A1', 'Smaller')],
      areas: [{ ref: 'A1:A1', owner: 'computed', name: 'renamed' }],
    };
    await renderPlansInExcel(fake.context, [smaller], { capabilities });
    const dump = fake.dump('Features');
    expect(Object.keys(dump.cells)).toEqual(['A1']);
    expect(dump).toMatchObject({
      charts: [],
      tables: [],
      conditionalFormats: [],
      validations: [],
      merges: [],
      pageBreaks: [],
      protected: false,
      tabColor: '',
      freeze: { rows: 0, columns: 0 },
      columnWidths: {},
      rowHeights: {},
    });
    expect(fake.names()).toEqual({
      DataFirst: '=Data!$A$2',
      KpiRevenue: '=Features!$B$5',
      [areaRangeName('Features', 'renamed')]: '=Features!$A$1',
    });
  });

  it('keeps what people typed in a people area, as typed, and protects the sheet again', async () => {
    const plan = featurePlan();
    const fake = workbook();
    await renderPlansInExcel(fake.context, [plan], { capabilities });
    fake.typeInto('Features', 'A22', "'=not a formula");
    fake.typeInto('Features', 'B22', 'changed');
    fake.typeInto('Features', 'A23', '2026-04-22');
    fake.formatCell('Features', 'A23', 'dd/mm/yyyy');
    fake.typeInto('Features', 'B23', '=A23+7');
    await renderPlansInExcel(fake.context, [plan], { capabilities });
    const cells = fake.dump('Features').cells;
    expect(cells.A22).toMatchObject({ value: '=not a formula', locked: false });
    expect(cells.B22).toMatchObject({ value: 'changed', fill: '#FFF9E6' });
    expect(cells.A23).toMatchObject({ value: 46134, numberFormat: 'dd/mm/yyyy' });
    expect(cells.B23).toMatchObject({ formula: '=A23+7' });
    expect(fake.dump('Features').protected).toBe(true);
  });

  it('lets a chart and a name point at another sheet written in the same render', async () => {
    const numbers: SheetPlan = {
      ...emptyPlan('Numbers'),
      cells: [textCell('A1', 'Jan'), valueCell('B1', 3)],
    };
    const charts: SheetPlan = {
      ...emptyPlan('Charts'),
      charts: [
        {
          type: 'column',
          title: 'Numbers',
          anchor: { from: 'A1', to: 'F10' },
          categories: 'Numbers!$A$1:$A$1',
          series: [{ name: 'n', ref: 'Numbers!$B$1:$B$1' }],
        },
      ],
      namedRanges: [{ name: 'FirstNumber', ref: 'Numbers!$B$1' }],
    };
    const fake = workbook();
    await renderPlansInExcel(fake.context, [charts, numbers], { capabilities });
    expect(fake.dump('Charts').charts[0].series[0]).toMatchObject({
      values: 'Numbers!$B$1',
      categories: 'Numbers!$A$1',
    });
    expect(fake.names()).toEqual({ FirstNumber: '=Numbers!$B$1' });
    expect(fake.sheetNames()).toEqual(['Data', 'Charts', 'Numbers']);
  });

  it('finds a people area where its name says after people inserted rows above it', async () => {
    const plan = featurePlan();
    const fake = workbook();
    await renderPlansInExcel(fake.context, [plan], { capabilities });
    fake.typeInto('Features', 'B22', 'mine');
    // As if two rows were inserted above: the cells and the name moved down two rows.
    const sheet = fake.state.sheet('Features')!;
    const cell = sheet.peek(22, 2)!;
    sheet.cells.delete(22 * 16385 + 2);
    sheet.cells.set(24 * 16385 + 2, cell);
    const name = fake.state.names.get(areaRangeName('Features', 'inputs').toLowerCase())!;
    fake.state.names.set(name.name.toLowerCase(), {
      ...name,
      ref: { sheet, rect: { top: 24, left: 1, bottom: 25, right: 2 } },
    });
    await renderPlansInExcel(fake.context, [plan], { capabilities });
    expect(fake.dump('Features').cells.B22).toMatchObject({ value: 'mine' });
  });
});

describe('renderPlansInExcel: hosts without optional features', () => {
  it('leaves notes out on a host without worksheet notes (ExcelApi 1.17) and counts them', async () => {
    const plan = featurePlan();
    const fake = workbook({ api: '1.17' });
    const result = await renderPlansInExcel(fake.context, [plan], {
      capabilities: { notes: false, pageLayout: true },
    });
    expect(result.notesSkipped).toBe(1);
    expect(fake.dump('Features').cells.A3.note).toBeUndefined();
    expect(opsLabelled(fake, 'NoteCollection.add')).toEqual([]);
  });

  it('renders on an ExcelApi 1.8 host without page setup', async () => {
    const plan = featurePlan();
    const fake = workbook({ api: '1.8' });
    await renderPlansInExcel(fake.context, [plan], { capabilities: NO_CAPABILITIES });
    await renderPlansInExcel(fake.context, [plan], { capabilities: NO_CAPABILITIES });
    const dump = fake.dump('Features');
    expect(comparable(dump).cells).toEqual(expectedSheet(plan, { notes: false, pageLayout: false }).cells);
    expect(dump.pageBreaks).toEqual([]);
    expect(dump.charts).toHaveLength(3);
  });

  it('asks the host which sets it supports, and assumes none outside Office', () => {
    expect(detectCapabilities()).toEqual(NO_CAPABILITIES);
    const supported = new Set(['1.9']);
    (global as unknown as { Office: unknown }).Office = {
      context: {
        requirements: { isSetSupported: (_name: string, version: string) => supported.has(version) },
      },
    };
    try {
      expect(detectCapabilities()).toEqual({ notes: false, pageLayout: true });
      supported.add('1.18');
      expect(detectCapabilities()).toEqual({ notes: true, pageLayout: true });
    } finally {
      delete (global as unknown as { Office?: unknown }).Office;
    }
  });
});
