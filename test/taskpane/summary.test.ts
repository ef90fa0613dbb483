import { summarizeRead } from '../../src/taskpane/summary';

describe('summarizeRead', () => {
  it('counts data rows below the header and names the columns', () => {
    expect(
      summarizeRead('Orders', 'Sheet1!A1:C3', [
        ['Date', ' Amount ', null],
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toEqual({
      label: 'Orders',
      address: 'Sheet1!A1:C3',
      rowCount: 2,
      columns: ['Date', 'Amount', 'Column 3'],
    });
  });

  it('handles a header-only and an empty read', () => {
    expect(summarizeRead('S', 'A1:B1', [['a', 'b']]).rowCount).toBe(0);
    expect(summarizeRead('S', 'A1', [])).toEqual({ label: 'S', address: 'A1', rowCount: 0, columns: [] });
  });

  it('names non-text headers by their text', () => {
    expect(
      summarizeRead('S', 'A1:B2', [
        [2024, true],
        [1, 2],
      ]).columns,
    ).toEqual(['2024', 'true']);
  });
});
