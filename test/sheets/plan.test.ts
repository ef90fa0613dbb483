import { textCell, valueCell, formulaCell, emptyPlan, looksLikeFormula, FORMATS } from '../../src/sheets/plan';
import { STYLES, resolveStyle } from '../../src/sheets/styles';

describe('cell helpers', () => {
  it('keeps formula-like text as a literal value, never a formula', () => {
    for (const text of ['=SUM(A1:A3)', '+1', '-cash', '@user', '=HYPERLINK("http://x")']) {
      const cell = textCell('B2', text);
      expect(cell).toEqual({ ref: 'B2', value: text });
      expect(cell.formula).toBeUndefined();
      expect(looksLikeFormula(text)).toBe(true);
    }
    expect(looksLikeFormula('Revenue')).toBe(false);
  });

  it('drops a leading = from formulas so plans hold one form', () => {
    expect(formulaCell('B5', '=SUM(B2:B4)', FORMATS.money)).toEqual({ ref: 'B5', formula: 'SUM(B2:B4)', format: '#,##0' });
    expect(formulaCell('B5', 'SUM(B2:B4)')).toEqual({ ref: 'B5', formula: 'SUM(B2:B4)' });
  });

  it('builds value cells with optional format and style', () => {
    expect(valueCell('C3', 0.25, '0.0%', 'kpiValue')).toEqual({ ref: 'C3', value: 0.25, format: '0.0%', style: 'kpiValue' });
    expect(valueCell('C3', null)).toEqual({ ref: 'C3', value: null });
  });

  it('plans are plain data: JSON round-trips them unchanged', () => {
    const plan = {
      ...emptyPlan('Dashboard'),
      cells: [textCell('A1', 'Sales', 'title'), formulaCell('B2', 'SUMIFS(Data!B:B,Data!A:A,">="&A2)', FORMATS.money)],
      charts: [{ type: 'line' as const, title: 'Revenue', anchor: { from: 'A1', to: 'H15' }, categories: 'Dashboard!$A$2:$A$13', series: [{ name: 'Revenue', ref: 'Dashboard!$B$2:$B$13' }] }],
      areas: [{ ref: 'A20:G30', owner: 'people' as const, name: 'actions' }],
    };
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe('style palette', () => {
  it('resolves every named style', () => {
    for (const name of Object.keys(STYLES) as (keyof typeof STYLES)[]) expect(resolveStyle(name)).toBe(STYLES[name]);
    expect(resolveStyle('header').fill).toMatch(/^[0-9A-F]{6}$/);
  });
});
