/**
 * The `Dashboard` sheet plan: header, KPI table (AC vs previous period, goal and benchmark,
 * IBCS-coloured variances with in-cell bars), the trend of the last N periods with a line
 * chart, breakdowns with bar charts, a cohort heatmap and the RFM summary. Headline figures
 * are native formulas over the data sheet when the data allows (see `sources.ts`), with the
 * engine's value as the cached result; everything else is a value stamped "as of".
 */
import {
  DEFAULT_CALENDAR,
  formatDay,
  lastPeriods,
  type Calendar,
  type Period,
  type PeriodUnit,
} from '../core/periods';
import { computeSuite, getMetric, type MetricId, type MetricInputs } from '../core/metrics';
import { breakdown, type BreakdownResult } from '../core/analyses/breakdown';
import { cohortMatrix } from '../core/analyses/cohorts';
import { rfm } from '../core/analyses/rfm';
import { isMetricError, type MetricValue } from '../core/errors';
import { toA1 } from './a1';
import { FORMATS, formulaCell, textCell, type SheetPlan } from './plan';
import { PALETTE } from './styles';
import { PlanLayout, metricCell } from './layout';
import { canUseFormulas, ordersAreRows, ordersFormula, revenueFormula, type OrdersSource } from './sources';
import {
  benchmarkSection,
  goalPacingSection,
  scheduleSection,
  type BenchmarkLine,
} from './dashboard-sections';
import type { GoalTracking } from '../core/goals/tracking';
import type { ScheduleRow } from '../core/schedule';

export const DASHBOARD_SHEET = 'Dashboard';
/**
 * Excel serial of an epoch day: 1900 date system (day 25569 = 1970-01-01), or 1904 (1462 less).
 * @example excelSerial(0) // 25569
 */
export const excelSerial = (epochDay: number, date1904 = false): number =>
  epochDay + (date1904 ? 24107 : 25569);

export interface KpiTarget {
  readonly goal?: number;
  readonly benchmark?: number;
  /** Where the benchmark comes from (shown as a note). */
  readonly benchmarkSource?: string;
}

export interface DashboardInput {
  readonly inputs: MetricInputs;
  /** As-of epoch day. */
  readonly asOf: number;
  readonly unit?: PeriodUnit;
  readonly periods?: number;
  readonly calendar?: Calendar;
  /** Where the orders sit, for native formulas; omit to write values only. */
  readonly source?: OrdersSource;
  /** Data source named in the header. */
  readonly sourceLabel: string;
  /** Refresh stamp supplied by the caller (plans never read the clock). */
  readonly refreshedAt?: string;
  readonly kpis?: readonly MetricId[];
  readonly targets?: Readonly<Partial<Record<MetricId, KpiTarget>>>;
  /** Breakdown dimensions; default: those the orders have among region, rep, product, category, channel. */
  readonly dimensions?: readonly string[];
  /** Goal tracking results (`core/goals`), shown as goal pacing. */
  readonly goals?: readonly GoalTracking[];
  /** Benchmark comparisons (`core/benchmarks`). */
  readonly benchmarks?: readonly BenchmarkLine[];
  /** The measurement schedule (`core/schedule`). */
  readonly schedule?: readonly ScheduleRow[];
}

const TREND_IDS: readonly MetricId[] = ['revenue', 'orders', 'aov', 'customers', 'new_customers'];
const DEFAULT_DIMENSIONS = ['region', 'rep', 'product', 'category', 'channel'] as const;
/** Criteria texts SUMIFS would read as operators or wildcards: such keys are written as values. */
const UNSAFE_CRITERION = /^[<>=]|[*?~]/;

function defaultKpis(inputs: MetricInputs): MetricId[] {
  const ids: MetricId[] = ['revenue', 'orders', 'aov'];
  if (inputs.orders?.customer) ids.push('customers', 'new_customers', 'retention_rate', 'repeat_rate');
  if (inputs.orders?.cost) ids.push('gross_margin');
  if (inputs.pipeline) ids.push('win_rate', 'pipeline_value');
  return ids;
}

