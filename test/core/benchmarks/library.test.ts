import raw from '../../../src/core/benchmarks/library.json';
import { BENCHMARK_LIBRARY, BENCHMARK_UNITS, benchmarkSet, benchmarksFor, libraryIndustries, librarySet, validateLibrary } from '../../../src/core/benchmarks';

describe('library.json schema', () => {
  it('has no problems', () => {
    expect(validateLibrary(raw)).toEqual([]);
  });

  it('is versioned and covers the four required industries', () => {
    expect(BENCHMARK_LIBRARY.version).toBe(2);
    expect(BENCHMARK_LIBRARY.updated).toMatch(/^\d{4}-\d{2}$/);
    const ids = BENCHMARK_LIBRARY.industries.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['ecommerce-retail', 'b2b-saas', 'b2b-wholesale-distribution', 'professional-services']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every figure a source, a year, a valid unit and an ordered range', () => {
    for (const industry of BENCHMARK_LIBRARY.industries) {
      expect(industry.metrics.length).toBeGreaterThan(0);
      for (const entry of industry.metrics) {
        expect(entry.source?.trim()).toBeTruthy();
        expect(Number.isInteger(entry.year) && entry.year! >= 2000 && entry.year! <= 2026).toBe(true);
        expect(BENCHMARK_UNITS).toContain(entry.unit);
        expect(entry.note?.trim()).toBeTruthy();
        if (entry.min !== undefined && entry.max !== undefined) expect(entry.min).toBeLessThanOrEqual(entry.max);
        expect((entry.value !== undefined) !== (entry.min !== undefined || entry.max !== undefined)).toBe(true);
      }
      // One figure per metric and source.
      const keys = industry.metrics.map((e) => `${e.metric}|${e.source}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('round-trips through JSON in the CLI listing shape', () => {
    const listing = { industries: libraryIndustries() };
    expect(JSON.parse(JSON.stringify(listing)).industries[0].metrics[0]).toHaveProperty('source');
  });
});

describe('validateLibrary catches mistakes', () => {
  const good = { metric: 'win_rate', value: 0.2, unit: 'ratio', source: 'X', year: 2024, period: 'year', note: 'n' };
  const lib = (entries: unknown[], more: object = {}) =>
    ({ version: 1, updated: '2026-11', industries: [{ id: 'a', name: { en: 'A', id: 'A' }, metrics: entries }], ...more });

  it('reports missing sources and years, bad units, reversed ranges, ratios above 1, duplicate ids', () => {
    expect(validateLibrary(lib([good]))).toEqual([]);
    const problems = validateLibrary(lib([
      { ...good, source: '' },
      { ...good, year: undefined },
      { ...good, unit: 'percent' },
      { metric: 'cac_payback_months', min: 18, max: 12, unit: 'months', source: 'X', year: 2024, period: 'any' },
      { ...good, value: 3 },
      { ...good, min: 0.1 },
      { ...good, period: undefined },
      { ...good, period: 'fortnight' },
      { ...good, dataYear: 2025 },
      { ...good, dataYear: 2024 },
      { ...good, dataYear: 2023, measures: '' },
    ]));
    expect(problems).toEqual([
      'a entry 1 (win_rate): has no source',
      'a entry 2 (win_rate): has no valid year',
      'a entry 3 (win_rate): unknown unit "percent"',
      'a entry 4 (cac_payback_months): min is above max',
      'a entry 5 (win_rate): a ratio must lie between 0 and 1 (value = 3)',
      'a entry 6 (win_rate): give either a value or a min/max range',
      'a entry 7 (win_rate): has no period (day, week, month, quarter, year, lifetime, any)',
      'a entry 8 (win_rate): unknown period "fortnight"',
      'a entry 9 (win_rate): dataYear 2025 is after the year cited (2024)',
      'a entry 10 (win_rate): dataYear repeats the year; leave it out',
      'a entry 11 (win_rate): measures must be text',
    ]);
    const twice = { version: 1, updated: '2026-13', industries: [lib([good]).industries[0], lib([good]).industries[0]] };
    expect(validateLibrary(twice)).toEqual(['updated must be YYYY-MM', 'industry 2: duplicate id "a"']);
  });
});

describe('benchmark sets', () => {
  it('reads an industry preset in English or Indonesian', () => {
    expect(librarySet('b2b-saas')?.name).toBe('B2B SaaS');
    expect(librarySet('ecommerce-retail', 'id')?.name).toBe('E-commerce / ritel');
    expect(librarySet('nope')).toBeNull();
    expect(benchmarksFor(librarySet('b2b-saas')!, 'ltv_cac')[0]).toMatchObject({ min: 3, unit: 'multiple' });
  });

  it('accepts own and competitor figures without a source, reporting bad ones', () => {
    const { set, problems } = benchmarkSet({
      id: 'rival', name: 'Rival', kind: 'competitor',
      metrics: [{ metric: 'aov', value: 120, unit: 'currency' }, { metric: 'aov', unit: 'currency' }],
    });
    expect(set.metrics).toEqual([{ metric: 'aov', value: 120, unit: 'currency' }]);
    expect(problems).toEqual(['Rival entry 2 (aov): give either a value or a min/max range']);
  });
});
