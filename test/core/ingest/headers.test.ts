import {
  normalizeHeader,
  columnLetter,
  detectHeaderRow,
  makeHeaders,
  repeatedHeaders,
} from '../../../src/core/ingest/headers';

describe('normalizeHeader', () => {
  test('case, accents, spaces, underscores and dashes do not matter', () => {
    const forms = ['Order Date', 'order_date', 'ORDERDATE', 'order-date', ' Order  Date ', 'Order.Date'];
    for (const form of forms) expect(normalizeHeader(form)).toBe('orderdate');
    expect(normalizeHeader('Tánggal')).toBe('tanggal');
    expect(normalizeHeader('Café Région')).toBe('caferegion');
  });
});

describe('columnLetter', () => {
  test.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('%p → %p', (index, letters) => expect(columnLetter(index)).toBe(letters));
});

describe('detectHeaderRow', () => {
  test('first row of labels', () => {
    expect(
      detectHeaderRow([
        ['Date', 'Amount'],
        [45292, 10],
      ]),
    ).toBe(0);
  });

  test('passes over a title row and blank rows', () => {
    expect(
      detectHeaderRow([['Sales report 2026'], [], ['Date', 'Customer', 'Amount'], [45292, 'Budi', 10]]),
    ).toBe(2);
  });

  test('passes over title rows up to half as wide as the table, whatever lies between', () => {
    const table = [
      ['Tanggal', 'Sales', 'Pelanggan', 'Total'],
      ['2026-10-05', 'Budi', 'Ani', '100'],
    ];
    // Two title cells over a four-column table (before: the first row was taken for the header).
    expect(detectHeaderRow([['Laporan Penjualan', 'Toko Maju Jaya'], [], ...table])).toBe(2);
    // A title above a month name (a date) and a blank line.
    expect(detectHeaderRow([['Laporan Penjualan'], ['Oktober 2026'], [], ...table])).toBe(3);
    // A title above a printed-on line.
    expect(detectHeaderRow([['Laporan Penjualan Oktober 2026'], ['Dicetak: 01/11/2026'], [], ...table])).toBe(
      3,
    );
    // A title with a date cell across the table, as a workbook's merged title row gives it.
    expect(
      detectHeaderRow([
        ['Laporan Penjualan Oktober 2026'],
        ['Toko Maju Jaya', null, null, 'Dicetak 01/11/2026'],
        [],
        ['Tanggal', 'Sales', 'Pelanggan', 'Total'],
        [45935, 'Budi', 'Ani', 100],
      ]),
    ).toBe(3);
  });

  test('a row of labels over a wider header that sits over data is a title', () => {
    expect(
      detectHeaderRow([
        ['Laporan', 'Toko Maju', 'Jakarta'],
        [],
        ['Date', 'Rep', 'Customer', 'Amount'],
        ['2026-10-05', 'Budi', 'Ani', '100'],
      ]),
    ).toBe(2);
    // As wide as the row below: an all-text header stays the header.
    expect(
      detectHeaderRow([
        ['Customer', 'Region', 'Note'],
        ['Budi', 'Jawa', 'ok'],
        ['Sari', 'Bali', '5'],
      ]),
    ).toBe(0);
    // A day-first date is data, not a label, under a header.
    expect(
      detectHeaderRow([
        ['Date', 'Amount'],
        ['28/11/2026', 'abc'],
        [1, 0],
      ]),
    ).toBe(0);
  });

  test('a narrow header over a narrow table is still the header', () => {
    expect(detectHeaderRow([['Report'], ['Date', 'Amount'], [45292, 10]])).toBe(1);
    expect(
      detectHeaderRow([
        ['Date', 'Amount', 'Note'],
        [45292, 10],
        [45293, 12, 'late'],
      ]),
    ).toBe(0);
  });

  test('a row of dates or numbers is not a header', () => {
    expect(
      detectHeaderRow([
        [45292, 10],
        [45293, 12],
      ]),
    ).toBe('none');
    expect(
      detectHeaderRow([
        ['2026-01-01', '10'],
        ['2026-01-02', '12'],
      ]),
    ).toBe('none');
    expect(detectHeaderRow([['00004', '0001', '19970101', '2', '29.33']])).toBe('none');
  });

  test('a first data row of mostly text is not taken for a header', () => {
    expect(
      detectHeaderRow([
        ['Budi', 'Kopi', 'Jawa', '2026-11-28', 5000],
        ['Sari', 'Teh', 'Bali', '2026-11-29', 7000],
      ]),
    ).toBe('none');
    expect(
      detectHeaderRow([
        ['Name', 'City'],
        ['Budi', 'Jawa'],
      ]),
    ).toBe(0);
  });

  test('a lone label row heads an empty table', () => {
    expect(detectHeaderRow([['Date', 'Amount']])).toBe(0);
    expect(detectHeaderRow([['Date', 'Amount'], []])).toBe(0);
    expect(detectHeaderRow([])).toBe('none');
  });

  test('ragged and odd rows do not break it', () => {
    expect(detectHeaderRow([[], ['Date', 'Amount', ''], [45292]])).toBe(1);
  });
});

describe('repeatedHeaders', () => {
  test('groups columns with the same header text, case aside', () => {
    expect(repeatedHeaders(['Date', 'Amount', 'Region', 'amount', '', ''], 6)).toEqual([[1, 3]]);
    expect(repeatedHeaders(['Date', 'Amount'], 2)).toEqual([]);
    expect(repeatedHeaders(undefined, 2)).toEqual([]);
  });
});

describe('makeHeaders', () => {
  test('blank and repeated headers get unique names', () => {
    expect(makeHeaders(['Date', '', 'Date', 'date', 2026], 6)).toEqual([
      'Date',
      'Column B',
      'Date (2)',
      'date (3)',
      '2026',
      'Column F',
    ]);
  });

  test('no header row → column letters', () => {
    expect(makeHeaders(undefined, 3)).toEqual(['Column A', 'Column B', 'Column C']);
  });
});
