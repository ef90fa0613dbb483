import fc from 'fast-check';
import { currencyFromSetting, currencyOfMarker, detectCurrency, looksIndonesian, parseCurrency, RUPIAH } from '../../src/core/currency';
import { ingestOrders } from '../../src/core/ingest';
import { currencyMarkerOf, inferCurrencyMarker } from '../../src/core/ingest/numbers';

describe('currency markers in amount text', () => {
  it('reads the marker before or after the number, with signs and brackets', () => {
    expect(currencyMarkerOf('Rp 1.250.000')).toBe('Rp');
    expect(currencyMarkerOf('IDR 75,000')).toBe('IDR');
    expect(currencyMarkerOf('1.250,00 €')).toBe('€');
    expect(currencyMarkerOf('-$125')).toBe('$');
    expect(currencyMarkerOf('(Rp 1.000)')).toBe('Rp');
    expect(currencyMarkerOf('US$ 12')).toBe('US$');
    expect(currencyMarkerOf('1,250.00')).toBeUndefined();
  });

  it('takes the marker at least half the text amounts of a column carry', () => {
    expect(inferCurrencyMarker(['Rp 1.000', 'Rp 2.500', 3000, '4.000'])).toBe('Rp');
    expect(inferCurrencyMarker(['Rp 1.000', '$2', '3', '4'])).toBeUndefined();
    expect(inferCurrencyMarker([1000, 2500])).toBeUndefined();
    expect(inferCurrencyMarker(['abc', 'Rp 5'])).toBe('Rp');
  });
});

describe('the currency shown', () => {
  it('comes from the amounts when they are written with one', () => {
    const result = ingestOrders([
      ['Date', 'Customer', 'Amount'],
      ['2026-01-02', 'A', 'Rp 1.250.000'],
      ['2026-01-03', 'B', 'Rp 75.000'],
    ]);
    expect(result.formats.find((f) => f.role === 'amount')?.currency).toBe('Rp');
    expect(detectCurrency(result.formats, ['Date', 'Customer', 'Amount'])).toEqual(RUPIAH);
    expect(result.table!.amount[0]).toBe(1_250_000);
  });

  it('is rupiah for Indonesian headers, none for others', () => {
    expect(looksIndonesian(['Tanggal', 'Pelanggan', 'Total'])).toBe(true);
    expect(looksIndonesian(['Tanggal Transaksi', 'Customer'])).toBe(false);
    expect(detectCurrency([], ['Tanggal Transaksi', 'Nama Pelanggan', 'Total Penjualan'])).toEqual(RUPIAH);
    expect(detectCurrency([], ['Order Date', 'Customer', 'Sales'])).toBeUndefined();
  });

  it('reads what people type', () => {
    expect(parseCurrency('Rp')).toEqual({ symbol: 'Rp', decimals: 0 });
    expect(parseCurrency('IDR')).toEqual({ symbol: 'Rp', decimals: 0 });
    expect(parseCurrency('$')).toEqual({ symbol: '$', decimals: 2 });
    expect(parseCurrency('EUR:0')).toEqual({ symbol: '€', decimals: 0 });
    expect(parseCurrency('CHF:2')).toEqual({ symbol: 'CHF', decimals: 2 });
    expect(parseCurrency('none')).toBeNull();
    expect(parseCurrency('none:0')).toEqual({ symbol: '', decimals: 0 });
    expect(parseCurrency('Rp:9')).toBeUndefined();
    expect(parseCurrency('a"b')).toBeUndefined();
    expect(currencyOfMarker('€')).toEqual({ symbol: '€', decimals: 2 });
  });

  it('a stored setting round-trips, anything else is refused', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const read = currencyFromSetting(value);
        if (read !== undefined) expect(currencyFromSetting(JSON.parse(JSON.stringify(read)))).toEqual(read);
      }),
    );
    expect(currencyFromSetting({ symbol: 'Rp', decimals: 0 })).toEqual(RUPIAH);
    expect(currencyFromSetting({ symbol: 'Rp', decimals: 1.5 })).toBeUndefined();
  });
});
