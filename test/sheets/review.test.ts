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

  it('compares this week to date with the same days of last week and of the 4 weeks before, from independently summed rows', () => {
    const label = plan.cells.find((c) => c.value === 'Revenue')!;
    const r = Number(label.ref.slice(1));
    const monday = daysFromCivil(2026, 11, 16);
    const now = weekRevenue(monday, AS_OF + 1);
    const last = weekRevenue(monday - 7, monday - 4); // Mon–Wed of last week
    expect(plan.cells.find((c) => c.ref === `B${r}`)?.value).toBeCloseTo(now, 6);
    expect(plan.cells.find((c) => c.ref === `C${r}`)?.value).toBeCloseTo(last, 6);
    const avg = [1, 2, 3, 4].map((k) => weekRevenue(monday - 7 * k, monday - 7 * k + 3)).reduce((a, b) => a + b) / 4;
    expect(plan.cells.find((c) => c.ref === `E${r}`)?.value).toBeCloseTo(avg, 6);
    expect(plan.cells.find((c) => c.ref === `D${r}`)?.result).toBeCloseTo((now - last) / Math.abs(last), 9);
    // Goal pace: 3 of 7 days elapsed (Mon–Wed) of a 2,500 weekly goal.
    expect(plan.cells.find((c) => c.ref === `G${r}`)?.value).toBeCloseTo(2500 * 3 / 7, 9);
    expect(plan.cells.find((c) => c.value === 'This week to date (3 of 7 days) vs the same days of last week, the 4-week average and goal pace')).toBeDefined();
  });

  it('lists reps and regions with something in either week, by this week, and movers by their real change', () => {
    const monday = daysFromCivil(2026, 11, 16);
    const byRep = new Map<string, [number, number]>();
    for (const row of sample.rows) {
      const day = (row[0] as number) - 25569;
      const week = day >= monday && day <= AS_OF ? 0 : day >= monday - 7 && day < monday - 4 ? 1 : -1;
      if (week < 0) continue;
      const entry = byRep.get(row[4] as string) ?? [0, 0];
      entry[week as 0 | 1] += row[2] as number;
      byRep.set(row[4] as string, entry);
    }
    const section = Number(plan.cells.find((c) => c.value === 'By rep')!.ref.slice(1));
    const listed: [string, number, number][] = [];
    for (let r = section + 2; ; r++) {
      const key = plan.cells.find((c) => c.ref === `A${r}`);
      if (!key || typeof key.value !== 'string' || key.style) break;
      listed.push([key.value, plan.cells.find((c) => c.ref === `B${r}`)!.value as number, plan.cells.find((c) => c.ref === `E${r}`)!.value as number]);
    }
    const expected = [...byRep].sort((a, b) => b[1][0] - a[1][0] || a[0].localeCompare(b[0]));
    expect(listed.map((l) => l[0])).toEqual(expected.map((e) => e[0]));
    for (const [rep, now, before] of listed) {
      expect(now).toBeCloseTo(byRep.get(rep)![0], 6);
      expect(before).toBeCloseTo(byRep.get(rep)![1], 6);
    }
    const movers = Number(plan.cells.find((c) => String(c.value).startsWith('Top movers'))!.ref.slice(1));
    const first = plan.cells.find((c) => c.ref === `A${movers + 2}`)!.value as string;
    const change = plan.cells.find((c) => c.ref === `D${movers + 2}`)!.value as number;
    expect(Number.isFinite(change)).toBe(true);
    const all = [...byRep.values()].map(([a, b]) => Math.abs(a - b));
    expect(Math.abs(change)).toBeGreaterThanOrEqual(Math.max(...all) - 1e-6);
    expect(typeof first).toBe('string');
  });

  it('writes a finite cached result for every formula even when a rep sold last week and nothing this week', () => {
    for (const cell of plan.cells) {
      if (cell.formula !== undefined) expect([cell.ref, cell.result === undefined]).toEqual([cell.ref, false]);
      for (const v of [cell.value, cell.result]) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
    }
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
