/**
 * The one error family file readers throw: a file that is missing, unreadable or not what its
 * name says. The message is a complete sentence for the user (the CLI prints it as is).
 */
export class FileReadError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'FileReadError';
  }
}

/** A user-facing message for a Node file-system error (`ENOENT`, `EACCES`, `EISDIR`…). */
export function describeFsError(error: unknown, path: string): FileReadError {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return new FileReadError(`file not found: ${path}`, path);
    case 'EACCES':
    case 'EPERM':
      return new FileReadError(`permission denied reading ${path}`, path);
    case 'EISDIR':
      return new FileReadError(`${path} is a folder, not a file`, path);
    default:
      return new FileReadError(`cannot read ${path}: ${(error as Error)?.message ?? String(error)}`, path);
  }
}
