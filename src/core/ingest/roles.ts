/**
 * Which column plays which role: scored from header names (aliases, exact or partial) weighed by
 * what the values look like, plus value-only guesses for columns whose header says nothing
 * (headerless files). Each role gets one column, each column at most one role, assigned greedily
 * from the best score down, so the task pane can show the guess, its confidence and alternatives.
 */
import type { CellValue } from '../cell';
import type { ColumnRole, Mapping, TableKind } from '../table';
import { ORDER_ROLES, PIPELINE_ROLES, SPEND_ROLES, TARGET_ROLES, REQUIRED_ROLES } from '../table';
import { ROLE_ALIASES, type RoleAliases } from './aliases';
import { normalizeHeader } from './headers';
import {
  type ColumnProfile,
  profileColumn,
  dateShare,
  likelyDateShare,
  strongDateShare,
  numberShare,
  textShare,
} from './profile';

export interface RoleCandidate {
  readonly column: number;
  readonly header: string;
  /** 0–1; 1 for an explicit mapping. */
  readonly confidence: number;
}

export interface RoleGuess extends RoleCandidate {
  /** Other columns that could play the role, best first. */
  readonly alternatives: readonly RoleCandidate[];
}

export interface RoleDetection {
  readonly roles: Partial<Record<ColumnRole, RoleGuess>>;
  /** Columns with no role, in sheet order. */
  readonly unassigned: readonly number[];
}

/** A mapping given by the user: role → header text or 0-based column index (a `Mapping` is one). */
export type ExplicitMapping = Mapping | Partial<Record<ColumnRole, string | number>>;

export const ROLES_BY_KIND: { readonly [K in TableKind]: readonly ColumnRole[] } = {
  orders: ORDER_ROLES,
  pipeline: PIPELINE_ROLES,
  spend: SPEND_ROLES,
  targets: TARGET_ROLES,
};

export type ValueKind = 'date' | 'number' | 'status' | 'id' | 'label' | 'period';

export const VALUE_KIND: Readonly<Record<ColumnRole, ValueKind>> = {
  date: 'date',
  created: 'date',
  closed: 'date',
  amount: 'number',
  quantity: 'number',
  cost: 'number',
  value: 'number',
  spend: 'number',
  target: 'number',
  status: 'status',
  order_id: 'id',
  customer: 'id',
  id: 'id',
  period: 'period',
  product: 'label',
  category: 'label',
  region: 'label',
  rep: 'label',
  channel: 'label',
  segment: 'label',
  source: 'label',
  metric: 'label',
};

/** Below this a pairing is not offered at all. */
const MIN_SCORE = 0.15;
const MAX_ALTERNATIVES = 3;

const NORMALIZED = new WeakMap<readonly string[], readonly string[]>();

/** Normalised forms of an alias list, computed once per list. */
function normalizedAliases(names: readonly string[]): readonly string[] {
  let normal = NORMALIZED.get(names);
  if (!normal) {
    normal = names.map(normalizeHeader);
    NORMALIZED.set(names, normal);
  }
  return normal;
}

/** How well a header names a role: 1 exact strong alias, 0.6 exact weak, less for partial matches. */
export function headerScore(aliases: RoleAliases, header: string): number {
  const key = normalizeHeader(header);
  if (key === '') return 0;
  let best = 0;
  const consider = (names: readonly string[], weight: number): void => {
    for (const alias of normalizedAliases(names)) {
      if (alias === key) best = Math.max(best, weight);
      else if (alias.length >= 3 && key.includes(alias) && !aliases.exclude?.some((x) => key.includes(x))) {
        best = Math.max(best, weight * (0.55 + 0.3 * (alias.length / key.length)));
      }
    }
  };
  consider(aliases.strong, 1);
  if (aliases.weak) consider(aliases.weak, 0.6);
  return best;
}

/** How well the values fit a role's kind, 0–1 (0.5 when the sample is empty). */
function valueFit(kind: ValueKind, p: ColumnProfile): number {
  if (p.nonBlank === 0) return 0.5;
  switch (kind) {
    case 'date':
      return dateShare(p);
    case 'number':
      return numberShare(p);
    case 'status':
      return textShare(p);
    case 'id':
      return 1 - strongDateShare(p) - p.booleans / p.nonBlank;
    case 'label':
      return textShare(p) + 0.5 * numberShare(p) * (1 - strongDateShare(p));
    case 'period':
      return 1;
  }
}

/** Score for a column whose header does not name the role, from its values alone. */
function valueOnlyScore(role: ColumnRole, p: ColumnProfile): number {
  if (p.nonBlank === 0) return 0;
  const kind = VALUE_KIND[role];
  if (kind === 'date') {
    // A second date column is more often the closing date than the creation date.
    const discount = role === 'closed' ? 0.9 : 1;
    if (strongDateShare(p) >= 0.9) return 0.5 * discount;
    if (likelyDateShare(p) >= 0.95 && p.decimals === 0) return 0.3 * discount;
    return 0;
  }
  if (role === 'amount' || role === 'spend' || role === 'value' || role === 'target') {
    if (numberShare(p) < 0.9 || strongDateShare(p) > 0.1) return 0;
    return (p.decimals + p.moneyText) / p.nonBlank >= 0.3 ? 0.4 : 0.2;
  }
  if (role === 'status') return p.statusText / p.nonBlank >= 0.8 ? 0.5 : 0;
  return 0;
}

/**
 * Resolves an explicit mapping to column indexes. Headers match exactly, then normalised
 * (`order date` finds `Order Date`). Returns the problems (unknown header, bad index) in words.
 */
