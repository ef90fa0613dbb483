/**
 * Which column plays which role: scored from header names (aliases, exact or partial) weighed by
 * what the values look like, plus value-only guesses for columns whose header says nothing
 * (headerless files). Each role gets one column, each column at most one role, assigned greedily
 * from the best score down, so the task pane can show the guess, its confidence and alternatives.
 *
 * Where several columns could play a role, three rules come before the score (each guess records
 * which one decided, see {@link RoleReason}):
 * 1. a header that is the role's own name (`Region`, `Order ID`, `customer`) beats every alias,
 *    provided its values fit;
 * 2. for the customer and the order id, an id column (`Customer ID`, `cust_id`, `Order No`) beats
 *    a name column (`Customer Name`): names repeat and are spelled in several ways;
 * 3. for the region, places rank Country > Region > State/Province > City > Postal code and the
 *    coarsest column that holds more than one value in the sample wins; the others stay
 *    available as breakdowns by their header.
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

/**
 * Why a role got its column: `given` by the user's mapping; `exact` header is the role's own name;
 * `id` column over a name column; `coarser` place column; `score` best header and value fit;
 * `leftmost` of equally good columns.
 */
export type RoleReason = 'given' | 'exact' | 'id' | 'coarser' | 'score' | 'leftmost';

export interface RoleGuess extends RoleCandidate {
  /** Other columns that could play the role, best first. */
  readonly alternatives: readonly RoleCandidate[];
  readonly reason: RoleReason;
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
  end: 'date',
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
  profit: 'number',
  source: 'label',
  metric: 'label',
  expected_close: 'date',
  probability: 'number',
  stage: 'label',
  forecast_category: 'label',
};

/** Below this a pairing is not offered at all. */
const MIN_SCORE = 0.15;
const MAX_ALTERNATIVES = 3;

/** Ranks above any score: an exact header, then an id or coarser place preferred by rule. */
const EXACT_PRIORITY = 3;
const RULE_PRIORITY = 2;
/** Below this a candidate is too doubtful for the id and place rules to lift or weigh. */
const RULE_MIN_CONFIDENCE = 0.5;

/** Money roles: a header with `%` holds a rate (`Profit %`), whatever its words say. */
const MONEY_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['amount', 'cost', 'profit']);

/** Header words of an identifier; `name` words mark a display name. */
const ID_WORDS = new Set(['id', 'code', 'no', 'nr', 'num', 'number', 'kode', 'nomor', 'key', '#']);
const NAME_WORDS = new Set(['name', 'nama']);

/** Place levels from the coarsest: country, region, state or province, city, postal code. */
const PLACE_WORDS: readonly (readonly string[])[] = [
  ['country', 'negara', 'nation'],
  ['region', 'wilayah', 'area', 'territory', 'zone', 'zona', 'daerah'],
  ['state', 'province', 'provinsi', 'propinsi', 'prefecture'],
  ['city', 'kota', 'town', 'kabupaten'],
  ['postal', 'postcode', 'zip', 'zipcode', 'pos', 'kodepos'],
];

/** A header's words, lower case, split at spaces, punctuation and camel case (`CustomerID`). */
function headerWords(header: string): string[] {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9#]+/)
    .filter((word) => word !== '');
}

/** True for a header naming an identifier (`Customer ID`, `cust_id`, `Order #`), not a name. */
export function isIdHeader(header: string): boolean {
  const words = headerWords(header);
  if (words.some((w) => NAME_WORDS.has(w))) return false;
  return words.some((w) => ID_WORDS.has(w)) || normalizeHeader(header).endsWith('id');
}

/**
 * Place level of a header, 0 (country) to 4 (postal code); undefined when it names no place level.
 * @example placeLevel('Sales Region') // 1
 */
export function placeLevel(header: string): number | undefined {
  const words = headerWords(header);
  let level: number | undefined;
  PLACE_WORDS.forEach((names, l) => {
    if (level === undefined && words.some((w) => names.includes(w))) level = l;
  });
  return level;
}

/**
 * Roles whose own name is first another role's: a lone `Stage` column is the pipeline's status (a
 * required role), so the exact-header rule must not hand it to the stage.
 */
const NO_EXACT_RULE: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['stage']);

/** The role's own name and its first (canonical) alias, normalised: `Region` for region. */
function exactKeys(role: ColumnRole, aliases: RoleAliases | undefined): Set<string> {
  if (NO_EXACT_RULE.has(role)) return new Set();
  const keys = new Set([normalizeHeader(role)]);
  if (aliases?.strong[0]) keys.add(normalizeHeader(aliases.strong[0]));
  return keys;
}

/** True when column `c` of the sample holds at least two different values (or too few to tell). */
function varies(sample: readonly (readonly CellValue[])[], c: number): boolean {
  let first: string | undefined;
  let seen = 0;
  for (const row of sample) {
    const value = Array.isArray(row) ? row[c] : undefined;
    if (value === null || value === undefined || value === '') continue;
    const text = String(value).trim().toLowerCase();
    if (text === '') continue;
    seen++;
    if (first === undefined) first = text;
    else if (text !== first) return true;
  }
  return seen < 2;
}

interface Scored {
  readonly candidate: RoleCandidate;
  /** Order of the greedy assignment: the confidence, or a rule's rank above every score. */
  priority: number;
  reason?: RoleReason;
}

/**
 * Applies the exact-header, id-over-name and coarser-place rules to one role's candidates by
 * raising the priority of the candidate a rule prefers.
 */
