/**
 * The README's first command, run as a new user runs it: in a copy of the repository's files
 * (what `git clone` gives, without `out/` or any other ignored folder), with nothing prepared
 * beforehand. `npm ci` is the one part not repeated here: the copy links the installed packages.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..', '..');

/** The shell commands of the README's fenced `sh` blocks, in order. */
function readmeCommands(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1].trim());
}

/** The repository's files as a clone has them: tracked and new files, ignored ones left out. */
function cloneLikeCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fresh-clone-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(root, file)));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(root, file), join(dir, file));
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

describe("the README's first command on a fresh clone", () => {
  it('opens with the demo and the test commands', () => {
    const [first, second] = readmeCommands();
    expect(first).toBe('npm ci && npm run demo');
    expect(second).toBe('npm test');
  });

  it('builds the demo workbook where no out/ folder exists yet', async () => {
    const clone = cloneLikeCopy();
    expect(existsSync(join(clone, 'out'))).toBe(false);
    const command = readmeCommands()[0].replace(/^npm ci && /, '');
    const stdout = execFileSync('/bin/sh', ['-c', command], {
      cwd: clone,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_config_loglevel: 'error' },
    });
    const out = join(clone, 'out', 'sales-dashboard.xlsx');
    expect(stdout).toContain(`Demo workbook`);
    expect(stdout).toContain(out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual(expect.arrayContaining(['Orders', 'Dashboard']));
    expect(names.some((name) => /^Review \d{4}-W\d{2}$/.test(name))).toBe(true);
  });
});
