/**
 * The pipeline forecast section and the quota leaderboard as plan cells, on the hand-worked
 * pipeline of test/core/pipeline/fixture.ts (as of 2026-02-15, 2026-Q1): what is a value, what is
 * a formula and over which cells, and what a missing quota or pipeline shows.
 */
import type { Goal } from '../../src/core/goals';
import { parsePeriodKey } from '../../src/core/periods';
import { pipelineForecast } from '../../src/core/pipeline';
import { pipelineSection } from '../../src/sheets/dashboard-pipeline';
import { leaderboardSection, reviewQuotaSection } from '../../src/sheets/leaderboard';
import { numberFormats } from '../../src/sheets/formats';
import { PlanLayout } from '../../src/sheets/layout';
import type { CellPlan } from '../../src/sheets/plan';
import { AS_OF, fixture } from '../core/pipeline/fixture';

function revenueGoal(target: number, rep?: string): Goal {
  return {
    id: `revenue|2026-Q1${rep ? `|rep=${rep}` : ''}`,
    metric: 'revenue',
    period: parsePeriodKey('2026-Q1')!,
    target,
    ...(rep ? { scope: { rep } } : {}),
    basis: { kind: 'number' },
  };
}

const formats = numberFormats();
const serial = (day: number) => day + 25569;

function render(goals: Goal[], draw: (layout: PlanLayout) => void) {
  const layout = new PlanLayout('Dashboard');
  draw(layout);
  const at = new Map<string, CellPlan>(layout.cells.map((c) => [c.ref, c]));
  const rowOf = (text: string) =>
    Number(
      layout.cells.find((c) => typeof c.value === 'string' && c.value.startsWith(text))?.ref.slice(1) ?? -1,
    );
  return { at, rowOf, cells: layout.cells, goals };
}

describe('the pipeline forecast section', () => {
  const goals = [revenueGoal(10000), revenueGoal(10000, 'Ann'), revenueGoal(5000, 'Bob')];
  const forecast = pipelineForecast(
    { pipeline: fixture() },
    { goals, teamGoals: goals.slice(0, 1) },
    AS_OF,
    parsePeriodKey('2026')!.calendar,
  )!;

  it('writes the hand-worked figures and coverage as a formula over the cells above it', () => {
    const { at, rowOf } = render(goals, (l) => pipelineSection(l, forecast, formats, serial));
    const due = rowOf('Due by 2026-03-31');
    expect([at.get(`B${due}`)?.value, at.get(`C${due}`)?.value, at.get(`D${due}`)?.value]).toEqual([
      4, 3600, 3000,
    ]);
    const stale = rowOf('Stale (left out)');
    expect(at.get(`C${stale}`)?.value).toBe(5000);
    const quota = rowOf('Revenue quota Q1 2026');
    expect(at.get(`C${quota}`)?.value).toBe(10000);
    // No orders: achieved is the value won in the quarter to date (W3, 3,000).
    expect(at.get(`C${quota + 1}`)?.value).toBe(3000);
    const coverage = at.get(`C${quota + 3}`)!;
    expect(coverage.formula).toBe(
      `IF(AND(ISNUMBER(C${quota + 2}),C${quota + 2}>0),C${due}/C${quota + 2},"—")`,
    );
    expect(coverage.result).toBeCloseTo(3600 / 7000, 12);
    expect(at.get(`A${rowOf('Stale deals: 1')}`)).toBeDefined();
  });

  it('without a revenue target shows a dash with the reason', () => {
    const none = pipelineForecast(
      { pipeline: fixture() },
      { goals: [], teamGoals: [] },
      AS_OF,
      parsePeriodKey('2026')!.calendar,
    )!;
    const { at, rowOf } = render([], (l) => pipelineSection(l, none, formats, serial));
    const quota = rowOf('Revenue quota Q1 2026');
    expect(at.get(`C${quota}`)).toMatchObject({ value: '—' });
    expect(at.get(`C${quota}`)?.note).toMatch(/No revenue target for 2026-Q1/);
    expect(at.get(`C${quota + 3}`)?.result).toBe('—');
  });
});

describe('the quota leaderboard', () => {
  const goals = [revenueGoal(10000, 'Ann'), revenueGoal(5000, 'Bob'), revenueGoal(4000, 'Dee')];
  const forecast = pipelineForecast(
    { pipeline: fixture() },
    { goals, teamGoals: [] },
    AS_OF,
    parsePeriodKey('2026')!.calendar,
  )!;

  it('ranks the reps, writes ratios as formulas over the row and lists Cy without a quota', () => {
    const { at, rowOf } = render(goals, (l) => leaderboardSection(l, forecast, { formats, serial }));
    const top = rowOf('Quota leaderboard') + 2;
    expect([0, 1, 2, 3].map((i) => at.get(`A${top + i}`)?.value)).toEqual(['Ann', 'Bob', 'Dee', 'Cy']);
    // No orders source: the actual is a value with a note saying it is the won deals.
    expect(at.get(`F${top}`)).toMatchObject({ value: 3000 });
    expect(at.get(`F${top}`)?.note).toMatch(/won/);
    expect(at.get(`G${top}`)).toMatchObject({
      formula: `IF(AND(ISNUMBER(E${top}),ISNUMBER(F${top}),E${top}<>0),F${top}/E${top},"—")`,
      result: 0.3,
    });
    expect(at.get(`H${top}`)?.value).toBeCloseTo(46 / 90, 12);
    expect(at.get(`L${top}`)).toMatchObject({
      formula: `IF(ISNUMBER(F${top}),F${top}+K${top},"—")`,
      result: 4200,
    });
    expect(at.get(`O${top}`)?.result).toBeCloseTo(1600 / 7000, 12);
    const cy = top + 3;
    expect(at.get(`A${cy}`)?.note).toBe('No quota in the targets.');
    expect(at.get(`E${cy}`)?.value).toBeNull();
    expect(at.get(`G${cy}`)?.result).toBe('—');
  });

  it('says how to get one when no rep has a quota', () => {
    const bare = pipelineForecast(
      { pipeline: fixture() },
      { goals: [], teamGoals: [] },
      AS_OF,
      parsePeriodKey('2026')!.calendar,
    )!;
    const { cells } = render([], (l) => leaderboardSection(l, bare, { formats, serial }));
    expect(cells.some((c) => typeof c.value === 'string' && c.value.startsWith('No quota per rep'))).toBe(
      true,
    );
  });

  it('the review section writes values: the coverage of a rep without a quota is a dash with its reason', () => {
    const { at, rowOf } = render(goals, (l) => reviewQuotaSection(l, forecast, formats));
    const top = rowOf('Quota per rep') + 2;
    expect(at.get(`D${top}`)).toMatchObject({ value: 0.3 });
    expect(at.get(`G${top}`)).toMatchObject({ value: 4200 });
    expect(at.get(`H${top + 3}`)).toMatchObject({ value: '—' });
    expect(at.get(`H${top + 3}`)?.note).toMatch(/^No revenue target for 2026-Q1: coverage needs a quota/);
  });
});
