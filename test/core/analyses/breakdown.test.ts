import { breakdown, OTHERS_KEY } from '../../../src/core/analyses/breakdown';
import { parsePeriodKey } from '../../../src/core/periods';
import { day, ordersTable, pipelineTable } from '../metrics/tables';

/** Feb: North a 100, South b 50, blank c 30. Mar: North a 200 + d 100, South b 60, East e 10 + 10, West f 5, blank c 40. */
const orders = ordersTable({
  date: ['2024-02-03', '2024-02-04', '2024-02-05', '2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04', '2024-03-05', '2024-03-06', '2024-03-07'],
  orderId: ['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8', 'o9', 'o10'],
  customer: ['a', 'b', 'c', 'a', 'd', 'b', 'e', 'e', 'f', 'c'],
  amount: [100, 50, 30, 200, 100, 60, 10, 10, 5, 40],
  dims: { region: ['North', 'South', null, 'North', 'North', 'South', 'East', 'East', 'West', null] },
  extra: { Store: ['S1', 'S1', 'S2', 'S1', 'S2', 'S2', 'S2', 'S2', 'S1', 'S1'] },
});
const period = parsePeriodKey('2024-03')!;
const asOf = day('2024-03-31');
const ids = ['revenue', 'orders', 'aov', 'customers', 'new_customers'] as const;

describe('breakdown by region', () => {
  const result = breakdown({ orders }, { dimension: 'region', period, asOf, ids });
  const byKey = Object.fromEntries(result.rows.map((r) => [r.key, r]));

  test('every key with its metrics, blanks as "(blank)", sorted by revenue', () => {
    expect(result.rows.map((r) => r.key)).toEqual(['North', 'South', '(blank)', 'East', 'West']);
    expect(byKey.North.values).toEqual([300, 2, 150, 2, 1]);
    expect(byKey.East.values).toEqual([20, 2, 10, 1, 1]);
    expect(byKey['(blank)'].kind).toBe('blank');
    expect(result.total.values).toEqual([425, 7, 425 / 7, 6, 3]);
  });

  test('share of total for flows only, growth against February', () => {
    expect(byKey.North.share[0]).toBeCloseTo(300 / 425, 12);
    expect(byKey.North.share[2]).toBeNull(); // aov is a ratio
    expect(byKey.North.growth[0]).toBeCloseTo(2, 12);
    expect(byKey.South.growth[0]).toBeCloseTo(0.2, 12);
    expect(byKey.East.growth[0]).toMatchObject({ error: '#DIV/0!' });
  });

  test('top 2 with an "Others" row computed on the others\' rows together', () => {
    const top = breakdown({ orders }, { dimension: 'region', period, asOf, ids, top: 2 });
    expect(top.rows.map((r) => r.key)).toEqual(['North', 'South', OTHERS_KEY]);
    const others = top.rows[2];
    expect(others.keys).toEqual(['(blank)', 'East', 'West']);
    expect(others.values).toEqual([65, 4, 65 / 4, 3, 2]); // aov 16.25, not 40 + 10 + 5
    expect(others.share[0]).toBeCloseTo(65 / 425, 12);
    expect(others.growth[0]).toBeCloseTo(65 / 30 - 1, 12);
  });

  test('ascending order and another sort metric', () => {
    expect(breakdown({ orders }, { dimension: 'region', period, asOf, ids, order: 'asc' }).rows[0].key).toBe('West');
    expect(breakdown({ orders }, { dimension: 'region', period, asOf, ids, sortBy: 'aov' }).rows[0].key).toBe('North');
  });

  test('history metrics per key come from the key\'s own rows', () => {
    const r = breakdown({ orders }, { dimension: 'region', period, asOf, ids: ['revenue', 'active_ratio'] });
    const north = r.rows.find((x) => x.key === 'North')!;
    expect(north.values).toEqual([300, 1]); // a and d are all North's customers
  });
});

describe('other dimensions', () => {
  test('an extra text column by its header', () => {
    const r = breakdown({ orders }, { dimension: 'store', period, asOf, ids: ['revenue'] });
    expect(r.rows.map((x) => [x.key, x.values[0]])).toEqual([['S1', 245], ['S2', 180]]);
  });

  test('an unknown dimension is an error value, not an exception', () => {
    expect(breakdown({ orders }, { dimension: 'planet', period, asOf }).error).toMatchObject({ error: '#N/A' });
  });

  test('pipeline metrics by rep', () => {
    const pipeline = pipelineTable({
      created: ['2024-02-01', '2024-02-02', '2024-02-03', '2024-03-01'],
      status: ['won', 'lost', 'won', 'won'],
      closed: ['2024-03-05', '2024-03-06', '2024-03-07', '2024-03-08'],
      value: [100, 200, 300, 400],
      rep: ['Ana', 'Ana', 'Budi', 'Budi'],
    });
    const r = breakdown({ pipeline }, { dimension: 'rep', period, asOf, ids: ['win_rate', 'avg_deal_size'] });
    expect(r.rows.map((x) => [x.key, ...x.values])).toEqual([['Budi', 1, 350], ['Ana', 0.5, 100]]);
  });
});

describe('breakdown like for like', () => {
  // March to the 4th: North a 200 (Mar 1) + d 100 (Mar 2), South b 60 (Mar 3), East e 10 (Mar 4).
  // February to the 4th: North a 100 (Feb 3), South b 50 (Feb 4); blank c 30 on Feb 5 is outside.
  const early = day('2024-03-04');

  test('compares the first four days of March with the first four of February', () => {
    const result = breakdown({ orders }, { dimension: 'region', period, asOf: early, ids, likeForLike: true });
    const byKey = Object.fromEntries(result.rows.map((r) => [r.key, r]));
    expect(result.current).toMatchObject({ start: day('2024-03-01'), end: day('2024-03-05') });
    expect(result.base).toMatchObject({ start: day('2024-02-01'), end: day('2024-02-05') });
    expect(byKey.North.values[0]).toBe(300);
    expect(byKey.North.previous[0]).toBe(100);
    expect(byKey.North.growth[0]).toBeCloseTo(2, 12);
    expect(byKey.South.growth[0]).toBeCloseTo(60 / 50 - 1, 12);
    expect(byKey['(blank)']).toBeUndefined();
    expect(result.total.values[0]).toBe(370);
    expect(result.total.previous[0]).toBe(150);
    expect(result.total.growth[0]).toBeCloseTo(370 / 150 - 1, 12);
  });

  test('against the whole of February without it', () => {
    const result = breakdown({ orders }, { dimension: 'region', period, asOf: early, ids });
    const byKey = Object.fromEntries(result.rows.map((r) => [r.key, r]));
    expect(byKey.North.previous[0]).toBe(100);
    expect(result.total.previous[0]).toBe(180);
    expect(byKey['(blank)'].values[0]).toBe(0); // present in the base only
  });

  test('a complete period compares with the whole period before either way', () => {
    const a = breakdown({ orders }, { dimension: 'region', period, asOf, ids, likeForLike: true, top: 2 });
    const b = breakdown({ orders }, { dimension: 'region', period, asOf, ids, top: 2 });
    expect(a).toEqual(b);
  });
});
