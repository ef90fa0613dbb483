import { runCli, runJson } from './run';

describe('sales-metrics benchmarks', () => {
  it('lists the library in the contract shape, every figure with a source and a year', async () => {
    const doc = await runJson(['benchmarks']);
    expect(Object.keys(doc)).toEqual(['industries', 'version', 'updated']);
    const ids = doc.industries.map((i: any) => i.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    for (const industry of doc.industries) {
      expect(Object.keys(industry)).toEqual(['id', 'name', 'metrics']);
      expect(typeof industry.name).toBe('string');
      for (const entry of industry.metrics) {
        expect(typeof entry.metric).toBe('string');
        expect(entry.value !== undefined || entry.min !== undefined || entry.max !== undefined).toBe(true);
        expect(typeof entry.unit).toBe('string');
        expect(entry.source).toEqual(expect.any(String));
        expect(entry.year).toEqual(expect.any(Number));
      }
    }
  });

  it('filters one industry and names it in Indonesian on request', async () => {
    const all = await runJson(['benchmarks']);
    const first = all.industries[0];
    const one = await runJson(['benchmarks', '--industry', first.id, '--lang', 'id']);
    expect(one.industries).toHaveLength(1);
    expect(one.industries[0].metrics).toEqual(first.metrics);
    expect(one.industries[0].name).not.toBe('');
  });

  it('prints each figure with its source as text', async () => {
    const run = await runCli(['benchmarks', '--industry', 'b2b-saas']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Benchmark library v\d+/);
    expect(run.out).toMatch(/^ {2}ltv_cac\s+≥ 3×\s+David Skok/m);
  });

  it('rejects an unknown industry, naming the known ones', async () => {
    const run = await runCli(['benchmarks', '--industry', 'space-mining']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(
      /^sales-metrics: --industry: unknown industry "space-mining" \(ids: .*b2b-saas.*\)\n$/,
    );
  });
});
