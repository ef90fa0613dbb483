/**
 * The pipeline forecast and the quota leaderboard through the build job, on the generated sample
 * (the bundled workbook's generator and seed) as of 2026-12-05: the leaderboard's quota and actual
 * checked against the Targets and Orders rows directly, the team's coverage against the same rows,
 * the review's per-rep section, and the pipeline settings saved in the configuration.
 */
import type { CellValue } from '../../src/core/cell';
import { generateOrders, generatePipeline, generateTargets } from '../../src/core/sample';
import { DEFAULT_CALENDAR, parseDay } from '../../src/core/periods';
import type { SheetPlan } from '../../src/sheets/plan';
import { buildDashboard } from '../../src/workflows/build-dashboard';
import { refreshReview } from '../../src/workflows/refresh-review';
import { MemoryWorkbookPort } from '../../src/workflows/memory-port';
import { runSavedJob } from '../../src/workflows/saved-job';

const asOf = parseDay('2026-12-05')!;
const serial = (iso: string) => parseDay(iso)! + 25569;
const orders = generateOrders({ rows: 20000, seed: 7, startYear: 2024, years: 3 });
const pipeline = generatePipeline({ rows: 2000, seed: 7, startYear: 2024, years: 3 });
const targets = generateTargets({ seed: 7, startYear: 2024, years: 3, orders });

function cellsOf(plan: SheetPlan) {
  const at = new Map(plan.cells.map((c) => [c.ref, c]));
  const rowOf = (text: string) => {
    const cell = plan.cells.find((c) => typeof c.value === 'string' && c.value.startsWith(text));
    return cell ? Number(cell.ref.replace(/^[A-Z]+/, '')) : -1;
  };
  const shown = (ref: string) => {
    const c = at.get(ref);
    return c?.formula !== undefined ? c.result : c?.value;
  };
  return { at, rowOf, shown };
}

/** Σ of a column over rows passing a test (header row skipped). */
function sum(
  rows: readonly (readonly CellValue[])[],
  column: number,
  keep: (row: readonly CellValue[]) => boolean,
) {
  return rows.slice(1).reduce((s, r) => (keep(r) ? s + (r[column] as number) : s), 0);
}

