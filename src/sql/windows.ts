/**
 * The windows a query computes, written into the SQL as an inline table. Periods, to-date ends,
 * like-for-like windows and trailing years are worked out by the engine's calendar code
 * (`src/core/periods`) and given to the database as plain day numbers, so the SQL holds no
 * calendar logic and the two routes cannot disagree on a week 53 or a fiscal quarter.
 *
 * A *run* is a list of contiguous windows whose first one is the window before (for retention and
 * churn), as the engine's `computeWindows` takes them; `s` numbers the runs and `w` the windows.
 */
import type { MetricWindow } from '../core/metrics';
import { yearBefore } from '../core/metrics/orders-history';
import { formatDay } from '../core/periods';
import type { Dialect } from './dialect';

/** One window of one run, with its to-date end. */
export interface PlannedWindow extends MetricWindow {
  readonly s: number;
  readonly w: number;
  /** min(end, as-of day + 1): rows after the as-of day never count. */
  readonly toDate: number;
  /** True when the window starts after the as-of day (every metric is #N/A). */
  readonly late: boolean;
}

/** Every window of `runs`, numbered. */
export function planWindows(runs: readonly (readonly MetricWindow[])[], asOf: number): PlannedWindow[] {
  const day = Math.floor(asOf);
  return runs.flatMap((run, s) =>
    run.map((window, w) => ({
      ...window,
      s,
      w,
      toDate: Math.min(window.end, day + 1),
      late: window.start > day,
    })),
  );
}

/** `win(s, w, ws, we, wt)`: run, window, start, end and to-date end (epoch days). */
export function windowsTable(d: Dialect, windows: readonly PlannedWindow[]): string {
  return d.values(
    'win',
    ['s', 'w', 'ws', 'we', 'wt'],
    windows.map((x) => [x.s, x.w, x.start, x.end, Math.max(x.start, x.toDate)].map(String)),
    windows.map((x) => `${x.key}: ${formatDay(x.start)} to ${formatDay(Math.max(x.start, x.toDate) - 1)}`),
  );
}

/** The to-date ends the history metrics are measured at, with the trailing year before each. */
export interface HistoryEnd {
  readonly e: number;
  /** The same date a year before `e` (29 Feb → 28 Feb), and a year before that. */
  readonly yb: number;
  readonly yb2: number;
}

/** Distinct to-date ends of the windows that report a value (w ≥ 1, not late). */
export function historyEnds(windows: readonly PlannedWindow[]): HistoryEnd[] {
  const ends = [...new Set(windows.filter((x) => x.w > 0 && !x.late).map((x) => x.toDate))].sort(
    (a, b) => a - b,
  );
  return ends.map((e) => {
    const yb = yearBefore(e);
    return { e, yb, yb2: yearBefore(yb) };
  });
}

/** `ends(e, yb, yb2)`. */
export function endsTable(d: Dialect, ends: readonly HistoryEnd[]): string {
  return d.values(
    'ends',
    ['e', 'yb', 'yb2'],
    ends.map((x) => [x.e, x.yb, x.yb2].map(String)),
    ends.map(
      (x) =>
        `to ${formatDay(x.e - 1)}; trailing year from ${formatDay(x.yb)}, the year before from ${formatDay(x.yb2)}`,
    ),
  );
}

/** The longest span of days any window reads (to its to-date end): the size of the day series. */
export function longestWindow(windows: readonly PlannedWindow[]): number {
  return Math.max(1, ...windows.map((x) => x.toDate - x.start));
}
