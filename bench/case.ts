/**
 * The shape of a bench case. Any object exported from a file in `bench/cases/` with a `name`, a
 * `setup` and a `run` is picked up by `bench/run.ts`:
 *
 *   export const myCase: BenchCase<State> = {
 *     name: 'cohorts: monthly matrix', targetMs: 400,
 *     setup: (rows) => ({ orders: syntheticOrders(rows) }),   // not timed
 *     run: (state) => cohortMatrix(state.orders, …),           // timed
 *   };
 *
 * A `setup` that takes no argument is a fixed-size case (real data, a model fit): it runs once,
 * not per row count. `targetMs` is the target at Excel's maximum (1,048,576 rows).
 */
export interface BenchCase<State = unknown> {
  readonly name: string;
  readonly targetMs?: number;
  /** Row counts this case runs at (default: every size of the run). */
  readonly sizes?: readonly number[];
  /** Name of the case this one is compared with: the table shows median ÷ the peer's median. */
  readonly peer?: string;
  setup(rows: number): State;
  run(state: State): unknown;
}

export function isBenchCase(value: unknown): value is BenchCase {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Partial<BenchCase>;
  return typeof c.name === 'string' && typeof c.setup === 'function' && typeof c.run === 'function';
}
