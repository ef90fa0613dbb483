/**
 * Tables (names unique across tables and defined names, no overlap with other tables or merged
 * cells, header texts made unique as Excel makes them) and charts (series over ranges that follow
 * their sheet when it is renamed, axes, legend, title, position).
 */
import { formatRange, type CellRange } from '../../../src/sheets/a1';
import { FakeObject, defineProps } from './proxy';
import { FakeRange, assertUnprotected } from './objects-range';
import {
  intersects,
  officeError,
  parseAddress,
  validateDefinedName,
  type ChartState,
  type RangeRef,
  type SeriesState,
  type SheetState,
  type TableState,
  type WorkbookState,
} from './state';
import { isColor } from './typing';

/** Where a collection lives: one sheet, or the whole workbook. */
export type Scope = { readonly sheet: SheetState } | { readonly workbook: WorkbookState };

const sheetsOf = (scope: Scope): SheetState[] => ('sheet' in scope ? [scope.sheet] : scope.workbook.sheets);

function rangeArg(scope: Scope, address: unknown): RangeRef {
  if (address instanceof FakeRange) return address.target();
  if (typeof address !== 'string') throw officeError('InvalidArgument', 'Expected a range or an address.');
  const bang = address.lastIndexOf('!');
  const sheet =
    bang > 0
      ? sheetsOf(scope).find(
          (s) => s.name.toLowerCase() === address.slice(0, bang).replace(/^'|'$/g, '').toLowerCase(),
        )
      : 'sheet' in scope
        ? scope.sheet
        : undefined;
  const rect = parseAddress(bang > 0 ? address.slice(bang + 1) : address);
  if (!sheet || !rect) throw officeError('InvalidArgument', `${address} is not a range here.`);
  return { sheet, rect };
}

export class FakeTableCollection extends FakeObject<Scope> {
  static override typeName = 'TableCollection';

  add(address: unknown, hasHeaders: boolean): FakeTable {
    let created: TableState | undefined;
    const table = new FakeTable(this.context, `${this.path}.add()`, () => created ?? null);
    this.queue('TableCollection.add', [address, hasHeaders], () => {
      const { sheet, rect } = rangeArg(this.target(), address);
      assertUnprotected(sheet);
      const wb = this.context.state;
      if (sheet.tables.some((t) => intersects(t.rect, rect)))
        throw officeError('InvalidOperation', 'A table cannot overlap another table.');
      if (sheet.merges.some((m) => intersects(m, rect)))
        throw officeError('InvalidOperation', 'A table cannot hold merged cells.');
      let n = 1;
      while (wb.nameInUse(`Table${n}`)) n++;
      created = {
        id: wb.uniqueId('table'),
        name: `Table${n}`,
        rect,
        style: 'TableStyleMedium2',
        showBandedRows: true,
        showHeaders: hasHeaders,
      };
      if (hasHeaders) fixHeaders(sheet, rect);
      sheet.tables.push(created);
      table.bind(created);
    });
    return table;
  }

  getItemOrNullObject(name: string): FakeTable {
    const table = new FakeTable(
      this.context,
      `${this.path}.getItemOrNullObject('${name}')`,
      () => this.tablesOf(this.target()).find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null,
    );
    this.queue('TableCollection.getItemOrNullObject', [name], () => table.resolve());
    return table;
  }

  get items(): FakeTable[] {
    return this.loadedValue('items') as FakeTable[];
  }

  private tablesOf(scope: Scope): TableState[] {
    return sheetsOf(scope).flatMap((s) => s.tables);
  }

  protected override loadItems(scope: Scope, names: string[]): void {
    const items = this.tablesOf(scope).map((t) => {
      const item = new FakeTable(this.context, `${this.path}.getItem('${t.name}')`, () => t);
      item.snapshot(names);
      return item;
    });
    this.loaded.set('items', items);
  }
}

/** Header cells become unique non-empty texts, as Excel makes them. */
function fixHeaders(sheet: SheetState, rect: CellRange): void {
  const seen = new Set<string>();
  for (let c = rect.left; c <= rect.right; c++) {
    const cell = sheet.cell(rect.top, c);
    if (cell.formula !== undefined)
      throw officeError('InvalidOperation', 'Table headers cannot hold formulas.');
    let text =
      cell.value === undefined
        ? `Column${c - rect.left + 1}`
        : String(typeof cell.value === 'object' ? cell.value.error : cell.value);
    const base = text;
    for (let k = 2; seen.has(text.toLowerCase()); k++) text = `${base}${k}`;
    seen.add(text.toLowerCase());
    cell.value = text;
  }
}

