/** The renderer's pure parts: blocks, style rectangles, print area, lists, people cells, errors, batching. */
import { BatchRunner, Syncs, callBytes, utf8Length, step } from '../../src/excel/render/batch';
import { cellBlocks, formulaInput } from '../../src/excel/render/cells';
import { styleRectangles, styleFormat } from '../../src/excel/render/styles';
import { lastRow, printArea } from '../../src/excel/render/print';
import { listSource } from '../../src/excel/render/protection';
import { peopleContent, rowBands } from '../../src/excel/render/people';
import { toRenderError } from '../../src/excel/render/errors';
import { ownsName } from '../../src/excel/render/names';
import { emptyPlan, textCell, type CellPlan } from '../../src/sheets/plan';
import { resolveStyle } from '../../src/sheets/styles';
import { formatRange } from '../../src/sheets/a1';

describe('contents', () => {
  it('writes formulas with =, text behind an apostrophe, numbers as they are, null to clear, nothing for a look-only cell', () => {
    expect(formulaInput({ ref: 'A1', formula: 'SUM(B1:B3)', result: 6 })).toBe('=SUM(B1:B3)');
    expect(formulaInput(textCell('A1', '=1+1'))).toBe("'=1+1");
    expect(formulaInput(textCell('A1', "'x"))).toBe("''x");
    expect(formulaInput({ ref: 'A1', value: -5 })).toBe(-5);
    expect(formulaInput({ ref: 'A1', value: false })).toBe(false);
    expect(formulaInput({ ref: 'A1', value: null })).toBe('');
    expect(formulaInput({ ref: 'A1', value: '' })).toBe('');
    expect(formulaInput({ ref: 'A1', style: 'header' })).toBeNull();
    expect(formulaInput(undefined)).toBeNull();
  });

  it('groups cells in bands of nearby rows and splits bands that would be too large', () => {
    const cells: CellPlan[] = [
      textCell('A1', 'a'),
      textCell('C2', 'b'),
      textCell('B4', 'c'),
      textCell('A9', 'd'),
      textCell('D9', 'e'),
    ];
    expect(cellBlocks(cells).map((b) => formatRange(b))).toEqual(['A1:C4', 'A9:D9']);
    const many = Array.from({ length: 1000 }, (_, i) => textCell(`A${i + 1}`, 'x'.repeat(100)));
    const blocks = cellBlocks(many, 10_000);
    expect(blocks.length).toBeGreaterThan(10);
    expect(blocks.reduce((n, b) => n + b.cells.size, 0)).toBe(1000);
    for (const b of blocks) expect(b.cells.size * 110).toBeLessThanOrEqual(10_000 + 110);
  });
});

describe('styles', () => {
  it('groups same-styled cells into rectangles, one row high for styles with rules', () => {
    const cells: CellPlan[] = [
      ...['A', 'B', 'C'].flatMap((c) =>
        [1, 2, 3].map((r) => ({ ref: `${c}${r}`, value: null, style: 'input' as const })),
      ),
      { ref: 'D1', value: 'x', style: 'header' },
      ...['A', 'B'].flatMap((c) =>
        [5, 6].map((r) => ({ ref: `${c}${r}`, value: null, style: 'section' as const })),
      ),
    ];
    const rects = styleRectangles(cells)
      .map((r) => `${r.style} ${formatRange(r.range)}`)
      .sort();
    expect(rects).toEqual(['header D1', 'input A1:C3', 'section A5:B5', 'section A6:B6']);
  });

  it('maps a style to a range format with the product font', () => {
    expect(styleFormat(resolveStyle('header'))).toEqual({
      font: { name: 'Calibri', size: 11, bold: true, color: '#FFFFFF' },
      fill: { color: '#1F4E79' },
      horizontalAlignment: 'Center',
      verticalAlignment: 'Center',
      wrapText: true,
    });
    expect(styleFormat(resolveStyle('body'))).toEqual({ font: { name: 'Calibri', size: 11 } });
  });
});

describe('print', () => {
  it('prints the plan columns down to the last row a cell or chart uses', () => {
    const plan = {
      ...emptyPlan('S'),
      cells: [textCell('A3', 'x'), textCell('B40', 'y')],
      charts: [
        {
          type: 'line' as const,
          title: 't',
          anchor: { from: 'K1', to: 'R55' },
          categories: 'S!$A$1:$A$2',
          series: [],
        },
      ],
    };
    expect(lastRow(plan)).toBe(55);
    expect(printArea('A:R', 55)).toBe('A1:R55');
    expect(printArea('B2:D9', 55)).toBe('B2:D9');
  });
});

