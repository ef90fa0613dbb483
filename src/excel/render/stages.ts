/**
 * The two writing stages. The trial writes every plan into a new hidden sheet, so each call is
 * checked by Excel while no product sheet has changed. Applying then keeps every existing product
 * sheet as the same sheet object (emptied and written again: formulas and names elsewhere that
 * point at it stay valid), turns the trial sheet of a new plan into the product sheet (renamed,
 * named, shown, moved into place) and deletes the other trial sheets.
 */
import type { SheetPlan, TablePlan } from '../../sheets/plan';
import type { ExcelCapabilities } from '../capabilities';
import { BatchRunner, CALL_BYTES, step, type Step, type Syncs } from './batch';
import { areaRangeName, deleteNameSteps, nameSteps, planNames } from './names';
import { TEMP_PREFIX, type ExistingSheet, type WorkbookShape } from './read';
import { VISIBILITY, clearSteps } from './sheet';
import { FINAL, target, type SheetLookup, type WriteMode } from './target';
import { planSteps } from './write';

/** One plan on its way into the workbook. */
export interface Job {
  /** The plan with people's cells merged in. */
  readonly plan: SheetPlan;
  readonly existing?: ExistingSheet;
  readonly tempName: string;
  temp?: Excel.Worksheet;
  trialTables: { table: TablePlan; proxy: Excel.Table }[];
}

/**
 * Trial sheet names not used in the workbook: `SM_trial_1`, `SM_trial_2`, …
 * @example tempNames(shape, 2) // ['SM_trial_1', 'SM_trial_2']
 */
