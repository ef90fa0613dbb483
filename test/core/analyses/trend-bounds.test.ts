/**
 * A straight line cut back to what the metric can be: a falling line forecasts no negative count,
 * a rising share never passes 100 %.
 */
import { trend, possibleRange } from '../../../src/core/analyses/trend';
import { daysFromCivil } from '../../../src/core/periods';
import { ordersTable } from '../metrics/tables';

const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return daysFromCivil(y, m, d);
};

/** One order per customer and day, `perMonth[i]` new customers in month i of 2026. */
function orders(perMonth: readonly number[]) {
  const date: string[] = [];
  const amount: number[] = [];
  const customer: string[] = [];
  perMonth.forEach((n, m) => {
    for (let k = 0; k < n; k++) {
      date.push(`2026-${String(m + 1).padStart(2, '0')}-01`);
      amount.push(100);
      customer.push(`c${m}-${k}`);
    }
  });
  return { orders: ordersTable({ date, amount, customer }) };
}

describe('trend forecasts stay within what a metric can be', () => {
  it('a falling line forecasts no negative new customers for the days left or the months ahead', () => {
    // New customers 12, 8, 4 in Jan–Mar: the line reads 0 in April and −4 in May; as of 2026-04-10
    // April to date has none, so FC = 0 + max(0, line 0) × 20/30 = 0, not a negative count.
    const t = trend('new_customers', orders([12, 8, 4]), {
      asOf: day('2026-04-10'),
      unit: 'month',
      count: 4,
      horizon: 2,
    });
    expect(t.fit?.slope).toBeCloseTo(-4, 10);
    expect(t.current?.forecast).toBe(0);
    expect(t.forecast.map((p) => p.value)).toEqual([0, 0]);
  });

  it('the cut is said in the method text', () => {
    const t = trend('new_customers', orders([30, 20, 10, 0]), {
      asOf: day('2026-05-10'),
      unit: 'month',
      count: 5,
      horizon: 1,
    });
    // Line at May (x = 4): 30 − 10 × 4 = −10, cut back to 0.
    expect(t.current?.forecast).toBe(0);
    expect(t.current?.method).toContain('cut back from -10.00 to what new_customers can be');
  });

  it('ranges per metric', () => {
    expect(possibleRange('repeat_rate')).toEqual([0, 1]);
    expect(possibleRange('churn_rate')).toEqual([0, 1]);
    expect(possibleRange('gross_margin')).toEqual([-Infinity, 1]);
    expect(possibleRange('marketing_roi')).toEqual([-1, Infinity]);
    expect(possibleRange('revenue')).toEqual([0, Infinity]);
  });
});
