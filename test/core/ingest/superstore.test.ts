/**
 * Column detection on the well-known "Superstore" order-line layout (ids beside names, a place
 * hierarchy, profit instead of cost) and the rules behind it: an exact header beats every alias,
 * an id beats a name for customers and orders, the coarser place wins, and a profit column gives
 * the cost as amount − profit.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import type { CellValue } from '../../../src/core/cell';
import type { OrdersTable } from '../../../src/core/table';
import { detectRoles, ingestOrders, ingestSpend } from '../../../src/core/ingest';
import { isIdHeader, placeLevel } from '../../../src/core/ingest/roles';
import { computeWindows } from '../../../src/core/metrics';
import { parseDay } from '../../../src/core/periods';
import { parseCsv } from '../../../src/xlsx/read-csv';

const rows = parseCsv(readFileSync(join(__dirname, '../../fixtures/ingest/superstore.csv'), 'utf8')).rows;
const header = rows[0];
const data = rows.slice(1);
const col = (name: string): number => header.indexOf(name);

/** The fixture with only the named columns, in that order. */
function columns(names: readonly string[]): string[][] {
  const index = names.map(col);
  return rows.map((row) => index.map((i) => row[i]));
}

/** Gross margin of the orders dated in [from, to). */
function marginBetween(table: OrdersTable, from: string, to: string) {
  const start = parseDay(from)!;
  const end = parseDay(to)!;
  const windows = [
    { start: 2 * start - end, end: start, key: 'before' },
    { start, end, key: `${from}..${to}` },
  ];
  return computeWindows({ orders: table }, ['gross_margin'], windows, { asOf: end - 1 })[0][0];
}

const mappingOf = (values: readonly (readonly CellValue[])[]) => {
  const detection = detectRoles('orders', values[0] as string[], values.slice(1));
  return Object.fromEntries(Object.entries(detection.roles).map(([role, guess]) => [role, guess?.header]));
};

/** Every role of the Superstore file but product (its id and name columns tie; the leftmost wins). */
const SUPERSTORE_MAPPING = {
  date: 'Order Date',
  amount: 'Sales',
  order_id: 'Order ID',
  customer: 'Customer ID',
  quantity: 'Quantity',
  category: 'Category',
  region: 'Region',
  segment: 'Segment',
  profit: 'Profit',
};