export function tempNames(shape: WorkbookShape, count: number): string[] {
  const used = new Set(shape.sheets.map((s) => s.name.toLowerCase()));
  const out: string[] = [];
  for (let n = 1; out.length < count; n++)
    if (!used.has(`${TEMP_PREFIX}${n}`.toLowerCase())) out.push(`${TEMP_PREFIX}${n}`);
  return out;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

const trialMode = (job: number): WriteMode => ({
  tableName: (_t, i) => `${TEMP_PREFIX}${job + 1}_${i + 1}`,
  names: 'sheet',
});

/**
 * Writes every plan into its own new hidden sheet (and removes trial sheets an earlier render left).
 * @example await trial(syncs, jobs, shape, capabilities, BATCH_BYTES);
 */
export async function trial(
  syncs: Syncs,
  jobs: Job[],
  shape: WorkbookShape,
  capabilities: ExcelCapabilities,
  budget: number,
): Promise<void> {
  const runner = new BatchRunner(syncs, budget);
  const workbook = syncs.context.workbook;
  const leftovers = shape.sheets.filter((s) => s.name.startsWith(TEMP_PREFIX));
  await runner.run(leftovers.map((s) => step(CALL_BYTES, () => s.proxy.delete())));
  // Every trial sheet first, so a chart or name can point at another plan's sheet.
  await runner.run(
    jobs.map((job) =>
      step(CALL_BYTES * 2, () => {
        job.trialTables = [];
        job.temp = workbook.worksheets.add(job.tempName);
        job.temp.visibility = 'Hidden';
      }),
    ),
  );
  const others: SheetLookup = (name) => jobs.find((j) => same(j.plan.name, name))?.temp;
  for (const [i, job] of jobs.entries()) {
    const t = target(workbook, job.temp!, job.plan, capabilities, trialMode(i), others);
    await runner.run(planSteps(t, (table, proxy) => job.trialTables.push({ table, proxy })));
  }
  await runner.flush();
}

/**
 * Existing workbook names the plans define again, or that recorded their sheets' old areas.
 * @example namesToReplace(shape, plans) // ['SM_Dashboard_dashboard', 'KpiRevenue']
 */
export function namesToReplace(shape: WorkbookShape, plans: readonly SheetPlan[]): string[] {
  return shape.names
    .filter((n) =>
      plans.some(
        (plan) =>
          n.name.toLowerCase().startsWith(areaRangeName(plan.name, '').toLowerCase()) ||
          planNames(plan).some((p) => same(p.name, n.name)),
      ),
    )
    .map((n) => n.name);
}

/** The trial sheet of a new plan becomes the product sheet. */
function finishNewSheet(
  job: Job,
  capabilities: ExcelCapabilities,
  workbook: Excel.Workbook,
  others: SheetLookup,
): Step[] {
  const temp = job.temp!;
  const protect = job.plan.protectedAreas !== undefined;
  return [
    ...(protect ? [step(CALL_BYTES, () => temp.protection.unprotect())] : []),
    ...job.trialTables.map(({ table, proxy }) => step(CALL_BYTES, () => (proxy.name = table.name))),
    ...planNames(job.plan).map(({ name }) => step(CALL_BYTES, () => temp.names.getItem(name).delete())),
    step(CALL_BYTES, () => (temp.name = job.plan.name)),
    ...nameSteps(target(workbook, temp, job.plan, capabilities, FINAL, others)),
    ...(protect ? [step(CALL_BYTES, () => temp.protection.protect())] : []),
  ];
}

/**
 * Writes the plans into the workbook for good; the trial has passed.
 * @example await apply(syncs, jobs, shape, capabilities, BATCH_BYTES);
 */
export async function apply(
  syncs: Syncs,
  jobs: readonly Job[],
  shape: WorkbookShape,
  capabilities: ExcelCapabilities,
  budget: number,
): Promise<void> {
  const runner = new BatchRunner(syncs, budget);
  const workbook = syncs.context.workbook;
  // A sheet protected with a password fails here, before anything has changed.
  await runner.run(
    jobs
      .filter((j) => j.existing?.protected)
      .map((j) => step(CALL_BYTES, () => j.existing!.sheet.protection.unprotect())),
  );
  await runner.run(
    deleteNameSteps(
      workbook,
      namesToReplace(
        shape,
        jobs.map((j) => j.plan),
      ),
    ),
  );
  const others: SheetLookup = (name) => {
    const job = jobs.find((j) => same(j.plan.name, name));
    return job && (job.existing?.sheet ?? job.temp);
  };
  for (const job of jobs)
    if (!job.existing) await runner.run(finishNewSheet(job, capabilities, workbook, others));
  for (const job of jobs) {
    if (!job.existing) continue;
    await runner.run(clearSteps(job.existing.sheet, job.existing, capabilities));
    await runner.run(planSteps(target(workbook, job.existing.sheet, job.plan, capabilities, FINAL, others)));
  }
  await runner.run(jobs.filter((j) => j.existing).map((j) => step(CALL_BYTES, () => j.temp!.delete())));
  const kept = shape.sheets.filter((s) => !s.name.startsWith(TEMP_PREFIX)).length;
  let position = kept;
  await runner.run(
    jobs.map((job) =>
      step(CALL_BYTES * 2, () => {
        const sheet = job.existing?.sheet ?? job.temp!;
        if (!job.existing) sheet.position = position++;
        sheet.visibility = VISIBILITY[job.plan.hidden ?? 'visible'];
      }),
    ),
  );
  const active = jobs.find((j) => j.plan.active);
  if (active) await runner.run([step(CALL_BYTES, () => (active.existing?.sheet ?? active.temp!).activate())]);
  await runner.flush();
}

/**
 * After a failure: deletes the trial sheets still there and protects again the product sheets
 * that were protected before. Its own errors are dropped: the first error is what counts.
 * @example await cleanUp(syncs, jobs); // then throw the error that stopped the render
 */
export async function cleanUp(syncs: Syncs, jobs: readonly Job[]): Promise<void> {
  try {
    const worksheets = syncs.context.workbook.worksheets;
    const temps = jobs.map((j) => worksheets.getItemOrNullObject(j.tempName));
    const guarded = jobs
      .filter((j) => j.existing?.protected)
      .map((j) => j.existing!.sheet.protection.load('protected'));
    await syncs.sync();
    for (const temp of temps) if (!temp.isNullObject) temp.delete();
    for (const protection of guarded) if (!protection.protected) protection.protect();
    await syncs.sync();
  } catch {
    // The workbook is as the failure left it; the caller reports the failure itself.
  }
}
