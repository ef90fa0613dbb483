/**
 * Notes that explain the mapping where detection had a choice: which column a role was read from,
 * which others could have played it and the rule that decided; and how a profit column stands in
 * for a missing cost column.
 */
import type { TableKind } from '../table';
import type { RoleDetection, RoleReason } from './roles';

/** An alternative at least this good was a real choice (a weak alias named exactly, or better). */
const CHOICE_CONFIDENCE = 0.6;

const REASON_TEXT: Readonly<Record<Exclude<RoleReason, 'given'>, string>> = {
  exact: "its header is the role's name",
  id: 'an id column is preferred to a name',
  coarser: 'the coarsest place column with more than one value',
  score: 'best header and values',
  leftmost: 'equally good; the leftmost column',
};

const quoted = (header: string): string => `'${header}'`;

/**
 * One note per detected role that had a close alternative, in role order, e.g.
 * `region: 'Region' chosen over 'City', 'Country' (its header is the role's name).`
 * Roles the user mapped are not explained.
 *
 * @example
 * choiceNotes(detectRoles('orders', ['Date', 'City', 'Region', 'Sales'], [[45292, 'Rome', 'South', 5]]));
 * // ["region: 'Region' chosen over 'City' (its header is the role's name)."]
 */
export function choiceNotes(detection: RoleDetection): string[] {
  const notes: string[] = [];
  for (const [role, guess] of Object.entries(detection.roles)) {
    if (!guess || guess.reason === 'given') continue;
    const others = guess.alternatives.filter((a) => a.confidence >= CHOICE_CONFIDENCE);
    if (others.length === 0) continue;
    notes.push(
      `${role}: ${quoted(guess.header)} chosen over ${others.map((a) => quoted(a.header)).join(', ')} ` +
        `(${REASON_TEXT[guess.reason]}).`,
    );
  }
  return notes;
}

/**
 * How an orders table's cost is obtained when a profit column was found: from amount − profit
 * when there is no cost column, else the profit column is not used.
 *
 * @example
 * profitNotes('orders', detection) // ["cost is 'Sales' minus 'Profit' on each row (no cost column)."]
 */
export function profitNotes(kind: TableKind, detection: RoleDetection): string[] {
  const { profit, cost, amount } = detection.roles;
  if (kind !== 'orders' || !profit || !amount) return [];
  if (cost)
    return [
      `${quoted(profit.header)} not used: cost is read from ${quoted(cost.header)} (a cost column wins over profit).`,
    ];
  return [`cost is ${quoted(amount.header)} minus ${quoted(profit.header)} on each row (no cost column).`];
}
