import fc from 'fast-check';
import { isMetricError } from '../../src/core/errors';
import { ingestOrders } from '../../src/core/ingest';
import { headlineKpis, latestOrderDay } from '../../src/taskpane/kpis';
import { PREVIEW_ORDERS } from '../../src/taskpane/preview-sample';
import { EXPECTED } from './preview-expected';

const byId = (h: NonNullable<ReturnType<typeof headlineKpis>>) =>
  Object.fromEntries(h.kpis.map((k) => [k.id, k]));

describe('headlineKpis', () => {
  it('gives the preview sample’s latest month and the month before, as worked out by hand', () => {
    const h = headlineKpis(ingestOrders(PREVIEW_ORDERS).table!)!;
    expect(h.asOf).toBe(EXPECTED.latestSerial - 25569);
    expect(h.period.key).toBe(EXPECTED.month);
    expect(h.previousPeriod.key).toBe(EXPECTED.previousMonth);
    const kpis = byId(h);
    for (const id of ['revenue', 'orders', 'aov', 'customers'] as const) {
      expect(kpis[id].current).toBeCloseTo(EXPECTED.current[id], 9);
      expect(kpis[id].previous).toBeCloseTo(EXPECTED.previous[id], 9);
      expect(kpis[id].change).toBeCloseTo(EXPECTED.current[id] / EXPECTED.previous[id] - 1, 9);
    }
  });

  it('leaves customers out when there is no customer column', () => {
    const h = headlineKpis(
      ingestOrders([
        ['Date', 'Amount'],
        [46023, 10],
        [46054, 30],
      ]).table!,
    )!;
    expect(h.kpis.map((k) => k.id)).toEqual(['revenue', 'orders', 'aov']);
    expect(byId(h).revenue).toEqual({ id: 'revenue', current: 30, previous: 10, change: 2 });
  });

  it('explains a change it cannot compute: no orders the month before', () => {
    const h = headlineKpis(
      ingestOrders([
        ['Date', 'Amount'],
        [46054, 30],
      ]).table!,
    )!;
    const { aov, revenue } = byId(h);
    expect(revenue.previous).toBe(0);
    expect(revenue.change).toEqual({ error: '#DIV/0!', reason: 'revenue was 0 in 2026-01' });
    expect(isMetricError(aov.previous)).toBe(true);
    expect(isMetricError(aov.change)).toBe(true);
    expect((aov.change as { reason: string }).reason).toMatch(/^aov of 2026-01: /);
  });

  it('stops at the as-of day the pane sets, and says so', () => {
    const table = ingestOrders([
      ['Date', 'Amount'],
      [46023, 10], // 2026-01-01
      [46054, 30], // 2026-02-01
      [46057, 5], // 2026-02-04
      [46070, 100], // 2026-02-17: after the as-of day
    ]).table!;
    expect(headlineKpis(table)!.asOfSource).toBe('data');
    const h = headlineKpis(table, 46057 - 25569)!;
    expect([h.asOf, h.asOfSource, h.period.key]).toEqual([46057 - 25569, 'given', '2026-02']);
    // 1–4 February against 1–4 January.
    expect(byId(h).revenue).toEqual({ id: 'revenue', current: 35, previous: 10, change: 2.5 });
  });

  it('has nothing to show for a table without rows', () => {
    const empty = ingestOrders([['Date', 'Amount']]).table!;
    expect(latestOrderDay(empty)).toBeNull();
    expect(headlineKpis(empty)).toBeNull();
  });

  it('always reports the month of the latest order, whatever the order of the rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 40000, max: 50000 }), { minLength: 1, maxLength: 30 }),
        (serials) => {
          const table = ingestOrders([['Date', 'Amount'], ...serials.map((s) => [s, 1])]).table!;
          const h = headlineKpis(table)!;
          const latest = Math.max(...serials) - 25569;
          expect(h.asOf).toBe(latest);
          expect(h.period.start <= latest && latest < h.period.end).toBe(true);
          expect(h.previousPeriod.end).toBe(h.period.start);
        },
      ),
      { numRuns: 50 },
    );
  });
});
