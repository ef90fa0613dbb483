/**
 * The `Dashboard` sheet plan: header, key figures (actual against the same days of the previous
 * period and of the prior year, goal and benchmark, IBCS-coloured variances with bars in columns
 * of their own), the trend of the last N periods with a line chart, goal pacing, benchmarks,
 * breakdowns with bar charts, a cohort heatmap, the RFM summary and the measurement schedule.
 * Every figure SUMIFS/COUNTIFS can express is a native formula over the data sheet when the data
 * allows (see `sources.ts`), with the engine's value as the cached result; everything else is a
 * value stamped "as of". A period that is not over is marked: "(to date)" and a hollow point in
 * the trend, an asterisk on the cohort cells of the as-of month, which the average row leaves out;
 * its forecast (FC) comes from the core trend. It prints landscape, one page wide, with page
 * breaks between sections.
 */
import {
  DEFAULT_CALENDAR,
  formatDay,
  lastPeriods,
  likeForLike,
  periodAt,
  periodOf,
  type Calendar,
  type LikeForLike,
  type Period,
  type PeriodUnit,
} from '../core/periods';
import { getMetric, type MetricId, type MetricInputs } from '../core/metrics';
import type { BreakdownResult } from '../core/analyses/breakdown';
import { trend } from '../core/analyses/trend';
import { etsOutlook, etsPeriodForecast } from '../core/analyses/period-forecast';
import { isMetricError, type MetricValue } from '../core/errors';
import { ORDER_DIMENSIONS } from '../core/table';
import type { Currency } from '../core/currency';
import type { GoalTracking } from '../core/goals/tracking';
import type { HistoryScheduleRow } from '../core/schedule';
import { toA1 } from './a1';
import { formulaCell, textCell, UNDEFINED_TEXT, type SheetPlan, type PlanValue } from './plan';
import { PALETTE } from './styles';
import { PlanLayout, metricCell } from './layout';
import { numberFormats, type NumberFormats } from './formats';
import { printPlan } from './print';
import {
  canUseFormulas,
  metricFormula,
  ordersAreRows,
  ordersFormula,
  revenueFormula,
  type OrdersSource,
} from './sources';
import {
  benchmarkSection,
  goalPacingSection,
  scheduleSection,
  type BenchmarkLine,
} from './dashboard-sections';
import { KPI_COLUMN_WIDTHS, kpiSection, KPI_TABLE_WIDTH, liveKpis, type KpiTarget } from './dashboard-kpis';
import { BAR_ONLY, varianceFormats } from './variance';
import {
  FORECAST_COLUMN,
  FORECAST_COLUMNS,
  forecastSection,
  isOutlook,
  trendForecastColumns,
  type OutlookOrReason,
} from './dashboard-forecast';
import { CHART_COLUMN } from './layout';
import type { PipelineForecast } from '../core/pipeline';
import { pipelineSection } from './dashboard-pipeline';
import { leaderboardSection } from './leaderboard';
import { figuresOf, type PlanFigures } from './figures';

export type { KpiTarget } from './dashboard-kpis';

export const DASHBOARD_SHEET = 'Dashboard';
/**
 * Excel serial of an epoch day: 1900 date system (day 25569 = 1970-01-01), or 1904 (1462 less).
 * @example excelSerial(0) // 25569
 */
export const excelSerial = (epochDay: number, date1904 = false): number =>
  epochDay + (date1904 ? 24107 : 25569);

/** Rows 1–3 (title, data and as-of line, note) repeat at the top of every printed page. */
const TITLE_ROWS = 3;
/** The printed area: the KPI table's columns, which the charts beside the tables lie within (A…U). */
const PRINT_COLUMNS = KPI_TABLE_WIDTH;

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
  /** The measurement schedule from the refresh history (`core/schedule`). */
  readonly schedule?: readonly HistoryScheduleRow[];
  /** The currency of money figures (none by default). */
  readonly currency?: Currency;
  /** The pipeline forecast and quota per rep (`core/pipeline`), shown with the leaderboard. */
  readonly pipelineForecast?: PipelineForecast;
  /** Figures computed elsewhere (the SQL route); default: the engine over `inputs`. */
  readonly figures?: PlanFigures;
}

