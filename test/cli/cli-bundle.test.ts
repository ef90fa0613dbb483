import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * scripts/cli-bundle.js on a project of its own (a copy of the script, a two-file `src/`, esbuild
 * linked in), so changing its sources never touches this checkout's built command line.
 */
function project(): {
  root: string;
  run: (...argv: string[]) => string;
  touch: (file: string, text: string) => void;
} {
  const root = mkdtempSync(join(tmpdir(), 'cli-bundle-'));
  mkdirSync(join(root, 'scripts'));
  mkdirSync(join(root, 'bin'));
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  mkdirSync(join(root, 'node_modules'));
  symlinkSync(join(__dirname, '../../node_modules/esbuild'), join(root, 'node_modules', 'esbuild'));
  copyFileSync(join(__dirname, '../../scripts/cli-bundle.js'), join(root, 'scripts', 'cli-bundle.js'));
  copyFileSync(join(__dirname, '../../bin/sales-metrics.js'), join(root, 'bin', 'sales-metrics.js'));
  writeFileSync(join(root, 'package.json'), '{"name":"probe","version":"1.0.0"}');
  writeFileSync(join(root, 'src', 'cli', 'word.ts'), "export const word = 'one';\n");
  writeFileSync(
    join(root, 'src', 'cli', 'main.ts'),
    `import { word } from './word';
export function fixedOutputs() { return { help: 'help ' + word + '\\n', version: 'v ' + word + '\\n', commands: { x: 'x ' + word + '\\n' } }; }
export async function main(argv: string[]) { process.stdout.write(argv[0] === '--help' ? fixedOutputs().help : 'ran ' + word + ' ' + argv.join(' ') + '\\n'); return 0; }
`,
  );
  return {
    root,
    run: (...argv) =>
      execFileSync(process.execPath, [join(root, 'bin', 'sales-metrics.js'), ...argv], { encoding: 'utf8' }),
    touch: (file, text) => writeFileSync(join(root, 'src', file), text),
  };
}

describe('scripts/cli-bundle.js', () => {
  it('builds on the first run, answers --help from the saved texts, and rebuilds after a source changes', () => {
    const { root, run, touch } = project();
    expect(run('go')).toBe('ran one go\n');
    const bundle = require(join(root, 'scripts', 'cli-bundle.js')) as {
      fixedOutput: (argv: string[]) => string | undefined;
    };
    expect(bundle.fixedOutput(['--help'])).toBe('help one\n');
    expect(run('--help')).toBe('help one\n');
    expect(run('x', '--help')).toBe('x one\n');
    expect(run('--version')).toBe('v one\n');
    // A changed file, in place.
    touch('cli/word.ts', "export const word = 'two';\n");
    expect(bundle.fixedOutput(['--help'])).toBeUndefined();
    expect(run('--help')).toBe('help two\n');
    expect(bundle.fixedOutput(['--help'])).toBe('help two\n');
    expect(run('go')).toBe('ran two go\n');
    // A new file in a new folder that a source then imports.
    mkdirSync(join(root, 'src', 'more'));
    touch('more/three.ts', "export const three = 'three';\n");
    touch('cli/word.ts', "export { three as word } from '../more/three';\n");
    expect(run('go')).toBe('ran three go\n');
    rmSync(join(root, 'src'), { recursive: true });
    rmSync(join(root, 'node_modules', 'esbuild'));
    // Without sources (an installed copy) the bundle runs as built.
    expect(run('go')).toBe('ran three go\n');
    expect(run('--help')).toBe('help three\n');
  });

  it('loads ExcelJS from one bundled file, and from node_modules when that file is missing', () => {
    const { root, run } = project();
    for (const name of ['exceljs', 'jszip'])
      symlinkSync(join(__dirname, '../../node_modules', name), join(root, 'node_modules', name));
    writeFileSync(
      join(root, 'src', 'cli', 'main.ts'),
      `import ExcelJS from 'exceljs';
export function fixedOutputs() { return { help: '', version: '', commands: {} }; }
export async function main() {
  const sheet = new ExcelJS.Workbook().addWorksheet('Orders');
  const separate = Object.keys(require.cache).some((k) => /node_modules[\\/]exceljs[\\/]/.test(k));
  process.stdout.write(sheet.name + (separate ? ' from node_modules' : ' from one file') + '\\n');
  return 0;
}
`,
    );
    expect(run('go')).toBe('Orders from one file\n');
    const bundle = require(join(root, 'scripts', 'cli-bundle.js')) as { VENDOR: string };
    // The first run that loaded it saved its compiled code; the next loads through that.
    expect(existsSync(`${bundle.VENDOR}.v8cache`)).toBe(true);
    expect(run('go')).toBe('Orders from one file\n');
    rmSync(bundle.VENDOR);
    expect(run('go')).toBe('Orders from node_modules\n');
  });

  it('sees a source removed, even when its folder keeps its time', () => {
    const { root, run } = project();
    writeFileSync(join(root, 'src', 'cli', 'spare.ts'), 'export {};\n');
    expect(run('go')).toBe('ran one go\n');
    const bundle = require(join(root, 'scripts', 'cli-bundle.js')) as { isFresh: () => boolean };
    expect(bundle.isFresh()).toBe(true);
    renameSync(join(root, 'src', 'cli', 'spare.ts'), join(root, 'spare.ts'));
    const past = Date.now() / 1000 - 3600;
    utimesSync(join(root, 'src', 'cli'), past, past);
    expect(bundle.isFresh()).toBe(false);
  });
});
