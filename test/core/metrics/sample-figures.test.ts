/**
 * The bundled sample (samples/sales-sample.xlsx) as of 2026-12-05: spend spread over time,
 * per-channel new customers, days between orders and lead conversion. Every expected figure is
 * worked out here from the ingested rows without the engine (sums, first orders, gaps, a sort).
 */
import { join } from 'path';
import { breakdown } from '../../../src/core/analyses/breakdown';
import { ingestTable } from '../../../src/core/ingest';
import { computeSuite } from '../../../src/core/metrics';
import type { MetricId, MetricInputs } from '../../../src/core/metrics';
import { daysFromCivil, parsePeriodKey } from '../../../src/core/periods';
import type { OrdersTable, PipelineTable, SpendTable } from '../../../src/core/table';
import { STATUS_CODE } from '../../../src/core/table';
import { readTableFile } from '../../../src/xlsx/read';

const SAMPLE = join(__dirname, '../../../samples/sales-sample.xlsx');
const asOf = daysFromCivil(2026, 12, 5);
let orders: OrdersTable;
let spend: SpendTable;
let pipeline: PipelineTable;
let inputs: MetricInputs;

beforeAll(async () => {
  const load = async (kind: 'orders' | 'spend' | 'pipeline', sheet: string) =>
    ingestTable(kind, (await readTableFile(SAMPLE, { sheet })).rows).table;
  orders = (await load('orders', 'Orders')) as OrdersTable;
  spend = (await load('spend', 'Spend')) as SpendTable;
  pipeline = (await load('pipeline', 'Pipeline')) as PipelineTable;
  inputs = { orders, spend, pipeline };
}, 60_000);

const value = (ids: MetricId[], key: string, id: MetricId) =>
  computeSuite(inputs, ids, [parsePeriodKey(key)!], { asOf }).values[0][ids.indexOf(id)] as number;

/** Σ spend of the rows dated on a month's 1st (the sample's spend is monthly, per channel). */
function monthSpend(year: number, month: number, channel?: string): number {
  const first = daysFromCivil(year, month, 1);
  let sum = 0;
  for (let i = 0; i < spend.length; i++) {
    const c = spend.channel!.dictionary[spend.channel!.codes[i]];
    if (spend.date[i] === first && (channel === undefined || c === channel)) sum += spend.spend[i];
  }
  return sum;
}

/** Each customer's first purchase row (earliest day, then earliest row) up to the as-of day. */
function firstRows(): Map<number, number> {
  const first = new Map<number, number>();
  for (let i = 0; i < orders.length; i++) {
    const c = orders.customer!.codes[i];
    const d = Math.floor(orders.date[i]);
    if (c < 0 || d > asOf || !(orders.amount[i] >= 0)) continue;
    const best = first.get(c);
    if (best === undefined || d < Math.floor(orders.date[best])) first.set(c, i);
  }
  return first;
}

function newCustomers(from: number, to: number): number {
  return [...firstRows().values()].filter((i) => orders.date[i] >= from && orders.date[i] < to).length;
}

describe('spend spread over the days it covers', () => {
  test('the spend sheet is monthly spend per channel dated on the 1st', () => {
    const days = new Set([...spend.date].map((d) => new Date(d * 86400000).getUTCDate()));
    expect([...days]).toEqual([1]);
    expect(spend.channel!.dictionary.length).toBe(6);
  });

  test("December to date: 5/31 of December's spend against five days of revenue (was 42 %)", () => {
    const s = (monthSpend(2026, 12) * 5) / 31;
    let revenue = 0;
    let withCost = 0;
    let cost = 0;
    for (let i = 0; i < orders.length; i++) {
      const d = Math.floor(orders.date[i]);
      if (d < daysFromCivil(2026, 12, 1) || d > asOf) continue;
      revenue += orders.amount[i];
      if (!Number.isNaN(orders.cost![i])) {
        withCost += orders.amount[i];
        cost += orders.cost![i];
      }
    }
    const margin = (withCost - cost) / withCost;
    const roi = value(['marketing_roi'], '2026-12', 'marketing_roi');
    expect(roi).toBeCloseTo((revenue * margin - s) / s, 9);
    expect(roi).toBeCloseTo(7.822, 3);
  });

  test("weekly CAC: each week its seven days of the month's spend (was 6,256 then 0.00)", () => {
    const weeks = ['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48'];
    const got = computeSuite(
      inputs,
      ['cac'],
      weeks.map((k) => parsePeriodKey(k)!),
      { asOf },
    ).values.map((r) => r[0]);
    weeks.forEach((key, w) => {
      const week = parsePeriodKey(key)!;
      let s = 0;
      for (let d = week.start; d < week.end; d++) {
        const date = new Date(d * 86400000);
        const [y, m] = [date.getUTCFullYear(), date.getUTCMonth() + 1];
        s += monthSpend(y, m) / new Date(Date.UTC(y, m, 0)).getUTCDate();
      }
      expect(got[w]).toBeCloseTo(s / newCustomers(week.start, week.end), 6);
    });
  });

  test("Q4 CAC to date: October, November and 5/31 of December over Q4's new customers (was 880)", () => {
    const s = monthSpend(2026, 10) + monthSpend(2026, 11) + (monthSpend(2026, 12) * 5) / 31;
    const n = newCustomers(daysFromCivil(2026, 10, 1), asOf + 1);
    expect(n).toBe(40);
    const cac = value(['cac'], '2026-Q4', 'cac');
    expect(cac).toBeCloseTo(s / n, 6);
    expect(cac).toBeCloseTo(643.54, 2);
  });
});

