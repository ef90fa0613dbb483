/**
 * @jest-environment jsdom
 */
/**
 * The pane's This week: where the week is headed for each flow metric with a goal that week, at
 * the run rate (worked by hand) or by the ETS forecaster (the same figures as the weekly review's
 * notes), in English and Indonesian.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act } from 'react';
import { ingestOrders } from '../../src/core/ingest';
import { calendarOf, parsePeriodKey } from '../../src/core/periods';
import { weekProjections } from '../../src/core/analyses/week-projection';
import type { OrdersTable } from '../../src/core/table';
import { ThisWeekStep } from '../../src/taskpane/components/ThisWeekStep';
import { DEFAULT_SETTINGS, type GoalRow } from '../../src/taskpane/model';
import { PreviewWorkbookGateway } from '../../src/taskpane/preview-gateway';
import { stringsFor } from '../../src/taskpane/strings';
import { weekProjectionNotes } from '../../src/sheets/goal-projection';
import { paneDom } from '../support/pane-dom';

const dom = paneDom();

const epoch = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
const iso = (epochDay: number) => new Date(epochDay * 86_400_000).toISOString().slice(0, 10);

function ordersOf(rows: [string, number][]): OrdersTable {
  const { table } = ingestOrders([['Date', 'Amount'], ...rows]);
  return table!;
}

async function renderWeek(orders: OrdersTable, goals: GoalRow[], language = 'en-US') {
  await act(async () => {
    dom.root.render(
      <FluentProvider theme={webLightTheme}>
        <ThisWeekStep
          strings={stringsFor(language)}
          locale={language}
          gateway={new PreviewWorkbookGateway([])}
          orders={orders}
          settings={DEFAULT_SETTINGS}
          goals={goals}
          today={epoch('2026-12-31')}
        />
      </FluentProvider>,
    );
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
}

const projections = () =>
  [...dom.container.querySelectorAll('[data-testid="week-projections"] li')].map((li) => li.textContent);

describe('This week: where the week is headed', () => {
  // 2026-W10 runs Monday 2 March to Sunday 8 March; the data end on Tuesday the 3rd.
  const SHORT: [string, number][] = [
    ['2026-02-23', 500],
    ['2026-02-25', 700],
    ['2026-03-02', 100],
    ['2026-03-03', 200],
  ];

  it('projects at the run rate with too few complete weeks, worked by hand', async () => {
    await renderWeek(ordersOf(SHORT), [{ id: 'g', metric: 'revenue', period: '2026-W10', target: 1400 }]);
    // 300 to date in 2 of 7 days: 300 × 7 ÷ 2 = 1,050, 75.0 % of 1,400; 300 against a pace of 400
    // is 75 %, under the 90 % at-risk line: off track.
    const [line] = projections();
    expect(line).toContain("Revenue: 75.0% of the week's goal");
    expect(line).toContain('Off track');
    expect(line).toContain('Projected 1,050.00');
    expect(line).toContain('at the run rate (');
    expect(projections()).toHaveLength(1);
  });

  it('says nothing without a goal this week', async () => {
    await renderWeek(ordersOf(SHORT), [{ id: 'g', metric: 'revenue', period: '2026-W11', target: 1400 }]);
    expect(dom.container.querySelector('[data-testid="week-projections"]')).toBeNull();
  });

  it('forecasts with ETS on enough weeks, with the figures of the weekly review', async () => {
    // Twelve complete weeks of two orders each, then Monday and Tuesday of 2026-W10.
    const rows: [string, number][] = [];
    for (let w = 12; w >= 1; w--) {
      const monday = epoch('2026-03-02') - 7 * w;
      rows.push([iso(monday + 1), 400 + 13 * w], [iso(monday + 4), 300 + (w % 3) * 40]);
    }
    rows.push(['2026-03-02', 120], ['2026-03-03', 180]);
    const orders = ordersOf(rows);
    const goal = 800;
    await renderWeek(orders, [{ id: 'g', metric: 'revenue', period: '2026-W10', target: goal }]);
    const calendar = calendarOf({ fiscalYearStartMonth: 1, weekStartsOn: 1 });
    const week = parsePeriodKey('2026-W10', calendar)!;
    const asOf = epoch('2026-03-03');
    // Revenue to date, by hand: Monday 120 + Tuesday 180.
    const toDate = [300];
    const [p] = weekProjections({ orders }, week, asOf, { revenue: goal }, ['revenue'], toDate, calendar);
    expect(p.method.kind).toBe('ets');
    const [line] = projections();
    const share = ((100 * p.value) / goal).toFixed(1);
    expect(line).toContain(`Revenue: ${share}% of the week's goal`);
    expect(line).toContain(
      `${((100 * p.interval!.low) / goal).toFixed(1)}%–${((100 * p.interval!.high) / goal).toFixed(1)}%`,
    );
    // The first week is left out: the data begin on its Tuesday, so they do not cover it whole.
    expect(line).toContain('11 complete weeks fitted');
    expect(line).toContain('the 5 days left');
    // The review's note on the same week reads the same projection.
    const [note] = weekProjectionNotes(
      { orders },
      week,
      asOf,
      { revenue: goal },
      ['revenue'],
      toDate,
      calendar,
    );
    expect(note).toContain(`projected to reach ${Math.round((100 * p.value) / goal)} % of the week's goal`);
    expect(note).toContain(`on 11 complete weeks`);
  });

  it('speaks Indonesian', async () => {
    await renderWeek(
      ordersOf(SHORT),
      [{ id: 'g', metric: 'revenue', period: '2026-W10', target: 1400 }],
      'id-ID',
    );
    const [line] = projections();
    expect(line).toContain('75,0% dari target minggu ini');
    expect(line).toContain('Tertinggal');
    expect(line).toContain('pada laju saat ini');
  });
});
