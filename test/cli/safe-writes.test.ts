/**
 * `build` and `review` never leave half a workbook: the new file is written beside the old one
 * and renamed into place, a failed or killed write leaves the old file as it was (and no
 * temporary file after a run that could clean up), outputs that are inputs under another name or
 * that hold typed actions are refused, and a sheet named like ours that we did not write stops
 * the run.
 */
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureIO, main } from '../../src/cli/main';
import type { FileWriter } from '../../src/cli/safe-write';
import { parseSheetRef } from '../../src/sheets/a1';
import { areaRangeName } from '../../src/xlsx/render';
import { openWorkbook } from '../../src/xlsx/read-workbook';
import { runCli } from './run';
import { leftovers, spawnCli, waitForFile } from './spawn';

const root = mkdtempSync(join(tmpdir(), 'safe-writes-'));
const SHEET = 'Review 2025-W47';
let sample: string;

/** A fresh folder holding a copy of the sample workbook and, when asked, its built dashboard. */
async function folder(name: string, built = true): Promise<{ dir: string; input: string; book: string }> {
  const dir = join(root, name);
  mkdirSync(dir);
  const input = join(dir, 'sales.xlsx');
  copyFileSync(sample, input);
  const book = join(dir, 'sales-dashboard.xlsx');
  if (built) {
    const run = await runCli(['build', input, '--as-of', '2025-11-19', '-q']);
    expect(run.err).toBe('');
  }
  return { dir, input, book };
}

/** Types an action into the week's Actions table, as a person would in Excel. */
async function typeAction(book: string, text: string, sheet = SHEET): Promise<void> {
  const workbook = await openWorkbook(book);
  const ref = workbook.definedNames.getRanges(areaRangeName(sheet, 'actions')).ranges[0];
  const { range } = parseSheetRef(ref)!;
  workbook.getWorksheet(sheet)!.getCell(range.top, range.left + 2).value = text;
  await workbook.xlsx.writeFile(book);
}

async function actionsOf(book: string, sheet = SHEET): Promise<unknown[]> {
  const workbook = await openWorkbook(book);
  const ref = workbook.definedNames.getRanges(areaRangeName(sheet, 'actions')).ranges[0];
  const { range } = parseSheetRef(ref)!;
  const ws = workbook.getWorksheet(sheet)!;
  const out: unknown[] = [];
  for (let r = range.top; r <= range.bottom; r++)
    for (let c = range.left; c <= range.right; c++) {
      const value = ws.getCell(r, c).value;
      if (value !== null && value !== '') out.push(value);
    }
  return out;
}

