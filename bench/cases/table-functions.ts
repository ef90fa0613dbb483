/**
 * Bench case: the table functions after an edit. 100 SALES.TABLE cells name one table of order
 * lines (the shared generated sheet, bench/fixtures.ts); when the table changes, the cache reads
 * it again, ingests it once and every cell gets its value again. Timed: the computation of that
 * (ingestion of the 2-D values as the chunked read returns them, then the 100 cells, which share
 * one pass per window), not the read from Excel. Issue 15 target at 1,048,576 rows: ≤ 1.5 s.
 *
 * The cells: 10 metrics × 5 periods (none, week, month, quarter, year) × 2 as-of days (the latest
 * date, and the last day of the month before it), as a dashboard sheet of formulas would ask.
 */
import type { CellValue } from '../../src/core/cell';
import type { MetricId } from '../../src/core/metrics';
import type { PeriodUnit } from '../../src/core/periods';
import { ingestTable } from '../../src/functions/table/cache';
import type { MetricDemand } from '../../src/functions/table/compute';
import { tableMetric } from '../../src/functions/table/compute';
import type { BenchCase } from '../case';
import { lastDay, ordersTable, ordersValues } from '../fixtures';

const METRICS: MetricId[] = [
  'revenue',
  'orders',
  'aov',
  'customers',
  'new_customers',
  'retention_rate',
  'churn_rate',
  'repeat_rate',
  'purchase_frequency',
  'gross_margin',
];
const PERIODS: (PeriodUnit | undefined)[] = [undefined, 'week', 'month', 'quarter', 'year'];

interface State {
  readonly rows: CellValue[][];
  readonly demands: MetricDemand[];
}

function setup(rows: number): State {
  const values = ordersValues(rows);
  const latest = lastDay(ordersTable(rows));
  const monthEnd = new Date(latest * 86_400_000);
  const endOfMonthBefore = Date.UTC(monthEnd.getUTCFullYear(), monthEnd.getUTCMonth(), 0) / 86_400_000;
  const demands: MetricDemand[] = [];
  for (const asOf of [undefined, endOfMonthBefore])
    for (const unit of PERIODS) for (const id of METRICS) demands.push({ kind: 'metric', id, unit, asOf });
  return { rows: values, demands };
}

/** The work after an edit: one ingestion, then every cell's value. */
function afterEdit(state: State): number {
  const table = ingestTable('Orders', { rows: state.rows, ingest: {} }, 2, () => state.demands);
  if (!('orders' in table)) throw new Error(`bench: ${table.message}`);
  let values = 0;
  for (const demand of state.demands) {
    try {
      tableMetric(table, demand);
      values++;
    } catch {
      // A metric the window cannot give (#DIV/0!, #N/A) is still the cell's result.
      values++;
    }
  }
  return values;
}

export const tableFunctionsAfterEditCase: BenchCase<State> = {
  name: 'table functions: 100 SALES.TABLE cells after an edit (ingest once + 100 values)',
  targetMs: 1500,
  setup,
  run: afterEdit,
};
