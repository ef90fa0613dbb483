/**
 * Spilling analyses over core: cohort retention (SALES.COHORT), RFM segments (SALES.RFM) and goal
 * splits (SALES.GOALSPLIT).
 * Every result goes through `spill()`, so it is rectangular, has a header row and holds no error
 * objects.
 */
import { isMetricError } from '../core/errors';
import { cohortMatrix } from '../core/analyses/cohorts';
import { rfm } from '../core/analyses/rfm';
import type { Period } from '../core/periods';
import { DEFAULT_CALENDAR, formatDay, periodOf } from '../core/periods';
import type { Goal, MetricTraits } from '../core/goals/types';
import { splitGoal } from '../core/goals/split';
import {
  cellsArg,
  dateArg,
  numberArg,
  optionalColumnArg,
  optionalDateArg,
  optionalPeriodArg,
  periodArg,
  textColumnArg,
} from './args';
import { ordersFromColumns, requireSameLength } from './columns';
import { invalidArgument, throwMetricError } from './errors';
import type { Spill } from './spill';
import { gap, serialOf, spill } from './spill';

/**
 * SALES.COHORT(dates, customers, [period], [asOf]): the cohort retention matrix. One row per
 * cohort (customers whose first order falls in that period): Cohort, Customers, then the share
 * of the cohort ordering again k periods later (+0 = 1). Offsets a cohort has not reached by the
 * as-of date are `#N/A` (a chart of the curves ends them there), so the matrix is a triangle
 * padded to a rectangle.
 * @example cohort(dates, customers, 'month', null) // [['Cohort','Customers','+0','+1'], ['2026-01', 2, 1, 0.5], ['2026-02', 1, 1, '']]
 */
export function cohort(dates: unknown, customers: unknown, period: unknown, asOf: unknown): Spill {
  const unit = optionalPeriodArg(period, 'period') ?? 'month';
  const day = optionalDateArg(asOf, 'asOf');
  const table = ordersFromColumns({
    dates: cellsArg(dates, 'dates'),
    customers: textColumnArg(customers, 'customers'),
  });
  const matrix = cohortMatrix(table, { unit, ...(day === undefined ? {} : { asOf: day }) });
  if (isMetricError(matrix)) throwMetricError(matrix);
  const width = matrix.cohorts.reduce((w, row) => Math.max(w, row.shares.length), 0);
  const header = ['Cohort', 'Customers', ...Array.from({ length: width }, (_, k) => `+${k}`)];
  const notReached = gap('the cohort has not reached this step by the as-of date');
  return spill(
    header,
    matrix.cohorts.map((row) => [
      row.key,
      row.size,
      ...row.shares,
      ...new Array<unknown>(width - row.shares.length).fill(notReached),
    ]),
  );
}

const FLOW: MetricTraits = { id: 'target', better: 'higher', kind: 'flow' };

/** The goal period: the day, month, quarter or year that [start, end) is exactly, else a custom span. */
function goalPeriod(start: number, end: number): Period {
  for (const unit of ['year', 'quarter', 'month'] as const) {
    const candidate = periodOf(start, unit);
    if (candidate.start === start && candidate.end === end) return candidate;
  }
  // A custom span is split like a year (the split only needs its bounds and calendar).
  const key = `${formatDay(start)}..${formatDay(end - 1)}`;
  return { unit: 'year', index: NaN, start, end, key, label: key, calendar: DEFAULT_CALENDAR };
}

/**
 * SALES.GOALSPLIT(target, periodStart, periodEnd, period, [historyDates], [historyValues]): a
 * goal for a long period split into months or weeks — by days (even), or by last year's values in
 * the matching months/weeks (seasonal) when history is given. Parts are rounded to cents and sum
 * exactly to the target. Columns: Period, Start, End, Days, Share, Target, Method (`seasonal`,
 * `even`, or `even: <why>` when a seasonal split had to fall back, e.g. last year's history is
 * missing or zero).
 * @example goalSplit(120000, serial('2026-01-01'), serial('2026-12-31'), 'month', null, null) // 12 rows, Jan 10191.78…
 */
