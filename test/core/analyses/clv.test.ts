import type { HistoricClvResult } from '../../../src/core/analyses/clv';
import { historicClvByCustomer } from '../../../src/core/analyses/clv';
import { daysFromCivil, parseDay } from '../../../src/core/periods';
import { makeOrders } from '../../support/orders';

const ROWS = [
  { date: '2025-03-01', amount: 100, customer: 'A' },
  { date: '2026-02-01', amount: 100, customer: 'A' },
  { date: '2026-08-01', amount: 200, customer: 'A' },
  { date: '2025-06-01', amount: 50, customer: 'B' }, // churned
  { date: '2026-05-01', amount: 300, customer: 'C' },
  { date: '2026-05-01', amount: -60, customer: 'C' }, // refund
  { date: '2025-11-01', amount: 80, customer: 'D' },
  { date: '2026-11-01', amount: 80, customer: 'D' },
  { date: '2026-03-01', amount: -10, customer: 'E' }, // refunds only
];
const AS_OF = parseDay('2026-12-31')!;
const tenureDays = (first: string) => AS_OF - parseDay(first)! + 1;

describe('historicClvByCustomer', () => {
  const result = historicClvByCustomer(makeOrders(ROWS), { asOf: AS_OF }) as HistoricClvResult;

  it('computes the overall CLV over the trailing year, by hand', () => {
    // Y = 2026: orders A 2, C 1, D 1 = 4; net revenue 100 + 200 + 300 − 60 + 80 − 10 = 610; customers 3.
    // 2025: A, B, D; retained A, D → churn 1/3, lifespan 3. CLV = 152.5 × 4/3 × 1 × 3 = 610.
    const { overall } = result;
    expect(overall.window).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(overall.aov).toBe(152.5);
    expect(overall.purchasesPerYear).toBeCloseTo(4 / 3, 14);
    expect(overall.margin).toBe(1);
    expect(overall.yearlyChurn).toBeCloseTo(1 / 3, 14);
    expect(overall.lifespanYears).toBeCloseTo(3, 12);
    expect(overall.clv).toBeCloseTo(610, 9);
  });

  it('computes each customer from their own aov and order rate, tenure at least a year', () => {
    const byId = new Map(result.customers.map((c) => [c.id, c]));
    expect([...byId.keys()]).toEqual(['A', 'B', 'C', 'D']);
    // clv = revenue / orders × orders / tenure × lifespan = revenue × 3 / tenure in years.
    expect(byId.get('A')!.clv).toBeCloseTo((400 * 3 * 365.25) / tenureDays('2025-03-01'), 9);
    expect(byId.get('B')!.clv).toBeCloseTo((50 * 3 * 365.25) / tenureDays('2025-06-01'), 9);
    expect(byId.get('C')).toEqual(expect.objectContaining({ orders: 1, revenue: 240, aov: 240, purchasesPerYear: 1 }));
    expect(byId.get('C')!.clv).toBeCloseTo(720, 9);
    expect(byId.get('D')!.clv).toBeCloseTo((160 * 3 * 365.25) / tenureDays('2025-11-01'), 9);
  });

  it('uses margins when costs exist and caps the lifespan', () => {
    const withCost = makeOrders([
      { date: '2025-06-01', amount: 100, cost: 60, customer: 'A' },
      { date: '2026-06-01', amount: 100, cost: 60, customer: 'A' },
    ]);
    const result2 = historicClvByCustomer(withCost, { asOf: daysFromCivil(2026, 12, 31), lifespanCapYears: 5 }) as HistoricClvResult;
    expect(result2.overall.margin).toBeCloseTo(0.4, 12);
    expect(result2.overall.yearlyChurn).toBe(0);
    expect(result2.overall.lifespanYears).toBe(5); // no churn: the cap
    expect(result2.overall.clv).toBeCloseTo(100 * 1 * 0.4 * 5, 9);
    expect(result2.customers[0].margin).toBeCloseTo(0.4, 12);
  });

  it('says why the overall CLV is missing without a year before the trailing one', () => {
    const young = historicClvByCustomer(makeOrders([{ date: '2026-06-01', amount: 10, customer: 'A' }]), { asOf: AS_OF }) as HistoricClvResult;
    expect(young.overall.yearlyChurn).toEqual({ error: '#DIV/0!', reason: 'no customers in the year before the trailing year' });
    expect(young.overall.clv).toEqual(young.overall.yearlyChurn);
    expect(young.customers[0].clv).toEqual(young.overall.yearlyChurn);
    expect(historicClvByCustomer(makeOrders([{ date: '2026-06-01', amount: 10 }]))).toEqual({ error: '#VALUE!', reason: 'the orders have no customer column' });
  });
});
