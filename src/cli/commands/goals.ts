/**
 * `sales-metrics goals`: goal tracking at an as-of date — targets typed in, from a baseline with
 * growth, from a benchmark or from a Targets file — with pace, attainment, projection and status.
 */
import type { Goal, GoalSplit, GoalTracking, TrackingStatus } from '../../core/goals';
import {
  goalId,
  goalsFromTargets,
  isNoBaseline,
  noBaselineTracking,
  parseGoalSpec,
  resolveGoal,
  splitGoal,
  statusThresholds,
  trackGoal,
} from '../../core/goals';
import { isMetricError } from '../../core/errors';
import type { MetricId, MetricInputs } from '../../core/metrics';
import { getMetric, METRIC_IDS, metricIdFromText } from '../../core/metrics';
import type { Calendar } from '../../core/periods';
import { formatDay, parsePeriodKey } from '../../core/periods';
import type { ParsedArgs } from '../args';
import {
  givenAsOf,
  booleanFlag,
  choiceFlag,
  listFlag,
  numberFlag,
  stringFlag,
  calendarFlags,
  CALENDAR_OPTIONS,
} from '../args';
import type { Command } from '../command';
import { CliError, usageError } from '../errors';
import { formatTable, formatValue, jsonValue, jsonValues, toJson } from '../format';
import { INPUT_HELP, INPUT_OPTIONS, ordersLoadOptions, ordersPath, sideLoadOptions } from '../inputs';
import type { CliIO } from '../io';
import { progressOn } from '../io';
import { loadTable } from '../load';
import { ordersAsOf } from '../as-of';
import { comparedMetric, historyStartOf, makeEvaluate, traitsOf } from '../../workflows/evaluate';

const HELP = `Usage: sales-metrics goals ORDERS_FILE (--targets F | --goal SPEC...) [options]

Tracks goals at the as-of date: actual to date, expected to date (pace), attainment, gap, projected
end of period (run-rate and trend), what is still required, and a status: on track, at risk or
off track while the period runs, achieved or missed once it is over (the final value against the
target), no baseline when a baseline goal's baseline has no data. Lower-is-better metrics (CAC,
churn, cycle length) are judged the other way round. Rates (AOV, win rate...) are not proportional
to time: their pace is the target rate itself. Customers, retention, churn and the active ratio
are paced along last period's curve (how far the previous period had got by the same day).

Goal SPEC (repeat --goal for several), key=value pairs separated by commas:
  metric=revenue,period=2026,target=1200000
  metric=revenue,period=2026-Q3,baseline=last-year,growth=0.2     last year's value × 1.2
  metric=aov,period=2026-11,baseline=average:3,growth=5%          average of the 3 periods before
  metric=churn_rate,period=2026-Q4,benchmark=b2b-saas             a library figure, converted to the
                                                                  goal's period where sound
  add rep=NAME or region=NAME to scope a goal; periods: 2026, FY2027, 2026-Q3, 2026-11, 2026-W48

Projection and status: a flow goal (revenue, orders…) with 8 or more complete periods of its unit
before it is projected by the ETS forecaster (actual to date + the forecast of the days left, with
its 80% interval) and its status judged on that projection against the target; other goals are
projected at the run rate and judged on pace to date. Each goal's line under the table says which
("projected to reach 96 % of target (interval 88–104 %)"); --json has it as "projected".

Options:
  --targets F               a Targets file (columns metric, period, target, optional rep, region)
  --goal SPEC               a goal (repeatable)
  --split even|seasonal     split goals into months (year/quarter goals) or weeks (month goals),
                            evenly by days or by last year's seasonality (falls back to even when
                            the history is short, and says so); default: even pace, no split shown
  --split-by month|week     the sub-period of the split (default as above)
  --as-of YYYY-MM-DD        the day tracking is measured at (default: the latest date in the orders)
  --fiscal-start 1..12      month the fiscal year starts, for FY and quarter keys (default 1)
  --week-start DAY          first day of the week: 1-7 or monday…sunday (default monday, ISO)
  --on-track R              pace attainment at or above which a goal is on track (default 1)
  --at-risk R               pace attainment at or above which it is at risk, not off track (default 0.9)
  --pipeline F, --spend F   tables for pipeline and marketing goals
  --json                    print {"asOf", "goals": [tracking rows], "problems": [...], "asOfSource",
                            "dataRange", "afterAsOf"}
  -q, --quiet               no progress on stderr
${INPUT_HELP}

Example:
  sales-metrics goals sales.csv --goal metric=revenue,period=2026,baseline=last-year,growth=0.2 --split seasonal`;

