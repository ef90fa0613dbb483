/**
 * New customers in breakdowns: each is credited to the key of their first order row ever (earliest
 * day, then earliest row), so the keys add up to the total; per-channel CAC divides the channel's
 * spread spend by those customers, and spend no key receives is reported as unattributed.
 */
import fc from 'fast-check';
import { breakdown, OTHERS_KEY, unattributedNote } from '../../../src/core/analyses/breakdown';
import type { BreakdownResult } from '../../../src/core/analyses/breakdown';
import { computeMetric } from '../../../src/core/metrics';
import { filterInputs } from '../../../src/core/metrics/filter';
import { parsePeriodKey } from '../../../src/core/periods';
import { day, ordersTable, spendTable } from '../metrics/tables';

const march = parsePeriodKey('2024-03')!;
const asOf = day('2024-03-31');

/**
 * y: first order 10 Feb (Store), buys on the Web in March → new in no channel in March.
 * x: 2 Mar Web, then Store the same day (a later row) → new for Web.
 * z: 6 Mar Store; its 5 Mar Web row is a refund (never a first order) → new for Store.
 * w: 20 Mar (blank channel), listed first in the table although it is the latest row → new for (blank).
 * v: 7 Mar Social, its row listed after a 25 Mar Web row of v → new for Social.
 */
const orders = ordersTable({
  date: [
    '2024-03-20',
    '2024-02-10',
    '2024-03-02',
    '2024-03-02',
    '2024-03-05',
    '2024-03-06',
    '2024-03-09',
    '2024-03-25',
    '2024-03-07',
  ],
  customer: ['w', 'y', 'x', 'x', 'z', 'z', 'y', 'v', 'v'],
  amount: [10, 50, 20, 30, -5, 40, 60, 15, 25],
  dims: { channel: [null, 'Store', 'Web', 'Store', 'Web', 'Store', 'Web', 'Web', 'Social'] },
});

const valuesOf = (r: BreakdownResult) => Object.fromEntries(r.rows.map((row) => [row.key, row.values]));

