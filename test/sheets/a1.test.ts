import fc from 'fast-check';
import {
  columnLetters, columnNumber, toA1, fromA1, parseRange, formatRange, cellsOf, quoteSheetName, parseSheetRef, sheetRef, MAX_COLUMN, MAX_ROW,
} from '../../src/sheets/a1';

describe('column letters', () => {
  it.each([[1, 'A'], [26, 'Z'], [27, 'AA'], [52, 'AZ'], [53, 'BA'], [702, 'ZZ'], [703, 'AAA'], [16384, 'XFD']])(
    '%i ↔ %s', (n, letters) => {
      expect(columnLetters(n)).toBe(letters);
      expect(columnNumber(letters)).toBe(n);
    },
  );

  it('round-trips every column (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: MAX_COLUMN }), (n) => columnNumber(columnLetters(n)) === n));
  });
});

describe('cell addresses', () => {
  it('reads absolute and relative forms', () => {
    expect(fromA1('B3')).toEqual({ row: 3, column: 2 });
    expect(fromA1('$AB$10')).toEqual({ row: 10, column: 28 });
    expect(fromA1('xfd1048576')).toEqual({ row: MAX_ROW, column: MAX_COLUMN });
  });

  it('rejects what is not a cell', () => {
    for (const bad of ['', 'A0', 'XFE1', 'A1048577', '3B', 'A1:B2', 'Sheet!A1']) expect(fromA1(bad)).toBeUndefined();
  });

  it('round-trips positions (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: MAX_ROW }), fc.integer({ min: 1, max: MAX_COLUMN }), (row, column) => {
      const p = fromA1(toA1(row, column));
      return p !== undefined && p.row === row && p.column === column;
    }));
  });
});

describe('ranges', () => {
  it('normalises corners and formats back', () => {
    expect(parseRange('H15:A1')).toEqual({ top: 1, left: 1, bottom: 15, right: 8 });
    expect(formatRange(parseRange('A2:A13')!, true)).toBe('$A$2:$A$13');
    expect(formatRange(parseRange('C4')!)).toBe('C4');
    expect(parseRange('A1:B2:C3')).toBeUndefined();
  });

  it('lists cells row by row', () => {
    expect(cellsOf(parseRange('A1:B2')!)).toEqual(['A1', 'B1', 'A2', 'B2']);
  });
});

describe('sheet references', () => {
  it('quotes names only when Excel needs it', () => {
    expect(quoteSheetName('Dashboard')).toBe('Dashboard');
    expect(quoteSheetName('Review 2026-W48')).toBe("'Review 2026-W48'");
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
    expect(quoteSheetName('A1')).toBe("'A1'");
  });

  it('parses quoted and plain references', () => {
    expect(parseSheetRef("'Review 2026-W48'!$B$2:$B$5")).toEqual({ sheet: 'Review 2026-W48', range: { top: 2, left: 2, bottom: 5, right: 2 } });
    expect(parseSheetRef('Dashboard!A1')).toEqual({ sheet: 'Dashboard', range: { top: 1, left: 1, bottom: 1, right: 1 } });
    expect(parseSheetRef("'Bob''s'!A1")?.sheet).toBe("Bob's");
    expect(parseSheetRef('A1:B2')).toBeUndefined();
  });

  it('round-trips sheet references (property)', () => {
    const name = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/[\\/?*[\]:]/.test(s));
    fc.assert(fc.property(name, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 100 }), (sheet, row, col) => {
      const range = { top: row, left: col, bottom: row + 3, right: col + 1 };
      const parsed = parseSheetRef(sheetRef(sheet, range));
      return parsed !== undefined && parsed.sheet === sheet && JSON.stringify(parsed.range) === JSON.stringify(range);
    }));
  });
});