export function goalSplit(
  target: unknown,
  periodStart: unknown,
  periodEnd: unknown,
  period: unknown,
  historyDates: unknown,
  historyValues: unknown,
): Spill {
  const amount = numberArg(target, 'target');
  const start = Math.floor(dateArg(periodStart, 'periodStart'));
  const end = Math.floor(dateArg(periodEnd, 'periodEnd')) + 1;
  if (end <= start) invalidArgument('periodEnd', 'is before periodStart');
  const unit = periodArg(period, 'period');
  if (unit !== 'month' && unit !== 'week') invalidArgument('period', 'a goal splits into months or weeks');
  const dates = optionalColumnArg(historyDates, 'historyDates');
  const values = optionalColumnArg(historyValues, 'historyValues');
  if ((dates === undefined) !== (values === undefined)) {
    invalidArgument(
      dates ? 'historyValues' : 'historyDates',
      'give both historyDates and historyValues, or neither',
    );
  }
  const goal: Goal = {
    id: 'goal',
    metric: 'target',
    period: goalPeriod(start, end),
    target: amount,
    basis: { kind: 'number' },
  };
  let result;
  if (dates && values) {
    requireSameLength([
      { name: 'historyDates', cells: dates },
      { name: 'historyValues', cells: values },
    ]);
    const history = ordersFromColumns({
      dates,
      amounts: values,
      names: { dates: 'historyDates', amounts: 'historyValues' },
    });
    let historyStart = Infinity;
    for (let i = 0; i < history.length; i++) historyStart = Math.min(historyStart, history.date[i]);
    const evaluate = (window: { start: number; end: number }): number => {
      let sum = 0;
      for (let i = 0; i < history.length; i++) {
        const d = history.date[i];
        if (d >= window.start && d < window.end) sum += history.amount[i];
      }
      return sum;
    };
    result = splitGoal(goal, {
      unit,
      method: 'seasonal',
      traits: FLOW,
      evaluate,
      historyStart: Math.floor(historyStart),
    });
  } else {
    result = splitGoal(goal, { unit, method: 'even', traits: FLOW });
  }
  if (isMetricError(result)) throwMetricError(result);
  const method = result.fallbackReason ? `${result.applied}: ${result.fallbackReason}` : result.applied;
  return spill(
    ['Period', 'Start', 'End', 'Days', 'Share', 'Target', 'Method'],
    result.parts.map((part) => [
      part.key,
      serialOf(part.start),
      serialOf(part.end - 1),
      part.days,
      part.share,
      part.target,
      method,
    ]),
  );
}

/**
 * SALES.RFM(dates, customers, amounts, [asOf]): one row per customer with recency (days since
 * the last order), frequency (orders), monetary (net revenue), their 1–5 quintile scores and the
 * segment (Champions, Loyal, … Lost), customers in order of first appearance. Refund-only
 * customers are left out (they have no order).
 * @example rfmTable(dates, customers, amounts, null) // [['Customer','Recency','Frequency','Monetary','R','F','M','Segment'], ['a', 3, 4, 520, 5, 4, 5, 'Champions'], …]
 */
export function rfmTable(dates: unknown, customers: unknown, amounts: unknown, asOf: unknown): Spill {
  const day = optionalDateArg(asOf, 'asOf');
  const table = ordersFromColumns({
    dates: cellsArg(dates, 'dates'),
    customers: textColumnArg(customers, 'customers'),
    amounts: cellsArg(amounts, 'amounts'),
  });
  const result = rfm(table, day === undefined ? {} : { asOf: day });
  if (isMetricError(result)) throwMetricError(result);
  if (result.customers.length === 0)
    throwMetricError({ error: '#N/A', reason: 'no customer has an order up to the as-of date' });
  return spill(
    ['Customer', 'Recency', 'Frequency', 'Monetary', 'R', 'F', 'M', 'Segment'],
    result.customers.map((c) => [c.id, c.recency, c.frequency, c.monetary, c.r, c.f, c.m, c.segment]),
  );
}
