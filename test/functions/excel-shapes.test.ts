/**
 * The functions called with the arguments Excel really passes (see args.ts): blanks as `null`
 * (current builds) or `0` (older desktop builds), error cells as `CustomFunctions.Error` or as a
 * data-type error value, cells holding data types as objects, date parameters declared `any` (so
 * date text arrives as text), and a range for every range parameter, even a single number.
 * Expected values are worked out by hand from the rows.
 */
import { CustomFunctionsError, ErrorCode, col, expectExcelError, serial } from './setup';
import { IMPLEMENTATIONS as F } from '../../src/functions/registry';
import { cellOf } from '../../src/functions/args';

/** Blank cells in the two shapes Excel uses. */
const SHAPES = [
  ['null (current builds)', null],
  ['0 (older desktop builds)', 0],
] as const;

const divError = (): unknown => new CustomFunctionsError(ErrorCode.divisionByZero);
const divDataType = { type: 'Error', basicType: 'Error', basicValue: '#DIV/0!', errorType: 'Div0' };

describe.each(SHAPES)('blank cells passed as %s', (_, blank) => {
  it('SALES.AOV of 10, 20, 30 and two blanks is 20: a blank is not an order of 0', () => {
    expect(F.AOV(col(10, 20, 30, blank, blank), null)).toBe(20);
  });

  it('SALES.AOV counts distinct order ids, and a blank id is no order', () => {
    expect(F.AOV(col(10, 20, 30, blank), col('A', 'A', 'B', blank))).toBe(30);
  });

  it('a whole-column range ending in blank rows gives what the filled rows give', () => {
    const dates = col(serial('2026-03-02'), serial('2026-03-09'), serial('2026-02-20'), blank, blank);
    const amounts = col(100, 50, 70, blank, blank);
    const customers = col('a', 'b', 'a', blank, blank);
    expect(F.REVENUE(dates, amounts, 'month', null)).toBe(150);
    expect(F.CUSTOMERS(dates, customers, 'month', null, null)).toBe(2);
    expect(F.ORDERS(dates, null, null, null, null)).toBe(3);
    expect(F.METRIC('aov', dates, amounts, customers, 'month', null)).toBe(75);
  });

  it('a blank customer is no customer (the row still counts for revenue)', () => {
    const dates = col(serial('2026-03-02'), serial('2026-03-03'), serial('2026-03-04'));
    expect(F.CUSTOMERS(dates, col('a', blank, 'b'), 'month', null, null)).toBe(2);
    expect(F.METRIC('revenue', dates, col(5, 6, 7), col('a', blank, 'b'), 'month', null)).toBe(18);
  });

  it('a blank region is the (blank) group, not a group called 0', () => {
    const spill = F.BREAKDOWN(col('West', blank, 'West'), col(10, 5, 20), null, null, null, null);
    expect(spill.map((row) => row[0])).toEqual(['Group', 'West', '(blank)', 'Total']);
  });

  it('a blank status is skipped by SALES.WINRATE, not read as a status', () => {
    expect(F.WINRATE(col('Won', blank, 'Lost', 'Won'))).toBeCloseTo(2 / 3, 12);
  });

  it('a blank closing date leaves the deal open', () => {
    const created = col(serial('2026-01-01'), serial('2026-01-05'));
    expect(F.CYCLEDAYS(created, col(serial('2026-01-11'), blank), null)).toBe(10);
  });

  it('an optional as-of date that names a blank cell is omitted', () => {
    const dates = col(serial('2026-03-02'), serial('2026-04-01'));
    expect(F.REVENUE(dates, col(1, 2), 'month', [[blank]])).toBe(2);
    expect(F.REVENUE(dates, col(1, 2), 'month', blank)).toBe(2);
  });
});

describe('0 by role', () => {
  it('a date of 0 is no date: the row is skipped, not counted on 1900-01-00', () => {
    const dates = col(serial('2026-03-02'), 0);
    expect(F.REVENUE(dates, col(100, 40), null, null)).toBe(100);
    expect(F.BYPERIOD(dates, col(100, 40), 'year', null)).toEqual([
      ['Period', 'Start', 'Sum'],
      ['2026', serial('2026-01-01'), 100],
    ]);
  });

  it('a 0 amount beside a date is a real 0: an order of 0 in the engine', () => {
    const dates = col(serial('2026-03-02'), serial('2026-03-03'));
    expect(F.ORDERS(dates, null, 'month', null, col(100, 0))).toBe(2);
    expect(F.METRIC('aov', dates, col(100, 0), null, 'month', null)).toBe(50);
  });

  it('a single number for SALES.AOV orders is the count', () => {
    expect(F.AOV(col(300), [[4]])).toBe(75);
    expect(F.AOV(300, 4)).toBe(75);
  });

  it('a required date of 0 names the empty cell', () => {
    expectExcelError(
      () => F.PACE(50, 100, 0, serial('2026-01-10'), serial('2026-01-05')),
      '#VALUE!',
      'no date',
    );
  });
});

