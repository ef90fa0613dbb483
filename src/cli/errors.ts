/**
 * The CLI's error family: anything the user can fix (a bad flag, a missing file, a file with no
 * usable rows). `main` prints the message on one line and exits non-zero, without a stack trace.
 */
export class CliError extends Error {
  /**
   * @param exitCode 2 for usage errors (bad flags or arguments), 1 for everything else
   */
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A usage error: bad flags or arguments (exit code 2). */
export function usageError(message: string): CliError {
  return new CliError(message, 2);
}
