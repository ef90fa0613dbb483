/**
 * Notes that explain the mapping where detection had a choice: which column a role was read from,
 * which others could have played it and the rule that decided; and how a profit column stands in
 * for a missing cost column.
 */
import type { CellValue } from '../cell';
import type { ColumnRole, TableKind } from '../table';
import { columnLetter, repeatedHeaders } from './headers';
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

function listed(items: readonly string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * One note per header text that heads more than one column: the columns, the names that tell
 * them apart (`Amount`, `Amount (2)`), which one each role is read from and, when the host says
 * how (`hint`, e.g. `--map {role}="{header}"`), how to read a role from another of them.
 *
 * @example
 * duplicateHeaderNotes(['Date', 'Amount', 'Amount'], ['Date', 'Amount', 'Amount (2)'], detection, '--map {role}="{header}"')
 * // ["'Amount' heads columns B and C (named 'Amount' and 'Amount (2)'); amount is read from B (to read it from C: --map amount=\"Amount (2)\")."]
 */
export function duplicateHeaderNotes(
  row: readonly CellValue[] | undefined,
  headers: readonly string[],
  detection: RoleDetection,
  hint?: string,
): string[] {
  const notes: string[] = [];
  for (const group of repeatedHeaders(row, headers.length)) {
    const names = group.map((c) => quoted(headers[c]));
    let text = `${quoted(headers[group[0]])} heads columns ${listed(group.map(columnLetter))} (named ${listed(names)})`;
    const uses = (Object.entries(detection.roles) as [ColumnRole, { column: number } | undefined][]).filter(
      ([, guess]) => guess !== undefined && group.includes(guess.column),
    );
    for (const [role, guess] of uses) {
      const column = (guess as { column: number }).column;
      text += `; ${role} is read from ${columnLetter(column)}`;
      const other = group.find((c) => c !== column);
      if (hint && other !== undefined)
        text +=
          ` (to read it from ${columnLetter(other)}: ` +
          `${hint.replace('{role}', role).replace('{header}', headers[other])})`;
    }
    notes.push(`${text}.`);
  }
  return notes;
}
