import { CustomFunctionsError, ErrorCode, installCustomFunctions, removeCustomFunctions, thrown } from './setup';
import { metricError } from '../../src/core/errors';
import {
  StandInFunctionError, UNEXPECTED_PREFIX, excelError, guarded, isExcelFunctionError, throwMetricError, valueOrThrow,
} from '../../src/functions/errors';

describe('MetricError → CustomFunctions.Error', () => {
  afterEach(installCustomFunctions);

  it.each([
    ['#DIV/0!', ErrorCode.divisionByZero, undefined],
    ['#N/A', ErrorCode.notAvailable, 'no data'],
    ['#VALUE!', ErrorCode.invalidValue, 'no data'],
    ['#NUM!', ErrorCode.invalidNumber, undefined],
  ] as const)('%s maps to the Excel code, with a message only where Excel shows one', (code, excel, message) => {
    const error = thrown(() => throwMetricError(metricError(code, 'no data'))) as CustomFunctionsError;
    expect(error).toBeInstanceOf(CustomFunctionsError);
    expect(error.code).toBe(excel);
    expect(error.message).toBe(message);
  });

  it('passes numbers through and turns non-finite ones into #NUM!', () => {
    expect(valueOrThrow(2.5)).toBe(2.5);
    expect((thrown(() => valueOrThrow(Infinity)) as CustomFunctionsError).code).toBe('#NUM!');
  });

  it('works without the CustomFunctions global (Node), with the same shape', () => {
    removeCustomFunctions();
    const error = excelError('#N/A', 'nothing here');
    expect(error).toBeInstanceOf(StandInFunctionError);
    expect(error.code).toBe('#N/A');
    expect(error.message).toBe('nothing here');
    expect(isExcelFunctionError(error)).toBe(true);
  });

  it('guarded lets Excel errors through and turns anything else into a labelled #VALUE!', () => {
    const bad = guarded(() => {
      throw new TypeError('x is undefined');
    });
    const error = thrown(bad) as CustomFunctionsError;
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe(`${UNEXPECTED_PREFIX}x is undefined`);
    const ok = guarded(() => {
      throw excelError('#DIV/0!');
    });
    expect((thrown(ok) as CustomFunctionsError).code).toBe('#DIV/0!');
    expect(guarded((a: number) => a * 2)(4)).toBe(8);
  });
});
