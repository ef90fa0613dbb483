import { analyzeOrders } from '../../src/taskpane/analysis';
import { dataWarnings } from '../../src/taskpane/guardrails';
import type { CellValue } from '../../src/core/cell';

const check = (values: CellValue[][]) => dataWarnings(values, analyzeOrders(values, {}));

describe('checks before figures', () => {
  it('recognises a pipeline read as orders', () => {
    const values: CellValue[][] = [
      ['Opportunity', 'Created', 'Status', 'Value'],
      ['OP-1', 45650, 'Won', 5000],
      ['OP-2', 45668, 'Open', 3200],
      ['OP-3', 45690, 'Lost', 1800],
    ];
    expect(check(values)).toContainEqual({ kind: 'looks-like', table: 'pipeline' });
  });

  it('flags amounts that are percentages and several currencies in one column', () => {
    expect(
      check([
        ['Date', 'Amount'],
        [46000, '15%'],
        [46001, '20%'],
        [46002, '5%'],
      ]),
    ).toContainEqual(expect.objectContaining({ kind: 'percent-amounts', share: 1 }));
    expect(
      check([
        ['Date', 'Amount'],
        [46000, 'Rp 1.000.000'],
        [46001, '$120'],
        [46002, 'IDR 5.000'],
      ]),
    ).toContainEqual({
      kind: 'mixed-currencies',
      markers: ['Rp', '$', 'IDR'],
    });
    expect(
      check([
        ['Date', 'Amount'],
        [46000, 'Rp 1.000.000'],
        [46001, 'IDR 5.000'],
      ]),
    ).toEqual([]);
  });

  it('says nothing about clean orders', () => {
    expect(
      check([
        ['Order Date', 'Customer', 'Sales'],
        [46000, 'A', 100],
        [46001, 'B', 200],
      ]),
    ).toEqual([]);
  });
});
