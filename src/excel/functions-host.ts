/**
 * The Excel side of the custom functions, in the shared runtime (manifest: one long-lived runtime
 * for the pane, the ribbon and the functions): tables read by name for SALES.TABLE and its
 * family, the workbook's date system, and a full recalculation for when the date system turns
 * out to be 1904 after cells were computed in the 1900 one. Outside Excel there is none.
 */
import type { DateSystem } from '../core/ingest/dates';
import type { BatchRunner } from './table-source';
import { ExcelTableSource } from './table-source';

/** What `src/functions/host.ts` installs (it has the same shape as the functions' `FunctionsHost`). */
export interface ExcelFunctionsHost {
  readonly tables: ExcelTableSource;
  dateSystem(): Promise<DateSystem>;
  recalculate(): Promise<void>;
}

/**
 * The workbook's date system: `DATE(1904,1,1)` is serial 0 in the 1904 system, 1462 in the 1900 one.
 * @example await Excel.run((context) => dateSystemOf(context)) // '1900'
 */
export async function dateSystemOf(context: Excel.RequestContext): Promise<DateSystem> {
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load('value');
  await context.sync();
  return probe.value === 0 ? '1904' : '1900';
}

/**
 * The host over a batch runner (the recording fake in tests).
 * @example const host = functionsHostOver((batch) => batch(fake.context), (context, batch) => batch(context));
 */
export function functionsHostOver(
  run: BatchRunner,
  runIn: ConstructorParameters<typeof ExcelTableSource>[0]['runIn'],
): ExcelFunctionsHost {
  return {
    tables: new ExcelTableSource({ run, runIn }),
    dateSystem: () => run(dateSystemOf),
    recalculate: () =>
      run(async (context) => {
        context.workbook.application.calculate('Full' as Excel.CalculationType);
        await context.sync();
      }),
  };
}

/** The host inside Excel, once Office is ready; `undefined` where there is no Excel (Node, tests). */
export function excelFunctionsHost(): ExcelFunctionsHost | undefined {
  if (typeof Excel === 'undefined' || typeof Office === 'undefined') return undefined;
  const ready = Office.onReady();
  const run: BatchRunner = async (batch) => {
    await ready;
    return Excel.run(batch);
  };
  return functionsHostOver(run, (context, batch) => Excel.run(context, batch));
}
