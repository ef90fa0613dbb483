import { minimize } from '../../../src/core/models/nelder-mead';

describe('minimize', () => {
  it('finds the minimum of the Rosenbrock valley', () => {
    const result = minimize(([x, y]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
  });

  it('minimises a 4-dimensional quadratic and treats NaN as +∞', () => {
    const target = [1, -2, 3, 0.5];
    const f = (x: Float64Array) =>
      x[0] < -5 ? NaN : x.reduce((s, v, i) => s + (i + 1) * (v - target[i]) ** 2, 0);
    const result = minimize(f, [0, 0, 0, 0]);
    result.x.forEach((v, i) => expect(v).toBeCloseTo(target[i], 5));
  });
});
