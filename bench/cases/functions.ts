/**
 * Bench case: custom functions on a whole-column range as Excel passes it (`any[][]`, one
 * 1-element row per cell), issue 6 targets on 1,048,576 rows: a scalar range function
 * (SALES.REVENUE for the latest month) ≤ 150 ms, SALES.COHORT (monthly) ≤ 600 ms.
 *
 * Timed from the 2-D arrays to the result: argument reading, column coercion, table building and
 * the computation, as in a cell. Cases follow the `{ name, target, setup(rows), run(state) }`
 * shape of the other bench cases. Standalone: `npx tsx bench/cases/functions.ts [rows]`.
 */
import { IMPLEMENTATIONS as F } from '../../src/functions/registry';

export const DEFAULT_ROWS = 1_048_576;

/** Excel serial of 2024-01-01. */
const START_SERIAL = 45292;

export interface RangeState {
  readonly dates: unknown[][];
  readonly amounts: unknown[][];
  readonly customers: unknown[][];
}

/** Two years of order dates (serials), amounts with cents and 3% refunds, 50,000 customers. */
export function syntheticRanges(rows: number, customers = 50_000): RangeState {
  let seed = 20261128;
  const rand = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const names = Array.from({ length: customers }, (_, c) => `C${c}`);
  const dates: unknown[][] = new Array(rows);
  const amounts: unknown[][] = new Array(rows);
  const customerCells: unknown[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    dates[i] = [START_SERIAL + Math.floor(rand() * 730)];
    const value = Math.round(rand() * 20000) / 100;
    amounts[i] = [rand() < 0.03 ? -value : value];
    customerCells[i] = [names[Math.floor(rand() * rand() * customers)]];
  }
  return { dates, amounts, customers: customerCells };
}

export const revenueCase = {
  name: 'functions: SALES.REVENUE(dates, amounts, "month") on a column range',
  targetMs: 150,
  setup(rows: number = DEFAULT_ROWS): RangeState {
    return syntheticRanges(rows);
  },
  run(state: RangeState): number {
    return F.REVENUE(state.dates, state.amounts, 'month', null);
  },
};

export const cohortCase = {
  name: 'functions: SALES.COHORT(dates, customers, "month") on a column range',
  targetMs: 600,
  setup(rows: number = DEFAULT_ROWS): RangeState {
    return syntheticRanges(rows);
  },
  run(state: RangeState): number {
    return F.COHORT(state.dates, state.customers, 'month', null).length;
  },
};

export default [revenueCase, cohortCase];

function timeIt<S, R>(label: string, state: S, run: (s: S) => R, repeats: number): void {
  const times: number[] = [];
  let result: R | undefined;
  for (let k = 0; k < repeats; k++) {
    const t0 = performance.now();
    result = run(state);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label}: min ${times[0].toFixed(1)} ms, median ${times[times.length >> 1].toFixed(1)} ms, ` +
      `max ${times[times.length - 1].toFixed(1)} ms`,
    JSON.stringify(result),
  );
}

if (require.main === module) {
  const rows = Number(process.argv[2] ?? DEFAULT_ROWS);
  const state = syntheticRanges(rows);
  for (const c of [revenueCase, cohortCase]) timeIt(`${c.name} (${rows} rows, target ${c.targetMs} ms)`, state, c.run, 7);
}
