/**
 * Order-line data (several rows per order, refunds as lines of their own, costs per line): with
 * order ids, amounts and costs the functions give the dashboard's figures. Expected values are
 * worked out by hand on a small table, and on the bundled sample by adding up its rows per order
 * here, in the test, without the engine.
 */
import { join } from 'path';
import ExcelJS from 'exceljs';
import { col, expectExcelError, serial } from './setup';
import { IMPLEMENTATIONS as F } from '../../src/functions/registry';

// Rows (date, order id, customer, amount, cost):
//  2025-11-10 P1 a 100 50 | 2025-11-12 P2 b 100 50 | 2025-11-15 P3 c 100 50 | 2025-11-20 P4 d 100 50
//  2026-10-28 O9 c 80 40
//  2026-11-02 O1 a 100 60 | 2026-11-02 O1 a 50 20          (one order, two lines)
//  2026-11-03 O2 b 200 120
//  2026-11-04 O9 c −80 −40                                  (refund of October's order: c buys nothing in November)
//  2026-11-10 (blank id) a 30 (no cost)                     (a row without an id is an order of its own)
//  2026-11-15 O5 e 40 10 | 2026-11-15 O5 e 60 30           (e's first and only order, two lines)
//  2026-11-20 O3 b 10 5 | 20 5 | 30 5                       (one order, three lines)
//  2026-11-25 O2 b −40 −24                                  (partial refund of O2)
//  2026-12-03 O4 a 70 30
const ROWS: [string, string, string, number, number | ''][] = [
  ['2025-11-10', 'P1', 'a', 100, 50],
  ['2025-11-12', 'P2', 'b', 100, 50],
  ['2025-11-15', 'P3', 'c', 100, 50],
  ['2025-11-20', 'P4', 'd', 100, 50],
  ['2026-10-28', 'O9', 'c', 80, 40],
  ['2026-11-02', 'O1', 'a', 100, 60],
  ['2026-11-02', 'O1', 'a', 50, 20],
  ['2026-11-03', 'O2', 'b', 200, 120],
  ['2026-11-04', 'O9', 'c', -80, -40],
  ['2026-11-10', '', 'a', 30, ''],
  ['2026-11-15', 'O5', 'e', 40, 10],
  ['2026-11-15', 'O5', 'e', 60, 30],
  ['2026-11-20', 'O3', 'b', 10, 5],
  ['2026-11-20', 'O3', 'b', 20, 5],
  ['2026-11-20', 'O3', 'b', 30, 5],
  ['2026-11-25', 'O2', 'b', -40, -24],
  ['2026-12-03', 'O4', 'a', 70, 30],
];
const D = col(...ROWS.map((r) => serial(r[0])));
const O = col(...ROWS.map((r) => r[1]));
const C = col(...ROWS.map((r) => r[2]));
const A = col(...ROWS.map((r) => r[3]));
const K = col(...ROWS.map((r) => r[4]));
const NOV = serial('2026-11-30');