describe('per-channel new customers and CAC', () => {
  test('Q4: each new customer in the channel of their first order; shares add to 100 % (were 140 %)', () => {
    const q4 = parsePeriodKey('2026-Q4')!;
    const r = breakdown(inputs, { dimension: 'channel', period: q4, asOf, ids: ['new_customers', 'cac'] });
    const expected = new Map<string, number>();
    for (const i of firstRows().values()) {
      if (orders.date[i] < q4.start) continue;
      const key = orders.dimensions.channel!.dictionary[orders.dimensions.channel!.codes[i]];
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    for (const row of r.rows) {
      expect(row.values[0]).toBe(expected.get(row.key) ?? 0);
      const s =
        monthSpend(2026, 10, row.key) +
        monthSpend(2026, 11, row.key) +
        (monthSpend(2026, 12, row.key) * 5) / 31;
      expect(row.values[1]).toBeCloseTo(s / (expected.get(row.key) ?? NaN), 6);
    }
    expect(r.rows.reduce((a, row) => a + (row.share[0] as number), 0)).toBeCloseTo(1, 12);
    expect(r.unattributedSpend).toBeUndefined();
  });
});

describe('days between orders', () => {
  test("the typical customer's own median gap, 25 days (pooled gaps gave 8)", () => {
    const perCustomer = new Map<number, Map<string, number>>();
    for (let i = 0; i < orders.length; i++) {
      const c = orders.customer!.codes[i];
      const d = Math.floor(orders.date[i]);
      if (c < 0 || d > asOf || !(orders.amount[i] >= 0)) continue;
      const id = orders.orderId!.dictionary[orders.orderId!.codes[i]];
      const own = perCustomer.get(c) ?? new Map<string, number>();
      own.set(id, Math.min(own.get(id) ?? Infinity, d));
      perCustomer.set(c, own);
    }
    const median = (v: number[]) => {
      const s = [...v].sort((a, b) => a - b);
      return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
    };
    const usual: number[] = [];
    const pooled: number[] = [];
    for (const own of perCustomer.values()) {
      const days = [...new Set(own.values())].sort((a, b) => a - b);
      const gaps = days.slice(1).map((d, k) => d - days[k]);
      if (gaps.length) usual.push(median(gaps));
      const all = [...own.values()].sort((a, b) => a - b);
      pooled.push(...all.slice(1).map((d, k) => d - all[k]));
    }
    expect(median(usual)).toBe(25);
    expect(median(pooled)).toBe(8);
    expect(value(['days_between_orders'], '2026-12', 'days_between_orders')).toBe(25);
  });
});

describe('lead conversion', () => {
  test('leads old enough to have closed: M = 78 days; September 43.9 %, later months #N/A (were 6.5 % and 0 %)', () => {
    const closeDays: number[] = [];
    for (let i = 0; i < pipeline.length; i++) {
      const created = Math.floor(pipeline.created[i]);
      const closed = Math.floor(pipeline.closed[i]);
      if (pipeline.status[i] !== STATUS_CODE.open && created <= asOf && closed <= asOf)
        closeDays.push(closed - created);
    }
    closeDays.sort((a, b) => a - b);
    const m = closeDays[Math.ceil(0.9 * closeDays.length) - 1];
    expect(m).toBe(78);
    const sept = parsePeriodKey('2026-09')!;
    let mature = 0;
    let won = 0;
    for (let i = 0; i < pipeline.length; i++) {
      const created = Math.floor(pipeline.created[i]);
      if (created < sept.start || created >= sept.end || created > asOf - m) continue;
      mature++;
      if (pipeline.status[i] === STATUS_CODE.won && Math.floor(pipeline.closed[i]) <= asOf) won++;
    }
    const months = ['2026-09', '2026-10', '2026-11', '2026-12'].map((k) => parsePeriodKey(k)!);
    const got = computeSuite({ pipeline }, ['conversion_rate'], months, { asOf }).values.map((r) => r[0]);
    expect(got[0]).toBeCloseTo(won / mature, 12);
    expect(got[0]).toBeCloseTo(0.439, 3);
    expect(got[3]).toEqual({
      error: '#N/A',
      reason: 'leads of 2026-12 are younger than 78 days, the time 90 % of deals take to close',
    });
    expect(got.slice(1, 3)).toMatchObject([{ error: '#N/A' }, { error: '#N/A' }]);
  });
});
