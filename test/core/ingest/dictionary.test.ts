import { encodeDictionary, DictionaryEncoder, cellText } from '../../../src/core/ingest/dictionary';

describe('dictionary encoding', () => {
  test('trims text, numbers become their text, blanks are -1', () => {
    const column = encodeDictionary([' Acme', 1001, 'Acme', '', 1001, '1001', null, '  ', 1001.5]);
    expect(column.dictionary).toEqual(['Acme', '1001', '1001.5']);
    expect(Array.from(column.codes)).toEqual([0, 1, 0, -1, 1, 1, -1, -1, 2]);
  });

  test('Excel errors are missing; the encoder reports them as -2', () => {
    const encoder = new DictionaryEncoder();
    expect(encoder.encode('#N/A')).toBe(-2);
    expect(Array.from(encodeDictionary(['#N/A', 'x']).codes)).toEqual([-1, 0]);
  });

  test('booleans and dates have a text', () => {
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(new Date(Date.UTC(2026, 10, 28)))).toBe('2026-11-28');
    expect(cellText(new Date(Date.UTC(2026, 10, 28, 10, 30)))).toBe('2026-11-28 10:30:00');
    expect(cellText(NaN)).toBe('');
  });

  test('text that only looks like a number keeps its form', () => {
    const column = encodeDictionary(['00042', 42, '42.0']);
    expect(column.dictionary).toEqual(['00042', '42', '42.0']);
  });
});
