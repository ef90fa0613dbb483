import { expectExcelError, serial } from './setup';
import {
  cellsArg,
  columnArg, dateArg, isOmitted, numberArg, optionalNumberArg, optionalPeriodArg, periodArg,
} from '../../src/functions/args';

describe('argument coercion', () => {
  it('treats null, undefined and blank text as omitted', () => {
    expect(isOmitted(null)).toBe(true);
    expect(isOmitted(undefined)).toBe(true);
    expect(isOmitted('  ')).toBe(true);
    expect(isOmitted([['']])).toBe(true);
    expect(isOmitted(0)).toBe(false);
    expect(optionalNumberArg(null, 'margin', 1)).toBe(1);
  });

  it('reads numbers, number text and 1×1 ranges; names the argument otherwise', () => {
    expect(numberArg(12.5, 'x')).toBe(12.5);
    expect(numberArg('$1,250.00', 'x')).toBe(1250);
    expect(numberArg('15%', 'margin')).toBeCloseTo(0.15, 12);
    expect(numberArg([[7]], 'x')).toBe(7);
    expectExcelError(() => numberArg('abc', 'margin'), '#VALUE!', 'margin');
    expectExcelError(() => numberArg(null, 'target'), '#VALUE!', 'target: is required');
    expectExcelError(() => numberArg(true, 'x'), '#VALUE!', 'TRUE/FALSE');
    expectExcelError(() => numberArg([[1, 2]], 'cac'), '#VALUE!', 'cac');
  });

  it('propagates error cells like Excel functions do', () => {
    expectExcelError(() => numberArg('#N/A', 'x'), '#N/A');
    expectExcelError(() => numberArg({ code: '#DIV/0!' }, 'x'), '#DIV/0!');
    expectExcelError(() => numberArg('#REF!', 'x'), '#VALUE!');
  });

  it('reads period words in English and Indonesian', () => {
    expect(periodArg('month', 'period')).toBe('month');
    expect(periodArg('Bulan', 'period')).toBe('month');
    expect(periodArg('minggu', 'period')).toBe('week');
    expect(periodArg('kuartal', 'period')).toBe('quarter');
    expect(periodArg('TAHUN', 'period')).toBe('year');
    expect(periodArg('hari', 'period')).toBe('day');
    expect(optionalPeriodArg(null, 'period')).toBeUndefined();
    expectExcelError(() => periodArg('fortnight', 'period'), '#VALUE!', "period: 'fortnight' is not a period");
  });

  it('reads dates from serials (1900 system) and text', () => {
    expect(dateArg(serial('2026-11-28'), 'asOf')).toBe(Date.UTC(2026, 10, 28) / 86400000);
    expect(dateArg(45292, 'asOf')).toBe(19723);
    expect(dateArg('2024-01-01', 'asOf')).toBe(19723);
    expectExcelError(() => dateArg(60, 'asOf'), '#VALUE!', 'asOf: serial 60');
    expectExcelError(() => dateArg('soon', 'periodStart'), '#VALUE!', 'periodStart');
  });

  it('reads a column, a row or a lone value as one column; rejects blocks', () => {
    expect(columnArg([[1], [''], ['a']], 'x')).toEqual([1, '', 'a']);
    expect(columnArg([[1, 2, 3]], 'x')).toEqual([1, 2, 3]);
    expect(columnArg(5, 'x')).toEqual([5]);
    expect(columnArg([], 'x')).toEqual([]);
    expect(columnArg([[{ code: '#N/A' }]], 'x')).toEqual(['#N/A']);
    expectExcelError(() => columnArg([[1, 2], [3, 4]], 'amounts'), '#VALUE!', 'amounts: must be a single column or row');
  });

  it('reads a column of numbers and blanks into a Float64Array, anything else as cells', () => {
    const numbers = cellsArg([[45292], [''], [null], [7.5]], 'dates');
    expect(numbers).toBeInstanceOf(Float64Array);
    expect(Array.from(numbers)).toEqual([45292, NaN, NaN, 7.5]);
    expect(cellsArg([[45292], ['2024-01-02']], 'dates')).toEqual([45292, '2024-01-02']);
    expect(cellsArg([[5]], 'x')).toEqual([5]);
  });
});
