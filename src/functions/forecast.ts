/**
 * SALES.FORECAST: the ETS forecast of a value added up per period (the family behind Excel's
 * FORECAST.ETS, with the model chosen by AICc), from the engine's forecaster.
 */
import { isMetricError } from '../core/errors';
import { forecastSeries } from '../core/forecast';
import { computeSuite } from '../core/metrics';
import { periodCoverage, periodOf, shiftPeriod, type Period } from '../core/periods';
import { cellsArg, isOmitted, numberArg, optionalDateArg, periodArg, wholeNumberArg } from './args';
import { ordersFromColumns } from './columns';
import { invalidArgument, notAvailable } from './errors';
import type { Spill } from './spill';
import { serialOf, spill } from './spill';
import { latestDay } from './window';

/** Complete periods fitted at most (the latest ones), so a call stays quick. */
export const MAX_FITTED_PERIODS = 520;

/** Interval level: 0.8 or 80 for 80 %, between 50 % and 99.9 %. */
function levelArg(value: unknown): number {
  if (isOmitted(value)) return 0.95;
  const n = numberArg(value, 'level');
  const level = n > 1 ? n / 100 : n;
  if (!(level >= 0.5 && level <= 0.999)) invalidArgument('level', 'must be from 50% to 99.9%');
  return level;
}

/**
 * SALES.FORECAST(dates, values, period, horizon, [asOf], [level]): `horizon` rows after the last
 * complete period — Period, Start (date serial), Forecast, Low, High (the interval at `level`,
 * default 95 %). The values are added up per period; the series runs over the complete periods
 * from the first whole one (a first period the data start inside is left out) to the last one
 * over on `asOf` (default the latest date): the period holding `asOf` is forecast, not fitted,
 * while it is not over. The Forecast header names the model chosen, e.g. `Forecast ETS(M,A,N)`.
 * `#N/A` with the reason when the series is too short.
 * @example forecastTable(dates, amounts, 'month', 3, null, null) // 3 rows: Dec 2026 (to date, forecast whole), Jan, Feb
 */
export function forecastTable(
  dates: unknown,
  values: unknown,
  period: unknown,
  horizon: unknown,
  asOf: unknown,
  level: unknown,
): Spill {
  const unit = periodArg(period, 'period');
  const ahead = wholeNumberArg(horizon, 'horizon', 1, 120, 3);
  const interval = levelArg(level);
  const day = optionalDateArg(asOf, 'asOf');
  const orders = ordersFromColumns({
    dates: cellsArg(dates, 'dates'),
    amounts: cellsArg(values, 'values'),
    names: { amounts: 'values' },
  });
  const until = day ?? latestDay(orders.date);
  let first = Infinity;
  for (let i = 0; i < orders.length; i++) if (orders.date[i] < first) first = Math.floor(orders.date[i]);
  if (!Number.isFinite(first) || first > until) notAvailable('no dated values up to the as-of date');
  const periods: Period[] = [];
  let p = periodOf(first, unit);
  if (p.start < first) p = shiftPeriod(p, 1);
  while (p.end - 1 <= until) {
    periods.push(p);
    p = shiftPeriod(p, 1);
  }
  const fitted = periods.slice(-MAX_FITTED_PERIODS);
  if (fitted.length < 3)
    notAvailable(`only ${fitted.length} complete ${unit}s up to the as-of date; a forecast needs 3`);
  const suite = computeSuite({ orders }, ['revenue'], fitted, { asOf: until });
  const series = suite.values.map((row) => (isMetricError(row[0]) ? 0 : row[0]));
  const result = forecastSeries(series, { unit, horizon: ahead, levels: [interval] });
  if (isMetricError(result)) notAvailable(result.reason);
  const next = shiftPeriod(fitted[fitted.length - 1], 1);
  const rows = result.forecast.map((point, k) => {
    const target = shiftPeriod(next, k);
    const coverage = periodCoverage(target, until);
    const key = coverage.partial && coverage.days > 0 ? `${target.key} (whole)` : target.key;
    return [key, serialOf(target.start), point.mean, point.lower[0], point.upper[0]];
  });
  const percent = `${Math.round(interval * 1000) / 10}%`;
  return spill(['Period', 'Start', `Forecast ${result.name}`, `Low ${percent}`, `High ${percent}`], rows);
}
