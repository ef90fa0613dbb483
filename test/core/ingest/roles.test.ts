import { readFileSync } from 'fs';
import { join } from 'path';
import { detectRoles, resolveMapping, headerScore } from '../../../src/core/ingest/roles';
import { ROLE_ALIASES } from '../../../src/core/ingest/aliases';
import type { CellValue } from '../../../src/core/cell';

const columnsOf = (detection: ReturnType<typeof detectRoles>) =>
  Object.fromEntries(Object.entries(detection.roles).map(([role, guess]) => [role, guess?.header]));

describe('detectRoles on orders', () => {
  test('English headers', () => {
    const headers = [
      'Order Date',
      'Invoice No',
      'Customer Name',
      'Product',
      'Category',
      'Region',
      'Sales Rep',
      'Channel',
      'Qty',
      'Net Sales',
      'COGS',
      'Segment',
    ];
    const sample: CellValue[][] = [
      [45292, 'INV-1', 'Acme', 'Widget', 'Tools', 'North', 'Ann', 'Web', 2, 125.5, 80, 'SMB'],
    ];
    expect(columnsOf(detectRoles('orders', headers, sample))).toEqual({
      date: 'Order Date',
      order_id: 'Invoice No',
      customer: 'Customer Name',
      product: 'Product',
      category: 'Category',
      region: 'Region',
      rep: 'Sales Rep',
      channel: 'Channel',
      quantity: 'Qty',
      amount: 'Net Sales',
      cost: 'COGS',
      segment: 'Segment',
    });
  });

  test('Indonesian headers, Jumlah as amount and Jml Barang as quantity', () => {
    const headers = [
      'Tanggal',
      'No Faktur',
      'Pelanggan',
      'Barang',
      'Kategori',
      'Wilayah',
      'Tenaga Penjual',
      'Saluran',
      'Jumlah Barang',
      'Jumlah',
      'HPP',
      'Segmen',
    ];
    const sample: CellValue[][] = [
      [
        '28/11/2026',
        'F-1',
        'Budi',
        'Kopi',
        'Minuman',
        'Jawa',
        'Sari',
        'Toko',
        3,
        'Rp 45.000',
        'Rp 30.000',
        'Retail',
      ],
    ];
    expect(columnsOf(detectRoles('orders', headers, sample))).toEqual({
      date: 'Tanggal',
      order_id: 'No Faktur',
      customer: 'Pelanggan',
      product: 'Barang',
      category: 'Kategori',
      region: 'Wilayah',
      rep: 'Tenaga Penjual',
      channel: 'Saluran',
      quantity: 'Jumlah Barang',
      amount: 'Jumlah',
      cost: 'HPP',
      segment: 'Segmen',
    });
  });

  test('accents, case and underscores in headers', () => {
    const detection = detectRoles('orders', ['TÁNGGAL', 'total_penjualan', 'KOTA'], [[45292, 10, 'Bandung']]);
    expect(columnsOf(detection)).toEqual({ date: 'TÁNGGAL', amount: 'total_penjualan', region: 'KOTA' });
    expect(detection.roles.date?.confidence).toBe(1);
  });

  test('"Sales" holding names is the rep, not the amount', () => {
    const detection = detectRoles(
      'orders',
      ['Tgl', 'Sales', 'Nilai'],
      [
        [45292, 'Andi', 5000],
        [45293, 'Budi', 7000],
      ],
    );
    expect(columnsOf(detection)).toEqual({ date: 'Tgl', rep: 'Sales', amount: 'Nilai' });
  });

  test('a "Date" header over text that is not dates loses confidence; a real date column wins', () => {
    const detection = detectRoles(
      'orders',
      ['Date', 'Created', 'Amount'],
      [
        ['abc', '2026-11-28', 5],
        ['xyz', '2026-11-29', 6],
      ],
    );
    expect(detection.roles.date?.header).toBe('Created');
    expect(detection.roles.date?.confidence).toBeCloseTo(0.6); // `Created` is a weak alias of an order date
    expect(detection.unassigned).toEqual([0]);
  });

  test('value types alone: headerless dates and decimal amounts (CDNOW shape)', () => {
    const headers = ['Column A', 'Column B', 'Column C', 'Column D', 'Column E'];
    const sample: CellValue[][] = [
      ['00004', '0001', 19970101, 2, 29.33],
      ['00004', '0001', 19970118, 2, 29.73],
      ['00018', '0002', 19970102, 1, 14.96],
    ];
    const detection = detectRoles('orders', headers, sample);
    expect(detection.roles.date?.column).toBe(2);
    expect(detection.roles.amount?.column).toBe(4);
    expect(detection.roles.date?.confidence).toBeLessThan(1);
  });

  test('each column gets at most one role and alternatives are ranked', () => {
    const detection = detectRoles('orders', ['Date', 'Revenue', 'Total', 'Amount'], [[45292, 1, 2, 3]]);
    const used = Object.values(detection.roles).map((g) => g?.column);
    expect(new Set(used).size).toBe(used.length);
    const alternatives = detection.roles.amount?.alternatives ?? [];
    for (let i = 1; i < alternatives.length; i++)
      expect(alternatives[i - 1].confidence).toBeGreaterThanOrEqual(alternatives[i].confidence);
    // The role's own name beats the equally strong aliases, which are its first alternatives.
    expect(detection.roles.amount).toMatchObject({ header: 'Amount', reason: 'exact' });
    expect(alternatives.slice(0, 2).map((a) => a.header)).toEqual(['Revenue', 'Total']);
    // Without it, equal scores go to the leftmost column.
    const aliasesOnly = detectRoles('orders', ['Date', 'Revenue', 'Total'], [[45292, 1, 2]]);
    expect(aliasesOnly.roles.amount).toMatchObject({ header: 'Revenue', reason: 'leftmost' });
    expect(aliasesOnly.roles.amount?.alternatives[0]).toMatchObject({ header: 'Total', confidence: 1 });
  });

  test('explicit mapping overrides detection, by header or by index', () => {
    const headers = ['Date', 'Ship Date', 'Amount', 'Gross'];
    const sample: CellValue[][] = [[45292, 45295, 10, 12]];
    const byHeader = detectRoles('orders', headers, sample, { date: 'ship date', amount: 'Gross' });
    expect(byHeader.roles.date).toMatchObject({ column: 1, confidence: 1 });
    expect(byHeader.roles.amount).toMatchObject({ column: 3, confidence: 1 });
    const byIndex = detectRoles('orders', headers, sample, { amount: 3 });
    expect(byIndex.roles.amount?.column).toBe(3);
    expect(byIndex.roles.date?.column).toBe(0);
    expect(byIndex.unassigned).toEqual([1, 2]);
  });

  test('mapping problems are reported in words', () => {
    const { columns, problems } = resolveMapping('orders', ['Date', 'Amount'], {
      date: 'Nope',
      amount: 7,
      created: 'Date',
    } as never);
    expect(columns).toEqual({});
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/'Nope'/);
  });
});