describe('order lines on a hand-made table (November 2026)', () => {
  // Revenue 100+50+200−80+30+40+60+10+20+30−40 = 420. Orders: O1, O2, the blank-id row, O5, O3 = 5
  // (O9's refund alone makes no order). Purchase lines: 9. Customers with a purchase: a, b, e.
  it('SALES.METRIC counts orders by id and takes margins from costs', () => {
    expect(F.METRIC('revenue', D, A, C, 'month', NOV, O, K)).toBeCloseTo(420, 9);
    expect(F.METRIC('orders', D, A, C, 'month', NOV, O, K)).toBe(5);
    expect(F.METRIC('aov', D, A, C, 'month', NOV, O, K)).toBeCloseTo(84, 9);
    expect(F.METRIC('purchase_frequency', D, A, C, 'month', NOV, O, K)).toBeCloseTo(5 / 3, 12);
    // e has one order of two lines: not a repeat buyer; a and b are.
    expect(F.METRIC('repeat_rate', D, A, C, 'month', NOV, O, K)).toBeCloseTo(2 / 3, 12);
    // Rows with a cost (all but the blank-id row): revenue 390, cost 60+20+120−40+10+30+5+5+5−24 = 191.
    expect(F.METRIC('gross_margin', D, A, C, 'month', NOV, O, K)).toBeCloseTo(199 / 390, 12);
    // Trailing year 2025-12-01..2026-11-30: revenue 80 + 420 = 500 over c, a, b, e (4 customers);
    // the year before had a, b, c, d, of whom a, b, c bought again: churn 1/4, lifespan 4 years;
    // margin (470 − 231) / 470. CLV = 500 / 4 × 239/470 × 4.
    expect(F.METRIC('clv', D, A, C, 'month', NOV, O, K)).toBeCloseTo((500 * 239) / 470, 9);
    // Without costs, CLV uses margin 1 (what the cell gave before costs could be passed).
    expect(F.METRIC('clv', D, A, C, 'month', NOV, O, null)).toBeCloseTo(500, 9);
    // Without order ids each purchase line is an order.
    expect(F.METRIC('orders', D, A, C, 'month', NOV)).toBe(9);
    expect(F.METRIC('aov', D, A, C, 'month', NOV)).toBeCloseTo(420 / 9, 12);
    expect(F.METRIC('repeat_rate', D, A, C, 'month', NOV)).toBe(1);
    // December to date: O4 only.
    expect(F.METRIC('aov', D, A, C, 'month', serial('2026-12-05'), O, K)).toBe(70);
  });

  it('SALES.CUSTOMERS, FREQUENCY, REPEATRATE, ORDERS, RETENTION, CHURN, NEWCUSTOMERS with amounts and order ids', () => {
    expect(F.CUSTOMERS(D, C, 'month', NOV, A)).toBe(3);
    expect(F.CUSTOMERS(D, C, 'month', NOV)).toBe(4); // c's refund line read as a purchase
    expect(F.FREQUENCY(D, C, 'month', NOV, A, O)).toBeCloseTo(5 / 3, 12);
    expect(F.FREQUENCY(D, C, 'month', NOV, A)).toBe(3); // 9 purchase lines ÷ 3 customers
    expect(F.FREQUENCY(D, C, 'month', NOV)).toBe(11 / 4); // every row an order of a customer
    expect(F.REPEATRATE(D, C, 'month', NOV, A, O)).toBeCloseTo(2 / 3, 12);
    expect(F.ORDERS(D, O, 'month', NOV, A)).toBe(5);
    expect(F.ORDERS(D, O, 'month', NOV)).toBe(6); // O9's refund line read as an order
    // October's only customer, c, bought nothing in November (a refund is not a purchase).
    expect(F.RETENTION(D, C, 'month', NOV, A)).toBe(0);
    expect(F.CHURN(D, C, 'month', NOV, A)).toBe(1);
    expect(F.RETENTION(D, C, 'month', NOV)).toBe(1);
    expect(F.NEWCUSTOMERS(D, C, 'month', NOV, A)).toBe(1); // e
    // The named functions and SALES.METRIC agree.
    expect(F.CUSTOMERS(D, C, 'month', NOV, A)).toBe(F.METRIC('customers', D, A, C, 'month', NOV, O, K));
  });

  it('each row without an order id is an order of its own', () => {
    const dates = col(serial('2026-03-02'), serial('2026-03-02'), serial('2026-03-02'), serial('2026-03-03'));
    const ids = col('', '', 'X', 'X');
    const amounts = col(10, 20, 30, 40);
    const customers = col('a', 'a', 'a', 'a');
    expect(F.ORDERS(dates, ids, null, null)).toBe(3);
    expect(F.METRIC('aov', dates, amounts, null, null, null, ids)).toBeCloseTo(100 / 3, 12);
    expect(F.FREQUENCY(dates, customers, null, null, amounts, ids)).toBe(3);
  });

  it('ranges of different lengths are #VALUE! naming them, never an exception', () => {
    const short = col(1, 2);
    expectExcelError(
      () => F.METRIC('aov', D, A, C, 'month', NOV, short, K),
      '#VALUE!',
      `dates has ${ROWS.length} rows but orderIds has 2`,
    );
    expectExcelError(() => F.METRIC('clv', D, A, C, 'month', NOV, O, short), '#VALUE!', 'costs has 2');
    expectExcelError(() => F.CUSTOMERS(D, C, 'month', NOV, short), '#VALUE!', 'amounts has 2');
    expectExcelError(() => F.FREQUENCY(D, C, 'month', NOV, A, short), '#VALUE!', 'orderIds has 2');
    expectExcelError(() => F.REPEATRATE(D, C, 'month', NOV, short, O), '#VALUE!', 'amounts has 2');
    expectExcelError(() => F.ORDERS(D, O, 'month', NOV, short), '#VALUE!', 'amounts has 2');
    expectExcelError(() => F.BREAKDOWN(C, A, 'aov', D, 'month', NOV, short), '#VALUE!', 'orderIds has 2');
    expectExcelError(
      () => F.METRIC('gross_margin', D, A, C, 'month', NOV, O, null),
      '#VALUE!',
      'costs: gross_margin needs the costs column',
    );
    expectExcelError(
      () =>
        F.METRIC(
          'aov',
          D,
          A,
          C,
          'month',
          NOV,
          ROWS.map(() => ['x', 'y']),
          K,
        ),
      '#VALUE!',
      'orderIds',
    );
  });

  it('costs that cannot be read leave the row without a cost; the row still counts for revenue', () => {
    const costs = col(...ROWS.map((r, i) => (i === 5 ? 'n/a' : r[4])));
    // Row 6 (O1's 100, cost 60) loses its cost: revenue with a cost 290, cost 131.
    expect(F.METRIC('gross_margin', D, A, C, 'month', NOV, O, costs)).toBeCloseTo((290 - 131) / 290, 12);
    expect(F.METRIC('revenue', D, A, C, 'month', NOV, O, costs)).toBeCloseTo(420, 9);
  });
});

