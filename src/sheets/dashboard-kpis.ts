/**
 * The dashboard's key figures: each KPI's actual to date beside the same days of the previous
 * period and of the prior year (like for like), the goal for the period and the goal to date,
 * attainment and status, and a benchmark. Revenue and order counts are native formulas over the
 * windows written below the table, so they stay live; every formula carries its cached result.
 */
import { DEFAULT_THRESHOLDS } from '../core/goals/status';
import { getMetric, type MetricId } from '../core/metrics';
import { isMetricError, type MetricValue } from '../core/errors';
import { formatDay, type ComparedWindow, type LikeForLike } from '../core/periods';
import { toA1 } from './a1';
import type { CellPlan, PlanValue } from './plan';
import { formulaCell, textCell, UNDEFINED_TEXT } from './plan';
import { CONDITIONAL_STYLES, STATUS_WORDS } from './styles';
import { PlanLayout, metricCell } from './layout';
import type { NumberFormats } from './formats';
import { isRate } from './formats';
import { changeCells, numberOf, varianceFormats, type ChangeColumns, type VarianceRow } from './variance';
import { canUseFormulas, ordersAreRows, ordersFormula, revenueFormula, type OrdersSource } from './sources';

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
  benchmark: 'O',
  vsBenchmark: 'P',
} as const;

/** Columns the KPI table spans. */
export const KPI_TABLE_WIDTH = 16;