const tableSheet = (wb: WorkbookState, t: TableState): SheetState =>
  wb.sheets.find((s) => s.tables.includes(t))!;

export class FakeTable extends FakeObject<TableState> {
  static override typeName = 'Table';
  delete(): void {
    this.queue('Table.delete', [], () => {
      const table = this.target();
      const sheet = tableSheet(this.context.state, table);
      assertUnprotected(sheet);
      sheet.tables = sheet.tables.filter((t) => t !== table);
      sheet.eachStored(table.rect, (cell) => Object.assign(cell, { value: undefined, formula: undefined }));
    });
  }
}

defineProps(FakeTable, {
  name: {
    get: (t) => t.name,
    set: (t, v: string, proxy) => {
      validateDefinedName(v);
      if (proxy.context.state.nameInUse(v, t))
        throw officeError('ItemAlreadyExists', `The name "${v}" is already used.`);
      t.name = v;
    },
  },
  style: {
    get: (t) => t.style,
    set: (t, v: string) => {
      if (!/^(TableStyle(Light|Medium|Dark)\d{1,2})?$/.test(v))
        throw officeError('InvalidArgument', `Unknown table style ${v}.`);
      t.style = v;
    },
  },
  showBandedRows: {
    get: (t) => t.showBandedRows,
    set: (t, v: boolean) => (t.showBandedRows = v),
    since: '1.3',
  },
  showHeaders: { get: (t) => t.showHeaders, set: (t, v: boolean) => (t.showHeaders = v) },
  showTotals: { get: (t) => t.showTotals ?? false },
});

const CHART_TYPES = [
  'Line',
  'LineMarkers',
  'BarClustered',
  'ColumnClustered',
  'BarStacked',
  'ColumnStacked',
  'Pie',
  'Area',
  'XYScatter',
];

export class FakeChartCollection extends FakeObject<SheetState> {
  static override typeName = 'ChartCollection';

  add(type: string, sourceData: unknown, seriesBy = 'Auto'): FakeChart {
    let created: ChartState | undefined;
    const chart = new FakeChart(this.context, `${this.path}.add('${type}')`, () => created ?? null);
    this.queue('ChartCollection.add', [type, sourceData, seriesBy], () => {
      const sheet = this.target();
      assertUnprotected(sheet);
      if (!CHART_TYPES.includes(type)) throw officeError('InvalidArgument', `Unknown chart type ${type}.`);
      if (!(sourceData instanceof FakeRange))
        throw officeError('InvalidArgument', 'A chart needs a source range.');
      const source = sourceData.target();
      const byRows = seriesBy === 'Rows';
      const count = byRows
        ? source.rect.bottom - source.rect.top + 1
        : source.rect.right - source.rect.left + 1;
      const series: SeriesState[] = Array.from({ length: count }, (_, i) => ({
        name: `Series${i + 1}`,
        values: {
          sheet: source.sheet,
          rect: byRows
            ? { ...source.rect, top: source.rect.top + i, bottom: source.rect.top + i }
            : { ...source.rect, left: source.rect.left + i, right: source.rect.left + i },
        },
      }));
      created = {
        id: this.context.state.uniqueId('chart'),
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        series,
        title: { text: '', visible: false },
        legend: { visible: true, position: 'Right' },
        axes: { category: {}, value: {} },
      };
      sheet.charts.push(created);
      chart.bind(created);
    });
    return chart;
  }

  get items(): FakeChart[] {
    return this.loadedValue('items') as FakeChart[];
  }

  protected override loadItems(sheet: SheetState, names: string[]): void {
    this.loaded.set(
      'items',
      sheet.charts.map((c) => {
        const item = new FakeChart(this.context, `${this.path}.getItem('${c.name}')`, () => c);
        item.snapshot(names);
        return item;
      }),
    );
  }
}

const chartSheet = (wb: WorkbookState, c: ChartState): SheetState =>
  wb.sheets.find((s) => s.charts.includes(c))!;

