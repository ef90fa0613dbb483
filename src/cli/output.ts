/**
 * Where the CLI writes files: the output's folder is created when missing (`--out
 * reports/2026/dashboard.xlsx` works on a fresh clone), and failures read as one line.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CliError } from './errors';

/**
 * Creates the folder `path` will be written into, with its parents.
 * @example await prepareOutput('/tmp/new/folder/dashboard.xlsx'); // /tmp/new/folder exists now
 */
export async function prepareOutput(path: string): Promise<void> {
  const folder = dirname(path);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    const code = (error as { code?: string } | null)?.code;
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EEXIST' || code === 'ENOTDIR'
          ? 'a file of that name is in the way'
          : ((error as Error)?.message ?? String(error));
    throw new CliError(`cannot create the folder ${folder} for ${path}: ${reason}`);
  }
}