/** Trend rows: returns the row of each period, and formula/value cells per metric. */
function trendSection(
  layout: PlanLayout,
  input: DashboardInput,
  periods: readonly Period[],
  values: MetricValue[][],
): number[] {
  const source = input.source;
  const formulas = canUseFormulas(source) && input.inputs.orders !== undefined;
  const ordersByFormula = formulas && ordersAreRows(source!);
  layout.section(`Trend — last ${periods.length} periods (${periods[0].unit})`);
  layout.header([
    'Period',
    'Start',
    'Until (excl.)',
    'Revenue',
    'Orders',
    'AOV',
    'Customers',
    'New customers',
  ]);
  const top = layout.row;
  const rows = periods.map((p, i) => {
    const r = top + i;
    const end = Math.min(p.end, Math.floor(input.asOf) + 1);
    const [revenue, orders, aov, customers, newCustomers] = values[i];
    layout.put(textCell(`A${r}`, p.label));
    layout.put({ ref: `B${r}`, value: excelSerial(p.start, source?.date1904), format: FORMATS.date });
    layout.put({ ref: `C${r}`, value: excelSerial(end, source?.date1904), format: FORMATS.date });
    const result = (v: MetricValue) => (isMetricError(v) ? undefined : v);
    if (formulas)
      layout.put({
        ...formulaCell(`D${r}`, revenueFormula(source!, `$B${r}`, `$C${r}`), FORMATS.money),
        result: result(revenue),
      });
    else layout.put(metricCell(`D${r}`, revenue, FORMATS.money));
    if (ordersByFormula) {
      layout.put({
        ...formulaCell(`E${r}`, ordersFormula(source!, `$B${r}`, `$C${r}`), FORMATS.integer),
        result: result(orders),
      });
      layout.put({ ...formulaCell(`F${r}`, `D${r}/E${r}`, FORMATS.money2), result: result(aov) });
    } else {
      layout.put(metricCell(`E${r}`, orders, FORMATS.integer));
      layout.put(metricCell(`F${r}`, aov, FORMATS.money2));
    }
    layout.put(metricCell(`G${r}`, customers, FORMATS.integer));
    layout.put(metricCell(`H${r}`, newCustomers, FORMATS.integer));
    return r;
  });
  const bottom = top + periods.length - 1;
  layout.row = bottom + 1;
  layout.chartBeside(top - 2, {
    type: 'line',
    title: 'Revenue trend',
    categories: layout.ref(top, 1, bottom),
    yAxisFormat: FORMATS.money,
    series: [{ name: 'Revenue', ref: layout.ref(top, 4, bottom), color: PALETTE.series[0] }],
    legend: 'none',
  });
  return rows;
}

