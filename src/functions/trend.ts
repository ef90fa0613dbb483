/**
 * SALES.TREND: the last N periods of a value, the least-squares line through them and its
 * forecast, from the metric engine's `trend` (values are added up per period like revenue).
 */
import { trend } from '../core/analyses/trend';
import { cellsArg, optionalDateArg, periodArg, wholeNumberArg } from './args';
import { ordersFromColumns } from './columns';
import { notAvailable } from './errors';
import type { Spill } from './spill';
import { gap, serialOf, spill } from './spill';
import { latestDay } from './window';

/**
 * SALES.TREND(dates, values, period, horizon, [periods], [asOf]): one row per period — the last
 * `periods` (default 12) ending with the one containing `asOf` (default the latest date), then
 * `horizon` future ones. Columns: Period, Start (date serial), Actual (sum of values; blank for
 * future periods, so a chart's actual line ends where the forecast starts), Trend (the
 * least-squares line, extended into the future), Type (`actual`,
 * `partial` or `forecast`). The period holding `asOf` is `partial` when `asOf` is before its last
 * day: its Actual is to date and it is left out of the line, which is fitted on complete periods
 * only. `#N/A` when fewer than two complete periods have a value to fit.
 * @example trendTable(dates, amounts, 'month', 3, 6, null) // 6 actual rows and 3 forecast rows
 */
export function trendTable(
  dates: unknown,
  values: unknown,
  period: unknown,
  horizon: unknown,
  periods: unknown,
  asOf: unknown,
): Spill {
  const unit = periodArg(period, 'period');
  const ahead = wholeNumberArg(horizon, 'horizon', 0, 1000, 3);
  const count = wholeNumberArg(periods, 'periods', 2, 5000, 12);
  const day = optionalDateArg(asOf, 'asOf');
  const orders = ordersFromColumns({
    dates: cellsArg(dates, 'dates'),
    amounts: cellsArg(values, 'values'),
    names: { amounts: 'values' },
  });
  const result = trend(
    'revenue',
    { orders },
    { unit, count, horizon: ahead, asOf: day ?? latestDay(orders.date) },
  );
  const fit = result.fit;
  if (!fit) notAvailable('fewer than two complete periods have a value to fit a trend');
  const line = (x: number) => fit.intercept + fit.slope * x;
  const partial = new Set(result.partial.map((point) => point.period.key));
  const rows: unknown[][] = result.series.map((point, x) => [
    point.period.key,
    serialOf(point.period.start),
    point.value,
    line(x),
    partial.has(point.period.key) ? 'partial' : 'actual',
  ]);
  result.forecast.forEach((point) => {
    rows.push([
      point.period.key,
      serialOf(point.period.start),
      gap('a forecast period has no actual'),
      point.value,
      'forecast',
    ]);
  });
  return spill(['Period', 'Start', 'Actual', 'Trend', 'Type'], rows);
}
