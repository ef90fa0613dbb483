/**
 * What people may type where: drop-down lists in their cells and, when the plan asks for it, a
 * protected sheet (no password: a guard against slips, not security) with only the people areas
 * unlocked, as the file renderer protects sheets.
 */
import type { SheetPlan } from '../../sheets/plan';
import { callBytes, step, type Step } from './batch';
import type { Target } from './target';

/** Excel keeps a list typed into a validation rule to 255 characters. */
export const LIST_LIMIT = 255;

/**
 * The rule text of a list, or `undefined` when Excel cannot hold it in the rule (too long, or an
 * item with a comma, which would split it).
 * @example listSource(['open', 'done']) // 'open,done'
 */
export function listSource(items: readonly string[]): string | undefined {
  const source = items.join(',');
  if (items.length === 0 || source.length > LIST_LIMIT || items.some((item) => item.includes(',')))
    return undefined;
  return source;
}

/**
 * How many of the plan's lists cannot be written as rules (reported, not written).
 * @example unwritableLists({ ...emptyPlan('S'), validations: [{ ref: 'A1', list: ['a,b'] }] }) // 1
 */
export const unwritableLists = (plan: SheetPlan): number =>
  (plan.validations ?? []).filter((v) => listSource(v.list) === undefined).length;

/**
 * Drop-down lists; people may still type other values (no error alert), as in the file renderer.
 * @example await runner.run(validationSteps(t));
 */
export function validationSteps(t: Target): Step[] {
  return (t.plan.validations ?? []).flatMap((v) => {
    const source = listSource(v.list);
    if (source === undefined) return [];
    return [
      step(callBytes(v.ref, source), () => {
        const validation = t.sheet.getRange(v.ref).dataValidation;
        validation.ignoreBlanks = true;
        validation.rule = { list: { inCellDropDown: true, source } };
        validation.errorAlert = { showAlert: false, style: 'Stop', title: '', message: '' };
      }),
    ];
  });
}

/**
 * Unlocks the people areas and protects the sheet, last, when the plan asks for protection.
 * @example await runner.run(protectionSteps(t)); // last: a protected sheet refuses other changes
 */
export function protectionSteps(t: Target): Step[] {
  if (!t.plan.protectedAreas) return [];
  const people = t.plan.areas.filter((a) => a.owner === 'people');
  return [
    ...people.map((a) =>
      step(callBytes(a.ref), () => (t.sheet.getRange(a.ref).format.protection.locked = false)),
    ),
    step(callBytes(), () => t.sheet.protection.protect()),
  ];
}
