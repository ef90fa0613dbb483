import { CustomFunctionsError, col, serial } from './setup';
import fc from 'fast-check';
import { IMPLEMENTATIONS as F } from '../../src/functions/registry';
import { numericRevenue } from '../../src/functions/fast-sum';

/** The value, or the error code, of a call. */
function outcome(fn: () => number): number | string {
  try {
    return Math.round(fn() * 1e6) / 1e6;
  } catch (error) {
    return (error as CustomFunctionsError).code;
  }
}

describe('SALES.REVENUE on plain number columns', () => {
  it('takes the fast route only for serials, numbers and blanks', () => {
    expect(numericRevenue(col(serial('2026-01-05'), '', serial('2026-01-06')), col(10, 7, 5), undefined, undefined)).toBe(15);
    expect(numericRevenue(col('2026-01-05'), col(10), undefined, undefined)).toBeUndefined();
    expect(numericRevenue(col(20260105), col(10), undefined, undefined)).toBeUndefined();
    expect(numericRevenue(col('', ''), col('', ''), undefined, undefined)).toBeUndefined();
    expect(numericRevenue([[1, 2]], [[3, 4]], undefined, undefined)).toBeUndefined();
  });

  it('agrees with the metric engine on random columns with blanks and refunds', () => {
    const cell = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 45000, max: 45800 }), fc.double({ min: -500, max: 5000, noNaN: true })) },
      { weight: 1, arbitrary: fc.tuple(fc.constant(''), fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 9 }))) },
      { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 45000, max: 45800 }), fc.constant('')) },
    );
    const period = fc.constantFrom(null, 'day', 'week', 'month', 'quarter', 'year');
    const asOf = fc.oneof(fc.constant(null), fc.integer({ min: 44900, max: 45900 }));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 40 }), period, asOf, (rows, p, day) => {
        const dates = rows.map((r) => [r[0]]);
        const amounts = rows.map((r) => [r[1]]);
        const viaEngine = outcome(() => F.METRIC('revenue', dates, amounts, null, p, day));
        expect(outcome(() => F.REVENUE(dates, amounts, p, day))).toEqual(viaEngine);
      }),
      { numRuns: 300 },
    );
  });
});