interface GoalProblem {
  readonly source: string;
  readonly reason: string;
}

/** The metric a goal names, as a catalogue id (labels and Indonesian names accepted). */
function metricOf(text: string, where: string): MetricId {
  const id = metricIdFromText(text) ?? metricIdFromText(text.replace(/_/g, ' '));
  if (!id) throw usageError(`${where}: unknown metric "${text}" (known: ${METRIC_IDS.join(', ')})`);
  return id;
}

function defaultSplitUnit(goal: Goal): 'month' | 'week' | undefined {
  if (goal.period.unit === 'year' || goal.period.unit === 'quarter') return 'month';
  if (goal.period.unit === 'month') return 'week';
  return undefined;
}

/** A goal as tracked: a goal, or a baseline goal whose baseline has no data (no target). */
type TrackedGoal = Pick<Goal, 'id' | 'metric' | 'scope' | 'notes'> & { readonly basis: unknown };

interface Tracked {
  readonly goal: TrackedGoal;
  readonly tracking: GoalTracking;
  readonly split?: GoalSplit;
}

function trackingJson({ goal, tracking, split }: Tracked): unknown {
  const t = tracking;
  return {
    id: goal.id,
    metric: goal.metric,
    period: t.period,
    periodLabel: t.periodLabel,
    ...(goal.scope ? { scope: goal.scope } : {}),
    ...(goal.notes ? { notes: goal.notes } : {}),
    basis: goal.basis,
    target: t.target,
    better: t.better,
    kind: t.kind,
    daysElapsed: t.daysElapsed,
    daysTotal: t.daysTotal,
    actualToDate: jsonValue(t.actualToDate),
    expectedToDate: t.expectedToDate,
    attainmentToDate: jsonValue(t.attainmentToDate),
    attainmentOfTarget: jsonValue(t.attainmentOfTarget),
    gap: jsonValue(t.gap),
    projection: jsonValues({ runRate: t.projection.runRate, trend: t.projection.trend }),
    projected: {
      value: jsonValue(t.projected.value),
      method: t.projected.method,
      ...(t.projected.low !== undefined ? { low: t.projected.low, high: t.projected.high } : {}),
      sentence: t.projected.sentence,
      basis: t.projected.basis,
    },
    required: {
      ...jsonValues({
        value: t.required.value,
        perDay: t.required.perDay,
        perSubPeriod: t.required.perSubPeriod,
      }),
      subPeriodsLeft: t.required.subPeriodsLeft,
    },
    status: t.status,
    finished: t.finished,
    paceBasis: t.paceBasis,
    ...(t.curve !== undefined ? { curve: t.curve } : {}),
    ...(split
      ? {
          split: {
            unit: split.unit,
            requested: split.requested,
            applied: split.applied,
            ...(split.fallbackReason ? { fallbackReason: split.fallbackReason } : {}),
            rounding: split.rounding,
          },
        }
      : {}),
    parts: t.parts.map((p) => ({
      key: p.key,
      label: p.label,
      start: formatDay(p.start),
      end: formatDay(p.end),
      target: p.target,
      expectedToDate: p.expectedToDate,
      actual: p.actual === null ? null : jsonValue(p.actual),
      status: p.status,
    })),
  };
}

const STATUS_MARK: Readonly<Record<TrackingStatus, string>> = {
  'on track': 'on track',
  'at risk': 'at risk',
  'off track': 'OFF TRACK',
  achieved: 'achieved',
  missed: 'MISSED',
  'not started': 'not started',
  'no data': 'no data',
  'no baseline': 'no baseline',
};

