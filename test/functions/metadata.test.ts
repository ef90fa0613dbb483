/**
 * functions.json is generated from the JSDoc in src/functions/functions.ts at build time. This
 * test generates it the same way, fails on any error the generator reports, pins the shape of
 * every function in a golden file (name, parameters, result), and checks that declared functions
 * and registered implementations are the same set.
 *
 * After an intended change: UPDATE_GOLDEN=1 npx jest test/functions/metadata, review the diff, and
 * bump the manifest version (Excel caches functions.json).
 */
import './setup';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { FUNCTION_IDS } from '../../src/functions/registry';
import * as declared from '../../src/functions/functions';

const SOURCE = join(__dirname, '../../src/functions/functions.ts');
const GOLDEN = join(__dirname, 'functions-metadata.golden.json');

interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result?: { type?: string; dimensionality?: string };
}

let functions: FunctionMetadata[];
let associate: { functionName: string; id: string }[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(SOURCE);
  expect(result.errors).toEqual([]);
  functions = JSON.parse(result.metadataJson).functions;
  associate = result.associate;
});

/** The shape that users see: what the golden file pins. */
function shape(f: FunctionMetadata) {
  return {
    name: f.name,
    parameters: f.parameters.map((p) =>
      [p.optional ? `[${p.name}]` : p.name, p.type, p.dimensionality ?? 'scalar'].join(' '),
    ),
    result: [f.result?.type ?? 'any', f.result?.dimensionality ?? 'scalar'].join(' '),
  };
}

describe('custom function metadata', () => {
  it('matches the golden file', () => {
    const actual = functions.map(shape);
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
    expect(existsSync(GOLDEN)).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('declares every registered implementation and nothing else', () => {
    expect(functions.map((f) => f.id).sort()).toEqual([...FUNCTION_IDS].sort());
    expect(functions.length).toBeGreaterThanOrEqual(25);
  });

  it('associates each id with an exported function of functions.ts', () => {
    for (const { functionName, id } of associate) {
      expect(typeof (declared as Record<string, unknown>)[functionName]).toBe('function');
      expect(FUNCTION_IDS).toContain(id);
    }
    expect(associate).toHaveLength(functions.length);
  });

  it('describes every function and parameter for formula autocomplete', () => {
    for (const f of functions) {
      expect(f.description?.length ?? 0).toBeGreaterThan(10);
      expect(f.name).toBe(f.id);
      expect(f.name).toMatch(/^[A-Z][A-Z0-9.]*$/);
      for (const p of f.parameters) expect(p.description?.length ?? 0).toBeGreaterThan(5);
      // Optional parameters come last, as Excel requires.
      const firstOptional = f.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
  });
});
