/**
 * functions.json is generated from the JSDoc in src/functions/functions.ts at build time and
 * finished by scripts/functions-metadata.js (what the generator cannot write). This test does the
 * same, fails on any error the generator reports, pins the shape of every function in a golden
 * file (name, parameters, result, options), checks that declared functions and registered
 * implementations are the same set, and checks the metadata against how Excel passes arguments:
 * a parameter documented as a range is a matrix (Excel passes a scalar parameter one cell at a
 * time), and error cells reach range parameters.
 *
 * After an intended change: UPDATE_GOLDEN=1 npx jest test/functions/metadata, review the diff, and
 * bump the manifest version (Excel caches functions.json).
 */
import './setup';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
const { finishFunctionsMetadata } = require('../../scripts/functions-metadata.js') as {
  finishFunctionsMetadata: (json: string) => string;
};
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
  options?: Record<string, boolean>;
}

let metadata: { allowErrorForDataTypeAny?: boolean; allowCustomDataForDataTypeAny?: boolean };
let functions: FunctionMetadata[];
let associate: { functionName: string; id: string }[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(SOURCE);
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(finishFunctionsMetadata(result.metadataJson));
  functions = JSON.parse(result.metadataJson).functions;
  expect((metadata as { functions: unknown }).functions).toEqual(functions);
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
    ...(f.options ? { options: Object.keys(f.options).sort() } : {}),
  };
}

/** A parameter whose description says it takes a range or a column of cells. */
const documentsRange = (p: Parameter): boolean => /\b(range|column|same rows)\b/i.test(p.description ?? '');

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

  it('declares every parameter documented as a range as a matrix of any', () => {
    const ranges = functions.flatMap((f) =>
      f.parameters.filter(documentsRange).map((p) => ({ f: f.name, p })),
    );
    expect(ranges.length).toBeGreaterThan(60);
    for (const { f, p } of ranges) {
      expect(`${f}(${p.name}) ${p.dimensionality ?? 'scalar'} ${p.type}`).toBe(`${f}(${p.name}) matrix any`);
    }
    // SALES.AOV's order ids are one of them: a scalar parameter would get one id per call.
    const orders = functions.find((f) => f.name === 'AOV')!.parameters.find((p) => p.name === 'orders')!;
    expect(orders.dimensionality).toBe('matrix');
  });

  it('lets error cells and data types reach the range parameters', () => {
    // Top-level settings: they apply to every parameter of type any (scalar or matrix).
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
    for (const f of functions)
      for (const p of f.parameters.filter((q) => q.dimensionality === 'matrix')) expect(p.type).toBe('any');
  });

  it('declares date parameters as any, so date text reaches the parser', () => {
    const dates = functions.flatMap((f) =>
      f.parameters
        .filter((p) => /^(asOf|periodStart|periodEnd)$/.test(p.name))
        .map((p) => `${f.name}(${p.name}) ${p.type}`),
    );
    expect(dates.length).toBeGreaterThan(15);
    for (const d of dates) expect(d).toMatch(/ any$/);
  });

  it('makes the functions that depend on today volatile, and only those', () => {
    const volatile = functions.filter((f) => f.options?.volatile).map((f) => f.name);
    expect(volatile).toEqual(['PACE']);
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
