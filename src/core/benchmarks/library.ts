/**
 * The built-in benchmark library (`library.json`, versioned data, not code), its validation, and
 * reading it as benchmark sets. The same validation checks the user's own and competitor sets
 * (which may leave out source and year).
 */
import data from './library.json';
import type {
  BenchmarkEntry,
  BenchmarkIndustry,
  BenchmarkLibrary,
  BenchmarkSet,
  BenchmarkSetKind,
} from './types';
import { BENCHMARK_PERIODS, BENCHMARK_UNITS } from './types';

/** The library as shipped. Validated by the test suite (`validateLibrary` returns no problems). */
export const BENCHMARK_LIBRARY: BenchmarkLibrary = data as BenchmarkLibrary;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * Problems with one benchmark entry (empty when it is fine). `requireSource`: the library demands
 * a publisher, a year and a period for every figure; a `dataYear` must not follow the year cited.
 * @example validateEntry({ metric: 'ltv_cac', min: 3, unit: 'multiple' }, true) // ['… has no source', …]
 */
export function validateEntry(entry: unknown, requireSource: boolean, where = 'entry'): string[] {
  if (!isObject(entry)) return [`${where} is not an object`];
  const problems: string[] = [];
  const name = `${where} (${String(entry.metric)})`;
  if (!isText(entry.metric) || !/^[a-z][a-z0-9_]*$/.test(entry.metric))
    problems.push(`${where}: metric id must be snake_case text`);
  const hasValue = entry.value !== undefined;
  const hasRange = entry.min !== undefined || entry.max !== undefined;
  if (hasValue === hasRange) problems.push(`${name}: give either a value or a min/max range`);
  for (const key of ['value', 'min', 'max'] as const) {
    if (entry[key] !== undefined && !isNumber(entry[key])) problems.push(`${name}: ${key} is not a number`);
  }
  if (isNumber(entry.min) && isNumber(entry.max) && entry.min > entry.max)
    problems.push(`${name}: min is above max`);
  if (!(BENCHMARK_UNITS as readonly unknown[]).includes(entry.unit))
    problems.push(`${name}: unknown unit "${String(entry.unit)}"`);
  if (entry.unit === 'ratio') {
    for (const key of ['value', 'min', 'max'] as const) {
      const v = entry[key];
      if (isNumber(v) && (v < 0 || v > 1))
        problems.push(`${name}: a ratio must lie between 0 and 1 (${key} = ${v})`);
    }
  }
  if (entry.period !== undefined && !(BENCHMARK_PERIODS as readonly unknown[]).includes(entry.period)) {
    problems.push(`${name}: unknown period "${String(entry.period)}"`);
  }
  if (requireSource && entry.period === undefined)
    problems.push(`${name}: has no period (${BENCHMARK_PERIODS.join(', ')})`);
  if (entry.dataYear !== undefined) {
    const dataYear = entry.dataYear as number;
    if (!Number.isInteger(dataYear) || dataYear < 1900 || dataYear > 2100)
      problems.push(`${name}: dataYear is not a valid year`);
    else if (Number.isInteger(entry.year) && dataYear > (entry.year as number))
      problems.push(`${name}: dataYear ${dataYear} is after the year cited (${String(entry.year)})`);
    else if (dataYear === entry.year) problems.push(`${name}: dataYear repeats the year; leave it out`);
  }
  if (requireSource || entry.source !== undefined) {
    if (!isText(entry.source)) problems.push(`${name}: has no source`);
  }
  if (requireSource || entry.year !== undefined) {
    if (!Number.isInteger(entry.year) || (entry.year as number) < 1900 || (entry.year as number) > 2100)
      problems.push(`${name}: has no valid year`);
  }
  for (const key of ['note', 'url'] as const) {
    if (entry[key] !== undefined && typeof entry[key] !== 'string')
      problems.push(`${name}: ${key} must be text`);
  }
  if (entry.measures !== undefined && !isText(entry.measures))
    problems.push(`${name}: measures must be text`);
  return problems;
}

/**
 * Problems with a benchmark library (empty when valid): version, update month, unique industry
 * ids, names in English and Indonesian, and every entry sourced and dated.
 */
export function validateLibrary(library: unknown): string[] {
  if (!isObject(library)) return ['the library is not an object'];
  const problems: string[] = [];
  if (!Number.isInteger(library.version) || (library.version as number) < 1)
    problems.push('version must be a whole number ≥ 1');
  if (typeof library.updated !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(library.updated))
    problems.push('updated must be YYYY-MM');
  if (!Array.isArray(library.industries) || library.industries.length === 0)
    return [...problems, 'industries must be a non-empty list'];
  const ids = new Set<string>();
  library.industries.forEach((industry: unknown, i: number) => {
    const where = `industry ${i + 1}`;
    if (!isObject(industry)) {
      problems.push(`${where} is not an object`);
      return;
    }
    if (!isText(industry.id) || !/^[a-z0-9-]+$/.test(industry.id))
      problems.push(`${where}: id must be kebab-case text`);
    else if (ids.has(industry.id)) problems.push(`${where}: duplicate id "${industry.id}"`);
    else ids.add(industry.id);
    if (!isObject(industry.name) || !isText(industry.name.en) || !isText(industry.name.id))
      problems.push(`${where}: name needs en and id texts`);
    if (!Array.isArray(industry.metrics)) {
      problems.push(`${where}: metrics must be a list`);
      return;
    }
    industry.metrics.forEach((entry: unknown, k: number) =>
      problems.push(...validateEntry(entry, true, `${String(industry.id)} entry ${k + 1}`)),
    );
  });
  return problems;
}

/**
 * The library's industries, or one of them by id.
 * @example libraryIndustries('b2b-saas')[0].metrics.length
 */
export function libraryIndustries(
  id?: string,
  library: BenchmarkLibrary = BENCHMARK_LIBRARY,
): BenchmarkIndustry[] {
  return library.industries.filter((industry) => id === undefined || industry.id === id);
}

/**
 * An industry preset as a benchmark set, named in English or Indonesian; null for an unknown id.
 * @example librarySet('ecommerce-retail', 'id')?.name // 'E-commerce / ritel'
 */
export function librarySet(
  industryId: string,
  language: 'en' | 'id' = 'en',
  library: BenchmarkLibrary = BENCHMARK_LIBRARY,
): BenchmarkSet | null {
  const industry = library.industries.find((i) => i.id === industryId);
  if (!industry) return null;
  return { id: industry.id, name: industry.name[language], kind: 'library', metrics: industry.metrics };
}

/**
 * A user's own or competitor set, keeping only valid entries and reporting the others.
 * @example benchmarkSet({ id: 'rival', name: 'Rival Ltd', kind: 'competitor', metrics: [{ metric: 'aov', value: 120, unit: 'currency' }] })
 */
export function benchmarkSet(input: {
  id: string;
  name: string;
  kind: BenchmarkSetKind;
  metrics: readonly unknown[];
}): { set: BenchmarkSet; problems: string[] } {
  const problems: string[] = [];
  const metrics: BenchmarkEntry[] = [];
  input.metrics.forEach((entry, k) => {
    const found = validateEntry(entry, input.kind === 'library', `${input.name} entry ${k + 1}`);
    if (found.length > 0) problems.push(...found);
    else metrics.push(entry as BenchmarkEntry);
  });
  return { set: { id: input.id, name: input.name, kind: input.kind, metrics }, problems };
}

/** A set's entries for one metric, in the set's order (the first is the primary figure). */
export function benchmarksFor(set: BenchmarkSet, metric: string): BenchmarkEntry[] {
  return set.metrics.filter((entry) => entry.metric === metric);
}
