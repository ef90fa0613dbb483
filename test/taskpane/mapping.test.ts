import { ingestOrders } from '../../src/core/ingest';
import { ingestMapping, mappingRows, withChoice, withoutExcludedRoles } from '../../src/taskpane/mapping';

const VALUES = [
  ['Tanggal', 'Pelanggan', 'Wilayah', 'Total', 'Catatan'],
  [46023, 'Budi', 'Barat', 100, 'a'],
  [46024, 'Sari', 'Timur', 250, 'b'],
];
const HEADERS = VALUES[0] as string[];

describe('ingestMapping', () => {
  it('maps chosen columns by header, leaves guessed roles out and marks required roles set to none', () => {
    expect(ingestMapping({ customer: 4, region: null, amount: null }, HEADERS)).toEqual({
      customer: 'Catatan',
      amount: -1,
    });
    expect(ingestMapping({}, HEADERS)).toEqual({});
  });
});

describe('withChoice', () => {
  it('gives a column to one role only, the latest chosen', () => {
    expect(withChoice({ customer: 2, region: 1 }, 'rep', 2)).toEqual({ region: 1, rep: 2 });
    expect(withChoice({ customer: 2 }, 'customer', 4)).toEqual({ customer: 4 });
    expect(withChoice({ customer: 2, region: null }, 'rep', null)).toEqual({
      customer: 2,
      region: null,
      rep: null,
    });
  });
});

describe('mappingRows', () => {
  it('lists every orders role with the guessed column and confidence', () => {
    const { detection } = ingestOrders(VALUES);
    const rows = mappingRows(detection, {});
    expect(rows.map((r) => r.role).slice(0, 4)).toEqual(['date', 'amount', 'order_id', 'customer']);
    const byRole = Object.fromEntries(rows.map((r) => [r.role, r]));
    expect(byRole.date).toMatchObject({ column: 0, required: true, chosenByUser: false });
    expect(byRole.amount).toMatchObject({ column: 3, required: true });
    expect(byRole.customer).toMatchObject({ column: 1, required: false });
    expect(byRole.customer.confidence).toBeGreaterThan(0.5);
    expect(byRole.order_id).toMatchObject({ column: null, confidence: null });
  });

  it('shows the user’s choices as chosen, without a confidence', () => {
    const choices = { customer: 4, region: null };
    const { detection } = ingestOrders(VALUES, { mapping: ingestMapping(choices, HEADERS) });
    const byRole = Object.fromEntries(mappingRows(detection, choices).map((r) => [r.role, r]));
    expect(byRole.customer).toMatchObject({ column: 4, confidence: null, chosenByUser: true });
    expect(byRole.region).toMatchObject({ column: null, confidence: null, chosenByUser: true });
  });
});

describe('withoutExcludedRoles', () => {
  it('drops the optional roles set to none and keeps the table otherwise', () => {
    const table = ingestOrders(VALUES).table!;
    expect(withoutExcludedRoles(table, {})).toBe(table);
    const trimmed = withoutExcludedRoles(table, { customer: null, region: null });
    expect(trimmed.customer).toBeUndefined();
    expect(trimmed.dimensions.region).toBeUndefined();
    expect(trimmed.mapping).toEqual({ date: 'Tanggal', amount: 'Total' });
    expect([...trimmed.amount]).toEqual([100, 250]);
    expect(table.customer).toBeDefined(); // the original is untouched
  });
});