/** Periods forecast after the as-of period (the trend chart, the forecast section, the backtest's steps). */
const FORECAST_HORIZON = 3;

const TREND_IDS: readonly MetricId[] = ['revenue', 'orders', 'aov', 'customers', 'new_customers'];
const DEFAULT_DIMENSIONS = ['region', 'rep', 'product', 'category', 'channel'] as const;
/** Criteria texts SUMIFS would read as operators or wildcards: such keys are written as values. */
const UNSAFE_CRITERION = /^[<>=]|[*?~]/;

/** The KPIs the dashboard shows when the caller names none. */
export function defaultKpis(inputs: MetricInputs): MetricId[] {
  const ids: MetricId[] = ['revenue', 'orders', 'aov'];
  if (inputs.orders?.customer) ids.push('customers', 'new_customers', 'retention_rate', 'repeat_rate');
  if (inputs.orders?.cost) ids.push('gross_margin');
  if (inputs.pipeline) ids.push('win_rate', 'pipeline_value');
  return ids;
}

function resultOf(v: MetricValue | undefined): { result: PlanValue } {
  return { result: v === undefined || isMetricError(v) ? UNDEFINED_TEXT : v };
}

interface Context {
  readonly input: DashboardInput;
  readonly formats: NumberFormats;
  readonly serial: (epochDay: number) => number;
}

/** Trend rows: returns the row of each period. The last period runs to the as-of day. */
function trendSection(
  layout: PlanLayout,
  ctx: Context,
  periods: readonly Period[],
  values: MetricValue[][],
  outlook?: OutlookOrReason,
): number[] {
  const { input, formats, serial } = ctx;
  const source = input.inputs.orders !== undefined ? input.source : undefined;
  const forecast = isOutlook(outlook) ? outlook : undefined;
  layout.section(
    forecast
      ? `Trend — last ${periods.length} ${periods[0].unit}s and the revenue forecast`
      : `Trend — last ${periods.length} ${periods[0].unit}s`,
    forecast ? FORECAST_COLUMN + FORECAST_COLUMNS - 1 : 8,
  );
  const headerRow = layout.header([
    'Period',
    'From',
    'To',
    'Revenue',
    'Orders',
    'Avg order value',
    'Customers',
    'New customers',
  ]);
  const top = layout.row;
  const asOf = Math.floor(input.asOf);
  let partialIndex: number | undefined;
  const live = { revenue: false, orders: false, aov: false };
  const rows = periods.map((p, i) => {
    const r = top + i;
    const last = Math.min(p.end, asOf + 1) - 1;
    const partial = last < p.end - 1;
    if (partial) partialIndex = i;
    const [revenue, orders, aov, customers, newCustomers] = values[i];
    layout.put({
      ...textCell(`A${r}`, partial ? `${p.label} (to date)` : p.label),
      ...(partial
        ? {
            note: `Partial: ${last - p.start + 1} of ${p.end - p.start} days, to ${formatDay(last)}. Drawn as a hollow point in the chart.`,
          }
        : {}),
    });
    layout.put({ ref: `B${r}`, value: serial(p.start), format: formats.date });
    layout.put({ ref: `C${r}`, value: serial(last), format: formats.date });
    const window = [`$B${r}`, `$C${r}+1`] as const;
    const put = (column: string, id: MetricId, value: MetricValue, format: string, known = {}) => {
      const formula = metricFormula(id, source, window[0], window[1], [], known);
      if (formula) {
        layout.put({ ...formulaCell(`${column}${r}`, formula, format), ...resultOf(value) });
        return true;
      }
      layout.put(metricCell(`${column}${r}`, value, format));
      return false;
    };
    live.revenue = put('D', 'revenue', revenue, formats.money);
    live.orders = put('E', 'orders', orders, formats.count);
    live.aov = put(
      'F',
      'aov',
      aov,
      formats.money,
      live.revenue && live.orders ? { revenue: `D${r}`, orders: `E${r}` } : {},
    );
    layout.put(metricCell(`G${r}`, customers, formats.count));
    layout.put(metricCell(`H${r}`, newCustomers, formats.count));
    return r;
  });
  // Say in each header whether its figures are live formulas or values as of the as-of day.
  (
    [
      ['D', 'Revenue', live.revenue],
      ['E', 'Orders', live.orders],
      ['F', 'Avg order value', live.aov],
      ['G', 'Customers', false],
      ['H', 'New customers', false],
    ] as const
  ).forEach(([column, text, isLive]) =>
    layout.put({
      ...textCell(`${column}${headerRow}`, text, 'header'),
      note: isLive
        ? `Live: native formulas over ${source!.sheet}, recalculated when the data changes.`
        : `As of ${formatDay(asOf)}: values computed by the add-in, updated on refresh.`,
    }),
  );
  let bottom = top + periods.length - 1;
  layout.row = bottom + 1;
  // The revenue forecast: columns I–K, the periods after the trend as rows of their own.
  const join = partialIndex !== undefined ? partialIndex - 1 : periods.length - 1;
  const joinValue = join >= 0 ? values[join][0] : undefined;
  const extra = forecast
    ? trendForecastColumns(
        layout,
        forecast,
        {
          headerRow,
          top,
          joinRow: join >= 0 && typeof joinValue === 'number' ? rows[join] : undefined,
          joinValue: typeof joinValue === 'number' ? joinValue : undefined,
          liveActual: live.revenue,
          currentRow: partialIndex !== undefined && forecast.current ? rows[partialIndex] : undefined,
        },
        formats,
        serial,
      )
    : undefined;
  if (extra) bottom = extra.bottom;
  layout.chartBeside(
    top - 2,
    {
      type: 'line',
      title: extra ? 'Revenue trend and forecast' : 'Revenue trend',
      categories: layout.ref(top, 1, bottom),
      yAxisFormat: formats.moneyAxis,
      series: [
        {
          name: 'Revenue',
          ref: layout.ref(top, 4, bottom),
          color: PALETTE.series[0],
          ...(partialIndex !== undefined ? { partialPoint: partialIndex } : {}),
        },
        ...(extra?.series ?? []),
      ],
      legend: extra ? 'bottom' : 'none',
    },
    extra ? FORECAST_COLUMN + FORECAST_COLUMNS : CHART_COLUMN,
  );
  return rows;
}