function goalsText(tracked: readonly Tracked[], problems: readonly GoalProblem[], asOf: number): string {
  const out = [`Goals at ${formatDay(asOf)}`];
  const rows = tracked.map(({ goal, tracking: t }) => {
    const unit = getMetric(goal.metric as MetricId).unit;
    const scope = goal.scope ? ` (${[goal.scope.rep, goal.scope.region].filter(Boolean).join(', ')})` : '';
    return [
      `${goal.metric} ${t.period}${scope}`,
      t.target === null ? '—' : formatValue(t.target, unit),
      formatValue(t.actualToDate, unit),
      t.expectedToDate === null ? '—' : formatValue(t.expectedToDate, unit),
      formatValue(t.attainmentToDate, 'ratio'),
      formatValue(t.projected.value, unit),
      formatValue(t.projection.trend, unit),
      STATUS_MARK[t.status],
    ];
  });
  out.push(
    formatTable(
      ['goal', 'target', 'actual to date', 'expected', 'pace', 'projection', 'trend', 'status'],
      rows,
    ),
  );
  for (const { goal, tracking, split } of tracked) {
    const notes = [tracking.paceBasis];
    if (!tracking.finished && !isMetricError(tracking.projected.value))
      notes.push(`${tracking.projected.sentence}: ${tracking.projected.basis}`);
    if (split?.fallbackReason) notes.push(split.fallbackReason);
    out.push(`${goal.id}: ${notes.join('; ')}`);
  }
  if (problems.length > 0) {
    out.push('', 'not tracked:');
    for (const p of problems) out.push(`  ${p.source}: ${p.reason}`);
  }
  return out.join('\n') + '\n';
}

async function goalsFromFlags(
  args: ParsedArgs,
  inputs: MetricInputs,
  calendar: Calendar,
  asOf: number,
): Promise<{ goals: (Goal | Tracked)[]; problems: GoalProblem[] }> {
  // A baseline goal without a baseline comes back tracked already (status `no baseline`).
  const goals: (Goal | Tracked)[] = [];
  const problems: GoalProblem[] = [];
  for (const text of listFlag(args, 'goal')) {
    const request = parseGoalSpec(text);
    if (isMetricError(request)) throw usageError(`--goal "${text}": ${request.reason}`);
    const id = metricOf(request.metric, `--goal "${text}"`);
    const traits = traitsOf(id);
    const historyStart = historyStartOf(inputs, id);
    const compared = comparedMetric(id);
    const goal = resolveGoal(
      { ...request, metric: id },
      {
        traits,
        calendar,
        evaluate: makeEvaluate(inputs, id, { asOf, calendar }),
        asOf,
        ...(historyStart !== undefined ? { historyStart } : {}),
        scaling: compared.scaling,
        ...(compared.definition ? { definition: compared.definition } : {}),
      },
    );
    if (isNoBaseline(goal)) {
      // Tracked with the status `no baseline` and its reason, never as a zero target.
      const period = parsePeriodKey(request.period, calendar)!;
      const scope = request.scope;
      const placeholder = {
        id: request.id ?? goalId(id, period, scope),
        metric: id,
        period,
        ...(scope ? { scope } : {}),
      };
      goals.push({
        goal: {
          ...placeholder,
          ...(request.notes ? { notes: request.notes } : {}),
          basis: {
            kind: 'baseline',
            method: goal.method,
            periods: goal.periods,
            baseline: null,
            growth: goal.growth,
          },
        },
        tracking: noBaselineTracking(placeholder, traits, asOf, goal.reason),
      });
      continue;
    }
    if (isMetricError(goal)) {
      // Unreadable specs are usage errors; a baseline the data cannot give is a problem to report.
      if (goal.error === '#VALUE!') throw usageError(`--goal "${text}": ${goal.reason}`);
      problems.push({ source: `--goal ${text}`, reason: `${goal.reason} (${goal.error})` });
      continue;
    }
    goals.push(goal);
  }
  return { goals, problems };
}