const HEADERS: readonly (readonly [string, string?])[] = [
  ['Metric'],
  ['Actual', 'AC (actual) in IBCS notation: the period to the as-of day.'],
  ['Previous', 'PP: the same number of days at the start of the period before.'],
  ['Change', 'Actual − previous. Rates change in percentage points (pp).'],
  ['% change', 'Relative change against the previous period (not shown for rates).'],
  ['vs previous', 'Bar of the change: green when good, red when bad (lower is better for costs and churn).'],
  ['Prior year', 'PY: the same days of the same period a year earlier.'],
  ['Change', 'Actual − prior year. Rates change in percentage points (pp).'],
  ['% change', 'Relative change against the prior year (not shown for rates).'],
  ['vs prior year', 'Bar of the change against the prior year.'],
  ['Goal', 'PL (plan): the target for the whole period.'],
  [
    'Goal to date',
    'The goal paced to the as-of day: flows (revenue, orders) in proportion to the days elapsed; rates keep their target.',
  ],
  ['Attainment', 'Actual ÷ goal to date (goal ÷ actual when lower is better).'],
  [
    'Status',
    `On track from ${DEFAULT_THRESHOLDS.onTrack * 100}% attainment, at risk from ${DEFAULT_THRESHOLDS.atRisk * 100}%, off track below.`,
  ],
  ['Benchmark'],
  [
    'vs benchmark',
    'Actual against the benchmark: relative for amounts and counts, in percentage points for rates.',
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

/** Live formulas for the KPIs SUMIFS/COUNTIFS can express, by window row; `undefined` elsewhere. */
function liveFormula(
  id: MetricId,
  input: KpiTableInput,
  windowRow: number,
  rowOf: (id: MetricId) => number | undefined,
  column: string,
): string | undefined {
  const source = input.source;
  if (!canUseFormulas(source)) return undefined;
  const start = `$B$${windowRow}`;
  const end = `$C$${windowRow}+1`;
  if (id === 'revenue') return revenueFormula(source, start, end);
  if (!ordersAreRows(source)) return undefined;
  if (id === 'orders') return ordersFormula(source, start, end);
  const revenue = rowOf('revenue');
  const orders = rowOf('orders');
  if (id === 'aov' && revenue !== undefined && orders !== undefined) {
    const [rev, ord] = [`${column}${revenue}`, `${column}${orders}`];
    return `IF(AND(ISNUMBER(${rev}),ISNUMBER(${ord}),${ord}<>0),${rev}/${ord},"${UNDEFINED_TEXT}")`;
  }
  return undefined;
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
  const benchmarkRates: number[] = [];

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
      const formula = liveFormula(id, input, windowRowOfColumn, (m) => rows.get(m), column);
      if (formula)
        layout.put({ ...formulaCell(`${column}${r}`, formula, format, style), result: resultOf(value) });
      else layout.put(metricCell(`${column}${r}`, value, format, style));
    };
    put(COLUMNS.actual, values.actual, windowRow.actual, 'kpiValue');
    put(COLUMNS.previous, values.previous, windowRow.previous);
    put(COLUMNS.priorYear, values.priorYear, windowRow.priorYear);
    const vsPrevious = changeCells(
      r,
      `${COLUMNS.actual}${r}`,
      `${COLUMNS.previous}${r}`,
      values.actual,
      values.previous,
      def,
      input.formats,
      COLUMNS.previousChange,
    );
    const vsPriorYear = changeCells(
      r,
      `${COLUMNS.actual}${r}`,
      `${COLUMNS.priorYear}${r}`,
      values.actual,
      values.priorYear,
      def,
      input.formats,
      COLUMNS.priorYearChange,
    );
    for (const cell of [...vsPrevious.cells, ...vsPriorYear.cells]) layout.put(cell);
    variance.push({ row: r, better: def.better, rate, bars: [vsPrevious.bar, vsPriorYear.bar] });

    // Goal, goal to date, attainment, status.
    const target = input.targets?.[id];
    const goal = numberOf(target?.goal);
    const flow = def.kind === 'flow';
    const goalToDate = goal === undefined ? undefined : flow ? goal * share : goal;
    const [K, L, M, N, B] = [
      COLUMNS.goal,
      COLUMNS.goalToDate,
      COLUMNS.attainment,
      COLUMNS.status,
      COLUMNS.actual,
    ].map((c) => `${c}${r}`);
    layout.put({ ref: K, value: goal ?? null, format });
    const days = current.end - current.start;
    const length = period.end - period.start;
    layout.put({
      ref: L,
      formula:
        flow && days < length ? `IF(ISNUMBER(${K}),${K}*${days}/${length},"")` : `IF(ISNUMBER(${K}),${K},"")`,
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
    const status =
      typeof attainment === 'number'
        ? attainment >= onTrack
          ? STATUS_WORDS['on track']
          : attainment >= atRisk
            ? STATUS_WORDS['at risk']
            : STATUS_WORDS['off track']
        : '';
    layout.put({
      ref: N,
      formula: `IF(ISNUMBER(${M}),IF(${M}>=${onTrack},"${STATUS_WORDS['on track']}",IF(${M}>=${atRisk},"${STATUS_WORDS['at risk']}","${STATUS_WORDS['off track']}")),"")`,
      result: status,
    });

    // Benchmark.
    const benchmark = numberOf(target?.benchmark);
    const O = `${COLUMNS.benchmark}${r}`;
    const P = `${COLUMNS.vsBenchmark}${r}`;
    layout.put({
      ref: O,
      value: benchmark ?? null,
      format,
      ...(target?.benchmarkSource ? { note: target.benchmarkSource } : {}),
    });
    const gap =
      benchmark === undefined || actual === undefined
        ? ''
        : rate
          ? (actual - benchmark) * 100
          : benchmark !== 0
            ? (actual - benchmark) / Math.abs(benchmark)
            : '';
    if (typeof gap === 'number') benchmarkRates.push(gap);
    layout.put({
      ref: P,
      formula: rate
        ? `IF(AND(ISNUMBER(${B}),ISNUMBER(${O})),(${B}-${O})*100,"")`
        : `IF(AND(ISNUMBER(${B}),ISNUMBER(${O}),${O}<>0),(${B}-${O})/ABS(${O}),"")`,
      result: gap,
      format: rate ? input.formats.points : input.formats.percentChange,
    });
  });

  const bottom = top + input.kpis.length - 1;
  const comparisons: ChangeColumns[] = [COLUMNS.previousChange, COLUMNS.priorYearChange];
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

/** The rows the KPI table takes for `kpiCount` KPIs: title, header, KPIs, a gap, four window rows. */
export function kpiSectionHeight(kpiCount: number): number {
  return 2 + kpiCount + 1 + 4;
}

/** A cell list helper for tests: the KPI table's row of a metric label. */
export function kpiRowOf(cells: readonly CellPlan[], label: string): number | undefined {
  const cell = cells.find((c) => c.ref.startsWith('A') && c.value === label);
  return cell ? Number(cell.ref.slice(1)) : undefined;
}
