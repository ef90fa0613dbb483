/**
 * `pipelineForecast` with the orders' revenue given by a provider (as the SQL route adds it up in
 * the database: per rep name and range, the total the sum of those) equals the forecast over the
 * orders in memory, for any orders; and the default provider is the orders in memory.
 */
import fc from 'fast-check';
import type { Goal } from '../../../src/core/goals';
import { ingestOrders } from '../../../src/core/ingest';
import { parsePeriodKey } from '../../../src/core/periods';
import type { OrdersRevenue } from '../../../src/core/pipeline';
import { ordersRevenueOf, pipelineForecast, repKey } from '../../../src/core/pipeline';
import type { OrdersTable } from '../../../src/core/table';
import { dictValue } from '../../../src/core/table';
import { AS_OF, day, fixture } from './fixture';

function revenueGoal(target: number, rep?: string): Goal {
  return {
    id: `revenue|2026-Q1${rep ? `|rep=${rep}` : ''}`,
    metric: 'revenue',
    period: parsePeriodKey('2026-Q1')!,
    target,
    ...(rep ? { scope: { rep } } : {}),
    basis: { kind: 'number' },
  };
}

const GOALS = [revenueGoal(10000), revenueGoal(4000, 'Ann'), revenueGoal(3000, 'bob')];
const calendar = parsePeriodKey('2026')!.calendar;

/** The revenue as a database gives it: sums per rep name over a range, the total their sum. */
function summed(orders: OrdersTable): OrdersRevenue {
  const names = (start: number, end: number) => {
    const out = new Map<string, number>();
    for (let i = 0; i < orders.length; i++) {
      const d = Math.floor(orders.date[i]);
      if (d < start || d >= end) continue;
      const name = orders.dimensions.rep ? (dictValue(orders.dimensions.rep, i) ?? '') : '';
      out.set(name, (out.get(name) ?? 0) + orders.amount[i]);
    }
    return out;
  };
  return {
    total: (start, end) => [...names(start, end).values()].reduce((a, b) => a + b, 0),
    byRep: (start, end) => {
      const out = new Map<string, number>();
      for (const [name, sum] of names(start, end)) out.set(repKey(name), (out.get(repKey(name)) ?? 0) + sum);
      return out;
    },
    reps: (start, end) => [...names(start, end).keys()].filter((name) => name !== ''),
  };
}

const close = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number'
    ? Object.is(a, b) || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))
    : JSON.stringify(a) === JSON.stringify(b);

function sameForecast(a: unknown, b: unknown, path = ''): string[] {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      sameForecast((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`),
    );
  }
  return close(a, b) ? [] : [`${path}: ${JSON.stringify(a)} | ${JSON.stringify(b)}`];
}

const orderRow = fc.tuple(
  fc.integer({ min: day('2025-12-01'), max: day('2026-03-31') }),
  fc.integer({ min: -500, max: 5000 }),
  fc.constantFrom('Ann', 'ann ', 'Bob', 'Cy', ''),
);

describe('pipelineForecast with the orders revenue given', () => {
  it('equals the forecast over the orders in memory', () => {
    fc.assert(
      fc.property(fc.array(orderRow, { minLength: 1, maxLength: 40 }), (rows) => {
        const cells = [
          ['Date', 'Amount', 'Rep'],
          ...rows.map(([d, amount, rep]) => [d + 25569, amount / 4, rep]),
        ];
        const orders = ingestOrders(cells).table!;
        const quotas = { goals: GOALS, teamGoals: GOALS.slice(0, 1) };
        const memory = pipelineForecast({ orders, pipeline: fixture() }, quotas, AS_OF, calendar);
        const given = pipelineForecast({ pipeline: fixture() }, quotas, AS_OF, calendar, {}, summed(orders));
        expect(sameForecast(memory, given)).toEqual([]);
        const explicit = pipelineForecast(
          { orders, pipeline: fixture() },
          quotas,
          AS_OF,
          calendar,
          {},
          ordersRevenueOf(orders),
        );
        expect(explicit).toEqual(memory);
      }),
      { numRuns: 60 },
    );
  });
});
