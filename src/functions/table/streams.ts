/**
 * The table functions as Excel calls them: streaming functions that get an invocation to push
 * values through. Arguments are read at once (a bad one is the cell's error); then the cell
 * listens to the shared table cache and gets a value every time the table is (re)ingested,
 * until Excel cancels the cell (formula edited or deleted, workbook closed).
 */
import { optionalDateArg, optionalPeriodArg, periodArg, textArg } from '../args';
import { breakdownMetricArg } from '../breakdown';
import type { ExcelFunctionError } from '../errors';
import { asExcelError, excelError, isExcelFunctionError } from '../errors';
import { tableCache } from '../host';
import { ordersMetricArg } from '../metric';
import type { IngestedTable } from './cache';
import { tableBreakdown, tableByPeriod, tableMetric } from './compute';

/** The part of `CustomFunctions.StreamingInvocation` the table functions use. */
export interface StreamingCall<T> {
  setResult(value: T | ExcelFunctionError): void;
  onCanceled?: () => void;
}

/**
 * Streams `compute` over the named table to the cell. `prepare` reads the other arguments once
 * and returns the computation; whatever it throws is the cell's error.
 */
function streamTable<T>(
  call: StreamingCall<T>,
  table: unknown,
  prepare: () => { compute: (table: IngestedTable) => T; demand?: unknown },
): void {
  let name: string;
  let compute: (table: IngestedTable) => T;
  let demand: unknown;
  try {
    name = textArg(table, 'table');
    ({ compute, demand } = prepare());
  } catch (error) {
    call.setResult(asExcelError(error));
    return;
  }
  const cache = tableCache();
  if (!cache) {
    call.setResult(excelError('#N/A', 'tables are read by name inside Excel only'));
    return;
  }
  const stop = cache.subscribe(
    name,
    (state) => {
      if (isExcelFunctionError(state)) return call.setResult(state);
      let value: T | ExcelFunctionError;
      try {
        value = compute(state);
      } catch (error) {
        value = asExcelError(error);
      }
      call.setResult(value);
    },
    demand,
  );
  call.onCanceled = stop;
}

/**
 * SALES.TABLE(table, metric, [period], [asOf]): a catalogue metric of the named table, as
 * SALES.METRIC computes it over the table's columns.
 */
export function tableStream(
  name: unknown,
  metric: unknown,
  period: unknown,
  asOf: unknown,
  call: StreamingCall<number>,
): void {
  streamTable(call, name, () => {
    const request = {
      kind: 'metric' as const,
      id: ordersMetricArg(metric, 'metric'),
      unit: optionalPeriodArg(period, 'period'),
      asOf: optionalDateArg(asOf, 'asOf'),
    };
    return { compute: (t) => tableMetric(t, request), demand: request };
  });
}

/** SALES.TABLEBYPERIOD(table, metric, period, [asOf]): the metric per period (spills). */
export function tableByPeriodStream(
  name: unknown,
  metric: unknown,
  period: unknown,
  asOf: unknown,
  call: StreamingCall<unknown[][]>,
): void {
  streamTable(call, name, () => {
    const request = {
      id: ordersMetricArg(metric, 'metric'),
      unit: periodArg(period, 'period'),
      asOf: optionalDateArg(asOf, 'asOf'),
    };
    return { compute: (t) => tableByPeriod(t, request) };
  });
}

/** SALES.TABLEBREAKDOWN(table, dimension, [metric], [period], [asOf]): SALES.BREAKDOWN by a column (spills). */
export function tableBreakdownStream(
  name: unknown,
  dimension: unknown,
  metric: unknown,
  period: unknown,
  asOf: unknown,
  call: StreamingCall<unknown[][]>,
): void {
  streamTable(call, name, () => {
    const column = textArg(dimension, 'dimension');
    const request = {
      id: breakdownMetricArg(metric),
      unit: optionalPeriodArg(period, 'period'),
      asOf: optionalDateArg(asOf, 'asOf'),
    };
    return { compute: (t) => tableBreakdown(t, column, request) };
  });
}