/** KPI table: value and previous reference the trend rows when the metric is there. */
function kpiSection(
  layout: PlanLayout,
  input: DashboardInput,
  kpis: readonly MetricId[],
  suite: MetricValue[][],
  trendRows: number[],
  period: Period,
): void {
  layout.section(`Key figures — ${period.label} (to ${formatDay(Math.floor(input.asOf))})`, 10);
  layout.header([
    'Metric',
    'Value (AC)',
    'Previous',
    'Δ',
    'Δ %',
    'Goal (PL)',
    'Attainment',
    'Status',
    'Benchmark',
    'vs benchmark',
  ]);
  // `suite` holds [previous, current]; the trend rows run oldest → newest.
  const last = suite.length - 1;
  const [prevRow, lastRow] = trendRows.slice(-2);
  const trendColumn: Partial<Record<MetricId, string>> = {
    revenue: 'D',
    orders: 'E',
    aov: 'F',
    customers: 'G',
    new_customers: 'H',
  };
  const top = layout.row;
  kpis.forEach((id, i) => {
    const r = top + i;
    const def = getMetric(id);
    const m = i;
    const tc = trendColumn[id];
    layout.put(textCell(`A${r}`, def.label.en));
    if (tc) {
      layout.put({
        ...formulaCell(`B${r}`, `${tc}${lastRow}`, def.format, 'kpiValue'),
        ...resultOf(suite[last][m]),
      });
      layout.put({
        ...formulaCell(`C${r}`, `${tc}${prevRow}`, def.format),
        ...resultOf(suite[last - 1]?.[m]),
      });
    } else {
      layout.put(metricCell(`B${r}`, suite[last][m], def.format, 'kpiValue'));
      layout.put(metricCell(`C${r}`, suite[last - 1]?.[m], def.format));
    }
    const both = `AND(ISNUMBER(B${r}),ISNUMBER(C${r}))`;
    layout.put(formulaCell(`D${r}`, `IF(${both},B${r}-C${r},"")`, def.format));
    const target = input.targets?.[id];
    const lowerBetter = def.better === 'lower';
    // IBCS colours (green good, red bad, respecting lower-is-better) live in the number format,
    // so the in-cell variance bars of the same cells stay visible in every spreadsheet.
    const variance = lowerBetter ? FORMATS.deltaPercentDownGood : FORMATS.deltaPercentUpGood;
    layout.put(formulaCell(`E${r}`, `IF(AND(${both},C${r}<>0),B${r}/C${r}-1,"")`, variance));
    layout.put({ ref: `F${r}`, value: target?.goal ?? null, format: def.format });
    const ratio = lowerBetter ? `F${r}/B${r}` : `B${r}/F${r}`;
    layout.put(
      formulaCell(
        `G${r}`,
        `IF(AND(ISNUMBER(B${r}),ISNUMBER(F${r}),${lowerBetter ? `B${r}` : `F${r}`}<>0),${ratio},"")`,
        FORMATS.percent,
      ),
    );
    layout.put(
      formulaCell(`H${r}`, `IF(G${r}="","",IF(G${r}>=1,"On track",IF(G${r}>=0.9,"At risk","Off track")))`),
    );
    layout.put({
      ref: `I${r}`,
      value: target?.benchmark ?? null,
      format: def.format,
      ...(target?.benchmarkSource ? { note: target.benchmarkSource } : {}),
    });
    layout.put(
      formulaCell(`J${r}`, `IF(AND(ISNUMBER(B${r}),ISNUMBER(I${r}),I${r}<>0),B${r}/I${r}-1,"")`, variance),
    );
  });
  const bottom = top + kpis.length - 1;
  layout.conditionalFormats.push({
    type: 'dataBar',
    ref: `E${top}:E${bottom}`,
    color: PALETTE.good,
    negativeColor: PALETTE.bad,
  });
  layout.conditionalFormats.push({
    type: 'iconSet',
    ref: `G${top}:G${bottom}`,
    iconSet: '3TrafficLights1',
    thresholds: [0.9, 1],
  });
  layout.row = bottom + 1;
}

function resultOf(v: MetricValue | undefined): { result?: number } {
  return v === undefined || isMetricError(v) ? {} : { result: v };
}

function breakdownSection(
  layout: PlanLayout,
  input: DashboardInput,
  result: BreakdownResult,
  currentRow: number,
): void {
  layout.section(`Revenue by ${result.dimension} — ${result.period.label}`);
  if (result.error) {
    layout.note(
      `No ${result.dimension} column in the orders: map one in the task pane to see this breakdown.`,
    );
    return;
  }
  layout.header([
    result.dimension[0].toUpperCase() + result.dimension.slice(1),
    'Revenue',
    'Share',
    'Orders',
    'AOV',
    'Growth',
  ]);
  const source = input.source;
  const formulas =
    canUseFormulas(source) && !!source.columns[result.dimension as keyof OrdersSource['columns']];
  const top = layout.row;
  result.rows.forEach((row, i) => {
    const r = top + i;
    const [revenue, orders, aov] = row.values;
    layout.put(textCell(`A${r}`, row.key));
    const byFormula = formulas && row.kind === 'key' && !UNSAFE_CRITERION.test(row.key);
    const criteria = [{ role: result.dimension as 'region', cell: `$A${r}` }];
    const start = `$B$${currentRow}`;
    const end = `$C$${currentRow}`;
    if (byFormula)
      layout.put({
        ...formulaCell(`B${r}`, revenueFormula(source!, start, end, criteria), FORMATS.money),
        ...resultOf(revenue),
      });
    else layout.put(metricCell(`B${r}`, revenue, FORMATS.money));
    layout.put(
      formulaCell(
        `C${r}`,
        `IF(AND(ISNUMBER(B${r}),ISNUMBER($D$${currentRow}),$D$${currentRow}<>0),B${r}/$D$${currentRow},"")`,
        FORMATS.percent,
      ),
    );
    if (byFormula && ordersAreRows(source!)) {
      layout.put({
        ...formulaCell(`D${r}`, ordersFormula(source!, start, end, criteria), FORMATS.integer),
        ...resultOf(orders),
      });
      layout.put({
        ...formulaCell(`E${r}`, `IF(D${r}=0,NA(),B${r}/D${r})`, FORMATS.money2),
        ...resultOf(aov),
      });
    } else {
      layout.put(metricCell(`D${r}`, orders, FORMATS.integer));
      layout.put(metricCell(`E${r}`, aov, FORMATS.money2));
    }
    layout.put(metricCell(`F${r}`, row.growth[0], FORMATS.deltaPercent));
  });
  const bottom = top + Math.max(result.rows.length, 1) - 1;
  if (result.rows.length === 0) layout.note('No orders in this period.');
  else {
    layout.conditionalFormats.push({
      type: 'dataBar',
      ref: `F${top}:F${bottom}`,
      color: PALETTE.good,
      negativeColor: PALETTE.bad,
    });
    layout.row = bottom + 1;
    layout.chartBeside(top - 2, {
      type: 'bar',
      title: `Revenue by ${result.dimension}`,
      categories: layout.ref(top, 1, bottom),
      yAxisFormat: FORMATS.money,
      series: [{ name: 'Revenue', ref: layout.ref(top, 2, bottom), color: PALETTE.series[1] }],
      legend: 'none',
    });
  }
}

