import { analyzeOrders, firstRowOf } from '../../src/taskpane/analysis';
import { PREVIEW_ORDERS } from '../../src/taskpane/preview-sample';
import { EXPECTED } from './preview-expected';

describe('firstRowOf', () => {
  it('reads the first row of an address, sheet names with ! or quotes included', () => {
    expect(firstRowOf('Sheet1!A1:H1201')).toBe(1);
    expect(firstRowOf("'Q1 Sales!'!$B$5:$F$40")).toBe(5);
    expect(firstRowOf('C12')).toBe(12);
    expect(firstRowOf('Sheet1!A:A')).toBe(1);
    expect(firstRowOf('')).toBe(1);
  });
});

describe('analyzeOrders', () => {
  it('reports the preview sample’s skipped rows with their sheet row numbers', () => {
    const { result, kpis } = analyzeOrders(PREVIEW_ORDERS, {});
    expect(result.report).toMatchObject({
      rowsRead: EXPECTED.rowsRead,
      rowsUsed: EXPECTED.rowsUsed,
      rowsSkipped: 2,
    });
    expect(result.report.issues.map((i) => [i.row, i.column, i.value, i.severity])).toEqual([
      [42, 'Date', 'TBD', 'skipped'],
      [45, 'Amount', 'pending', 'skipped'],
    ]);
    expect(kpis?.period.key).toBe('2026-03');
  });

  it('numbers rows from where the source starts in the sheet', () => {
    const { result } = analyzeOrders(PREVIEW_ORDERS, {}, 10);
    expect(result.report.issues.map((i) => i.row)).toEqual([51, 54]);
  });

  it('re-ingests with the user’s choices', () => {
    const { headers, result, rows, kpis } = analyzeOrders(PREVIEW_ORDERS, { customer: 4, region: null });
    expect(headers).toEqual(['Order ID', 'Date', 'Customer', 'Region', 'Rep', 'Amount']);
    expect(result.table?.mapping.customer).toBe('Rep');
    expect(rows.find((r) => r.role === 'customer')).toMatchObject({ column: 4, chosenByUser: true });
    expect(rows.find((r) => r.role === 'region')).toMatchObject({ column: null });
    // Four reps bought in March.
    expect(kpis?.kpis.find((k) => k.id === 'customers')?.current).toBe(4);
  });

  it('drops the customers KPI when the customer role is set to none', () => {
    const { kpis } = analyzeOrders(PREVIEW_ORDERS, { customer: null });
    expect(kpis?.kpis.map((k) => k.id)).toEqual(['revenue', 'orders', 'aov']);
  });

  it('fails with ingestion’s message when a required role is set to none', () => {
    const { result, rows, kpis } = analyzeOrders(PREVIEW_ORDERS, { amount: null });
    expect(result.table).toBeNull();
    expect(result.error).toMatch(/Could not find the amount column/);
    expect(rows.find((r) => r.role === 'amount')).toMatchObject({ column: null });
    expect(kpis).toBeNull();
  });
});
