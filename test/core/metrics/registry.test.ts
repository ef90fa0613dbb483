import { getMetric, isMetricId, M, METRIC_IDS, metricIdFromText, metricIdsOf, METRICS } from '../../../src/core/metrics';

describe('the metric catalogue', () => {
  test('every id has exactly one complete definition', () => {
    expect(METRICS.map((m) => m.id)).toEqual([...METRIC_IDS]);
    for (const m of METRICS) {
      expect(m.label.en && m.label.id && m.description.en && m.description.id && m.formula.en && m.formula.id).toBeTruthy();
      expect(m.format).toMatch(/^[#0,.%]+$/);
      expect(m.requires.length).toBeGreaterThan(0);
      expect(['flow', 'ratio', 'stock']).toContain(m.kind);
    }
  });

  test('SPEC ids are all there', () => {
    const spec = 'revenue orders aov units avg_price customers sales_per_customer new_customers returning_customers purchase_frequency repeat_rate retention_rate churn_rate active_ratio days_between_orders gross_margin clv leads conversion_rate win_rate avg_deal_size sales_cycle_days pipeline_value pipeline_velocity cac marketing_roi ltv_cac cac_payback_months';
    for (const id of spec.split(' ')) expect(isMetricId(id)).toBe(true);
  });

  test('seed cadences: sales volume daily, retention weekly, loyalty monthly', () => {
    expect(getMetric('revenue').cadence).toBe('day');
    expect(getMetric('retention_rate').cadence).toBe('week');
    expect(getMetric('repeat_rate').cadence).toBe('month');
  });

  test('kinds and directions', () => {
    expect(getMetric(M.revenue).kind).toBe('flow');
    expect(getMetric(M.aov).kind).toBe('ratio');
    expect(getMetric(M.pipeline_value).kind).toBe('stock');
    expect(getMetric(M.churn_rate).better).toBe('lower');
    expect(getMetric(M.cac).requires).toEqual(expect.arrayContaining([{ table: 'spend', role: 'spend' }, { table: 'orders', role: 'customer' }]));
  });

  test.each([
    ['AOV', 'aov'], ['aov', 'aov'], ['Average order value', 'aov'], ['Nilai pesanan rata-rata', 'aov'],
    ['Pendapatan', 'revenue'], ['  Win Rate ', 'win_rate'], ['ltv:cac', 'ltv_cac'], ['Tingkat retensi', 'retention_rate'],
    ['sales_cycle_days', 'sales_cycle_days'], ['Pelanggan baru', 'new_customers'],
  ])('metricIdFromText(%j) → %s', (text, id) => {
    expect(metricIdFromText(text)).toBe(id);
  });

  test('unknown text', () => {
    expect(metricIdFromText('profitability index')).toBeNull();
    expect(metricIdFromText(42)).toBeNull();
    expect(isMetricId('AOV')).toBe(false);
  });

  test('metrics by table', () => {
    expect(metricIdsOf('pipeline')).toContain('win_rate');
    expect(metricIdsOf('spend')).toEqual(['cac', 'marketing_roi', 'ltv_cac', 'cac_payback_months']);
  });
});

describe('filterInputs', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { filterInputs, computeMetric, BLANK_KEY } = require('../../../src/core/metrics');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { ordersTable, day } = require('./tables');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { periodOf } = require('../../../src/core/periods');
  const orders = ordersTable({
    date: ['2023-12-20', '2024-01-06', '2024-01-07'], amount: [10, 20, 30], customer: ['a', 'b', 'a'],
    dims: { rep: ['Ana', null, 'Budi'] },
  });
  const jan = periodOf(day('2024-01-15'), 'month');
  const asOf = day('2024-01-31');
  test('by dimension keys, blanks included', () => {
    expect(computeMetric('revenue', filterInputs({ orders }, { dimension: 'Rep', keys: ['ana', BLANK_KEY] }), jan, { asOf })).toBe(20);
  });
  test('by mask and by predicate; the original table is untouched', () => {
    expect(computeMetric('revenue', filterInputs({ orders }, { orders: Uint8Array.of(0, 1, 1) }), jan, { asOf })).toBe(50);
    expect(computeMetric('revenue', filterInputs({ orders }, { orders: (i: number) => orders.amount[i] > 15 }), jan, { asOf })).toBe(50);
    expect(orders.length).toBe(3);
  });
  test('new customers stay new to the business: a filtered table keeps the whole history', () => {
    const budi = filterInputs({ orders }, { dimension: 'rep', keys: ['Budi'] });
    expect(computeMetric('new_customers', budi, jan, { asOf })).toBe(0); // a first bought (from Ana) in December
    expect(computeMetric('customers', budi, jan, { asOf })).toBe(1);
  });
});
