/**
 * Where FC comes from when the caller gives none: the core trend's forecast of the period holding
 * the as-of day, asked only while that period is not over, for flows and rates — not for the open
 * pipeline (a level) nor for distinct counts of customers. The trend line is stubbed here, so the
 * test checks what the sheet does with each answer.
 */
import { buildDashboardPlan } from '../../src/sheets/dashboard';
import { ingestOrders } from '../../src/core/ingest';
import { metricError } from '../../src/core/errors';
import { parseDay, periodOf } from '../../src/core/periods';
import type { OrdersTable } from '../../src/core/table';
import type { MetricId } from '../../src/core/metrics';
import type { SheetPlan } from '../../src/sheets/plan';

const asked: MetricId[] = [];
jest.mock('../../src/core/analyses/trend', () => ({
  lineOfSeries: (id: MetricId, _series: unknown, asOf: number) => {
    asked.push(id);
    const period = periodOf(asOf, 'month');
    const base = { period, toDate: 1, daysElapsed: 10, daysInPeriod: 31 };
    return {
      fit: null,
      skipped: [],
      partial: [],
      current:
        id === 'aov'
          ? {
              ...base,
              forecast: metricError('#N/A', 'fewer than two complete periods have a value'),
              method: 'none',
            }
          : { ...base, forecast: id === 'revenue' ? 1234.5 : 0.42, method: `stub for ${id}` },
    };
  },
}));

const rows = [
  ['Date', 'Customer', 'Amount'],
  [parseDay('2026-02-03')! + 25569, 'A', 80],
  [parseDay('2026-03-02')! + 25569, 'B', 100],
];
const table = ingestOrders(rows).table as OrdersTable;
const build = (asOf: string, targets = {}): SheetPlan =>
  buildDashboardPlan({
    inputs: { orders: table },
    asOf: parseDay(asOf)!,
    sourceLabel: 'stub',
    kpis: ['revenue', 'aov', 'customers', 'retention_rate'],
    targets,
  });
const at = (plan: SheetPlan, label: string, column: string) => {
  const r = plan.cells.find((c) => c.ref.startsWith('A') && c.value === label)!.ref.slice(1);
  return plan.cells.find((c) => c.ref === `${column}${r}`);
};

describe('FC from the core trend', () => {
  beforeEach(() => asked.splice(0));

  it('takes the forecast and its method while the period is not over', () => {
    const plan = build('2026-03-10', { revenue: { goal: 1000 } });
    expect(asked).toEqual(['revenue', 'aov', 'retention_rate']);
    expect(at(plan, 'Revenue', 'O')).toMatchObject({
      value: 1234.5,
      note: 'Forecast of all of Mar 2026 after 10 of 31 days: stub for revenue.',
    });
    expect(at(plan, 'Revenue', 'P')?.result).toBeCloseTo(234.5, 9);
    expect(at(plan, 'Retention rate', 'O')?.value).toBe(0.42);
    expect(at(plan, 'Average order value', 'O')).toMatchObject({
      value: '—',
      note: 'No forecast for Mar 2026: fewer than two complete periods have a value.',
    });
    expect(at(plan, 'Active customers', 'O')).toMatchObject({
      value: '—',
      note: expect.stringMatching(/^Not forecast: a distinct count/),
    });
  });

  it('keeps a forecast the caller gives, and asks nothing once the period is over', () => {
    const given = build('2026-03-10', { revenue: { forecast: 999, forecastNote: 'Sales plan.' } });
    expect(asked).not.toContain('revenue');
    expect(at(given, 'Revenue', 'O')).toMatchObject({ value: 999, note: 'Sales plan.' });
    asked.splice(0);
    const complete = build('2026-03-31');
    expect(asked).toEqual([]);
    expect(at(complete, 'Revenue', 'O')).toMatchObject({
      value: '—',
      note: 'Mar 2026 is complete: the actual is the final figure.',
    });
  });
});
