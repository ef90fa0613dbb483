/**
 * The dashboard's trend chart with the revenue forecast, through Office.js into the recording
 * fake: the actual solid with its hollow to-date point, the forecast dashed, the 80 % interval's
 * ends dotted and thinner, all over the trend table's rows including the forecast months.
 */
import { renderPlansInExcel } from '../../src/excel/render';
import { ALL_CAPABILITIES } from '../../src/excel/capabilities';
import { buildDashboardPlan } from '../../src/sheets/dashboard';
import { createExcelFake } from '../support/excel-fake';
import { sampleOrders, AS_OF } from '../sheets/fixtures';

describe('the trend chart with the forecast in Excel', () => {
  it('draws the forecast dashed and its interval dotted', async () => {
    const sample = sampleOrders();
    const plan = buildDashboardPlan({
      inputs: { orders: sample.table },
      asOf: AS_OF,
      source: sample.source,
      sourceLabel: 'sample',
    });
    const fake = createExcelFake();
    fake.addSheet('Data');
    await renderPlansInExcel(fake.context, [plan], { capabilities: ALL_CAPABILITIES });
    const chart = fake.dump('Dashboard').charts[0];
    const first = Number(plan.cells.find((c) => c.value === 'Dec 2025')!.ref.slice(1));
    const last = first + 14; // twelve months, then Dec 2026 … Feb 2027 forecast
    expect(chart).toMatchObject({ type: 'Line', title: 'Revenue trend and forecast', legend: 'Bottom' });
    expect(chart.series).toEqual([
      {
        name: 'Revenue',
        values: `Dashboard!$D$${first}:$D$${last}`,
        categories: `Dashboard!$A$${first}:$A$${last}`,
        line: '#1F77B4',
        points: {
          11: {
            markerStyle: 'Circle',
            markerSize: 7,
            markerBackgroundColor: '#FFFFFF',
            markerForegroundColor: '#1F77B4',
          },
        },
      },
      {
        name: 'Forecast',
        values: `Dashboard!$I$${first}:$I$${last}`,
        categories: `Dashboard!$A$${first}:$A$${last}`,
        line: '#1F77B4',
        lineStyle: 'Dash',
      },
      {
        name: '80 % low',
        values: `Dashboard!$J$${first}:$J$${last}`,
        categories: `Dashboard!$A$${first}:$A$${last}`,
        line: '#6B7280',
        lineStyle: 'RoundDot',
        lineWeight: 1.25,
      },
      {
        name: '80 % high',
        values: `Dashboard!$K$${first}:$K$${last}`,
        categories: `Dashboard!$A$${first}:$A$${last}`,
        line: '#6B7280',
        lineStyle: 'RoundDot',
        lineWeight: 1.25,
      },
    ]);
    // The forecast months are on the sheet with their figures.
    const cells = fake.dump('Dashboard').cells;
    expect(cells[`A${last}`].value).toBe('Feb 2027 (forecast)');
    expect(typeof cells[`I${last}`].value).toBe('number');
  });
});
