/**
 * One run at a time per workbook: `review` (and `build` over an existing file) holds a lock file
 * beside the workbook, created exclusively (`O_EXCL`) and holding the process id, host and start
 * time. A second run waits for it, then reads the workbook afresh; past the wait it stops with
 * who holds the lock. A lock whose process is gone (a killed run) is taken over with a note.
 */
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { open, readFile, rename, stat, unlink, link } from 'node:fs/promises';
import { CliError } from './errors';
import { fsReason } from './safe-write';
import { removeOnSignal } from './signals';

/** Who holds a lock, as its file says. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
  readonly command: string;
  readonly token: string;
}

export interface LockOptions {
  /** The command taking the lock (`review`, `build`), named to the run that finds it held. */
  readonly command: string;
  /** How long to wait for another run to finish, in milliseconds (0: do not wait). */
  readonly waitMs: number;
  /** The start time written into the lock. */
  readonly now: () => Date;
  /** Told once when the lock is held and this run waits. */
  readonly onWait?: (holder: LockHolder | undefined, lockPath: string) => void;
  /** Told when a lock left by a run that is gone is taken over. */
  readonly onNote?: (message: string) => void;
}

export interface WorkbookLock {
  readonly path: string;
  release(): Promise<void>;
}

/** A lock file whose content cannot be read is judged by its age: a writer fills it at once. */
const UNREADABLE_STALE_MS = 10_000;
const POLL_MS = 200;

/** The lock file of a workbook: `dashboard.xlsx.lock` beside it. */
export function lockPathOf(real: string): string {
  return `${real}.lock`;
}

function codeOf(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.token !== 'string') return undefined;
    return {
      pid: value.pid,
      host: String(value.host ?? ''),
      since: String(value.since ?? ''),
      command: String(value.command ?? 'run'),
      token: value.token,
    };
  } catch {
    return undefined;
  }
}

type Found =
  | { readonly state: 'gone' }
  | { readonly state: 'held'; readonly holder?: LockHolder; readonly ageMs: number };

async function readLock(path: string): Promise<Found> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { state: 'held', holder: parseHolder(text), ageMs: Date.now() - info.mtimeMs };
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return { state: 'gone' };
    throw error;
  }
}

async function createExclusive(path: string, holder: LockHolder): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o644);
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(`${JSON.stringify(holder)}\n`);
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Moves a dead run's lock aside and removes it. Two runs may judge the same lock stale: the one
 * whose rename finds a lock other than the one it judged (a fresh one) puts it back.
 */
async function takeOver(path: string, judged: LockHolder | undefined): Promise<boolean> {
  const aside = `${path}.${process.pid}.stale`;
  try {
    await rename(path, aside);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return false;
    throw error;
  }
  const moved = parseHolder(await readFile(aside, 'utf8').catch(() => ''));
  if (judged !== undefined && moved?.token !== judged.token) {
    await link(aside, path).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
    return false;
  }
  await unlink(aside).catch(() => undefined);
  return true;
}

function describe(holder: LockHolder | undefined): string {
  if (!holder) return 'another run';
  const host = holder.host && holder.host !== hostname() ? ` on ${holder.host}` : '';
  return `another ${holder.command} (process ${holder.pid}${host}, started ${holder.since})`;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Takes the lock of the workbook at `real` (its resolved path), waiting up to `waitMs` for
 * another run; throws a one-line `CliError` when it stays held.
 * @example const lock = await lockWorkbook('/reports/dashboard.xlsx', { command: 'review', waitMs: 30_000, now: () => new Date() });
 */
export async function lockWorkbook(real: string, options: LockOptions): Promise<WorkbookLock> {
  const path = lockPathOf(real);
  const mine: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: options
      .now()
      .toISOString()
      .replace(/\.\d+Z$/, 'Z'),
    command: options.command,
    token: `${process.pid}-${Math.random().toString(36).slice(2)}`,
  };
  const deadline = Date.now() + Math.max(0, options.waitMs);
  let told = false;
  for (;;) {
    let created: boolean;
    try {
      created = await createExclusive(path, mine);
    } catch (error) {
      throw new CliError(`cannot lock ${real} for this ${options.command} (${path}: ${fsReason(error)})`);
    }
    if (created) break;
    const found = await readLock(path).catch(() => ({ state: 'gone' }) as Found);
    if (found.state === 'gone') continue;
    const { holder, ageMs } = found;
    const dead = holder
      ? holder.host === mine.host && holder.pid !== process.pid && !isAlive(holder.pid)
      : ageMs > UNREADABLE_STALE_MS;
    if (dead) {
      if (await takeOver(path, holder))
        options.onNote?.(
          `took over the lock ${path}: ${holder ? `process ${holder.pid} (${holder.command}, started ${holder.since})` : 'the run that left it'} is gone`,
        );
      continue;
    }
    if (Date.now() >= deadline) {
      const waited = options.waitMs > 0 ? ` (waited ${Math.round(options.waitMs / 1000)} s)` : '';
      throw new CliError(
        `${describe(holder)} is writing ${real}${waited}: run again when it has finished, or delete ${path} if no such run exists`,
      );
    }
    if (!told) {
      told = true;
      options.onWait?.(holder, path);
    }
    await sleep(Math.min(POLL_MS, Math.max(1, deadline - Date.now())));
  }
  const releaseOnSignal = removeOnSignal(path);
  return {
    path,
    async release() {
      releaseOnSignal();
      const found = await readLock(path).catch(() => ({ state: 'gone' }) as Found);
      if (found.state === 'held' && found.holder?.token === mine.token)
        await unlink(path).catch(() => undefined);
    },
  };
}

/**
 * Lock files that say the workbook is open in a spreadsheet program: Excel's owner file
 * (`~$dashboard.xlsx`; Office shortens long names by their first characters) and LibreOffice's
 * (`.~lock.dashboard.xlsx#`). Looked for beside the path given and beside its target.
 * @example await officeLocks('/reports/dashboard.xlsx', '/reports/dashboard.xlsx') // ['/reports/~$dashboard.xlsx']
 */
export async function officeLocks(path: string, real: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of new Set([path, real])) {
    const folder = dirname(file);
    const name = basename(file);
    const candidates = [`~$${name}`, `~$${name.slice(1)}`, `~$${name.slice(2)}`, `.~lock.${name}#`];
    for (const candidate of new Set(candidates)) {
      const at = join(folder, candidate);
      if (found.includes(at)) continue;
      if (
        await stat(at).then(
          (s) => s.isFile(),
          () => false,
        )
      )
        found.push(at);
    }
  }
  return found;
}
