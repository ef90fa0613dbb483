/**
 * Which KPIs a source lets the dashboard write as native formulas, and the formulas themselves:
 * over sheet ranges and over an Excel table's columns, from a cost or a profit column.
 */
import { liveMetrics, metricFormula, numericRoles, type OrdersSource } from '../../src/sheets/sources';

const base: OrdersSource = {
  sheet: 'Orders',
  firstRow: 2,
  lastRow: 9,
  columns: { date: 'A', amount: 'B', quantity: 'C', cost: 'D' },
  formulaReady: true,
  numeric: ['date', 'amount', 'quantity', 'cost'],
  label: 'orders',
};

describe('numericRoles', () => {
  it('keeps a column whose data cells are all numbers or empty, and dates for the date column', () => {
    const rows = [
      ['Date', 'Amount', 'Qty', 'Cost', 'Profit'],
      [new Date(Date.UTC(2026, 0, 2)), 10, 1, null, 2],
      [46024, -5, undefined, 3, '4'],
      [46025, 0, 2, 1.5, 1],
    ];
    const roles = numericRoles(rows, 1, { date: 0, amount: 1, quantity: 2, cost: 3, profit: 4 });
    expect(roles).toEqual(['date', 'amount', 'quantity', 'cost']); // '4' is text: SUMIFS would skip it
    expect(numericRoles([['Amount'], [new Date(0)]], 1, { amount: 0 })).toEqual([]);
    expect(numericRoles([['Amount'], ['n/a']], 1, { amount: 0 })).toEqual([]);
    expect(numericRoles([['Amount']], 1, { amount: 0 })).toEqual(['amount']);
  });
});

describe('liveMetrics', () => {
  it('lists what SUMIFS/COUNTIFS can express for the source', () => {
    expect([...liveMetrics(base)]).toEqual(['revenue', 'orders', 'aov', 'units', 'avg_price', 'gross_margin']);
    expect([...liveMetrics({ ...base, columns: { ...base.columns, order_id: 'E' } })]).toEqual(['revenue', 'units', 'avg_price', 'gross_margin']);
    expect([...liveMetrics({ ...base, numeric: ['date', 'amount', 'cost'] })]).toEqual(['revenue', 'orders', 'aov', 'gross_margin']);
    // Units and costs sum only the lines with an amount; "<>" tells them apart only without text.
    expect([...liveMetrics({ ...base, numeric: ['date', 'quantity', 'cost'] })]).toEqual(['revenue', 'orders', 'aov']);
    expect([...liveMetrics({ ...base, numeric: undefined })]).toEqual(['revenue', 'orders', 'aov']);
    expect([...liveMetrics({ ...base, formulaReady: false })]).toEqual([]);
    expect([...liveMetrics(undefined)]).toEqual([]);
  });

  it('reads gross margin from a cost column, or from a profit column when there is no cost', () => {
    const profit = { ...base, columns: { date: 'A', amount: 'B', profit: 'E' }, numeric: ['date', 'amount', 'profit'] } as OrdersSource;
    expect(liveMetrics(profit).has('gross_margin')).toBe(true);
    // With a cost column the engine reads the cost: a cost column holding text is not replaced by profit.
    const textCost = { ...profit, columns: { ...profit.columns, cost: 'D' } } as OrdersSource;
    expect(liveMetrics(textCost).has('gross_margin')).toBe(false);
  });
});

describe('metricFormula', () => {
  const window = 'Orders!$A$2:$A$9,">="&$B$20,Orders!$A$2:$A$9,"<"&$C$20+1';

  it('computes a ratio inline when no cell holds its parts', () => {
    expect(metricFormula('aov', base, '$B$20', '$C$20+1')).toBe(
      `IF(COUNTIFS(${window},Orders!$B$2:$B$9,">=0")=0,"—",SUMIFS(Orders!$B$2:$B$9,${window})/COUNTIFS(${window},Orders!$B$2:$B$9,">=0"))`,
    );
    expect(metricFormula('avg_price', base, '$B$20', '$C$20+1')).toBe(
      `IF(SUMIFS(Orders!$C$2:$C$9,${window},Orders!$B$2:$B$9,"<>")=0,"—",SUMIFS(Orders!$B$2:$B$9,${window})/SUMIFS(Orders!$C$2:$C$9,${window},Orders!$B$2:$B$9,"<>"))`,
    );
    expect(metricFormula('customers', base, '$B$20', '$C$20+1')).toBeUndefined();
    expect(metricFormula('retention_rate', base, '$B$20', '$C$20+1')).toBeUndefined();
  });

  it('uses structured references over an Excel table, and a profit column for gross margin', () => {
    const table: OrdersSource = {
      ...base,
      columns: { date: 'A', amount: 'B', profit: 'C' },
      numeric: ['date', 'amount', 'profit'],
      table: 'Sales',
      headers: { date: 'Order Date', amount: 'Sales', profit: 'Profit' },
    };
    const w = 'Sales[Order Date],">="&$B$20,Sales[Order Date],"<"&$C$20+1';
    expect(metricFormula('gross_margin', table, '$B$20', '$C$20+1')).toBe(
      `IF(SUMIFS(Sales[Sales],${w},Sales[Profit],"<>")=0,"—",SUMIFS(Sales[Profit],${w},Sales[Sales],"<>")/SUMIFS(Sales[Sales],${w},Sales[Profit],"<>"))`,
    );
    expect(metricFormula('units', table, '$B$20', '$C$20+1')).toBeUndefined();
  });

  it('adds a breakdown criterion to every sum and count', () => {
    const region = { ...base, columns: { ...base.columns, region: 'F' } };
    const f = metricFormula('gross_margin', region, '$B$20', '$C$20+1', [{ role: 'region', cell: '$A31' }])!;
    expect(f.match(/Orders!\$F\$2:\$F\$9,\$A31/g)).toHaveLength(3);
  });
});