/** The sample's Orders sheet as Excel passes its columns (dates as serials). */
async function sampleColumns(): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(__dirname, '../../samples/sales-sample.xlsx'));
  const sheet = workbook.getWorksheet('Orders')!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const columns: Record<string, unknown[][]> = Object.fromEntries(header.map((h) => [h, []]));
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    header.forEach((h, c) => {
      let value = row.getCell(c + 1).value as unknown;
      if (value instanceof Date) value = value.getTime() / 86400000 + 25569;
      columns[h].push([value ?? '']);
    });
  });
  return columns;
}

interface Expected {
  revenue: number;
  orders: number;
  lines: number;
  customers: number;
  repeat: number;
  margin: number;
}

/** Figures of the days [start, end] (serials) by adding up rows and orders here. */
function expectedFigures(s: Record<string, unknown[][]>, start: number, end: number): Expected {
  const n = s['Order Date'].length;
  let revenue = 0;
  let cost = 0;
  let lines = 0;
  const orders = new Set<unknown>();
  const customers = new Set<unknown>();
  // Each customer's orders with the day of their first purchase line, up to `end`.
  const firstLine = new Map<unknown, Map<unknown, number>>();
  for (let i = 0; i < n; i++) {
    const day = Math.floor(s['Order Date'][i][0] as number);
    const amount = s.Amount[i][0] as number;
    const id = s['Order ID'][i][0];
    const customer = s.Customer[i][0];
    if (day > end) continue;
    if (amount >= 0) {
      const own = firstLine.get(customer) ?? new Map<unknown, number>();
      own.set(id, Math.min(own.get(id) ?? Infinity, day));
      firstLine.set(customer, own);
    }
    if (day < start) continue;
    revenue += amount;
    cost += s.Cost[i][0] as number;
    if (amount < 0) continue;
    lines++;
    orders.add(id);
    customers.add(customer);
  }
  let repeat = 0;
  for (const customer of customers) if (firstLine.get(customer)!.size >= 2) repeat++;
  return {
    revenue,
    orders: orders.size,
    lines,
    customers: customers.size,
    repeat: repeat / customers.size,
    margin: (revenue - cost) / revenue,
  };
}