function windowText(window: { start: number; end: number }): string {
  return `${formatDay(window.start)} to ${formatDay(window.end - 1)}`;
}

function breakdownSection(
  layout: PlanLayout,
  ctx: Context,
  result: BreakdownResult,
  currentRow: number,
): void {
  const { input, formats } = ctx;
  const name = result.dimension[0].toUpperCase() + result.dimension.slice(1);
  const partial = result.current.end < result.period.end;
  layout.section(`Revenue by ${result.dimension} — ${result.period.label}${partial ? ' to date' : ''}`, 7);
  if (result.error) {
    // A role can be mapped to a column; any other name is a header the data does not have.
    const role = (ORDER_DIMENSIONS as readonly string[]).includes(result.dimension);
    layout.note(
      role || !isMetricError(result.error)
        ? `No ${result.dimension} column in the orders: map one with --map ${result.dimension}=HEADER (or in the task pane) to see this breakdown.`
        : `No breakdown: ${result.error.reason}.`,
    );
    return;
  }
  const headerRow = layout.header([
    name,
    'Revenue',
    'Share',
    'Orders',
    'Avg order value',
    '% change',
    'vs previous',
  ]);
  layout.put({
    ...textCell(`F${headerRow}`, '% change', 'header'),
    note: `Revenue ${windowText(result.current)} against ${windowText(result.base)} (the same days of the period before).`,
  });
  const source = input.source;
  const formulas =
    canUseFormulas(source) && !!source.columns[result.dimension as keyof OrdersSource['columns']];
  const top = layout.row;
  const start = `$B$${currentRow}`;
  const end = `$C$${currentRow}+1`;
  const total = `$D$${currentRow}`;
  const totalRevenue = result.total.values[0];
  const variance = result.rows.map((row, i) => {
    const r = top + i;
    const [revenue, orders, aov] = row.values;
    const caseClash = result.caseVariants?.includes(row.key) ?? false;
    layout.put({
      ...textCell(`A${r}`, row.key),
      ...(caseClash && formulas
        ? {
            note: `Values as of the as-of day: another ${result.dimension} differs from “${row.key}” only in letter case, which SUMIFS does not tell apart.`,
          }
        : {}),
    });
    const byFormula = formulas && row.kind === 'key' && !UNSAFE_CRITERION.test(row.key) && !caseClash;
    const criteria = [{ role: result.dimension as 'region', cell: `$A${r}` }];
    if (byFormula)
      layout.put({
        ...formulaCell(`B${r}`, revenueFormula(source!, start, end, criteria), formats.money),
        ...resultOf(revenue),
      });
    else layout.put(metricCell(`B${r}`, revenue, formats.money));
    const shareOf =
      !isMetricError(revenue) && !isMetricError(totalRevenue) && totalRevenue !== 0
        ? revenue / totalRevenue
        : UNDEFINED_TEXT;
    layout.put({
      ...formulaCell(
        `C${r}`,
        `IF(AND(ISNUMBER(B${r}),ISNUMBER(${total}),${total}<>0),B${r}/${total},"${UNDEFINED_TEXT}")`,
        formats.percent,
      ),
      result: shareOf,
    });
    if (byFormula && ordersAreRows(source!)) {
      layout.put({
        ...formulaCell(`D${r}`, ordersFormula(source!, start, end, criteria), formats.count),
        ...resultOf(orders),
      });
      layout.put({
        ...formulaCell(
          `E${r}`,
          `IF(AND(ISNUMBER(B${r}),ISNUMBER(D${r}),D${r}<>0),B${r}/D${r},"${UNDEFINED_TEXT}")`,
          formats.money,
        ),
        ...resultOf(aov),
      });
    } else {
      layout.put(metricCell(`D${r}`, orders, formats.count));
      layout.put(metricCell(`E${r}`, aov, formats.money));
    }
    const growth = row.growth[0];
    layout.put(metricCell(`F${r}`, growth, formats.percentChange));
    const bar = isMetricError(growth) ? undefined : growth;
    layout.put({
      ref: `G${r}`,
      formula: `IF(ISNUMBER(F${r}),F${r},"")`,
      result: bar ?? '',
      format: BAR_ONLY,
    });
    return { row: r, better: 'higher' as const, rate: false, bars: [bar] };
  });
  const bottom = top + Math.max(result.rows.length, 1) - 1;
  if (result.rows.length === 0) {
    layout.note('No orders in this period.');
    return;
  }
  for (const cf of varianceFormats(variance, [{ percent: 'F', bar: 'G' }]))
    layout.conditionalFormats.push(cf);
  layout.row = bottom + 1;
  layout.chartBeside(top - 2, {
    type: 'bar',
    title: `Revenue by ${result.dimension}`,
    categories: layout.ref(top, 1, bottom),
    yAxisFormat: formats.moneyAxis,
    series: [{ name: 'Revenue', ref: layout.ref(top, 2, bottom), color: PALETTE.series[1] }],
    legend: 'none',
  });
}

