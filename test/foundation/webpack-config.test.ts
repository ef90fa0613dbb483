/* eslint-disable @typescript-eslint/no-explicit-any */
import fs from 'fs';
import path from 'path';
import { checkManifest } from '../../scripts/manifest-checks';

const ROOT = path.resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../../webpack.config.js') as (env: any, options: any) => Promise<any>;

async function config(mode: 'production' | 'development', env: Record<string, unknown> = {}) {
  return makeConfig(env, { mode });
}

const byName = (cfg: any, name: string) => cfg.plugins.filter((p: any) => p.constructor.name === name);
const manifestPattern = (cfg: any) =>
  byName(cfg, 'CopyPlugin')[0].patterns.find((p: any) => p.from === 'manifest.xml');
const htmlFiles = (cfg: any) =>
  Object.fromEntries(byName(cfg, 'HtmlWebpackPlugin').map((p: any) => [p.userOptions.filename, p.userOptions]));

describe('webpack.config.js', () => {
  const saved = process.env.ADDIN_PRODUCTION_URL;
  // The config notes on the console when the production URL is unset.
  beforeEach(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
  afterEach(() => {
    jest.restoreAllMocks();
    if (saved === undefined) delete process.env.ADDIN_PRODUCTION_URL;
    else process.env.ADDIN_PRODUCTION_URL = saved;
  });

  it('builds the three entries and the pages of a shared runtime', async () => {
    const cfg = await config('production');
    expect(cfg.entry).toEqual({
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      functions: './src/functions/functions.ts',
    });
    const pages = htmlFiles(cfg);
    expect(Object.keys(pages).sort()).toEqual(['commands.html', 'functions.html', 'taskpane.html']);
    // The task pane page hosts the functions and the commands too.
    expect(pages['taskpane.html'].chunks).toEqual(['functions', 'commands', 'taskpane']);
    expect(byName(cfg, 'CustomFunctionsMetadataPlugin')[0].options).toEqual({
      output: 'functions.json',
      input: './src/functions/functions.ts',
    });
  });

  it('loads office.js from the CDN by default and from dist/office-js with officeJs=local', async () => {
    const cdn = htmlFiles(await config('production'))['taskpane.html'].templateParameters.officeJsUrl;
    expect(cdn).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    const local = await config('development', { officeJs: 'local' });
    expect(htmlFiles(local)['taskpane.html'].templateParameters.officeJsUrl).toBe('office-js/office.js');
    const copies = byName(local, 'CopyPlugin')[0].patterns.map((p: any) => p.to);
    expect(copies).toContain('office-js/[name][ext]');
  });

  it('rewrites the manifest to ADDIN_PRODUCTION_URL in production only', async () => {
    const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    process.env.ADDIN_PRODUCTION_URL = 'https://sales.example.org/addin';
    const prod = manifestPattern(await config('production')).transform(Buffer.from(xml)).toString();
    expect(prod).not.toContain('localhost');
    expect(prod).toContain('https://sales.example.org/addin/functions.json');
    expect(checkManifest(prod, { assetsDir: path.join(ROOT, 'assets'), baseUrl: 'https://sales.example.org/addin/' })).toEqual([]);

    const dev = manifestPattern(await config('development')).transform(Buffer.from(xml)).toString();
    expect(dev).toBe(xml);
  });

  it('refuses a production URL that is not https', async () => {
    process.env.ADDIN_PRODUCTION_URL = 'http://sales.example.org/';
    await expect(config('production')).rejects.toThrow(/https/);
  });

  it('needs no developer certificates to build', async () => {
    const cfg = await config('production');
    expect(cfg.devServer.server).toBe('http');
    expect(cfg.devServer.port).toBe(3000);
  });
});
