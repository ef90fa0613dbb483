/**
 * Replacing a file without ever leaving half of one: the new bytes go into a temporary file in
 * the destination's folder, are flushed to disk, and are renamed over the destination, so a kill,
 * a full disk or a failed write leaves the old file as it was. The temporary file is removed on
 * failure and when the process is interrupted (SIGINT, SIGTERM); one left by a killed run is
 * removed by the next. A symlinked destination is replaced at its target; the old file's mode is
 * kept.
 */
import { constants, type Stats } from 'node:fs';
import {
  access,
  chmod,
  copyFile,
  lstat,
  open,
  readdir,
  readlink,
  realpath,
  rename,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './errors';
import { removeOnSignal } from './signals';

/** How bytes get into an open file: the real writer, or one a test makes fail (a full disk). */
export interface FileWriter {
  /** Writes all of `data` into `handle`, the open temporary file at `path`. */
  write(handle: FileHandle, data: Buffer, path: string): Promise<void>;
}

/**
 * Test seam: with `SALES_METRICS_PAUSE_WRITE=FILE` the writer stops half way through the
 * temporary file, writes its path into FILE and waits until FILE is removed (or the process is
 * killed), so tests can kill a run mid-write, or hold it there while another run starts.
 */
const PAUSE_ENV = 'SALES_METRICS_PAUSE_WRITE';
const CHUNK = 1 << 20;

async function pauseWhile(marker: string, temporary: string): Promise<void> {
  await writeFile(marker, temporary);
  while (
    await stat(marker).then(
      () => true,
      () => false,
    )
  )
    await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Writes in chunks (so a pause can fall between them). */
export const diskWriter: FileWriter = {
  async write(handle, data, path) {
    const pause = process.env[PAUSE_ENV];
    const half = Math.floor(data.length / 2);
    let at = 0;
    while (at < data.length) {
      const end = pause && at < half ? half : Math.min(data.length, at + CHUNK);
      const { bytesWritten } = await handle.write(data, at, end - at, at);
      at += bytesWritten;
      if (pause && at === half) await pauseWhile(pause, path);
    }
  },
};

/** Where a write lands: the path as given and the file it resolves to (a symlink's target). */
export interface WriteTarget {
  readonly path: string;
  /** The file replaced: `path`, or the end of its symlink chain. */
  readonly real: string;
  /** The existing file, when there is one. */
  readonly existing?: Stats;
}

function codeOf(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

/** A file-system failure in a few plain words. */
export function fsReason(error: unknown): string {
  switch (codeOf(error)) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EISDIR':
      return 'a folder of that name is in the way';
    case 'ENOTDIR':
      return 'a file is in the way of its folder';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'EBUSY':
      return 'the file is busy';
    default: {
      const message = (error as Error)?.message ?? String(error);
      return message.split('\n')[0];
    }
  }
}

/**
 * The file `path` names: itself or, through symlinks, their target (which may not exist yet).
 * @example await writeTarget('latest.xlsx') // { path: '/reports/latest.xlsx', real: '/reports/2026/dashboard.xlsx', existing: Stats }
 */
export async function writeTarget(path: string): Promise<WriteTarget> {
  let real = path;
  try {
    real = await realpath(path);
  } catch (error) {
    // A dangling symlink: write where it points.
    if (codeOf(error) === 'ENOENT') {
      try {
        const link = await lstat(path);
        if (link.isSymbolicLink()) real = resolve(dirname(path), await readlink(path));
      } catch {
        // Nothing there: a new file.
      }
    }
  }
  try {
    const existing = await stat(real);
    if (existing.isDirectory()) throw new CliError(`cannot write ${path}: it is a folder`);
    return { path, real, existing };
  } catch (error) {
    if (error instanceof CliError) throw error;
    return { path, real };
  }
}

/** True when the two stats are one file (the same inode on the same device: hard links too). */
export function sameFile(a: Stats | undefined, b: Stats | undefined): boolean {
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

/**
 * Refuses a file nobody may write: one without write permission for this process, or one whose
 * mode has no write bit at all (which an administrator could still write, but must not).
 */
export async function ensureWritable(target: WriteTarget, how: string): Promise<void> {
  if (!target.existing) return;
  let writable = (target.existing.mode & 0o222) !== 0;
  if (writable) {
    try {
      await access(target.real, constants.W_OK);
    } catch {
      writable = false;
    }
  }
  if (!writable)
    throw new CliError(
      `${target.path} is read-only, so it is left as it is: make it writable (chmod u+w) to ${how}`,
    );
}

/** Temporary files of this destination: `.NAME.PID.RANDOM.tmp`. */
function temporaryName(real: string): string {
  const random = Math.random().toString(36).slice(2, 8);
  return join(dirname(real), `.${basename(real)}.${process.pid}.${random}.tmp`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
}

/** Removes temporary files a killed run left beside `real` (their process is gone). */
export async function removeLeftovers(real: string): Promise<void> {
  const prefix = `.${basename(real)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(real));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(/^\.(?:.*)\.(\d+)\.[a-z0-9]+\.tmp$/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    await unlink(join(dirname(real), name)).catch(() => undefined);
  }
}

async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

export interface ReplaceOptions {
  readonly writer?: FileWriter;
  /**
   * Called after the new bytes are on disk and before they replace the file: a last check (the
   * file changed meanwhile) that may throw to leave everything as it was.
   */
  readonly beforeRename?: () => Promise<void>;
}

/**
 * Writes `data` to `target.real` through a temporary file in the same folder (same mode as the
 * file it replaces), flushed and renamed into place. On any failure the temporary file is
 * removed and a `CliError` says why in one line; the destination is untouched.
 * @example await replaceFile(await writeTarget('dashboard.xlsx'), bytes);
 */
export async function replaceFile(
  target: WriteTarget,
  data: Buffer,
  options: ReplaceOptions = {},
): Promise<void> {
  const writer = options.writer ?? diskWriter;
  await removeLeftovers(target.real);
  const temporary = temporaryName(target.real);
  const release = removeOnSignal(temporary);
  let handle: FileHandle | undefined;
  try {
    try {
      handle = await open(temporary, 'wx', 0o666);
    } catch (error) {
      throw new CliError(
        `cannot write ${target.path}: cannot create a file in ${dirname(target.real)} (${fsReason(error)})`,
      );
    }
    try {
      if (target.existing) await handle.chmod(target.existing.mode & 0o7777);
      await writer.write(handle, data, temporary);
      await handle.sync();
      await handle.close();
      handle = undefined;
    } catch (error) {
      throw new CliError(`cannot write ${target.path}: ${fsReason(error)}; ${unchanged(target)}`);
    }
    await options.beforeRename?.();
    try {
      await rename(temporary, target.real);
    } catch (error) {
      throw new CliError(`cannot write ${target.path}: ${fsReason(error)}; ${unchanged(target)}`);
    }
    await syncFolder(dirname(target.real));
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await removeQuietly(temporary);
    throw error;
  } finally {
    release();
  }
}

function unchanged(target: WriteTarget): string {
  return target.existing ? 'the file was left as it was' : 'nothing was written';
}

/** Flushes the folder entry of a rename (best effort: not every platform can open a folder). */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    await handle.sync().catch(() => undefined);
    await handle.close();
  } catch {
    // Windows cannot open folders; the rename is still atomic.
  }
}

/**
 * Copies `target`'s file to `backup` the same way: into a temporary file first, then renamed, so
 * a failed copy never leaves half a backup (nor replaces a good one). The copy keeps the mode.
 * @example await backUp(target, `${target.real}.bak`);
 */
export async function backUp(target: WriteTarget, backup: string): Promise<void> {
  const temporary = temporaryName(backup);
  const release = removeOnSignal(temporary);
  try {
    const existing = await stat(backup).catch(() => undefined);
    if (existing?.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    await removeLeftovers(backup);
    await copyFile(target.real, temporary, constants.COPYFILE_EXCL);
    if (target.existing) await chmod(temporary, target.existing.mode & 0o7777);
    const handle = await open(temporary, 'r+');
    await handle.sync().catch(() => undefined);
    await handle.close();
    await rename(temporary, backup);
  } catch (error) {
    await removeQuietly(temporary);
    throw new CliError(`cannot back up ${target.path} to ${backup}: ${fsReason(error)}; nothing was changed`);
  } finally {
    release();
  }
}