export class FakeChart extends FakeObject<ChartState> {
  static override typeName = 'Chart';
  get title(): FakeObject<ChartState> {
    return this.child(
      'title',
      (p, l) => new FakeChartTitle(this.context, p, l),
      (t) => t,
    );
  }
  get legend(): FakeObject<ChartState> {
    return this.child(
      'legend',
      (p, l) => new FakeChartLegend(this.context, p, l),
      (t) => t,
    );
  }
  get axes(): { categoryAxis: FakeChartAxis; valueAxis: FakeChartAxis } {
    return {
      categoryAxis: this.child(
        'axes.categoryAxis',
        (p, l) => new FakeChartAxis(this.context, p, l),
        (t) => ({ chart: t, axis: 'category' as const }),
      ),
      valueAxis: this.child(
        'axes.valueAxis',
        (p, l) => new FakeChartAxis(this.context, p, l),
        (t) => ({ chart: t, axis: 'value' as const }),
      ),
    };
  }
  get series(): FakeSeriesCollection {
    return this.child(
      'series',
      (p, l) => new FakeSeriesCollection(this.context, p, l),
      (t) => t,
    );
  }
  setPosition(startCell: unknown, endCell?: unknown): void {
    this.queue('Chart.setPosition', [startCell, endCell], () => {
      const chart = this.target();
      const sheet = chartSheet(this.context.state, chart);
      const at = (x: unknown) => formatRange(rangeArg({ sheet }, x).rect);
      chart.position = { from: at(startCell), to: endCell === undefined ? at(startCell) : at(endCell) };
    });
  }
  delete(): void {
    this.queue('Chart.delete', [], () => {
      const chart = this.target();
      const sheet = chartSheet(this.context.state, chart);
      assertUnprotected(sheet);
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}
defineProps(FakeChart, { name: { get: (c) => c.name, set: (c, v: string) => (c.name = v) } });

class FakeChartTitle extends FakeObject<ChartState> {
  static override typeName = 'ChartTitle';
}
defineProps(FakeChartTitle, {
  text: { set: (c, v: string) => (c.title = { text: v, visible: true }) },
  visible: { set: (c, v: boolean) => (c.title.visible = v) },
});

class FakeChartLegend extends FakeObject<ChartState> {
  static override typeName = 'ChartLegend';
}
defineProps(FakeChartLegend, {
  visible: { set: (c, v: boolean) => (c.legend.visible = v) },
  position: {
    set: (c, v: string) => {
      if (!['Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom'].includes(v))
        throw officeError('InvalidArgument', `Unknown legend position ${v}.`);
      c.legend.position = v;
    },
  },
});

class FakeChartAxis extends FakeObject<{ chart: ChartState; axis: 'category' | 'value' }> {
  static override typeName = 'ChartAxis';
}
defineProps(FakeChartAxis, {
  reversePlotOrder: { set: (t, v: boolean) => (t.chart.axes[t.axis].reversePlotOrder = v), since: '1.7' },
  position: {
    set: (t, v: string) => {
      if (!['Automatic', 'Maximum', 'Minimum', 'Custom'].includes(v))
        throw officeError('InvalidArgument', `Unknown axis position ${v}.`);
      t.chart.axes[t.axis].position = v;
    },
    since: '1.8',
  },
  numberFormat: { set: (t, v: string) => (t.chart.axes[t.axis].numberFormat = v), since: '1.8' },
  visible: { set: (t, v: boolean) => (t.chart.axes[t.axis].visible = v), since: '1.7' },
});

class FakeSeriesCollection extends FakeObject<ChartState> {
  static override typeName = 'ChartSeriesCollection';
  getItemAt(index: number): FakeSeries {
    return this.child(
      `getItemAt(${index})`,
      (p, l) => new FakeSeries(this.context, p, l),
      (c) => {
        if (!c.series[index]) throw officeError('ItemNotFound', `The chart has no series ${index}.`);
        return c.series[index];
      },
    );
  }
  add(name?: string): FakeSeries {
    let created: SeriesState | undefined;
    const series = new FakeSeries(this.context, `${this.path}.add('${name ?? ''}')`, () => created ?? null);
    this.queue(
      'ChartSeriesCollection.add',
      [name],
      () => {
        const chart = this.target();
        created = { name: name ?? `Series${chart.series.length + 1}` };
        chart.series.push(created);
        series.bind(created);
      },
      '1.7',
    );
    return series;
  }
}

class FakeSeries extends FakeObject<SeriesState> {
  static override typeName = 'ChartSeries';
  setValues(source: unknown): void {
    this.queue('ChartSeries.setValues', [source], () => (this.target().values = seriesRange(source)), '1.7');
  }
  setXAxisValues(source: unknown): void {
    this.queue(
      'ChartSeries.setXAxisValues',
      [source],
      () => (this.target().xValues = seriesRange(source)),
      '1.7',
    );
  }
  get points(): FakePointCollection {
    return this.child(
      'points',
      (p, l) => new FakePointCollection(this.context, p, l),
      (t) => t,
    );
  }
  get format(): { fill: FakeSeriesFill; line: FakeSeriesLine } {
    return {
      fill: this.child(
        'format.fill',
        (p, l) => new FakeSeriesFill(this.context, p, l),
        (t) => t,
      ),
      line: this.child(
        'format.line',
        (p, l) => new FakeSeriesLine(this.context, p, l),
        (t) => t,
      ),
    };
  }
}
defineProps(FakeSeries, { name: { get: (s) => s.name, set: (s, v: string) => (s.name = v) } });

/** The points of a series: one per cell of its values range. */
class FakePointCollection extends FakeObject<SeriesState> {
  static override typeName = 'ChartPointsCollection';
  getItemAt(index: number): FakePoint {
    return this.child(
      `getItemAt(${index})`,
      (p, l) => new FakePoint(this.context, p, l),
      (s) => {
        const rect = s.values?.rect;
        const count = rect ? (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) : 0;
        if (!Number.isInteger(index) || index < 0 || index >= count)
          throw officeError('ItemNotFound', `The series has no point ${index}.`);
        return { series: s, index };
      },
    );
  }
}

const MARKER_STYLES = [
  'Invalid',
  'Automatic',
  'None',
  'Square',
  'Diamond',
  'Triangle',
  'X',
  'Star',
  'Dot',
  'Dash',
  'Circle',
  'Plus',
  'Picture',
];

class FakePoint extends FakeObject<{ series: SeriesState; index: number }> {
  static override typeName = 'ChartPoint';
}
const pointOf = (t: { series: SeriesState; index: number }) => ((t.series.points ??= {})[t.index] ??= {});
defineProps(FakePoint, {
  markerStyle: {
    set: (t, v: string) => {
      if (!MARKER_STYLES.includes(v)) throw officeError('InvalidArgument', `Unknown marker style ${v}.`);
      pointOf(t).markerStyle = v;
    },
    since: '1.7',
  },
  markerSize: {
    set: (t, v: number) => {
      if (!(Number.isInteger(v) && v >= 2 && v <= 72))
        throw officeError('InvalidArgument', 'Marker sizes are 2 to 72.');
      pointOf(t).markerSize = v;
    },
    since: '1.7',
  },
  markerBackgroundColor: { set: (t, v) => (pointOf(t).markerBackgroundColor = colorOf(v)), since: '1.7' },
  markerForegroundColor: { set: (t, v) => (pointOf(t).markerForegroundColor = colorOf(v)), since: '1.7' },
});

function seriesRange(source: unknown): RangeRef {
  if (!(source instanceof FakeRange)) throw officeError('InvalidArgument', 'Series data must be a range.');
  return source.target();
}

function colorOf(v: unknown): string {
  if (!isColor(v)) throw officeError('InvalidArgument', `${String(v)} is not a colour (#RRGGBB).`);
  return (v as string).toUpperCase();
}

class FakeSeriesFill extends FakeObject<SeriesState> {
  static override typeName = 'ChartFill';
  setSolidColor(color: string): void {
    this.queue('ChartFill.setSolidColor', [color], () => (this.target().fill = colorOf(color)));
  }
}
class FakeSeriesLine extends FakeObject<SeriesState> {
  static override typeName = 'ChartLineFormat';
}
const LINE_STYLES = [
  'None',
  'Continuous',
  'Dash',
  'DashDot',
  'DashDotDot',
  'Dot',
  'Grey25',
  'Grey50',
  'Grey75',
  'Automatic',
  'RoundDot',
];
defineProps(FakeSeriesLine, {
  color: { set: (s, v) => (s.line = colorOf(v)) },
  lineStyle: {
    set: (s, v: string) => {
      if (!LINE_STYLES.includes(v)) throw officeError('InvalidArgument', `Unknown line style ${v}.`);
      s.lineStyle = v;
    },
    since: '1.7',
  },
  weight: {
    set: (s, v: number) => {
      if (!(typeof v === 'number' && v > 0 && v <= 1584))
        throw officeError('InvalidArgument', 'Line weights are points above 0.');
      s.lineWeight = v;
    },
    since: '1.7',
  },
});