describe('the Superstore layout', () => {
  const result = ingestOrders(rows);
  const table = result.table!;

  test('the whole detected mapping', () => {
    expect(header).toEqual(
      'Row ID,Order ID,Order Date,Ship Date,Ship Mode,Customer ID,Customer Name,Segment,Country,City,State,Postal Code,Region,Product ID,Category,Sub-Category,Product Name,Sales,Quantity,Discount,Profit'.split(
        ',',
      ),
    );
    expect(data).toHaveLength(31);
    expect(table.mapping).toEqual({ ...SUPERSTORE_MAPPING, product: 'Product ID' });
    expect(table.length).toBe(31);
    expect(result.report.rowsSkipped).toBe(0);
    const reasons = Object.fromEntries(
      Object.entries(result.detection.roles).map(([role, guess]) => [role, guess?.reason]),
    );
    expect(reasons).toMatchObject({
      region: 'exact',
      category: 'exact',
      customer: 'id',
      order_id: 'exact',
      product: 'leftmost',
      date: 'score',
    });
    // The other places and names stay available as breakdowns by their header (Postal Code too,
    // though it holds numbers).
    expect(Object.keys(table.extra).sort()).toEqual(
      [
        'City',
        'Country',
        'Customer Name',
        'Postal Code',
        'Product Name',
        'Ship Mode',
        'State',
        'Sub-Category',
      ].sort(),
    );
    expect(table.extra['Postal Code'].dictionary).toContain('42420');
    expect(table.dimensions.region!.dictionary.slice().sort()).toEqual(['Central', 'East', 'South', 'West']);
    expect(table.customer!.dictionary).toHaveLength(17);
    expect(table.orderId!.dictionary).toHaveLength(18);
  });

  test('the report says which column was chosen and why, where there was a choice', () => {
    expect(result.report.notes).toEqual([
      "date: 'Order Date' chosen over 'Ship Date' (best header and values).",
      "customer: 'Customer ID' chosen over 'Customer Name' (an id column is preferred to a name).",
      "product: 'Product ID' chosen over 'Product Name' (equally good; the leftmost column).",
      "category: 'Category' chosen over 'Sub-Category' (its header is the role's name).",
      "region: 'Region' chosen over 'City', 'Country', 'State' (its header is the role's name).",
      "cost is 'Sales' minus 'Profit' on each row (no cost column).",
    ]);
  });

  test("the issue's column order (names and cities first) gives the same mapping", () => {
    const order = [
      'Country',
      'City',
      'State',
      'Postal Code',
      'Region',
      'Segment',
      'Category',
      'Sub-Category',
      'Customer Name',
      'Customer ID',
      'Order ID',
      'Order Date',
      'Ship Date',
      'Sales',
      'Quantity',
      'Discount',
      'Profit',
    ];
    expect(mappingOf(columns(order))).toEqual(SUPERSTORE_MAPPING);
  });

  test('any column order gives the same mapping', () => {
    const names = header.filter((h) => !h.startsWith('Product'));
    fc.assert(
      fc.property(fc.shuffledSubarray(names, { minLength: names.length }), (order) => {
        expect(mappingOf(columns(order))).toEqual(SUPERSTORE_MAPPING);
      }),
      { numRuns: 60 },
    );
  });

  test('cost is Sales − Profit on every row; gross margin is total profit over total sales', () => {
    const sales = col('Sales');
    const profit = col('Profit');
    let salesSum = 0;
    let profitSum = 0;
    data.forEach((row, i) => {
      expect(table.cost![i]).toBeCloseTo(Number(row[sales]) - Number(row[profit]), 9);
      salesSum += Number(row[sales]);
      profitSum += Number(row[profit]);
    });
    // By hand (decimal arithmetic): 10,463.5675 of sales, −1,324.6244 of profit.
    expect(salesSum).toBeCloseTo(10463.5675, 9);
    expect(profitSum).toBeCloseTo(-1324.6244, 9);
    const total = marginBetween(table, '2014-01-01', '2018-01-01');
    const of2016 = marginBetween(table, '2016-01-01', '2017-01-01');
    expect(total).toBeCloseTo(-1324.6244 / 10463.5675, 12); // −12.66 %
    // 2016: five lines, 1,650.426 of sales and 431.6245 of profit.
    expect(of2016).toBeCloseTo(431.6245 / 1650.426, 12); // 26.15 %
  });

  test('without a Region column the coarsest place with more than one value wins', () => {
    // Country is "United States" on every row: no breakdown; State is the next coarser.
    const noRegion = ['Order Date', 'Sales', 'City', 'Postal Code', 'State', 'Country'];
    expect(mappingOf(columns(noRegion)).region).toBe('State');
    const cities = ['Order Date', 'Sales', 'Postal Code', 'City'];
    expect(mappingOf(columns(cities)).region).toBe('City');
    // Two countries: the country is the coarsest breakdown.
    const two = columns(['Order Date', 'Sales', 'City', 'State', 'Country']);
    two[5][4] = 'Canada';
    const detection = detectRoles('orders', two[0], two.slice(1));
    expect(detection.roles.region).toMatchObject({ header: 'Country', reason: 'coarser' });
  });
});

