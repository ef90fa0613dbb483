import fc from 'fast-check';
import { minimizeSimplex } from '../../../src/core/forecast/simplex';
import { minimize } from '../../../src/core/models/nelder-mead';

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
          expect(minimizeSimplex(f, start, options)).toEqual(minimize(f, start, options));
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
