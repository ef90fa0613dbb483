import fc from 'fast-check';
import {
  discountPolynomial,
  isAdmissible,
  isFeasible,
  rootsInsideUnitCircle,
  withinUsualBounds,
} from '../../../src/core/forecast/admissible';
import type { ModelSpec, SmoothingParams } from '../../../src/core/forecast/model';

/** Coefficients (constant first) of Π (z − r) over real roots and complex pairs a ± bi. */
function polynomialFromRoots(real: readonly number[], pairs: readonly [number, number][]): number[] {
  let poly = [1];
  const times = (factor: number[]) => {
    const out = new Array<number>(poly.length + factor.length - 1).fill(0);
    poly.forEach((p, i) => factor.forEach((f, j) => (out[i + j] += p * f)));
    poly = out;
  };
  for (const r of real) times([-r, 1]);
  for (const [a, b] of pairs) times([a * a + b * b, -2 * a, 1]);
  return poly;
}

/** det(A) by Gaussian elimination with partial pivoting. */
function determinant(matrix: number[][]): number {
  const a = matrix.map((row) => [...row]);
  const n = a.length;
  let det = 1;
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    if (a[pivot][c] === 0) return 0;
    if (pivot !== c) (([a[pivot], a[c]] = [a[c], a[pivot]]), (det = -det));
    det *= a[c][c];
    for (let r = c + 1; r < n; r++) {
      const f = a[r][c] / a[c][c];
      for (let k = c; k < n; k++) a[r][k] -= f * a[c][k];
    }
  }
  return det;
}

/**
 * D = F − g w′ of the book's state space form (Hyndman et al. 2008, ch. 3) for the state
 * (ℓ, b, s_t, s_{t−1}, …, s_{t−m+1}), written out as matrices.
 */
function discountMatrix(spec: ModelSpec, m: number, p: SmoothingParams): number[][] {
  const trended = spec.trend !== 'N';
  const seasonal = spec.season !== 'N';
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const size = 1 + (trended ? 1 : 0) + (seasonal ? m : 0);
  const F = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const w = new Array<number>(size).fill(0);
  const g = new Array<number>(size).fill(0);
  F[0][0] = 1;
  w[0] = 1;
  g[0] = p.alpha;
  const s = trended ? 2 : 1;
  if (trended) {
    F[0][1] = phi;
    F[1][1] = phi;
    w[1] = phi;
    g[1] = p.beta;
  }
  if (seasonal) {
    F[s][s + m - 1] = 1;
    for (let j = 1; j < m; j++) F[s + j][s + j - 1] = 1;
    w[s + m - 1] = 1;
    g[s] = p.gamma;
  }
  return F.map((row, i) => row.map((f, j) => f - g[i] * w[j]));
}

const evaluate = (coefficients: readonly number[], z: number) =>
  coefficients.reduceRight((sum, c) => sum * z + c, 0);

describe('rootsInsideUnitCircle', () => {
  it('tells polynomials with known roots apart', () => {
    expect(rootsInsideUnitCircle([-0.45, 0.4, 1])).toBe(true); // (z − 0.5)(z + 0.9)
    expect(rootsInsideUnitCircle([0, -1.1, 1])).toBe(false); // z (z − 1.1)
    expect(rootsInsideUnitCircle([0.81, 0, 1])).toBe(true); // ±0.9i
    expect(rootsInsideUnitCircle([1.21, 0, 1])).toBe(false); // ±1.1i
    expect(rootsInsideUnitCircle(polynomialFromRoots([0.99, 0.99, -0.99], []))).toBe(true);
    expect(rootsInsideUnitCircle([3])).toBe(true); // no roots
    expect(rootsInsideUnitCircle([-0.45, 0.4, 1, 0, 0])).toBe(true); // zero leading terms dropped
  });

  it('agrees with the largest root modulus on random polynomials (roots kept off the circle)', () => {
    const modulus = fc.oneof(
      fc.double({ min: 0, max: 0.95, noNaN: true }),
      fc.double({ min: 1.05, max: 3, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(modulus, fc.boolean()), { maxLength: 4 }),
        fc.array(fc.tuple(modulus, fc.double({ min: 0, max: Math.PI, noNaN: true })), { maxLength: 6 }),
        (reals, pairs) => {
          const realRoots = reals.map(([r, negative]) => (negative ? -r : r));
          const complex = pairs.map(
            ([r, angle]) => [r * Math.cos(angle), r * Math.sin(angle)] as [number, number],
          );
          const largest = Math.max(0, ...reals.map(([r]) => r), ...pairs.map(([r]) => r));
          expect(rootsInsideUnitCircle(polynomialFromRoots(realRoots, complex))).toBe(largest < 1);
        },
      ),
    );
  });
});

