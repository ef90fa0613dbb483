/**
 * The optional tables beside the orders — pipeline, marketing spend, targets — as the pane chooses
 * them: which table, and which column plays each role when detection cannot tell. The choice is
 * saved in the workbook's configuration (`mappings.sources` and `mappings.<kind>`), where the
 * build and review jobs read it.
 */
import type { CellValue } from '../core/cell';
import type { RoleDetection } from '../core/ingest';
import { makeHeaders } from '../core/ingest';
import { PIPELINE_ROLES, REQUIRED_ROLES, SPEND_ROLES, TARGET_ROLES } from '../core/table';
import type { ColumnRole, Mapping } from '../core/table';
import type { SalesMetricsConfig } from '../sheets/config';
import { headerMapping } from '../workflows/refresh';
import { headerRowOf, widthOf } from './analysis';

export type SideKind = 'pipeline' | 'spend' | 'targets';
export const SIDE_KINDS: readonly SideKind[] = ['pipeline', 'spend', 'targets'];

/** The roles each side table can map, required ones first as the core lists them. */
export const SIDE_ROLES: { readonly [K in SideKind]: readonly ColumnRole[] } = {
  pipeline: PIPELINE_ROLES,
  spend: SPEND_ROLES,
  targets: TARGET_ROLES,
};

/** A side table the pane reads: its name, and the columns the person mapped (role → header). */
export interface SideSource {
  readonly source: string;
  readonly mapping?: Mapping;
}

/**
 * The pane's choice for each side table: a table, `null` for none, or absent when the pane has
 * not touched it (what the workbook saved then stays).
 */
export type SideChoice = Readonly<Partial<Record<SideKind, SideSource | null>>>;

/**
 * Where the workbook's configuration says a table is, with its saved column mapping.
 * @example savedSource(config, 'orders') // { source: 'Orders', mapping: { date: 'Day', amount: 'Net' } }
 */
export function savedSource(config: SalesMetricsConfig, kind: 'orders' | SideKind): SideSource | undefined {
  const source = config.mappings.sources?.[kind];
  if (typeof source !== 'string' || source === '') return undefined;
  const mapping = headerMapping(config.mappings[kind]);
  return { source, ...(mapping ? { mapping } : {}) };
}

/**
 * The side tables the workbook's configuration names, with their saved column mappings.
 * @example savedSideChoice(config) // { pipeline: { source: 'Deals', mapping: { status: 'Step' } } }
 */
export function savedSideChoice(config: SalesMetricsConfig): SideChoice {
  const choice: Partial<Record<SideKind, SideSource>> = {};
  for (const kind of SIDE_KINDS) {
    const saved = savedSource(config, kind);
    if (saved) choice[kind] = saved;
  }
  return choice;
}

/**
 * The mapping with `role` read from `header` (`null`: detected again). A column plays one role,
 * so a role the person had put on that header goes back to being detected; an empty mapping is
 * no mapping.
 * @example withSideRole({ status: 'Step' }, 'stage', 'Step') // { stage: 'Step' }
 */
export function withSideRole(
  mapping: Mapping | undefined,
  role: ColumnRole,
  header: string | null,
): Mapping | undefined {
  const next: Record<string, string> = {};
  for (const [other, chosen] of Object.entries(mapping ?? {}))
    if (other !== role && chosen !== header && typeof chosen === 'string') next[other] = chosen;
  if (header !== null) next[role] = header;
  return Object.keys(next).length > 0 ? (next as Mapping) : undefined;
}

/** The headers ingestion gives the columns of `values` (its header row, else `Column A`…). */
export function sideHeaders(values: readonly (readonly CellValue[])[]): string[] {
  const row = headerRowOf(values);
  return makeHeaders(row === 'none' ? undefined : (values[row] as CellValue[]), widthOf(values));
}

/** One line of a side table's column list. */
export interface SideRoleRow {
  readonly role: ColumnRole;
  readonly required: boolean;
  /** The header the person chose for the role, if any. */
  readonly chosen?: string;
  /** The header detection found (or the chosen one, once read with it); absent: no column. */
  readonly found?: string;
}

/**
 * Every role of a side table with the column it is read from: chosen by the person, or detected.
 * @example sideRoleRows('spend', detection, headers, { spend: 'Cost' })[1] // { role: 'spend', required: true, chosen: 'Cost', found: 'Cost' }
 */
export function sideRoleRows(
  kind: SideKind,
  detection: RoleDetection,
  headers: readonly string[],
  mapping: Mapping | undefined,
): SideRoleRow[] {
  return SIDE_ROLES[kind].map((role) => {
    const column = detection.roles[role]?.column;
    const chosen = mapping?.[role];
    const found = column === undefined ? undefined : headers[column];
    return {
      role,
      required: REQUIRED_ROLES[kind].includes(role),
      ...(chosen !== undefined ? { chosen } : {}),
      ...(found !== undefined ? { found } : {}),
    };
  });
}
