import fc from 'fast-check';
import { getMetric, METRIC_IDS, type MetricTableKind } from '../../src/core/metrics';
import { ORDER_ROLES, PIPELINE_ROLES, SPEND_ROLES } from '../../src/core/table';
import {
  catalogueStatus,
  METRIC_FAMILIES,
  metricStatus,
  shortDescription,
  statusText,
  type AvailableRoles,
} from '../../src/taskpane/catalogue';
import { settingsStrings } from '../../src/taskpane/strings-settings';

const ORDERS_ONLY: AvailableRoles = { orders: ['date', 'amount'] };
const en = settingsStrings('en');
const id = settingsStrings('id');

describe('metricStatus', () => {
  it('says what orders with a date and an amount only are missing', () => {
    expect(metricStatus('revenue', ORDERS_ONLY)).toEqual({ id: 'revenue', ready: true, needs: [] });
    expect(metricStatus('customers', ORDERS_ONLY).needs).toEqual([
      { kind: 'column', table: 'orders', role: 'customer' },
    ]);
    expect(metricStatus('win_rate', ORDERS_ONLY).needs).toEqual([{ kind: 'table', table: 'pipeline' }]);
    expect(metricStatus('cac', ORDERS_ONLY).needs).toEqual([
      { kind: 'column', table: 'orders', role: 'customer' },
      { kind: 'table', table: 'spend' },
    ]);
  });

  it('names the columns of a table that was read, and a table that was not once', () => {
    const available: AvailableRoles = { orders: ['date'], pipeline: ['created', 'status'] };
    expect(metricStatus('avg_deal_size', available).needs).toEqual([
      { kind: 'column', table: 'pipeline', role: 'closed' },
      { kind: 'column', table: 'pipeline', role: 'value' },
    ]);
    expect(metricStatus('marketing_roi', available).needs).toEqual([
      { kind: 'column', table: 'orders', role: 'amount' },
      { kind: 'table', table: 'spend' },
    ]);
    // A table read with no role found is still read: its columns are what is missing.
    expect(metricStatus('leads', { pipeline: [] }).needs).toHaveLength(2);
  });

  it('is ready exactly when every required role of every required table is present', () => {
    const rolesOf: Readonly<Record<MetricTableKind, readonly string[]>> = {
      orders: ORDER_ROLES,
      pipeline: PIPELINE_ROLES,
      spend: SPEND_ROLES,
    };
    const tableRoles = (table: MetricTableKind) =>
      fc.option(fc.subarray([...rolesOf[table]]), { nil: undefined });
    const availableArb = fc.record(
      { orders: tableRoles('orders'), pipeline: tableRoles('pipeline'), spend: tableRoles('spend') },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.constantFrom(...METRIC_IDS), availableArb, (metric, available) => {
        const status = metricStatus(metric, available);
        const expected = getMetric(metric).requires.every(
          ({ table, role }) => available[table]?.includes(role) === true,
        );
        expect(status.ready).toBe(expected);
        expect(status.needs.length === 0).toBe(expected);
        // Every need is real: an absent table, or a role its table lacks.
        for (const need of status.needs) {
          if (need.kind === 'table') expect(available[need.table]).toBeUndefined();
          else expect(available[need.table]).not.toContain(need.role);
        }
      }),
    );
  });
});

describe('catalogueStatus', () => {
  it('puts every metric in exactly one family', () => {
    const listed = METRIC_FAMILIES.flatMap((family) => family.metrics);
    expect([...listed].sort()).toEqual([...METRIC_IDS].sort());
    expect(new Set(listed).size).toBe(listed.length);
    expect(METRIC_FAMILIES.map((family) => family.id)).toEqual(['orders', 'pipeline', 'marketing']);
  });

  it('counts the ready metrics of each family', () => {
    const families = catalogueStatus(ORDERS_ONLY);
    expect(families.map((family) => family.ready)).toEqual([3, 0, 0]);
    expect(families[0].metrics.filter((m) => m.ready).map((m) => m.id)).toEqual(['revenue', 'orders', 'aov']);
    const everything = catalogueStatus({ orders: ORDER_ROLES, pipeline: PIPELINE_ROLES, spend: SPEND_ROLES });
    expect(everything.map((family) => family.ready)).toEqual(everything.map((f) => f.metrics.length));
  });
});

describe('statusText', () => {
  it('says Ready or what is needed, in both languages', () => {
    expect(statusText(en, metricStatus('revenue', ORDERS_ONLY))).toBe('Ready');
    expect(statusText(en, metricStatus('customers', ORDERS_ONLY))).toBe('Needs the Customer column');
    expect(statusText(en, metricStatus('win_rate', ORDERS_ONLY))).toBe('Needs a pipeline table');
    expect(statusText(en, metricStatus('cac', ORDERS_ONLY))).toBe(
      'Needs the Customer column and a marketing spend table',
    );
    expect(statusText(en, metricStatus('avg_deal_size', { pipeline: ['created', 'status'] }))).toBe(
      'Needs the Close date and Deal value columns',
    );
    expect(statusText(en, metricStatus('cac', {}))).toBe('Needs an orders table and a marketing spend table');
    expect(statusText(id, metricStatus('customers', ORDERS_ONLY))).toBe('Perlu kolom Pelanggan');
    expect(statusText(id, metricStatus('cac', ORDERS_ONLY))).toBe(
      'Perlu kolom Pelanggan dan tabel belanja pemasaran',
    );
  });
});

describe('shortDescription', () => {
  it('keeps the first clause', () => {
    expect(shortDescription('Revenue divided by orders.')).toBe('Revenue divided by orders.');
    expect(shortDescription('Spend over a 30.44-day month; more here.')).toBe(
      'Spend over a 30.44-day month.',
    );
    expect(shortDescription('Historic CLV: AOV × orders.')).toBe('Historic CLV.');
  });

  it('gives every metric a short text in both languages', () => {
    for (const metric of METRIC_IDS) {
      for (const language of ['en', 'id'] as const) {
        const short = shortDescription(getMetric(metric).description[language]);
        expect(short.length).toBeGreaterThan(10);
        expect(short.length).toBeLessThanOrEqual(140);
      }
    }
  });
});