function cohortSection(layout: PlanLayout, input: DashboardInput): void {
  layout.section('Customer retention by cohort (share of each first-order month still buying)', 14);
  const matrix =
    figuresOf(input).cohorts({ unit: 'month', asOf: input.asOf, calendar: input.calendar }) ?? undefined;
  if (!matrix || isMetricError(matrix)) {
    layout.note(matrix ? `Cohorts unavailable: ${matrix.reason}.` : 'Cohorts need an orders table.');
    return;
  }
  // The as-of month while it is not over: its cells (a diagonal) count buyers of a few days only.
  const partial = matrix.partialPeriod;
  const month = partial ? periodOf(partial.lastDay, 'month', input.calendar ?? DEFAULT_CALENDAR) : undefined;
  const partialNote = partial
    ? `${month?.label ?? partial.key} to date (${partial.days} of ${partial.daysInPeriod} days): not comparable with complete months, and left out of the average row.`
    : '';
  const cohorts = matrix.cohorts.slice(-12);
  const steps = Math.min(12, Math.max(0, ...cohorts.map((c) => c.shares.length)));
  layout.header(['Cohort', 'Customers', ...Array.from({ length: steps }, (_, k) => `+${k}`)]);
  const top = layout.row;
  cohorts.forEach((c, i) => {
    const r = top + i;
    layout.put(textCell(`A${r}`, c.label));
    layout.put({ ref: `B${r}`, value: c.size, format: '#,##0' });
    c.shares
      .slice(0, steps)
      .forEach((s, k) =>
        layout.put(
          c.partial[k]
            ? { ref: toA1(r, 3 + k), value: s, format: '0%"*"', style: 'partial', note: partialNote }
            : { ref: toA1(r, 3 + k), value: s, format: '0%' },
        ),
      );
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
  const average = bottom + 1;
  layout.put({
    ...textCell(`A${average}`, 'All cohorts', 'total'),
    note: `Pooled over every cohort since the data starts: customers buying k months after their first month ÷ the cohorts' customers, counting only cohorts with a complete month k${partial ? ' (the month to date is left out)' : ''}.`,
  });
  layout.put({ ref: `B${average}`, value: null, style: 'total' });
  Array.from({ length: steps }, (_, k) => matrix.averageCurve[k]).forEach((share, k) =>
    layout.put(
      share === undefined
        ? {
            ref: toA1(average, 3 + k),
            value: UNDEFINED_TEXT,
            style: 'total',
            note: 'No cohort has a complete month here yet.',
          }
        : { ref: toA1(average, 3 + k), value: share, format: '0%', style: 'total' },
    ),
  );
  layout.row = average + 1;
  if (partial) layout.note(`* ${partialNote}`);
}

function rfmSection(layout: PlanLayout, ctx: Context): void {
  const { input, formats } = ctx;
  layout.section(`RFM segments (as of ${formatDay(Math.floor(input.asOf))})`, 4);
  const result = figuresOf(input).rfm(input.asOf) ?? undefined;
  if (!result || isMetricError(result)) {
    layout.note(result ? `RFM unavailable: ${result.reason}.` : 'RFM needs an orders table.');
    return;
  }
  layout.header(['Segment', 'Customers', 'Revenue', 'Revenue share']);
  const top = layout.row;
  result.segments.forEach((s, i) => {
    const r = top + i;
    layout.put(textCell(`A${r}`, s.segment));
    layout.put({ ref: `B${r}`, value: s.customers, format: formats.count });
    layout.put({ ref: `C${r}`, value: s.revenue, format: formats.money });
    layout.put(metricCell(`D${r}`, s.revenueShare, formats.percent));
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
    yAxisFormat: formats.count,
  });
}

/** Column widths in characters: the KPI table's, which the other tables and the charts share. */
function columnWidths(): { index: number; width: number }[] {
  return KPI_COLUMN_WIDTHS.map((width, i) => ({ index: i + 1, width }));
}

/** Labels joined as a reader says them: "A", "A and B", "A, B and C". */
function spoken(labels: readonly string[]): string {
  return labels.length <= 1
    ? (labels[0] ?? '')
    : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** Line 3: which figures are live formulas over the data and which are values as of the as-of day. */
function liveSentence(input: DashboardInput, kpis: readonly MetricId[], asOf: number): string {
  const source = input.source;
  const day = formatDay(asOf);
  if (input.figures?.computedIn) return `Figures are values as of ${day} ${input.figures.computedIn}.`;
  if (!canUseFormulas(source) || !input.inputs.orders)
    return `Figures are values as of ${day}, updated on refresh.`;
  const inKpis = liveKpis(kpis, source).map((id) => getMetric(id).label.en);
  const inTables = ordersAreRows(source) ? 'revenue, orders and average order value' : 'revenue';
  const key = inKpis.length > 0 ? `${spoken(inKpis)} in the key figures (marked "live"); ` : '';
  return `Live formulas over ${source.sheet}, recalculated when the data changes: ${key}${inTables} in the trend and breakdowns. Other figures are values as of ${day}, updated on refresh.`;
}

/**
 * Distinct counts of customers: the customers of the days left are partly those who bought
 * already, so a forecast by days would count them twice.
 */
const NOT_FORECAST_BY_DAYS: ReadonlySet<MetricId> = new Set<MetricId>(['customers', 'returning_customers']);

/**
 * KPI targets with FC filled in where the caller gave none: while the dashboard period is not
 * over, the forecast of the whole period — revenue from the ETS forecaster when at least
 * `MIN_ETS_PERIODS` complete periods precede it, every other flow and rate (and revenue on less
 * history) from the core trend — never for stocks such as the open pipeline, which are a level on
 * the as-of day, nor for distinct counts of customers.
 */
function withForecasts(
  input: DashboardInput,
  kpis: readonly MetricId[],
  windows: LikeForLike,
  unit: PeriodUnit,
  calendar: Calendar,
  count: number,
  outlook?: OutlookOrReason,
): Readonly<Partial<Record<MetricId, KpiTarget>>> | undefined {
  const targets = input.targets;
  if (!windows.current.partial) return targets;
  const lines = figuresOf(input).forecasts;
  const out: Partial<Record<MetricId, KpiTarget>> = { ...targets };
  const period = windows.current.period;
  for (const id of kpis) {
    if (getMetric(id).kind === 'stock' || numberOfTarget(targets?.[id]?.forecast) !== undefined) continue;
    if (NOT_FORECAST_BY_DAYS.has(id)) {
      out[id] = {
        ...targets?.[id],
        forecastNote:
          targets?.[id]?.forecastNote ??
          'Not forecast: a distinct count, and customers of the days left are partly those who bought already.',
      };
      continue;
    }
    // Revenue: the ETS forecaster when enough complete periods precede the period, else the line.
    // The dashboard's outlook when it has the as-of period (the trend chart shows the same figure).
    const point = isOutlook(outlook) && outlook.points[0]?.partial ? outlook.points[0] : undefined;
    const ets =
      id !== 'revenue'
        ? null
        : point && isOutlook(outlook) && outlook.current
          ? {
              forecast: point.mean,
              low: point.lower[outlook.levels.indexOf(0.8)] ?? point.lower[0],
              high: point.upper[outlook.levels.indexOf(0.8)] ?? point.upper[0],
              daysElapsed: outlook.current.daysElapsed,
              daysInPeriod: outlook.current.daysInPeriod,
              method: `${id} to date (${outlook.current.daysElapsed} of ${outlook.current.daysInPeriod} days) + the ${outlook.result.name} forecast of ${outlook.current.period.key} (fitted on ${outlook.series.length} complete ${unit}s, model with the smallest AICc) × ${outlook.current.daysInPeriod - outlook.current.daysElapsed} remaining days ÷ ${outlook.current.daysInPeriod}`,
            }
          : etsPeriodForecast(id, input.inputs, { asOf: input.asOf, unit, calendar });
    if (ets) {
      const money = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 0 });
      out[id] = {
        ...targets?.[id],
        forecast: ets.forecast,
        statusOnForecast: true,
        forecastNote:
          targets?.[id]?.forecastNote ??
          `Forecast of all of ${period.label} after ${ets.daysElapsed} of ${ets.daysInPeriod} days: ${ets.method}. 80 % interval ${money(ets.low)} to ${money(ets.high)}.`,
      };
      continue;
    }
    // The trend line needs the daily series, which the SQL route leaves in the database.
    if (!lines) continue;
    const current = trend(id, input.inputs, { asOf: input.asOf, unit, calendar, count, horizon: 0 }).current;
    if (!current) continue;
    const note = isMetricError(current.forecast)
      ? `No forecast for ${period.label}: ${current.forecast.reason}.`
      : `Forecast of all of ${period.label} after ${current.daysElapsed} of ${current.daysInPeriod} days: ${current.method}.`;
    out[id] = {
      ...targets?.[id],
      ...(isMetricError(current.forecast) ? {} : { forecast: current.forecast }),
      forecastNote: targets?.[id]?.forecastNote ?? note,
    };
  }
  return out;
}

const numberOfTarget = (v: number | undefined): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

/**
 * The dashboard plan.
 * @example
 * const plan = buildDashboardPlan({ inputs: { orders }, asOf, sourceLabel: 'sales.xlsx — Data', source });
 * await writeWorkbook(workbook, [plan]);
 */
export function buildDashboardPlan(input: DashboardInput): SheetPlan {
  const unit = input.unit ?? 'month';
  const calendar = input.calendar ?? DEFAULT_CALENDAR;
  const asOf = Math.floor(input.asOf);
  const periods = lastPeriods(asOf, unit, Math.max(2, input.periods ?? 12), calendar);
  const current = periods[periods.length - 1];
  const kpis = input.kpis ?? defaultKpis(input.inputs);
  const options = { asOf: input.asOf, calendar };
  const formats = numberFormats(input.currency);
  const ctx: Context = { input, formats, serial: (day) => excelSerial(day, input.source?.date1904) };
  const figures = figuresOf(input);
  const trend = figures.suite(TREND_IDS, periods, options);
  const windows = likeForLike(current, asOf);
  // Each window with the whole period before it (for retention and churn), contiguous as the engine needs.
  const valuesOf = (w: { start: number; end: number; period: Period }) =>
    figures.windows(
      kpis,
      [periodAt(w.period.index - 1, unit, calendar), { ...w, key: w.period.key }],
      options,
    );
  const layout = new PlanLayout(DASHBOARD_SHEET);
  // The revenue outlook needs only revenue per period: on the SQL route too, from the database.
  const outlook: OutlookOrReason | undefined =
    input.inputs.orders || input.figures
      ? etsOutlook('revenue', figures, {
          asOf: input.asOf,
          unit,
          calendar,
          horizon: FORECAST_HORIZON,
          backtest: true,
        })
      : undefined;

  layout.put(textCell('A1', 'Sales dashboard', 'title'));
  layout.put(
    textCell(
      'A2',
      `Data: ${input.sourceLabel} · As of ${formatDay(asOf)}${input.refreshedAt ? ` · Last refresh ${input.refreshedAt}` : ''}${formats.currency.symbol ? ` · Money in ${formats.currency.symbol}` : ''}`,
      'subtitle',
    ),
  );
  layout.put(textCell('A3', liveSentence(input, kpis, asOf), 'note'));
  layout.row = 5;

  kpiSection(layout, {
    kpis,
    windows,
    values: {
      current: valuesOf(windows.current),
      previous: valuesOf(windows.previous),
      priorYear: valuesOf(windows.priorYear),
    },
    targets: withForecasts(input, kpis, windows, unit, calendar, periods.length, outlook),
    source: input.source,
    formats,
    serial: ctx.serial,
  });
  layout.gap();
  const trendRows = trendSection(layout, ctx, periods, trend, outlook);
  layout.gap();
  if (outlook) {
    forecastSection(layout, outlook, formats, unit);
    layout.gap();
  }
  goalPacingSection(layout, input.goals, formats);
  layout.gap();
  benchmarkSection(layout, input.benchmarks, formats);
  layout.gap();
  if (input.pipelineForecast) {
    pipelineSection(layout, input.pipelineForecast, formats, ctx.serial);
    layout.gap();
    leaderboardSection(layout, input.pipelineForecast, { formats, serial: ctx.serial, source: input.source });
    layout.gap();
  }

  const orders = input.inputs.orders;
  const dims = input.dimensions ?? DEFAULT_DIMENSIONS.filter((d) => orders?.dimensions[d] !== undefined);
  if (orders || input.figures) {
    for (const dimension of dims) {
      breakdownSection(
        layout,
        ctx,
        figures.breakdown({
          dimension,
          period: current,
          asOf: input.asOf,
          calendar,
          ids: ['revenue', 'orders', 'aov'],
          top: 10,
          likeForLike: true,
        }),
        trendRows[trendRows.length - 1],
      );
      layout.gap();
    }
  }
  cohortSection(layout, input);
  layout.gap();
  rfmSection(layout, ctx);
  layout.gap();
  scheduleSection(layout, input.schedule);

  const columns = columnWidths();
  return layout.build({
    tabColor: PALETTE.accent,
    columns,
    merges: [],
    areas: [{ ref: `A1:${toA1(layout.row, 22)}`, owner: 'computed', name: 'dashboard' }],
    freeze: { row: TITLE_ROWS, column: 0 },
    print: printPlan(columns, PRINT_COLUMNS, layout.blocks(), TITLE_ROWS),
    active: true,
  });
}
