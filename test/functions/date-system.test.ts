/**
 * A workbook in the 1904 date system passes every date as a serial 1,462 days smaller than the
 * 1900 system's. Once the host has set the system, the functions read those serials as the same
 * days and write spilled dates in the workbook's system.
 */
import { col, serial } from './setup';
import { IMPLEMENTATIONS as F } from '../../src/functions/registry';
import { numericRevenue } from '../../src/functions/fast-sum';
import { dateSystem, serialOf, setDateSystem } from '../../src/functions/date-system';

/** The 1904 system's serial of a calendar date. */
const serial1904 = (iso: string) => serial(iso) - 1462;

afterEach(() => setDateSystem('1900'));

describe('the 1904 date system', () => {
  const days = ['2026-02-27', '2026-03-02', '2026-03-31'];
  const amounts = col(10, 20, 40);

  it('reads 1904 serials as the same days as 1900 serials in a 1900 workbook', () => {
    const expected = F.REVENUE(col(...days.map(serial)), amounts, 'month', null);
    expect(expected).toBe(60);
    setDateSystem('1904');
    expect(dateSystem()).toBe('1904');
    const dates1904 = col(...days.map(serial1904));
    expect(F.REVENUE(dates1904, amounts, 'month', null)).toBe(60);
    // The general path (a text cell among the dates) agrees with the fast one.
    expect(F.REVENUE(col(...days.map(serial1904), 'n/a'), col(10, 20, 40, 5), 'month', null)).toBe(60);
    expect(numericRevenue(dates1904, amounts, undefined, undefined)).toBe(70);
    expect(F.CUSTOMERS(dates1904, col('a', 'b', 'b'), 'month', serial1904('2026-03-15'), null)).toBe(1);
  });

  it('without the setting, the same serials are four years off', () => {
    const dates1904 = col(...days.map(serial1904));
    expect(F.BYPERIOD(dates1904, amounts, 'year', null)[1][0]).toBe('2022');
  });

  it('writes spilled dates as 1904 serials', () => {
    setDateSystem('1904');
    const rows = F.BYPERIOD(col(...days.map(serial1904)), amounts, 'month', null);
    expect(rows).toEqual([
      ['Period', 'Start', 'Sum'],
      ['2026-02', serial1904('2026-02-01'), 10],
      ['2026-03', serial1904('2026-03-01'), 60],
    ]);
    const split = F.GOALSPLIT(300, serial1904('2026-01-01'), serial1904('2026-03-31'), 'month', null, null);
    expect(split[1].slice(0, 3)).toEqual(['2026-01', serial1904('2026-01-01'), serial1904('2026-01-31')]);
    expect(serialOf(0)).toBe(24107);
  });

  it('SALES.PACE reads its dates in the workbook system', () => {
    setDateSystem('1904');
    expect(
      F.PACE(50, 100, serial1904('2026-01-01'), serial1904('2026-01-10'), serial1904('2026-01-05')),
    ).toBe(1);
  });

  it('serial 0 (1904-01-01) is still an empty cell from an older build, not a date', () => {
    setDateSystem('1904');
    expect(F.REVENUE(col(serial1904('2026-03-02'), 0), col(5, 0), null, null)).toBe(5);
  });
});
