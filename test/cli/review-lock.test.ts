/**
 * One `review` at a time per workbook: a second run waits for the first and reads the workbook
 * it left (so no week and no typed action is lost), or, past its wait, says who holds the lock.
 * A workbook open in Excel or LibreOffice gets a warning.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockPathOf, lockWorkbook, officeLocks } from '../../src/cli/lock';
import { parseSheetRef } from '../../src/sheets/a1';
import { areaRangeName } from '../../src/xlsx/render';
import { openWorkbook } from '../../src/xlsx/read-workbook';
import { runCli } from './run';
import { leftovers, spawnCli, waitForFile, waitUntil } from './spawn';

const root = mkdtempSync(join(tmpdir(), 'review-lock-'));
let built: string;

async function folder(name: string): Promise<{ dir: string; book: string }> {
  const dir = join(root, name);
  mkdirSync(dir);
  const book = join(dir, 'book.xlsx');
  copyFileSync(built, book);
  return { dir, book };
}

async function typeAction(book: string, sheet: string, text: string): Promise<void> {
  const workbook = await openWorkbook(book);
  const { range } = parseSheetRef(
    workbook.definedNames.getRanges(areaRangeName(sheet, 'actions')).ranges[0],
  )!;
  workbook.getWorksheet(sheet)!.getCell(range.top, range.left + 2).value = text;
  await workbook.xlsx.writeFile(book);
}

async function typedIn(book: string, sheet: string): Promise<unknown[]> {
  const workbook = await openWorkbook(book);
  const { range } = parseSheetRef(
    workbook.definedNames.getRanges(areaRangeName(sheet, 'actions')).ranges[0],
  )!;
  const ws = workbook.getWorksheet(sheet)!;
  const out: unknown[] = [];
  for (let r = range.top; r <= range.bottom; r++)
    for (let c = range.left; c <= range.right; c++) {
      const value = ws.getCell(r, c).value;
      if (value !== null && value !== '') out.push(value);
    }
  return out;
}

async function sheetsOf(book: string): Promise<string[]> {
  return (await openWorkbook(book)).worksheets.map((ws) => ws.name);
}

/** The id of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('close', resolve));
  return child.pid!;
}

beforeAll(async () => {
  const sample = join(root, 'sample.xlsx');
  built = join(root, 'built.xlsx');
  expect((await runCli(['sample', '--rows', '300', '--seed', '8', '--out', sample, '-q'])).code).toBe(0);
  expect((await runCli(['build', sample, '--out', built, '--as-of', '2025-11-19', '-q'])).code).toBe(0);
});

describe('two reviews of one workbook', () => {
  it('run one after the other: both weeks and the typed action are in the workbook', async () => {
    const { dir, book } = await folder('concurrent');
    await typeAction(book, 'Review 2025-W47', 'Call Ani');
    // The first run holds the workbook half way through writing it while the second starts.
    const marker = join(root, 'concurrent.paused');
    const first = spawnCli(['review', book, '--week', '2025-W46', '--as-of', '2025-11-16'], marker);
    await waitForFile(marker, first);
    const second = spawnCli(['review', book, '--week', '2025-W48', '--as-of', '2025-11-26']);
    await waitUntil(() => second.err().includes('waiting for it to finish'));
    expect(second.err()).toContain('warning: another run is writing book.xlsx; waiting for it to finish\n');
    unlinkSync(marker);
    const [a, b] = await Promise.all([first.done, second.done]);
    expect({ code: a.code, out: a.out.split('\n')[0] }).toEqual({
      code: 0,
      out: `wrote "Review 2025-W46" in ${book} (as of 2025-11-16)`,
    });
    // The second read the workbook the first left: its review is still there.
    expect({ code: b.code, out: b.out.split('\n')[0] }).toEqual({
      code: 0,
      out: `wrote "Review 2025-W48" in ${book} (as of 2025-11-26, 1 open action carried over)`,
    });
    expect(await sheetsOf(book)).toEqual(
      expect.arrayContaining(['Review 2025-W46', 'Review 2025-W47', 'Review 2025-W48']),
    );
    expect(await typedIn(book, 'Review 2025-W47')).toEqual(['Call Ani']);
    expect(await typedIn(book, 'Review 2025-W48')).toContain('Call Ani');
    expect(leftovers(dir)).toEqual([]);
  });

  it('a run that will not wait says who holds the workbook, and changes nothing', async () => {
    const { dir, book } = await folder('held');
    const marker = join(root, 'held.paused');
    const holder = spawnCli(['review', book, '--as-of', '2025-11-20', '-q'], marker);
    await waitForFile(marker, holder);
    const before = readFileSync(book);
    const refused = await runCli(['review', book, '--as-of', '2025-11-21', '-q', '--wait', '0']);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(
      `sales-metrics: another review (process ${holder.child.pid}, started ${
        JSON.parse(readFileSync(lockPathOf(book), 'utf8')).since
      }) is writing ${book}: run again when it has finished, or delete ${book}.lock if no such run exists\n`,
    );
    expect(readFileSync(book).equals(before)).toBe(true);
    holder.child.kill('SIGTERM');
    await holder.done;
    expect(leftovers(dir)).toEqual([]);
    const after = await runCli(['review', book, '--as-of', '2025-11-21', '-q', '--wait', '0']);
    expect(after.code).toBe(0);
  });
});

describe('lockWorkbook', () => {
  const now = () => new Date(Date.UTC(2026, 10, 28, 12));

  it('lets a waiting run in once the first releases the lock', async () => {
    const dir = join(root, 'unit-wait');
    mkdirSync(dir);
    const book = join(dir, 'b.xlsx');
    const first = await lockWorkbook(book, { command: 'review', waitMs: 0, now });
    let told: (holder: string) => void = () => undefined;
    const waited = new Promise<string>((resolve) => (told = resolve));
    const second = lockWorkbook(book, {
      command: 'review',
      waitMs: 60_000,
      now,
      onWait: (holder) => told(`${holder?.command} ${holder?.pid}`),
    });
    expect(await waited).toBe(`review ${process.pid}`);
    await first.release();
    const lock = await second;
    expect(JSON.parse(readFileSync(lockPathOf(book), 'utf8'))).toMatchObject({
      pid: process.pid,
      command: 'review',
      since: '2026-11-28T12:00:00Z',
    });
    await lock.release();
    expect(existsSync(lockPathOf(book))).toBe(false);
  });

  it('takes over a lock whose process is gone, with a note', async () => {
    const dir = join(root, 'unit-stale');
    mkdirSync(dir);
    const book = join(dir, 'b.xlsx');
    const pid = await deadPid();
    writeFileSync(
      lockPathOf(book),
      JSON.stringify({ pid, host: hostname(), since: 'x', command: 'review', token: 't' }),
    );
    const notes: string[] = [];
    const lock = await lockWorkbook(book, {
      command: 'review',
      waitMs: 0,
      now,
      onNote: (n) => notes.push(n),
    });
    expect(notes).toEqual([`took over the lock ${book}.lock: process ${pid} (review, started x) is gone`]);
    await lock.release();
  });

  it('does not release a lock another run took over meanwhile', async () => {
    const dir = join(root, 'unit-not-mine');
    mkdirSync(dir);
    const book = join(dir, 'b.xlsx');
    const lock = await lockWorkbook(book, { command: 'review', waitMs: 0, now });
    const theirs = JSON.stringify({
      pid: 1,
      host: 'elsewhere',
      since: 'y',
      command: 'build',
      token: 'theirs',
    });
    writeFileSync(lockPathOf(book), theirs);
    await lock.release();
    expect(readFileSync(lockPathOf(book), 'utf8')).toBe(theirs);
  });
});

describe('a workbook open in another program', () => {
  it('is refreshed with a warning when Excel or LibreOffice has it open', async () => {
    const { dir, book } = await folder('open-elsewhere');
    for (const owner of ['~$book.xlsx', '.~lock.book.xlsx#']) {
      writeFileSync(join(dir, owner), 'someone');
      expect(await officeLocks(book, book)).toEqual([join(dir, owner)]);
      const run = await runCli(['review', book, '--as-of', '2025-11-20', '-q']);
      expect(run.code).toBe(0);
      expect(run.err).toBe(
        `warning: book.xlsx looks open in a spreadsheet program (${owner} is beside it): close it there without saving, or its next save will overwrite this refresh\n`,
      );
      unlinkSync(join(dir, owner));
    }
    expect(await officeLocks(book, book)).toEqual([]);
  });
});
