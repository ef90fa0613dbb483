/**
 * Every step that writes one plan onto its target, in the order Excel needs: contents before the
 * tables over them, merges after contents, protection last (a protected sheet refuses the rest).
 */
import type { TablePlan } from '../../sheets/plan';
import type { Step } from './batch';
import { contentSteps, layoutSteps, mergeSteps, noteSteps } from './cells';
import { chartSteps } from './charts';
import { conditionalFormatSteps } from './conditional-formats';
import { nameSteps } from './names';
import { printSteps } from './print';
import { protectionSteps, validationSteps } from './protection';
import { sheetSteps } from './sheet';
import { styleSteps } from './styles';
import { tableSteps } from './tables';
import type { Target } from './target';

/**
 * The steps writing `t.plan` onto `t.sheet`; `onTable` receives each table added.
 * @example await runner.run(planSteps(target(workbook, sheet, plan, capabilities, FINAL)));
 */
export function planSteps(t: Target, onTable?: (table: TablePlan, proxy: Excel.Table) => void): Step[] {
  return [
    ...contentSteps(t),
    ...layoutSteps(t),
    ...styleSteps(t),
    ...mergeSteps(t),
    ...noteSteps(t),
    ...conditionalFormatSteps(t),
    ...tableSteps(t, onTable),
    ...chartSteps(t),
    ...validationSteps(t),
    ...sheetSteps(t),
    ...printSteps(t),
    ...nameSteps(t),
    ...protectionSteps(t),
  ];
}