function cohortSection(layout: PlanLayout, input: DashboardInput): void {
  layout.section('Customer retention by cohort (share of each first-order month still buying)', 14);
  const orders = input.inputs.orders;
  const matrix = orders
    ? cohortMatrix(orders, { unit: 'month', asOf: input.asOf, calendar: input.calendar })
    : undefined;
  if (!matrix || isMetricError(matrix)) {
    layout.note(matrix ? `Cohorts unavailable: ${matrix.reason}.` : 'Cohorts need an orders table.');
    return;
  }
  const cohorts = matrix.cohorts.slice(-12);
  const steps = Math.min(12, Math.max(0, ...cohorts.map((c) => c.shares.length)));
  layout.header(['Cohort', 'Customers', ...Array.from({ length: steps }, (_, k) => `+${k}`)]);
  const top = layout.row;
  cohorts.forEach((c, i) => {
    const r = top + i;
    layout.put(textCell(`A${r}`, c.label));
    layout.put({ ref: `B${r}`, value: c.size, format: FORMATS.integer });
    c.shares.slice(0, steps).forEach((s, k) => layout.put({ ref: toA1(r, 3 + k), value: s, format: '0%' }));
  });
  const bottom = top + cohorts.length - 1;
  // Step +0 is 100% by definition: leave it out of the scale so the later steps get the contrast.
  if (cohorts.length && steps > 1) {
    layout.conditionalFormats.push({
      type: 'colorScale',
      ref: `D${top}:${toA1(bottom, 2 + steps)}`,
      colors: ['FFFFFF', PALETTE.accentLight, '5B9BD5'],
    });
  }
  layout.row = bottom + 1;
}

function rfmSection(layout: PlanLayout, input: DashboardInput): void {
  layout.section(`RFM segments (as of ${formatDay(Math.floor(input.asOf))})`);
  const orders = input.inputs.orders;
  const result = orders ? rfm(orders, { asOf: input.asOf }) : undefined;
  if (!result || isMetricError(result)) {
    layout.note(result ? `RFM unavailable: ${result.reason}.` : 'RFM needs an orders table.');
    return;
  }
  layout.header(['Segment', 'Customers', 'Revenue', 'Revenue share']);
  const top = layout.row;
  result.segments.forEach((s, i) => {
    const r = top + i;
    layout.put(textCell(`A${r}`, s.segment));
    layout.put({ ref: `B${r}`, value: s.customers, format: FORMATS.integer });
    layout.put({ ref: `C${r}`, value: s.revenue, format: FORMATS.money });
    layout.put(metricCell(`D${r}`, s.revenueShare, FORMATS.percent));
  });
  const bottom = top + result.segments.length - 1;
  layout.conditionalFormats.push({ type: 'dataBar', ref: `D${top}:D${bottom}`, color: '5B9BD5' });
  layout.row = bottom + 1;
  layout.chartBeside(top - 2, {
    type: 'bar',
    title: 'Customers by RFM segment',
    categories: layout.ref(top, 1, bottom),
    series: [{ name: 'Customers', ref: layout.ref(top, 2, bottom), color: PALETTE.series[2] }],
    legend: 'none',
    yAxisFormat: FORMATS.integer,
  });
}

