import type { FileWriter } from './safe-write';

/**
 * Where the CLI writes and what it may ask of the outside world. Injected so tests can run
 * `main()` in-process and read what it printed; the real process uses `processIO()`.
 */
export interface CliIO {
  /** Results (tables, JSON). */
  readonly stdout: (text: string) => void;
  /** Progress, warnings and errors. */
  readonly stderr: (text: string) => void;
  /**
   * The clock; the CLI is the one place that reads it: today keeps the weekly review from running
   * past this week, and is the as-of day of data without a single date.
   */
  readonly now: () => Date;
  /** The working folder relative paths are resolved against. */
  readonly cwd: string;
  /** How files are written (default: to disk); tests put a failing writer here (a full disk). */
  readonly writer?: FileWriter;
}

let pipeGuard = false;

/**
 * The real process: `process.stdout`, `process.stderr`, the system clock. A reader that stops
 * early (`sales-metrics metrics --json | head`) closes the pipe: that ends the run quietly
 * instead of crashing on EPIPE.
 */
export function processIO(): CliIO {
  if (!pipeGuard) {
    pipeGuard = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    now: () => new Date(),
    cwd: process.cwd(),
  };
}

/** An IO that records everything, for tests and for embedding. */
export interface CapturedIO extends CliIO {
  readonly out: () => string;
  readonly err: () => string;
}

/**
 * @example const io = captureIO(new Date('2026-11-28')); await main(['benchmarks', '--json'], io); JSON.parse(io.out());
 */
export function captureIO(
  now: Date = new Date(Date.UTC(2026, 10, 28)),
  cwd = process.cwd(),
  writer?: FileWriter,
): CapturedIO {
  let out = '';
  let err = '';
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    now: () => now,
    cwd,
    ...(writer ? { writer } : {}),
    out: () => out,
    err: () => err,
  };
}

/** Progress lines on stderr: `[stage] message`. Quiet when `quiet` is set, except warnings. */
export interface Progress {
  readonly stage: (message: string) => void;
  readonly rows: (label: string, count: number, verb?: string) => void;
  /** Something the person should know even with `--quiet` (a file open elsewhere). */
  readonly warn: (message: string) => void;
}

export function progressOn(io: CliIO, quiet = false): Progress {
  const write = (line: string) => {
    if (!quiet) io.stderr(`${line}\n`);
  };
  return {
    stage: (message) => write(`… ${message}`),
    rows: (label, count, verb = 'read') => write(`… ${label}: ${count.toLocaleString('en-US')} rows ${verb}`),
    warn: (message) => io.stderr(`warning: ${message}\n`),
  };
}
