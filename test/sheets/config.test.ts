import fc from 'fast-check';
import {
  parseConfig, defaultConfig, serializeConfig, chunkText, configSheetPlan, parseConfigCells, CONFIG_CHUNK_SIZE, CONFIG_SHEET_NAME,
} from '../../src/sheets/config';

describe('parseConfig', () => {
  it('reads a valid config and keeps keys it does not know', () => {
    const stored = { ...defaultConfig(), goals: { revenue: { year: 2026, target: 1e6 } }, future: { x: 1 } };
    const { config, warning } = parseConfig(JSON.stringify(stored));
    expect(warning).toBeUndefined();
    expect(config).toEqual(stored);
  });

  it.each([
    ['missing', undefined, /No saved configuration/],
    ['empty', '   ', /No saved configuration/],
    ['garbage JSON', '{"version":1,"mappings":', /damaged/],
    ['not an object', '[1,2,3]', /not a JSON object/],
    ['wrong version', '{"version":0}', /unknown version/],
    ['newer version', '{"version":7,"mappings":{}}', /newer version \(v7\)/],
  ])('%s → defaults and a clear warning', (_, text, message) => {
    const { config, warning } = parseConfig(text as string | undefined);
    expect(config).toEqual(defaultConfig());
    expect(warning).toMatch(message);
  });

  it('resets a malformed section alone', () => {
    const { config, warning } = parseConfig('{"version":1,"mappings":{"orders":{"date":"Tanggal"}},"goals":[1],"benchmarks":"x"}');
    expect(config.mappings).toEqual({ orders: { date: 'Tanggal' } });
    expect(config.goals).toEqual({});
    expect(config.benchmarks).toEqual({});
    expect(config.cadences).toEqual({});
    expect(warning).toMatch(/goals, benchmarks/);
  });

  it('never throws on any text (property)', () => {
    fc.assert(fc.property(fc.string(), (text) => parseConfig(text).config.version === 1));
  });
});

describe('chunking', () => {
  it('splits at the size and rejoins exactly (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 2, max: 40 }), (text, size) => {
      const chunks = chunkText(text, size);
      return chunks.join('') === text && chunks.every((c) => c.length <= size && c.length > 0);
    }));
  });

  it('never cuts a surrogate pair', () => {
    const chunks = chunkText('ab😀cd', 3);
    expect(chunks).toEqual(['ab', '😀c', 'd']);
  });
});

describe('config sheet plan', () => {
  const big = { ...defaultConfig(), benchmarks: { notes: 'x'.repeat(CONFIG_CHUNK_SIZE * 2 + 5) } };

  it('is very hidden and splits long JSON over column A below the 32,767-character cell limit', () => {
    const plan = configSheetPlan(big);
    expect(plan.name).toBe(CONFIG_SHEET_NAME);
    expect(plan.hidden).toBe('veryHidden');
    const chunks = plan.cells.filter((c) => /^A\d+$/.test(c.ref) && c.ref !== 'A1');
    expect(chunks).toHaveLength(3);
    expect(chunks.every((c) => typeof c.value === 'string' && c.value.length <= 32767)).toBe(true);
    expect(plan.cells.find((c) => c.ref === 'B1')?.value).toBe(3);
  });

  it('reads back what it wrote', () => {
    const plan = configSheetPlan(big);
    const columnA = plan.cells.filter((c) => c.ref.startsWith('A')).map((c) => c.value);
    expect(parseConfigCells(columnA, 3)).toEqual({ config: big });
    expect(serializeConfig(big)).toBe(columnA.slice(1).join(''));
  });

  it('reports truncated chunks instead of parsing half a config', () => {
    const plan = configSheetPlan(big);
    const columnA = plan.cells.filter((c) => c.ref.startsWith('A')).map((c) => c.value).slice(0, 3);
    const { config, warning } = parseConfigCells(columnA, 3);
    expect(config).toEqual(defaultConfig());
    expect(warning).toMatch(/truncated \(2 of 3 parts/);
  });

  it('reports a missing chunk count by the JSON it leaves broken', () => {
    const plan = configSheetPlan(big);
    const columnA = plan.cells.filter((c) => c.ref.startsWith('A')).map((c) => c.value).slice(0, 2);
    expect(parseConfigCells(columnA, undefined).warning).toMatch(/damaged/);
  });
});
