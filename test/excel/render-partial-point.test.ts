/**
 * The Office.js renderer draws the point of a period that is not over as a hollow circle in the
 * series' colour (the file renderer's chart part also dashes the line into it, which the API
 * cannot do for one point), on the point the plan names and on line charts only.
 */
import { renderPlansInExcel } from '../../src/excel/render';
import { ALL_CAPABILITIES } from '../../src/excel/capabilities';
import { emptyPlan, textCell, valueCell, type ChartPlan, type SheetPlan } from '../../src/sheets/plan';
import { createExcelFake } from '../support/excel-fake';
import { expectedChart } from '../support/excel-fake/plan-match';

const months = ['Oct', 'Nov', 'Dec (to date)'];
function plan(type: ChartPlan['type']): SheetPlan {
  return {
    ...emptyPlan('Dashboard'),
    cells: months.flatMap((m, i) => [textCell(`A${i + 1}`, m), valueCell(`B${i + 1}`, [229, 267, 42][i])]),
    charts: [
      {
        type,
        title: 'Revenue trend',
        anchor: { from: 'D1', to: 'K16' },
        categories: 'Dashboard!$A$1:$A$3',
        series: [{ name: 'Revenue', ref: 'Dashboard!$B$1:$B$3', color: '1F77B4', partialPoint: 2 }],
        legend: 'none',
      },
    ],
  };
}

describe('the partial point in Excel', () => {
  it('is a hollow circle on a line chart', async () => {
    const fake = createExcelFake();
    fake.addSheet('Data');
    const line = plan('line');
    await renderPlansInExcel(fake.context, [line], { capabilities: ALL_CAPABILITIES });
    const [chart] = fake.dump('Dashboard').charts;
    expect(chart.series[0]).toMatchObject({
      line: '#1F77B4',
      points: { 2: { markerStyle: 'Circle', markerSize: 7, markerBackgroundColor: '#FFFFFF', markerForegroundColor: '#1F77B4' } },
    });
    expect(chart).toMatchObject(expectedChart(line.charts[0]));
  });

  it('is left alone on bar and column charts', async () => {
    for (const type of ['bar', 'column'] as const) {
      const fake = createExcelFake();
      fake.addSheet('Data');
      await renderPlansInExcel(fake.context, [plan(type)], { capabilities: ALL_CAPABILITIES });
      expect(fake.dump('Dashboard').charts[0].series[0]).not.toHaveProperty('points');
    }
  });
});