describe('the build job with a pipeline and quotas per rep (sample, as of 2026-12-05)', () => {
  let dashboard: SheetPlan;
  let review: SheetPlan;
  let port: MemoryWorkbookPort;

  beforeAll(async () => {
    port = new MemoryWorkbookPort('sample', [
      { name: 'Orders', rows: orders },
      { name: 'Pipeline', rows: pipeline },
      { name: 'Targets', rows: targets },
    ]);
    const result = await buildDashboard(port, {
      asOf,
      today: asOf,
      calendar: DEFAULT_CALENDAR,
      refreshedAt: '2026-12-05 09:00',
      pipeline: { source: 'Pipeline' },
      targets: { source: 'Targets' },
      pipelineSettings: { staleMultiple: 3, stageProbabilities: { Qualified: '25%' } },
    });
    [dashboard, review] = result.plans;
  });

  it('lists the 30 reps with a Q4 2026 quota, best attainment first', () => {
    const { rowOf, shown } = cellsOf(dashboard);
    const top = rowOf('Quota leaderboard') + 2;
    const reps = Array.from({ length: 30 }, (_, i) => shown(`A${top + i}`));
    expect(new Set(reps).size).toBe(30);
    const attainments = reps.map((_, i) => shown(`G${top + i}`) as number);
    expect([...attainments].sort((a, b) => b - a)).toEqual(attainments);
  });

  it("a rep's quota and actual match the Targets and Orders rows; attainment and pace follow", () => {
    const { rowOf, shown, at } = cellsOf(dashboard);
    const r = rowOf('Quota leaderboard') + 2;
    const rep = shown(`A${r}`) as string;
    const quota = sum(targets, 3, (row) => row[1] === '2026-Q4' && row[4] === rep);
    // Orders: date column 1, rep 6, amount 10; Q4 to date is 2026-10-01 … 2026-12-05.
    const actual = sum(orders, 10, (row) => {
      const d = row[1] as number;
      return row[6] === rep && d >= serial('2026-10-01') && d < serial('2026-12-06');
    });
    expect(shown(`E${r}`)).toBe(quota);
    expect(shown(`F${r}`) as number).toBeCloseTo(actual, 6);
    expect(at.get(`F${r}`)?.formula).toMatch(/^SUMIFS\(/);
    expect(shown(`G${r}`) as number).toBeCloseTo(actual / quota, 12);
    expect(at.get(`G${r}`)?.formula).toBe(
      `IF(AND(ISNUMBER(E${r}),ISNUMBER(F${r}),E${r}<>0),F${r}/E${r},"—")`,
    );
    // 66 of Q4's 92 days are gone on 2026-12-05.
    expect(shown(`H${r}`) as number).toBeCloseTo(66 / 92, 12);
    expect(shown(`L${r}`) as number).toBeCloseTo((shown(`F${r}`) as number) + (shown(`K${r}`) as number), 9);
  });

  it("the team's coverage is the due pipeline over the Q4 quota less Q4's revenue to date", () => {
    const { rowOf, shown } = cellsOf(dashboard);
    const quota = sum(targets, 3, (row) => row[1] === '2026-Q4' && row[2] !== '');
    const achieved = sum(
      orders,
      10,
      (row) => (row[1] as number) >= serial('2026-10-01') && (row[1] as number) < serial('2026-12-06'),
    );
    expect(shown(`C${rowOf('Revenue quota Q4 2026')}`)).toBe(quota);
    expect(shown(`C${rowOf('Achieved to date')}`) as number).toBeCloseTo(achieved, 6);
    const due = shown(`C${rowOf('Due by 2026-12-31')}`) as number;
    expect(shown(`C${rowOf('Pipeline coverage')}`) as number).toBeCloseTo(due / (quota - achieved), 9);
  });

  it('states the stale rule with the multiple given, and the categories add up', () => {
    const { rowOf, shown, at } = cellsOf(dashboard);
    const rule = at.get(`A${rowOf('Pipeline forecast') + 1}`)!.value as string;
    expect(rule).toMatch(/stale = open more than 3 × /);
    const counted = shown(`C${rowOf('Counted pipeline')}`) as number;
    const parts = ['Commit', 'Best case', 'Pipeline', 'Omitted'].map((label) => {
      const row = dashboard.cells.find((c) => c.value === label && c.ref.startsWith('A'))!;
      return shown(`C${row.ref.slice(1)}`) as number;
    });
    expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(counted, 6);
  });

  it('the review has a per-rep quota section and the settings are saved', async () => {
    const { rowOf } = cellsOf(review);
    expect(rowOf('Quota per rep')).toBeGreaterThan(0);
    const { config } = await port.readConfig();
    expect(config.settings?.pipeline).toEqual({ staleMultiple: 3, stageProbabilities: { Qualified: '25%' } });
    // A review refresh without flags uses the saved settings.
    const refreshed = await refreshReview(port, {
      asOf,
      today: asOf,
      calendar: DEFAULT_CALENDAR,
      refreshedAt: '2026-12-05 10:00',
    });
    expect(refreshed.plans[0].cells.some((c) => c.value === 'Quota per rep (as of 2026-12-05)')).toBe(true);
  });

  it('saves where the pipeline and targets were found; a saved review job reads them again', async () => {
    const { config } = await port.readConfig();
    expect(config.mappings.sources).toEqual({ orders: 'Orders', pipeline: 'Pipeline', targets: 'Targets' });
    const built = review.cells;
    const lines: string[] = [];
    // The saved as-of day is the build's; the clock is the build's day.
    await runSavedJob(port, 'review', { now: new Date(2026, 11, 5, 9), report: (m) => lines.push(m) });
    const again = port.sheet(review.name)!;
    const { rowOf, shown } = cellsOf(again);
    const before = cellsOf({ ...review, cells: built });
    const top = rowOf('Quota per rep');
    expect(top).toBe(before.rowOf('Quota per rep'));
    for (let r = top + 2; r < top + 32; r++)
      for (const column of 'ABCDEFGHI') expect(shown(`${column}${r}`)).toEqual(before.shown(`${column}${r}`));
    expect(lines.join('\n')).not.toMatch(/going on without/);
  });

  it('a saved side table that is gone is reported and the review goes on without it', async () => {
    const bare = new MemoryWorkbookPort('sample', [
      { name: 'Orders', rows: orders },
      { name: 'Targets', rows: targets },
    ]);
    await bare.render([port.sheet('_sales_metrics')!]);
    const lines: string[] = [];
    const done = await runSavedJob(bare, 'review', {
      now: new Date(2026, 11, 5, 9),
      report: (m) => lines.push(m),
    });
    expect(done.sheets).toEqual([review.name]);
    expect(lines).toContain('the saved pipeline source "Pipeline" is not in sample; going on without it');
    const { rowOf, shown } = cellsOf(bare.sheet(review.name)!);
    // Without the pipeline the per-rep forecast is the run rate and no deal is stale.
    expect(shown(`I${rowOf('Quota per rep') + 2}`)).toBe(0);
  });
});

describe('a pipeline whose columns people mapped', () => {
  /** The pipeline with its Stage header renamed, so only a mapping finds the status column. */
  const renamed = [pipeline[0].map((h) => (h === 'Stage' ? 'Step' : h)), ...pipeline.slice(1)];
  const settings = { asOf, today: asOf, calendar: DEFAULT_CALENDAR, refreshedAt: '2026-12-05 09:00' };

  /** The per-rep quota rows of a review sheet (title and 30 reps), as shown. */
  function quotaRows(plan: SheetPlan): unknown[][] {
    const { rowOf, shown } = cellsOf(plan);
    const top = rowOf('Quota per rep');
    expect(top).toBeGreaterThan(0);
    const rows: unknown[][] = [];
    for (let r = top + 2; r < top + 32; r++) rows.push([...'ABCDEFGHI'].map((c) => shown(`${c}${r}`)));
    return rows;
  }

  /** A workbook of the orders, the pipeline `rows` and (unless left out) the targets. */
  function portOf(rows: CellValue[][], targetsToo = true): MemoryWorkbookPort {
    return new MemoryWorkbookPort('mapped', [
      { name: 'Orders', rows: orders },
      { name: 'Pipeline', rows },
      ...(targetsToo ? [{ name: 'Targets', rows: targets }] : []),
    ]);
  }

  /** Builds `port` with its pipeline (status mapped to `Step` when `mapped`) and its targets, if any. */
  function build(port: MemoryWorkbookPort, mapped: boolean, targetsToo = true) {
    return buildDashboard(port, {
      ...settings,
      pipeline: { source: 'Pipeline', ...(mapped ? { ingest: { mapping: { status: 'Step' } } } : {}) },
      ...(targetsToo ? { targets: { source: 'Targets' } } : {}),
    });
  }

  /** Runs the saved review job on `port`, giving the lines it reported. */
  async function savedReview(port: MemoryWorkbookPort): Promise<string[]> {
    const lines: string[] = [];
    await runSavedJob(port, 'review', { now: new Date(2026, 11, 5, 9), report: (m) => lines.push(m) });
    return lines;
  }

  it('saves the mapping with the source; a saved review job reads the pipeline with it', async () => {
    const port = portOf(renamed);
    const review = (await build(port, true)).plans[1];
    const { config } = await port.readConfig();
    expect(config.mappings.sources).toEqual({ orders: 'Orders', pipeline: 'Pipeline', targets: 'Targets' });
    expect(config.mappings.pipeline).toEqual({ status: 'Step' });
    expect(config.mappings.targets).toBeUndefined();
    // The same figures as the sample's pipeline under its own headers.
    const sample = (await build(portOf(pipeline), false)).plans[1];
    expect(quotaRows(review)).toEqual(quotaRows(sample));

    const lines = await savedReview(port);
    expect(quotaRows(port.sheet(review.name)!)).toEqual(quotaRows(review));
    expect(lines.join('\n')).not.toMatch(/going on without|no longer fits/);
    expect((await port.readConfig()).config.mappings.pipeline).toEqual({ status: 'Step' });
  });

  it('a saved mapping that no longer fits is reported, the columns detected again and the mapping dropped', async () => {
    const port = portOf(renamed);
    const review = (await build(port, true)).plans[1];
    // The header is renamed back: the saved mapping names a column that is gone.
    const back = portOf(pipeline);
    await back.render([port.sheet('_sales_metrics')!]);
    const lines = await savedReview(back);
    expect(lines).toContain(
      'the saved column mapping no longer fits the pipeline; detecting the columns again',
    );
    expect(quotaRows(back.sheet(review.name)!)).toEqual(quotaRows(review));
    const { config } = await back.readConfig();
    expect(config.mappings.sources?.pipeline).toBe('Pipeline');
    expect(config.mappings.pipeline).toBeUndefined();
  });

  it('a build that does not read the pipeline drops its saved place and mapping', async () => {
    const port = portOf(renamed, false);
    await build(port, true, false);
    expect((await port.readConfig()).config.mappings.pipeline).toEqual({ status: 'Step' });
    // Built again without the pipeline: neither its place nor its mapping is kept.
    await buildDashboard(port, settings);
    const { config } = await port.readConfig();
    expect(config.mappings.sources).toEqual({ orders: 'Orders' });
    expect(config.mappings.pipeline).toBeUndefined();
  });
});