/** Runs in-process with a writer that fails the way a full disk does, after writing a little. */
async function runWithFullDisk(argv: readonly string[]): Promise<{ code: number; err: string }> {
  const fullDisk: FileWriter = {
    async write(handle: FileHandle, data: Buffer) {
      await handle.write(data, 0, Math.min(4096, data.length), 0);
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
  };
  const io = captureIO(new Date(Date.UTC(2026, 10, 28, 12)), root, fullDisk);
  const code = await main(argv, io);
  return { code, err: io.err() };
}

const oneLine = (text: string) => text.trim().split('\n').length === 1;

beforeAll(async () => {
  sample = join(root, 'sample.xlsx');
  expect((await runCli(['sample', '--rows', '300', '--seed', '21', '--out', sample, '-q'])).code).toBe(0);
});

describe('build --out over an existing file', () => {
  it('refuses a workbook holding typed actions, and replaces it with --force keeping a .bak', async () => {
    const { dir, input, book } = await folder('typed');
    await typeAction(book, 'Call the top 10 accounts');
    const before = readFileSync(book);
    const refused = await runCli(['build', input, '--as-of', '2025-11-20', '-q']);
    expect(refused.code).toBe(1);
    expect(oneLine(refused.err)).toBe(true);
    expect(refused.err).toContain(`${book} holds actions people typed (1 cell in "${SHEET}")`);
    expect(refused.err).toContain('--force');
    expect(readFileSync(book).equals(before)).toBe(true);

    const forced = await runCli(['build', input, '--as-of', '2025-11-20', '-q', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(`${book}.bak`).equals(before)).toBe(true);
    expect(await actionsOf(book)).toEqual([]);
    expect(await actionsOf(`${book}.bak`)).toEqual(['Call the top 10 accounts']);
    expect(leftovers(dir)).toEqual([]);
  });

  it('replaces a built workbook without typed actions, leaving no temporary file', async () => {
    const { dir, input, book } = await folder('untyped');
    const run = await runCli(['build', input, '--as-of', '2025-11-21', '-q']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^wrote /);
    expect(existsSync(`${book}.bak`)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses a file it cannot read unless --force, and replaces an empty one', async () => {
    const { input, book } = await folder('unreadable', false);
    writeFileSync(book, 'not a workbook');
    const refused = await runCli(['build', input, '-q']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`${book} exists and is not a workbook this can read`);
    expect(readFileSync(book, 'utf8')).toBe('not a workbook');
    writeFileSync(book, '');
    expect((await runCli(['build', input, '-q'])).code).toBe(0);
    expect(statSync(book).size).toBeGreaterThan(1000);
  });

  it('refuses an --out that is the input through a symbolic or a hard link', async () => {
    const { dir, input } = await folder('links', false);
    const symlink = join(dir, 'via-symlink.xlsx');
    const hardlink = join(dir, 'via-hardlink.xlsx');
    symlinkSync(input, symlink);
    linkSync(input, hardlink);
    const before = readFileSync(input);
    for (const [out, how] of [
      [symlink, 'through a symbolic link'],
      [hardlink, 'a hard link to it'],
    ]) {
      const run = await runCli(['build', input, '--out', out, '-q']);
      expect(run.code).toBe(2);
      expect(oneLine(run.err)).toBe(true);
      expect(run.err).toContain(`is the input ${input} (${how})`);
    }
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(lstatSync(symlink).isSymbolicLink()).toBe(true);
  });

  it('says the disk is full in one line and leaves the old file and no temporary file', async () => {
    const { dir, input, book } = await folder('full-disk');
    const before = readFileSync(book);
    const run = await runWithFullDisk(['build', input, '--as-of', '2025-11-20', '-q']);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      `sales-metrics: cannot write ${book}: the disk is full; the file was left as it was\n`,
    );
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('writes nothing at all when a new file cannot be completed', async () => {
    const { dir, input, book } = await folder('full-disk-new', false);
    const run = await runWithFullDisk(['build', input, '-q']);
    expect(run.err).toBe(`sales-metrics: cannot write ${book}: the disk is full; nothing was written\n`);
    expect(existsSync(book)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('review writes in place without losing the file', () => {
  it('keeps the file mode and updates a symlinked workbook at its target', async () => {
    const { dir, book } = await folder('mode-symlink');
    chmodSync(book, 0o640);
    const link = join(dir, 'latest.xlsx');
    symlinkSync('sales-dashboard.xlsx', link);
    await typeAction(book, 'Ask Budi about Bali');
    chmodSync(book, 0o640);
    const run = await runCli(['review', link, '--as-of', '2025-11-20', '-q']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('sales-dashboard.xlsx');
    expect(statSync(book).mode & 0o777).toBe(0o640);
    expect(statSync(`${book}.bak`).mode & 0o777).toBe(0o640);
    expect(await actionsOf(book)).toEqual(['Ask Budi about Bali']);
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses a read-only workbook and leaves it as it is', async () => {
    const { dir, book } = await folder('read-only');
    chmodSync(book, 0o444);
    const before = readFileSync(book);
    const run = await runCli(['review', book, '--as-of', '2025-11-20', '-q']);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      `sales-metrics: ${book} is read-only, so it is left as it is: make it writable (chmod u+w) to refresh it\n`,
    );
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(statSync(book).mode & 0o777).toBe(0o444);
    expect(existsSync(`${book}.bak`)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('gives one line when the .bak cannot be written, and changes nothing', async () => {
    const { dir, book } = await folder('bak-problem');
    mkdirSync(`${book}.bak`);
    const before = readFileSync(book);
    const run = await runCli(['review', book, '--as-of', '2025-11-20', '-q']);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      `sales-metrics: cannot back up ${book} to ${book}.bak: a folder of that name is in the way; nothing was changed\n`,
    );
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('says the disk is full in one line and leaves the workbook and no temporary file', async () => {
    const { dir, book } = await folder('review-full-disk');
    await typeAction(book, 'Keep me');
    const before = readFileSync(book);
    const run = await runWithFullDisk(['review', book, '--as-of', '2025-11-20', '-q', '--no-backup']);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      `sales-metrics: cannot write ${book}: the disk is full; the file was left as it was\n`,
    );
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('a run killed while writing', () => {
  it('leaves the old workbook whole; the temporary file of a SIGKILL goes with the next run', async () => {
    const { dir, book } = await folder('sigkill');
    await typeAction(book, 'Survives a kill');
    const before = readFileSync(book);
    const marker = join(root, 'sigkill.paused');
    const run = spawnCli(['review', book, '--as-of', '2025-11-20', '-q', '--no-backup'], marker);
    const temporary = await waitForFile(marker, run);
    // Half of the new workbook is on disk beside the old one when the kill comes.
    expect(statSync(temporary).size).toBeGreaterThan(0);
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(existsSync(temporary)).toBe(true);

    const next = await runCli(['review', book, '--as-of', '2025-11-20', '-q', '--no-backup']);
    expect(next.code).toBe(0);
    expect(next.err).toMatch(
      /^warning: took over the lock .*sales-dashboard\.xlsx\.lock: process \d+ \(review, started [^)]*\) is gone\n$/,
    );
    expect(await actionsOf(book)).toEqual(['Survives a kill']);
    expect(leftovers(dir)).toEqual([]);
  });

  it('removes its temporary file and lock on SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const { dir, book } = await folder(`signal-${signal}`);
      const before = readFileSync(book);
      const marker = join(root, `${signal}.paused`);
      const run = spawnCli(['review', book, '--as-of', '2025-11-20', '-q'], marker);
      const temporary = await waitForFile(marker, run);
      run.child.kill(signal);
      const ended = await run.done;
      expect(ended.signal).toBe(signal);
      expect(readFileSync(book).equals(before)).toBe(true);
      expect(existsSync(temporary)).toBe(false);
      expect(leftovers(dir)).toEqual([]);
    }
  });

  it('never leaves part of a new build at the destination', async () => {
    const { dir, input, book } = await folder('build-kill', false);
    const marker = join(root, 'build.paused');
    const run = spawnCli(['build', input, '-q'], marker);
    await waitForFile(marker, run);
    run.child.kill('SIGKILL');
    await run.done;
    expect(existsSync(book)).toBe(false);
    // The next build completes and cleans up what the killed one left.
    expect((await runCli(['build', input, '-q'])).code).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('sheets named like ours', () => {
  it('stops before replacing a Dashboard sheet the user made, and replaces it with --force', async () => {
    const { dir, input, book } = await folder('own-dashboard', false);
    const workbook = await openWorkbook(input);
    workbook.addWorksheet('Dashboard').getCell('A1').value = 'my own dashboard';
    await workbook.xlsx.writeFile(input);
    const run = await runCli(['build', input, '-q']);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      'sales-metrics: sales.xlsx has a sheet "Dashboard" that Sales Metrics did not write; rename it and run again, or pass --force to replace it\n',
    );
    expect(existsSync(book)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
    expect((await runCli(['build', input, '-q', '--force'])).code).toBe(0);
  });

  it('stops before replacing a review sheet the user made in a built workbook', async () => {
    const { book } = await folder('own-review');
    const workbook = await openWorkbook(book);
    workbook.addWorksheet('review 2025-W48').getCell('A1').value = 'notes for next week';
    await workbook.xlsx.writeFile(book);
    const before = readFileSync(book);
    const run = await runCli(['review', book, '--week', '2025-W48', '-q']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('has a sheet "review 2025-W48" that Sales Metrics did not write');
    expect(readFileSync(book).equals(before)).toBe(true);
    // Its own sheets it refreshes as ever.
    expect((await runCli(['review', book, '--as-of', '2025-11-20', '-q'])).code).toBe(0);
  });

  it('finds its own sheets through the names it records', async () => {
    const { book } = await folder('own-sheets');
    const workbook = await openWorkbook(book);
    const recorded = (workbook.definedNames.model as { name: string }[]).map((n) => n.name);
    expect(recorded).toEqual(
      expect.arrayContaining(['SM_Dashboard_dashboard', 'SM_Review_2025_W47_actions']),
    );
  });
});

describe('dates a workbook cannot hold', () => {
  it('refuses --week and --as-of outside 1900-9999 in one line', async () => {
    const { book } = await folder('years');
    for (const [flag, value] of [
      ['--week', '1899-W52'],
      ['--week', '0001-W01'],
      ['--as-of', '1850-01-01'],
    ]) {
      const run = await runCli(['review', book, flag, value, '-q']);
      expect(run.code).toBe(2);
      expect(run.err).toBe(
        `sales-metrics: ${flag} must be a ${flag === '--week' ? 'week' : 'date'} of the years 1900–9999 (the dates a workbook holds), got "${value}"\n`,
      );
    }
    expect((await runCli(['review', book, '--week', '1900-W01', '-q'])).code).toBe(0);
  });
});
