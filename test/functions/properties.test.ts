/**
 * Property: whatever Excel hands over, a SALES.* function returns a finite number or a
 * rectangular spill of numbers and text, or throws a `CustomFunctions.Error` about the input —
 * never another exception and never a bug caught by the guard.
 */
import { CustomFunctionsError, isSpillValue } from './setup';
import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import { UNEXPECTED_PREFIX } from '../../src/functions/errors';
import { FUNCTION_IDS, IMPLEMENTATIONS } from '../../src/functions/registry';

const SPILLS: ReadonlySet<string> = new Set(['BYPERIOD', 'BREAKDOWN', 'COHORT', 'RFM', 'TREND', 'FORECAST', 'GOALSPLIT']);

const cell = fc.oneof(
  fc.constant(''),
  fc.constant(null),
  fc.double({ noNaN: false }),
  fc.integer({ min: 30000, max: 50000 }), // date serials
  fc.integer({ min: -5, max: 100 }),
  fc.constantFrom(
    'month',
    'Bulan',
    'week',
    'kuartal',
    'year',
    'day',
    'Won',
    'Lost',
    'Open',
    'Kalah',
    'sum',
    'distinct',
    'revenue',
    'units',
    '2026-01-15',
    '15/01/2026',
    '$1,250.00',
    'Rp 1.250.000,00',
    '#N/A',
    '#DIV/0!',
    '12%',
    'abc',
  ),
  fc.string({ maxLength: 6 }),
  fc.boolean(),
  fc.constant(new CustomFunctionsError('#N/A' as never)),
);

const column = fc.array(cell, { maxLength: 12 }).map((cells) => cells.map((c) => [c]));
const argument = fc.oneof(
  cell,
  column,
  fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 4 }), // blocks, ragged rows
  fc.constant(undefined),
);

function check(id: string, args: unknown[]): void {
  const implementation = (IMPLEMENTATIONS as Record<string, (...a: unknown[]) => unknown>)[id];
  let result: unknown;
  try {
    result = implementation(...args);
  } catch (error) {
    expect(error).toBeInstanceOf(CustomFunctionsError);
    const message = (error as CustomFunctionsError).message ?? '';
    if (message.startsWith(UNEXPECTED_PREFIX)) throw new Error(`${id}(${JSON.stringify(args)}): ${message}`);
    expect(['#VALUE!', '#N/A', '#DIV/0!', '#NUM!']).toContain((error as CustomFunctionsError).code);
    return;
  }
  if (SPILLS.has(id)) {
    expect(Array.isArray(result)).toBe(true);
    const rows = result as unknown[][];
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const row of rows) {
      expect(row).toHaveLength(rows[0].length);
      for (const value of row) {
        expect(isSpillValue(value)).toBe(true);
      }
    }
  } else {
    expect(typeof result).toBe('number');
    expect(Number.isFinite(result as number)).toBe(true);
  }
}

/** Parameters of each function as the golden metadata lists them: `[name] type dimensionality`. */
const GOLDEN: { name: string; parameters: string[]; options?: string[] }[] = JSON.parse(
  readFileSync(join(__dirname, 'functions-metadata.golden.json'), 'utf8'),
);

/** Streaming functions push their values instead of returning them: test/functions/table covers them. */
const RETURNING = FUNCTION_IDS.filter((id) => !GOLDEN.find((f) => f.name === id)?.options?.includes('stream'));

const dateCell = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 45000, max: 46400 }) },
  { weight: 1, arbitrary: fc.constantFrom('2026-01-15', '15/01/2026', '', 'soon', 60) },
);
const numberCell = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -1000, max: 100000, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom('', '$1,250.00', 'n/a', 0, 1e308) },
);
const textCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'North', 7) },
  { weight: 1, arbitrary: cell },
);
const statusCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('Won', 'Lost', 'Open', 'Menang', 'On Hold') },
  { weight: 1, arbitrary: cell },
);

/** A plausible argument for a parameter, from its name (with some noise). */
function plausible(name: string, matrix: boolean, rows: number): fc.Arbitrary<unknown> {
  const kind = /date|created|closed|start|end|asof/i.test(name)
    ? dateCell
    : /status/i.test(name)
      ? statusCell
      : /customer|orderid|dimension/i.test(name)
        ? textCell
        : /period/i.test(name)
          ? fc.constantFrom('month', 'week', 'Bulan', 'quarter', 'year', 'day')
          : /agg|measure|metric/i.test(name)
            ? fc.constantFrom(
                'sum',
                'count',
                'average',
                'distinct',
                'revenue',
                'units',
                'aov',
                'orders',
                'retention',
              )
            : /horizon/i.test(name)
              ? fc.integer({ min: 0, max: 6 })
              : numberCell;
  if (!matrix) return fc.oneof({ weight: 6, arbitrary: kind }, { weight: 1, arbitrary: fc.constant(null) });
  return fc.array(kind, { minLength: rows, maxLength: rows }).map((cells) => cells.map((c) => [c]));
}

function plausibleArgs(id: string): fc.Arbitrary<unknown[]> {
  const parameters = GOLDEN.find((f) => f.name === id)!.parameters;
  return fc.integer({ min: 0, max: 40 }).chain((rows) =>
    fc.tuple(
      ...parameters.map((p) => {
        const [rawName, , dimensionality] = p.split(' ');
        const optional = rawName.startsWith('[');
        const arg = plausible(rawName.replace(/[[\]]/g, ''), dimensionality === 'matrix', rows);
        return optional ? fc.oneof(arg, fc.constant(null)) : arg;
      }),
    ),
  );
}

describe.each(RETURNING)('SALES.%s on arbitrary inputs', (id) => {
  it('throws only CustomFunctions.Error about the input', () => {
    fc.assert(
      fc.property(fc.array(argument, { maxLength: 8 }), (args) => check(id, args)),
      { numRuns: 100 },
    );
  });

  it('plausible columns of equal length reach the computation without a bug', () => {
    fc.assert(
      fc.property(plausibleArgs(id), (args) => check(id, args)),
      // A forecast fits fifteen models per call: fewer runs keep the file quick.
      { numRuns: id === 'FORECAST' ? 25 : 200 },
    );
  });
});
