/**
 * Where the CLI writes files: the output's folder is created when missing (`--out
 * reports/2026/dashboard.xlsx` works on a fresh clone), an output that is an input under another
 * name or that holds typed actions is refused, and failures read as one line.
 */
import type { Stats } from 'node:fs';
import { mkdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isProductSheet } from '../workflows/sources';
import { openSheetsOf } from '../xlsx/render-package';
import { typedActions, type TypedActions } from '../xlsx/product-sheets';
import { CliError, usageError } from './errors';
import { sameFile, type WriteTarget } from './safe-write';

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

/**
 * Refuses an output that is one of the inputs under another name: the same path through a
 * symbolic link, or the same file through a hard link.
 * @example await refuseInputAsOutput(await writeTarget('out.xlsx'), ['sales.xlsx'], io.cwd);
 */
export async function refuseInputAsOutput(
  target: WriteTarget,
  inputs: readonly (string | undefined)[],
  cwd: string,
): Promise<void> {
  if (!target.existing) return;
  for (const given of inputs) {
    if (given === undefined) continue;
    const input = resolve(cwd, given);
    const real = await realpath(input).catch(() => input);
    const info = await stat(input).catch(() => undefined);
    if (real !== target.real && !sameFile(target.existing, info)) continue;
    const how = real === target.real ? 'through a symbolic link' : 'a hard link to it';
    throw usageError(
      `--out ${target.path} is the input ${given} (${how}): build never modifies its input; choose another --out (use "review" to refresh a built workbook in place)`,
    );
  }
}

/**
 * Before `build` replaces an existing file: refuses one holding actions people typed (or one it
 * cannot read, which may be anything) unless `force`. Returns the file's state as checked, for
 * telling whether it changed before the new one replaces it.
 */
export async function checkExistingOutput(target: WriteTarget, force: boolean): Promise<Stats | undefined> {
  const info = await stat(target.real).catch(() => undefined);
  if (!info || info.size === 0 || force) return info;
  const keep = `pass --force to replace it (the old file is kept as ${basename(target.real)}.bak)`;
  let typed: TypedActions[];
  try {
    typed = typedActions(await openSheetsOf(await readFile(target.real), isProductSheet));
  } catch {
    throw new CliError(
      `${target.path} exists and is not a workbook this can read, so it is left as it is: choose another --out, or ${keep}`,
    );
  }
  if (typed.length === 0) return info;
  const where = typed.map((t) => `${t.cells} cell${t.cells === 1 ? '' : 's'} in "${t.sheet}"`).join(', ');
  throw new CliError(
    `${target.path} holds actions people typed (${where}), which a new build would drop: refresh it with "sales-metrics review", choose another --out, or ${keep}`,
  );
}

/**
 * How a file the workbook reads from is named in its configuration: relative to the workbook's
 * folder (so the two can move together), with `/` on every platform.
 * @example fileSourceName('/reports', '/data/orders.csv') // '../data/orders.csv'
 */
export function fileSourceName(workbookFolder: string, file: string): string {
  const path = relative(workbookFolder, file);
  return isAbsolute(path) ? path : path.split(sep).join('/');
}