/**
 * The dashboard plan.
 * @example
 * const plan = buildDashboardPlan({ inputs: { orders }, asOf, sourceLabel: 'sales.xlsx — Data', source });
 * await writeWorkbook(workbook, [plan]);
 */
export function buildDashboardPlan(input: DashboardInput): SheetPlan {
  const unit = input.unit ?? 'month';
  const calendar = input.calendar ?? DEFAULT_CALENDAR;
  const periods = lastPeriods(Math.floor(input.asOf), unit, Math.max(2, input.periods ?? 12), calendar);
  const kpis = input.kpis ?? defaultKpis(input.inputs);
  const options = { asOf: input.asOf, calendar };
  const trend = computeSuite(input.inputs, TREND_IDS, periods, options).values;
  const kpiValues = computeSuite(input.inputs, kpis, periods.slice(-2), options).values;
  const layout = new PlanLayout(DASHBOARD_SHEET);

  layout.put(textCell('A1', 'Sales dashboard', 'title'));
  layout.put(
    textCell(
      'A2',
      `Data: ${input.sourceLabel} · As of ${formatDay(Math.floor(input.asOf))}${input.refreshedAt ? ` · Last refresh ${input.refreshedAt}` : ''}`,
      'subtitle',
    ),
  );
  layout.put(
    textCell(
      'A3',
      canUseFormulas(input.source)
        ? `Revenue and order figures are live formulas over ${input.source.sheet}; other figures are values as of the date above, updated on refresh.`
        : 'Figures are values as of the date above, updated on refresh.',
      'note',
    ),
  );
  layout.row = 5;

  // The KPI table refers to trend rows: lay the trend out first, below the space the KPI
  // table will take (its height is fixed by the KPI count), then fill the KPI table in.
  const kpiTop = layout.row;
  const trendTop = kpiTop + 2 + kpis.length + 1;
  layout.row = trendTop;
  const trendRows = trendSection(layout, input, periods, trend);
  const afterTrend = layout.row;
  layout.row = kpiTop;
  kpiSection(layout, input, kpis, kpiValues, trendRows, periods[periods.length - 1]);
  layout.row = afterTrend + 1;
  goalPacingSection(layout, input.goals);
  layout.gap();
  benchmarkSection(layout, input.benchmarks);
  layout.gap();

  const orders = input.inputs.orders;
  const dims = input.dimensions ?? DEFAULT_DIMENSIONS.filter((d) => orders?.dimensions[d] !== undefined);
  if (orders) {
    const current = periods[periods.length - 1];
    for (const dimension of dims) {
      breakdownSection(
        layout,
        input,
        breakdown(input.inputs, {
          dimension,
          period: current,
          asOf: input.asOf,
          calendar,
          ids: ['revenue', 'orders', 'aov'],
          top: 10,
        }),
        trendRows[trendRows.length - 1],
      );
      layout.gap();
    }
  }
  cohortSection(layout, input);
  layout.gap();
  rfmSection(layout, input);
  layout.gap();
  scheduleSection(layout, input.schedule);

  return layout.build({
    tabColor: PALETTE.accent,
    columns: [
      { index: 1, width: 22 },
      ...Array.from({ length: 9 }, (_, i) => ({ index: i + 2, width: i + 2 === 8 ? 15 : 13 })),
      ...Array.from({ length: 12 }, (_, i) => ({ index: i + 11, width: 8 })),
    ],
    merges: [],
    areas: [{ ref: `A1:${toA1(layout.row, 22)}`, owner: 'computed', name: 'dashboard' }],
    freeze: { row: 3, column: 0 },
  });
}
