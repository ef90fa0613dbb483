import { buildReviewPlan, openActions, reviewSheetName, ACTION_COLUMNS, ACTIONS_AREA } from '../../src/sheets/review';
import { periodOf, daysFromCivil } from '../../src/core/periods';
import { parseRange } from '../../src/sheets/a1';
import type { PeopleAreaContent } from '../../src/sheets/merge';
import { sampleOrders, AS_OF } from './fixtures';
import { expectGolden } from './golden';

const sample = sampleOrders();
const base = { inputs: { orders: sample.table }, asOf: AS_OF, sourceLabel: sample.source.label, weeklyGoals: { revenue: 2500, aov: 250 } };

function weekRevenue(start: number, end: number): number {
  return sample.rows.filter((r) => (r[0] as number) - 25569 >= start && (r[0] as number) - 25569 < end).reduce((s, r) => s + (r[2] as number), 0);
}

describe('buildReviewPlan', () => {
  const plan = buildReviewPlan({ ...base, carryOver: [['revenue', 'West slow', 'Call top 5 accounts', 'Dewi', 46345, 'open', null]] });

  it('names the sheet after the ISO week of the as-of day', () => {
    expect(plan.name).toBe('Review 2026-W47');
    expect(reviewSheetName(periodOf(daysFromCivil(2026, 1, 1), 'week'))).toBe('Review 2026-W01');
  });

  it('matches the golden file', () => {
    expectGolden(plan, 'review');
  });

  it('compares this week (to date) with last week, from independently summed rows', () => {
    const label = plan.cells.find((c) => c.value === 'Revenue')!;
    const r = Number(label.ref.slice(1));
    const monday = daysFromCivil(2026, 11, 16);
    expect(plan.cells.find((c) => c.ref === `B${r}`)?.value).toBeCloseTo(weekRevenue(monday, AS_OF + 1), 6);
    expect(plan.cells.find((c) => c.ref === `C${r}`)?.value).toBeCloseTo(weekRevenue(monday - 7, monday), 6);
    const avg = [1, 2, 3, 4].map((k) => weekRevenue(monday - 7 * k, monday - 7 * (k - 1))).reduce((a, b) => a + b) / 4;
    expect(plan.cells.find((c) => c.ref === `E${r}`)?.value).toBeCloseTo(avg, 6);
    // Goal pace: 3 of 7 days elapsed (Mon–Wed) of a 2,500 weekly goal.
    expect(plan.cells.find((c) => c.ref === `G${r}`)?.value).toBeCloseTo(2500 * 3 / 7, 9);
  });

  it('puts the Actions body in a people area covered by a table, carried items first', () => {
    const area = plan.areas.find((a) => a.name === ACTIONS_AREA)!;
    expect(area.owner).toBe('people');
    const body = parseRange(area.ref)!;
    const table = parseRange(plan.tables![0].ref)!;
    expect([table.top + 1, table.bottom, table.left, table.right]).toEqual([body.top, body.bottom, body.left, body.right]);
    expect(body.bottom - body.top + 1).toBe(1 + 8);
    expect(plan.tables![0].columns).toEqual([...ACTION_COLUMNS]);
    expect(plan.cells.find((c) => c.ref === `C${body.top}`)?.value).toBe('Call top 5 accounts');
    const computed = parseRange(plan.areas.find((a) => a.owner === 'computed')!.ref)!;
    expect(computed.bottom).toBeLessThan(body.top);
  });
});

describe('openActions', () => {
  const area = (rows: (string | number | null)[][]): PeopleAreaContent => ({
    name: ACTIONS_AREA, ref: `A10:G${9 + rows.length}`,
    cells: rows.flatMap((row, i) => row.map((value, c) => ({ ref: `${'ABCDEFG'[c]}${10 + i}`, value }))),
  });

  it('keeps rows not closed, drops empty ones and done / selesai / cancelled', () => {
    const rows = [
      ['revenue', 'dip', 'call', 'Dewi', 46345, 'open', null],
      [null, null, null, null, null, null, null],
      ['aov', null, 'bundle', 'Rudi', null, 'Done', 'shipped'],
      [null, null, 'follow up', null, null, ' Selesai ', null],
      [null, 'note only', null, null, null, null, null],
      ['orders', null, 'promo', 'Ayu', null, 'in progress', null],
      ['x', null, null, null, null, 'cancelled', null],
    ];
    expect(openActions(area(rows))).toEqual([rows[0], rows[4], rows[5]]);
    expect(openActions(undefined)).toEqual([]);
  });
});

describe('new customers this week', () => {
  it('lists customers whose first order ever falls in the week, checked against the rows', () => {
    const first = new Map<string, number>();
    for (const r of sample.rows) {
      const day = (r[0] as number) - 25569;
      if (day <= AS_OF && (r[2] as number) >= 0 && !first.has(r[1] as string)) first.set(r[1] as string, day);
    }
    const asOf = Math.max(...first.values()); // the latest first order: its week has a new customer
    const monday = periodOf(asOf, 'week').start;
    const expected = [...first].filter(([, d]) => d >= monday && d <= asOf).map(([id]) => id).sort();
    const plan = buildReviewPlan({ ...base, asOf });
    const section = plan.cells.find((c) => c.value === 'New customers this week (first order ever)')!;
    const listed: string[] = [];
    for (let r = Number(section.ref.slice(1)) + 2; ; r++) {
      const cell = plan.cells.find((c) => c.ref === `A${r}`);
      if (!cell || cell.style || typeof cell.value !== 'string') break;
      listed.push(cell.value);
    }
    expect(expected.length).toBeGreaterThan(0);
    expect(listed.sort()).toEqual(expected.slice(0, 10));
  });
});
