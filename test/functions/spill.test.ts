import { CustomFunctionsError, col, errorCell, expectExcelError, isSpillValue, serial } from './setup';
import { IMPLEMENTATIONS as F } from '../../src/functions/registry';
import { spill, spillCell } from '../../src/functions/spill';
import { metricError } from '../../src/core/errors';

const D = col(serial('2026-01-05'), serial('2026-01-20'), serial('2026-03-03'), '', serial('2026-03-10'));
const V = col(100, 50, 70, '', 30);

/** Every spill: header row, rectangular, only finite numbers, text and per-cell errors. */
function expectSpillShape(rows: unknown[][]): void {
  expect(rows.length).toBeGreaterThanOrEqual(1);
  for (const row of rows) {
    expect(row).toHaveLength(rows[0].length);
    for (const v of row) expect(isSpillValue(v)).toBe(true);
  }
}

describe('spill helpers', () => {
  it('puts #N/A where a value does not exist, so a chart leaves a gap instead of drawing 0', () => {
    expect(spillCell(NaN)).toEqual(errorCell());
    expect(spillCell(Infinity)).toEqual(errorCell());
    expect(spillCell(undefined)).toEqual(errorCell());
    expect(spillCell({})).toEqual(errorCell());
    expect(spillCell(NaN)).toBeInstanceOf(CustomFunctionsError);
    expect(spill(['a', 'b'], [[1], [1, 2, 3]])).toEqual([
      ['a', 'b'],
      [1, errorCell()],
      [1, 2],
    ]);
  });

  it('keeps a metric error as that error, with its reason', () => {
    expect(spillCell(metricError('#DIV/0!', 'no orders'))).toEqual(
      new CustomFunctionsError('#DIV/0!' as never, undefined),
    );
    expect(spillCell(metricError('#N/A', 'no data in 2026-02'))).toEqual(
      new CustomFunctionsError('#N/A' as never, 'no data in 2026-02'),
    );
  });

  it('keeps text and numbers as they are, never "" for a missing value', () => {
    expect(spillCell('')).toBe('');
    expect(spillCell('#N/A')).toBe('#N/A');
    expect(spillCell(0)).toBe(0);
  });
});

describe('SALES.BYPERIOD', () => {
  it('sums per month, with empty months as 0, and the period start as a date serial', () => {
    const rows = F.BYPERIOD(D, V, 'month', null);
    expectSpillShape(rows);
    expect(rows).toEqual([
      ['Period', 'Start', 'Sum'],
      ['2026-01', serial('2026-01-01'), 150],
      ['2026-02', serial('2026-02-01'), 0],
      ['2026-03', serial('2026-03-01'), 100],
    ]);
  });

  it('average, min, max are #N/A in empty periods (a gap in a chart); count and distinct count values', () => {
    expect(F.BYPERIOD(D, V, 'bulan', 'average')[2]).toEqual(['2026-02', serial('2026-02-01'), errorCell()]);
    expect(F.BYPERIOD(D, V, 'month', 'max')[2][2]).toEqual(errorCell());
    expect(F.BYPERIOD(D, V, 'month', 'average')[1][2]).toBe(75);
    expect(F.BYPERIOD(D, V, 'month', 'min')[3][2]).toBe(30);
    expect(F.BYPERIOD(D, V, 'month', 'max')[3][2]).toBe(70);
    const customers = col('a', 'a', 'b', '', 'b');
    expect(F.BYPERIOD(D, customers, 'month', 'count').map((r) => r[2])).toEqual(['Count', 2, 0, 2]);
    expect(F.BYPERIOD(D, customers, 'month', 'distinct').map((r) => r[2])).toEqual(['Distinct', 1, 0, 1]);
    expect(F.BYPERIOD(D, V, 'quarter', null)).toEqual([
      ['Period', 'Start', 'Sum'],
      ['2026-Q1', serial('2026-01-01'), 250],
    ]);
    expect(F.BYPERIOD(D, V, 'minggu', null)[1][0]).toBe('2026-W02');
  });

  it('argument errors', () => {
    expectExcelError(
      () => F.BYPERIOD(D, col(1, 2), 'month', null),
      '#VALUE!',
      'dates has 5 rows but values has 2',
    );
    expectExcelError(() => F.BYPERIOD(D, V, null, null), '#VALUE!', 'period: is required');
    expectExcelError(() => F.BYPERIOD(D, V, 'month', 'median'), '#VALUE!', 'agg');
    expectExcelError(() => F.BYPERIOD(col(), col(), 'month', null), '#N/A');
  });
});
