/** Runs `main()` in-process with captured output, for the CLI tests. */
import { join } from 'node:path';
import { captureIO, main } from '../../src/cli/main';

export const DATA = join(__dirname, '../../../shared/data');
export const FIXTURES = join(__dirname, '../fixtures/cli');

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI with a fixed clock (2026-11-28) and the fixtures folder as working folder. */
export async function runCli(
  argv: readonly string[],
  now = new Date(Date.UTC(2026, 10, 28, 12)),
): Promise<CliRun> {
  const io = captureIO(now, FIXTURES);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** Runs the CLI and parses stdout as JSON, failing with stderr when the run failed. */
export async function runJson<T = any>(argv: readonly string[]): Promise<T> {
  const run = await runCli([...argv, '--json', '--quiet']);
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.err}`);
  return JSON.parse(run.out) as T;
}