export function resolveMapping(
  kind: TableKind,
  headers: readonly string[],
  mapping: ExplicitMapping | undefined,
): { columns: Partial<Record<ColumnRole, number>>; problems: string[] } {
  const columns: Partial<Record<ColumnRole, number>> = {};
  const problems: string[] = [];
  if (!mapping || typeof mapping !== 'object') return { columns, problems };
  const roles = ROLES_BY_KIND[kind];
  for (const [role, target] of Object.entries(mapping) as [ColumnRole, string | number | undefined][]) {
    if (target === undefined || target === null) continue;
    if (!roles.includes(role)) {
      problems.push(`'${role}' is not a column role of a ${kind} table; ignored`);
      continue;
    }
    let column = -1;
    if (typeof target === 'number') {
      column = Number.isInteger(target) && target >= 0 && target < headers.length ? target : -1;
      if (column < 0) problems.push(`${role} is mapped to column ${target}, which does not exist`);
    } else if (typeof target === 'string') {
      column = headers.indexOf(target.trim());
      if (column < 0) column = headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(target));
      if (column < 0) problems.push(`${role} is mapped to '${target}', but no column has that header`);
    }
    if (column < 0) continue;
    const taken = (Object.keys(columns) as ColumnRole[]).find((r) => columns[r] === column);
    if (taken) {
      problems.push(`${role} and ${taken} are both mapped to '${headers[column]}'; kept ${taken}`);
      continue;
    }
    columns[role] = column;
  }
  return { columns, problems };
}

/** Profiles of every column over sample rows (ragged rows read as blanks). */
export function profileColumns(width: number, sample: readonly (readonly CellValue[])[]): ColumnProfile[] {
  const profiles: ColumnProfile[] = [];
  for (let c = 0; c < width; c++) {
    profiles.push(profileColumn(sample.map((row) => (Array.isArray(row) ? row[c] : undefined))));
  }
  return profiles;
}

/**
 * Guesses the role of each column of a table.
 *
 * @param sample data rows below the header (a few hundred are plenty).
 * @param mapping explicit choices; they win (confidence 1) and their columns leave the pool.
 * @example
 * const d = detectRoles('orders', ['Tanggal', 'Pelanggan', 'Total'], [[45292, 'Budi', 'Rp 10.000']]);
 * d.roles.date?.column     // 0
 * d.roles.customer?.column // 1
 * d.roles.amount?.column   // 2
 */
export function detectRoles(
  kind: TableKind,
  headers: readonly string[],
  sample: readonly (readonly CellValue[])[],
  mapping?: ExplicitMapping,
  profiles: readonly ColumnProfile[] = profileColumns(headers.length, sample),
): RoleDetection {
  const roles = ROLES_BY_KIND[kind];
  const aliases = ROLE_ALIASES[kind];
  const scores = new Map<ColumnRole, RoleCandidate[]>();
  const pairs: { role: ColumnRole; rank: number; candidate: RoleCandidate }[] = [];
  roles.forEach((role, rank) => {
    const list: RoleCandidate[] = [];
    for (let c = 0; c < headers.length; c++) {
      const p = profiles[c];
      const named = aliases[role] ? headerScore(aliases[role] as RoleAliases, headers[c]) : 0;
      const fit = valueFit(VALUE_KIND[role], p);
      // A header that names the role keeps it as a candidate even over values that do not fit
      // (0.2 floor): the rows are then reported one by one instead of the column going unseen.
      const score = named > 0 ? named * (fit >= 0.8 ? 1 : Math.max(0.2, fit)) : valueOnlyScore(role, p);
      if (score >= MIN_SCORE) {
        const candidate = { column: c, header: headers[c], confidence: Math.round(score * 100) / 100 };
        list.push(candidate);
        pairs.push({ role, rank, candidate });
      }
    }
    list.sort((a, b) => b.confidence - a.confidence || a.column - b.column);
    scores.set(role, list);
  });

  const chosen = new Map<ColumnRole, RoleCandidate>();
  const usedColumns = new Set<number>();
  const { columns: explicit } = resolveMapping(kind, headers, mapping);
  for (const role of roles) {
    const column = explicit[role];
    if (column === undefined) continue;
    chosen.set(role, { column, header: headers[column], confidence: 1 });
    usedColumns.add(column);
  }
  // Greedy from the best score; ties go to the table's role order (required roles first), then
  // the leftmost column, which is where people put the main columns.
  pairs.sort(
    (a, b) =>
      b.candidate.confidence - a.candidate.confidence ||
      a.rank - b.rank ||
      a.candidate.column - b.candidate.column,
  );
  for (const { role, candidate } of pairs) {
    if (chosen.has(role) || usedColumns.has(candidate.column)) continue;
    chosen.set(role, candidate);
    usedColumns.add(candidate.column);
  }

  const result: Partial<Record<ColumnRole, RoleGuess>> = {};
  for (const role of roles) {
    const pick = chosen.get(role);
    if (!pick) continue;
    const alternatives = (scores.get(role) ?? [])
      .filter((c) => c.column !== pick.column)
      .slice(0, MAX_ALTERNATIVES);
    result[role] = { ...pick, alternatives };
  }
  const unassigned: number[] = [];
  for (let c = 0; c < headers.length; c++) if (!usedColumns.has(c)) unassigned.push(c);
  return { roles: result, unassigned };
}

/** Required roles of a kind that a detection lacks. */
export function missingRequiredRoles(kind: TableKind, detection: RoleDetection): ColumnRole[] {
  return REQUIRED_ROLES[kind].filter((role) => detection.roles[role] === undefined);
}
