/**
 * The dashboard's key figures in IBCS terms: each KPI's actual (AC) to date beside the same days of
 * the previous period (PP) and of the prior year (PY), like for like; the goal (PL) for the period
 * and to date, attainment and status; the forecast (FC) of the whole period against the goal; and a
 * benchmark. Every KPI SUMIFS/COUNTIFS can express over the orders (revenue, orders when each row is
 * an order, units, average order value, average selling price, gross margin) is a native formula
 * over the windows written below the table, in all three windows, so it stays live; the others are
 * values as of the as-of day, and the last column says which is which. Every formula carries its
 * cached result.
 */
import { DEFAULT_THRESHOLDS } from '../core/goals/status';
import { getMetric, type MetricId } from '../core/metrics';
import type { MetricDefinition, MetricUnit } from '../core/metrics/definition';
import { isMetricError, type MetricValue } from '../core/errors';
import type { Currency } from '../core/currency';
import { formatDay, type ComparedWindow, type LikeForLike } from '../core/periods';
import { toA1 } from './a1';
import type { CellPlan, PlanValue } from './plan';
import { formulaCell, textCell, UNDEFINED_TEXT } from './plan';
import { CONDITIONAL_STYLES, STATUS_WORDS } from './styles';
import { PlanLayout, metricCell } from './layout';
import type { NumberFormats } from './formats';
import { isRate } from './formats';
import { changeCells, numberOf, varianceFormats, type ChangeColumns, type VarianceRow } from './variance';
import { liveMetrics, metricFormula, type KnownCells, type OrdersSource } from './sources';

/** A KPI's goal for the whole period and a benchmark figure. */
export interface KpiTarget {
  /** The target for the whole dashboard period (flows are paced to the as-of day on the sheet). */
  readonly goal?: number;
  /**
   * The goal to the as-of day when it is not the goal paced by days (flows) or the goal itself
   * (rates): metrics paced along last period's curve (distinct customers, retention, churn).
   */
  readonly goalToDate?: number;
  /** How `goalToDate` was paced (shown as a note). */
  readonly goalToDateNote?: string;
  /** The benchmark figure, in the dashboard period's terms (converted when its period differs). */
  readonly benchmark?: number;
  /** The benchmark's published range, when it is one (shown instead of a single figure). */
  readonly benchmarkRange?: { readonly low: number; readonly high: number };
  /** Where the benchmark comes from (shown as a note). */
  readonly benchmarkSource?: string;
  /** The benchmark's caveat or conversion (shown as a note). */
  readonly benchmarkNote?: string;
  /** Why the benchmark is not compared (it measures something else, or another period). */
  readonly benchmarkSkipped?: string;
  /** FC: the forecast of the whole period's value, and how it was made (note). */
  readonly forecast?: number;
  readonly forecastNote?: string;
  /**
   * Judge the status on FC against the goal (FC ÷ PL, inverted when lower is better) rather than
   * on the pace to date: set when FC is the ETS projection (see docs/metrics.md#goals).
   */
  readonly statusOnForecast?: boolean;
}

export interface KpiTableInput {
  readonly kpis: readonly MetricId[];
  readonly windows: LikeForLike;
  /** Values per window, in the order of `kpis`. */
  readonly values: {
    readonly current: readonly MetricValue[];
    readonly previous: readonly MetricValue[];
    readonly priorYear: readonly MetricValue[];
  };
  readonly targets?: Readonly<Partial<Record<MetricId, KpiTarget>>>;
  readonly source?: OrdersSource;
  readonly formats: NumberFormats;
  /** Excel serial of an epoch day in the workbook's date system. */
  readonly serial: (epochDay: number) => number;
}

const COLUMNS = {
  metric: 'A',
  actual: 'B',
  previous: 'C',
  previousChange: { change: 'D', percent: 'E', bar: 'F' },
  priorYear: 'G',
  priorYearChange: { change: 'H', percent: 'I', bar: 'J' },
  goal: 'K',
  goalToDate: 'L',
  attainment: 'M',
  status: 'N',
  forecast: 'O',
  forecastChange: { change: 'P', percent: 'Q', bar: 'R' },
  benchmark: 'S',
  vsBenchmark: 'T',
  figures: 'U',
} as const;

