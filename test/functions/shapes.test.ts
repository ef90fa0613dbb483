/**
 * Table-driven checks over every range and spilling function, from the golden metadata: ranges
 * of different lengths are `#VALUE!` naming both arguments, and empty ranges give `#N/A` (no data)
 * or `#DIV/0!` (a zero denominator) — never a number out of nothing.
 */
import { CustomFunctionsError, col, serial, thrown } from './setup';
import { readFileSync } from 'fs';
import { join } from 'path';
import { IMPLEMENTATIONS as F } from '../../src/functions/registry';

const GOLDEN: { name: string; parameters: string[] }[] = JSON.parse(
  readFileSync(join(__dirname, 'functions-metadata.golden.json'), 'utf8'),
);

/** Formula functions whose ranges are added up separately (their lengths need not match). */
const SUMMED = new Set(['AOV', 'CAC', 'CONVERSIONRATE', 'MARGIN', 'ROI']);

interface Parameter {
  name: string;
  optional: boolean;
  matrix: boolean;
}

const parse = (p: string): Parameter => {
  const [raw, , dimensionality] = p.split(' ');
  return { name: raw.replace(/[[\]]/g, ''), optional: raw.startsWith('['), matrix: dimensionality === 'matrix' };
};

/** A plausible column of `n` rows for a parameter, by its name. */
function column(name: string, n: number): unknown[][] {
  const cells = Array.from({ length: n }, (_, i) => {
    if (/closed/i.test(name)) return serial('2026-01-10') + i * 9;
    if (/date|created/i.test(name)) return serial('2026-01-05') + i * 9;
    if (/status/i.test(name)) return ['Won', 'Lost', 'Open'][i % 3];
    if (/customer|dimension|orderid/i.test(name)) return ['a', 'b', 'c'][i % 3];
    return 10 + i;
  });
  return col(...cells);
}

/** A plausible scalar for a required parameter. */
function scalar(name: string): unknown {
  if (/period$/i.test(name)) return 'month';
  if (/periodStart/i.test(name)) return serial('2026-01-01');
  if (/periodEnd/i.test(name)) return serial('2026-12-31');
  if (/metricId/i.test(name)) return 'revenue';
  if (/horizon/i.test(name)) return 2;
  return 100;
}

const RANGE_FUNCTIONS = GOLDEN.filter((f) => !SUMMED.has(f.name) && f.parameters.some((p) => parse(p).matrix));

describe.each(RANGE_FUNCTIONS.map((f) => [f.name, f.parameters.map(parse)] as const))('SALES.%s', (name, params) => {
  const call = (lengthOf: (p: Parameter, k: number) => number) =>
    (F as unknown as Record<string, (...a: unknown[]) => unknown>)[name](
      ...params.map((p, k) => (p.matrix ? column(p.name, lengthOf(p, k)) : p.optional ? null : scalar(p.name))),
    );
  const matrices = params.filter((p) => p.matrix);

  it('works on plausible columns of equal length', () => {
    // A forecast needs more complete periods than 24 rows nine days apart span (seven months).
    const rows = name === 'FORECAST' ? 96 : 24;
    expect(() => call(() => rows)).not.toThrow();
  });

  if (matrices.length >= 2) {
    it('names both ranges when their lengths differ', () => {
      const last = params.lastIndexOf(matrices[matrices.length - 1]);
      const error = thrown(() => call((_, k) => (k === last ? 23 : 24))) as CustomFunctionsError;
      expect(error).toBeInstanceOf(CustomFunctionsError);
      expect(error.code).toBe('#VALUE!');
      expect(error.message).toMatch(/has 24 rows but \w+ has 23/);
    });
  }

  it('gives #N/A or #DIV/0! on empty ranges', () => {
    const error = thrown(() =>
      (F as unknown as Record<string, (...a: unknown[]) => unknown>)[name](
        ...params.map((p) => (p.matrix ? col('', '', '') : p.optional ? null : scalar(p.name))),
      ),
    ) as CustomFunctionsError;
    expect(error).toBeInstanceOf(CustomFunctionsError);
    expect(['#N/A', '#DIV/0!']).toContain(error.code);
  });
});
