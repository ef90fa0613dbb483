/* eslint-disable @typescript-eslint/no-explicit-any */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

const ENTRY = path.resolve(__dirname, '../../src/functions/functions.ts');

/** The runtime's error type, enough to see which code a function throws. */
class FakeCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

describe('custom functions entry', () => {
  beforeAll(() => {
    (global as any).CustomFunctions = {
      Error: FakeCustomFunctionsError,
      ErrorCode: {
        divisionByZero: '#DIV/0!',
        notAvailable: '#N/A',
        invalidNumber: '#NUM!',
        invalidValue: '#VALUE!',
      },
    };
  });

  afterAll(() => {
    delete (global as any).CustomFunctions;
  });

  it('generates metadata for SALES.GROWTH from the JSDoc, without errors', async () => {
    const result = await generateCustomFunctionsMetadata(ENTRY);
    expect(result.errors).toEqual([]);
    const metadata = JSON.parse(result.metadataJson);
    const growth = metadata.functions.find((f: any) => f.id === 'GROWTH');
    expect(growth).toMatchObject({
      name: 'GROWTH',
      parameters: [
        { name: 'current', type: 'number' },
        { name: 'previous', type: 'number' },
      ],
      result: { type: 'number' },
    });
    expect(result.associate).toContainEqual(expect.objectContaining({ id: 'GROWTH', functionName: 'growth' }));
  });

  it('reports bad JSDoc as errors (which fail the build)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cf-'));
    const file = path.join(dir, 'bad.ts');
    fs.writeFileSync(
      file,
      '/**\n * @customfunction BAD\n * @param x a value\n * @returns nothing useful\n */\nexport function bad(x: Map<string, number>): number { return 0; }\n',
    );
    const result = await generateCustomFunctionsMetadata(file);
    expect(result.errors.length).toBeGreaterThan(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('GROWTH = current / previous − 1', async () => {
    const { growth } = await import('../../src/functions/functions');
    expect(growth(125, 100)).toBeCloseTo(0.25, 12);
    expect(growth(80, 100)).toBeCloseTo(-0.2, 12);
    expect(growth(0, 50)).toBe(-1);
    expect(growth(-50, -100)).toBeCloseTo(-0.5, 12);
  });

  it('GROWTH of a zero previous value is #DIV/0!', async () => {
    const { growth } = await import('../../src/functions/functions');
    expect(() => growth(10, 0)).toThrow(FakeCustomFunctionsError as any);
    try {
      growth(10, 0);
    } catch (error) {
      expect(error).toMatchObject({ code: '#DIV/0!' });
    }
  });
});