/** Columns the KPI table spans. */
export const KPI_TABLE_WIDTH = 21;

/**
 * Column widths of the KPI table in characters (A…U), which the sections below share: figures
 * wide enough for a money amount; E and F also hold the breakdowns' average order value and
 * relative change, the trend's average order value and the schedule's dates; relative changes,
 * status and bars further right are narrower. The sum keeps the printed page (one page wide,
 * landscape) at least at the scale of the earlier table of 16 wider columns.
 */
export const KPI_COLUMN_WIDTHS: readonly number[] = [
  22, // A metric
  12.5, // B actual (bold)
  11, // C previous
  10.5, // D change
  11, // E % change
  9.5, // F bar
  11, // G prior year
  10.5, // H change
  8, // I % change
  7, // J bar
  11, // K goal
  11, // L goal to date
  10.5, // M attainment
  8.5, // N status
  11, // O forecast
  10.5, // P change
  8, // Q % change
  7, // R bar
  10.5, // S benchmark
  11.5, // T vs benchmark
  7.5, // U live / as of
];

const FIGURES = { live: 'live', asOf: 'as of' } as const;

const HEADERS: readonly (readonly [string, string?])[] = [
  ['Metric'],
  ['Actual (AC)', 'AC (actual): the period to the as-of day.'],
  ['Previous (PP)', 'PP: the same number of days at the start of the period before.'],
  ['Change', 'Actual − previous. Rates change in percentage points (pp).'],
  ['% change', 'Relative change against the previous period (not shown for rates).'],
  ['vs PP', 'Bar of the change: green when good, red when bad (lower is better for costs and churn).'],
  ['Prior year (PY)', 'PY: the same days of the same period a year earlier.'],
  ['Change', 'Actual − prior year. Rates change in percentage points (pp).'],
  ['% change', 'Relative change against the prior year (not shown for rates).'],
  ['vs PY', 'Bar of the change against the prior year.'],
  ['Goal (PL)', 'PL (plan): the target for the whole period.'],
  [
    'Goal to date',
    'The goal paced to the as-of day: flows (revenue, orders) in proportion to the days elapsed; rates keep their target; a note says when a goal is paced otherwise.',
  ],
  ['Attainment', 'Actual ÷ goal to date (goal ÷ actual when lower is better).'],
  [
    'Status',
    `On track from ${DEFAULT_THRESHOLDS.onTrack * 100}% attainment, at risk from ${DEFAULT_THRESHOLDS.atRisk * 100}%, off track below.`,
  ],
  [
    'Forecast (FC)',
    'FC: the expected value of the whole period, while it is not over (each note says how it was made). — when the period is complete or the metric has no forecast.',
  ],
  ['Change', 'Forecast − goal for the whole period. Rates in percentage points (pp).'],
  ['% change', 'Relative difference of the forecast from the goal (not shown for rates).'],
  ['FC vs PL', 'Bar of the forecast against the goal.'],
  ['Benchmark', 'A published figure or range for the same period length; each note gives its source.'],
  [
    'vs benchmark',
    'Actual against the benchmark (against the nearer end of a range, "in range" inside it): relative for amounts and counts, in percentage points for rates.',
  ],
  [
    'Figures',
    'live: native formulas over the data, recalculated when it changes (actual, previous and prior year). as of: values computed on the as-of day, updated on refresh.',
  ],
];

function resultOf(value: MetricValue | undefined): PlanValue {
  return value === undefined || isMetricError(value) ? UNDEFINED_TEXT : value;
}