async function run(args: ParsedArgs, io: CliIO): Promise<void> {
  const path = ordersPath(args, 'goals')!;
  givenAsOf(args); // a bad --as-of stops before any file is read
  const calendar = calendarFlags(args);
  const method = choiceFlag(args, 'split', ['even', 'seasonal'] as const);
  const splitBy = choiceFlag(args, 'split-by', ['month', 'week'] as const);
  const thresholds = statusThresholds({
    onTrack: numberFlag(args, 'on-track', 0.01, 100),
    atRisk: numberFlag(args, 'at-risk', 0.01, 100),
  });
  const targetsFile = stringFlag(args, 'targets');
  if (!targetsFile && listFlag(args, 'goal').length === 0)
    throw usageError('goals needs --targets F or at least one --goal SPEC');
  const progress = progressOn(io, booleanFlag(args, 'quiet'));
  const orders = await loadTable('orders', path, ordersLoadOptions(args), io, progress);
  const pipelineFile = stringFlag(args, 'pipeline');
  const spendFile = stringFlag(args, 'spend');
  const pipeline = pipelineFile
    ? await loadTable('pipeline', pipelineFile, sideLoadOptions(args, 'pipeline'), io, progress)
    : undefined;
  const spend = spendFile
    ? await loadTable('spend', spendFile, sideLoadOptions(args, 'spend'), io, progress)
    : undefined;
  const inputs: MetricInputs = { orders: orders.table, pipeline: pipeline?.table, spend: spend?.table };
  const asOfOf = ordersAsOf(args, io, `orders ${path}`, orders);
  const asOf = asOfOf.day;
  asOfOf.lines.forEach((line) => progress.stage(line));

  const { goals, problems } = await goalsFromFlags(args, inputs, calendar, asOf);
  if (targetsFile) {
    const targets = await loadTable('targets', targetsFile, sideLoadOptions(args, 'targets'), io, progress);
    // Metric names as people type them in a Targets sheet ("Average order value", "Pendapatan").
    const rows = targets.table.rows.map((row) => ({
      ...row,
      metric: metricIdFromText(row.metric) ?? row.metric,
    }));
    const fromTable = goalsFromTargets({ ...targets.table, rows }, calendar, { metrics: METRIC_IDS });
    goals.push(...fromTable.goals);
    problems.push(
      ...fromTable.problems.map((p) => ({ source: `${targets.path} row ${p.row}`, reason: p.reason })),
    );
  }
  if (goals.length === 0)
    throw new CliError(`no goal could be set: ${problems.map((p) => `${p.source}: ${p.reason}`).join('; ')}`);

  progress.stage(`tracking ${goals.length} goal${goals.length === 1 ? '' : 's'}`);
  const tracked: Tracked[] = goals.map((goal) => {
    if ('tracking' in goal) return goal;
    const id = goal.metric as MetricId;
    const traits = traitsOf(id);
    const evaluate = makeEvaluate(inputs, id, { asOf, calendar });
    const historyStart = historyStartOf(inputs, id);
    const unit = splitBy ?? defaultSplitUnit(goal);
    let split: GoalSplit | undefined;
    if (method && unit) {
      const result = splitGoal(goal, { unit, method, traits, evaluate, historyStart });
      if (isMetricError(result)) problems.push({ source: goal.id, reason: `not split: ${result.reason}` });
      else split = result;
    }
    const history = historyStart === undefined ? undefined : { firstDay: historyStart };
    return { goal, split, tracking: trackGoal(goal, { asOf, traits, evaluate, split, thresholds, history }) };
  });
  if (booleanFlag(args, 'json')) {
    io.stdout(toJson({ ...asOfOf.json, goals: tracked.map(trackingJson), problems }));
    return;
  }
  io.stdout(goalsText(tracked, problems, asOf));
}

export const goalsCommand: Command = {
  name: 'goals',
  summary: 'goal tracking: pace, attainment, projection and status',
  help: HELP,
  options: {
    ...INPUT_OPTIONS,
    orders: { type: 'string' },
    targets: { type: 'string' },
    goal: { type: 'string', multiple: true },
    split: { type: 'string' },
    'split-by': { type: 'string' },
    'as-of': { type: 'string' },
    ...CALENDAR_OPTIONS,
    'on-track': { type: 'string' },
    'at-risk': { type: 'string' },
    pipeline: { type: 'string' },
    spend: { type: 'string' },
    json: { type: 'boolean' },
  },
  run,
};