describe('the rules on small tables', () => {
  const sample: CellValue[][] = [
    [45292, 'Ani', 'C-1', 'INV-1', 'N-1', 'Jawa', 'Bandung', 10],
    [45293, 'Budi', 'C-2', 'INV-2', 'N-2', 'Bali', 'Denpasar', 20],
  ];
  const detect = (headers: string[]) =>
    Object.fromEntries(
      Object.entries(detectRoles('orders', headers, sample).roles).map(([r, g]) => [
        r,
        [g?.header, g?.reason],
      ]),
    );

  test('an id beats a name for the customer and the order, wherever it stands', () => {
    const roles = detect([
      'Date',
      'Customer Name',
      'cust_id',
      'Invoice',
      'order no',
      'Region',
      'City',
      'Total',
    ]);
    expect(roles.customer).toEqual(['cust_id', 'id']);
    expect(roles.order_id).toEqual(['order no', 'id']);
    const indonesian = detect([
      'Tanggal',
      'Nama Pelanggan',
      'Kode Pelanggan',
      'No Faktur',
      'x',
      'Wilayah',
      'Kota',
      'Total',
    ]);
    expect(indonesian.customer).toEqual(['Kode Pelanggan', 'id']);
    expect(indonesian.region).toEqual(['Wilayah', 'coarser']);
  });

  test("the role's own name beats an alias and the id rule", () => {
    const roles = detect([
      'Date',
      'Customer ID',
      'Customer',
      'Order',
      'Order ID',
      'City',
      'Region',
      'Amount',
    ]);
    expect(roles.customer).toEqual(['Customer', 'exact']);
    expect(roles.order_id).toEqual(['Order ID', 'exact']);
    expect(roles.region).toEqual(['Region', 'exact']);
    expect(roles.amount).toEqual(['Amount', 'exact']);
  });

  test('an exact header whose values do not fit does not take the role', () => {
    const detection = detectRoles(
      'orders',
      ['Date', 'Created', 'Amount'],
      [
        ['abc', '2026-11-28', 5],
        ['xyz', '2026-11-29', 6],
      ],
    );
    expect(detection.roles.date).toMatchObject({ header: 'Created', reason: 'score' });
  });

  test('Indonesian places: the province over the city', () => {
    expect(detect(['Tanggal', 'x', 'y', 'z', 'w', 'Provinsi', 'Kota', 'Total']).region).toEqual([
      'Provinsi',
      'coarser',
    ]);
  });

  test('a mapping the user gives is kept and not explained', () => {
    const result = ingestOrders(
      [['Date', 'City', 'Region', 'Amount'], ...sample.map((r) => [r[0], r[6], r[5], r[7]])],
      {
        mapping: { region: 'City' },
      },
    );
    expect(result.detection.roles.region).toMatchObject({ header: 'City', reason: 'given' });
    expect((result.report.notes ?? []).some((n) => n.startsWith('region:'))).toBe(false);
    expect(Object.keys(result.table!.extra)).toEqual(['Region']);
  });

  test('id and place words in headers', () => {
    expect(
      ['Customer ID', 'cust_id', 'CustomerID', 'Order No', 'Order #', 'Kode Pelanggan'].map(isIdHeader),
    ).toEqual([true, true, true, true, true, true]);
    expect(['Customer Name', 'Nama Pelanggan', 'Customer', 'Invoice'].map(isIdHeader)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(
      [
        'Country',
        'Sales Region',
        'State',
        'Provinsi',
        'City',
        'Kota',
        'Postal Code',
        'Kode Pos',
        'Store',
      ].map(placeLevel),
    ).toEqual([0, 1, 2, 2, 3, 3, 4, 4, undefined]);
  });
});

describe('profit instead of cost', () => {
  const margin = (table: OrdersTable | null) => marginBetween(table!, '2026-01-01', '2027-01-01');

  test('Sales 100, Profit 25: cost 75, gross margin 25 %', () => {
    const { table, report } = ingestOrders([
      ['Date', 'Sales', 'Profit'],
      ['2026-03-01', 100, 25],
    ]);
    expect(table!.mapping).toEqual({ date: 'Date', amount: 'Sales', profit: 'Profit' });
    expect(Array.from(table!.cost!)).toEqual([75]);
    expect(margin(table)).toBeCloseTo(0.25, 12);
    expect(report.notes).toContain("cost is 'Sales' minus 'Profit' on each row (no cost column).");
  });

  test('a refund: Sales −40, Profit −10 gives cost −30; the margin of both rows is 15 / 60', () => {
    const { table } = ingestOrders([
      ['Tanggal', 'Total', 'Laba'],
      ['2026-03-01', 100, 25],
      ['2026-03-09', -40, -10],
    ]);
    expect(Array.from(table!.cost!)).toEqual([75, -30]);
    // Revenue 100 − 40 = 60, cost 75 − 30 = 45: margin (60 − 45) / 60 = 25 %.
    expect(margin(table)).toBeCloseTo(0.25, 12);
  });

  test("marketing ROI uses the profit's margin: (100 × 25 % − 10) / 10 = 150 %", () => {
    const orders = ingestOrders([
      ['Date', 'Sales', 'Profit'],
      ['2026-03-01', 100, 25],
    ]).table!;
    const spend = ingestSpend([
      ['Date', 'Spend'],
      ['2026-03-01', 10],
    ]).table!;
    const start = parseDay('2026-01-01')!;
    const end = parseDay('2027-01-01')!;
    const windows = [
      { start: 2 * start - end, end: start, key: '2025' },
      { start, end, key: '2026' },
    ];
    const [[roi]] = computeWindows({ orders, spend }, ['marketing_roi'], windows, { asOf: end - 1 });
    expect(roi).toBeCloseTo(1.5, 12);
  });

  test('a row without a profit has no cost and stays out of the margin', () => {
    const { table } = ingestOrders([
      ['Date', 'Amount', 'Gross Profit'],
      ['2026-03-01', 100, 40],
      ['2026-03-02', 300, ''],
    ]);
    expect(table!.cost![0]).toBe(60);
    expect(table!.cost![1]).toBeNaN();
    expect(margin(table)).toBeCloseTo(0.4, 12);
  });

  test('a cost column wins and the profit column is not used (said so)', () => {
    const { table, report } = ingestOrders([
      ['Date', 'Amount', 'COGS', 'Profit'],
      ['2026-03-01', 100, 70, 25],
    ]);
    expect(table!.mapping).toMatchObject({ cost: 'COGS', profit: 'Profit' });
    expect(Array.from(table!.cost!)).toEqual([70]);
    expect(margin(table)).toBeCloseTo(0.3, 12);
    expect(report.notes).toContain(
      "'Profit' not used: cost is read from 'COGS' (a cost column wins over profit).",
    );
  });

  test('a profit rate is not a profit amount', () => {
    const { table } = ingestOrders([
      ['Date', 'Amount', 'Profit %', 'Profit Ratio'],
      ['2026-03-01', 100, '25%', 0.25],
    ]);
    expect(table!.mapping.profit).toBeUndefined();
    expect(table!.cost).toBeUndefined();
  });
});