describe('discountPolynomial', () => {
  const specs: ModelSpec[] = (['N', 'A', 'Ad'] as const).flatMap((trend) =>
    (['N', 'A'] as const).map((season) => ({ error: 'A' as const, trend, season })),
  );

  it('is det(zI − D) of the book’s matrices, without the seasonal models’ root at 1', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...specs),
        fc.integer({ min: 2, max: 12 }),
        fc.record({
          alpha: fc.double({ min: 0, max: 1.5, noNaN: true }),
          beta: fc.double({ min: 0, max: 1, noNaN: true }),
          gamma: fc.double({ min: 0, max: 1, noNaN: true }),
          phi: fc.double({ min: 0.5, max: 1, noNaN: true }),
        }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (spec, m, p, z) => {
          const seasonal = spec.season !== 'N';
          const D = discountMatrix(spec, m, p);
          const zMinusD = D.map((row, i) => row.map((d, j) => (i === j ? z : 0) - d));
          const expected = determinant(zMinusD);
          const actual = evaluate(discountPolynomial(spec, m, p), z) * (seasonal ? z - 1 : 1);
          expect(Math.abs(actual - expected)).toBeLessThan(1e-9 * Math.max(1, Math.abs(expected)) + 1e-9);
        },
      ),
    );
  });
});

describe('the parameter region', () => {
  const ANN: ModelSpec = { error: 'A', trend: 'N', season: 'N' };
  const AAN: ModelSpec = { error: 'A', trend: 'A', season: 'N' };
  const AAA: ModelSpec = { error: 'A', trend: 'A', season: 'A' };
  const p = (alpha: number, beta = 0, gamma = 0, phi = 1): SmoothingParams => ({ alpha, beta, gamma, phi });

  it('admits what fpp3 §8.6 states: ETS(A,N,N) for 0 < α < 2, ETS(A,A,N) for 0 < α < 2 and 0 < β < 4 − 2α', () => {
    expect(isAdmissible(ANN, 1, p(1.5))).toBe(true);
    expect(isAdmissible(ANN, 1, p(2.1))).toBe(false);
    expect(isAdmissible(ANN, 1, p(-0.1))).toBe(false);
    expect(isAdmissible(AAN, 1, p(1.5, 0.9))).toBe(true);
    expect(isAdmissible(AAN, 1, p(1.5, 1.1))).toBe(false); // β above 4 − 2α = 1
    expect(isAdmissible(AAN, 1, p(0.5, -0.1))).toBe(false);
  });

  it('keeps the usual bounds: 10⁻⁴ ≤ β ≤ α, γ ≤ 1 − α, 0.8 ≤ φ ≤ 0.98', () => {
    expect(withinUsualBounds(AAA, p(0.5, 0.2, 0.3))).toBe(true);
    expect(withinUsualBounds(AAA, p(0.5, 0.6, 0.3))).toBe(false);
    expect(withinUsualBounds(AAA, p(0.5, 0.2, 0.6))).toBe(false);
    expect(withinUsualBounds(AAA, p(0.5, 0.00001, 0.3))).toBe(false);
    expect(withinUsualBounds({ ...AAA, trend: 'Ad' }, p(0.5, 0.2, 0.3, 0.99))).toBe(false);
    expect(withinUsualBounds({ ...AAA, trend: 'Ad' }, p(0.5, 0.2, 0.3, 0.9))).toBe(true);
    // Inside the usual bounds yet outside the admissible region for monthly data: D's eigenvalues
    // for m = 12 reach 1.042 in modulus (for m = 4 they stay below 0.711).
    expect(withinUsualBounds(AAA, p(0.2, 0.19, 0.79))).toBe(true);
    expect(isFeasible(AAA, 4, p(0.2, 0.19, 0.79))).toBe(true);
    expect(isFeasible(AAA, 12, p(0.2, 0.19, 0.79))).toBe(false);
  });
});

describe('isFeasible', () => {
  const specs: ModelSpec[] = (['N', 'A', 'Ad'] as const).flatMap((trend) =>
    (['N', 'A', 'M'] as const).map((season) => ({ error: 'A' as const, trend, season })),
  );
  // Parameters around and across the usual bounds, edges included.
  const unit = fc.oneof(
    fc.double({ min: -0.1, max: 1.1, noNaN: true }),
    fc.constantFrom(1e-4, 0.9999, 0, 1, 0.5),
  );
  const params = fc.record({
    alpha: unit,
    beta: unit,
    gamma: unit,
    phi: fc.oneof(fc.double({ min: 0.75, max: 1.02, noNaN: true }), fc.constantFrom(0.8, 0.98)),
  });

  it('is the usual bounds and the admissible region together, for every model and season length', () => {
    fc.assert(
      fc.property(fc.constantFrom(...specs), fc.integer({ min: 1, max: 53 }), params, (spec, m, p) => {
        expect(isFeasible(spec, m, p)).toBe(withinUsualBounds(spec, p) && isAdmissible(spec, m, p));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the non-seasonal models admissible wherever the usual bounds hold', () => {
    fc.assert(
      fc.property(fc.constantFrom(...specs.filter((s) => s.season === 'N')), params, (spec, p) => {
        if (withinUsualBounds(spec, p)) expect(isAdmissible(spec, 1, p)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same answer after a longer season used its buffers', () => {
    const AAA: ModelSpec = { error: 'A', trend: 'A', season: 'A' };
    const p = { alpha: 0.2, beta: 0.19, gamma: 0.79, phi: 1 };
    expect(isFeasible(AAA, 4, p)).toBe(true);
    expect(isFeasible(AAA, 52, { alpha: 0.2, beta: 0.01, gamma: 0.1, phi: 1 })).toBe(
      isAdmissible(AAA, 52, { alpha: 0.2, beta: 0.01, gamma: 0.1, phi: 1 }),
    );
    expect(isFeasible(AAA, 4, p)).toBe(true);
    expect(isFeasible(AAA, 12, p)).toBe(false);
  });
});