describe('lists', () => {
  it('keeps a list Excel can hold in a rule, refuses one too long or with a comma', () => {
    expect(listSource(['open', 'in progress', 'done'])).toBe('open,in progress,done');
    expect(listSource(['a,b', 'c'])).toBeUndefined();
    expect(listSource(['x'.repeat(256)])).toBeUndefined();
    expect(listSource([])).toBeUndefined();
  });
});

describe('people cells', () => {
  it('reads formulas as A1 at their old place, keeps text that starts with = as text, and formats other than General', () => {
    const content = peopleContent({
      name: 'actions',
      ref: 'B60:D60',
      formulas: [['=A60*2', '=typed text', 46134]],
      values: [[8, '=typed text', 46134]],
      numberFormat: [['General', 'General', 'yyyy-mm-dd']],
    });
    expect(content).toEqual({
      name: 'actions',
      ref: 'B60:D60',
      cells: [
        { ref: 'B60', value: null, formula: 'A60*2' },
        { ref: 'C60', value: '=typed text' },
        { ref: 'D60', value: 46134, format: 'yyyy-mm-dd' },
      ],
    });
  });

  it('splits a large area into bands of whole rows', () => {
    expect(rowBands('A1:G10', 21).map((r) => formatRange(r))).toEqual(['A1:G3', 'A4:G6', 'A7:G9', 'A10:G10']);
    expect(rowBands('A1:Z1', 5).map((r) => formatRange(r))).toEqual(['A1:Z1']);
  });
});

describe('names', () => {
  it('replaces only names that are the plan’s: its area names, names on its sheet, names already where it puts them, broken ones', () => {
    const plan = { ...emptyPlan('Dashboard'), namedRanges: [{ name: 'DataFirst', ref: 'Data!$A$2' }] };
    expect(ownsName(plan, 'SM_Dashboard_old', '=Data!$A$1')).toBe(true);
    expect(ownsName(plan, 'KpiRevenue', '=Dashboard!$B$5')).toBe(true);
    expect(ownsName(plan, 'DataFirst', '=Data!$A$2')).toBe(true);
    expect(ownsName(plan, 'DataFirst', '=Data!$A$3')).toBe(false);
    expect(ownsName(plan, 'Rate', '=0.2')).toBe(false);
    expect(ownsName(plan, 'Gone', '=#REF!$A$1')).toBe(true);
  });
});

describe('errors', () => {
  const office = (code: string, errorLocation = '') => ({ code, message: 'm', debugInfo: { errorLocation } });
  it.each([
    [office('RequestPayloadSizeLimitExceeded'), false, 'payload-too-large'],
    [office('ItemAlreadyExists', 'Table.name'), false, 'table-name-taken'],
    [office('ItemAlreadyExists', 'NamedItemCollection.add'), true, 'name-taken'],
    [office('ItemAlreadyExists', 'Worksheet.name'), true, 'sheet-name-taken'],
    [office('AccessDenied', 'WorksheetCollection.add'), false, 'workbook-protected'],
    [office('GeneralException', 'Range.formulas'), false, 'failed'],
    [new Error('boom'), true, 'failed'],
  ])('maps %j to a typed error', (error, applied, code) => {
    const mapped = toRenderError(error, applied);
    expect(mapped.code).toBe(code);
    expect(mapped.officeError).toBe(error);
  });
});

describe('batching', () => {
  it('sends a batch before it would pass the budget and suspends calculation in each', async () => {
    const calls: string[] = [];
    const context = {
      sync: async () => void calls.push('sync'),
      application: { suspendApiCalculationUntilNextSync: () => void calls.push('suspend') },
    } as unknown as Excel.RequestContext;
    const syncs = new Syncs(context);
    const runner = new BatchRunner(syncs, 100);
    await runner.run([
      step(60, () => calls.push('a')),
      step(30, () => calls.push('b')),
      step(60, () => calls.push('c')),
    ]);
    await runner.flush();
    await runner.flush();
    expect(calls).toEqual(['suspend', 'a', 'b', 'sync', 'suspend', 'c', 'sync']);
    expect(syncs.count).toBe(2);
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é€😀')).toBe(2 + 3 + 4);
    expect(callBytes('é')).toBe(160 + utf8Length('["é"]'));
  });
});
