import fc from 'fast-check';
import { hyp2f1, lnGamma, logAddExp } from '../../../src/core/models/special';

describe('lnGamma', () => {
  it('matches known values', () => {
    expect(lnGamma(1)).toBe(0);
    expect(lnGamma(2)).toBe(0);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(lnGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 13);
    expect(lnGamma(0.1)).toBeCloseTo(2.252712651734206, 12);
    expect(lnGamma(101)).toBeCloseTo(363.73937555556347, 9); // ln 100!
    expect(lnGamma(1e-8)).toBeCloseTo(18.420680738180209, 7);
    expect(lnGamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 12);
  });

  it('has poles at non-positive integers and passes NaN', () => {
    expect(lnGamma(0)).toBe(Infinity);
    expect(lnGamma(-3)).toBe(Infinity);
    expect(lnGamma(NaN)).toBeNaN();
  });

  it('satisfies Γ(x+1) = x Γ(x)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 200, noNaN: true }), (x) => {
        const lhs = lnGamma(x + 1);
        expect(Math.abs(lhs - (Math.log(x) + lnGamma(x)))).toBeLessThan(1e-12 * Math.max(1, Math.abs(lhs)));
      }),
    );
  });
});

describe('hyp2f1', () => {
  it('matches closed forms', () => {
    // 2F1(1, 1; 2; z) = −ln(1 − z) / z
    for (const z of [0.1, 0.5, 0.9, 0.99]) expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 11);
    // 2F1(a, b; b; z) = (1 − z)^−a
    expect(hyp2f1(0.7, 3, 3, 0.8)).toBeCloseTo(Math.pow(0.2, -0.7), 11);
    // 2F1(½, ½; 3/2; z²) = arcsin(z) / z
    expect(hyp2f1(0.5, 0.5, 1.5, 0.25)).toBeCloseTo(Math.asin(0.5) / 0.5, 12);
    expect(hyp2f1(-2, 1, 1, 0.5)).toBeCloseTo(0.25, 14); // (1 − z)^2, a terminating series
  });

  it('is NaN outside the unit disc', () => {
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
    expect(hyp2f1(1, 1, -2, 0.5)).toBeNaN();
  });
});

describe('logAddExp', () => {
  it('is stable at extremes', () => {
    expect(logAddExp(-1000, -1000)).toBeCloseTo(-1000 + Math.log(2), 12);
    expect(logAddExp(1000, 0)).toBe(1000);
    expect(logAddExp(-Infinity, 3)).toBe(3);
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
  });
});
