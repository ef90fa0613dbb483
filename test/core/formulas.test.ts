import {
  acquisitionCost, attainment, averageOrderValue, breakEven, cacPaybackMonths, forecastAccuracy, growthRate,
  grossMargin, historicClv, lifespanYears, ltvToCac, marketingRoi, pipelineVelocity,
} from '../../src/core/formulas';

describe('scalar formulas', () => {
  it('match the worked examples', () => {
    expect(historicClv(85, 3.2, 4)).toBeCloseTo(1088, 9);
    expect(historicClv(85, 3.2, 4, 0.5)).toBeCloseTo(544, 9);
    expect(growthRate(120, 100)).toBeCloseTo(0.2, 12);
    expect(averageOrderValue(1000, 8)).toBe(125);
    expect(grossMargin(1000, 600)).toBeCloseTo(0.4, 12);
    expect(acquisitionCost(5000, 50)).toBe(100);
    expect(ltvToCac(900, 300)).toBe(3);
    expect(cacPaybackMonths(600, 100, 0.5)).toBe(12);
    expect(marketingRoi(10000, 2000, 0.5)).toBe(1.5);
    expect(breakEven(10000, 50, 30)).toEqual({ units: 500, revenue: 25000 });
    expect(attainment(80, 100)).toBe(0.8);
    expect(pipelineVelocity(40, 0.25, 2000, 50)).toBe(400);
    expect(forecastAccuracy(100, 90)).toBeCloseTo(0.9, 12);
    expect(forecastAccuracy(100, 250)).toBe(0);
  });

  it('caps the lifespan and states errors as values', () => {
    expect(lifespanYears(0.25)).toBe(4);
    expect(lifespanYears(0)).toBe(10);
    expect(lifespanYears(0.01, 5)).toBe(5);
    expect(lifespanYears(1.5)).toEqual({ error: '#NUM!', reason: 'churn must lie between 0 and 1' });
    expect(growthRate(5, 0)).toEqual({ error: '#DIV/0!', reason: 'the previous value is 0' });
    expect(averageOrderValue(5, 0)).toMatchObject({ error: '#DIV/0!' });
    expect(breakEven(100, 10, 10)).toMatchObject({ error: '#NUM!' });
    expect(averageOrderValue(NaN, 1)).toMatchObject({ error: '#VALUE!' });
  });
});