describe('detectRoles on other tables', () => {
  test('spend and targets', () => {
    expect(
      columnsOf(detectRoles('spend', ['Bulan', 'Kanal', 'Biaya Iklan'], [['2026-11', 'Ads', 500]])),
    ).toEqual({ date: 'Bulan', channel: 'Kanal', spend: 'Biaya Iklan' });
    expect(
      columnsOf(
        detectRoles(
          'targets',
          ['KPI', 'Periode', 'Sasaran', 'Wilayah'],
          [['revenue', '2026-Q1', 100, 'Jawa']],
        ),
      ),
    ).toEqual({ metric: 'KPI', period: 'Periode', target: 'Sasaran', region: 'Wilayah' });
  });

  test('pipeline roles on the real CRM pipeline file', () => {
    const text = readFileSync(join(__dirname, '../../../../shared/data/crm_sales_pipeline.csv'), 'utf8');
    expect(text.includes('"')).toBe(false); // no quoted fields, so a plain split is a faithful parse
    const rows = text
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(','));
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([8]));
    const detection = detectRoles('pipeline', rows[0], rows.slice(1, 501));
    expect(columnsOf(detection)).toEqual({
      created: 'engage_date',
      closed: 'close_date',
      status: 'deal_stage',
      value: 'close_value',
      rep: 'sales_agent',
      id: 'opportunity_id',
    });
    expect(detection.unassigned.map((c) => rows[0][c])).toEqual(['product', 'account']);
  });
});

describe('headerScore', () => {
  test('exact strong alias 1, weak alias 0.6, partial in between, excluded partials 0', () => {
    const amount = ROLE_ALIASES.orders.amount!;
    expect(headerScore(amount, 'Revenue')).toBe(1);
    expect(headerScore(amount, 'Harga')).toBeCloseTo(0.6);
    const partial = headerScore(amount, 'Revenue (USD)');
    expect(partial).toBeGreaterThan(0.6);
    expect(partial).toBeLessThan(1);
    expect(headerScore(amount, 'Sales Tax')).toBe(0);
    expect(headerScore(ROLE_ALIASES.orders.quantity!, 'Unit Price')).toBe(0);
  });
});
