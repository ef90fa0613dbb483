import type { IngestOptions, RoleDetection } from '../core/ingest';
import {
  ORDER_DIMENSIONS,
  ORDER_ROLES,
  REQUIRED_ROLES,
  type Mapping,
  type OrderRole,
  type OrdersTable,
} from '../core/table';

/** The user's choice for a role: a 0-based column index, or `null` for "no column". */
export type RoleChoice = number | null;

/** What the user changed in the guessed mapping; roles not in it keep the guess. */
export type MappingChoices = Readonly<Partial<Record<OrderRole, RoleChoice>>>;

/** One line of the mapping list. */
export interface RoleRow {
  readonly role: OrderRole;
  readonly required: boolean;
  /** The column the role is read from, or null. */
  readonly column: number | null;
  /** 0–1 for a guess; null when the user chose (or there is no column). */
  readonly confidence: number | null;
  readonly chosenByUser: boolean;
}

/**
 * Required roles set to "none" are mapped to a column that does not exist, so ingestion reports
 * them missing in its own words. Ingestion has no way to leave an optional role out, so those
 * are dropped from the table afterwards (see `withoutExcludedRoles`).
 */
const NO_COLUMN = -1;

/**
 * The ingestion mapping for the user's choices.
 *
 * @example
 * ingestMapping({ customer: 2, region: null, amount: null }, ['Date', 'Total', 'Client']);
 * // { customer: 'Client', amount: -1 }
 */
export function ingestMapping(choices: MappingChoices, headers: readonly string[]): IngestOptions['mapping'] {
  const mapping: Partial<Record<OrderRole, string | number>> = {};
  for (const role of ORDER_ROLES) {
    const choice = choices[role];
    if (choice === undefined) continue;
    if (choice !== null && headers[choice] !== undefined) mapping[role] = headers[choice];
    else if (REQUIRED_ROLES.orders.includes(role)) mapping[role] = NO_COLUMN;
  }
  return mapping;
}

/**
 * The choices a saved mapping makes on these headers: each role whose saved header is still there
 * is read from it; the others are guessed (a saved mapping that no longer fits is detected again).
 *
 * @example
 * choicesOfMapping({ date: 'Day', amount: 'Net', region: 'Area' }, ['Day', 'Gross', 'Net']);
 * // { date: 0, amount: 2 }
 */
export function choicesOfMapping(mapping: Mapping | undefined, headers: readonly string[]): MappingChoices {
  const choices: Partial<Record<OrderRole, RoleChoice>> = {};
  for (const role of ORDER_ROLES) {
    const header = mapping?.[role];
    const column = header === undefined ? -1 : headers.indexOf(header);
    if (column >= 0) choices[role] = column;
  }
  return choices;
}

/**
 * Choices with `role` set to `column`. A column plays one role, so any other role the user had put
 * on that column goes back to being guessed.
 *
 * @example
 * withChoice({ customer: 2 }, 'rep', 2); // { rep: 2 }
 */
export function withChoice(choices: MappingChoices, role: OrderRole, column: RoleChoice): MappingChoices {
  const next: Partial<Record<OrderRole, RoleChoice>> = {};
  for (const [other, choice] of Object.entries(choices) as [OrderRole, RoleChoice][]) {
    if (other !== role && (column === null || choice !== column)) next[other] = choice;
  }
  next[role] = column;
  return next;
}

/**
 * The mapping list: every orders role with its column, confidence and whether the user chose it.
 *
 * @example
 * mappingRows(detection, { region: null }).find((r) => r.role === 'region'); // { column: null, chosenByUser: true, … }
 */
export function mappingRows(detection: RoleDetection, choices: MappingChoices): RoleRow[] {
  return ORDER_ROLES.map((role) => {
    const required = REQUIRED_ROLES.orders.includes(role);
    const choice = choices[role];
    if (choice === null) return { role, required, column: null, confidence: null, chosenByUser: true };
    const guess = detection.roles[role];
    const chosenByUser = choice !== undefined && guess?.column === choice;
    return {
      role,
      required,
      column: guess ? guess.column : null,
      confidence: guess && !chosenByUser ? guess.confidence : null,
      chosenByUser,
    };
  });
}

/**
 * The table without the optional roles the user set to "none".
 *
 * @example
 * withoutExcludedRoles(table, { customer: null }).customer; // undefined
 */
export function withoutExcludedRoles(table: OrdersTable, choices: MappingChoices): OrdersTable {
  const excluded = (role: OrderRole) => choices[role] === null;
  if (!ORDER_ROLES.some(excluded)) return table;
  const dimensions = { ...table.dimensions };
  for (const role of ORDER_DIMENSIONS) if (excluded(role)) delete dimensions[role];
  const mapping = { ...table.mapping };
  for (const role of ORDER_ROLES) if (excluded(role)) delete mapping[role];
  return {
    ...table,
    mapping,
    dimensions,
    orderId: excluded('order_id') ? undefined : table.orderId,
    customer: excluded('customer') ? undefined : table.customer,
    quantity: excluded('quantity') ? undefined : table.quantity,
    // A cost derived from profit goes with the profit column.
    cost: excluded('cost') || (excluded('profit') && !table.mapping.cost) ? undefined : table.cost,
  };
}
