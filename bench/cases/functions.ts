/**
 * Bench cases: custom functions on whole-column ranges as Excel passes them (`any[][]`, one
 * 1-element row per cell, e.g. `=SALES.REVENUE(Orders[Order Date], Orders[Amount], "month")`).
 * Issue 6 targets at 1,048,576 rows: a scalar range function (SALES.REVENUE) ≤ 150 ms and
 * SALES.COHORT ≤ 600 ms.
 *
 * Timed from the 2-D arrays to the result: argument reading, column coercion, table building and
 * the computation, as in a cell. Inputs are the shared generated orders sheet (bench/fixtures.ts),
 * cut into the columns a formula would reference. Standalone: `npx tsx bench/cases/functions.ts [rows]`.
 */
import type { CellValue } from '../../src/core/cell';
import { IMPLEMENTATIONS as F } from '../../src/functions/registry';
import type { BenchCase } from '../case';
import { ordersValues } from '../fixtures';

export interface RangeState {
  readonly dates: CellValue[][];
  readonly amounts: CellValue[][];
  readonly customers: CellValue[][];
}

/** One column of the generated sheet as Excel passes a table column: rows × 1, no header. */
function column(sheet: CellValue[][], header: string): CellValue[][] {
  const at = sheet[0].indexOf(header);
  const out: CellValue[][] = new Array(sheet.length - 1);
  for (let i = 1; i < sheet.length; i++) out[i - 1] = [sheet[i][at]];
  return out;
}

/** The order date, amount and customer columns of `rows` generated order lines. */
export function rangesOf(rows: number): RangeState {
  const sheet = ordersValues(rows);
  return { dates: column(sheet, 'Order Date'), amounts: column(sheet, 'Amount'), customers: column(sheet, 'Customer') };
}

export const revenueFunctionCase: BenchCase<RangeState> = {
  name: 'functions: SALES.REVENUE(dates, amounts, "month")',
  targetMs: 150,
  setup: (rows: number) => rangesOf(rows),
  run: (state) => F.REVENUE(state.dates, state.amounts, 'month', null),
};

export const cohortFunctionCase: BenchCase<RangeState> = {
  name: 'functions: SALES.COHORT(dates, customers, "month")',
  targetMs: 600,
  setup: (rows: number) => rangesOf(rows),
  run: (state) => F.COHORT(state.dates, state.customers, 'month', null).length,
};

if (require.main === module) {
  const rows = Number(process.argv[2] ?? 1_048_575);
  const state = rangesOf(rows);
  for (const c of [revenueFunctionCase, cohortFunctionCase]) {
    c.run(state);
    const times: number[] = [];
    const cpu: number[] = [];
    for (let k = 0; k < 7; k++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      c.run(state);
      times.push(performance.now() - t0);
      const used = process.cpuUsage(c0);
      cpu.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    console.log(`${c.name} @ ${rows}: median ${times[3].toFixed(1)} ms (min ${times[0].toFixed(1)}), cpu ${cpu[3].toFixed(1)} ms, target ${c.targetMs} ms`);
  }
}