/** The window rows below the table, which the live formulas read their dates from. */
function windowRows(
  layout: PlanLayout,
  input: KpiTableInput,
): { actual: number; previous: number; priorYear: number } {
  const top = layout.row;
  const labels: readonly [string, ComparedWindow][] = [
    ['Actual', input.windows.current],
    ['Previous', input.windows.previous],
    ['Prior year', input.windows.priorYear],
  ];
  ['Compared', 'From', 'To', 'Days'].forEach((text, i) =>
    layout.put(textCell(toA1(top, i + 1), text, 'subheader')),
  );
  labels.forEach(([label, window], i) => {
    const r = top + 1 + i;
    layout.put(textCell(`A${r}`, label, 'small'));
    layout.put({
      ref: `B${r}`,
      value: input.serial(window.start),
      format: input.formats.date,
      style: 'small',
    });
    layout.put({
      ref: `C${r}`,
      value: input.serial(window.end - 1),
      format: input.formats.date,
      style: 'small',
    });
    layout.put({ ref: `D${r}`, value: window.days, format: input.formats.count, style: 'small' });
  });
  layout.row = top + 4;
  return { actual: top + 1, previous: top + 2, priorYear: top + 3 };
}

/** Why a KPI is a value rather than a formula (the note of its "as of" marker). */
export function asOfReason(id: MetricId, source: OrdersSource | undefined): string {
  const def = getMetric(id);
  if (!source) return 'The orders are not a sheet of this workbook, so figures are values.';
  if (!source.formulaReady)
    return 'The order dates or amounts are not all Excel dates and numbers, so figures are values.';
  if (def.table !== 'orders') return `Computed by the add-in from the ${def.table} table.`;
  if (id === 'orders' || id === 'aov')
    return 'Orders are distinct order ids, which SUMIFS/COUNTIFS cannot count.';
  if (id === 'units' || id === 'avg_price')
    return 'The quantity or amount column holds text or no quantity is mapped, so SUMIFS would not match.';
  if (id === 'gross_margin')
    return 'The cost (or profit) or amount column holds text, so SUMIFS would not match.';
  if (id === 'customers' || id === 'new_customers' || id === 'returning_customers')
    return 'A distinct count of customers, which SUMIFS/COUNTIFS cannot express.';
  return 'Needs customers’ order histories, computed by the add-in.';
}

/** A number as text in the KPI's unit (for a benchmark range). */
function figureText(value: number, unit: MetricUnit, currency: Currency): string {
  const grouped = (v: number, digits: number) =>
    v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (unit === 'ratio') return `${grouped(value * 100, Number.isInteger(value * 100) ? 0 : 1)}%`;
  if (unit === 'currency') {
    const symbol = currency.symbol
      ? /\p{L}$/u.test(currency.symbol)
        ? `${currency.symbol} `
        : currency.symbol
      : '';
    return `${value < 0 ? '-' : ''}${symbol}${grouped(Math.abs(value), Number.isInteger(value) ? 0 : currency.decimals)}`;
  }
  if (unit === 'count') return grouped(value, 0);
  return grouped(value, Number.isInteger(value) ? 0 : 1);
}

/** A number as it can stand in a formula. */
const constant = (v: number): string => String(v).toUpperCase();