/** Trailing-year CLV (docs/metrics.md) ending with the day `end` (a serial), by hand. */
function expectedClv(s: Record<string, unknown[][]>, end: number, withCost: boolean): number {
  const yearBefore = (day: number) => {
    const d = new Date((day - 25569) * 86400000);
    return Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate()) / 86400000 + 25569;
  };
  const stop = end + 1;
  const start = yearBefore(stop);
  const previousStart = yearBefore(start);
  let revenue = 0;
  let cost = 0;
  const current = new Set<unknown>();
  const previous = new Set<unknown>();
  for (let i = 0; i < s['Order Date'].length; i++) {
    const day = Math.floor(s['Order Date'][i][0] as number);
    const amount = s.Amount[i][0] as number;
    if (day >= start && day < stop) {
      revenue += amount;
      cost += s.Cost[i][0] as number;
      if (amount >= 0) current.add(s.Customer[i][0]);
    } else if (day >= previousStart && day < start && amount >= 0) previous.add(s.Customer[i][0]);
  }
  let retained = 0;
  for (const c of previous) if (current.has(c)) retained++;
  const churn = 1 - retained / previous.size;
  const lifespan = churn === 0 ? 10 : Math.min(1 / churn, 10);
  const margin = withCost ? (revenue - cost) / revenue : 1;
  return (revenue / current.size) * margin * lifespan;
}

describe('the bundled sample through the functions, as the dashboard reads it', () => {
  let s: Record<string, unknown[][]>;
  beforeAll(async () => {
    s = await sampleColumns();
  });

  it.each([
    ['November 2026', serial('2026-11-01'), serial('2026-11-30')],
    ['December 2026 to the 5th', serial('2026-12-01'), serial('2026-12-05')],
  ])('%s', (_, start, end) => {
    const e = expectedFigures(s, start, end);
    const [D, A, C, O, K] = [s['Order Date'], s.Amount, s.Customer, s['Order ID'], s.Cost];
    const m = (id: string, ids: unknown = O, costs: unknown = K) =>
      F.METRIC(id, D, A, C, 'month', end, ids, costs);
    expect(m('revenue')).toBeCloseTo(e.revenue, 6);
    expect(m('orders')).toBe(e.orders);
    expect(m('aov')).toBeCloseTo(e.revenue / e.orders, 9);
    expect(m('customers')).toBe(e.customers);
    expect(m('purchase_frequency')).toBeCloseTo(e.orders / e.customers, 12);
    expect(m('repeat_rate')).toBeCloseTo(e.repeat, 12);
    expect(m('gross_margin')).toBeCloseTo(e.margin, 12);
    expect(m('clv')).toBeCloseTo(expectedClv(s, end, true), 6);
    // The named functions with the same columns.
    expect(F.ORDERS(D, O, 'month', end, A)).toBe(e.orders);
    expect(F.CUSTOMERS(D, C, 'month', end, A)).toBe(e.customers);
    expect(F.FREQUENCY(D, C, 'month', end, A, O)).toBeCloseTo(e.orders / e.customers, 12);
    expect(F.REPEATRATE(D, C, 'month', end, A, O)).toBeCloseTo(e.repeat, 12);
    // What the cells read before order ids and costs could be passed: each line an order, margin 1.
    expect(m('aov', null, null)).toBeCloseTo(e.revenue / e.lines, 9);
    expect(m('clv', null, null)).toBeCloseTo(expectedClv(s, end, false), 6);
  });

  it('November 2026: AOV 270.42 → 363.38 and CLV 11,487.73 → 4,147.66 once order ids and costs are passed', () => {
    const [D, A, C, O, K] = [s['Order Date'], s.Amount, s.Customer, s['Order ID'], s.Cost];
    const end = serial('2026-11-30');
    expect(F.METRIC('aov', D, A, C, 'month', end)).toBeCloseTo(270.42, 2);
    expect(F.METRIC('aov', D, A, C, 'month', end, O, K)).toBeCloseTo(363.38, 2);
    expect(F.METRIC('clv', D, A, C, 'month', end)).toBeCloseTo(11487.73, 2);
    expect(F.METRIC('clv', D, A, C, 'month', end, O, K)).toBeCloseTo(4147.66, 2);
  });
});