describe('error cells', () => {
  it.each([
    ['CustomFunctions.Error', divError],
    ['data-type error value', () => divDataType],
  ])('an error cell in a range (%s) is skipped like unreadable text', (_, error) => {
    const dates = col(serial('2026-03-02'), error(), serial('2026-03-04'));
    expect(F.REVENUE(dates, col(10, 20, 30), null, null)).toBe(40);
    expect(F.REVENUE(col(serial('2026-03-02'), serial('2026-03-03')), col(10, error()), null, null)).toBe(10);
    expect(F.CUSTOMERS(dates, col('a', 'b', error()), null, null, null)).toBe(1);
    expect(F.AOV(col(10, error(), 30), null)).toBe(20);
  });

  it('reads both shapes as the error code', () => {
    expect(cellOf(divError())).toBe('#DIV/0!');
    expect(cellOf(divDataType)).toBe('#DIV/0!');
    expect(cellOf({ type: 'Error', errorType: 'NotAvailable' })).toBe('#N/A');
  });

  it('an error passed as a single argument comes back as that error', () => {
    const dates = col(serial('2026-03-02'));
    expectExcelError(
      () => F.REVENUE(dates, col(1), 'month', new CustomFunctionsError(ErrorCode.notAvailable)),
      '#N/A',
    );
    expectExcelError(
      () => F.REVENUE(dates, col(1), 'month', { type: 'Error', basicValue: '#NUM!' }),
      '#NUM!',
    );
    // #REF! cannot be returned by a custom function: it becomes #VALUE! saying what came in.
    expectExcelError(() => F.REVENUE(dates, col(1), 'month', { code: '#REF!' }), '#VALUE!', '#REF!');
    // One cell for a summed range parameter is a number argument: its error is the result.
    expectExcelError(() => F.CAC([[divError()]], [[10]]), '#DIV/0!');
  });
});

describe('data types', () => {
  const money = (n: number) => ({
    type: 'FormattedNumber',
    basicType: 'Double',
    basicValue: n,
    numberFormat: '$#,##0.00',
  });
  const entity = (text: string) => ({
    type: 'Entity',
    text,
    basicType: 'Error',
    basicValue: '#VALUE!',
    properties: {},
  });

  it('formatted numbers count with their value', () => {
    const dates = col(serial('2026-03-02'), serial('2026-03-03'));
    expect(F.REVENUE(dates, col(money(12.5), money(7.5)), null, null)).toBe(20);
    expect(F.AOV(col(money(12.5), 7.5), null)).toBe(10);
  });

  it('an entity counts by its text, a date data type by its serial', () => {
    const dates = col(
      { type: 'Double', basicValue: serial('2026-03-02') },
      serial('2026-03-03'),
      serial('2026-03-04'),
    );
    expect(F.CUSTOMERS(dates, col(entity('Acme'), 'Acme', entity('Globex')), null, null, null)).toBe(2);
    expect(cellOf({ type: 'String', basicValue: 'North' })).toBe('North');
    expect(cellOf({ type: 'Boolean', basicValue: true })).toBe(true);
  });
});

describe('date parameters receive what the cell holds', () => {
  it('date text as periodStart, periodEnd and asOf is parsed (the parameters are any)', () => {
    expect(F.PACE(50, 100, '2026-01-01', '2026-01-10', '2026-01-05')).toBe(1);
    const dates = col(serial('2026-11-27'), serial('2026-11-28'), serial('2026-11-29'));
    expect(F.REVENUE(dates, col(1, 2, 4), 'month', '28/11/2026')).toBe(3);
  });

  it('percentages arrive as numbers: Excel converts "15%" before the call', () => {
    expect(F.ROI(10000, 2000, 0.5)).toBe(1.5);
    expect(F.PAYBACK(600, 100, 0.5)).toBe(12);
  });
});
