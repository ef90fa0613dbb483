/**
 * The fits a revenue outlook (`etsOutlook` in core/analyses) makes, made ahead into a memo: the
 * model selection on the whole series and, with the backtest, every origin's. Kept apart from the
 * outlook so a thread that makes them loads the forecaster alone.
 */
import type { PeriodUnit } from '../periods';
import { backtest } from './backtest';
import type { FitMemo } from './fit-memo';
import { forecastSeries } from './forecast';
import { seasonLengthOf } from './season';

/**
 * Makes into `memo` the fits an outlook of `values` (its series, `etsOutlookSeries`) makes. With
 * `memo.only`, those models' fits alone, so the work can be shared out: each model's fits depend
 * only on its own earlier ones.
 * @example
 * const memo = { fits: new Map() };
 * outlookFits(etsOutlookSeries('revenue', inputs, options)!, 'month', true, memo);
 * etsOutlook('revenue', inputs, { ...options, horizon: 3, backtest: true, fits: memo }); // no search left
 */
export function outlookFits(
  values: readonly number[],
  unit: PeriodUnit,
  withBacktest: boolean,
  memo: FitMemo,
): void {
  forecastSeries(values, { unit, horizon: 1, levels: [], fits: memo });
  if (withBacktest) backtest(values, { horizon: 1, seasonLength: seasonLengthOf(unit), fits: memo });
}
