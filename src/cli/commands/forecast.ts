/**
 * `sales-metrics forecast`: a metric's complete periods, the ETS model with the smallest AICc,
 * its forecast with 80 % and 95 % intervals, and a rolling-origin backtest against seasonal naive
 * and a straight line.
 */
import { tableDateRange } from '../../core/data-range';
import { isMetricError } from '../../core/errors';
import { backtest, forecastSeries, seasonLengthOf } from '../../core/forecast';
import type { MetricId } from '../../core/metrics';
import { computeSuite, metricIdFromText, metricIdsOf } from '../../core/metrics';
import type { Period, PeriodUnit } from '../../core/periods';
import { formatDay, periodCoverage, periodsBetween, shiftPeriod } from '../../core/periods';
import type { ParsedArgs } from '../args';
import {
  booleanFlag,
  calendarFlags,
  CALENDAR_OPTIONS,
  choiceFlag,
  givenAsOf,
  integerFlag,
  stringFlag,
} from '../args';
import { ordersAsOf } from '../as-of';
import type { Command } from '../command';
import { CliError, usageError } from '../errors';
import { toJson } from '../format';
import type { LeftOut } from './forecast-report';
import { forecastDocument, forecastText } from './forecast-report';
import { INPUT_HELP, INPUT_OPTIONS, ordersLoadOptions, ordersPath } from '../inputs';
import type { CliIO } from '../io';
import { progressOn } from '../io';
import { loadTable } from '../load';

const LEVELS = [0.8, 0.95] as const;

const HELP = `Usage: sales-metrics forecast ORDERS_FILE [options]

Forecasts a metric (revenue unless --metric says otherwise) for the next periods with exponential
smoothing (ETS, docs/metrics.md#forecast): fifteen models (additive or multiplicative error; no,
additive or damped trend; no, additive or multiplicative season) fitted by maximum likelihood, the
one with the smallest AICc kept, its forecast with 80% and 95% prediction intervals; then a
rolling-origin backtest of the same choice against the seasonal naive forecast and a straight
line (MASE and sMAPE, one step and N steps ahead). Only complete periods are fitted: the period
holding the as-of day is left out while it is not over (it is the first period forecast), and so
is a first period the data start inside.

Options:
  --period week|month|quarter   period length (default month); the season is 52, 12 or 4 periods
                            and is used when the data hold two full seasons
  --metric ID               an orders metric (default revenue), e.g. orders, customers, aov
  --horizon N               periods to forecast and steps scored by the backtest (default 3)
  --fiscal-start 1..12      month the fiscal year starts, for quarters (default 1)
  --week-start DAY          first day of the week: 1-7 or monday…sunday (default monday, ISO)
  --as-of YYYY-MM-DD        the day the data are as of (default: the latest date in the data)
  --json                    print {metric, unit, seasonLength, series, leftOut, model, candidates,
                            intervals, levels, forecast, backtest, notes, asOf, asOfSource, dataRange,
                            afterAsOf}
  -q, --quiet               no progress on stderr
${INPUT_HELP}

Example:
  sales-metrics forecast sales.xlsx --period month --horizon 6 --as-of 2026-12-05`;

/** The complete periods from the first dated row to the as-of day, and the ones left out. */
function completePeriods(
  firstDay: number,
  asOf: number,
  unit: PeriodUnit,
  args: ParsedArgs,
): { periods: Period[]; leftOut: LeftOut[]; current: Period | null } {
  const all = periodsBetween(firstDay, asOf + 1, unit, calendarFlags(args));
  const leftOut: LeftOut[] = [];
  let current: Period | null = null;
  if (all.length > 0 && firstDay > all[0].start) {
    const first = all.shift()!;
    leftOut.push({ key: first.key, reason: `the data start on ${formatDay(firstDay)}, inside it` });
  }
  const last = all[all.length - 1];
  if (last && periodCoverage(last, asOf).partial) {
    const { days, daysInPeriod } = periodCoverage(last, asOf);
    current = all.pop()!;
    leftOut.push({
      key: last.key,
      reason: `not over: ${days} of ${daysInPeriod} days to ${formatDay(asOf)}`,
    });
  }
  return { periods: all, leftOut, current };
}

function metricFlag(args: ParsedArgs): MetricId {
  const text = stringFlag(args, 'metric');
  if (text === undefined) return 'revenue';
  const id = metricIdFromText(text.trim());
  const allowed = metricIdsOf('orders');
  if (!id || !allowed.includes(id))
    throw usageError(`--metric must be an orders metric (${allowed.join(', ')}), got "${text}"`);
  return id;
}

async function run(args: ParsedArgs, io: CliIO): Promise<void> {
  const path = ordersPath(args, 'forecast')!;
  const unit = choiceFlag(args, 'period', ['week', 'month', 'quarter'] as const) ?? 'month';
  const metric = metricFlag(args);
  const horizon = integerFlag(args, 'horizon', 1, 120) ?? 3;
  givenAsOf(args); // a bad --as-of stops before the file is read
  const progress = progressOn(io, booleanFlag(args, 'quiet'));
  const orders = await loadTable('orders', path, ordersLoadOptions(args), io, progress);
  const asOfOf = ordersAsOf(args, io, `orders ${path}`, orders);
  const asOf = asOfOf.day;
  asOfOf.lines.forEach((line) => progress.stage(line));
  const range = tableDateRange(orders.table);
  if (!range || range.first > asOf) throw new CliError(`no orders dated on or before ${formatDay(asOf)}`);
  const { periods, leftOut, current } = completePeriods(range.first, asOf, unit, args);
  const suite = computeSuite({ orders: orders.table }, [metric], periods, {
    asOf,
    calendar: calendarFlags(args),
  });
  const series = periods.map((period, i) => ({ period, value: suite.values[i][0] }));
  const bad = series.find((p) => isMetricError(p.value));
  if (bad && isMetricError(bad.value))
    throw new CliError(
      `${metric} has no value for ${bad.period.key}: ${bad.value.reason} (${bad.value.error})`,
    );
  const values = series.map((p) => p.value as number);
  progress.stage(`fitting ETS models to ${values.length} ${unit}s`);
  const result = forecastSeries(values, { unit, horizon, levels: [...LEVELS] });
  if (isMetricError(result)) throw new CliError(`cannot forecast ${metric}: ${result.reason}`);
  progress.stage('backtesting');
  const test = backtest(values, { horizon, seasonLength: seasonLengthOf(unit) });
  const lastComplete = periods[periods.length - 1];
  const future = Array.from({ length: horizon }, (_, k) =>
    current && k === 0 ? current : shiftPeriod(lastComplete, k + 1),
  );
  const numbers = series.map((p) => ({ period: p.period, value: p.value as number }));
  const doc = forecastDocument(metric, unit, numbers, leftOut, result, future, test);
  io.stdout(
    booleanFlag(args, 'json')
      ? toJson({ ...doc, ...asOfOf.json })
      : `${asOfOf.lines.join('\n')}\n${forecastText(doc)}`,
  );
}

export const forecastCommand: Command = {
  name: 'forecast',
  summary: 'ETS forecast of revenue (or an orders metric) with intervals and a backtest',
  help: HELP,
  options: {
    ...INPUT_OPTIONS,
    orders: { type: 'string' },
    period: { type: 'string' },
    metric: { type: 'string' },
    horizon: { type: 'string' },
    ...CALENDAR_OPTIONS,
    'as-of': { type: 'string' },
    json: { type: 'boolean' },
  },
  run,
};
