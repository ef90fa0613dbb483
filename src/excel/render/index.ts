/**
 * Renders sheet plans into the open workbook through Office.js, with the semantics of the file
 * renderer (`src/xlsx/render.ts`), in at most four round trips for any data size:
 *
 * 1. read the workbook's sheets, names, tables and protection, and stop early on a clash;
 * 2. read the existing product sheets' parts and what people typed in their people areas;
 * 3. trial: write every merged plan into a new hidden sheet, so Excel checks every call while no
 *    product sheet has changed (a failure deletes the trial sheets and leaves the workbook as it was);
 * 4. apply: empty and rewrite each existing product sheet in place (references to it stay valid),
 *    turn each new plan's trial sheet into its product sheet, delete the other trial sheets.
 *
 * Very large people areas or plans add reads or batches, each kept far below the 5 MB request limit.
 */
import { mergePeopleAreas } from '../../sheets/merge';
import type { SheetPlan } from '../../sheets/plan';
import type { ExcelCapabilities } from '../capabilities';
import { BATCH_BYTES, Syncs } from './batch';
import { noteCount } from './cells';
import { toRenderError } from './errors';
import { unwritableLists } from './protection';
import { checkShape, checkTables, readExisting, readShape } from './read';
import { apply, cleanUp, tempNames, trial, type Job } from './stages';
import { checkTables as checkTablePlans } from './tables';

export { ExcelRenderError, type ExcelRenderErrorCode } from './errors';
export { areaRangeName } from './names';

export type RenderStage = 'reading' | 'writing' | 'finishing';

export interface ExcelRenderOptions {
  /** What the host supports (see `detectCapabilities`). */
  readonly capabilities: ExcelCapabilities;
  /** Called as each stage starts, for progress. */
  readonly onStage?: (stage: RenderStage) => void;
}

export interface ExcelRenderResult {
  /** Round trips to Excel the render took. */
  readonly syncs: number;
  /** The sheets written, in plan order. */
  readonly sheets: readonly string[];
  /** Plan notes left out because the host has no worksheet notes (ExcelApi 1.18). */
  readonly notesSkipped: number;
  /** Drop-down lists left out because Excel cannot hold them in a rule (over 255 characters, or an item with a comma). */
  readonly listsSkipped: number;
}

const isPayloadError = (e: unknown): boolean =>
  (e as { code?: string } | undefined)?.code === 'RequestPayloadSizeLimitExceeded';

/**
 * Renders the plans into the open workbook, keeping what people typed in the plans' people areas.
 * Throws an {@link ExcelRenderError} (with a message for the person) and leaves the product sheets
 * as they were when the workbook cannot take the plans or Excel refuses the trial.
 * @example
 * await Excel.run(async (context) => {
 *   const result = await renderPlansInExcel(context, [dashboard, review, configSheetPlan(config)], {
 *     capabilities: detectCapabilities(),
 *   });
 *   console.log(`${result.sheets.join(', ')} in ${result.syncs} round trips`);
 * });
 */
export async function renderPlansInExcel(
  context: Excel.RequestContext,
  plans: readonly SheetPlan[],
  options: ExcelRenderOptions,
): Promise<ExcelRenderResult> {
  const names = new Set(plans.map((p) => p.name.toLowerCase()));
  if (names.size !== plans.length) throw new Error('Two plans name the same sheet');
  plans.forEach(checkTablePlans);
  const { capabilities } = options;
  const syncs = new Syncs(context);

  options.onStage?.('reading');
  const shape = await readShape(syncs).catch((e: unknown) => {
    throw toRenderError(e, false);
  });
  checkShape(shape, plans);
  const existing = await readExisting(syncs, shape, plans, capabilities).catch((e: unknown) => {
    throw toRenderError(e, false);
  });
  checkTables(shape, plans, existing);
  const temps = tempNames(shape, plans.length);
  const jobs: Job[] = plans.map((plan, i) => ({
    plan: mergePeopleAreas(plan, existing[i]?.people ?? []),
    ...(existing[i] ? { existing: existing[i] } : {}),
    tempName: temps[i],
    trialTables: [],
  }));

  options.onStage?.('writing');
  let budget = BATCH_BYTES;
  for (let attempt = 1; ; attempt++) {
    try {
      await trial(syncs, jobs, shape, capabilities, budget);
      break;
    } catch (e) {
      await cleanUp(syncs, jobs);
      // Excel on the web refuses a whole request over its limit: try once more in smaller batches.
      if (isPayloadError(e) && attempt === 1) {
        budget = Math.floor(budget / 4);
        continue;
      }
      throw toRenderError(e, false);
    }
  }

  options.onStage?.('finishing');
  try {
    await apply(syncs, jobs, shape, capabilities, budget);
  } catch (e) {
    await cleanUp(syncs, jobs);
    throw toRenderError(e, true);
  }
  return {
    syncs: syncs.count,
    sheets: plans.map((p) => p.name),
    notesSkipped: capabilities.notes ? 0 : jobs.reduce((n, j) => n + noteCount(j.plan), 0),
    listsSkipped: jobs.reduce((n, j) => n + unwritableLists(j.plan), 0),
  };
}
