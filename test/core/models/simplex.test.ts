import fc from 'fast-check';
import { minimizeSimplex } from '../../../src/core/models/simplex';
import type { MinimizeOptions, MinimizeResult } from '../../../src/core/models/nelder-mead';

// The general Nelder–Mead the buffered search replaced, kept here as the plain reference it must match.
/**
 * Minimises `f` from `start`. Non-finite values of `f` count as +∞, so a caller can fence off
 * forbidden regions by returning `Infinity` or `NaN`.
 * @example minimize(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).x // ≈ [1, −2]
 */
function referenceMinimize(
  f: (x: readonly number[]) => number,
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
  const objective = (x: readonly number[]): number => {
    evaluations++;
    const value = f(x);
    return Number.isFinite(value) ? value : Infinity;
  };
  let best = { x: [...start], value: objective(start) };
  let iterations = 0;
  let converged = false;
  for (let run = 0; run <= maxRestarts; run++) {
    const result = nelderMeadRun(objective, best.x, step, fTolerance, xTolerance, maxIterations);
    iterations += result.iterations;
    const improvement = best.value - result.value;
    if (result.value <= best.value) best = { x: result.x, value: result.value };
    // A restart that finds (almost) nothing new confirms the optimum.
    if (run > 0 && result.converged && !(improvement > fTolerance)) {
      converged = true;
      break;
    }
  }
  return { x: best.x, value: best.value, converged, iterations, evaluations };
}

function nelderMeadRun(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  step: number,
  fTolerance: number,
  xTolerance: number,
  maxIterations: number,
): { x: number[]; value: number; converged: boolean; iterations: number } {
  const n = start.length;
  const alpha = 1;
  const gamma = 1 + 2 / n;
  const rho = 0.75 - 1 / (2 * n);
  const sigma = 1 - 1 / n;
  const points: number[][] = [[...start]];
  for (let i = 0; i < n; i++) {
    const point = [...start];
    point[i] += step;
    points.push(point);
  }
  const values = points.map(f);
  const order = points.map((_, i) => i);
  const centroid = new Array<number>(n);
  const along = (coefficient: number): number[] => {
    const worst = points[order[n]];
    return centroid.map((c, j) => c + coefficient * (c - worst[j]));
  };
  let iteration = 0;
  for (; iteration < maxIterations; iteration++) {
    order.sort((i, j) => values[i] - values[j]);
    const bestPoint = points[order[0]];
    const spreadF = values[order[n]] - values[order[0]];
    let spreadX = 0;
    for (const index of order)
      for (let j = 0; j < n; j++) spreadX = Math.max(spreadX, Math.abs(points[index][j] - bestPoint[j]));
    if (spreadF <= fTolerance && spreadX <= xTolerance) {
      return { x: [...bestPoint], value: values[order[0]], converged: true, iterations: iteration };
    }
    centroid.fill(0);
    for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) centroid[j] += points[order[k]][j] / n;
    const reflected = along(alpha);
    const fr = f(reflected);
    const fBest = values[order[0]];
    const fSecondWorst = values[order[n - 1]];
    const fWorst = values[order[n]];
    if (fr < fBest) {
      const expanded = along(alpha * gamma);
      const fe = f(expanded);
      replace(order[n], fe < fr ? expanded : reflected, Math.min(fe, fr));
    } else if (fr < fSecondWorst) {
      replace(order[n], reflected, fr);
    } else {
      const outside = fr < fWorst;
      const contracted = along(outside ? alpha * rho : -rho);
      const fc = f(contracted);
      if (fc < (outside ? fr : fWorst)) {
        replace(order[n], contracted, fc);
      } else {
        for (let k = 1; k <= n; k++) {
          const index = order[k];
          points[index] = points[index].map((v, j) => bestPoint[j] + sigma * (v - bestPoint[j]));
          values[index] = f(points[index]);
        }
      }
    }
  }
  order.sort((i, j) => values[i] - values[j]);
  return { x: [...points[order[0]]], value: values[order[0]], converged: false, iterations: iteration };

  function replace(index: number, point: number[], value: number): void {
    points[index] = point;
    values[index] = value;
  }
}

/** A quadratic bowl with a tilted valley, fenced (+∞) outside a box, or NaN along a strip. */
function objectiveOf(centre: readonly number[], scales: readonly number[], fence: number, flat: boolean) {
  return (x: ArrayLike<number>): number => {
    let sum = 0;
    for (let i = 0; i < centre.length; i++) {
      if (Math.abs(x[i]) > fence) return Infinity;
      const d = x[i] - centre[i];
      sum += scales[i] * d * d + (i > 0 ? 0.5 * d * (x[i - 1] - centre[i - 1]) : 0);
    }
    if (flat && x[0] > centre[0] + 1) return NaN;
    return sum;
  };
}

describe('minimizeSimplex', () => {
  it('takes the general Nelder–Mead’s every step: the same point, value and counts, to the bit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) =>
          fc.record({
            centre: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n, maxLength: n }),
            scales: fc.array(fc.double({ min: 0.5, max: 20, noNaN: true }), { minLength: n, maxLength: n }),
            start: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
          }),
        ),
        fc.double({ min: 1.5, max: 10, noNaN: true }),
        fc.boolean(),
        fc.record({
          step: fc.constantFrom(0.1, 0.5, 1),
          fTolerance: fc.constantFrom(1e-5, 1e-10),
          xTolerance: fc.constantFrom(1e-3, 1e-9),
          maxIterations: fc.constantFrom(5, 60, 800),
          maxRestarts: fc.constantFrom(0, 1, 6),
        }),
        ({ centre, scales, start }, fence, flat, options) => {
          const f = objectiveOf(centre, scales, fence, flat);
          expect(minimizeSimplex(f, start, options)).toEqual(referenceMinimize(f, start, options));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('minimises: the centre of a bowl', () => {
    const result = minimizeSimplex(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(-2, 6);
    expect(result.converged).toBe(true);
  });

  it('counts a start outside the region as +∞ and moves off it', () => {
    const result = minimizeSimplex((x) => (x[0] < 0 ? NaN : (x[0] - 2) ** 2), [-0.1], { step: 1 });
    expect(result.x[0]).toBeCloseTo(2, 6);
  });
});