/** The notes of a benchmark cell, one per line. */
function benchmarkNoteOf(target: KpiTarget | undefined): string | undefined {
  const lines = [target?.benchmarkSource, target?.benchmarkNote].filter((t): t is string => !!t);
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** The benchmark and vs-benchmark cells of row `r`. */
function benchmarkCells(
  layout: PlanLayout,
  r: number,
  def: MetricDefinition,
  actual: number | undefined,
  target: KpiTarget | undefined,
  formats: NumberFormats,
): void {
  const rate = isRate(def.unit);
  const S = `${COLUMNS.benchmark}${r}`;
  const T = `${COLUMNS.vsBenchmark}${r}`;
  const B = `${COLUMNS.actual}${r}`;
  const note = benchmarkNoteOf(target);
  const withNote = (cell: CellPlan, text: string | undefined): CellPlan =>
    text ? { ...cell, note: text } : cell;
  if (target?.benchmarkSkipped) {
    layout.put({ ref: S, value: UNDEFINED_TEXT, style: 'dash', note: target.benchmarkSkipped });
    layout.put({ ref: T, value: null });
    return;
  }
  const range = target?.benchmarkRange;
  const low = numberOf(range?.low);
  const high = numberOf(range?.high);
  if (low !== undefined && high !== undefined) {
    const [lo, hi] = low <= high ? [low, high] : [high, low];
    const text = `${figureText(lo, def.unit, formats.currency)}–${figureText(hi, def.unit, formats.currency)}`;
    layout.put(withNote({ ...textCell(S, text), style: 'dash' }, note));
    // Against the nearer end of the range; 0 ("in range") inside it.
    const gapTo = (end: number): string =>
      rate
        ? `(${B}-${constant(end)})*100`
        : end !== 0
          ? `(${B}-${constant(end)})/ABS(${constant(end)})`
          : '""';
    const gapValue = (end: number): number | '' =>
      rate ? (actual! - end) * 100 : end !== 0 ? (actual! - end) / Math.abs(end) : '';
    const result = actual === undefined ? '' : actual < lo ? gapValue(lo) : actual > hi ? gapValue(hi) : 0;
    const inRange = rate ? '+0.0" pp";-0.0" pp";"in range"' : '+0.0%;-0.0%;"in range"';
    layout.put({
      ref: T,
      formula: `IF(ISNUMBER(${B}),IF(${B}<${constant(lo)},${gapTo(lo)},IF(${B}>${constant(hi)},${gapTo(hi)},0)),"")`,
      result,
      format: inRange,
    });
    return;
  }
  const benchmark = numberOf(target?.benchmark);
  layout.put(withNote({ ref: S, value: benchmark ?? null, format: formats.value(def.unit) }, note));
  const gap =
    benchmark === undefined || actual === undefined
      ? ''
      : rate
        ? (actual - benchmark) * 100
        : benchmark !== 0
          ? (actual - benchmark) / Math.abs(benchmark)
          : '';
  layout.put({
    ref: T,
    formula: rate
      ? `IF(AND(ISNUMBER(${B}),ISNUMBER(${S})),(${B}-${S})*100,"")`
      : `IF(AND(ISNUMBER(${B}),ISNUMBER(${S}),${S}<>0),(${B}-${S})/ABS(${S}),"")`,
    result: gap,
    format: rate ? formats.points : formats.percentChange,
  });
}

/**
 * Lays the KPI table out at the layout's row: a title, the header, one row per KPI, then the
 * windows compared.
 */
export function kpiSection(layout: PlanLayout, input: KpiTableInput): void {
  const { current } = input.windows;
  const period = current.period;
  const toDate = current.partial
    ? ` to date (${current.days} of ${period.end - period.start} days, to ${formatDay(current.end - 1)})`
    : '';
  layout.section(`Key figures — ${period.label}${toDate}`, KPI_TABLE_WIDTH);
  const headerRow = layout.row;
  HEADERS.forEach(([text, note], i) =>
    layout.put({ ...textCell(toA1(headerRow, i + 1), text, 'header'), ...(note ? { note } : {}) }),
  );
  layout.tallRow(headerRow);
  layout.row += 1;
  const top = layout.row;
  const rows = new Map(input.kpis.map((id, i) => [id, top + i] as const));
  const windowTop = top + input.kpis.length + 1;
  const windowRow = { actual: windowTop + 1, previous: windowTop + 2, priorYear: windowTop + 3 };
  const share = (current.end - current.start) / (period.end - period.start);
  const variance: VarianceRow[] = [];
  const live = liveMetrics(input.source);
  /** Cells of the same column holding a window's revenue, orders or units by formula. */
  const knownIn = (column: string): KnownCells => {
    const out: { revenue?: string; orders?: string; units?: string } = {};
    for (const id of ['revenue', 'orders', 'units'] as const) {
      const row = rows.get(id);
      if (row !== undefined && live.has(id)) out[id] = `${column}${row}`;
    }
    return out;
  };

  input.kpis.forEach((id, i) => {
    const r = top + i;
    const def = getMetric(id);
    const format = input.formats.value(def.unit);
    const rate = isRate(def.unit);
    const values = {
      actual: input.values.current[i],
      previous: input.values.previous[i],
      priorYear: input.values.priorYear[i],
    };
    layout.put(textCell(`A${r}`, def.label.en));
    const put = (column: string, value: MetricValue, windowRowOfColumn: number, style?: 'kpiValue') => {
      const formula = metricFormula(
        id,
        input.source,
        `$B$${windowRowOfColumn}`,
        `$C$${windowRowOfColumn}+1`,
        [],
        knownIn(column),
      );
      if (formula)
        layout.put({ ...formulaCell(`${column}${r}`, formula, format, style), result: resultOf(value) });
      else layout.put(metricCell(`${column}${r}`, value, format, style));
    };
    put(COLUMNS.actual, values.actual, windowRow.actual, 'kpiValue');
    put(COLUMNS.previous, values.previous, windowRow.previous);
    put(COLUMNS.priorYear, values.priorYear, windowRow.priorYear);
    const B = `${COLUMNS.actual}${r}`;
    const vsPrevious = changeCells(
      r,
      B,
      `${COLUMNS.previous}${r}`,
      values.actual,
      values.previous,
      def,
      input.formats,
      COLUMNS.previousChange,
    );
    const vsPriorYear = changeCells(
      r,
      B,
      `${COLUMNS.priorYear}${r}`,
      values.actual,
      values.priorYear,
      def,
      input.formats,
      COLUMNS.priorYearChange,
    );
    for (const cell of [...vsPrevious.cells, ...vsPriorYear.cells]) layout.put(cell);

    // Goal, goal to date, attainment, status.
    const target = input.targets?.[id];
    const goal = numberOf(target?.goal);
    const flow = def.kind === 'flow';
    const days = current.end - current.start;
    const length = period.end - period.start;
    const givenToDate = goal === undefined ? undefined : numberOf(target?.goalToDate);
    const goalToDate =
      goal === undefined ? undefined : givenToDate !== undefined ? givenToDate : flow ? goal * share : goal;
    const [K, L, M, N] = [COLUMNS.goal, COLUMNS.goalToDate, COLUMNS.attainment, COLUMNS.status].map(
      (c) => `${c}${r}`,
    );
    layout.put({ ref: K, value: goal ?? null, format });
    if (givenToDate !== undefined)
      layout.put({
        ref: L,
        value: givenToDate,
        format,
        ...(target?.goalToDateNote ? { note: target.goalToDateNote } : {}),
      });
    else
      layout.put({
        ref: L,
        formula:
          flow && days < length
            ? `IF(ISNUMBER(${K}),${K}*${days}/${length},"")`
            : `IF(ISNUMBER(${K}),${K},"")`,
        result: goalToDate ?? '',
        format,
      });
    const actual = numberOf(values.actual);
    const lower = def.better === 'lower';
    const attainment =
      goalToDate === undefined
        ? ''
        : actual === undefined
          ? UNDEFINED_TEXT
          : lower
            ? actual !== 0
              ? goalToDate / actual
              : UNDEFINED_TEXT
            : goalToDate !== 0
              ? actual / goalToDate
              : UNDEFINED_TEXT;
    const ratio = lower ? `${L}/${B}` : `${B}/${L}`;
    const denominator = lower ? B : L;
    layout.put({
      ref: M,
      formula: `IF(NOT(ISNUMBER(${L})),"",IF(AND(ISNUMBER(${B}),${denominator}<>0),${ratio},"${UNDEFINED_TEXT}"))`,
      result: attainment,
      format: input.formats.percent,
    });
    const { onTrack, atRisk } = DEFAULT_THRESHOLDS;
    const word = (ratio: number | string) =>
      typeof ratio === 'number'
        ? ratio >= onTrack
          ? STATUS_WORDS['on track']
          : ratio >= atRisk
            ? STATUS_WORDS['at risk']
            : STATUS_WORDS['off track']
        : '';
    const words = (test: string) =>
      `IF(${test}>=${onTrack},"${STATUS_WORDS['on track']}",IF(${test}>=${atRisk},"${STATUS_WORDS['at risk']}","${STATUS_WORDS['off track']}"))`;
    const projected = numberOf(target?.forecast);
    if (target?.statusOnForecast && projected !== undefined && goal !== undefined) {
      // Judged on the projection: FC ÷ PL (PL ÷ FC when lower is better).
      const O = `${COLUMNS.forecast}${r}`;
      const [num, den] = lower ? [K, O] : [O, K];
      const ratio = lower ? (projected !== 0 ? goal / projected : '') : goal !== 0 ? projected / goal : '';
      layout.put({
        ref: N,
        formula: `IF(AND(ISNUMBER(${O}),ISNUMBER(${K}),N(${den})<>0),${words(`${num}/${den}`)},"")`,
        result: word(ratio),
        note: `Judged on the forecast of the whole period against the goal (FC ÷ PL${typeof ratio === 'number' ? ` = ${Math.round(ratio * 100)} %` : ''}), not on the pace to date: on track from ${Math.round(onTrack * 100)} %, at risk from ${Math.round(atRisk * 100)} %.`,
      });
    } else
      layout.put({
        ref: N,
        formula: `IF(ISNUMBER(${M}),${words(M)},"")`,
        result: word(attainment),
      });

    // Forecast of the whole period against the whole goal.
    const forecast = numberOf(target?.forecast);
    const O = `${COLUMNS.forecast}${r}`;
    if (forecast !== undefined)
      layout.put({
        ref: O,
        value: forecast,
        format,
        ...(target?.forecastNote ? { note: target.forecastNote } : {}),
      });
    else
      layout.put({
        ref: O,
        value: UNDEFINED_TEXT,
        style: 'dash',
        note:
          target?.forecastNote ??
          (current.partial
            ? 'No forecast for this metric.'
            : `${period.label} is complete: the actual is the final figure.`),
      });
    const vsGoal = changeCells(r, O, K, forecast, goal, def, input.formats, COLUMNS.forecastChange, {
      emptyWithoutBase: true,
    });
    for (const cell of vsGoal.cells) layout.put(cell);
    variance.push({ row: r, better: def.better, rate, bars: [vsPrevious.bar, vsPriorYear.bar, vsGoal.bar] });

    benchmarkCells(layout, r, def, actual, target, input.formats);

    // Live or as of.
    layout.put(
      live.has(id)
        ? {
            ...textCell(`${COLUMNS.figures}${r}`, FIGURES.live, 'small'),
            note: `Native formulas over ${input.source!.sheet}: recalculated when the data changes.`,
          }
        : {
            ...textCell(`${COLUMNS.figures}${r}`, FIGURES.asOf, 'small'),
            note: asOfReason(id, input.source),
          },
    );
  });

  const bottom = top + input.kpis.length - 1;
  const comparisons: ChangeColumns[] = [
    COLUMNS.previousChange,
    COLUMNS.priorYearChange,
    COLUMNS.forecastChange,
  ];
  for (const cf of varianceFormats(variance, comparisons, [COLUMNS.vsBenchmark]))
    layout.conditionalFormats.push(cf);
  const statusRange = `${COLUMNS.status}${top}:${COLUMNS.status}${bottom}`;
  const statusCell = `$${COLUMNS.status}${top}`;
  for (const [word, style] of [
    [STATUS_WORDS['on track'], CONDITIONAL_STYLES.good],
    [STATUS_WORDS['at risk'], CONDITIONAL_STYLES.warn],
    [STATUS_WORDS['off track'], CONDITIONAL_STYLES.bad],
  ] as const) {
    layout.conditionalFormats.push({
      type: 'expression',
      ref: statusRange,
      formula: `${statusCell}="${word}"`,
      style,
    });
  }
  layout.row = bottom + 2;
  const written = windowRows(layout, input);
  if (written.actual !== windowRow.actual)
    throw new Error('KPI windows are not where the formulas read them');
}

/** The KPIs of `kpis` written as live formulas for this source, in order. */
export function liveKpis(kpis: readonly MetricId[], source: OrdersSource | undefined): MetricId[] {
  const live = liveMetrics(source);
  return kpis.filter((id) => live.has(id));
}

/** The rows the KPI table takes for `kpiCount` KPIs: title, header, KPIs, a gap, four window rows. */
export function kpiSectionHeight(kpiCount: number): number {
  return 2 + kpiCount + 1 + 4;
}

/** A cell list helper for tests: the KPI table's row of a metric label. */
export function kpiRowOf(cells: readonly CellPlan[], label: string): number | undefined {
  const cell = cells.find((c) => c.ref.startsWith('A') && c.value === label);
  return cell ? Number(cell.ref.slice(1)) : undefined;
}