describe('new customers credited to the key of their first order', () => {
  const ids = ['new_customers', 'customers', 'returning_customers'] as const;
  const r = breakdown({ orders }, { dimension: 'channel', period: march, asOf, ids });

  test('each new customer counts in one key only; returning customers keep their meaning', () => {
    expect(valuesOf(r)).toEqual({
      // Web's active customers are x, y and v (z's Web row is a refund); x is new there, v is new
      // for Social, y returns.
      Web: [1, 3, 1],
      Store: [1, 2, 0],
      Social: [1, 1, 0],
      '(blank)': [1, 1, 0],
    });
    expect(r.total.values).toEqual([4, 5, 1]);
  });

  test('the shares of new customers add up to 100 %', () => {
    const shares = r.rows.map((row) => row.share[0] as number);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  test('an "Others" row gathers the new customers of its keys', () => {
    const top = breakdown(
      { orders },
      { dimension: 'channel', period: march, asOf, ids, top: 1, sortBy: 'customers' },
    );
    expect(top.rows.map((row) => [row.key, row.values[0]])).toEqual([
      ['Web', 1],
      [OTHERS_KEY, 3],
    ]);
  });

  test('a scoped computation (a goal for one channel) uses the same rule', () => {
    const web = filterInputs({ orders }, { dimension: 'channel', keys: ['Web'] });
    expect(computeMetric('new_customers', web, march, { asOf })).toBe(1);
    const store = filterInputs({ orders }, { dimension: 'channel', keys: ['Store'] });
    expect(computeMetric('new_customers', store, march, { asOf })).toBe(1);
    // Filtering twice keeps the link to the whole table's first orders.
    const storeAgain = filterInputs(store, { orders: (i) => store.orders!.amount[i] > 0 });
    expect(computeMetric('new_customers', storeAgain, march, { asOf })).toBe(1);
  });

  test('the first order is judged as of the as-of day', () => {
    // As of 4 March, x is the only March newcomer.
    const early = breakdown(
      { orders },
      { dimension: 'channel', period: march, asOf: day('2024-03-04'), ids },
    );
    expect(early.rows.map((row) => [row.key, row.values[0]])).toEqual([
      ['Web', 1],
      ['Store', 0],
    ]);
  });
});

describe('per-channel CAC', () => {
  // March spend: Web 310, Store 620, TV 93 (no orders), blank 31 — monthly, dated the 1st.
  const spend = spendTable({
    date: ['2024-03-01', '2024-03-01', '2024-03-01', '2024-03-01', '2024-02-01'],
    spend: [310, 620, 93, 31, 290],
    channel: ['Web', 'Store', 'TV', '', 'Web'],
  });
  const ids = ['new_customers', 'cac'] as const;

  test('each channel: its spend to date over its new customers', () => {
    const r = breakdown(
      { orders, spend },
      { dimension: 'channel', period: march, asOf: day('2024-03-10'), ids },
    );
    const v = valuesOf(r);
    // As of 10 March: 10 of 31 days of each monthly spend. New: Web x, Store z, Social v.
    expect(v.Web[1]).toBeCloseTo(100 / 1, 9);
    expect(v.Store[1]).toBeCloseTo(200 / 1, 9);
    expect(v.Social[1]).toBe(0); // no Social spend
    expect(r.total.values[1]).toBeCloseTo(((310 + 620 + 93 + 31) * (10 / 31)) / 3, 9);
  });

  test('spend without a channel or in a channel with no orders is reported, not dropped', () => {
    const r = breakdown({ orders, spend }, { dimension: 'channel', period: march, asOf, ids });
    expect(r.unattributedSpend).toMatchObject({ keys: ['(blank)', 'TV'] });
    expect(r.unattributedSpend!.current).toBeCloseTo(93 + 31, 9);
    expect(r.unattributedSpend!.previous).toBe(0);
    expect(unattributedNote(r)).toBe(
      'by channel, 124.00 of spend in 2024-03 is in no row ((blank), TV): spend without a channel, or in a channel with no orders in 2024-02 or 2024-03; the total includes it',
    );
    expect(r.unattributedSpend!.reason).toBe(
      'spend without a channel, or in a channel with no orders in 2024-02 or 2024-03',
    );
    expect(valuesOf(r)['(blank)'][1]).toEqual({
      error: '#N/A',
      reason: 'spend without a channel is not attributed to any orders',
    });
  });

  test('all spend is unattributed by a dimension the spend table lacks', () => {
    const byRegion = ordersTable({
      date: ['2024-03-02'],
      customer: ['a'],
      amount: [5],
      dims: { region: ['North'] },
    });
    const r = breakdown({ orders: byRegion, spend }, { dimension: 'region', period: march, asOf, ids });
    expect(r.unattributedSpend).toMatchObject({ keys: [], reason: 'the spend table has no region column' });
    expect(r.unattributedSpend!.current).toBeCloseTo(310 + 620 + 93 + 31, 9);
    expect(r.unattributedSpend!.previous).toBeCloseTo(290, 9);
  });

  test('no marketing metric, no unattributed spend', () => {
    const r = breakdown({ orders, spend }, { dimension: 'channel', period: march, asOf, ids: ['revenue'] });
    expect(r.unattributedSpend).toBeUndefined();
  });
});

describe('property: keys add up to the total', () => {
  const row = fc.record({
    day: fc.integer({ min: day('2024-01-01'), max: day('2024-04-30') }),
    customer: fc.constantFrom('a', 'b', 'c', 'd', 'e', null),
    amount: fc.integer({ min: -20, max: 100 }),
    region: fc.constantFrom('N', 'S', 'E', null),
  });

  test('per-key new customers match a direct count by first order row and sum to the total', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 40 }),
        fc.constantFrom('2024-02', '2024-03', '2024-Q1', '2024-W10'),
        (rows, key) => {
          const t = ordersTable({
            date: rows.map((r) => r.day),
            customer: rows.map((r) => r.customer),
            amount: rows.map((r) => r.amount),
            dims: { region: rows.map((r) => r.region) },
          });
          const period = parsePeriodKey(key)!;
          const at = day('2024-04-15');
          // Direct count: each customer's first purchase row (earliest day, then earliest row).
          const first = new Map<string, number>();
          rows.forEach((r, i) => {
            if (r.customer === null || r.amount < 0) return;
            const best = first.get(r.customer);
            if (best === undefined || r.day < rows[best].day) first.set(r.customer, i);
          });
          const expected = new Map<string, number>();
          for (const i of first.values()) {
            const d = rows[i].day;
            if (d < period.start || d >= Math.min(period.end, at + 1)) continue;
            const k = rows[i].region ?? '(blank)';
            expected.set(k, (expected.get(k) ?? 0) + 1);
          }
          const r = breakdown(
            { orders: t },
            { dimension: 'region', period, asOf: at, ids: ['new_customers'] },
          );
          const got = new Map(r.rows.map((x) => [x.key, x.values[0] as number]));
          for (const [k, n] of expected) expect(got.get(k)).toBe(n);
          const sum = [...got.values()].reduce((a, b) => a + b, 0);
          expect(sum).toBe(r.total.values[0]);
          if (sum > 0) expect(r.rows.reduce((a, x) => a + (x.share[0] as number), 0)).toBeCloseTo(1, 12);
        },
      ),
    );
  });
});
