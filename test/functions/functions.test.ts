/**
 * The entry file as Excel loads it: one wrapper per function. It must load and work in Node,
 * where the `CustomFunctions` global does not exist (errors are then a stand-in of the same shape).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { StandInFunctionError } from '../../src/functions/errors';

delete (globalThis as Record<string, unknown>).CustomFunctions;

// Loaded after the global is gone, as in Node.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const declared = require('../../src/functions/functions') as Record<string, (...args: unknown[]) => unknown>;

const GOLDEN: { name: string; parameters: string[]; options?: string[] }[] = JSON.parse(
  readFileSync(join(__dirname, 'functions-metadata.golden.json'), 'utf8'),
);

describe('functions.ts without the Office runtime', () => {
  it('loads and computes', () => {
    expect(declared.growth(125, 100)).toBeCloseTo(0.25, 12);
    expect(declared.aov([[100], [50]])).toBe(75);
    expect(declared.revenue([[45292], [45293]], [[10], [20]])).toBe(30);
  });

  it('throws the stand-in error with the Excel code and message', () => {
    try {
      declared.byPeriod([[45292]], [[1]], 'fortnight');
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(StandInFunctionError);
      expect((error as StandInFunctionError).code).toBe('#VALUE!');
      expect((error as StandInFunctionError).message).toContain('period');
    }
  });

  it('every wrapper takes exactly the parameters its metadata declares', () => {
    const wrappers = Object.values(declared).filter((f) => typeof f === 'function');
    expect(wrappers).toHaveLength(GOLDEN.length);
    const source = readFileSync(join(__dirname, '../../src/functions/functions.ts'), 'utf8');
    for (const f of GOLDEN) {
      const match = new RegExp(`@customfunction ${f.name}\\n[\\s\\S]*?export function (\\w+)\\(`).exec(source);
      expect(match).not.toBeNull();
      // A streaming function also takes the invocation it pushes its values through.
      const invocation = f.options?.includes('stream') ? 1 : 0;
      expect(declared[match![1]].length).toBe(f.parameters.length + invocation);
    }
  });
});
