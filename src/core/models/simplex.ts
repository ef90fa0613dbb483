/**
 * The likelihood search's Nelder–Mead: `minimize` of `./nelder-mead` as it was (Gao & Han's
 * dimension-adaptive coefficients, restarts from the best point until one no longer improves)
 * step for step, with the same arithmetic in the same order and so the same points, values and
 * counts, but with the simplex in one reused buffer: no array per trial point, and the vertices
 * kept in order by moving the one replaced (a stable insertion, as the sort it replaces is
 * stable). An ETS fit runs tens of thousands of iterations of up to 17 dimensions, where the
 * bookkeeping of the general version costs more than the likelihood itself.
 */
import type { MinimizeOptions, MinimizeResult } from './nelder-mead';

// Held locally: some hosts (jest's sandbox) make every global `Math` lookup a hundred times slower.
const { abs, max } = Math;

/**
 * Minimises `f` from `start`; non-finite values count as +∞. `f` is handed a buffer that it must
 * not keep.
 * @example minimizeSimplex(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).x // ≈ [1, −2]
 */
export function minimizeSimplex(
  f: (x: Float64Array) => number,
  start: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const {
    step = 0.5,
    fTolerance = 1e-10,
    xTolerance = 1e-9,
    maxIterations = 5000,
    maxRestarts = 6,
  } = options;
  let evaluations = 0;
  const objective = (x: Float64Array): number => {
    evaluations++;
    const value = f(x);
    return Number.isFinite(value) ? value : Infinity;
  };
  const simplex = new Simplex(start.length);
  let bestX: Float64Array = Float64Array.from(start);
  let bestValue = objective(bestX);
  let iterations = 0;
  let converged = false;
  for (let run = 0; run <= maxRestarts; run++) {
    const result = simplex.run(objective, bestX, step, fTolerance, xTolerance, maxIterations);
    iterations += result.iterations;
    const improvement = bestValue - result.value;
    if (result.value <= bestValue) {
      bestX = result.x;
      bestValue = result.value;
    }
    // A restart that finds (almost) nothing new confirms the optimum.
    if (run > 0 && result.converged && !(improvement > fTolerance)) {
      converged = true;
      break;
    }
  }
  return { x: Array.from(bestX), value: bestValue, converged, iterations, evaluations };
}

/** The n + 1 vertices of an n-dimensional simplex, their values, and trial points. */
class Simplex {
  private readonly points: Float64Array[];
  private readonly values: Float64Array;
  /** Vertex indices from the best to the worst value. */
  private readonly order: Int32Array;
  private readonly centroid: Float64Array;
  private trial: Float64Array;
  private spare: Float64Array;

  constructor(private readonly n: number) {
    this.points = Array.from({ length: n + 1 }, () => new Float64Array(n));
    this.values = new Float64Array(n + 1);
    this.order = new Int32Array(n + 1);
    this.centroid = new Float64Array(n);
    this.trial = new Float64Array(n);
    this.spare = new Float64Array(n);
  }

  run(
    f: (x: Float64Array) => number,
    start: Float64Array,
    step: number,
    fTolerance: number,
    xTolerance: number,
    maxIterations: number,
  ): { x: Float64Array; value: number; converged: boolean; iterations: number } {
    const { n, points, values, order, centroid } = this;
    const alpha = 1;
    const gamma = 1 + 2 / n;
    const rho = 0.75 - 1 / (2 * n);
    const sigma = 1 - 1 / n;
    points[0].set(start);
    for (let i = 0; i < n; i++) {
      points[i + 1].set(start);
      points[i + 1][i] += step;
    }
    for (let i = 0; i <= n; i++) values[i] = f(points[i]);
    for (let i = 0; i <= n; i++) order[i] = i;
    let iteration = 0;
    for (; iteration < maxIterations; iteration++) {
      this.sort();
      const bestPoint = points[order[0]];
      const spreadF = values[order[n]] - values[order[0]];
      // The vertices' spread matters only once the values' spread is within tolerance.
      if (spreadF <= fTolerance && this.spreadOf(bestPoint) <= xTolerance) {
        return {
          x: Float64Array.from(bestPoint),
          value: values[order[0]],
          converged: true,
          iterations: iteration,
        };
      }
      centroid.fill(0);
      for (let k = 0; k < n; k++) {
        const point = points[order[k]];
        for (let j = 0; j < n; j++) centroid[j] += point[j] / n;
      }
      const worst = order[n];
      const reflected = this.along(alpha, this.trial);
      const fr = f(reflected);
      const fBest = values[order[0]];
      const fSecondWorst = values[order[n - 1]];
      const fWorst = values[worst];
      if (fr < fBest) {
        const expanded = this.along(alpha * gamma, this.spare);
        const fe = f(expanded);
        this.replace(worst, fe < fr ? expanded : reflected, Math.min(fe, fr));
      } else if (fr < fSecondWorst) {
        this.replace(worst, reflected, fr);
      } else {
        const outside = fr < fWorst;
        const contracted = this.along(outside ? alpha * rho : -rho, this.spare);
        const fc = f(contracted);
        if (fc < (outside ? fr : fWorst)) {
          this.replace(worst, contracted, fc);
        } else {
          for (let k = 1; k <= n; k++) {
            const point = points[order[k]];
            for (let j = 0; j < n; j++) point[j] = bestPoint[j] + sigma * (point[j] - bestPoint[j]);
            values[order[k]] = f(point);
          }
        }
      }
    }
    this.sort();
    return {
      x: Float64Array.from(points[order[0]]),
      value: values[order[0]],
      converged: false,
      iterations: iteration,
    };
  }

  /** The largest distance of a vertex from `bestPoint` along any axis (max norm). */
  private spreadOf(bestPoint: Float64Array): number {
    const { n, points, order } = this;
    let spread = 0;
    for (let k = 0; k <= n; k++) {
      const point = points[order[k]];
      for (let j = 0; j < n; j++) spread = max(spread, abs(point[j] - bestPoint[j]));
    }
    return spread;
  }

  /** centroid + coefficient × (centroid − worst vertex), into `out`. */
  private along(coefficient: number, out: Float64Array): Float64Array {
    const { n, centroid } = this;
    const worst = this.points[this.order[n]];
    for (let j = 0; j < n; j++) out[j] = centroid[j] + coefficient * (centroid[j] - worst[j]);
    return out;
  }

  /** The vertex `index` becomes `point` (a trial buffer, which the old vertex's buffer replaces). */
  private replace(index: number, point: Float64Array, value: number): void {
    const old = this.points[index];
    this.points[index] = point;
    this.values[index] = value;
    if (point === this.trial) this.trial = old;
    else this.spare = old;
  }

  /**
   * Orders the vertices by value, ties (and +∞ against +∞) keeping their order: the result of
   * the stable `order.sort((i, j) => values[i] − values[j])` of the general version.
   */
  private sort(): void {
    const { order, values } = this;
    for (let i = 1; i < order.length; i++) {
      const index = order[i];
      const value = values[index];
      let k = i - 1;
      while (k >= 0 && lessThan(value, values[order[k]])) {
        order[k + 1] = order[k];
        k--;
      }
      order[k + 1] = index;
    }
  }
}

/** a before b in the general version's sort: a − b < 0 (∞ − ∞ is NaN: a tie). */
function lessThan(a: number, b: number): boolean {
  return a - b < 0;
}