function applyRules(
  role: ColumnRole,
  scored: Scored[],
  exact: ReadonlySet<number>,
  sample: readonly (readonly CellValue[])[],
): void {
  for (const s of scored) {
    if (exact.has(s.candidate.column)) {
      s.priority = EXACT_PRIORITY;
      s.reason = 'exact';
    }
  }
  if (exact.size > 0) return;
  const sure = scored.filter((s) => s.candidate.confidence >= RULE_MIN_CONFIDENCE);
  const best = (list: Scored[], key: (s: Scored) => number) =>
    [...list].sort(
      (a, b) =>
        key(a) - key(b) ||
        b.candidate.confidence - a.candidate.confidence ||
        a.candidate.column - b.candidate.column,
    )[0] as Scored | undefined;
  let preferred: Scored | undefined;
  let reason: RoleReason | undefined;
  if (role === 'customer' || role === 'order_id') {
    preferred = best(
      sure.filter((s) => isIdHeader(s.candidate.header)),
      () => 0,
    );
    reason = 'id';
  } else if (role === 'region') {
    const places = sure.filter((s) => placeLevel(s.candidate.header) !== undefined);
    const varied = places.filter((s) => varies(sample, s.candidate.column));
    const pool = varied.length > 0 ? varied : places;
    if (places.length >= 2) preferred = best(pool, (s) => placeLevel(s.candidate.header) as number);
    reason = 'coarser';
  }
  if (preferred && sure.length >= 2) {
    preferred.priority = RULE_PRIORITY;
    preferred.reason = reason;
  }
}

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
      // `Column E`: by letter, as blank headers are named (a header of that text wins).
      if (column < 0) column = letterColumn(target, headers.length);
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

/**
 * The 0-based column of `Column E`-style text (a column letter after the word `Column`), or −1
 * when the text is not one or the column is not in the table.
 * @example letterColumn('Column E', 6) // 4
 */
export function letterColumn(text: string, width: number): number {
  const m = /^\s*column\s+([a-z]{1,3})\s*$/i.exec(text);
  if (!m) return -1;
  let index = 0;
  for (const ch of m[1].toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1 < width ? index - 1 : -1;
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
  const pairs: { role: ColumnRole; rank: number; scored: Scored }[] = [];
  roles.forEach((role, rank) => {
    const list: RoleCandidate[] = [];
    const scored: Scored[] = [];
    const exact = new Set<number>();
    const exactNames = exactKeys(role, aliases[role]);
    for (let c = 0; c < headers.length; c++) {
      const p = profiles[c];
      const rate = MONEY_ROLES.has(role) && headers[c].includes('%');
      const named = aliases[role] && !rate ? headerScore(aliases[role] as RoleAliases, headers[c]) : 0;
      const fit = valueFit(VALUE_KIND[role], p);
      // A header that names the role keeps it as a candidate even over values that do not fit
      // (0.2 floor): the rows are then reported one by one instead of the column going unseen.
      const score = named > 0 ? named * (fit >= 0.8 ? 1 : Math.max(0.2, fit)) : valueOnlyScore(role, p);
      if (score >= MIN_SCORE) {
        const candidate = { column: c, header: headers[c], confidence: Math.round(score * 100) / 100 };
        list.push(candidate);
        scored.push({ candidate, priority: candidate.confidence });
        if (score === 1 && exactNames.has(normalizeHeader(headers[c]))) exact.add(c);
      }
    }
    applyRules(role, scored, exact, sample);
    for (const s of scored) pairs.push({ role, rank, scored: s });
    list.sort((a, b) => b.confidence - a.confidence || a.column - b.column);
    scores.set(role, list);
  });

  const chosen = new Map<ColumnRole, { candidate: RoleCandidate; reason?: RoleReason }>();
  const usedColumns = new Set<number>();
  const { columns: explicit } = resolveMapping(kind, headers, mapping);
  for (const role of roles) {
    const column = explicit[role];
    if (column === undefined) continue;
    chosen.set(role, { candidate: { column, header: headers[column], confidence: 1 }, reason: 'given' });
    usedColumns.add(column);
  }
  // Greedy from the best priority (a rule's, else the score); ties go to the table's role order
  // (required roles first), then the leftmost column, which is where people put the main columns.
  pairs.sort(
    (a, b) =>
      b.scored.priority - a.scored.priority ||
      a.rank - b.rank ||
      a.scored.candidate.column - b.scored.candidate.column,
  );
  for (const { role, scored } of pairs) {
    const { candidate } = scored;
    if (chosen.has(role) || usedColumns.has(candidate.column)) continue;
    chosen.set(role, { candidate, reason: scored.reason });
    usedColumns.add(candidate.column);
  }

  const result: Partial<Record<ColumnRole, RoleGuess>> = {};
  for (const role of roles) {
    const pick = chosen.get(role);
    if (!pick) continue;
    const { candidate } = pick;
    const alternatives = (scores.get(role) ?? [])
      .filter((c) => c.column !== candidate.column)
      .slice(0, MAX_ALTERNATIVES);
    const tied = alternatives.some(
      (a) => a.confidence === candidate.confidence && a.column > candidate.column,
    );
    result[role] = { ...candidate, alternatives, reason: pick.reason ?? (tied ? 'leftmost' : 'score') };
  }
  const unassigned: number[] = [];
  for (let c = 0; c < headers.length; c++) if (!usedColumns.has(c)) unassigned.push(c);
  return { roles: result, unassigned };
}

/** Required roles of a kind that a detection lacks. */
export function missingRequiredRoles(kind: TableKind, detection: RoleDetection): ColumnRole[] {
  return REQUIRED_ROLES[kind].filter((role) => detection.roles[role] === undefined);
}
